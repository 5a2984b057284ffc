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
        var runner = try Runner(options: common)
        runner.jobs = pipeline.workers
        runner.reportSetup()
        var status = ExitStatus()
        if !runner.errors.isEmpty { status.raise(2) }
        if jsonl.jsonl {
            let stream = JSONLRunner(
                repair: RecordRepair(checker: runner.checker, field: jsonl.field, rewrite: true),
                jobs: pipeline.workers, rejectsPath: jsonl.rejects, progress: pipeline.showProgress, quiet: pipeline.quiet)
            let summary = stream.run(runner.sources, status: &status)
            fflush(stdout)
            pipeline.report(summary, unit: "record")
            throw ExitCode(status.code)
        }
        var summary = RunSummary()
        var filesChanged = 0
        let meter = ProgressMeter(enabled: pipeline.showProgress, unit: "files", totalUnits: runner.sources.count)
        runner.forEach { outcome in
            defer { meter.advance(units: 1, bytes: outcome.result?.original.text.utf8.count ?? 0) }
            if let error = outcome.error {
                Terminal.error(error)
                summary.errors += 1
                status.raise(2)
                return
            }
            guard let result = outcome.result else { return }
            summary.add(result)
            if !result.findings.isEmpty { status.raise(1) }
            guard let path = outcome.source.path else {
                Terminal.out(result.fixed)
                return
            }
            guard result.changed else { return }
            do {
                try AtomicFile.write(result.fixed, to: path)
                filesChanged += 1
            } catch {
                Terminal.error("\(error)")
                summary.errors += 1
                status.raise(2)
            }
        }
        meter.finish()
        let unfixed = summary.totalFindings - summary.edits
        if pipeline.showSummary {
            pipeline.report(summary)
        } else if !pipeline.quiet && summary.totalFindings > 0 && runner.sources.contains(where: { $0.path != nil }) {
            let edits = summary.edits
            Terminal.note("\(edits) repair\(edits == 1 ? "" : "s") applied in \(filesChanged) file\(filesChanged == 1 ? "" : "s"); \(max(unfixed, 0)) finding\(unfixed == 1 ? "" : "s") left for review")
        }
        throw ExitCode(status.code)
    }
}
