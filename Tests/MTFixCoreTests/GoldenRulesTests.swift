import Foundation
import MTFixCore
import MTFixICU
import MTFixTestSupport
import Testing

/// External acceptance data: the pySBD / pragmatic_segmenter "Golden Rules" in ../shared/benchmarks.
/// Scores exact matches on unique pure-split cases per language, ours next to raw ICU.
@Suite("Sentence segmentation: Golden Rules")
struct GoldenRulesTests {
    struct Case {
        let lang: String
        let text: String
        let expected: [String]
    }

    static func load() -> [String: [Case]] {
        guard let shared = TestPaths.shared else { return [:] }
        let dir = shared.appendingPathComponent("benchmarks")
        var out: [String: [Case]] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for f in files.sorted() where f.hasPrefix("golden-rules-") && f.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: dir.appendingPathComponent(f)),
                let arr = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
            else { continue }
            for c in arr {
                guard c["duplicate_of"] == nil || c["duplicate_of"] is NSNull,
                    c["concat_equals_text"] as? Bool == true,
                    let lang = c["lang"] as? String, let text = c["text"] as? String,
                    let expected = c["expected"] as? [String]
                else { continue }
                out[lang, default: []].append(Case(lang: lang, text: text, expected: expected))
            }
        }
        return out
    }

    static func ours(_ c: Case) -> [String] {
        let d = Document(text: c.text, language: c.lang)
        return d.sentences.map { d.string($0) }
    }

    static func icuAlone(_ c: Case) -> [String] {
        let u = Array(c.text.utf16)
        let locale = ["en", "de", "fr", "es", "it", "pt", "ru"].contains(c.lang) ? "\(c.lang)@ss=standard" : c.lang
        let b = (try? Segmenter.boundaries(.sentence, locale: locale, in: u)) ?? []
        return zip(b, b.dropFirst()).map {
            String(decoding: u[$0.offset..<$1.offset], as: UTF16.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    static func normalize(_ s: [String]) -> [String] {
        s.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    @Test func scoresPerLanguage() throws {
        let all = Self.load()
        guard !all.isEmpty else { return }  // ../shared not present: nothing to score
        var lines = ["lang  cases  ICU-alone  mtfix"]
        var totalOurs = 0
        var totalICU = 0
        var total = 0
        for lang in all.keys.sorted() {
            let cases = all[lang]!
            let ours = cases.filter { Self.ours($0) == Self.normalize($0.expected) }.count
            let icu = cases.filter { Self.icuAlone($0) == Self.normalize($0.expected) }.count
            totalOurs += ours
            totalICU += icu
            total += cases.count
            lines.append(String(format: "%@    %3d    %5.1f%%    %5.1f%%", lang, cases.count, 100.0 * Double(icu) / Double(cases.count), 100.0 * Double(ours) / Double(cases.count)))
            // Our repairs must never make a language worse than ICU alone.
            #expect(ours >= icu, "\(lang): mtfix \(ours) < ICU \(icu)")
        }
        lines.append(String(format: "all   %3d    %5.1f%%    %5.1f%%", total, 100.0 * Double(totalICU) / Double(total), 100.0 * Double(totalOurs) / Double(total)))
        print(lines.joined(separator: "\n"))
        if ProcessInfo.processInfo.environment["MTFIX_GOLDEN_FAILURES"] != nil {
            for c in all[ProcessInfo.processInfo.environment["MTFIX_GOLDEN_FAILURES"]!] ?? [] where Self.ours(c) != Self.normalize(c.expected) {
                print("TEXT: \(c.text)\n  got:  \(Self.ours(c))\n  want: \(c.expected)")
            }
        }
    }
}
