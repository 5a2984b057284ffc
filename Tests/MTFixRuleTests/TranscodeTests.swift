@testable import MTFixCore
import Testing

/// The engine's fast UTF-8 ⇄ UTF-16 loops agree with the standard library.
@Suite("Transcoding")
struct TranscodeTests {
    @Test(arguments: ["", "a", "plain ASCII\r\n", "é ü ß – “quote” €", "首相は２６日", "😀 emoji 👍🏽 flags 🇰🇿", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"])
    func roundTrips(_ s: String) {
        #expect(Transcode.utf16(s) == Array(s.utf16))
        #expect(Transcode.string(Array(s.utf16)) == s)
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() {
        let units: [UInt16] = [0x61, 0xD83D, 0x62, 0xDE00, 0xD83D]
        #expect(Transcode.string(units) == String(decoding: units, as: UTF16.self))
    }

    /// Line ranges and line UTF-8 offsets as `Document` derives them from code units.
    static func referenceLayout(_ s: String) -> (lines: [Range<Int>], starts: [Int]) {
        let units = Array(s.utf16)
        var lines: [Range<Int>] = []
        var start = 0
        for (i, u) in units.enumerated() where u == 0x0A {
            lines.append(start..<((i > start && units[i - 1] == 0x0D) ? i - 1 : i))
            start = i + 1
        }
        if start < units.count || lines.isEmpty { lines.append(start..<units.count) }
        let starts = lines.map { String(decoding: units[..<$0.lowerBound], as: UTF16.self).utf8.count }
        return (lines, starts)
    }

    /// Texts whose line feeds, carriage returns and multibyte characters fall on every position of
    /// the eight-byte words the fast path reads.
    static let layoutTexts: [String] = {
        var out = ["", "\n", "\n\n", "\r\n", "a", "a\n", "a\r\nb", "\r", "a\rb\n", "line one\nline two\n", "abcdefgh\nijklmnop"]
        // Runs of two-byte characters shorter and longer than four (decoded four at a time), and of CJK.
        let pieces = ["a", "bc", "\n", "\r\n", "é", "首", "😀", "        ", "\r", "x\ny", "\u{0}", "\u{7F}", "\u{80}", "ддд", "дддд", "ÄößüéДж\n", "中文字"]
        for shift in 0..<9 {
            for p in pieces {
                for q in pieces {
                    out.append(String(repeating: "z", count: shift) + p + String(repeating: "w", count: 7) + q + "tail")
                }
            }
        }
        return out
    }()

    @Test func layoutMatchesTheCodeUnitsAndLines() {
        for s in Self.layoutTexts {
            let layout = Transcode.layout(s)
            let ref = Self.referenceLayout(s)
            #expect(layout.units == Array(s.utf16), "\(s.debugDescription)")
            #expect(layout.lines == ref.lines, "\(s.debugDescription)")
            #expect(layout.lineByteStarts == ref.starts, "\(s.debugDescription)")
            // A document from the text reports the same positions as one from its code units.
            let a = Document(text: s)
            let b = Document(utf16: Array(s.utf16), language: "en")
            #expect(a.lines == b.lines)
            for offset in 0...s.utf16.count { #expect(a.position(at: offset) == b.position(at: offset), "\(s.debugDescription) @\(offset)") }
        }
    }

    @Test func stringsFromUnitsAtEveryOffset() {
        for s in Self.layoutTexts { #expect(Transcode.string(Array(s.utf16)) == s, "\(s.debugDescription)") }
        let units: [UInt16] = [0x61, 0x62, 0xD83D, 0x63, 0x64, 0x65, 0x66, 0xDE00, 0x67, 0x7F, 0x80, 0x68, 0x69, 0x6A, 0x6B, 0x6C]
        for start in 0..<units.count {
            let slice = Array(units[start...])
            #expect(Transcode.string(slice) == String(decoding: slice, as: UTF16.self))
        }
    }

    @Test func linesOfCodeUnitsMatchAndRefuseLoneSurrogates() {
        for s in Self.layoutTexts {
            #expect(Transcode.lines(Array(s.utf16)) == Self.referenceLayout(s).lines, "\(s.debugDescription)")
        }
        // Units with line feeds, CRs and surrogates (paired or not) at every lane of the four-unit words.
        let pieces: [[UInt16]] = [[0x61], [0x0A], [0x0D, 0x0A], [0xD83D, 0xDE00], [0xD83D], [0xDE00], [0xFFFF], [0xD7FF], [0xE000]]
        for shift in 0..<5 {
            for p in pieces {
                for q in pieces {
                    let units = [UInt16](repeating: 0x62, count: shift) + p + [0x63, 0x64, 0x65] + q + [0x66]
                    let lone = Array(String(decoding: units, as: UTF16.self).utf16) != units
                    let lines = Transcode.lines(units)
                    #expect((lines == nil) == lone, "\(units)")
                    if let lines { #expect(lines == Self.referenceLayout(String(decoding: units, as: UTF16.self)).lines, "\(units)") }
                }
            }
        }
    }
}
