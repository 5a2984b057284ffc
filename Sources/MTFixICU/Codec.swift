import CICUShim

/// A legacy single- or multi-byte codec through ICU's converters (`ucnv`); not thread-safe, one per use.
public final class Codec {
    public let name: String
    private let handle: OpaquePointer

    public init(_ name: String) throws {
        var status: Int32 = 0
        let h = mtf_conv_open(name, &status)
        try ICUError.check(status, "opening converter '\(name)'")
        guard let h else { throw ICUError(status: 1, context: "opening converter '\(name)'") }
        self.name = name
        handle = h
    }

    deinit { mtf_conv_close(handle) }

    /// The bytes of `text` in this codec, or nil if a character cannot be represented.
    public func encode(_ text: UnsafeBufferPointer<UInt16>) -> [UInt8]? {
        var capacity = text.count * 2 + 8
        while true {
            var status: Int32 = 0
            var out = [UInt8](repeating: 0, count: capacity)
            let n = out.withUnsafeMutableBufferPointer { buf in
                buf.withMemoryRebound(to: CChar.self) {
                    mtf_conv_from_unicode(handle, text.baseAddress, Int32(text.count), $0.baseAddress, Int32(capacity), &status)
                }
            }
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ { capacity = Int(n) + 8; continue }
            guard status <= 0 else { return nil }
            out.removeSubrange(Int(n)...)
            return out
        }
    }

    /// `bytes` decoded from this codec, or nil on an illegal or unassigned byte sequence.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt16]? {
        var capacity = bytes.count * 2 + 8
        while true {
            var status: Int32 = 0
            var out = [UInt16](repeating: 0, count: capacity)
            let n = out.withUnsafeMutableBufferPointer { buf in
                bytes.withMemoryRebound(to: CChar.self) {
                    mtf_conv_to_unicode(handle, $0.baseAddress, Int32(bytes.count), buf.baseAddress, Int32(capacity), &status)
                }
            }
            if status == 15 { capacity = Int(n) + 8; continue }
            guard status <= 0 else { return nil }
            out.removeSubrange(Int(n)...)
            return out
        }
    }
}
