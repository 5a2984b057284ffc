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
}
