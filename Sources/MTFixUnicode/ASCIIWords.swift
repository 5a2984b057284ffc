/// Skips plain ASCII four UTF-16 units (one 64-bit word) at a time: most of most copy is ASCII, which
/// scans for non-ASCII characters need not look at unit by unit.
enum ASCIIWords {
    /// The first offset from `from` (in steps of four) whose word of four units up to `end` holds a
    /// unit of U+0080 or above, or the offset where fewer than four units remain. Never past the first
    /// non-ASCII unit, so a scan may resume there unit by unit.
    @inline(__always)
    static func skip(_ p: UnsafeBufferPointer<UInt16>, from: Int, to end: Int) -> Int {
        guard let base = p.baseAddress else { return from }
        let raw = UnsafeRawPointer(base)
        var i = from
        while i + 4 <= end && raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self) & 0xFF80_FF80_FF80_FF80 == 0 {
            i += 4
        }
        return i
    }
}
