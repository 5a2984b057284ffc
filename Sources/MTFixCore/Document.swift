import Foundation
import MTFixICU

/// One immutable snapshot of an input text, segmented into lines, paragraphs, sentences and words.
///
/// All ranges are UTF-16 offsets (what ICU speaks); `position(at:)` converts to the 1-based
/// line:column (Unicode scalars) and UTF-8 byte offsets users and files speak. This is the one
/// place offsets are converted.
public final class Document: @unchecked Sendable {
    /// The text (made from `utf16` on first use for snapshots built from code units: an engine pass
    /// over a long document needs only the final snapshot's string).
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        if let t = textCache { return t }
        let t = Transcode.string(utf16)
        textCache = t
        return t
    }
    public let utf16: [UInt16]
    /// One lock for everything made on first use (text, byte offsets, words, structure, memoized
    /// analyses): a Foundation lock is two allocations, and five per snapshot cost ten on every document,
    /// excerpt and pass. Recursive, since a memoized analysis asks for the words or paragraphs while it
    /// is being made.
    private let lock = NSRecursiveLock()
    private var textCache: String?
    /// ISO 639-1 code the document is treated as (`en`, `de`, `ja`, ...).
    public let language: String
    /// Content of each line, without its `\n` or `\r\n` terminator.
    public let lines: [Range<Int>]
    /// Blank-line separated blocks (from the lines alone: no segmentation pass).
    public var paragraphs: [Paragraph] {
        lock.lock()
        defer { lock.unlock() }
        if let p = paragraphCache { return p }
        let p = Document.buildParagraphs(utf16, lines: lines)
        paragraphCache = p
        return p
    }
    /// Sentences in text order, trimmed of surrounding white space; never cross a line break. An ICU
    /// sentence pass made on first use, so rules that do not ask never pay for it.
    public var sentences: [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        if let s = sentenceCache { return s }
        let s = Profile.measure("(document: sentences, within the first rule asking)") {
            Document.segmentSentences(utf16, lines: lines, language: language)
        }
        sentenceCache = s
        return s
    }
    /// Paragraph ranges alone.
    public var paragraphRanges: [Range<Int>] { paragraphs.map(\.range) }
    /// Indices into `sentences` of the sentences inside `paragraph`.
    public func sentenceIndices(of paragraph: Paragraph) -> Range<Int> {
        let all = sentences
        var lo = 0
        var hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].lowerBound < paragraph.range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < all.count && all[end].upperBound <= paragraph.range.upperBound { end += 1 }
        return lo..<end
    }
    private var byteStartsCache: [Int]?
    private var wordsCache: [Word]?
    /// Where the words of an engine pass's output come from, until they are asked for.
    private var wordsSource: InheritedWords?
    /// The previous snapshot and the edits that made this one, while the engine's pass on it runs
    /// (`lineInheritance` is made from them on first use).
    private var origin: InheritedWords?
    private var inheritanceCache: LineInheritance?
    private var paragraphCache: [Paragraph]?
    private var sentenceCache: [Range<Int>]?
    private var memo: [String: Any] = [:]
    /// Values of `MemoKey`s, by the key's index.
    /// (`lock` guards it: a rule asks on every document, and the runtime's access check for a class
    /// property cost as much as the look-up.)
    @exclusivity(unchecked) private var keyed: [AnyObject?] = []

    /// A blank-line separated block of lines.
    public struct Paragraph: Sendable, Hashable {
        /// From the first character of the first line to the end of the last line's content.
        public let range: Range<Int>
        /// Indices into `lines`.
        public let lineIndices: Range<Int>
    }

    /// A word from ICU word segmentation (letters, numbers, kana or ideographs; not spaces or punctuation).
    public struct Word: Sendable, Hashable {
        public let range: Range<Int>
        /// ICU rule status: 100..<200 number, 200..<300 letter, 300..<400 kana, 400..<500 ideographic.
        public let status: Int32

        public init(range: Range<Int>, status: Int32) {
            self.range = range
            self.status = status
        }
    }

    /// A location users understand: 1-based line and column (Unicode scalars), 0-based UTF-8 byte offset.
    public struct Position: Sendable, Hashable {
        public let line: Int
        public let column: Int
        public let byteOffset: Int

        public init(line: Int, column: Int, byteOffset: Int) {
            self.line = line
            self.column = column
            self.byteOffset = byteOffset
        }
    }

    /// A snapshot of `text`: code units, lines and the lines' UTF-8 offsets come from one pass over
    /// its bytes (the offsets are what reports of the original text ask for).
    public convenience init(text: String, language: String = "en") {
        let layout = Transcode.layout(text)
        self.init(text: text, utf16: layout.units, lines: layout.lines, language: language)
        byteStartsCache = layout.lineByteStarts
    }

    /// A snapshot from UTF-16 code units (an engine pass's output), without a round trip through UTF-8
    /// and back. A lone surrogate cannot be kept in a `String`; units holding one are re-derived from the
    /// text (where it became U+FFFD), so `text` and `utf16` always agree.
    public convenience init(utf16 units: [UInt16], language: String) {
        if let lines = Transcode.lines(units) {
            self.init(text: nil, utf16: units, lines: lines, language: language)
        } else {
            self.init(text: Transcode.string(units), language: language)
        }
    }

    /// A snapshot from code units whose lines are known already: an excerpt of whole lines of a snapshot
    /// (which holds no lone surrogate), with its lines as `Transcode.lines` finds them (checked in debug builds).
    convenience init(utf16 units: [UInt16], knownLines lines: [Range<Int>], language: String) {
        assert(Transcode.lines(units) == lines, "excerpt lines differ from the text's")
        self.init(text: nil, utf16: units, lines: lines, language: language)
    }

    private init(text: String?, utf16 units: [UInt16], lines: [Range<Int>], language: String) {
        textCache = text
        self.language = language
        utf16 = units
        self.lines = lines
    }

    /// UTF-8 offset of each line's start, for `position(at:)`; only reports need it, so it is made on
    /// first use rather than with every snapshot.
    private var lineByteStarts: [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let b = byteStartsCache { return b }
        var out: [Int] = []
        out.reserveCapacity(lines.count)
        var bytes = 0
        var cursor = 0
        utf16.withUnsafeBufferPointer { u in
            for line in lines {
                // Everything from the previous line's start to this one's (content and terminator).
                while cursor < line.lowerBound {
                    bytes += Document.utf8Width(u[cursor])
                    cursor += 1
                }
                out.append(bytes)
            }
        }
        byteStartsCache = out
        return out
    }

    /// Width in UTF-8 of one UTF-16 unit (a surrogate pair counts 4 on its high half, 0 on its low half).
    @inline(__always)
    static func utf8Width(_ u: UInt16) -> Int {
        if u < 0x80 { return 1 }
        if u < 0x800 { return 2 }
        if u & 0xFC00 == 0xD800 { return 4 }
        if u & 0xFC00 == 0xDC00 { return 0 }
        return 3
    }

    // MARK: Offsets

    /// Index into `lines` of the line holding `offset` (a terminator belongs to its line).
    public func lineIndex(at offset: Int) -> Int {
        var lo = 0
        var hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func position(at offset: Int) -> Position {
        let li = lineIndex(at: offset)
        var column = 1
        var bytes = lineByteStarts[li]
        advance(from: lines[li].lowerBound, to: offset, column: &column, bytes: &bytes)
        return Position(line: li + 1, column: column, byteOffset: bytes)
    }

    /// The positions of `offsets` (as `position(at:)` gives each), in one walk when they ascend: `check`
    /// asks for the start of every finding, often several on one long line, and each walked from its
    /// line's start again.
    public func positions(at offsets: [Int]) -> [Position] {
        var out: [Position] = []
        out.reserveCapacity(offsets.count)
        var li = -1
        var cursor = 0
        var column = 1
        var bytes = 0
        for offset in offsets {
            let l = lineIndex(at: offset)
            let end = min(offset, utf16.count)
            if l != li || end < cursor {
                li = l
                cursor = lines[l].lowerBound
                column = 1
                bytes = lineByteStarts[l]
            }
            advance(from: cursor, to: end, column: &column, bytes: &bytes)
            cursor = max(cursor, end)
            out.append(Position(line: l + 1, column: column, byteOffset: bytes))
        }
        return out
    }

    /// Adds the columns and UTF-8 bytes of the units from `start` to `offset` (clamped to the text).
    private func advance(from start: Int, to offset: Int, column: inout Int, bytes: inout Int) {
        utf16.withUnsafeBufferPointer { u in
            guard let base = u.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var i = start
            let end = min(offset, u.count)
            while i < end {
                // Four ASCII units at a time (a column and a byte each): `check` asks for the start
                // of every finding, most of them well into a long paragraph.
                if i + 4 <= end && raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & 0xFF80_FF80_FF80_FF80 == 0 {
                    column += 4
                    bytes += 4
                    i += 4
                    continue
                }
                let c = u[i]
                if c & 0xFC00 != 0xDC00 { column += 1 }
                bytes += Document.utf8Width(c)
                i += 1
            }
        }
    }

    /// UTF-8 length of a range.
    public func byteLength(_ range: Range<Int>) -> Int {
        var n = 0
        for i in range { n += Document.utf8Width(utf16[i]) }
        return n
    }

    /// The text of a range (clamped to the text). A lone surrogate at either end becomes U+FFFD.
    public func string(_ range: Range<Int>) -> String {
        Transcode.string(utf16[range.clamped(to: 0..<utf16.count)])
    }

    /// The text of line `index` (0-based), without terminator.
    public func line(_ index: Int) -> String { string(lines[index]) }

    /// A string from UTF-16 code units, through `Transcode` (the standard library's
    /// `String(decoding:as: UTF16.self)` goes unit by unit through generic iterators).
    public static func string(of units: ArraySlice<UInt16>) -> String { Transcode.string(units) }

    /// Range of the whole line including its terminator.
    public func lineRangeWithTerminator(_ index: Int) -> Range<Int> {
        let end = index + 1 < lines.count ? lines[index + 1].lowerBound : utf16.count
        return lines[index].lowerBound..<end
    }

    /// The paragraph containing `offset`, if any.
    public func paragraphIndex(at offset: Int) -> Int? {
        var lo = 0
        var hi = paragraphs.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let p = paragraphs[mid].range
            if offset < p.lowerBound { hi = mid - 1 } else if offset > p.upperBound { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    // MARK: Shared analyses

    /// A value derived from this snapshot alone, computed on first use and shared by every rule that
    /// asks with the same key (e.g. name mentions both name detectors need). The key must stand for
    /// everything the value depends on besides the text and language (options, a word list's identity).
    /// A typed key costs a lock and an array look-up per call, so a detector may ask on every document.
    public func memoized<Value>(_ key: MemoKey<Value>, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if key.index < keyed.count, let box = keyed[key.index] { return unsafeDowncast(box, to: MemoBox<Value>.self).value }
        let v = make()
        if key.index >= keyed.count {
            // Room for every key made so far at once (a document's analyses asked one by one grew it often).
            keyed += repeatElement(nil, count: max(key.index + 1, MemoKeyCounter.issued()) - keyed.count)
        }
        keyed[key.index] = MemoBox(v)
        return v
    }

    /// The value memoized under `key`, if some rule asked for it already (nil: not made).
    public func memoizedValue<Value>(_ key: MemoKey<Value>) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard key.index < keyed.count, let box = keyed[key.index] else { return nil }
        return unsafeDowncast(box, to: MemoBox<Value>.self).value
    }

    /// As `memoized(_:_:)` with a typed key, for callers that ask rarely (a string key is hashed and its
    /// value cast on every call).
    public func memoized<Value>(_ key: String, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let v = memo[key] as? Value { return v }
        let v = make()
        memo[key] = v
        return v
    }

    // MARK: Words

    /// Words of the whole document: ICU's word segments with status ≥ 100, from `WordBreaker` (computed on
    /// first use, then cached).
    public var words: [Word] {
        lock.lock()
        defer { lock.unlock() }
        if let w = wordsCache { return w }
        let out = Profile.measure("(document: words, within the first rule asking)") {
            if let source = wordsSource, let old = source.previous.knownWords {
                return source.words(of: self, old: old)
            }
            return WordBreaker.words(utf16, lines: lines, locale: language)
        }
        wordsCache = out
        wordsSource = nil
        return out
    }

    /// The words, if they were asked for already (nil: not segmented yet).
    var knownWords: [Word]? {
        lock.lock()
        defer { lock.unlock() }
        return wordsCache
    }

    /// Lets this snapshot, made by applying `edits` (sorted, non-overlapping) to `previous`, take the
    /// words of its unchanged lines from `previous` when they are asked for (see `InheritedWords`);
    /// `landing` is where the edits land here (`Engine.landing(of:)`).
    func inheritWords(from previous: Document, edits: [Edit], landing: [Range<Int>]) {
        lock.lock()
        defer { lock.unlock() }
        let source = InheritedWords(previous: previous, edits: edits, landing: landing)
        if wordsCache == nil { wordsSource = source }
        origin = source
    }

    /// The lines of this snapshot that the engine's last pass of edits left unchanged, with the snapshot
    /// before it, so a line-local analysis of that snapshot can be taken over for them (nil: this is no
    /// engine pass's output, or its pass is over).
    public var lineInheritance: LineInheritance? {
        lock.lock()
        defer { lock.unlock() }
        if let known = inheritanceCache { return known }
        guard let o = origin else { return nil }
        let made = LineInheritance(previous: o.previous, lines: lines, edits: o.edits, landing: o.landing)
        inheritanceCache = made
        return made
    }

    /// Lets go of the previous snapshot once the pass that could use it is over (a chain of snapshots
    /// of a long document would otherwise stay in memory until the result is dropped).
    func releaseOrigin() {
        lock.lock()
        defer { lock.unlock() }
        origin = nil
        inheritanceCache = nil
    }

    /// The words of the lines `indices` (ascending), as `words` holds them: read there when the words are
    /// known, else found by segmenting those lines alone (words never cross a line: see `InheritedWords`)
    /// and not kept. An engine pass's output whose unchanged lines are taken over (`lineInheritance`) needs
    /// the words of its few other lines only: asking for `words` copied every word of the document.
    public func words(inLines indices: [Int]) -> [Word] {
        let known = knownWords
        let all = known ?? WordBreaker.words(utf16, lines: indices.map { lines[$0] }, locale: language)
        // A segmentation of the lines alone usually holds their words only: then it is the answer as it is.
        if known == nil && Document.allInLines(all, indices, lines) { return all }
        var out: [Word] = []
        out.reserveCapacity(known == nil ? all.count : 64)
        var k = 0
        for i in indices {
            let line = lines[i]
            // Found by binary search in the whole document's words; the segmentation of these lines may hold
            // words of the lines between them too (`WordBreaker` hands a run of lines to ICU at once).
            var hi = all.count
            while k < hi {
                let mid = (k + hi) / 2
                if all[mid].range.lowerBound < line.lowerBound { k = mid + 1 } else { hi = mid }
            }
            while k < all.count && all[k].range.lowerBound < line.upperBound {
                out.append(all[k])
                k += 1
            }
        }
        return out
    }

    /// Whether every word of `words` (in text order) lies in one of the lines `indices` (ascending) of `lines`.
    private static func allInLines(_ words: [Word], _ indices: [Int], _ lines: [Range<Int>]) -> Bool {
        var j = 0
        for w in words {
            while j < indices.count && lines[indices[j]].upperBound <= w.range.lowerBound { j += 1 }
            guard j < indices.count, lines[indices[j]].lowerBound <= w.range.lowerBound else { return false }
        }
        return true
    }

    /// Words inside `range`.
    public func words(in range: Range<Int>) -> ArraySlice<Word> {
        let all = words
        var lo = 0
        var hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].range.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < all.count && all[end].range.upperBound <= range.upperBound { end += 1 }
        return all[lo..<end]
    }
}

