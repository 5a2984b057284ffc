import MTFixCore

/// Splitting a review hunk at the unchanged lines between its changes (as `s` does in `git add -p`): a
/// hunk can hold several repairs, from several rules, that the user wants to accept or refuse apart.
struct ReviewSplit {
    /// One piece: the indices of its changed lines in the hunk, and the piece as shown.
    struct Piece {
        let block: Range<Int>
        let hunk: LabelledHunk
    }

    let pieces: [Piece]

    /// The pieces of `hunk` (the patch form of `shown`), labelled with the findings of `shown` whose
    /// edits fall in them (`lineOf`: a finding's 0-based original line). Fewer than two: no split.
    init(_ hunk: PatchHunk, shown: LabelledHunk, lineOf: (Int) -> Int) {
        var blocks: [Range<Int>] = []
        var k = 0
        while k < hunk.lines.count {
            guard case .context = hunk.lines[k] else {
                let start = k
                while k < hunk.lines.count, !Self.isContext(hunk.lines[k]) { k += 1 }
                blocks.append(start..<k)
                continue
            }
            k += 1
        }
        let newStart = Self.newStart(shown.header) ?? hunk.oldStart + 1
        var pieces: [Piece] = []
        for (b, block) in blocks.enumerated() {
            let lower = max(b == 0 ? 0 : blocks[b - 1].upperBound, block.lowerBound - 3)
            let upper = min(b == blocks.count - 1 ? hunk.lines.count : blocks[b + 1].lowerBound, block.upperBound + 3)
            let before = hunk.lines[..<lower]
            let oldFirst = hunk.oldStart + before.filter { !Self.isAdd($0) }.count
            let newFirst = newStart - 1 + before.filter { !Self.isRemove($0) }.count
            let lines = hunk.lines[lower..<upper]
            let oldCount = lines.filter { !Self.isAdd($0) }.count
            let newCount = lines.filter { !Self.isRemove($0) }.count
            // Original lines the piece's changes touch, for its labels.
            let touched = (hunk.oldStart + hunk.lines[..<block.lowerBound].filter { !Self.isAdd($0) }.count)
            let touchedEnd = touched + max(hunk.lines[block].filter(Self.isRemove).count, 1)
            let findings = shown.findings.filter { f in
                let lo = lineOf(f.editSpan.lowerBound)
                let hi = lineOf(max(f.editSpan.lowerBound, f.editSpan.upperBound - 1))
                return (lo...hi).overlaps(touched..<touchedEnd)
            }
            var seen: [String] = []
            for f in findings where !seen.contains(f.rule) { seen.append(f.rule) }
            let header = "@@ -\(Self.range(oldFirst + (oldCount == 0 ? 0 : 1), oldCount)) +\(Self.range(newFirst + (newCount == 0 ? 0 : 1), newCount)) @@"
                + (seen.isEmpty ? "" : " " + seen.joined(separator: ", "))
            let body = lines.map(Self.printed)
            pieces.append(Piece(block: block, hunk: LabelledHunk(header: header, body: body, findings: findings)))
        }
        self.pieces = pieces
    }

    /// The hunk with only the pieces in `keep` applied: a refused piece's removed lines stay as
    /// context and its added lines go (as git does when it puts a split hunk back together).
    /// `edited`: a piece's changed lines as the user edited them (`e`), in place of its own.
    static func merge(_ hunk: PatchHunk, pieces: [Piece], keep: [Bool], edited: [Int: [PatchHunk.Line]] = [:]) -> PatchHunk {
        var out = hunk
        out.lines = []
        for (i, line) in hunk.lines.enumerated() {
            if let p = pieces.indices.first(where: { pieces[$0].block.contains(i) }), keep[p], let lines = edited[p] {
                if i == pieces[p].block.lowerBound { out.lines += lines }
                continue
            }
            let refused = pieces.indices.contains { pieces[$0].block.contains(i) && !keep[$0] }
            switch line {
            case .remove(let s) where refused: out.lines.append(.context(s))
            case .add where refused: continue
            default: out.lines.append(line)
            }
        }
        return out
    }

    private static func isContext(_ l: PatchHunk.Line) -> Bool { if case .context = l { true } else { false } }
    private static func isAdd(_ l: PatchHunk.Line) -> Bool { if case .add = l { true } else { false } }
    private static func isRemove(_ l: PatchHunk.Line) -> Bool { if case .remove = l { true } else { false } }

    /// The line as a diff prints it (` `, `-`, `+`), with `\ No newline at end of file` after a last line
    /// without one.
    private static func printed(_ l: PatchHunk.Line) -> String {
        let (mark, s): (String, String) =
            switch l {
            case .context(let s): (" ", s)
            case .remove(let s): ("-", s)
            case .add(let s): ("+", s)
            }
        return s.hasSuffix("\n") ? mark + s : mark + s + "\n\\ No newline at end of file\n"
    }

    /// `l,n` of a hunk header (`l` alone when `n` is 1).
    private static func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }

    /// The new start line of an `@@ -a,b +c,d @@` header.
    private static func newStart(_ header: String) -> Int? {
        guard let plus = header.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { return nil }
        return Int(plus.dropFirst().split(separator: ",").first ?? "")
    }
}
