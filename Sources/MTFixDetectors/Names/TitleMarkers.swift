import Foundation

/// A list of title markers split once into whole words and CJK substrings, so a look-up neither lowercases
/// markers nor reads their Unicode properties again (both showed in profiles: the words after every
/// mention of a person are checked).
struct TitleMarkers: Sendable {
    /// Markers in an alphabet, lowercased: compared with whole words.
    let words: Set<String>
    /// Markers in CJK scripts (no space separates words): looked for inside the text.
    let substrings: [String]
    /// Rules out most words of a text as none of `words` without building their strings.
    let wordFilter: LoweredWordFilter

    init(_ markers: [String]) {
        var words: Set<String> = []
        var substrings: [String] = []
        for marker in markers {
            if marker.unicodeScalars.first.map({ $0.properties.isAlphabetic && $0.value < 0x3000 }) == true {
                words.insert(marker.lowercased())
            } else {
                substrings.append(marker)
            }
        }
        self.words = words
        self.substrings = substrings
        wordFilter = LoweredWordFilter(words)
        let units = substrings.map { Array($0.utf16) }
        substringUnits =
            units.allSatisfy({ !$0.isEmpty && $0.allSatisfy(TitleOptions.isSimpleUnit) }) ? MarkerUnits(units) : nil
    }

    /// `substrings` as units, when each is simple units (`TitleOptions.isSimpleUnit`) and none is empty: in a
    /// text of simple units they are found exactly where their units are. Nil otherwise.
    private let substringUnits: MarkerUnits?

    /// Whether one of `substrings` is inside the words at `ranges` of `lower` joined by spaces, as
    /// `held(words:text:)` tells; without building the text when units can tell.
    func heldInside(_ ranges: [Range<Int>], of lower: LoweredUnits) -> Bool {
        guard !substrings.isEmpty else { return false }
        if let markers = substringUnits {
            var text: [UInt16] = []
            for (k, r) in ranges.enumerated() {
                if k > 0 { text.append(0x20) }
                for i in r { text.append(lower[i]) }
            }
            if text.allSatisfy(TitleOptions.isSimpleUnit) { return markers.occurs(in: text) }
        }
        let text = ranges.map { lower.string($0) }.joined(separator: " ")
        return substrings.contains { text.contains($0) }
    }

    var isEmpty: Bool { words.isEmpty && substrings.isEmpty }

    /// Whether one of the markers is among `words` or inside `text`.
    func held(words candidates: Set<String>, text: String) -> Bool {
        !words.isDisjoint(with: candidates) || substrings.contains { text.contains($0) }
    }
}

/// Markers as units, found in a text in one pass: a set of their first units rules out nearly every
/// position at once (a line was searched once per marker before).
struct MarkerUnits: Sendable {
    let markers: [[UInt16]]
    /// Bit `u` is set when some marker starts with unit `u`.
    private let firsts: [UInt64]
    private let hasEmpty: Bool

    init(_ markers: [[UInt16]]) {
        self.markers = markers
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for m in markers { if let f = m.first { bits[Int(f) >> 6] |= 1 << UInt64(f & 63) } }
        firsts = bits
        hasEmpty = markers.contains { $0.isEmpty }
    }

    /// Whether some marker occurs in `units` (as `TitleConflictDetector.contains` finds one).
    func occurs<C: RandomAccessCollection>(in units: C) -> Bool where C.Element == UInt16, C.Index == Int {
        if hasEmpty { return true }
        return firsts.withUnsafeBufferPointer { bits in
            var i = units.startIndex
            let end = units.endIndex
            while i < end {
                let c = units[i]
                if bits[Int(c) >> 6] & (1 << UInt64(c & 63)) != 0 {
                    for m in markers where m[0] == c && i + m.count <= end {
                        if (1..<m.count).allSatisfy({ units[i + $0] == m[$0] }) { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }
}

/// A set of lowercase words as a bit set of (length, first unit) slots, asked before a word of a text is
/// built as a string to look it up in the set: nearly every word is ruled out by one bit test.
///
/// Sound for words of simple units (`TitleOptions.isSimpleUnit`): such a word's string is in composed form
/// and equals a set word exactly when its units are that word's composed units, so a slot no set word
/// fills holds none of them. Any other word may equal a set word of other units and is always let through.
struct LoweredWordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words {
            mark(Array(w.utf16))
            mark(Array(w.precomposedStringWithCanonicalMapping.utf16))
        }
    }

    private mutating func mark(_ units: [UInt16]) {
        // An empty word fills every slot of length 0, which no word of a text has: a word asked about is never empty.
        guard let first = units.first else { return }
        let s = LoweredWordFilter.slot(units.count, first)
        bits[s >> 6] |= 1 << UInt64(s & 63)
    }

    @inline(__always)
    private static func slot(_ count: Int, _ first: UInt16) -> Int { (count & 63) << 6 | Int(first & 63) }

    /// Whether the word at `range` of `lower` may be in the set (false: it is not).
    @inline(__always)
    func mayHold(_ range: Range<Int>, in lower: LoweredUnits) -> Bool {
        guard !range.isEmpty else { return true }
        let s = LoweredWordFilter.slot(range.count, lower[range.lowerBound])
        if bits[s >> 6] & (1 << UInt64(s & 63)) != 0 { return true }
        return !range.allSatisfy { TitleOptions.isSimpleUnit(lower[$0]) }
    }
}
