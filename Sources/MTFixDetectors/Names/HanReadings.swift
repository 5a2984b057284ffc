import MTFixRules

/// What ICU's `Any-Latin; Latin-ASCII` makes of common Han characters, read from
/// `Rules/zh/han-readings.yml` (made by `scripts/han-readings` from ICU itself): a name written in them
/// gets its key without the transliterator, whose Han-Latin rules take about 0.1 s of CPU to compile in
/// every process that meets a Chinese name.
///
/// Han-Latin reads a character alone except in a few rules with a context (`{重}' '?庆 > chóng`: 重 right
/// before 庆, or before a space and 庆), which the table lists too; the letters of a name made of table
/// characters and ASCII are therefore the readings in order, as ICU gives them (HanReadingsTests checks
/// both claims against ICU).
struct HanReadings: Sendable {
    /// The first code point the table covers (CJK Extension A); the last is below `end`.
    static let start: UInt32 = 0x3400
    static let end: UInt32 = 0xA000
    /// Per code point from `start`: 1 + the index of its reading in `readings`, or 0 when not covered.
    private let slots: [UInt16]
    /// The readings, ASCII.
    let readings: [[UInt8]]
    /// Character → the follower that changes its reading, and that reading.
    let context: [UInt32: (follower: UInt32, reading: [UInt8])]

    /// The bundled table (empty when the data file is missing or malformed: every name then goes to ICU).
    static let bundled: HanReadings = {
        let data = (try? RuleTree.bundled.data("han-readings", language: "zh")) ?? nil
        return HanReadings(text: data?["readings"]?.string ?? "", context: data?["context"]?.string ?? "")
    }()

    /// Parses lines of `<reading> <characters>`, and of `<reading> <character> <follower>` for `context`.
    init(text: String, context: String) {
        var slots = [UInt16](repeating: 0, count: Int(HanReadings.end - HanReadings.start))
        var readings: [[UInt8]] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, readings.count < Int(UInt16.max) else { continue }
            readings.append(Array(parts[0].utf8))
            for c in parts[1].unicodeScalars where c.value >= HanReadings.start && c.value < HanReadings.end {
                slots[Int(c.value - HanReadings.start)] = UInt16(readings.count)
            }
        }
        var rules: [UInt32: (follower: UInt32, reading: [UInt8])] = [:]
        for line in context.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let c = parts[1].unicodeScalars.first, let f = parts[2].unicodeScalars.first else { continue }
            rules[c.value] = (f.value, Array(parts[0].utf8))
        }
        self.slots = slots
        self.readings = readings
        self.context = rules
    }

    /// The reading of one code point, or nil when the table does not cover it.
    func reading(_ v: UInt32) -> [UInt8]? {
        guard v >= HanReadings.start && v < HanReadings.end else { return nil }
        let slot = Int(slots[Int(v - HanReadings.start)])
        return slot == 0 ? nil : readings[slot - 1]
    }

    /// `s` transliterated as ICU would, up to what a name key reads (its letters): ASCII kept, each table
    /// character's reading followed by a space. nil when `s` holds anything else, which ICU must read.
    func transliterate(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 2)
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            if c.isASCII {
                out.append(UInt8(c.value))
            } else if var r = reading(c.value) {
                if let rule = context[c.value] {
                    let next = i + 1 < scalars.count ? scalars[i + 1].value : 0
                    let afterSpace = next == 0x20 && i + 2 < scalars.count ? scalars[i + 2].value : 0
                    if next == rule.follower || afterSpace == rule.follower { r = rule.reading }
                }
                out.append(contentsOf: r)
                out.append(0x20)
            } else {
                return nil
            }
        }
        return out
    }
}
