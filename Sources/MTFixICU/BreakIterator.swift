import CICUShim
import Foundation

/// ICU text segmentation (UAX #29 / #14): boundaries of grapheme clusters, words, lines or sentences.
public enum BreakKind: Int32, Sendable {
    case character = 0, word = 1, line = 2, sentence = 3
}

/// One boundary with ICU's rule status (for words: 0 none/space/punct, 100+ number, 200+ letter, 300+ kana, 400+ ideo).
public struct Boundary: Sendable, Equatable {
    public let offset: Int
    public let status: Int32
}

/// Owns one ICU break iterator; closed on deinit.
final class ICUBreakIterator {
    let handle: OpaquePointer

    init(kind: BreakKind, locale: String) throws {
        var status: Int32 = 0
        let h = mtf_brk_open(kind.rawValue, locale, &status)
        try ICUError.check(status, "opening \(kind) break iterator for '\(locale)'")
        guard let h else { throw ICUError(status: 1, context: "opening break iterator") }
        handle = h
    }

    deinit { mtf_brk_close(handle) }
}

/// Thread-safe entry point for segmentation; iterators are pooled per kind and locale.
public enum Segmenter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pools: [String: Pool<ICUBreakIterator>] = [:]

    private static func pool(_ kind: BreakKind, _ locale: String) -> Pool<ICUBreakIterator> {
        let key = "\(kind.rawValue)|\(locale)"
        lock.lock()
        defer { lock.unlock() }
        if let p = pools[key] { return p }
        let p = Pool { try ICUBreakIterator(kind: kind, locale: locale) }
        pools[key] = p
        return p
    }

    /// All boundaries of `text` (UTF-16), including 0 and `text.count`, with rule statuses.
    public static func boundaries(
        _ kind: BreakKind, locale: String = "", in text: UnsafeBufferPointer<UInt16>
    ) throws -> [Boundary] {
        try pool(kind, locale).withObject { it in
            var status: Int32 = 0
            mtf_brk_set_text(it.handle, text.baseAddress, Int32(text.count), &status)
            try ICUError.check(status, "setting break iterator text")
            var out: [Boundary] = [Boundary(offset: Int(mtf_brk_first(it.handle)), status: 0)]
            while true {
                let b = mtf_brk_next(it.handle)
                if b < 0 { break }
                out.append(Boundary(offset: Int(b), status: mtf_brk_rule_status(it.handle)))
            }
            // Detach the iterator from the caller's buffer before it goes back to the pool.
            mtf_brk_set_text(it.handle, nil, 0, &status)
            return out
        }
    }

    /// Convenience over an array.
    public static func boundaries(_ kind: BreakKind, locale: String = "", in text: [UInt16]) throws -> [Boundary] {
        try text.withUnsafeBufferPointer { try boundaries(kind, locale: locale, in: $0) }
    }
}
