/// One UTF-8 sequence found in text that a single-byte codec decoded: the characters that stand for
/// its bytes and the character they really were.
struct MojibakeSequence {
    /// UTF-16 range of the characters that stand for the bytes (a flattened trailing space is outside).
    var range: Range<Int>
    var scalar: Unicode.Scalar
    /// A space stood in for byte 0xA0 somewhere in the sequence.
    var usedSpace: Bool
    /// A U+FFFD stood for a byte a lossy decoder had already dropped; the sequence is only known to be broken.
    var lossy: Bool
    /// Bytes in the UTF-8 sequence (2, 3, 4, or 6 for a CESU-8 surrogate pair).
    var byteCount: Int
    /// A `?` stood for a byte the writer's codec could not encode: the sequence is only a guess
    /// unless real mojibake stands next to it (see `MojibakeDetector.needsSupport`).
    var guessed: Bool = false
    /// Every continuation byte was a `?`: nothing of the sequence but its lead byte is real.
    var onlyGuessed: Bool = false
    /// Every continuation byte was lost (U+FFFD or `?`): only the lead character says it is a sequence.
    var onlyLost: Bool = false
}

/// Finds runs of characters that, encoded back to bytes with one codec, form valid UTF-8.
enum MojibakeScanner {
    /// The sequence starting at `i`, or nil.
    static func sequence(at i: Int, in u: [UInt16], table: SingleByteTable) -> MojibakeSequence? {
        guard let first = decodeOne(at: i, in: u, table: table) else { return nil }
        let v = first.value
        if v >= 0xD800 && v <= 0xDFFF {
            // CESU-8 ("UTF-8" written by Java and old MySQL): a surrogate pair as two 3-byte sequences.
            guard v < 0xDC00, first.end < u.count, let second = decodeOne(at: first.end, in: u, table: table),
                second.value >= 0xDC00 && second.value <= 0xDFFF, !first.trailingSpace
            else { return nil }
            let combined = 0x10000 + ((v - 0xD800) << 10) + (second.value - 0xDC00)
            guard let s = Unicode.Scalar(combined) else { return nil }
            guard first.guessed == 0, second.guessed == 0 else { return nil }
            return MojibakeSequence(
                range: i..<second.end, scalar: s, usedSpace: first.usedSpace || second.usedSpace,
                lossy: false, byteCount: 6)
        }
        guard let s = first.lossy ? Unicode.Scalar(0xFFFD) : Unicode.Scalar(v) else { return nil }
        return MojibakeSequence(
            range: i..<first.end, scalar: s, usedSpace: first.usedSpace, lossy: first.lossy, byteCount: first.byteCount,
            guessed: first.guessed > 0, onlyGuessed: first.guessed == first.byteCount - 1,
            onlyLost: first.lost == first.byteCount - 1)
    }

    private struct Raw {
        var value: UInt32
        var end: Int
        var usedSpace: Bool
        var trailingSpace: Bool
        var lossy: Bool
        var byteCount: Int
        /// Continuation bytes that were `?`.
        var guessed: Int
        /// Continuation bytes that were `?` or U+FFFD.
        var lost: Int
    }

    private static func decodeOne(at i: Int, in u: [UInt16], table: SingleByteTable) -> Raw? {
        let c = u[i]
        guard c >= 0x80, let lead = table.byte(c), lead >= 0xC2, lead <= 0xF4 else { return nil }
        let need = lead >= 0xF0 ? 3 : (lead >= 0xE0 ? 2 : 1)
        var value = UInt32(lead) & (need == 1 ? 0x1F : (need == 2 ? 0x0F : 0x07))
        var j = i + 1
        var usedSpace = false
        var trailingSpace = false
        var lossy = false
        var guessed = 0
        var lost = 0
        for k in 0..<need {
            guard j < u.count else { return nil }
            let cu = u[j]
            var b: UInt8
            if cu == 0x20 {
                guard table.spaceLeads.contains(lead), !usedSpace else { return nil }
                // `â€ ` is far more often a closing quote whose last byte (0x9D, undefined in
                // Windows-1252) was dropped before an ordinary space than a dagger (E2 80 A0).
                if lead == 0xE2 && k == 1 && value == (0x02 << 6) { return nil }
                usedSpace = true
                b = 0xA0
                if k == need - 1 { trailingSpace = true }
            } else if cu == 0xFFFD {
                // Only after a real continuation or a lead: `â€�` is a quote whose last byte was lost.
                lossy = true
                lost += 1
                b = 0x80
            } else if cu == 0x3F {
                // Encoding to a legacy codec writes `?` for what it cannot map (`â€?` for the `â€\u{9D}`
                // of a closing quote): the byte is lost as with U+FFFD, but `?` is also just a question
                // mark, so such a sequence needs backing (`guessed`).
                lossy = true
                guessed += 1
                lost += 1
                b = 0x80
            } else {
                guard cu >= 0x80, let x = table.byte(cu), x >= 0x80, x <= 0xBF else { return nil }
                b = x
            }
            value = (value << 6) | UInt32(b & 0x3F)
            j += 1
        }
        if !lossy {
            if need == 2 && value < 0x800 { return nil }
            if need == 3 && (value < 0x10000 || value > 0x10FFFF) { return nil }
            if lead == 0xF4 && value > 0x10FFFF { return nil }
        }
        // `Ã ` after a capital is a capital Ã ending a word in capitals (`AMANHÃ É`), not a lowercase
        // `à` in the middle of one (`AMANHà`).
        if usedSpace && need == 1 && isLower(value) && i > 0, let before = Unicode.Scalar(u[i - 1]),
            before.properties.isUppercase
        {
            return nil
        }
        // A space that stood for the last byte of `à` (C3 A0) also ended the word: keep it unless it
        // was doubled. Other characters ending in A0 (no-break space, `Š`, `Р`) take the space's place.
        var end = j
        if trailingSpace && !(j < u.count && u[j] == 0x20) && need == 1 && isLower(value) { end = j - 1 }
        return Raw(value: value, end: end, usedSpace: usedSpace, trailingSpace: trailingSpace, lossy: lossy, byteCount: need + 1, guessed: guessed, lost: lost)
    }

    static func isLower(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isLowercase
    }

    /// Adjacent sequences starting at `i` (each begins where the previous one ended).
    static func cluster(at i: Int, in u: [UInt16], table: SingleByteTable) -> [MojibakeSequence] {
        guard let first = sequence(at: i, in: u, table: table) else { return [] }
        // One allocation for a word's worth of sequences (most clusters are words).
        var out: [MojibakeSequence] = []
        out.reserveCapacity(8)
        var p = i
        var pending: MojibakeSequence? = first
        while p < u.count, let s = pending ?? sequence(at: p, in: u, table: table) {
            pending = nil
            // A lead followed only by `?` is kept only before a real sequence (`Ã?Â¢`), never on its own.
            if s.onlyGuessed {
                guard s.range.upperBound < u.count, let next = sequence(at: s.range.upperBound, in: u, table: table),
                    !next.lossy
                else { break }
            }
            out.append(s)
            if s.range.upperBound == p || s.range.upperBound < s.range.lowerBound + 1 { break }
            // A kept trailing space ends the cluster: it separates words.
            if s.usedSpace && s.range.upperBound < u.count && u[s.range.upperBound] == 0x20 { break }
            p = s.range.upperBound
        }
        return out
    }
}
