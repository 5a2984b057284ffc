/// The title forms of a rule by their last unit, as a table: the title search asks which forms can end at
/// a position before every name and at every space before an appositive, so the answer is one lookup
/// (no hashing) and a slice of a flat list (no array built).
struct TitleFormIndex: Sendable {
    /// Form indices ending with unit `u` are `order[starts[u]..<starts[u + 1]]`, ascending.
    private let starts: [UInt16]
    private let order: [UInt16]
    /// Every form is a candidate everywhere: some form is empty (it ends anywhere), or there are too many
    /// forms for the table.
    let everywhere: Bool
    /// By form: its last four units (fewer for a shorter form) packed as `TitleFormIndex.tail` packs the
    /// text, and the mask of the bits they fill. Many forms share a last unit (`Minister`, `Premier`,
    /// `Governor` …), and comparing packed tails rules out nearly all of them without comparing units.
    let tails: [UInt64]
    let tailMasks: [UInt64]
    /// The four-unit tails of the forms of four units or more, as a set of hash bits (`filterBit`): a
    /// position whose tail is not in it ends none of them. Most positions asked about (the space before a
    /// name) end no title, and this answers for them before any form is looked at.
    private let longTailBits: [UInt64]
    /// Last units of the forms shorter than four units (their tails are compared by mask, not hashed).
    private let shortLastUnits: [UInt16]

    init(_ forms: [TitleOptions.Form]) {
        everywhere = forms.count >= Int(UInt16.max) || forms.contains { $0.units.isEmpty }
        tails = forms.map { f in TitleFormIndex.tail(f.units, end: f.units.count) }
        tailMasks = forms.map { f in f.units.count >= 4 ? UInt64.max : (1 << (16 * UInt64(f.units.count))) - 1 }
        var bits = [UInt64](repeating: 0, count: TitleFormIndex.filterWords)
        var short: Set<UInt16> = []
        for (f, t) in zip(forms, tails) {
            if f.units.count >= 4 {
                let b = TitleFormIndex.filterBit(t)
                bits[b >> 6] |= 1 << UInt64(b & 63)
            } else if let last = f.units.last {
                short.insert(last)
            }
        }
        longTailBits = bits
        shortLastUnits = short.sorted()
        guard !everywhere else {
            starts = []
            order = []
            return
        }
        // A counting sort by last unit, in UTF-16 units throughout (fewer than `UInt16.max` forms, so no
        // sum overflows): built for every title rule at start-up, where a 65,536-entry table of `Int`
        // counts copied twice and converted cost more than the rest of the rule.
        var order = [UInt16](repeating: 0, count: forms.count)
        var starts = [UInt16](repeating: 0, count: 0x10001)
        starts.withUnsafeMutableBufferPointer { s in
            for f in forms { s[Int(f.units.last!)] &+= 1 }
            // Running sums: `s[u]` is where the forms ending with `u` end.
            var sum: UInt16 = 0
            for u in 0..<0x10000 {
                sum &+= s[u]
                s[u] = sum
            }
            s[0x10000] = sum
            // Forms placed from the last, each bucket filled back to front: `s[u]` ends at its start and
            // every bucket holds its forms in ascending order.
            for i in forms.indices.reversed() {
                let u = Int(forms[i].units.last!)
                s[u] &-= 1
                order[Int(s[u])] = UInt16(i)
            }
        }
        self.starts = starts
        self.order = order
    }

    /// The index of no forms, shared as the placeholder of options still being read.
    static let empty = TitleFormIndex([])

    private static let filterWords = 64

    /// The bit of `tail` in `longTailBits` (a multiplicative hash's top bits).
    @inline(__always)
    private static func filterBit(_ tail: UInt64) -> Int { Int(truncatingIfNeeded: (tail &* 0x9E37_79B9_7F4A_7C15) >> 52) }

    /// Whether some form may end with `tail`, whose last unit is `last` (false: none does).
    @inline(__always)
    func mayEnd(tail: UInt64, last: UInt16) -> Bool {
        let b = TitleFormIndex.filterBit(tail)
        return longTailBits[b >> 6] & (1 << UInt64(b & 63)) != 0 || (!shortLastUnits.isEmpty && shortLastUnits.contains(last))
    }

