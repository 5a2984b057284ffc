import Foundation
import MTFixCore
import MTFixICU
import MTFixTestSupport
import Testing

/// `WordBreaker` must give exactly the words one ICU pass over the whole text gives.
@Suite("Word breaker")
struct WordBreakerTests {
    /// ICU's words of the whole text, as `Document.words` made them before the scanner.
    static func icuWords(_ units: [UInt16], locale: String) -> [Document.Word] {
        let b = (try? Segmenter.boundaries(.word, locale: locale, in: units)) ?? []
        return (1..<max(b.count, 1)).filter { b[$0].status >= 100 }.map {
            Document.Word(range: b[$0 - 1].offset..<b[$0].offset, status: b[$0].status)
        }
    }

    static func sameAsICU(_ text: String, locale: String) -> Bool {
        let d = Document(text: text, language: locale)
        return d.words == icuWords(d.utf16, locale: locale)
    }

    @Test func corporaAgreeWithICU() throws {
        let files = FileManager.default.enumerator(at: TestPaths.corpora, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for locale in ["en", "de", "fr", "ru"] {
                #expect(WordBreakerTests.sameAsICU(text, locale: locale), "\(file.lastPathComponent) [\(locale)]")
            }
        }
    }

    @Test func edgeCasesAgreeWithICU() {
        let cases = [
            "G7 1er 3e a1b 1a1 1.5a a.1 a1.5 1,5 1a,5 e.g. U.S. don't l'Italie 1:2 a:b 12'' x",
            "l·l a’b a‘b Mc’Donald’s a@b @user a. .a 'a a' ‘Quote’ 1;5 a;b 1’5 1'5 a..b 1..2 a.'b",
            "“Kovalenko,” he said — Коваленко’s «mot» €5 5€ 3½ x² aªb µm × ÷ § ¶ a…b",
            "tab\there  two  spaces\u{2009}thin\u{00A0}nbsp\u{202F}narrow a_b _x x_ soft\u{00AD}hyphen",
            "e\u{0301}cole, CR\ralone, Ⅷ, ﬁ, Ǆ, ɐ, ʼn, ʹ, ˆ, ҂, Ԁ, ӏ, 漢字 かな カナ 한국",
            "漢字 a\r\n\r\nかな_b\n\nx\u{0301}y\rz\nplain words\n한국 1.5\u{2028}a_1\u{000B}b\u{00AD}c",
            "", "\n", "\r\n\r\n", "x", ".", "a\n\nb\r\nc'\nd",
        ]
        for text in cases {
            for locale in ["en", "de", "fr", "es", "ru", "ja"] {
                #expect(WordBreakerTests.sameAsICU(text, locale: locale), "\(text.debugDescription) [\(locale)]")
            }
        }
    }

    /// Random text over an alphabet weighted to the characters the scanner handles, with a few it must
    /// leave to ICU; a fixed seed, so a failure repeats.
    /// The first alphabet holds only characters the scanner handles, so every line goes through it; the last
    /// makes long words.
    @Test(arguments: [
        "aaaaeeeooonnttsLLMMZZ1234567890ÀéßñçÆØþĀőŒſƒǅȘЖжЁёЇїҐ...,,;;''’’‘·:@      -—–«»\"!?()/&%€$\u{2009}\u{00A0}\tªº",
        "aaaaeeeooonnttsLLMMZZ1234567890ÀéßñçÆØþĀőŒſƒǅȘЖжЁёЇїҐ...,,;;''’’‘·:@      -—–«»\"!?()/&%€$"
            + "\u{2009}\u{00A0}\u{202F}\t_\u{00AD}\u{0301}\u{200B}\u{200D}\r中カ😀ªº",
        // Mostly letters and digits: long runs, and joiners at every place of the scanner's 32-unit map words.
        "aaaaaaaaeeeeeeooooonnnnttttssLLMMZZÀéЖж11223344556677889900.'’·,; ",
    ])
    func randomTextAgreesWithICU(_ characters: String) {
        let alphabet = Array(characters)
        var rng = SplitMix(seed: 0x5EED)
        var failures = 0
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 40)) {
                s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))])
                if rng.next() % 25 == 0 { s.append("\n") }
            }
            if !WordBreakerTests.sameAsICU(s, locale: "en") {
                failures += 1
                if failures < 5 { Issue.record("differs from ICU: \(s.debugDescription)") }
            }
        }
        #expect(failures == 0)
    }

    /// Long lines (up to 300 units, one in 20 with a unit the scanner leaves to ICU): words and joiners
    /// at and across every boundary of the scanner's 32-unit map words, and lines of exactly 32 or 64.
    @Test func longLinesAgreeWithICU() {
        let common = Array("aaaaaaeeeooonnttsLLMMZZ1234567890ÀéßñЖжЁё.'’·,;:      -—«»\"!?€\u{2009}\u{00A0}")
        let rare = Array("_\u{00AD}\u{0301}中")
        var rng = SplitMix(seed: 0x10_9E5)
        var failures = 0
        for round in 0..<2000 {
            let length = round % 7 == 0 ? 32 * (1 + Int(rng.next() % 3)) : 1 + Int(rng.next() % 300)
            var s = ""
            for _ in 0..<length {
                let rareOne = rng.next() % 3000 == 0
                let pool = rareOne ? rare : common
                s.append(pool[Int(rng.next() % UInt64(pool.count))])
            }
            if rng.next() % 2 == 0 { s += "\n" + s.prefix(Int(rng.next() % 100)) }
            if !WordBreakerTests.sameAsICU(s, locale: "en") {
                failures += 1
                if failures < 5 { Issue.record("differs from ICU: \(s.debugDescription)") }
            }
        }
        #expect(failures == 0)
    }

    /// The comparison can fail: a text the scanner splits differently from ICU is told apart.
    @Test func comparisonCanFail() {
        let d = Document(text: "don't stop", language: "en")
        let wrong = [Document.Word(range: 0..<3, status: 200)] + d.words.dropFirst()
        #expect(d.words != wrong)
        #expect(d.words.map { d.string($0.range) } == ["don't", "stop"])
    }
}
