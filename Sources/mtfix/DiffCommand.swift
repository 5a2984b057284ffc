import ArgumentParser
import Foundation
import MTFix
import MTFixCore

/// `mtfix diff`: print the unified diff of the repairs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the unified diff of the safe repairs (git apply / patch -p1 accept it).",
        discussion: """
            Headers are --- a/PATH and +++ b/PATH with 3 lines of context (a name with a tab, quote or \
            backslash is quoted as git quotes it). Each hunk header carries the \
            rules that made it after the closing @@ (where git and patch expect a free-text heading), \
            e.g. "@@ -13,3 +13,3 @@ name-drift". Pipe it to `git apply` or `patch -p1`, or save it, \
            delete the hunks you do not want, and run `mtfix apply`.

            Paths are normalised (desk/../incoming/a.txt is written incoming/a.txt) and relative to the \
            current folder. When an input lies outside it (../incoming/a.txt, /srv/copy/a.txt), every path \
            is written relative to the nearest folder holding all the inputs, and a note on stderr names \
            that folder: run `git apply` or `patch -p1` there. Standard input is a/stdin, or the path \
            given with --stdin-filename.

            In a terminal (or with --color always) the diff is for reading: removed and added lines in \
            red and green, the changed words within them highlighted, and under each hunk header one \
            "# rule (category): reason" line per rule. That view is not a patch; piped output (or \
            NO_COLOR set, or --color never) is the plain diff.

            Findings whose edits are not in the diff (review-level ones without --unsafe-fixes, and \
            report-only ones) still make the exit status 1, as with check; a line on stderr says how \
            many there are and where to see them (--quiet drops it).

            EXAMPLES
              mtfix diff story.txt | git apply         apply the safe repairs
              mtfix diff desk/ > repairs.diff          one patch for a folder; edit it, then mtfix apply
              mtfix diff --unsafe-fixes story.txt      also the edits that need review
              mtfix diff --stdin-filename desk/a.txt < a.txt    a patch for desk/a.txt made from stdin
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pipeline: RunOptions

    func validate() throws {
        if common.lossy {
            throw ValidationError("--lossy does not go with diff: the '-' lines would hold U+FFFD instead of the file's bytes, so the patch could not apply; use 'fix --lossy'")
        }
    }

    func run() throws {
        var run = try DocumentRun(common: common, pipeline: pipeline)
        let color = common.useColor(for: FileHandle.standardOutput)
        let unsafe = common.unsafeFixes
        var notShown = NotInDiff()
        let paths = DiffPaths(run.runner.sources, stdinName: common.stdinFilename)
        var printed = false
        // Each document's diff is made on the thread that checked it; this one only writes it.
        run.forEachResult(prepare: { source, result -> (NotInDiff, String?) in
            var left = NotInDiff()
            left.count(result.findings, unsafe: unsafe)
            guard result.changed else { return (left, nil) }
            let diff = LabelledDiff(result, path: paths.path(for: source))
            return (left, color ? DiffPainter.paint(diff) : diff.text)
        }) { _, made, _ in
            notShown.add(made.0)
            if let text = made.1 {
                Terminal.out(text)
                printed = true
            }
        }
        Terminal.flush()
        // After the diff (flushed, so the note follows it in a terminal); not when it could not be written.
        if printed, Terminal.outputError == 0, let note = paths.note { Terminal.note(note) }
        if !pipeline.quiet, let line = notShown.line { Terminal.note(line) }
        pipeline.report(run.summary, proposed: true)
        throw ExitCode(run.status.code)
    }
}


/// Findings of a diff run whose edits the diff does not show: without a word on stderr, an empty diff
/// with exit status 1 looks like a failure.
struct NotInDiff {
    var review = 0
    var report = 0

    /// Counts the findings `diff` leaves out: report-only ones, and review ones unless `unsafe`. One
    /// whose text the diff's own edits already change is settled by the diff, not left out (a split
    /// sentence offered on a caption line that the caption rule removes).
    mutating func count(_ findings: [Finding], unsafe: Bool) {
        func isShown(_ f: Finding) -> Bool { f.safety == .safe || (f.safety == .review && unsafe) }
        var shownEdits: [Range<Int>]? = nil
        for f in findings where !isShown(f) {
            if shownEdits == nil { shownEdits = findings.filter(isShown).flatMap { $0.edits.map(\.range) } }
            let spans = f.edits.isEmpty ? [f.range] : f.edits.map(\.range)
            if spans.contains(where: { s in shownEdits!.contains { $0.overlaps(s) } }) { continue }
            if f.safety == .report { report += 1 } else { review += 1 }
        }
    }

    /// Adds the counts of `other` (another document's).
    mutating func add(_ other: NotInDiff) {
        review += other.review
        report += other.report
    }

    /// `3 findings not in the diff: 2 need review (--unsafe-fixes adds their edits), 1 report only;
    /// 'mtfix check' lists them`, or nil when the diff shows every finding.
    var line: String? {
        let total = review + report
        guard total > 0 else { return nil }
        var parts: [String] = []
        if review > 0 {
            parts.append("\(review) need\(review == 1 ? "s" : "") review (--unsafe-fixes adds \(review == 1 ? "its edit" : "their edits"))")
        }
        if report > 0 { parts.append("\(report) report only (never edited)") }
        let noun = total == 1 ? "finding" : "findings"
        return "\(total) \(noun) not in the diff: " + parts.joined(separator: ", ") + "; 'mtfix check' lists \(total == 1 ? "it" : "them")"
    }
}
