/// The lines of an engine pass's output, found from the previous snapshot's lines and the pass's edits
/// instead of a scan of the whole new text.
///
/// Lines end at `\n` alone (`Transcode.lines`). A line feed outside the edits is one of the previous text's,
/// moved by the length changes of the edits before it, so only the text the edits put in is searched for
/// line feeds; whether a `\r` before a `\n` leaves the line is read in the new text. `Transcode.lines` also
/// refuses a text with a lone surrogate (a `String` cannot keep one); the previous snapshot holds none, so
/// one can only appear where an edit meets the old text, and only those units are checked. Debug builds
/// compare the result with `Transcode.lines` for every snapshot (`Document.init(utf16:knownLines:language:)`).
enum InheritedLines {
    /// The lines of `units`, the text that `edits` (sorted, non-overlapping, in `previous`'s offsets) made
    /// from `previous`, landing at `landing` (`Engine.landing(of:)`); nil when a lone surrogate appeared.
    static func lines(of units: [UInt16], previous: Document, edits: [Edit], landing: [Range<Int>]) -> [Range<Int>]? {
        let old = previous.lines
        let oldCount = previous.utf16.count
        let n = units.count
        return units.withUnsafeBufferPointer { u -> [Range<Int>]? in
            for r in landing where !pairsIntact(u, max(0, r.lowerBound - 1)..<min(n, r.upperBound + 1)) { return nil }
            // The previous text's line feeds: one before every line but the first, and one at the very end
            // when its last line is followed by one.
            let oldFeeds = old.count - 1 + (old[old.count - 1].upperBound < oldCount ? 1 : 0)
            func oldFeed(_ k: Int) -> Int { k + 1 < old.count ? old[k + 1].lowerBound - 1 : oldCount - 1 }
            var lines: [Range<Int>] = []
            lines.reserveCapacity(old.count + 4)
            var start = 0
            func feed(_ i: Int) {
                lines.append(start..<((i > start && u[i - 1] == 0x0D) ? i - 1 : i))
                start = i + 1
            }
            var k = 0
            var delta = 0
            for (j, edit) in edits.enumerated() {
                while k < oldFeeds && oldFeed(k) < edit.range.lowerBound {
                    feed(oldFeed(k) + delta)
                    k += 1
                }
                // Line feeds the edit replaced are gone; an insertion lands before the unit at its offset.
                while k < oldFeeds && oldFeed(k) < edit.range.upperBound { k += 1 }
                for i in landing[j] where u[i] == 0x0A { feed(i) }
                delta += landing[j].count - edit.range.count
            }
            while k < oldFeeds {
                feed(oldFeed(k) + delta)
                k += 1
            }
            if start < n || lines.isEmpty { lines.append(start..<n) }
            return lines
        }
    }

    /// Whether every surrogate in `range` of `u` is half of a pair (its other half may lie just outside).
    private static func pairsIntact(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        for i in range {
            let v = u[i]
            guard v & 0xF800 == 0xD800 else { continue }
            if v & 0xFC00 == 0xDC00 {
                if i == 0 || u[i - 1] & 0xFC00 != 0xD800 { return false }
            } else if i + 1 == u.count || u[i + 1] & 0xFC00 != 0xDC00 {
                return false
            }
        }
        return true
    }
}

extension Document {
    /// The snapshot `edits` (sorted, non-overlapping) made of `previous`: its lines come from `previous`'s
    /// (`InheritedLines`), and the words of its unchanged lines too when they are asked for
    /// (`inheritWords`). `landing` is where the edits land (`Engine.landing(of:)`).
    static func applying(_ edits: [Edit], landing: [Range<Int>], to previous: Document, giving units: [UInt16]) -> Document {
        let next: Document
        if let lines = InheritedLines.lines(of: units, previous: previous, edits: edits, landing: landing) {
            next = Document(utf16: units, knownLines: lines, language: previous.language)
        } else {
            next = Document(utf16: units, language: previous.language)
        }
        next.inheritWords(from: previous, edits: edits, landing: landing)
        return next
    }
}
