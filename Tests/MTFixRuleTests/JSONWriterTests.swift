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

/// `FindingRecord.records` finds all positions in one walk; each must be what a record made alone gives.
@Suite("Finding records")
struct FindingRecordBatchTests {
    @Test func batchPositionsEqualSingleOnes() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Zürich ", "首相", "😀", " ", "\n", "\r\n", "é", "x\u{301}", "\t"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let doc = Document(text: text, language: "en")
            let n = doc.utf16.count
            // Ranges in any order, overlapping, empty, at the very end: findings need not ascend by end.
            let findings = (0..<Int.random(in: 0...12, using: &rng)).map { k -> Finding in
                let a = Int.random(in: 0...n, using: &rng)
                let b = Int.random(in: a...n, using: &rng)
                return Finding(rule: "r\(k)", category: .htmlEntity, safety: .report, message: "m", range: a..<b)
            }
            let batch = FindingRecord.records(findings, in: doc, path: "p")
            #expect(batch == findings.map { FindingRecord($0, in: doc, path: "p") }, "text: \(text.debugDescription)")
        }
    }
}
