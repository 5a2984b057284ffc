import MTFixCore
import Yams

/// Builds a Swift detector from its rule file: the descriptor and the file's `options:`.
public typealias DetectorFactory = @Sendable (RuleDescriptor, ConfigValue) throws -> any Rule

/// Parses one rule file (`Rules/<lang or common>/<category>/<id>.yml`) into a rule.
public enum RuleFile {
    /// The closed set of rule kinds.
    public static let kinds = ["pattern", "substitute", "forbid", "detector"]
    static let knownKeys: Set<String> = [
        "id", "summary", "category", "languages", "severity", "safety", "message", "kind", "pattern", "flags",
        "replacement", "table", "detector", "options", "fixes", "keeps", "known_failures", "prefilter", "reports",
        "skip_perturbations", "messages",
    ]
    /// Perturbations of the example harness a rule may opt out of (say why in a comment).
    public static let perturbations = ["prefix", "crlf"]

    public static func parse(
        _ text: String, file: String, detectors: [String: DetectorFactory]
    ) throws -> any Rule {
        let root = try YAMLTree.parse(text, file: file)
        guard case .mapping = root else { throw RuleFileError(file: file, line: root.line, message: "a rule file must be a mapping") }
        func fail(_ node: Node?, _ message: String) -> RuleFileError {
            RuleFileError(file: file, line: node?.line ?? root.line, message: message)
        }
        func scalar(_ key: String, required: Bool = true) throws -> String? {
            guard let n = root.field(key) else {
                if required { throw fail(nil, "missing '\(key)'") }
                return nil
            }
            guard let s = n.text else { throw fail(n, "'\(key)' must be text") }
            return s
        }
        if case .mapping(let m) = root {
            var seen = Set<String>()
            for (k, _) in m {
                if let key = k.text, !seen.insert(key).inserted { throw fail(k, "duplicate key '\(key)'") }
                if let key = k.text, !knownKeys.contains(key) {
                    let hint = Suggest.closest(key, in: Array(knownKeys)).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail(k, "unknown key '\(key)'\(hint)")
                }
            }
        }
        let id = try scalar("id")!
        let stem = file.split(separator: "/").last.map { $0.hasSuffix(".yml") ? String($0.dropLast(4)) : String($0) } ?? id
        if id != stem { throw fail(root.field("id"), "id '\(id)' must equal the file name '\(stem)'") }
        let catName = try scalar("category")!
        guard let category = Category(rawValue: catName) else {
            let hint = Suggest.closest(catName, in: Category.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(root.field("category"), "unknown category '\(catName)'\(hint)")
        }
        let safetyName = try scalar("safety")!
        guard let safety = Safety(rawValue: safetyName) else { throw fail(root.field("safety"), "safety must be safe, review or report") }
        let severityName = try scalar("severity", required: false) ?? "warning"
        guard let severity = Severity(rawValue: severityName) else { throw fail(root.field("severity"), "severity must be error, warning or info") }
        let kind = try scalar("kind")!
        guard kinds.contains(kind) else {
            throw fail(root.field("kind"), "unknown kind '\(kind)'; one of: \(kinds.joined(separator: ", "))")
        }
        var languages: [String] = []
        if let l = root.field("languages") {
            guard let list = YAMLTree.value(l).strings else { throw fail(l, "'languages' must be a list of language codes") }
            languages = list
        }
        let fixes = try examples(root.field("fixes"), file: file, withOutput: true)
        let keeps = try examples(root.field("keeps"), file: file, withOutput: false)
        let reports = try examples(root.field("reports"), file: file, withOutput: false)
        let known = try examples(root.field("known_failures"), file: file, withOutput: true)
        let reportOnly = safety == .report || kind == "forbid"
        if reportOnly {
            if fixes.isEmpty && reports.isEmpty { throw fail(nil, "a report-only rule needs at least one 'reports' example") }
        } else if fixes.isEmpty {
            throw fail(nil, "a rule needs at least one 'fixes' example")
        }
        if keeps.isEmpty { throw fail(nil, "a rule needs at least one 'keeps' example") }
        var skipped: [String] = []
        if let n = root.field("skip_perturbations") {
            skipped = YAMLTree.value(n).strings ?? []
            for p in skipped where !perturbations.contains(p) {
                throw fail(n, "unknown perturbation '\(p)'; one of: \(perturbations.joined(separator: ", "))")
            }
        }
        var descriptor = RuleDescriptor(
            id: id, category: category, severity: severity, safety: safety, summary: try scalar("summary")!,
            message: try scalar("message")!, languages: languages, fixes: fixes, keeps: keeps, knownFailures: known,
            location: SourceLocation(file: file, line: 1), reports: reports)
        descriptor.skippedPerturbations = skipped
        let flags = root.field("flags").map { YAMLTree.value($0).strings ?? [] } ?? []
        var prefilter: [String]? = nil
        if let n = root.field("prefilter") {
            let v = YAMLTree.value(n)
            if v.string == "none" {
                prefilter = []
            } else if let list = v.strings, !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) {
                prefilter = list
            } else {
                throw fail(n, "'prefilter' must be a list of non-empty literals, or 'none'")
            }
        }
        // The rule, then its messages in other languages (`messages:`) laid over what it reports.
        let rule: any Rule = try {
            switch kind {
            case "pattern", "forbid":
                guard let pNode = root.field("pattern"), let p = pNode.text else { throw fail(nil, "missing 'pattern'") }
                var options: ICURegexOptions = []
                for f in flags {
                    switch f {
                    case "case-insensitive": options.insert(.caseInsensitive)
                    case "multiline": options.insert(.multiline)
                    case "dot-all": options.insert(.dotAll)
                    case "comments": options.insert(.comments)
                    default: throw fail(root.field("flags"), "unknown flag '\(f)' (case-insensitive, multiline, dot-all, comments)")
                    }
                }
                let replacement = kind == "forbid" ? nil : try scalar("replacement")
                do {
                    return try PatternRule(
                        descriptor: descriptor, pattern: p, options: options, replacement: replacement, prefilter: prefilter)
                } catch let e as PatternRule.BuildError {
                    throw fail(pNode, e.message)
                }
            case "substitute":
                guard let t = root.field("table"), case .mapping(let m) = t else { throw fail(root.field("table"), "'table' must map text to its replacement") }
                let table = m.compactMap { k, v -> (String, String)? in
                    guard let a = k.text, let b = v.text else { return nil }
                    return (a, b)
                }
                if table.isEmpty { throw fail(t, "'table' is empty") }
                return SubstituteRule(descriptor: descriptor, table: table)
            default:
                let name = try scalar("detector")!
                guard let factory = detectors[name] else {
                    let hint = Suggest.closest(name, in: Array(detectors.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail(root.field("detector"), "unknown detector '\(name)'\(hint)")
                }
                let options = root.field("options").map(YAMLTree.value) ?? .map([])
                do {
                    let rule = try factory(descriptor, options)
                    guard let prefilter, !prefilter.isEmpty else { return rule }
                    return Prefiltered(inner: rule, requiredLiterals: RequiredLiterals(prefilter))
                } catch let e as RuleFileError {
                    throw e
                } catch {
                    throw fail(root.field("options"), "detector '\(name)': \(error)")
                }
            }
        }()
        return try Localized.wrap(rule, root.field("messages"), file: file)
    }

    /// `fixes: [{in, out, lang?}]`, `keeps: [text or {in, lang?}]`, each remembering its line.
    static func examples(_ node: Node?, file: String, withOutput: Bool) throws -> [RuleExample] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else {
            throw RuleFileError(file: file, line: node.line, message: "examples must be a list")
        }
        return try seq.map { item in
            let loc = SourceLocation(file: file, line: item.line)
            if case .mapping(let m) = item {
                for (k, _) in m where !["in", "out", "lang"].contains(k.text ?? "") {
                    throw RuleFileError(file: file, line: k.line, message: "unknown example key '\(k.text ?? "")' (in, out, lang)")
                }
            }
            let lang = item.field("lang")?.text
            if withOutput {
                guard let i = item.field("in")?.text, let o = item.field("out")?.text else {
                    throw RuleFileError(file: file, line: item.line, message: "a 'fixes' example needs 'in' and 'out'")
                }
                return RuleExample(input: i, output: o, location: loc, language: lang)
            }
            if let s = item.text { return RuleExample(input: s, output: nil, location: loc) }
            if let s = item.field("in")?.text { return RuleExample(input: s, output: nil, location: loc, language: lang) }
            throw RuleFileError(file: file, line: item.line, message: "an example must be text or have 'in'")
        }
    }
}

/// "Did you mean" for ids, keys and categories: the closest candidate by edit distance, if close enough.
public enum Suggest {
    public static func closest(_ word: String, in candidates: [String]) -> String? {
        let best = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        // A suggestion shares something with the word: `ko` is not a slip for `de`, nor `xx` for `de`.
        guard let (c, d) = best, d <= max(2, word.count / 3), d < word.count else { return nil }
        return c
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
