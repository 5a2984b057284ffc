import Foundation
import MTFix
import MTFixCore
import Testing

/// Findings are written as JSON without JSONEncoder (it was a sixth of a JSON Lines run); the bytes
/// must stay exactly what JSONEncoder with sorted keys and unescaped slashes writes.
@Suite("JSON writer")
struct JSONWriterTests {
    static let awkward = [
        "plain", "quote \" and back\\slash", "slash / stays", "tab\there\nnewline\r\u{8}\u{C}", "\u{1}\u{1F}\u{7F}",
        "“curly” — Zürich 首相 😀", "\u{2028}\u{2029}\u{FEFF}\u{200B}", "",
    ]

    @Test(arguments: awkward.indices)
    func findingJSONIsJSONEncoders(_ i: Int) throws {
        let s = JSONWriterTests.awkward[i]
        let doc = Document(text: "x \(s) y\n", language: "en")
        let range = 2..<(2 + s.utf16.count)
        let evidence = ["a10": s, "a9": "nine", "B": "upper", "b": "lower", "_x": "x", "Ä": "ä", "members": "A×3, B×2"]
        for edits in [[], [Edit(range: range, replacement: s + "!")]] {
            let f = Finding(rule: "r-\(i)", category: .htmlEntity, safety: .safe, message: "m \(s)", range: range, edits: edits,
                            evidence: i % 2 == 0 ? evidence : [:])
            let record = FindingRecord(f, in: doc, path: "dir/\(s).txt")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try encoder.encode(record), as: UTF8.self)
            #expect(record.json == expected)
        }
    }
}
