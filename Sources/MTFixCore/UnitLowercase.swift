/// The one-unit lowercase of every BMP code unit, as the case-folding prefilter and the title search
/// each need it, built together in one pass over the Unicode properties.
///
/// Both tables were built on their own at every start, each asking a property of all 65,536 units (about
/// 330 instructions a question, a twentieth of starting up each). The title search's table differs from
/// the fold's only in leaving alone what is not uppercase (titlecase letters such as `ǅ`), and every
/// uppercase unit with a one-unit lowercase changes when lowercased, so it is the fold's table with the
/// uppercase property asked of the thousand-odd units the fold changes (`UnitLowercaseTests` compares
/// both with their definitions).
public enum UnitLowercase {
    /// Units that change when lowercased mapped to their lowercase when that is one BMP unit; ASCII
    /// capitals to small letters; every other unit to itself.
    public static var changed: [UInt16] { tables.changed }

    /// The same for uppercase units only (the simple lowercase of a capital; titlecase letters and
    /// other units stay as they are).
    public static var uppercase: [UInt16] { tables.uppercase }

    private static let tables = Tables()

    /// The non-ASCII BMP units whose case is looked up: all but the CJK ideographs (Extension A and
    /// unified), the Hangul syllables, the surrogates and the private use area, caseless blocks that
    /// hold two thirds of the BMP (`UnitLowercaseTests` checks every unit of them against the properties).
    static let cased: [Range<Int>] = [0x80..<0x3400, 0x4DC0..<0x4E00, 0xA000..<0xAC00, 0xD7A4..<0xD800, 0xF900..<0x10000]

    private struct Tables: Sendable {
        let changed: [UInt16]
        let uppercase: [UInt16]

        init() {
            var changed = [UInt16](unsafeUninitializedCapacity: 0x10000) { t, n in
                for u in 0..<0x10000 { t[u] = UInt16(u) }
                for u in 0x41...0x5A { t[u] = UInt16(u + 0x20) }
                n = 0x10000
            }
            var uppercase = changed
            for u in UnitLowercase.cased.joined() {
                let p = Unicode.Scalar(UInt32(u))!.properties
                guard p.changesWhenLowercased else { continue }
                let lower = p.lowercaseMapping.unicodeScalars
                guard lower.count == 1, let l = lower.first, l.value < 0x10000, !(0xD800..<0xE000).contains(l.value) else {
                    continue
                }
                changed[u] = UInt16(l.value)
                if p.isUppercase { uppercase[u] = UInt16(l.value) }
            }
            self.changed = changed
            self.uppercase = uppercase
        }
    }
}
