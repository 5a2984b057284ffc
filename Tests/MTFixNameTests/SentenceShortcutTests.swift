import Foundation
import MTFixCore
import MTFixTestSupport
import Testing

@testable import MTFixDetectors

/// The facts the name rules use instead of segmenting sentences hold for the segmenter's real output.
@Suite("Sentence shortcuts")
struct SentenceShortcutTests {
    /// Texts whose sentence breaks are hard: abbreviations, initials, quotes, ellipses, other scripts.
    static let tricky = [
        "Dr. Anna Holm met U.S. Sen. Bo Lind. Then, Mr. Lind left… “Why?” he asked. «Non !» dit-il. Fin.",
        "Am 12. Juni sagte Prof. Müller (SPD): „Nein.“ Danach – z. B. in Berlin – wurde gewählt!Neu hier.",
        "Он сказал: «Нет». Затем т. е. позже… Ушёл?! Да.\nВторая строка. Третья (в скобках.) фраза.",
        "Il a dit : « non ». Puis l’ancien président de X, Jean Dupont, est parti. 3.5 % de plus? Oui.",
        "東京で会談した。岸田首相は「はい」と述べた！次に、林外相。\n新华社北京电 外长王毅表示：“是的。”随后离开。",
        "Ա. Բ. ։ Հայերեն։ Մեկ։ हिन्दी। दूसरा॥ አማርኛ። Ελληνικά; Ναι. x\u{2029}y\u{2028}z\rw\u{85}v",
        "A line with CRLF.\r\nNext line, no stop\r\n\r\nLast: one. two. Three.",
    ]

    static func texts() throws -> [(String, String)] {
        var out = tricky.map { ($0, "en") }
        for lang in CorpusNameTests.languages {
            let dir = TestPaths.corpora.appendingPathComponent(lang)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".txt") {
                out.append((try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8), lang))
            }
        }
        return out
    }

    @Test func noSentenceStartsInsideAPlainClause() throws {
        for (text, lang) in try Self.texts() {
            let doc = Document(text: text, language: lang)
            for s in doc.sentences where s.lowerBound > 0 {
                for start in max(0, s.lowerBound - 200)..<s.lowerBound {
                    #expect(!doc.isPlainClause(start..<s.lowerBound), "sentence at \(s) of \(text.prefix(40))")
                }
            }
        }
    }

    @Test func theSentenceOfALetterLiesInItsLine() throws {
        for (text, lang) in try Self.texts() {
            let doc = Document(text: text, language: lang)
            for line in doc.lines {
                for i in line where UnitProperties.isAlphabetic(doc.utf16[i]) {
                    let s = doc.sentence(containing: i)
                    #expect(s.map { $0.lowerBound >= line.lowerBound && $0.upperBound <= line.upperBound } == true, "\(i) in \(text.prefix(40))")
                }
            }
        }
    }

    @Test func plainClausesAreRecognized() {
        let doc = Document(text: "the former president of Hoshida Kogyo (HK), Takeshi Kono. Next", language: "en")
        #expect(doc.isPlainClause(4..<45))
        #expect(!doc.isPlainClause(3..<45))  // starts with a space
        #expect(!doc.isPlainClause(4..<60))  // holds a full stop
    }

    /// Each simple unit is a character of its own, composed, with no single-character equivalent.
    @Test func simpleUnitsAreWholeComposedCharacters() {
        let neighbours: [Unicode.Scalar] = ["a", "д", "の", "現", " ", "-"]
        var checked = 0
        for v in 0..<0x10000 where TitleOptions.isSimpleUnit(UInt16(v)) && v != 0x0D && v != 0x0A {
            let s = Unicode.Scalar(UInt32(v))!
            let alone = String(Character(s))
            #expect(alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars), "U+\(v)")
            let nfd = alone.decomposedStringWithCanonicalMapping.unicodeScalars
            #expect(nfd.count > 1 || nfd.first == s, "U+\(v) has a singleton equivalent")
            for n in neighbours {
                var t = String.UnicodeScalarView()
                t.append(n)
                t.append(s)
                t.append(n)
                #expect(String(t).count == 3, "U+\(v) joins a neighbour")
            }
            checked += 1
        }
        #expect(checked > 20_000)
    }
}
