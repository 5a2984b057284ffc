/// A name reduced to how it sounds through transliteration: confusable letters folded (r/l, b/v/w,
/// ts/tz/z/s, ch/j/zh, c/k/q, e/i, o/u/ou, y/i, doubled letters), plus its consonant skeleton.
///
/// Two spellings are one name when their folded forms are equal or one drops up to two inner vowels
/// of the other (`Dravetska`/`Dlavetska`/`Drawetzka`). A final vowel or a different consonant is a
/// different word (`Jahr`/`Jahre`, `Iran`/`Iraq`, `Park`/`Parks`).
struct NameKey: Hashable, Sendable {
    /// Folded letters: lowercase ASCII, confusions merged, doubled letters collapsed.
    let folded: [UInt8]
    /// `folded` without vowels: the bucket key, so comparisons stay near-linear.
    let skeleton: [UInt8]
    /// A hash of `skeleton` (FNV-1a), made once with the key: screening buckets mentions by it.
    let skeletonHash: Int

    init(folded: [UInt8]) {
        self.folded = folded
        skeleton = folded.filter { !NameKey.isVowel($0) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in skeleton { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        skeletonHash = Int(truncatingIfNeeded: h)
    }

    /// Letter groups that transliteration systems write differently for one sound, longest first.
    static let digraphs: [([UInt8], [UInt8])] = [
        ("tsch", "j"), ("dzh", "j"), ("sch", "sh"), ("tch", "j"), ("ch", "j"), ("zh", "j"), ("dj", "j"),
        ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ts", "s"), ("tz", "s"), ("dz", "s"), ("ou", "u"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x69 || c == 0x75 }  // a i u (after folding)

    /// Folds an ASCII spelling (any case; non-letters ignored).
    static func fold(ascii: some Sequence<UInt8>) -> [UInt8] {
        var s: [UInt8] = []
        s.reserveCapacity(ascii.underestimatedCount)
        for c in ascii {
            if c >= 0x41 && c <= 0x5A { s.append(c + 32) } else if c >= 0x61 && c <= 0x7A { s.append(c) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        func at(_ k: Int) -> UInt8 { k < s.count ? s[k] : 0 }
        func starts(_ lit: [UInt8]) -> Bool {
            guard i + lit.count <= s.count else { return false }
            return lit.indices.allSatisfy { s[i + $0] == lit[$0] }
        }
        outer: while i < s.count {
            for (from, to) in NameKey.digraphs where starts(from) {
                out.append(contentsOf: to)
                i += from.count
                continue outer
            }
            let c = s[i]
            switch c {
            case UInt8(ascii: "z"): out.append(UInt8(ascii: "s"))
            case UInt8(ascii: "c"), UInt8(ascii: "q"): out.append(UInt8(ascii: "k"))
            case UInt8(ascii: "x"):
                out.append(UInt8(ascii: "k"))
                out.append(UInt8(ascii: "s"))
            case UInt8(ascii: "w"), UInt8(ascii: "v"): out.append(UInt8(ascii: "b"))
            case UInt8(ascii: "l"): out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "y"), UInt8(ascii: "e"): out.append(UInt8(ascii: "i"))
            case UInt8(ascii: "o"): out.append(UInt8(ascii: "u"))
            case UInt8(ascii: "g") where i == s.count - 1 && at(i - 1) == UInt8(ascii: "n"):
                break  // final -ng/-n: the classic pinyin confusion (Weiming/Weimin)
            default: out.append(c)
            }
            i += 1
        }
        // Doubled letters collapsed in place: no third array.
        // (An index loop: iterating `out` itself while writing it would copy it.)
        var kept = 0
        for j in out.indices where kept == 0 || out[kept - 1] != out[j] {
            out[kept] = out[j]
            kept += 1
        }
        out.removeLast(out.count - kept)
        return out
    }

    /// Whether `short` is `long` with one or two inner vowels dropped (never the first or last letter):
    /// vowels go missing from one spelling, they are not swapped (`Tileson`/`Tillotson` stay apart).
    static func dropsInnerVowels(_ long: [UInt8], _ short: [UInt8]) -> Bool {
        guard long.count - short.count >= 1, long.count - short.count <= 2 else { return false }
        var j = 0
        for (i, c) in long.enumerated() {
            if j < short.count && short[j] == c {
                j += 1
            } else if !isVowel(c) || i == 0 || i == long.count - 1 {
                return false
            }
        }
        return j == short.count
    }

    /// Whether two keys spell one name.
    func matches(_ other: NameKey) -> Bool {
        guard skeleton == other.skeleton, !skeleton.isEmpty else { return false }
        if folded == other.folded { return true }
        return folded.count > other.folded.count
            ? NameKey.dropsInnerVowels(folded, other.folded) : NameKey.dropsInnerVowels(other.folded, folded)
    }
}

/// Turns surface spellings into `NameKey`s for one document: a lock-free front of a shared `NameKeyCache`.
final class NameKeyMaker {
    let shared: NameKeyCache
    private var cache: [String: NameKey] = [:]

    init(shared: NameKeyCache) {
        self.shared = shared
    }

    convenience init(folds: [(String, String)]) {
        self.init(shared: NameKeyCache(folds: folds))
    }

    func key(_ surface: String) -> NameKey {
        if let k = cache[surface] { return k }
        let k = shared.key(surface)
        cache[surface] = k
        return k
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Substring.Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}
