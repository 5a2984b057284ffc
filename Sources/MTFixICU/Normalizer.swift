import CICUShim

/// ICU Normalizer2 forms.
public enum NormalizationForm: Int32, Sendable, CaseIterable {
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3, nfkcCasefold = 4
}

/// Unicode normalization through ICU's process-wide Normalizer2 instances.
public enum Normalizer {
    private static func instance(_ form: NormalizationForm) -> UnsafeRawPointer {
        var status: Int32 = 0
        // ICU's built-in instances are singletons owned by ICU; they never fail with the bundled data.
        return mtf_norm_instance(form.rawValue, &status)!
    }

    /// `text` in the given form.
    public static func normalize(_ text: [UInt16], _ form: NormalizationForm) -> [UInt16] {
        text.withUnsafeBufferPointer { normalize($0, form) }
    }

    public static func normalize(_ text: UnsafeBufferPointer<UInt16>, _ form: NormalizationForm) -> [UInt16] {
        let norm = instance(form)
        var capacity = text.count + text.count / 2 + 16
        while true {
            var status: Int32 = 0
            var out = [UInt16](repeating: 0, count: capacity)
            let n = out.withUnsafeMutableBufferPointer {
                mtf_norm_normalize(norm, text.baseAddress, Int32(text.count), $0.baseAddress, Int32(capacity), &status)
            }
            if Int(n) <= capacity && status <= 0 {
                out.removeSubrange(Int(n)...)
                return out
            }
            capacity = Int(n) + 16
        }
    }

    /// String convenience.
    public static func normalize(_ text: String, _ form: NormalizationForm) -> String {
        String(decoding: normalize(Array(text.utf16), form), as: UTF16.self)
    }

    /// Whether `text` is already in the given form.
    public static func isNormalized(_ text: UnsafeBufferPointer<UInt16>, _ form: NormalizationForm) -> Bool {
        var status: Int32 = 0
        return mtf_norm_is_normalized(instance(form), text.baseAddress, Int32(text.count), &status) == 1
    }

    /// Whether the scalar `c` is NFC_Quick_Check=Yes: for a single unit, the same answer as whether
    /// `quickCheckPrefix` of it alone is 1 (checked for every BMP unit by `NFCScreenTests`), from one
    /// property look-up instead of a normalizer run.
    public static func isNFCQuickCheckYes(_ c: UInt32) -> Bool { mtf_nfc_quick_check_yes(Int32(bitPattern: c)) == 1 }

    /// Length of the leading part of `text` that is certainly in the form (fast path for clean text).
    public static func quickCheckPrefix(_ text: UnsafeBufferPointer<UInt16>, _ form: NormalizationForm) -> Int {
        var status: Int32 = 0
        return Int(mtf_norm_span_quick_check_yes(instance(form), text.baseAddress, Int32(text.count), &status))
    }
}
