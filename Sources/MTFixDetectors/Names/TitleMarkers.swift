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
    }

    var isEmpty: Bool { words.isEmpty && substrings.isEmpty }

    /// Whether one of the markers is among `words` or inside `text`.
    func held(words candidates: Set<String>, text: String) -> Bool {
        !words.isDisjoint(with: candidates) || substrings.contains { text.contains($0) }
    }

    /// A word of text as a string; an ASCII word (most of them) is made from its bytes, which is much
    /// cheaper than decoding UTF-16 and gives the same string.
    static func word(_ units: ArraySlice<UInt16>) -> String {
        guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: units.count) { buffer in
            for (k, u) in units.enumerated() { buffer[k] = UInt8(truncatingIfNeeded: u) }
            return units.count
        }
    }
}
