import Foundation
@testable import MTFixCore
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
            "e\u{0301}cole 1\u{0301}2 a\u{0301}.b a.\u{0301}b a\u{00AD}\u{0301}'b 1\u{0301},2 \u{0301}a -\u{0301}b ́",
            "\u{0301}\u{00AD}x fil\u{00AD}ing \u{FEFF}Investigators a\u{200B}b a\u{200D}b a\u{200C}b x\u{009D} ™a a™",
            "بارش\u{200C}های سیل\u{200C}آسا ۱۲،۵ ١٢٫٥ ٣٬٠٠٠ «گفت» a،b ẞ Việt Ａｂｃ１２，３ a：b 1．5 ａ．ｂ",
            "\u{0301}\u{0301}", "a\u{0301}", "1\u{0301}", "\u{00AD}", ".\u{0301}a", "a\u{0301}\u{0301}.\u{0301}b",
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
        // Marks (Extend, Format) after letters, digits, joiners, spaces and punctuation, and at line starts.
        "aaaeeoonnL1234ЖжẞỆ.'’·,;:  -\"«\u{0301}\u{0301}\u{0300}\u{0327}\u{0483}\u{0488}\u{00AD}\u{00AD}"
            + "\u{200C}\u{200E}\u{202E}\u{2060}\u{FEFF}\u{200B}\u{200D}\u{0085}\u{009D}\u{0081}™№",
        // Persian and Arabic copy: letters, digits, Arabic comma and separators, marks, zero-width non-joiner.
        "بارشهایسیلآسادرشمالایرانکمگفتیپچژگ١٢٣۴۵۶ ،،؛؟٫٬٪.',\u{200C}\u{200C}\u{064B}\u{0670}\u{06D6}\u{061C}a1",
        // Fullwidth forms and CJK punctuation in Latin copy.
        "aaeeoonnL12ＡｚＢ１２３，，．＇：；（）！、。\u{3003} ,.'"
    ])
    func randomTextAgreesWithICU(_ characters: String) {
        // Unicode scalars, not characters: a mark must be drawable on its own.
        let alphabet = Array(characters.unicodeScalars)
        var rng = SplitMix(seed: 0x5EED)
        var failures = 0
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 40)) {
                s.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))])
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
    /// at and across every boundary of the scanner's 32-unit map words, and lines of exactly 32 or 64;
    /// with `marks`, combining marks and soft hyphens among them (a mark's place decided across map words).
    @Test(arguments: [false, true]) func longLinesAgreeWithICU(marks: Bool) {
        let common = Array("aaaaaaeeeooonnttsLLMMZZ1234567890ÀéßñЖжЁё.'’·,;:      -—«»\"!?€\u{2009}\u{00A0}".unicodeScalars)
            + (marks ? Array("\u{0301}\u{0327}\u{00AD}".unicodeScalars) : [])
        let rare = Array("_\u{200D}\u{0085}中".unicodeScalars)
        var rng = SplitMix(seed: 0x10_9E5)
        var failures = 0
        for round in 0..<2000 {
            let length = round % 7 == 0 ? 32 * (1 + Int(rng.next() % 3)) : 1 + Int(rng.next() % 300)
            var s = ""
            for _ in 0..<length {
                let rareOne = rng.next() % 3000 == 0
                let pool = rareOne ? rare : common
                s.unicodeScalars.append(pool[Int(rng.next() % UInt64(pool.count))])
            }
            if rng.next() % 2 == 0 { s += "\n" + s.prefix(Int(rng.next() % 100)) }
            if !WordBreakerTests.sameAsICU(s, locale: "en") {
                failures += 1
                if failures < 5 { Issue.record("differs from ICU: \(s.debugDescription)") }
            }
        }
        #expect(failures == 0)
    }

    /// Whether the scanner splits `line` itself (rather than leaving it to ICU).
    static func scanned(_ line: String) -> Bool {
        let u = Array(line.utf16)
        let words = UnsafeMutablePointer<Document.Word>.allocate(capacity: u.count / 2 + 1)
        defer { words.deallocate() }
        let map = UnsafeMutablePointer<UInt64>.allocate(capacity: u.count / 32 + 1)
        defer { map.deallocate() }
        return u.withUnsafeBufferPointer { p in
            WordBreaker.table.withUnsafeBufferPointer { t in
                WordBreaker.bits.withUnsafeBufferPointer { b in
                    WordBreaker.scan(p, 0..<u.count, t, b, into: words, map: map) >= 0
                }
            }
        }
    }

    /// Lines with marks, format characters, Arabic letters or fullwidth forms are the scanner's (the
    /// comparisons above would pass as well if every such line went to ICU); a mark after a joiner and
    /// characters without a class are left to ICU.
    @Test func marksAndArabicAreScanned() {
        for line in [
            "Montre\u{0301}al, l\u{2019}e\u{0302}le, fil\u{00AD}ing, \u{FEFF}Les \u{0301}a",
            "بارش\u{200C}های سیل\u{200C}آسا در شمال ایران؛ ۱۲،۵", "\u{0627}\u{064B} a", "Ｓｈａｒｅｓ，ｒｏｓｅ：",
            "budget\u{2122} \u{00E2}\u{20AC}\u{009D} \u{200B}a \u{202E}b Vi\u{1EC7}t",
        ] {
            #expect(WordBreakerTests.scanned(line), "\(line.debugDescription)")
        }
        for line in ["a.\u{0301}b", "1,\u{00AD}2", "a\u{200D}b", "a_b", "中文", "한국", "a\u{0085}b"] {
            #expect(!WordBreakerTests.scanned(line), "\(line.debugDescription)")
        }
    }

    /// The comparison can fail: a text the scanner splits differently from ICU is told apart.
    @Test func comparisonCanFail() {
        let d = Document(text: "don't stop", language: "en")
        let wrong = [Document.Word(range: 0..<3, status: 200)] + d.words.dropFirst()
        #expect(d.words != wrong)
        #expect(d.words.map { d.string($0.range) } == ["don't", "stop"])
    }
}