extension Document {
    static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 || u == 0x3000 || u == 0x0B || u == 0x0C
            || (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x205F
    }

    static func buildParagraphs(_ units: [UInt16], lines: [Range<Int>]) -> [Paragraph] {
        var out: [Paragraph] = []
        // Blank lines separate paragraphs, so there are at most half as many (rounded up) as lines:
        // reserved once rather than grown paragraph by paragraph.
        out.reserveCapacity((lines.count + 1) / 2)
        var first: Int? = nil
        func close(_ last: Int) {
            guard let f = first else { return }
            out.append(Paragraph(range: lines[f].lowerBound..<lines[last].upperBound, lineIndices: f..<(last + 1)))
            first = nil
        }
        for (i, line) in lines.enumerated() {
            let blank = line.allSatisfy { isSpace(units[$0]) }
            if blank {
                if first != nil { close(i - 1) }
            } else if first == nil {
                first = i
            }
        }
        if first != nil { close(lines.count - 1) }
        return out
    }
}

/// A key for `Document.memoized`: made once (a `static let`), it names one kind of shared analysis and
/// the type of its value.
public final class MemoKey<Value>: @unchecked Sendable {
    let index: Int

    public init() { index = MemoKeyCounter.next() }
}

/// Hands out the indices of memo keys.
private enum MemoKeyCounter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var count = 0

    /// How many keys there are so far.
    static func issued() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    static func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count - 1
    }
}

/// A memoized value in a class box, so the store holds objects and a look-up is one unchecked cast.
private final class MemoBox<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
