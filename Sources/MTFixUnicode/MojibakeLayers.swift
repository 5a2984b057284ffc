/// Double and triple encoding (`Ã¢â‚¬â„¢` for `’`): a repaired run that is itself still mojibake is
/// repaired again, layer by layer, inside the same finding, so that one pass of the engine takes every
/// layer and the next pass finds nothing new.
extension MojibakeDetector {
    /// Layers peeled at most (a bound, not a guess: each layer is accepted by the same evidence as the first).
    static let maxLayers = 8

    /// Repeats the detector on each line with its repairs applied, as the engine's next pass would, and
    /// folds every repair that falls inside an earlier one's text into that repair.
    func peelLayers(_ repairs: inout [Repair], _ u: [UInt16], lines: [Range<Int>]) {
        for _ in 1..<Self.maxLayers {
            // Lines where some repair's text could still hold a sequence; each with its repairs.
            var groups: [(line: Range<Int>, members: Range<Int>)] = []
            var li = 0
            var k = 0
            while k < repairs.count {
                let start = repairs[k].range.lowerBound
                while li + 1 < lines.count && lines[li + 1].lowerBound <= start { li += 1 }
                let line = lines[li].lowerBound..<max(lines[li].upperBound, repairs[k].range.upperBound)
                var end = k
                var suspect = false
                while end < repairs.count && repairs[end].range.lowerBound < line.upperBound {
                    if !suspect && mayHoldSequence(repairs[end], u) { suspect = true }
                    end += 1
                }
                if end == k { end = k + 1 }
                if suspect { groups.append((line, k..<end)) }
                k = end
            }
            if groups.isEmpty { return }
            // Each line with its repairs applied, where each repair's text now stands, and the runs found
            // there (`supported` is judged over all of them, as the next pass would over the document).
            var buffers: [(text: [UInt16], spans: [Range<Int>], candidates: [Candidate])] = []
            var supported = [Bool](repeating: false, count: codecs.count)
            for g in groups {
                var text: [UInt16] = []
                var spans: [Range<Int>] = []
                var cursor = g.line.lowerBound
                for m in g.members {
                    let r = repairs[m]
                    text.append(contentsOf: u[cursor..<r.range.lowerBound])
                    spans.append(text.count..<(text.count + r.text.count))
                    text.append(contentsOf: r.text)
                    cursor = r.range.upperBound
                }
                text.append(contentsOf: u[cursor..<max(cursor, g.line.upperBound)])
                let found = candidates(text, paragraphs: [0..<text.count])
                supportedCodecs(found, text, into: &supported)
                buffers.append((text, spans, found))
            }
            var touched = Set<Int>()
            for (g, b) in zip(groups, buffers) where !b.candidates.isEmpty {
                let inner = accept(b.candidates, b.text, supported: supported)
                var s = 0
                // Both lists are in text order; a repair reaching outside one text is left to the next pass.
                for r in inner {
                    while s < b.spans.count && b.spans[s].upperBound < r.range.upperBound { s += 1 }
                    guard s < b.spans.count, b.spans[s].lowerBound <= r.range.lowerBound, r.range.upperBound <= b.spans[s].upperBound
                    else { continue }
                    let m = g.members.lowerBound + s
                    let offset = r.range.lowerBound - b.spans[s].lowerBound
                    // Later inner repairs of the same text stand further right: shift by what this one changed.
                    let shift = repairs[m].text.count - b.spans[s].count
                    repairs[m].text.replaceSubrange((offset + shift)..<(offset + shift + r.range.count), with: r.text)
                    touched.insert(m)
                }
            }
            if touched.isEmpty { return }
            for m in touched { repairs[m].layers += 1 }
        }
    }

    /// Whether a repair's text holds a lead character followed by a possible continuation in some codec
    /// (most repairs, `ü` or `“`, do not: one table look-up per character).
    func mayHoldSequence(_ r: Repair, _ u: [UInt16]) -> Bool {
        let t = r.text
        var i = 0
        while i + 1 < t.count {
            let c = t[i]
            if c >= 0x80 && leadBits[Int(c)] & followBits[Int(t[i + 1])] != 0 { return true }
            i += 1
        }
        return false
    }
}
