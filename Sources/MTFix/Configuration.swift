import Foundation
import MTFixCore
import MTFixRules

/// Settings from the command line that win over the config file.
public struct CommandLineSettings: Sendable {
    /// nil: take the config's language, else `auto`.
    public var language: String?
    public var select: [String]
    public var ignore: [String]
    /// `--unsafe-fixes`: apply `review` edits whatever the config says.
    public var unsafeFixes: Bool
    public var ruleDirs: [URL]
    public var namesFile: URL?

    public init(
        language: String? = nil, select: [String] = [], ignore: [String] = [], unsafeFixes: Bool = false,
        ruleDirs: [URL] = [], namesFile: URL? = nil
    ) {
        self.language = language
        self.select = select
        self.ignore = ignore
        self.unsafeFixes = unsafeFixes
        self.ruleDirs = ruleDirs
        self.namesFile = namesFile
    }
}

/// A command-line setting that names something unknown (a rule id, a language, a file).
public struct SettingsError: Error, CustomStringConvertible, Sendable {
    /// One line per problem.
    public let message: String
    public var description: String { message }
}

/// Finds and reads `.mtfix.yml`, loads the rules it and the command line ask for, and builds a `Checker`.
/// Every problem is a `path:line: message` (thrown together as `RuleLoadErrors`).
public enum Configuration {
    public static let fileName = ".mtfix.yml"

    /// The nearest `.mtfix.yml` in `directory` or one of its parents.
    public static func find(from directory: URL) -> URL? {
        var dir = directory.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Reads and parses a config file.
    public static func read(_ url: URL, display: String? = nil) throws -> ConfigFile {
        let shown = display ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            var isDir: ObjCBool = false
            let why = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
                ? (isDir.boolValue ? "is a directory, not a config file" : "cannot read the config file")
                : "no such config file"
            throw RuleLoadErrors(errors: [RuleFileError(file: shown, line: 0, message: why)])
        }
        do {
            return try ConfigFile.parse(String(decoding: data, as: UTF8.self), file: shown)
        } catch let e as RuleFileError {
            throw RuleLoadErrors(errors: [e])
        }
    }

    /// Loads rules (bundled, the config's folders, then `--rules`), checks every id the config and the
    /// command line name, reads the names file, and returns the checker.
    public static func makeChecker(config: ConfigFile?, configURL: URL?, settings: CommandLineSettings) throws -> Checker {
        let base = configURL?.deletingLastPathComponent()
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") || base == nil ? URL(fileURLWithPath: path) : base!.appendingPathComponent(path)
        }
        let dirs = (config?.rules.map { resolve($0.value) } ?? []) + settings.ruleDirs
        let loaded = try Toolkit.loadRuleSet(extra: dirs)
        var errors: [RuleFileError] = []
        let known = Set(loaded.rules.map(\.descriptor.id)).union(Category.allCases.map(\.rawValue))
        func check(_ ids: [ConfigFile.Located<String>], file: String) {
            for id in ids where !known.contains(id.value) {
                errors.append(RuleFileError(file: file, line: id.line, message: unknownID(id.value, known: known)))
            }
        }
        var language = settings.language
        var knownNames: [String] = []
        var applyLevel: Safety = settings.unsafeFixes ? .review : .safe
        if let config {
            check(config.select, file: config.file)
            check(config.ignore, file: config.file)
            if let l = config.language, !isLanguage(l.value, loaded.detector) {
                errors.append(RuleFileError(file: config.file, line: l.line, message: unknownLanguage(l.value, loaded.detector)))
            }
            if language == nil { language = config.language?.value }
            if !settings.unsafeFixes, let s = config.safety { applyLevel = s.value }
            if let n = config.names {
                do { knownNames = try readNames(resolve(n.value)) } catch {
                    errors.append(RuleFileError(file: config.file, line: n.line, message: "cannot read the names file '\(n.value)': \(error)"))
                }
            }
        }
        if !errors.isEmpty { throw RuleLoadErrors(errors: errors) }
        // Every unknown id gets its own line and suggestion, not only the first.
        let unknown = (settings.select + settings.ignore).filter { !known.contains($0) }
        if !unknown.isEmpty { throw SettingsError(message: unknown.map { unknownID($0, known: known) }.joined(separator: "\n")) }
        if let l = settings.language, !isLanguage(l, loaded.detector) {
            throw SettingsError(message: unknownLanguage(l, loaded.detector))
        }
        if let names = settings.namesFile {
            do { knownNames += try readNames(names) } catch {
                throw SettingsError(message: "\(names.path): cannot read the names file: \(error)")
            }
        }
        // The command line's --select/--ignore replace the file's (as in ruff).
        let select = settings.select.isEmpty ? (config?.select.map(\.value) ?? []) : settings.select
        // A rule or category the command line selects by name is run even if the file ignores it.
        let ignore = settings.ignore.isEmpty
            ? (config?.ignore.map(\.value) ?? []).filter { !settings.select.contains($0) } : settings.ignore
        let options = CheckOptions(
            language: language, applyLevel: applyLevel, select: select, ignore: ignore, knownNames: knownNames)
        var checker = Checker(rules: loaded.rules, options: options, detector: loaded.detector)
        checker.ruleFolders = dirs
        return checker
    }

    /// A names file: one canonical spelling per line; blank lines and `#` comments ignored.
    /// Errors say why: `no such file`, `is a directory`, `line N: not valid UTF-8`.
    public static func readNames(_ url: URL) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { throw SettingsError(message: "no such file") }
        if isDir.boolValue { throw SettingsError(message: "is a directory") }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw SettingsError(message: "permission denied") }
        guard let text = String(data: data, encoding: .utf8) else {
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0
            throw SettingsError(message: "line \(bad + 1): not valid UTF-8")
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    public static func isLanguage(_ code: String, _ detector: LanguageDetector) -> Bool {
        code == "auto" || detector.languages.contains(code)
    }

    public static func unknownLanguage(_ code: String, _ detector: LanguageDetector) -> String {
        let hint = Suggest.closest(code, in: detector.languages).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown language '\(code)'\(hint); use auto or one of: \(detector.languages.joined(separator: ", "))"
    }

    public static func unknownID(_ id: String, known: Set<String>) -> String {
        let hint = Suggest.closest(id, in: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown rule or category '\(id)'\(hint)"
    }
}
