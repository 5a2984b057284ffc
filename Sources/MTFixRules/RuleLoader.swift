import Foundation
import MTFixCore

/// A `Rules/` tree held in memory: the bundled one (compiled into the tool) or a folder on disk.
public struct RuleTree: Sendable {
    /// How paths in this tree appear in messages (`Rules`, or the folder as given).
    public let display: String
    /// Relative path (`en/caption/caption-en.yml`) → file text.
    public let files: [String: String]

    public init(display: String, files: [String: String]) {
        self.display = display
        self.files = files
    }

    /// The rules that ship inside the tool.
    public static let bundled: RuleTree = {
        var files: [String: String] = [:]
        for (path, b64) in EmbeddedRules.files {
            if let d = Data(base64Encoded: b64) { files[path] = String(decoding: d, as: UTF8.self) }
        }
        return RuleTree(display: "Rules", files: files)
    }()

    /// Every `.yml` file below `url`.
    public static func directory(_ url: URL, display: String? = nil) throws -> RuleTree {
        let shown = display ?? url.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw RuleLoadErrors(errors: [RuleFileError(file: shown, line: 0, message: "rule folder not found")])
        }
        var files: [String: String] = [:]
        var errors: [RuleFileError] = []
        if let e = FileManager.default.enumerator(atPath: url.path) {
            while let rel = e.nextObject() as? String {
                if rel.hasSuffix(".yaml") {
                    errors.append(RuleFileError(file: "\(shown)/\(rel)", line: 1, message: "rule and data files end in '.yml'"))
                    continue
                }
                guard rel.hasSuffix(".yml") else { continue }
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(rel).path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    errors.append(RuleFileError(file: "\(shown)/\(rel)", line: 1, message: "cannot read the file as UTF-8"))
                    continue
                }
                files[rel] = text
            }
        }
        if !errors.isEmpty { throw RuleLoadErrors(errors: errors) }
        return RuleTree(display: shown, files: files)
    }

    /// Relative paths of rule files (depth three: `<lang>/<category>/<id>.yml`), sorted.
    public var rulePaths: [String] {
        files.keys.filter { $0.split(separator: "/").count == 3 }.sorted()
    }

    /// `.yml` files that are neither rules (`<lang>/<category>/<id>.yml`) nor data (`<lang>/<name>.yml`).
    public var strayPaths: [String] {
        files.keys.filter { let n = $0.split(separator: "/").count; return n != 2 && n != 3 }.sorted()
    }

    /// A language data file (`<lang>/<name>.yml`) as a `ConfigValue`, or nil when absent.
    public func data(_ name: String, language: String) throws -> ConfigValue? {
        let rel = "\(language)/\(name).yml"
        guard let text = files[rel] else { return nil }
        return YAMLTree.value(try YAMLTree.parse(text, file: "\(display)/\(rel)"))
    }
}

/// Loads rule files from a `Rules/` tree: `<lang or common>/<category>/<id>.yml`. Files directly
/// under `<lang>/` are language data (word lists), not rules.
public struct RuleLoader: Sendable {
    public let detectors: [String: DetectorFactory]

    public init(detectors: [String: DetectorFactory]) { self.detectors = detectors }

    /// Every rule in `tree`, sorted by id; all malformed files are reported, none skipped silently.
    public func load(_ tree: RuleTree) throws -> [any Rule] {
        var rules: [any Rule] = []
        var errors: [RuleFileError] = []
        for rel in tree.strayPaths {
            errors.append(RuleFileError(file: "\(tree.display)/\(rel)", line: 1, message: "not a rule location: rules live in <lang or common>/<category>/<id>.yml, data in <lang>/<name>.yml"))
        }
        for rel in tree.rulePaths {
            let display = "\(tree.display)/\(rel)"
            do {
                let parts = rel.split(separator: "/")
                if !RuleLoader.isLanguageFolder(String(parts[0])) {
                    throw RuleFileError(file: display, line: 1, message: "folder '\(parts[0])' is not a language code or 'common'")
                }
                if Category(rawValue: String(parts[1])) == nil {
                    throw RuleFileError(file: display, line: 1, message: "folder '\(parts[1])' is not a category")
                }
                let rule = try RuleFile.parse(tree.files[rel]!, file: display, detectors: detectors)
                if rule.descriptor.category.rawValue != parts[1] {
                    throw RuleFileError(
                        file: display, line: RuleLoader.keyLine("category", in: tree.files[rel]!),
                        message: "category '\(rule.descriptor.category.rawValue)' does not match its folder '\(parts[1])'")
                }
                let lang = String(parts[0])
                if lang != "common" && !rule.descriptor.languages.isEmpty && !rule.descriptor.languages.contains(lang) {
                    throw RuleFileError(
                        file: display, line: RuleLoader.keyLine("languages", in: tree.files[rel]!),
                        message: "rule in '\(lang)/' does not list '\(lang)' in its languages")
                }
                rules.append(lang == "common" || !rule.descriptor.languages.isEmpty ? rule : LanguageScoped(rule, lang))
            } catch let e as RuleFileError {
                errors.append(e)
            }
        }
        var seen: [String: String] = [:]
        for r in rules {
            let id = r.descriptor.id
            if let other = seen[id] {
                errors.append(RuleFileError(file: r.descriptor.location?.file ?? id, line: 1, message: "duplicate rule id '\(id)' (also in \(other))"))
            }
            seen[id] = r.descriptor.location?.file ?? id
        }
        if !errors.isEmpty { throw RuleLoadErrors(errors: errors) }
        return rules.sorted { $0.descriptor.id < $1.descriptor.id }
    }
}

extension RuleLoader {
    /// `common`, or a lowercase ISO 639 code (two or three letters).
    public static func isLanguageFolder(_ name: String) -> Bool {
        name == "common" || ((2...3).contains(name.count) && name.allSatisfy { $0.isASCII && $0.isLowercase })
    }

    /// The 1-based line of a top-level `key:` in a rule file's text (1 when absent), so an error about
    /// that field points at it rather than at the file's first line.
    static func keyLine(_ key: String, in text: String) -> Int {
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix(key + ":") {
            return k + 1
        }
        return 1
    }
}

/// Every error found while loading a rules tree.
public struct RuleLoadErrors: Error, CustomStringConvertible, Sendable {
    public let errors: [RuleFileError]
    public init(errors: [RuleFileError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// A rule file placed under `Rules/<lang>/` applies to that language even if it lists none.
struct LanguageScoped: Rule {
    let inner: any Rule
    let descriptor: RuleDescriptor

    init(_ inner: any Rule, _ language: String) {
        self.inner = inner
        var d = inner.descriptor
        d.languages = [language]
        descriptor = d
    }

    var requiredLiterals: RequiredLiterals? { inner.requiredLiterals }

    func check(_ document: Document, context: RuleContext) -> [Finding] { inner.check(document, context: context) }
}
