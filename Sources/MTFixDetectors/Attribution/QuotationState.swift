import MTFixCore

/// Whether a point of a line lies inside a quotation, found by pairing the line's double quotation
/// marks from its start: German `„…“` and `„…"` (a straight closer, common in scraped copy) and
/// `»…«`, French and Russian `«…»`, English `“…”` and `"…"`, CJK `「…」` `『…』`.
///
/// Scanning back to the nearest mark, as the shared helper does, cannot tell German `»Text«, sagte er.`
/// (closed) from `«Texte` (open), nor a straight closer after `„`; the pairing can. Single marks are
/// left out: `’` and `'` are mostly apostrophes.
struct QuotationState {
    /// Whether `offset` lies inside a quotation opened earlier on the line.
    static func isOpen(_ u: [UInt16], at offset: Int, lineStart: Int) -> Bool {
        var state = QuotationState(lineStart: lineStart)
        return state.isOpen(u, at: offset)
    }

    let lineStart: Int
    /// The openers still waiting for their closers, innermost last, for the marks before `scanned`.
    private var open: [UInt16] = []
    private var scanned: Int

    /// A scan of the line starting at `lineStart`; asked about points in text order, it reads each mark
    /// once (a line with thousands of candidates, each scanned from the line start, took quadratic time).
    init(lineStart: Int) {
        self.lineStart = lineStart
        scanned = lineStart
    }

    /// Whether `offset` lies inside a quotation opened earlier on the line; an offset before the last one
    /// asked about starts the scan again.
    mutating func isOpen(_ u: [UInt16], at offset: Int) -> Bool {
        if offset < scanned {
            open.removeAll(keepingCapacity: true)
            scanned = lineStart
        }
        var k = scanned
        while k < offset {
            let c = u[k]
            k += 1
            guard Self.isMark(c) else { continue }
            let i = k - 1
            // Text right before the mark makes it a closer; text right after (a letter, digit or opening
            // bracket) an opener.
            let afterText = i > lineStart && !NarrativeText.isSpace(u[i - 1]) && !Self.isOpening(u[i - 1])
            let beforeText =
                i + 1 < u.count && (NarrativeText.isLetter(u[i + 1]) || NarrativeText.isDigit(u[i + 1]))
            let top = open.last
            switch c {
            case 0x201E, 0x300C, 0x300E:  // „ 「 『 only ever open
                open.append(c)
            case 0x300D, 0x300F, 0x201D:  // 」 』 ” only ever close
                if top != nil { open.removeLast() }
            case 0x201C:  // “ closes German „, else closes after text (or closes nothing) and opens before it
                if top == 0x201E || (top != nil && afterText) {
                    open.removeLast()
                } else if !afterText {
                    open.append(c)
                }
            case 0xAB:  // « closes German »…«, else opens
                if top == 0xBB { open.removeLast() } else { open.append(c) }
            case 0xBB:  // » closes «…», opens German »…« when nothing is open and text follows
                if top == 0xAB || (top != nil && afterText) {
                    open.removeLast()
                } else if top == nil && beforeText && !afterText {
                    open.append(c)
                }
            default:  // " closes a straight or German opening mark, or any mark when it follows text; else opens
                // (with nothing open, even after text: a quotation run on from the line before is read as
                // still open, the cautious side)
                if top == 0x22 || top == 0x201E || (top != nil && afterText) {
                    open.removeLast()
                } else {
                    open.append(c)
                }
            }
        }
        scanned = max(scanned, offset)
        return !open.isEmpty
    }

    static func isMark(_ c: UInt16) -> Bool {
        c == 0x22 || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB
            || (c >= 0x300C && c <= 0x300F)
    }

    /// Marks and brackets after which a quotation mark opens (`(„`, `«“`).
    static func isOpening(_ c: UInt16) -> Bool {
        c == 0x28 || c == 0x5B || c == 0x201E || c == 0x201C || c == 0xAB || c == 0x22 || c == 0x300C
            || c == 0x300E
    }
}
