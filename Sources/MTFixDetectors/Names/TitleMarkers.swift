/// A list of title markers split once into whole words and CJK substrings, so a look-up neither lowercases
/// markers nor reads their Unicode properties again (both showed in profiles: the words after every
/// mention of a person are checked).
struct TitleMarkers: Sendable {
    /// Markers in an alphabet, lowercased: compared with whole words.
    let words: Set<String>
    /// Markers in CJK scripts (no space separates words): looked for inside the text.
    let substrings: [String]

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
        let units = substrings.map { Array($0.utf16) }
        substringUnits =
            units.allSatisfy({ !$0.isEmpty && $0.allSatisfy(TitleOptions.isSimpleUnit) }) ? MarkerUnits(units) : nil
    }

    /// `substrings` as units, when each is simple units (`TitleOptions.isSimpleUnit`) and none is empty: in a
    /// text of simple units they are found exactly where their units are. Nil otherwise.
    private let substringUnits: MarkerUnits?

    /// Whether one of `substrings` is inside the words at `ranges` of `lower` (`words`, as strings) joined
    /// by spaces, as `held(words:text:)` tells; without building the text when units can tell.
    func heldInside(_ ranges: [Range<Int>], of lower: LoweredUnits, words: [String]) -> Bool {
        guard !substrings.isEmpty else { return false }
        if let markers = substringUnits {
            var text: [UInt16] = []
            for (k, r) in ranges.enumerated() {
                if k > 0 { text.append(0x20) }
                for i in r { text.append(lower[i]) }
            }
            if text.allSatisfy(TitleOptions.isSimpleUnit) { return markers.occurs(in: text) }
        }
        let text = words.joined(separator: " ")
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
