import MTFixICU

/// Word-level comparison of two lines, split at ICU word boundaries so CJK text (no spaces) is
/// compared word by word rather than as one long token.
public enum WordDiff {
    /// A run of text and whether it differs from the other side.
    public struct Piece: Equatable, Sendable {
        public let text: String
        public let changed: Bool
        public init(_ text: String, changed: Bool) {
            self.text = text
            self.changed = changed
        }
    }

    /// Above this many token pairs the middle is marked changed wholesale (the LCS table is quadratic).
    static let maxCells = 1_000_000

    /// The two lines as pieces: unchanged words on both sides, changed words on the side they belong to.
    public static func compare(_ old: String, _ new: String) -> (old: [Piece], new: [Piece]) {
        let a = tokens(old)
        let b = tokens(new)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var keepA = [Bool](repeating: true, count: a.count)
        var keepB = [Bool](repeating: true, count: b.count)
        let aMid = prefix..<(a.count - suffix)
        let bMid = prefix..<(b.count - suffix)
        if aMid.count * bMid.count > maxCells {
            for i in aMid { keepA[i] = false }
            for j in bMid { keepB[j] = false }
        } else {
            lcs(a, aMid, b, bMid, &keepA, &keepB)
        }
        return (pieces(a, keepA), pieces(b, keepB))
    }

    /// ICU word segments of `s` (words, spaces and punctuation each their own token).
    static func tokens(_ s: String) -> [String] {
        let units = Array(s.utf16)
        guard let bounds = try? Segmenter.boundaries(.word, in: units), bounds.count > 1 else {
            return s.isEmpty ? [] : [s]
        }
        var out: [String] = []
        out.reserveCapacity(bounds.count)
        for k in 1..<bounds.count {
            out.append(String(decoding: units[bounds[k - 1].offset..<bounds[k].offset], as: UTF16.self))
        }
        return out
    }

    /// Marks the tokens outside a longest common subsequence of the two middles as changed.
    private static func lcs(_ a: [String], _ ar: Range<Int>, _ b: [String], _ br: Range<Int>, _ keepA: inout [Bool], _ keepB: inout [Bool]) {
        let n = ar.count
        let m = br.count
        // table[i][j] = LCS length of a[ar][i...] and b[br][j...], stored flat.
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        let w = m + 1
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * w + j] = a[ar.lowerBound + i] == b[br.lowerBound + j]
                        ? table[(i + 1) * w + j + 1] + 1 : max(table[(i + 1) * w + j], table[i * w + j + 1])
                }
            }
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && a[ar.lowerBound + i] == b[br.lowerBound + j] {
                i += 1
                j += 1
            } else if j < m && (i == n || table[i * w + j + 1] >= table[(i + 1) * w + j]) {
                keepB[br.lowerBound + j] = false
                j += 1
            } else {
                keepA[ar.lowerBound + i] = false
                i += 1
            }
        }
    }

    /// Merges tokens into runs; a lone space between two changed words joins them, which reads better.
    private static func pieces(_ tokens: [String], _ keep: [Bool]) -> [Piece] {
        var keep = keep
        if tokens.count > 2 {
            for k in 1..<(tokens.count - 1) where keep[k] && !keep[k - 1] && !keep[k + 1]
                && tokens[k].allSatisfy({ $0 == " " }) {
                keep[k] = false
            }
        }
        var out: [Piece] = []
        var run = ""
        var runChanged = false
        for (k, t) in tokens.enumerated() {
            let changed = !keep[k]
            if !run.isEmpty && changed != runChanged {
                out.append(Piece(run, changed: runChanged))
                run = ""
            }
            run += t
            runChanged = changed
        }
        if !run.isEmpty { out.append(Piece(run, changed: runChanged)) }
        return out
    }
}
