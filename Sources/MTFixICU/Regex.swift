import CICUShim

/// A compiled ICU regular expression (UTF-16 based, Unicode-aware); safe to share across threads.
public final class ICURegex: @unchecked Sendable {
    /// The pattern as written.
    public let pattern: String
    public let groupCount: Int
    private let prototype: OpaquePointer
    private let pool: Pool<OwnedRegex>

    /// Option flags for `ICURegex`.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 2)
        public static let comments = Options(rawValue: 4)
        public static let multiline = Options(rawValue: 8)
        public static let dotAll = Options(rawValue: 32)
        public static let unicodeWords = Options(rawValue: 256)
    }

    /// A syntax error with its position in the pattern (UTF-16 offset).
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public let pattern: String
        public let offset: Int
        public let icuName: String
        public var description: String { "invalid regular expression (\(icuName)) at offset \(offset) in \(pattern)" }
    }

    public init(_ pattern: String, options: Options = []) throws {
        self.pattern = pattern
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let handle = units.withUnsafeBufferPointer {
            mtf_regex_open($0.baseAddress, Int32($0.count), options.rawValue, &status, &line, &offset)
        }
        guard status <= 0, let handle else {
            throw SyntaxError(pattern: pattern, offset: Int(offset), icuName: String(cString: mtf_error_name(status)))
        }
        prototype = handle
        groupCount = Int(mtf_regex_group_count(handle, &status))
        pool = Pool {
            var s: Int32 = 0
            guard let c = mtf_regex_clone(handle, &s), s <= 0 else { throw ICUError(status: s, context: "cloning regex") }
            return OwnedRegex(handle: c)
        }
    }

    deinit { mtf_regex_close(prototype) }

    /// One match: the UTF-16 range of the whole match and of each capture group (nil when it did not take part).
    public struct Match: Sendable {
        public let range: Range<Int>
        public let groups: [Range<Int>?]
    }

    /// Every non-overlapping match in `text`.
    public func matches(in text: UnsafeBufferPointer<UInt16>) -> [Match] {
        (try? pool.withObject { re -> [Match] in
            var status: Int32 = 0
            mtf_regex_set_text(re.handle, text.baseAddress ?? Self.empty, Int32(text.count), &status)
            var out: [Match] = []
            while mtf_regex_find_next(re.handle, &status) == 1 && status <= 0 {
                let s = Int(mtf_regex_start(re.handle, 0, &status))
                let e = Int(mtf_regex_end(re.handle, 0, &status))
                var groups: [Range<Int>?] = []
                groups.reserveCapacity(groupCount)
                if groupCount > 0 {
                    for g in 1...groupCount {
                        let gs = mtf_regex_start(re.handle, Int32(g), &status)
                        let ge = mtf_regex_end(re.handle, Int32(g), &status)
                        groups.append(gs < 0 ? nil : Int(gs)..<Int(ge))
                    }
                }
                out.append(Match(range: s..<e, groups: groups))
            }
            mtf_regex_set_text(re.handle, Self.empty, 0, &status)
            return out
        }) ?? []
    }

    public func matches(in text: [UInt16]) -> [Match] {
        text.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Whether the pattern matches anywhere in `text`.
    public func firstMatch(in text: [UInt16]) -> Match? { matches(in: text).first }

    private static let emptyStorage: UnsafeMutablePointer<UInt16> = {
        let p = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    private static var empty: UnsafePointer<UInt16> { UnsafePointer(emptyStorage) }
}

final class OwnedRegex {
    let handle: OpaquePointer
    init(handle: OpaquePointer) { self.handle = handle }
    deinit { mtf_regex_close(handle) }
}