    /// The forms ending with `u`, in `forms` order.
    func ending(with u: UInt16) -> ArraySlice<UInt16> { order[Int(starts[Int(u)])..<Int(starts[Int(u) + 1])] }

    /// The up to four units of `units` before `end`, the last in the lowest bits (missing units are 0, which
    /// no form holds).
    @inline(__always)
    static func tail<C: RandomAccessCollection>(_ units: C, end: Int) -> UInt64 where C.Element == UInt16, C.Index == Int {
        var t: UInt64 = 0
        for k in 1...4 where end - k >= units.startIndex { t |= UInt64(units[end - k]) << (16 * UInt64(k - 1)) }
        return t
    }
}

extension TitleFinder {
    /// The longest title form ending at `q` (plus up to `inflection` letters), on word boundaries: the first
    /// form in `forms` order that does, with the fewest inflection letters.
    func formEnding(at q: Int) -> (TitleOptions.Form, Int, Int)? {
        if cased && q < lower.count && isLetter(lower[q]) { return nil }
        let inflection = options.inflection
        let index = options.formIndex
        // Most positions end no form: the tails tell at once, before the forms are compared.
        let low = lower
        guard index.everywhere || mayEndForm(index, before: q, inflection: inflection) else { return nil }
        // Forms compared through a buffer: copying each candidate `Form` (three references) cost more than comparing.
        let hit: (Int, Int)? = options.forms.withUnsafeBufferPointer { forms in
            /// Where form `i` starts when it ends `extra` letters before `q` on a word boundary.
            func start(_ i: Int, _ extra: Int) -> Int? {
                let n = forms[i].units.count
                let fs = q - extra - n
                guard fs >= 0 else { return nil }
                let same = forms[i].units.withUnsafeBufferPointer { fu -> Bool in
                    if n > 0 && low[fs + n - 1] != fu[n - 1] { return false }
                    for k in 0..<n where low[fs + k] != fu[k] { return false }
                    return true
                }
                guard same, (fs + n..<q).allSatisfy({ isLetter(low[$0]) }) else { return nil }
                if cased && fs > 0 && isLetter(low[fs - 1]) { return nil }
                return fs
            }
            if index.everywhere {
                for i in forms.indices {
                    for extra in 0...inflection { if let fs = start(i, extra) { return (i, fs) } }
                }
                return nil
            }
            // A form ending `extra` letters before `q` ends with the unit there, so only those forms are
            // tried; the first form (then the fewest letters) wins, as the forms are longest first.
            var best: (i: Int, fs: Int)? = nil
            for extra in 0...inflection where q - 1 - extra >= 0 && q - 1 - extra < low.count {
                let tail = TitleFormIndex.tail(low, end: q - extra)
                for i in index.ending(with: low[q - 1 - extra]) {
                    if let b = best, Int(i) >= b.i { break }
                    // A form whose last units differ is no match: most are ruled out here.
                    if tail & index.tailMasks[Int(i)] != index.tails[Int(i)] { continue }
                    if let fs = start(Int(i), extra) {
                        best = (Int(i), fs)
                        break
                    }
                }
            }
            return best
        }
        guard let (i, fs) = hit else { return nil }
        return (options.forms[i], fs, q)
    }

    /// Whether some form may end at `q` or up to `inflection` letters before it (false: none does). The tail
    /// is shifted one unit per letter rather than read again, and a non-letter ends the search (the letters
    /// between a form and `q` are its inflection).
    private func mayEndForm(_ index: TitleFormIndex, before q: Int, inflection: Int) -> Bool {
        let low = lower
        guard q >= 1, q - 1 < low.count else { return false }
        var tail = TitleFormIndex.tail(low, end: q)
        var e = q
        while true {
            if index.mayEnd(tail: tail, last: low[e - 1]) { return true }
            guard q - e < inflection, e >= 2, isLetter(low[e - 1]) else { return false }
            e -= 1
            tail = tail >> 16 | (e >= 4 ? UInt64(low[e - 4]) << 48 : 0)
        }
    }
}
