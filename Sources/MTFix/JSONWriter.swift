import Foundation

/// Writes the JSON of findings and record metadata directly into bytes, the way `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` writes it (a test compares the two byte for byte).
/// `JSONEncoder` builds a tree of boxed values per finding; on JSON Lines it was a sixth of a run.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(JSONBytes.hex[Int(b >> 4)])
                bytes.append(JSONBytes.hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// An object of string values, keys in `JSONEncoder`'s sorted order.
    mutating func object(_ d: [String: String]) { object(d) { $0.string($1) } }

    /// An object of integer values, keys sorted the same way.
    mutating func object(_ d: [String: Int]) { object(d) { $0.int($1) } }

    private mutating func object<V>(_ d: [String: V], _ value: (inout JSONBytes, V) -> Void) {
        bytes.append(0x7B)
        for (k, key) in JSONBytes.sorted(d.keys).enumerated() {
            if k > 0 { bytes.append(0x2C) }
            string(key)
            bytes.append(0x3A)
            value(&self, d[key]!)
        }
        bytes.append(0x7D)
    }

    /// `JSONEncoder`'s `.sortedKeys` order on this platform: by UTF-8 bytes (`B` < `_x` < `a10` < `a9`).
    static func sorted<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension FindingRecord {
    /// This finding's JSON (the keys in sorted order, `replacement` null when there is none).
    func write(to w: inout JSONBytes) {
        w.raw("{\"byte_length\":"); w.int(byte_length)
        w.raw(",\"byte_offset\":"); w.int(byte_offset)
        w.raw(",\"category\":"); w.string(category)
        w.raw(",\"column\":"); w.int(column)
        w.raw(",\"end_column\":"); w.int(end_column)
        w.raw(",\"end_line\":"); w.int(end_line)
        if let evidence {
            w.raw(",\"evidence\":")
            w.object(evidence)
        }
        w.raw(",\"line\":"); w.int(line)
        w.raw(",\"message\":"); w.string(message)
        w.raw(",\"original\":"); w.string(original)
        w.raw(",\"path\":"); w.string(path)
        w.raw(",\"replacement\":")
        if let replacement { w.string(replacement) } else { w.raw("null") }
        w.raw(",\"rule\":"); w.string(rule)
        w.raw(",\"safety\":"); w.string(safety)
        w.raw(",\"severity\":"); w.string(severity)
        w.raw("}")
    }

    /// This finding's JSON as a string.
    public var json: String {
        var w = JSONBytes()
        write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
