import MTFixCore

/// Terminal rendering of a labelled diff: red removals, green additions, the changed words within
/// them in reverse video, and a line under each hunk header naming its rules, categories and reasons.
/// The output is for eyes only (escape codes and label lines make it no longer a patch).
public enum DiffPainter {
    public static let reset = "\u{1B}[0m"
    public static let bold = "\u{1B}[1m"
    public static let dim = "\u{1B}[2m"
    public static let red = "\u{1B}[31m"
    public static let green = "\u{1B}[32m"
    public static let cyan = "\u{1B}[36m"
    public static let yellow = "\u{1B}[33m"
    public static let reverse = "\u{1B}[7m"
    public static let noReverse = "\u{1B}[27m"

    /// The whole diff of one file, painted.
    public static func paint(_ diff: LabelledDiff) -> String {
        var out = bold + "--- " + UnifiedDiffWriter.header("a/" + diff.path) + reset + "\n" + bold + "+++ "
            + UnifiedDiffWriter.header("b/" + diff.path) + reset + "\n"
        for h in diff.hunks { out += paint(h) }
        return out
    }

    /// One hunk: header, label lines, then the body with word-level highlights.
    public static func paint(_ hunk: LabelledHunk) -> String {
        var out = cyan + hunk.header + reset + "\n"
        for line in labels(hunk) { out += yellow + "# " + line + reset + "\n" }
        var k = 0
        let body = hunk.body
        while k < body.count {
            guard body[k].hasPrefix("-") else {
                out += plainLine(body[k])
                k += 1
                continue
            }
            // A run of removals and the run of additions right after it: pair them line by line.
            var removed: [String] = []
            while k < body.count, body[k].hasPrefix("-") || (body[k].hasPrefix("\\") && !removed.isEmpty) {
                if body[k].hasPrefix("-") { removed.append(body[k]) }
                k += 1
            }
            var added: [String] = []
            while k < body.count, body[k].hasPrefix("+") || (body[k].hasPrefix("\\") && !added.isEmpty) {
                if body[k].hasPrefix("+") { added.append(body[k]) }
                k += 1
            }
            var paintedOld: [String] = removed.map { red + "-" + strip($0) + reset + "\n" }
            var paintedNew: [String] = added.map { green + "+" + strip($0) + reset + "\n" }
            for p in 0..<min(removed.count, added.count) {
                let (o, n) = WordDiff.compare(strip(removed[p]), strip(added[p]))
                paintedOld[p] = red + "-" + render(o) + reset + "\n"
                paintedNew[p] = green + "+" + render(n) + reset + "\n"
            }
            out += paintedOld.joined() + paintedNew.joined()
        }
        return out
    }

    /// `rule (category): message`, once per rule.
    public static func labels(_ hunk: LabelledHunk) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for f in hunk.findings where seen.insert(f.rule).inserted {
            out.append("\(f.rule) (\(f.category.rawValue)): \(f.message)")
        }
        return out
    }

    private static func render(_ pieces: [WordDiff.Piece]) -> String {
        pieces.map { $0.changed ? reverse + visible($0.text) + noReverse : $0.text }.joined()
    }

    /// A changed run made only of spaces would be invisible; show it as `·`.
    private static func visible(_ s: String) -> String {
        s.allSatisfy { $0 == " " } ? String(repeating: "·", count: s.count) : s
    }

    private static func plainLine(_ line: String) -> String {
        if line.hasPrefix("+") { return green + "+" + strip(line) + reset + "\n" }
        if line.hasPrefix("\\") { return dim + strip(line) + reset + "\n" }
        return line.hasSuffix("\n") ? line : line + "\n"
    }

    /// The line without its diff prefix (for -/+ lines) and terminator.
    private static func strip(_ line: String) -> String {
        var s = Substring(line)
        if s.hasPrefix("-") || s.hasPrefix("+") { s = s.dropFirst() }
        // "\r\n" is one Character, so one dropLast removes either terminator.
        if s.hasSuffix("\r\n") || s.hasSuffix("\n") { s = s.dropLast() }
        return String(s)
    }
}
