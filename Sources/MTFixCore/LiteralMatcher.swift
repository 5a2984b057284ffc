/// Literals one of which must occur in a document for a rule to find anything; lets the engine skip
/// the rule (and its regex) on documents that cannot match.
public struct RequiredLiterals: Sendable, Hashable {
    /// Any one of these suffices; an empty list means the rule can never match.
    public var literals: [String]
    /// Whether the literals may occur in any case (rules that match case-insensitively).
    public var ignoreCase: Bool

    public init(_ literals: [String], ignoreCase: Bool = false) {
        self.literals = literals
        self.ignoreCase = ignoreCase
    }
}

/// Aho–Corasick over UTF-16: finds which of many literals occur in a text in one pass, however many
/// literals there are. With `ignoreCase`, matching folds case (simple one-unit folding), which may
/// over-approximate ICU's full case folding in rare cases (`ß`/`ss`); that is safe, since the prefilter
/// only decides whether a rule's own matcher runs.
public final class LiteralMatcher: Sendable {
    /// Number of literals the matcher was built with (ids are their indices).
    public let count: Int
    private let classes: [UInt16]  // UTF-16 unit → alphabet class (0: in no literal)
    private let classCount: Int
    private let delta: [Int32]  // state * classCount + class → next state
    private let outputStart: [Int32]  // state → range in outputIDs of literals ending there (via failure links)
    private let outputIDs: [Int32]
    /// One byte per UTF-16 unit: nonzero when a literal starts with it. Outside a partial match the scan
    /// skips every other unit in a tight loop (most text holds few of the literals' first letters); a
    /// byte per unit (64 KB, of which text touches a few lines) tests in fewer instructions than a bit.
    private let starters: [UInt8]

    public init(_ literals: [String], ignoreCase: Bool = true) {
        count = literals.count
        let folded = literals.map { ignoreCase ? $0.utf16.map(LiteralMatcher.fold) : Array($0.utf16) }
        // Alphabet compression: only units that occur in some literal get a class.
        var unitClass = [UInt16](repeating: 0, count: 65536)
        var nextClass: UInt16 = 1
        for lit in folded {
            for u in lit where unitClass[Int(u)] == 0 {
                unitClass[Int(u)] = nextClass
                nextClass += 1
            }
        }
        let c = Int(nextClass)
        // The 65,536-unit tables through buffers: built for every prefilter at start-up.
        let cls =
            ignoreCase
            ? LiteralMatcher.foldTable.withUnsafeBufferPointer { fold in
                unitClass.withUnsafeBufferPointer { uc in
                    [UInt16](unsafeUninitializedCapacity: 65536) { out, n in
                        for u in 0..<65536 { out[u] = uc[Int(fold[u])] }
                        n = 65536
                    }
                }
            } : unitClass
        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: c)]
        var out: [[Int32]] = [[]]
        for (id, lit) in folded.enumerated() where !lit.isEmpty {
            var s = 0
            for u in lit {
                let k = Int(unitClass[Int(u)])
                if goto[s][k] < 0 {
                    goto.append([Int32](repeating: -1, count: c))
                    out.append([])
                    goto[s][k] = Int32(goto.count - 1)
                }
                s = Int(goto[s][k])
            }
            out[s].append(Int32(id))
        }
        // Breadth-first failure links, folded into a full transition table.
        var table = [Int32](repeating: 0, count: goto.count * c)
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for k in 1..<max(c, 1) where goto[0][k] >= 0 {
            table[k] = goto[0][k]
            queue.append(Int(goto[0][k]))
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            out[s] += out[fail[s]]
            for k in 1..<max(c, 1) {
                let t = goto[s][k]
                if t >= 0 {
                    fail[Int(t)] = Int(table[fail[s] * c + k])
                    table[s * c + k] = t
                    queue.append(Int(t))
                } else {
                    table[s * c + k] = table[fail[s] * c + k]
                }
            }
        }
        classes = cls
        classCount = c
        delta = table
        var starts: [Int32] = [0]
        var ids: [Int32] = []
        for o in out {
            ids += o
            starts.append(Int32(ids.count))
        }
        outputStart = starts
        outputIDs = ids
        starters = cls.withUnsafeBufferPointer { cls in
            table.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: 65536) { out, n in
                    for u in 0..<65536 { out[u] = cls[u] != 0 && table[Int(cls[u])] != 0 ? 1 : 0 }
                    n = 65536
                }
            }
        }
    }

    /// Which literals occur in `text` (indexed by literal id).
    public func scan(_ text: UnsafeBufferPointer<UInt16>) -> [Bool] {
        var found = [Bool](repeating: false, count: count)
        var remaining = count
        if remaining == 0 { return found }
        walk(text) { lo, hi in
            for j in lo..<hi where !found[Int(outputIDs[j])] {
                found[Int(outputIDs[j])] = true
                remaining -= 1
            }
            return remaining == 0
        }
        return found
    }

    /// Whether any literal occurs in `text`: `scan(text).contains(true)` without the array, stopping at
    /// the first match (detectors ask it line by line).
    public func containsAny(_ text: UnsafeBufferPointer<UInt16>) -> Bool {
        if count == 0 { return false }
        var hit = false
        walk(text) { _, _ in
            hit = true
            return true
        }
        return hit
    }

    /// Runs the automaton over `text`; at each state with outputs, calls `matched` with their range in
    /// `outputIDs`, and stops when it returns true.
    @inline(__always)
    private func walk(_ text: UnsafeBufferPointer<UInt16>, _ matched: (Int, Int) -> Bool) {
        var state = 0
        let c = classCount
        let n = text.count
        withTables { cls, d, starts, first in
            var i = 0
            while i < n {
                if state == 0 {
                    // Four units per round, then one at a time near the end.
                    while i &+ 4 <= n {
                        if first[Int(text[i])] != 0 { break }
                        if first[Int(text[i &+ 1])] != 0 { i &+= 1; break }
                        if first[Int(text[i &+ 2])] != 0 { i &+= 2; break }
                        if first[Int(text[i &+ 3])] != 0 { i &+= 3; break }
                        i &+= 4
                    }
                    while i < n && first[Int(text[i])] == 0 { i &+= 1 }
                    if i == n { return }
                }
                let k = Int(cls[Int(text[i])])
                i &+= 1
                if k == 0 {
                    state = 0
                    continue
                }
                state = Int(d[state &* c &+ k])
                let lo = Int(starts[state])
                let hi = Int(starts[state &+ 1])
                if lo != hi && matched(lo, hi) { return }
            }
        }
    }

    /// The scan's tables as buffers (no bounds checks or retains in the loop).
    private func withTables(
        _ body: (UnsafeBufferPointer<UInt16>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        classes.withUnsafeBufferPointer { cls in
            delta.withUnsafeBufferPointer { d in
                outputStart.withUnsafeBufferPointer { starts in
                    starters.withUnsafeBufferPointer { first in body(cls, d, starts, first) }
                }
            }
        }
    }

    public func scan(_ text: [UInt16]) -> [Bool] { text.withUnsafeBufferPointer { scan($0) } }

    /// Simple one-unit case folding (lowercase), plus the folds ICU's case-insensitive matching makes
    /// that lowercase misses (long s, dotted capital I).
    public static func fold(_ u: UInt16) -> UInt16 { foldTable[Int(u)] }

    static let foldTable: [UInt16] = {
        var t = UnitLowercase.changed
        t[0x17F] = 0x73  // ſ folds to s
        t[0x130] = 0x69  // İ folds to i (plus a combining dot)
        t[0x212A] = 0x6B  // Kelvin sign
        return t
    }()
}
