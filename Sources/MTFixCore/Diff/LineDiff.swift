/// A line of text with its terminator (`\n`, `\r\n`, or none on a last line).
public struct DiffLine: Hashable, Sendable {
    public let content: Substring
    public let terminator: Substring
    public var full: String { String(content) + String(terminator) }

    // Lines are equal only when their bytes are: Substring's `==` would call a decomposed accent
    // equal to its composed form and hide a normalization repair from the diff.
    public static func == (a: DiffLine, b: DiffLine) -> Bool {
        a.content.isIdentical(to: b.content) && a.terminator.isIdentical(to: b.terminator)
    }

    public func hash(into h: inout Hasher) {
        for b in content.utf8 { h.combine(b) }
        h.combine(terminator.utf8.count)
    }
}

/// Splits text into lines the way `patch` and `git apply` do: at `\n` only; `\r` stays in the line.
public func splitLines(_ text: String) -> [DiffLine] {
    var out: [DiffLine] = []
    var start = text.startIndex
    let utf8 = text.utf8
    var i = utf8.startIndex
    while i != utf8.endIndex {
        if utf8[i] == 0x0A {
            let next = utf8.index(after: i)
            out.append(DiffLine(content: text[start..<i], terminator: text[i..<next]))
            start = next
        }
        i = utf8.index(after: i)
    }
    if start != text.endIndex { out.append(DiffLine(content: text[start...], terminator: "")) }
    return out
}

/// One step of an edit script between two line lists.
public enum DiffOp: Equatable, Sendable {
    case keep(old: Int, new: Int)
    case delete(old: Int)
    case insert(new: Int)
}

/// Myers' O(ND) shortest edit script between line lists, after trimming the common prefix and suffix.
/// When the difference is very large it falls back to replacing the whole differing middle: still a
/// correct diff, only coarser.
public func diffLines(_ a: [DiffLine], _ b: [DiffLine], maxD: Int = 4000) -> [DiffOp] {
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
        suffix += 1
    }
    var ops: [DiffOp] = (0..<prefix).map { .keep(old: $0, new: $0) }
    let aMid = Array(a[prefix..<(a.count - suffix)])
    let bMid = Array(b[prefix..<(b.count - suffix)])
    if let mid = myers(aMid, bMid, maxD: maxD) {
        for op in mid {
            switch op {
            case .keep(let o, let n): ops.append(.keep(old: o + prefix, new: n + prefix))
            case .delete(let o): ops.append(.delete(old: o + prefix))
            case .insert(let n): ops.append(.insert(new: n + prefix))
            }
        }
    } else {
        ops += aMid.indices.map { .delete(old: $0 + prefix) }
        ops += bMid.indices.map { .insert(new: $0 + prefix) }
    }
    for k in 0..<suffix { ops.append(.keep(old: a.count - suffix + k, new: b.count - suffix + k)) }
    return ops
}

private func myers(_ a: [DiffLine], _ b: [DiffLine], maxD: Int) -> [DiffOp]? {
    let n = a.count
    let m = b.count
    if n == 0 { return b.indices.map { .insert(new: $0) } }
    if m == 0 { return a.indices.map { .delete(old: $0) } }
    // Hash lines to integers once so the inner loop compares Ints.
    var ids: [DiffLine: Int] = [:]
    let ai = a.map { l -> Int in if let v = ids[l] { return v }; let v = ids.count; ids[l] = v; return v }
    let bi = b.map { l -> Int in if let v = ids[l] { return v }; let v = ids.count; ids[l] = v; return v }
    let limit = min(n + m, maxD)
    let offset = limit + 1
    var v = [Int](repeating: 0, count: 2 * limit + 3)
    var trace: [[Int]] = []
    var found = false
    outer: for d in 0...limit {
        trace.append(v)
        var k = -d
        while k <= d {
            var x: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                x = v[offset + k + 1]
            } else {
                x = v[offset + k - 1] + 1
            }
            var y = x - k
            while x < n && y < m && ai[x] == bi[y] {
                x += 1
                y += 1
            }
            v[offset + k] = x
            if x >= n && y >= m {
                found = true
                break outer
            }
            k += 2
        }
    }
    guard found else { return nil }
    // Walk the trace backwards.
    var ops: [DiffOp] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
        let vd = trace[d]
        let k = x - y
        let prevK: Int
        if d == 0 {
            while x > 0 && y > 0 {
                x -= 1
                y -= 1
                ops.append(.keep(old: x, new: y))
            }
            break
        }
        if k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) { prevK = k + 1 } else { prevK = k - 1 }
        let prevX = vd[offset + prevK]
        let prevY = prevX - prevK
        while x > prevX && y > prevY {
            x -= 1
            y -= 1
            ops.append(.keep(old: x, new: y))
        }
        if x == prevX { y -= 1; ops.append(.insert(new: y)) } else { x -= 1; ops.append(.delete(old: x)) }
    }
    return ops.reversed()
}
