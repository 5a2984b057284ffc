import MTFixICU
import MTFixCore

/// The byte scans behind `LanguageDetector.detect`: letters per script and function-word hits,
/// together (`scan`, for long documents, where letter and word limits end it) or apart (short ones).
extension LanguageDetector {
    /// Stop counting letters past this many (a long document's start tells its language).
    static let letterLimit = 20_000

    /// What `scan` found: letters per ICU script number (256 slots) and function-word hits per profile.
    struct Stats {
        var scripts: [Int]
        var wordScores: [Int]
    }

    /// One pass over the UTF-8 bytes: letters per script (ISO 15924 code) in the first 20,000 letters,
    /// and function-word hits per profile in the first 5,000 words. ASCII letters count as Latin without
    /// asking ICU and words are compared by a 64-bit hash of their folded code points, so no string is
    /// built: this runs on every document and must cost little per byte.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: WordTable, profiles: Int) -> Stats {
        var stats = Stats(scripts: [], wordScores: [Int](repeating: 0, count: profiles))
        var latin = 0
        var others = [Int](repeating: 0, count: 256)  // by UScriptCode (all below 256)
        let bmp = bmpScripts
        var letters = 0
        var words = 0
        var h = fnvBasis
        var inWord = false
        let n = bytes.count
        var i = 0
        func endWord() {
            if let mask = table[h] {
                for k in 0..<profiles where mask & (1 << UInt64(k)) != 0 { stats.wordScores[k] += 1 }
            }
            words += 1
            h = fnvBasis
            inWord = false
        }
        while i < n && (letters < letterLimit || words <= 5_000) {
            let b = UInt32(bytes[i])
            // ASCII, most of the bytes of most copy: a letter or a word end, nothing else to decide.
            if b < 0x80 {
                let lower = b | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    latin += 1
                    letters += 1
                    h = (h ^ UInt64(lower)) &* fnvPrime
                    inWord = true
                } else if inWord {
                    endWord()
                }
                i += 1
                continue
            }
            let (v, len) = decode(b, bytes.baseAddress!, i, n)
            i += len
            let script = v < 0x10000 ? Int(bmp[Int(v)]) : Int(Unicode.Scalar(v).map { Script.of($0).rawValue & 0xFF } ?? 0)
            // Common (0) and Inherited (1): digits, punctuation, symbols, combining marks.
            if script > 1 {
                others[script] += 1
                letters += 1
            }
            if isWordScalar(v) {
                h = (h ^ UInt64(fold(v))) &* fnvPrime
                inWord = true
            } else if inWord {
                endWord()
            }
        }
        if inWord { endWord() }
        others[Int(Script.latin.rawValue)] += latin
        stats.scripts = others
        return stats
    }

    /// Letters per ICU script number (256 slots) in the whole text, as `scan` counts them, without
    /// looking at words. Eight ASCII bytes are read at a time: a letter is a byte that, lowercased
    /// (`| 0x20`), lies in `a`...`z`, which adding 0x1F (≥ `a`) and 0x05 (≥ `{`) to each byte tells in
    /// its top bit (no byte overflows into the next, all being below 0x80).
    ///
    /// With `settled`, asked every `settleBlock` bytes with the counts so far, the script numbers seen
    /// (in order of first letter) and the bytes left, counting stops at the first `true`: the counts are
    /// then partial, for a caller that knows the rest cannot change its answer.
    static func countScripts(
        _ bytes: UnsafeBufferPointer<UInt8>, settled: ((ScriptCounts, _ remaining: Int) -> Bool)? = nil
    ) -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        counts.withUnsafeMutableBufferPointer { others in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 257) { seen in
                _ = countScripts(bytes, into: others, seen: seen, settled: settled)
            }
        }
        return counts
    }

    /// `countScripts` into `others` (256 slots, zero), with the script numbers that have letters (Latin
    /// first, perhaps without any) written to `seen` (257 slots); returns how many. `detect` keeps both
    /// on the stack and reads only the scripts seen: the array of 256 counts, allocated and zeroed and
    /// then searched for the scripts present, was a twentieth of detecting a language.
    static func countScripts(
        _ bytes: UnsafeBufferPointer<UInt8>, into others: UnsafeMutableBufferPointer<Int>,
        seen: UnsafeMutableBufferPointer<Int>, settled: ((ScriptCounts, _ remaining: Int) -> Bool)?
    ) -> Int {
        let latinSlot = Int(Script.latin.rawValue)
        // Latin first: ASCII letters are counted apart (`latin`) and never enter `seen` below.
        seen[0] = latinSlot
        guard let base = bytes.baseAddress else { return 1 }
        let n = bytes.count
        var latin = 0
        var seenCount = 1
        bmpScripts.withUnsafeBufferPointer { bmp in
            var i = 0
            var checkAt = settled == nil ? n : min(n, settleBlock)
            while i < n {
                if i >= checkAt {
                    let now = ScriptCounts(others: UnsafeBufferPointer(others), latin: latin, seen: UnsafeBufferPointer(rebasing: seen[0..<seenCount]))
                    if settled!(now, n - i) { break }
                    checkAt = min(n, i + settleBlock)
                }
                if i + 8 <= n {
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let high = w & 0x8080_8080_8080_8080
                    // The bytes below the first non-ASCII one (all eight when there is none).
                    let clean = high == 0 ? 8 : high.trailingZeroBitCount >> 3
                    if clean > 0 {
                        let x = (w | 0x2020_2020_2020_2020) & (clean == 8 ? ~0 : (1 << UInt64(8 * clean)) - 1)
                        let letters = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & 0x8080_8080_8080_8080
                        latin += letters.nonzeroBitCount
                        i += clean
                        if clean == 8 { continue }
                    }
                }
                // One character at a time while they are not ASCII (Cyrillic, CJK copy), without going
                // back to the eight-byte test between them, and four two-byte characters at once when
                // they come in a row (as `Transcode.layout` widens them).
                @inline(__always) func count(_ v: UInt32) {
                    let script = v < 0x10000 ? Int(bmp[Int(v)]) : Int(Unicode.Scalar(v).map { Script.of($0).rawValue & 0xFF } ?? 0)
                    // Common (0) and Inherited (1): digits, punctuation, symbols, combining marks.
                    if script > 1 {
                        others[script] &+= 1
                        if others[script] == 1 && script != latinSlot {
                            seen[seenCount] = script
                            seenCount &+= 1
                        }
                    }
                }
                repeat {
                    let b = UInt32(base[i])
                    if b < 0x80 {
                        if (b | 0x20) &- 0x61 < 26 { latin &+= 1 }
                        i &+= 1
                        break
                    }
                    if b < 0xE0 && i &+ 8 <= n {
                        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if w & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 {
                            let u = (w & 0x001F_001F_001F_001F) << 6 | (w >> 8) & 0x003F_003F_003F_003F
                            count(UInt32(truncatingIfNeeded: u) & 0xFFFF)
                            count(UInt32(truncatingIfNeeded: u >> 16) & 0xFFFF)
                            count(UInt32(truncatingIfNeeded: u >> 32) & 0xFFFF)
                            count(UInt32(truncatingIfNeeded: u >> 48))
                            i &+= 8
                            continue
                        }
                    }
                    let (v, len) = decode(b, base, i, n)
                    i &+= len
                    count(v)
                } while i < checkAt
            }
        }
        others[latinSlot] += latin
        return seenCount
    }

    /// Bytes between two `settled` questions in `countScripts`: a short article is a few thousand.
    static let settleBlock = 256

    /// Function-word hits per profile in the whole text, as `scan` counts them (every word hashed,
    /// so a hash collision counts exactly as it does there).
    static func scoreWords(_ bytes: UnsafeBufferPointer<UInt8>, table: WordTable, profiles: Int) -> [Int] {
        var scores = [Int](repeating: 0, count: profiles)
        guard let base = bytes.baseAddress else { return scores }
        let n = bytes.count
        var h = fnvBasis
        var inWord = false
        let folds = foldTable
        folds.withUnsafeBufferPointer { folds in
        scores.withUnsafeMutableBufferPointer { scores in
            func endWord() {
                if var mask = table[h] {
                    while mask != 0 {
                        let k = mask.trailingZeroBitCount
                        if k < profiles { scores[k] += 1 }
                        mask &= mask - 1
                    }
                }
                h = fnvBasis
                inWord = false
            }
            var i = 0
            while i < n {
                let b = UInt32(base[i])
                if b < 0x80 {
                    let lower = b | 0x20
                    if lower &- 0x61 < 26 {
                        h = (h ^ UInt64(lower)) &* fnvPrime
                        inWord = true
                        i &+= 1
                        // The rest of the word's ASCII letters in a loop of their own (a byte of 0x80 or
                        // more, or-ed with 0x20, is no letter either): back at the top, each letter cost
                        // seventeen instructions.
                        while i < n {
                            let c = UInt32(base[i]) | 0x20
                            if c &- 0x61 >= 26 { break }
                            h = (h ^ UInt64(c)) &* fnvPrime
                            i &+= 1
                        }
                        continue
                    } else if inWord {
                        endWord()
                    }
                    i &+= 1
                    continue
                }
                let (v, len) = decode(b, base, i, n)
                i &+= len
                if isWordScalar(v) {
                    h = (h ^ UInt64(v < 0x10000 ? UInt32(folds[Int(v)]) : v)) &* fnvPrime
                    inWord = true
                } else if inWord {
                    endWord()
                }
            }
            if inWord { endWord() }
        }
        }
        return scores
    }

    /// The code point starting with lead byte `b` at `i` and its length, as `scan` reads it (a sequence
    /// cut short by the end is taken byte by byte).
    @inline(__always)
    static func decode(_ b: UInt32, _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int) {
        if b >= 0xF0, i + 3 < n {
            return ((b & 0x07) << 18 | (UInt32(p[i + 1]) & 0x3F) << 12 | (UInt32(p[i + 2]) & 0x3F) << 6 | (UInt32(p[i + 3]) & 0x3F), 4)
        } else if b >= 0xE0, i + 2 < n {
            return ((b & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | (UInt32(p[i + 2]) & 0x3F), 3)
        } else if b >= 0xC0, i + 1 < n {
            return ((b & 0x1F) << 6 | (UInt32(p[i + 1]) & 0x3F), 2)
        }
        return (b, 1)
    }

    /// UScriptCode of every BMP code point, built once: one ICU call per character was a tenth of `check`.
    static let bmpScripts: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        for v in 0x80..<0x10000 {
            if let s = Unicode.Scalar(UInt32(v)) { t[v] = UInt8(truncatingIfNeeded: Script.of(s).rawValue) }
        }
        return t
    }()

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    static func hash(_ word: String) -> UInt64 {
        var h = fnvBasis
        for s in word.unicodeScalars { h = (h ^ UInt64(fold(s.value))) &* fnvPrime }
        return h
    }

    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 { v < 0x10000 ? UInt32(foldTable[Int(v)]) : v }

    /// `LiteralMatcher.fold` of every BMP code unit, copied once: a call into another module (and its
    /// class metadata) for every accented letter of every word was most of the cost of such letters.
    static let foldTable: [UInt16] = (0..<0x10000).map { LiteralMatcher.fold(UInt16($0)) }

    /// Letters (and marks inside words), cheaply: ASCII letters, and anything outside ASCII and Latin-1
    /// punctuation, general punctuation and spaces, CJK punctuation and full-width forms.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        if v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v < 0x2070 { return false }
        if v >= 0x3000 && v < 0x3040 { return false }
        if v >= 0xFF00 && v < 0xFF10 { return false }
        return true
    }
}

/// An open-addressing table from word hash to profile bit set: a plain array probe per word instead of
/// a `Dictionary` (which rehashes the already-hashed key with SipHash).
struct WordTable: Sendable {
    private let keys: [UInt64]
    private let values: [UInt64]
    private let mask: Int

    init(_ entries: [UInt64: UInt64]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var values = [UInt64](repeating: 0, count: size)
        for (k, v) in entries {
            var i = Int(truncatingIfNeeded: k >> 7) & (size - 1)
            while values[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = k
            values[i] = v
        }
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    @inline(__always)
    subscript(key: UInt64) -> UInt64? {
        var i = Int(truncatingIfNeeded: key >> 7) & mask
        while values[i] != 0 {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }
}
