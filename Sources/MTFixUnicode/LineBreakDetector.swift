import MTFixCore

/// Lint (report only): line breaks other than the document's own convention: a lone CR, U+2028 LINE
/// SEPARATOR, U+2029 PARAGRAPH SEPARATOR, NEL (U+0085), and LF lines in a CRLF file or the reverse.
/// Nothing is rewritten: a CRLF file stays CRLF, and whether a separator is a line or a paragraph is
/// for a person to decide.
public struct LineBreakDetector: Rule {
    public let descriptor: RuleDescriptor

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
    }

    // Document scope: which line ending is the odd one out depends on every line.

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        // Without a CR, U+2028, U+2029 or NEL every line ends in a plain LF: nothing to report.
        guard !UnicodeCensus.of(document).all.isDisjoint(with: [.cr, .lineSeparator]) else { return [] }
        let u = document.utf16
        var out: [Finding] = []
        var crlf: [Int] = []
        var lf: [Int] = []
        for (i, c) in u.enumerated() {
            switch c {
            case 0x0A:
                if i > 0 && u[i - 1] == 0x0D { crlf.append(i - 1) } else { lf.append(i) }
            case 0x0D where !(i + 1 < u.count && u[i + 1] == 0x0A):
                out.append(report(i..<(i + 1), "a lone carriage return (old Mac line end)"))
            case 0x2028:
                out.append(report(i..<(i + 1), "U+2028 LINE SEPARATOR: most tools do not see a line break here"))
            case 0x2029:
                out.append(report(i..<(i + 1), "U+2029 PARAGRAPH SEPARATOR: most tools do not see a line break here"))
            case 0x85:
                out.append(report(i..<(i + 1), "NEL (U+0085): a line break only in EBCDIC-era text, or a Windows-1252 '…'"))
            default:
                continue
            }
        }
        if !crlf.isEmpty && !lf.isEmpty {
            // The minority convention is the odd one out.
            let (odd, kind, usual) = crlf.count >= lf.count ? (lf, "LF", "CRLF") : (crlf, "CRLF", "LF")
            for i in odd {
                let r = i..<(i + (kind == "CRLF" ? 2 : 1))
                out.append(report(r, "mixed line endings: \(kind) in a file that mostly uses \(usual)"))
            }
        }
        return out
    }

    private func report(_ range: Range<Int>, _ message: String) -> Finding {
        Finding(descriptor: descriptor, range: range, replacement: nil, message: message)
    }
}
