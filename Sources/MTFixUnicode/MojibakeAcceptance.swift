import MTFixCore

/// Which plausible runs are repaired: the evidence each needs (on its own, or backed by other runs of
/// its codec in the document), and stretches that would be left half decoded.
extension MojibakeDetector {
    /// Codecs whose damage the text shows plainly somewhere (a run strong enough to be repaired on its own).
    func supportedCodecs(_ candidates: [Candidate], _ u: [UInt16], into supported: inout [Bool]) {
        for c in candidates where c.score >= codecs[c.codec].minScore && !isAmbiguous(c, u) && !needsSupport(c) {
            supported[c.codec] = true
            // A run that another codec reads as the same bytes (`Å³` is C5 B3 in Windows-1252 and -1257)
            // shows that codec's damage too.
            let runRange = c.seqs[0].range.lowerBound..<c.seqs[c.seqs.count - 1].range.upperBound
            let own = codecs[c.codec].table.bytes
            for k in codecs.indices where !supported[k] {
                let other = codecs[k].table.bytes
                if runRange.allSatisfy({ u[$0] == 0x20 || (own[Int(u[$0])] != 0 && other[Int(u[$0])] == own[Int(u[$0])]) }) {
                    supported[k] = true
                }
            }
        }
    }

    func supportedCodecs(_ candidates: [Candidate], _ u: [UInt16]) -> [Bool] {
        var supported = [Bool](repeating: false, count: codecs.count)
        supportedCodecs(candidates, u, into: &supported)
        return supported
    }

    /// The candidates that are repaired, with their decoded text.
    func accept(_ candidates: [Candidate], _ u: [UInt16], supported: [Bool]) -> [Repair] {
        var accepted: [Candidate] = []
        for c in candidates {
            let minScore = codecs[c.codec].minScore
            if (isAmbiguous(c, u) || needsSupport(c)) && !supported[c.codec] { continue }
            guard c.score >= (supported[c.codec] ? min(supportedScore, minScore) : minScore) else { continue }
            accepted.append(c)
        }
        var out: [Repair] = []
        // Each stretch is judged once (a paragraph of mojibake words is one stretch: no rescans).
        var stretch = 0..<0
        var hopeless = false
        for (n, c) in accepted.enumerated() {
            if !stretch.contains(c.seqs[0].range.lowerBound) {
                (stretch, hopeless) = judgeStretch(around: n, accepted, u)
            }
            if hopeless { continue }
            var end = c.seqs[c.seqs.count - 1].range.upperBound
            if c.seqs[c.seqs.count - 1].usedSpace && end < u.count && u[end] == 0x20 && joinsFollowingWord(u, after: end + 1) {
                end += 1
            }
            var text: [UInt16] = []
            for s in c.seqs {
                let v = s.scalar.value
                if v < 0x10000 {
                    text.append(UInt16(v))
                } else {
                    text.append(UInt16(0xD800 + ((v - 0x10000) >> 10)))
                    text.append(UInt16(0xDC00 + ((v - 0x10000) & 0x3FF)))
                }
            }
            out.append(Repair(range: c.seqs[0].range.lowerBound..<end, text: text, codec: c.codec, score: c.score))
        }
        return out
    }

    /// The stretch of non-ASCII characters around `accepted[n]` when repairing its runs would leave a
    /// sequence of the same codec cut short in it (`ãƒæ` in `ã†â€™ãƒâ€ ã¢â‚¬…`, mojibake that was
    /// lower-cased or cut beyond repair): the stretch does not decode as a whole, so none of it is
    /// touched rather than turned into a different garble.
    func judgeStretch(around n: Int, _ accepted: [Candidate], _ u: [UInt16]) -> (Range<Int>, hopeless: Bool) {
        let isWide = { (i: Int) -> Bool in
            i >= 0 && i < u.count && (u[i] >= 0x80 || (u[i] == 0x20 && i > 0 && i + 1 < u.count && u[i - 1] >= 0x80 && u[i + 1] >= 0x80))
        }
        var a = accepted[n].seqs[0].range.lowerBound
        while isWide(a - 1) { a -= 1 }
        var b = accepted[n].seqs[accepted[n].seqs.count - 1].range.upperBound
        while isWide(b) { b += 1 }
        let bytes = codecs[accepted[n].codec].table.bytes
        // Runs accepted in the stretch, in order: `accepted` is sorted by position.
        var j = n
        while j > 0 && accepted[j - 1].seqs[0].range.lowerBound >= a { j -= 1 }
        var i = a
        while i + 1 < b {
            if j < accepted.count, accepted[j].seqs[0].range.lowerBound <= i {
                i = max(i + 1, accepted[j].seqs[accepted[j].seqs.count - 1].range.upperBound)
                j += 1
                continue
            }
            let nextRun = j < accepted.count ? accepted[j].seqs[0].range.lowerBound : u.count
            let lead = bytes[Int(u[i])]
            if lead >= 0xE0 && lead <= 0xF4 {
                // A sequence cut short: fewer continuations than its lead needs. Right before a repaired
                // run it may be an outer layer of double encoding that the next pass completes.
                let need = lead >= 0xF0 ? 3 : 2
                var k = 0
                while k < need, i + 1 + k < min(b, nextRun), bytes[Int(u[i + 1 + k])] >= 0x80, bytes[Int(u[i + 1 + k])] <= 0xBF { k += 1 }
                if k >= 1 && k < need && i + 1 + k != nextRun { return (a..<b, true) }
            }
            i += 1
        }
        return (a..<b, false)
    }

    /// A run whose sequences all lost bytes, one of them to a `?` (`déjà…?` reads as `à…` plus a lost
    /// byte), is repaired only where the document shows the codec's damage elsewhere.
    func needsSupport(_ c: Candidate) -> Bool {
        c.seqs.contains(where: \.guessed) && c.seqs.allSatisfy(\.lossy)
    }

    func isAmbiguous(_ c: Candidate, _ u: [UInt16]) -> Bool {
        let weak = codecs[c.codec].ambiguous
        guard !weak.isEmpty else { return false }
        return c.seqs.contains { s in s.range.count >= 2 && weak.contains(u[s.range.lowerBound + 1]) }
    }

    func joinsFollowingWord(_ u: [UInt16], after start: Int) -> Bool {
        guard !spaceJoins.isEmpty else { return false }
        var end = start
        while end < u.count, end - start < 12, let s = Unicode.Scalar(u[end]), s.properties.isAlphabetic { end += 1 }
        // `s'éloigner` is a French elision after a separate `à`, not Portuguese `às`.
        guard end > start, end == u.count || (u[end] != 0x27 && u[end] != 0x2019) else { return false }
        return spaceJoins.contains(Document.string(of: u[start..<end]))
    }
}
