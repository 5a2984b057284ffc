import ArgumentParser
import Foundation
import MTFix

/// `mtfix fix`: apply the safe repairs in place (or stdin → stdout).
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the safe repairs in place; with no path (or '-'), read stdin and write stdout.",
        discussion: """
            Files are replaced atomically (a temporary file, then rename) and keep their permissions. \
            Review-level edits need --unsafe-fixes; report-only findings never edit. Findings that were \
            not fixed are counted on stderr.

            With --jsonl, every input is read as JSON Lines and every record is written to stdout (input \
            files are not modified): the --field string repaired, an "mtfix" member added. Malformed lines \
            are reported with their line number and passed through (or written to --rejects); exit status 2.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pipeline: RunOptions
    @OptionGroup var jsonl: JSONLOptions

    func run() throws {
        var run = try DocumentRun(common: common, pipeline: pipeline, records: jsonl.jsonl)
        if jsonl.jsonl { try run.runRecords(jsonl, rewrite: true) }
        var filesChanged = 0
        var edits = 0
        // Only the fixed text (when it is written) leaves the thread that checked the document.
        run.forEachResult(passThrough: true, prepare: { source, result -> (fixed: String?, edits: Int) in
            (source.path == nil || result.changed ? result.fixed : nil, result.applied.count)
        }) { source, made, run in
            guard let fixed = made.fixed else { return }
            guard let path = source.path else {
                Terminal.out(fixed)
                edits += made.edits
                return
            }
            do {
                try AtomicFile.write(fixed, to: path)
                filesChanged += 1
                edits += made.edits
            } catch {
                run.fail("\(error)")
            }
        }
        let summary = run.summary
        let unfixed = summary.totalFindings - summary.edits
        if pipeline.showSummary {
            pipeline.report(summary)
        } else if !pipeline.quiet && summary.totalFindings > 0 && run.runner.sources.contains(where: { $0.path != nil }) {
            Terminal.note("\(edits) repair\(edits == 1 ? "" : "s") applied in \(filesChanged) file\(filesChanged == 1 ? "" : "s"); \(max(unfixed, 0)) finding\(unfixed == 1 ? "" : "s") left for review")
        }
        throw ExitCode(run.status.code)
    }
}
