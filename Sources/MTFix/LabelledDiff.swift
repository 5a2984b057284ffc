import MTFixCore

/// One hunk of a file's unified diff with the applied findings that produced it.
public struct LabelledHunk: Sendable {
    /// The `@@ -l,s +l,s @@ rule-ids` line, without its newline.
    public let header: String
    /// The hunk's body lines as printed (` `, `-`, `+`, `\` prefixes), each with its terminator.
    public let body: [String]
    /// Applied findings whose edits fall in the hunk, in document order.
    public let findings: [Finding]

    /// The rule ids of the hunk, once each, in document order.
    public var rules: [String] {
        var seen: [String] = []
        for f in findings where !seen.contains(f.rule) { seen.append(f.rule) }
        return seen
    }

    /// The hunk as diff text (header line and body).
    public var text: String { header + "\n" + body.joined() }
}

/// The unified diff of one engine result, split into hunks that know which rules made them; the
/// plain text is what `mtfix diff` prints when piped (git apply / patch -p1 accept it).
public struct LabelledDiff: Sendable {
    public let path: String
    /// The full diff text (`--- a/PATH`, `+++ b/PATH`, hunks); empty when nothing changed.
    public let text: String
    public let hunks: [LabelledHunk]

    /// The `--- a/PATH` / `+++ b/PATH` lines.
    public var fileHeader: String {
        "--- \(UnifiedDiffWriter.header("a/" + path))\n+++ \(UnifiedDiffWriter.header("b/" + path))\n"
    }

    public init(_ result: EngineResult, path: String, context: Int = 3) {
        self.path = path
        let doc = result.original
        // Original lines (0-based) each applied finding touches.
        let spans = result.applied.map { f -> (Range<Int>, Finding) in
            let lo = doc.lineIndex(at: f.editSpan.lowerBound)
            let hi = doc.lineIndex(at: max(f.editSpan.lowerBound, f.editSpan.upperBound - 1))
            return (lo..<(hi + 1), f)
        }
        var perHunk: [[Finding]] = []
        text = UnifiedDiffWriter(context: context).diff(old: doc.text, new: result.fixed, path: path) { hunk in
            let range = hunk.oldStart..<(hunk.oldStart + max(hunk.oldCount, 1))
            let found = spans.filter { $0.0.overlaps(range) }.map(\.1)
            perHunk.append(found)
            var seen: [String] = []
            for f in found where !seen.contains(f.rule) { seen.append(f.rule) }
            return seen.joined(separator: ", ")
        }
        hunks = Self.split(text, findings: perHunk)
    }

    /// Cuts the diff text at its `@@` lines (body lines never start with `@@`: they carry a prefix).
    private static func split(_ text: String, findings: [[Finding]]) -> [LabelledHunk] {
        var out: [LabelledHunk] = []
        var header: String?
        var body: [String] = []
        func flush() {
            if let h = header {
                out.append(LabelledHunk(header: h, body: body, findings: out.count < findings.count ? findings[out.count] : []))
            }
        }
        for line in splitLines(text).dropFirst(2) {
            if line.content.hasPrefix("@@") {
                flush()
                header = String(line.content)
                body = []
            } else {
                body.append(line.full)
            }
        }
        flush()
        return out
    }
}
