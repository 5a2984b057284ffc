import Foundation
import MTFixICU
import MTFixRules
import MTFixTestSupport
import Testing

@testable import MTFix

/// `detect` counts scripts alone on short texts and hashes words only when the answer needs them;
/// these tests hold it to the single full `scan` and the string-keyed decision it replaced.
@Suite("Language detection: the split scans give the full scan's answer")
struct LanguageScanTests {
    /// Characters to build texts from: ASCII letters and separators, accented Latin, Cyrillic, kana,
    /// Han, Hangul, Arabic, combining marks, digits, emoji, CJK and general punctuation.
    static let pool: [String] = [
        "a", "e", "t", "h", "Z", "Q", " ", " ", ".", ",", "\n", "'", "-", "0", "7", "é", "ß", "ñ", "ç", "İ", "ſ",
        "д", "Ж", "я", "の", "カ", "ー", "国", "务", "한", "ب", "\u{301}", "\u{200B}", "\u{378}", "😀", "𠀋", "、", "。", "　", "（",
        "the ", "der ", "que ", " и ", " de ", " la ", " и ", "は", "的",
        // ASCII bytes next to the letters' range, before and after folding to lowercase.
        "@", "[", "`", "{", "thé", "ab[cd", "x{y",
    ]

    /// Texts where the decision is close: kana at the very end, script ties, a single letter, words
    /// that make the Latin languages tie, and texts either side of the letter limit.
    static let edgeCases: [String] = {
        var out = [
            "", " ", "1234", ".", "é", "д", "の", "国", "😀", "𠀋",
            "ab дв", "abc где", "ab дв の", "国国国の", "国国国国国国国国国国国国国国国国国国国国国の",
            String(repeating: "国", count: 19) + "の", String(repeating: "国", count: 20) + "の",
            "the der", "de la", "que the", "el the der les", "The the THE", "ſ ſ", "İn in",
            "Министр сказал the и the", String(repeating: "word ", count: 40) + "すし",
        ]
        let limit = LanguageDetector.letterLimit
        for n in [limit - 9, limit - 1, limit, limit + 1, limit + 3] {
            // Latin words up to the limit, then Cyrillic: which side of the limit decides the script.
            var s = String(repeating: "the ", count: n / 4)
            s += String(repeating: "x", count: max(0, n - s.utf8.count))
            out.append(s + String(repeating: "д", count: 6_000))
            out.append(String(repeating: "д", count: n / 2) + String(repeating: "der ", count: 3_000))
        }
        return out
    }()

    /// The decision as it was made before the split: from `scan`'s counts keyed by ISO code.
    static func reference(_ d: LanguageDetector, _ text: String, fallback: String = "en") -> String {
        var utf8 = text
        let stats = utf8.withUTF8 { LanguageDetector.scan($0, table: LanguageDetector.wordTable(d.profiles), profiles: d.profiles.count) }
        var counts: [String: Int] = [:]
        for (raw, n) in stats.scripts.enumerated() where n > 0 { counts[Script(rawValue: Int32(raw)).code] = n }
        var best: (String, Double)? = nil
        for p in d.profiles where !p.distinctive.isEmpty {
            let own = p.scripts.union(p.distinctive)
            let mine = p.distinctive.reduce(0) { $0 + counts[$1, default: 0] }
            let all = own.reduce(0) { $0 + counts[$1, default: 0] }
            let other = counts.filter { !own.contains($0.key) }.values.max() ?? 0
            guard mine > 0, all > 0, all > other else { continue }
            let share = Double(mine) / Double(all)
            if share >= p.minShare && share > (best?.1 ?? 0) { best = (p.code, share) }
        }
        if let best { return best.0 }
        guard let dominant = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else {
            return fallback
        }
        let candidates = d.profiles.indices.filter { d.profiles[$0].distinctive.isEmpty && d.profiles[$0].scripts.contains(dominant) }
        if candidates.count <= 1 { return candidates.first.map { d.profiles[$0].code } ?? fallback }
        let top = candidates.map { stats.wordScores[$0] }.max() ?? 0
        if top == 0 {
            return candidates.contains { d.profiles[$0].code == fallback } ? fallback : d.profiles[candidates[0]].code
        }
        return d.profiles[candidates.first { stats.wordScores[$0] == top }!].code
    }

    /// The split scans count what the full scan counts, on every text it reads to the end.
    static func expectSameCounts(_ d: LanguageDetector, _ text: String) {
        var utf8 = text
        let label = String(text.prefix(80))
        utf8.withUTF8 { bytes in
            let table = LanguageDetector.wordTable(d.profiles)
            let full = LanguageDetector.scan(bytes, table: table, profiles: d.profiles.count)
            guard bytes.count < LanguageDetector.letterLimit else { return }
            #expect(LanguageDetector.countScripts(bytes) == full.scripts, "\(label)")
            // The scripts `detect` reads (the ones seen, Latin first) are those with letters, each once.
            var counts = [Int](repeating: 0, count: 256)
            var seen = [Int](repeating: -1, count: 257)
            let k = counts.withUnsafeMutableBufferPointer { c in
                seen.withUnsafeMutableBufferPointer { LanguageDetector.countScripts(bytes, into: c, seen: $0, settled: nil) }
            }
            #expect(counts == full.scripts, "\(label)")
            #expect(Set(seen[..<k]).count == k && seen[0] == Int(Script.latin.rawValue), "\(label)")
            #expect(Set(seen[..<k].filter { counts[$0] > 0 }) == Set(counts.indices.filter { counts[$0] > 0 }), "\(label)")
            #expect(LanguageDetector.scoreWords(bytes, table: table, profiles: d.profiles.count) == full.wordScores, "\(label)")
        }
    }

