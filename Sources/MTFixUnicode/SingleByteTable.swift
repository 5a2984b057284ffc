import MTFixICU

/// The reverse map of a single-byte legacy codec (UTF-16 unit → byte), built once from ICU's converter.
///
/// "Sloppy" like the decoders that produce mojibake in the wild: a byte the codec leaves undefined
/// (0x81 in Windows-1252) is read as the Latin-1 character with the same number, and for the
/// Windows and ISO-8859 codecs a C1 control (U+0080–U+009F) maps back to its own byte, because
/// Latin-1 and Windows-1252 readings of the same file are routinely mixed.
public final class SingleByteTable: @unchecked Sendable {
    public let name: String
    /// Byte for each BMP code unit, 0 when the unit cannot be encoded (ASCII maps to itself).
    let bytes: [UInt8]
    /// Lead bytes after which a space may stand for byte 0xA0 (a no-break space that a later step
    /// flattened); empty unless the codec maps 0xA0 to a no-break space.
    let spaceLeads: Set<UInt8>
    /// C1 controls this codec takes only through the Latin-1 fallback.
    let fallback: Set<UInt16>

    public init(codec name: String, spaceLeads: Set<UInt8> = []) throws {
        let codec = try Codec(name)
        var table = [UInt8](repeating: 0, count: 0x10000)
        for b in 0..<0x80 { table[b] = UInt8(b) }
        var nbsp = false
        for b in 0x80...0xFF {
            let decoded = [UInt8(b)].withUnsafeBufferPointer { codec.decode($0) }
            if let d = decoded, d.count == 1, d[0] >= 0x80, d[0] != 0xFFFD, d[0] != 0x1A {
                if table[Int(d[0])] == 0 { table[Int(d[0])] = UInt8(b) }
                if b == 0xA0 && d[0] == 0xA0 { nbsp = true }
            } else if table[b] == 0 {
                table[b] = UInt8(b)
            }
        }
        var fallback = Set<UInt16>()
        let lower = name.lowercased()
        if lower.hasPrefix("windows-") || lower.hasPrefix("iso-8859") || lower.hasPrefix("cp125") {
            for c in 0x80...0x9F where table[c] == 0 {
                table[c] = UInt8(c)
                fallback.insert(UInt16(c))
            }
        }
        self.fallback = fallback
        self.name = name
        bytes = table
        self.spaceLeads = nbsp ? spaceLeads : []
    }

    func isFallback(_ unit: UInt16) -> Bool { unit >= 0x80 && unit <= 0x9F && fallback.contains(unit) }

    /// The byte for a UTF-16 unit, or nil.
    @inline(__always)
    func byte(_ unit: UInt16) -> UInt8? {
        let b = bytes[Int(unit)]
        return b == 0 ? nil : b
    }
}
