import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// One corpus article: a damaged text with its expected repair and findings, or a clean control.
struct CorpusArticle: CustomTestStringConvertible, Sendable {
    /// `en/varga-seoul-visit` or `en/clean-korea-australia-friendly`.
    let name: String
    let input: URL
    /// nil for a clean control.
    let fixed: URL?
    let expect: URL?
    var isClean: Bool { fixed == nil }
    /// In `unicode/` an entry means "this category occurs on this line" (set semantics).
    var perLine: Bool { name.hasPrefix("unicode/") }
    var testDescription: String { name }

    /// Where the corpora are: `$MTFIX_CORPORA` (to test a corpus being written) or `Corpora/`.
    static let root: URL = {
        if let p = ProcessInfo.processInfo.environment["MTFIX_CORPORA"] { return URL(fileURLWithPath: p) }
        return TestPaths.corpora
    }()

    /// Every article below the root, sorted by name.
    static let all: [CorpusArticle] = {
        var out: [CorpusArticle] = []
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return out }
        while let rel = e.nextObject() as? String {
            let url = root.appendingPathComponent(rel)
            let file = url.lastPathComponent
            let dir = (rel as NSString).deletingLastPathComponent
            if file.hasSuffix(".mt.txt") {
                let slug = String(file.dropLast(".mt.txt".count))
                let base = url.deletingLastPathComponent()
                out.append(
                    CorpusArticle(
                        name: "\(dir)/\(slug)", input: url, fixed: base.appendingPathComponent("\(slug).fixed.txt"),
                        expect: base.appendingPathComponent("\(slug).expect.yml")))
            } else if file.hasPrefix("clean-") && file.hasSuffix(".txt") {
                out.append(CorpusArticle(name: "\(dir)/\(file.dropLast(4))", input: url, fixed: nil, expect: nil))
            }
        }
        return out.sorted { $0.name < $1.name }
    }()

    func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    /// The `{line, category, safety}` entries of the `.expect.yml` (a flat YAML list; parsed by hand
    /// so the test does not depend on the rule loader it is testing).
    func expectations() throws -> [Expectation] {
        guard let expect else { return [] }
        var out: [Expectation] = []
        var cur: [String: String] = [:]
        func flush() {
            if let l = cur["line"].flatMap(Int.init), let c = cur["category"] {
                out.append(Expectation(line: l, category: c, safety: cur["safety"] ?? "safe"))
            }
            cur = [:]
        }
        for raw in try text(expect).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("- ") {
                flush()
                line = String(line.dropFirst(2))
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            cur[key] = value
        }
        flush()
        return out
    }
}

/// An expected (or actual) finding as the corpus states it.
struct Expectation: Hashable, Sendable, CustomStringConvertible {
    let line: Int
    let category: String
    let safety: String
    var description: String { "\(line) \(category) (\(safety))" }
}

/// What the corpus test compares: the same code path as `mtfix fix` with the bundled rules.
enum CorpusRun {
    static let rules: [any Rule] = (try? Toolkit.loadRules()) ?? []
    static let checker = Checker(rules: rules, options: CheckOptions())

    /// Categories whose detectors are not on this branch yet: their expectations are not required, their
    /// repairs may be missing from the output. Shrinks as detectors land (a test fails when a listed
    /// category gains a bundled rule, so the list cannot go stale).
    static let unimplemented: Set<String> = []

    static func actual(_ result: EngineResult) -> [Expectation] {
        result.findings.map { f in
            Expectation(
                line: result.original.position(at: f.range.lowerBound).line, category: f.category.rawValue,
                safety: f.safety.rawValue)
        }
    }

    /// `review` in the corpus means "not applied by `fix`": a report-only finding satisfies it too.
    static func safetyMatches(expected: String, actual: String) -> Bool {
        expected == actual || (expected == "review" && actual == "report")
    }
}
