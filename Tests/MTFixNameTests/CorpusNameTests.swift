import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// The corpora's `name-drift` and `title-conflict` entries, and the example article from ../shared.
@Suite("Name corpora")
struct CorpusNameTests {
    static let languages = ["en", "de", "fr", "es", "ru", "ja", "zh"]
    static let mine: Set<String> = ["name-drift", "title-conflict"]

    /// `- line: N` / `category: X` / `safety: Y` entries of an `.expect.yml`, as `N:X:Y`.
    static func expectations(_ text: String) -> [String] {
        var out: [String] = []
        var line = ""
        var category = ""
        for raw in text.split(separator: "\n") {
            let l = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "")
            let parts = l.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "line": line = parts[1]
            case "category": category = parts[1]
            case "safety": if mine.contains(category) { out.append("\(line):\(category):\(parts[1])") }
            default: break
            }
        }
        return out.sorted()
    }

    static func files(_ lang: String, suffix: String) -> [URL] {
        let dir = TestPaths.corpora.appendingPathComponent(lang)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test(arguments: languages)
    func damagedArticles(_ lang: String) throws {
        for expect in Self.files(lang, suffix: ".expect.yml") {
            let base = expect.path.replacingOccurrences(of: ".expect.yml", with: "")
            let text = try String(contentsOfFile: base + ".mt.txt", encoding: .utf8)
            let fixed = try String(contentsOfFile: base + ".fixed.txt", encoding: .utf8)
            let r = Names.run(text, lang)
            #expect(Names.summary(r).sorted() == Self.expectations(try String(contentsOf: expect, encoding: .utf8)), "\(base)")
            // Every repair reads as in `.fixed.txt`: the changed span with a little context on each side
            // (other detectors repair other parts of some of these lines).
            let before = text.split(separator: "\n", omittingEmptySubsequences: false)
            let after = r.fixed.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(before.count == after.count)
            for (a, b) in zip(before, after) where a != b {
                #expect(fixed.contains(Self.changedSpan(Array(a), Array(b), context: 2)), "\(base): \(b)")
            }
        }
    }

    /// The part of `b` that differs from `a`, widened by `context` characters each side.
    static func changedSpan(_ a: [Character], _ b: [Character], context: Int) -> String {
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        return String(b[max(0, p - context)..<min(b.count, b.count - s + context)])
    }

    @Test(arguments: languages)
    func cleanArticlesGiveNothing(_ lang: String) throws {
        for clean in Self.files(lang, suffix: ".txt") where clean.lastPathComponent.hasPrefix("clean-") {
            let r = Names.run(try String(contentsOf: clean, encoding: .utf8), lang)
            #expect(r.findings.isEmpty, "\(clean.lastPathComponent): \(r.findings.map(\.message))")
        }
    }

    @Test func exampleArticle() throws {
        guard let shared = TestPaths.shared else { return }
        let url = shared.appendingPathComponent("seeds/central-asia-visit.mt.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let r = Names.run(text, "en")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let out = r.fixed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The headline's first word is the canonical surname; line 13 holds the wrong title and the variant.
        let canonical = String(lines[0].split(separator: " ")[0])
        let variant = String(lines[12].components(separatedBy: "Prime Minister ")[1].split(separator: " ")[0])
        #expect(out[12] == lines[12].replacingOccurrences(of: "Prime Minister \(variant)", with: canonical))
        for n in [17, 38, 57, 73] {
            #expect(out[n - 1] == lines[n - 1].replacingOccurrences(of: variant, with: canonical), "line \(n)")
        }
        // Line 42's variant goes to the surname of the body's full-name mention on line 38.
        let drift42 = r.findings.first { r.original.position(at: $0.range.lowerBound).line == 42 }
        #expect(drift42?.safety == .safe)
        if let c = drift42?.evidence["canonical"] { #expect(lines[37].contains(c) && out[41].hasPrefix(c + " ")) }
        #expect(out[10] == lines[10], "the president's full name must stay as written")
        let touched = Set(r.findings.map { r.original.position(at: $0.range.lowerBound).line })
        #expect(touched == [13, 17, 26, 38, 42, 57, 73])
    }
}
