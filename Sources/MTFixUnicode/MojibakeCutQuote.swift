/// A closing quote cut short: `”` is E2 80 9D in UTF-8, and a codec that reads 9D as a C1 control
/// (Windows-1252 has no character there) hands it to whatever strips controls, leaving `â€` before a
/// space. Alone, `â€ ` is ambiguous (the space may be a flattened no-break space, making `†`), so it is
/// repaired only where an opening `“` on the same line is still waiting for its close, and only after
/// a plain word (not inside a stretch of other mojibake, which is left whole).
struct MojibakeCutQuote {
    /// What one codec makes of the quotes: `cut` stands for the first two bytes of `”`.
    struct Forms {
        var codec: Int
        var cut: [UInt16]
        /// The whole `”`, its control still there (the mojibake rule proper repairs it).
        var close: [UInt16]
        /// The whole `“` and `„` (a German opening, closed by `“`) as the codec shows them.
        var open: [UInt16]
        var low: [UInt16]
    }

    let forms: [Forms]

    init(tables: [SingleByteTable]) {
        var forms: [Forms] = []
        for (k, table) in tables.enumerated() {
            let shown = Self.shown(table)
            // The final byte must read as a control (what gets stripped), the first two as printable
            // characters (what is left to see); a codec whose reading is already taken is skipped.
            guard let close = Self.units("\u{201D}", shown), close[2] >= 0x80 && close[2] <= 0x9F,
                close[0] > 0x9F, close[1] > 0x9F,
                let open = Self.units("\u{201C}", shown), let low = Self.units("\u{201E}", shown),
                !forms.contains(where: { $0.cut == Array(close[0..<2]) })
            else { continue }
            forms.append(Forms(codec: k, cut: Array(close[0..<2]), close: close, open: open, low: low))
        }
        self.forms = forms
    }

    /// The character the codec shows for each UTF-8 byte of `scalar`, a printable one when it has one.
    static func units(_ scalar: Unicode.Scalar, _ shown: [UInt16?]) -> [UInt16]? {
        var out: [UInt16] = []
        for byte in String(scalar).utf8 {
            guard let unit = shown[Int(byte)] else { return nil }
            out.append(unit)
        }
        return out
    }

    /// For each byte, the character the codec shows for it (printable before a C1 control).
    static func shown(_ table: SingleByteTable) -> [UInt16?] {
        var shown = [UInt16?](repeating: nil, count: 256)
        for unit in 0x80..<0x10000 {
            let b = Int(table.bytes[unit])
            guard b >= 0x80 else { continue }
            if let old = shown[b], old > 0x9F || unit <= 0x9F { continue }
            shown[b] = UInt16(unit)
        }
        return shown
    }

    /// Cut-short closing quotes in `line`, each with the codec index and the `”` it stands for.
    func repairs(_ u: [UInt16], line: Range<Int>) -> [(range: Range<Int>, codec: Int)] {
        var out: [(range: Range<Int>, codec: Int)] = []
        for form in forms {
            out += repairs(u, line: line, form: form)
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private enum Waiting { case none, curly, low }

    private func repairs(_ u: [UInt16], line: Range<Int>, form: Forms) -> [(range: Range<Int>, codec: Int)] {
        var out: [(range: Range<Int>, codec: Int)] = []
        var waiting = Waiting.none
        var i = line.lowerBound
        while i < line.upperBound {
            let c = u[i]
            // `open`, `low` and `close` all start with the two characters of `cut`.
            guard c == form.cut[0], i + 1 < line.upperBound, u[i + 1] == form.cut[1] else {
                waiting = Self.after(c, waiting)
                i += 1
                continue
            }
            let next = i + 2
            guard next >= line.upperBound || Self.follows(u[next]) else {
                // A whole sequence (`â€œ`, `â€”`, `â€™`): its quote, if it is one, counts; passed over whole.
                let third = u[next]
                // A `?` or U+FFFD stood for the lost byte of a close (see `MojibakeScanner`).
                let closes = third == form.close[2] || third == 0x3F || third == 0xFFFD
                let quote: UInt16 = third == form.open[2] ? 0x201C : third == form.low[2] ? 0x201E : closes ? 0x201D : 0
                waiting = Self.after(quote, waiting)
                i = next + 1
                continue
            }
            if waiting == .curly, i > line.lowerBound, Self.plainBefore(u[i - 1]) {
                out.append((i..<next, form.codec))
                waiting = .none
            }
            i = next
        }
        return out
    }

    /// The quote still waiting for its close once `c` is read.
    private static func after(_ c: UInt16, _ waiting: Waiting) -> Waiting {
        switch c {
        case 0x201C: waiting == .low ? .none : .curly
        case 0x201E: .low
        case 0x201D: .none
        default: waiting
        }
    }

    /// After the cut: a space, a tab or punctuation that no codec byte of the sequence could be.
    private static func follows(_ c: UInt16) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x29
    }

    /// Before the cut: a plain word's end (ASCII, or a letter of a script no codec here spells with
    /// Latin-1 look-alikes), not a character of another stretch of mojibake.
    private static func plainBefore(_ c: UInt16) -> Bool {
        if c < 0x80 { return c != 0x20 && c != 0x09 }
        guard c >= 0x370 && c < 0x2000, let s = Unicode.Scalar(c) else { return false }
        return s.properties.isAlphabetic
    }
}
