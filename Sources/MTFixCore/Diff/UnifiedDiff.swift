/// A hunk of a unified diff: a run of changes with up to `context` unchanged lines around it.
public struct Hunk: Sendable {
    /// 0-based first line in the old and new text, and how many lines the hunk covers in each.
    public let oldStart: Int
    public let oldCount: Int
    public let newStart: Int
    public let newCount: Int
    public let ops: [DiffOp]

    /// `@@ -l,s +l,s @@` with the conventions of GNU diff (a count of 0 names the line before).
    public var header: String {
        func part(_ start: Int, _ count: Int) -> String {
            let l = count == 0 ? start : start + 1
            return count == 1 ? "\(l)" : "\(l),\(count)"
        }
        return "@@ -\(part(oldStart, oldCount)) +\(part(newStart, newCount)) @@"
    }
}

/// Groups an edit script into hunks with `context` lines of context.
public func makeHunks(_ ops: [DiffOp], context: Int = 3) -> [Hunk] {
    var changeIdx: [Int] = []
    for (i, op) in ops.enumerated() {
        if case .keep = op { continue }
        changeIdx.append(i)
    }
    guard !changeIdx.isEmpty else { return [] }
    var groups: [(Int, Int)] = []
    var lo = changeIdx[0]
    var hi = changeIdx[0]
    for i in changeIdx.dropFirst() {
        if i - hi - 1 <= 2 * context { hi = i } else {
            groups.append((lo, hi))
            lo = i
            hi = i
        }
    }
    groups.append((lo, hi))
    return groups.map { lo, hi in
        let s = max(0, lo - context)
        let e = min(ops.count - 1, hi + context)
        let slice = Array(ops[s...e])
        var oldStart: Int? = nil
        var newStart: Int? = nil
        var oc = 0
        var nc = 0
        for op in slice {
            switch op {
            case .keep(let o, let n):
                oldStart = oldStart ?? o
                newStart = newStart ?? n
                oc += 1
                nc += 1
            case .delete(let o):
                oldStart = oldStart ?? o
                oc += 1
            case .insert(let n):
                newStart = newStart ?? n
                nc += 1
            }
        }
        // A side with no lines starts where the other side's position implies.
        let os = oldStart ?? positionBefore(ops, s, old: true)
        let ns = newStart ?? positionBefore(ops, s, old: false)
        return Hunk(oldStart: os, oldCount: oc, newStart: ns, newCount: nc, ops: slice)
    }
}

private func positionBefore(_ ops: [DiffOp], _ index: Int, old: Bool) -> Int {
    var count = 0
    for op in ops[..<index] {
        switch op {
        case .keep: count += 1
        case .delete: if old { count += 1 }
        case .insert: if !old { count += 1 }
        }
    }
    return count
}

/// Writes unified diffs that `git apply` and `patch -p1` accept.
public struct UnifiedDiffWriter: Sendable {
    public var context: Int
    public init(context: Int = 3) { self.context = context }

    /// A file name as a header writes it. A name with a tab, a newline, a quote, a backslash or another
    /// control character is quoted as git quotes it (`"a/tab\tname.txt"`, which `git apply` and GNU
    /// patch read back); a name with spaces ends with a tab, since GNU patch otherwise stops at the
    /// first space.
    public static func header(_ name: String) -> String {
        let special = name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "\\" }
        if !special { return name.contains(" ") ? name + "\t" : name }
        var out = "\""
        for s in name.unicodeScalars {
            if s == "\"" || s == "\\" {
                out += "\\" + String(s)
            } else if let e = CEscape.escape(s) {
                out += e
            } else if s.value < 0x20 || s.value == 0x7F {
                out += "\\" + String(s.value, radix: 8).leftPadded(to: 3)
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out + "\""
    }

    /// The diff of `old` → `new` for `path` (headers `--- a/PATH` / `+++ b/PATH`); empty when equal.
    /// `label` is called per hunk and may return a comment for it (appended after the `@@ … @@`).
    public func diff(
        old: String, new: String, path: String, label: ((Hunk) -> String?)? = nil
    ) -> String {
        if old.isIdentical(to: new) { return "" }
        let a = splitLines(old)
        let b = splitLines(new)
        let hunks = makeHunks(diffLines(a, b), context: context)
        var out = "--- \(UnifiedDiffWriter.header("a/" + path))\n+++ \(UnifiedDiffWriter.header("b/" + path))\n"
        for h in hunks {
            out += h.header
            if let l = label?(h), !l.isEmpty { out += " " + l }
            out += "\n"
            for op in h.ops {
                switch op {
                case .keep(let o, _): emit(&out, " ", a[o])
                case .delete(let o): emit(&out, "-", a[o])
                case .insert(let n): emit(&out, "+", b[n])
                }
            }
        }
        return out
    }

    private func emit(_ out: inout String, _ prefix: String, _ line: DiffLine) {
        out += prefix
        out += line.content
        if line.terminator.isEmpty {
            out += "\n\\ No newline at end of file\n"
        } else {
            out += line.terminator
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// The C escapes of tab, newline and carriage return (diff headers and rule examples shown on one line).
public enum CEscape {
    public static func escape(_ s: Unicode.Scalar) -> String? {
        switch s {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default: return nil
        }
    }
}
