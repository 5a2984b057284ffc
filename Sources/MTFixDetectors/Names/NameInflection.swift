extension NameMentions {
    /// `Bundestages` is a form of `Bundestag` only when the bare form is written too: such a mention's stem
    /// loses the ending.
    ///
    /// Where every stem and ending is simple units (`TitleOptions.isSimpleUnit`, endings in composed
    /// form), comparing units says exactly what comparing strings does, so the stems are matched in
    /// the text itself; otherwise as strings (canonical equivalence).
    mutating func splitInflections(_ u: [UInt16], _ options: NameOptions) {
        guard let endings = options.inflectionSuffixUnits else { return splitInflectionsAsStrings(options) }
        // The mentions with an ending, and their stems without it; nil when some stem is not simple units.
        // Read through buffers: where every noun is capitalized (German), a document has hundreds of
        // mentions, and slicing the text for every stem and ending cost more than the rest of the split.
        let found: [(k: Int, shorter: Range<Int>)]? = u.withUnsafeBufferPointer { u in
            mentions.withUnsafeBufferPointer { m in
                guard m.allSatisfy({ $0.stemRange.allSatisfy { TitleOptions.isSimpleUnit(u[$0]) } }) else { return nil }
                var inflected: [(k: Int, shorter: Range<Int>)] = []
                for k in m.indices where !m[k].possessive {
                    let stem = m[k].stemRange
                    // One unit is one character here, so counts in units are counts in characters.
                    for e in endings where stem.count - e.count >= options.minStem && NameMentions.ends(u, stem, with: e) {
                        inflected.append((k, stem.lowerBound..<(stem.upperBound - e.count)))
                        break
                    }
                }
                return inflected
            }
        }
        guard let inflected = found else { return splitInflectionsAsStrings(options) }
        guard !inflected.isEmpty else { return }
        // Only a stem of a shorter form's length and first unit can be that form: the table holds those
        // stems only (hashing every stem of the document, twice, cost more than the rest of the split), and
        // answers for the shorter forms as the table of all stems did.
        var slots = [UInt64](repeating: 0, count: 64)
        func slot(_ r: Range<Int>) -> Int { (r.count & 63) << 6 | Int(u[r.lowerBound] & 63) }
        var everyStem = false
        for (_, shorter) in inflected {
            if shorter.isEmpty {
                everyStem = true
                break
            }
            let s = slot(shorter)
            slots[s >> 6] |= 1 << UInt64(s & 63)
        }
        var ranges: [Range<Int>] = []
        for k in mentions.indices {
            let r = mentions[k].stemRange
            guard everyStem || r.isEmpty || slots[slot(r) >> 6] & (1 << UInt64(slot(r) & 63)) != 0 else { continue }
            ranges.append(r)
        }
        let bare = StemTable(u, ranges)
        for (k, shorter) in inflected where bare.contains(shorter) {
            restem(k, NameMentions.word(u, shorter), at: shorter)
        }
    }

    /// Whether the units at `range` of `u` end with `ending`.
    @inline(__always)
    private static func ends(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, with ending: [UInt16]) -> Bool {
        guard ending.count <= range.count else { return false }
        var i = range.upperBound - ending.count
        for e in ending {
            if u[i] != e { return false }
            i += 1
        }
        return true
    }

    private mutating func splitInflectionsAsStrings(_ options: NameOptions) {
        let bare = Set(mentions.map(\.stem))
        for k in mentions.indices where !mentions[k].possessive {
            let stem = mentions[k].stem
            for s in options.inflectionSuffixes where stem.hasSuffix(s) && stem.count - s.count >= options.minStem {
                let shorter = String(stem.dropLast(s.count))
                if bare.contains(shorter) {
                    restem(
                        k, shorter, at: mentions[k].range.lowerBound..<(mentions[k].range.lowerBound + shorter.utf16.count))
                }
                break
            }
        }
    }
}

/// The stems of a document as ranges of its text, found by their units: an open-addressing table keyed by
/// `NameWordCache.hash` (a `Set` of strings or slices hashed every stem with `Hasher`, which cost more).
private struct StemTable {
    let u: [UInt16]
    let ranges: [Range<Int>]
    /// Index into `ranges` plus one (0: empty slot).
    var slots: [Int32]

    init(_ u: [UInt16], _ ranges: [Range<Int>]) {
        self.u = u
        self.ranges = ranges
        var size = 16
        while size < ranges.count * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        for (k, r) in ranges.enumerated() where !contains(r) {
            var i = Int(truncatingIfNeeded: NameWordCache.hash(u, r)) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = Int32(k + 1)
        }
    }

    /// Whether some stem has the units at `range`.
    func contains(_ range: Range<Int>) -> Bool {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: NameWordCache.hash(u, range)) & mask
        while slots[i] != 0 {
            let r = ranges[Int(slots[i]) - 1]
            if r.count == range.count && u[r].elementsEqual(u[range]) { return true }
            i = (i + 1) & mask
        }
        return false
    }
}
