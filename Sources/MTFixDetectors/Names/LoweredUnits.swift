import MTFixCore

/// A document's UTF-16 units lowercased one by one as they are read (offsets unchanged, as `TitleOptions.lower`).
///
/// The title search reads a few units around each name; lowering the whole text first cost more than the
/// search itself.
struct LoweredUnits: RandomAccessCollection {
    let units: [UInt16]
    private let table: UnsafePointer<UInt16>

    init(_ units: [UInt16]) {
        self.units = units
        table = TitleOptions.lowerTablePointer
    }

    var startIndex: Int { 0 }
    var endIndex: Int { units.count }

    @inline(__always)
    subscript(i: Int) -> UInt16 { table[Int(units[i])] }

    /// Whether `needle` (lowercase units) is written at `start`.
    @inline(__always)
    func matches(_ needle: [UInt16], at start: Int) -> Bool {
        guard start >= 0, start + needle.count <= units.count else { return false }
        for k in 0..<needle.count where self[start + k] != needle[k] { return false }
        return true
    }

    /// The units at `range` as a string (as `Document.string(of:)` makes it).
    func string(_ range: Range<Int>) -> String { Document.string(of: ArraySlice(self[range])) }
}
