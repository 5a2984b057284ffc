import CICUShim

/// An ICU transliterator (e.g. `Any-Latin; Latin-ASCII`); not thread-safe, one per use.
public final class Transliterator {
    private let handle: OpaquePointer

    public init(_ id: String) throws {
        let units = Array(id.utf16)
        var status: Int32 = 0
        let h = units.withUnsafeBufferPointer { mtf_translit_open($0.baseAddress, Int32($0.count), &status) }
        try ICUError.check(status, "opening transliterator '\(id)'")
        guard let h else { throw ICUError(status: 1, context: "opening transliterator '\(id)'") }
        handle = h
    }

    deinit { mtf_translit_close(handle) }

    public func transliterate(_ text: String) -> String {
        let units = Array(text.utf16)
        var capacity = units.count * 4 + 16
        while true {
            var buf = units + [UInt16](repeating: 0, count: capacity - units.count)
            var length = Int32(units.count)
            var status: Int32 = 0
            _ = buf.withUnsafeMutableBufferPointer {
                mtf_translit_trans(handle, $0.baseAddress, &length, Int32(capacity), &status)
            }
            if status == 15 { capacity *= 2; continue }
            if status > 0 { return text }
            return String(decoding: buf[..<Int(length)], as: UTF16.self)
        }
    }

    /// The rules as ICU's source text (for tests that check what a transliterator can do).
    public var rules: String {
        var capacity = 1 << 16
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let n = out.withUnsafeMutableBufferPointer { mtf_translit_rules(handle, $0.baseAddress, Int32(capacity), &status) }
            if Int(n) > capacity { capacity = Int(n); continue }
            if status > 0 { return "" }
            return String(decoding: out[..<Int(n)], as: UTF16.self)
        }
    }
}

/// ICU's UTS #39 spoof checker: confusable skeletons.
public final class SpoofChecker {
    private let handle: OpaquePointer

    public init() throws {
        var status: Int32 = 0
        let h = mtf_spoof_open(&status)
        try ICUError.check(status, "opening spoof checker")
        guard let h else { throw ICUError(status: 1, context: "opening spoof checker") }
        handle = h
    }

    deinit { mtf_spoof_close(handle) }

    /// The skeleton of `text`: two strings that look alike have the same skeleton.
    public func skeleton(_ text: String) -> String {
        let units = Array(text.utf16)
        var capacity = units.count * 3 + 16
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let n = units.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer {
                    mtf_spoof_skeleton(handle, src.baseAddress, Int32(src.count), $0.baseAddress, Int32(capacity), &status)
                }
            }
            if Int(n) > capacity { capacity = Int(n) + 8; continue }
            if status > 0 { return text }
            return String(decoding: out[..<Int(n)], as: UTF16.self)
        }
    }
}
