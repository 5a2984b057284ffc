import MTFixCore
import Testing

@Suite("Document model")
struct DocumentTests {
    @Test func positionsCountScalarsAndBytes() {
        // "é" is 2 UTF-8 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 units / 1 scalar.
        let d = Document(text: "aé😀b\nxyz")
        let bOffset = 4  // a, é, 😀(2 units)
        let p = d.position(at: bOffset)
        #expect(p.line == 1)
        #expect(p.column == 4)
        #expect(p.byteOffset == 1 + 2 + 4)
        let x = d.position(at: 6)
        #expect(x == Document.Position(line: 2, column: 1, byteOffset: 9))
        #expect(d.byteLength(0..<4) == 7)
    }

    /// Every offset of a text mixing ASCII runs (counted four units at a time) with accents, CJK and
    /// surrogate pairs: line, column and byte offset as counted scalar by scalar.
    @Test func positionsAgreeWithScalarCounts() {
        let text = "The quick brown fox é jumps\r\nover 東京 the lazy 😀 dog.\n\nabcdefghijklmnopq"
        let d = Document(text: text)
        var line = 1
        var column = 1
        var bytes = 0
        var offset = 0
        for s in text.unicodeScalars {
            #expect(d.position(at: offset) == Document.Position(line: line, column: column, byteOffset: bytes), "\(offset)")
            offset += s.utf16.count
            bytes += s.utf8.count
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        #expect(d.position(at: offset) == Document.Position(line: line, column: column, byteOffset: bytes))
    }

    /// A typed memo key computes its value once per snapshot; keys and snapshots do not share values.
    @Test func memoizedWithTypedKeys() {
        let count = MemoKey<Int>()
        let label = MemoKey<String>()
        let d = Document(text: "one two")
        var calls = 0
        #expect(d.memoized(count) { calls += 1; return 7 } == 7)
        #expect(d.memoized(count) { calls += 1; return 8 } == 7)
        #expect(d.memoized(label) { "x" } == "x")
        #expect(Document(text: "other").memoized(count) { 9 } == 9)
        #expect(calls == 1)
    }

    @Test func linesKeepCRLFOutOfContent() {
        let d = Document(text: "one\r\ntwo\r\n\r\nthree")
        #expect(d.lines.count == 4)
        #expect(d.line(0) == "one")
        #expect(d.line(1) == "two")
        #expect(d.line(2) == "")
        #expect(d.line(3) == "three")
        #expect(d.paragraphs.count == 2)
    }

    @Test func paragraphsAndSentences() {
        let d = Document(text: "Headline here\n\nFirst sentence. Second one, he said.\n\nLast.\n")
        #expect(d.paragraphs.count == 3)
        #expect(d.sentenceIndices(of: d.paragraphs[1]).count == 2)
        #expect(d.string(d.sentences[1]) == "First sentence.")
        #expect(d.string(d.sentences[2]) == "Second one, he said.")
        #expect(d.string(d.sentences[3]) == "Last.")
    }

    /// Snapshots made from code units (engine passes) agree with their text; a lone surrogate, which no
    /// String can hold, becomes U+FFFD in both.
    @Test func snapshotFromCodeUnits() {
        let units = Array("Zürich 😀 one\r\ntwo".utf16)
        let d = Document(utf16: units, language: "de")
        #expect(d.utf16 == units)
        #expect(d.text == "Zürich 😀 one\r\ntwo")
        #expect(d.lines.count == 2)
        for bad: [UInt16] in [[0x61, 0xD800, 0x62], [0x61, 0xDC00], [0xD83D]] {
            let b = Document(utf16: bad, language: "en")
            #expect(b.text.unicodeScalars.contains("\u{FFFD}"))
            #expect(b.utf16 == Array(b.text.utf16))
        }
    }

    @Test func emptyAndNoFinalNewline() {
        #expect(Document(text: "").lines.count == 1)
        #expect(Document(text: "").paragraphs.isEmpty)
        let d = Document(text: "a\nb")
        #expect(d.lines.count == 2)
        #expect(d.position(at: 3).line == 2)
    }

    @Test func wordsFromICU() {
        let d = Document(text: "Holloway met Varga, 2 times.", language: "en")
        let words = d.words.map { d.string($0.range) }
        #expect(words == ["Holloway", "met", "Varga", "2", "times"])
        let ja = Document(text: "首相はバイデン大統領と会談した。", language: "ja")
        #expect(ja.words.count >= 4)
    }

    @Test func utf8Validation() {
        let good: [UInt8] = Array("héllo".utf8)
        let bad: [UInt8] = [0x61, 0x62, 0xC3, 0x28, 0x63]
        #expect(good.withUnsafeBytes { (try? UTF8Check.decode($0).get()) } == "héllo")
        let r = bad.withUnsafeBytes { UTF8Check.decode($0) }
        if case .failure(let e) = r { #expect(e.offset == 2) } else { Issue.record("accepted invalid UTF-8") }
        let overlong: [UInt8] = [0x41, 0xC0, 0xAF]
        if case .failure(let e) = overlong.withUnsafeBytes({ UTF8Check.decode($0) }) { #expect(e.offset == 1) } else { Issue.record("accepted overlong") }
    }
}