    /// Random texts from `pool`, reproducible (a fixed linear congruential sequence).
    static func randomTexts(count: Int, maxPieces: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            let pieces = next() % maxPieces
            // A bias towards one script per text, as in real copy, so each kind of decision occurs.
            let favourite = pool[next() % pool.count]
            return (0..<pieces).map { _ in next() % 3 == 0 ? favourite : pool[next() % pool.count] }.joined()
        }
    }

    @Test func edgeCasesMatchTheFullScan() {
        let d = LanguageDetector.bundled
        for text in Self.edgeCases {
            Self.expectSameCounts(d, text)
            #expect(d.detect(text) == Self.reference(d, text), "\(text.prefix(80))")
            #expect(d.detect(text, default: "de") == Self.reference(d, text, fallback: "de"), "\(text.prefix(80))")
        }
    }

    @Test func randomTextsMatchTheFullScan() {
        let d = LanguageDetector.bundled
        for text in Self.randomTexts(count: 3_000, maxPieces: 60, seed: 7) {
            Self.expectSameCounts(d, text)
            #expect(d.detect(text) == Self.reference(d, text), "\(text)")
        }
    }

    @Test func corpusArticlesMatchTheFullScan() throws {
        let d = LanguageDetector.bundled
        let root = TestPaths.packageRoot.appendingPathComponent("Corpora")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        var checked = 0
        for url in files where url.pathExtension == "txt" {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            Self.expectSameCounts(d, text)
            #expect(d.detect(text) == Self.reference(d, text), "\(url.lastPathComponent)")
            // Articles glued together: a mix of languages, and long enough to cross the letter limit.
            let glued = String(repeating: text, count: 1 + 25_000 / max(text.utf8.count, 1))
            #expect(d.detect(glued) == Self.reference(d, glued), "\(url.lastPathComponent) repeated")
            checked += 1
        }
        #expect(checked > 20)
    }

    /// Profiles made up for the test: two distinctive languages competing, a non-Latin script two
    /// languages share (their function words decide), and a word list in several scripts.
    @Test func customProfilesMatchTheFullScan() throws {
        let d = try Self.customDetector()
        for text in Self.edgeCases + Self.randomTexts(count: 2_000, maxPieces: 40, seed: 11) {
            Self.expectSameCounts(d, text)
            #expect(d.detect(text) == Self.reference(d, text), "\(text)")
            #expect(d.detect(text, default: "bb") == Self.reference(d, text, fallback: "bb"), "\(text)")
        }
    }

    /// Texts long enough for `countScripts` to stop before their end: the answer must still be the
    /// full scan's, also when the second half is in another script, or a run of kana closes the text
    /// just too short or just long enough to make it Japanese.
    @Test func longTextsMatchTheFullScan() throws {
        var texts = Self.randomTexts(count: 300, maxPieces: 1_500, seed: 5)
        let halves = Self.randomTexts(count: 600, maxPieces: 900, seed: 9)
        for k in stride(from: 0, to: halves.count - 1, by: 2) { texts.append(halves[k] + halves[k + 1]) }
        for (lead, n) in [("д", 400), ("a", 900), ("国", 300), ("é", 500)] {
            for tail in [1, 5, 15, 16, 17, 20, 40, 120, 400] {
                texts.append(String(repeating: lead, count: n) + String(repeating: "の", count: tail))
                texts.append(String(repeating: lead, count: n) + " " + String(repeating: "д", count: tail * 2))
            }
        }
        // The early stop does happen: a long Russian text is settled well before its end.
        var russian = String(repeating: "Правительство Москвы сообщило ", count: 40)
        let settled = LanguageDetector.bundled.plan
        russian.withUTF8 { bytes in
            let partial = LanguageDetector.countScripts(bytes, settled: settled.isSettled).reduce(0, +)
            #expect(partial > 0 && partial < LanguageDetector.countScripts(bytes).reduce(0, +))
        }
        for d in [LanguageDetector.bundled, try Self.customDetector()] {
            for text in texts {
                #expect(d.detect(text) == Self.reference(d, text), "\(text.prefix(80))")
                #expect(d.detect(text, default: "bb") == Self.reference(d, text, fallback: "bb"), "\(text.prefix(80))")
            }
        }
    }

    static func customDetector() throws -> LanguageDetector {
        let tree = RuleTree(display: "R", files: [
            "aa/language.yml": "scripts: [Cyrl]\nfunction_words: [и, в, не, the]\n",
            "bb/language.yml": "scripts: [Cyrl, Latn]\nfunction_words: [на, с, и, der]\n",
            "cc/language.yml": "scripts: [Hani, Kana]\ndistinctive: [Kana]\nmin_share: 0.3\n",
            "dd/language.yml": "scripts: [Hani, Hang]\ndistinctive: [Hang]\nmin_share: 0.1\n",
            "ee/language.yml": "scripts: [Latn, Xyzw]\ndistinctive: [Zzzz]\n",
        ])
        return try LanguageDetector(trees: [tree])
    }
}
