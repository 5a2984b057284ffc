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

            Standard input that is not valid UTF-8 (without --lossy) is written to stdout unchanged, with \
            the error on stderr and exit status 2, so a pipeline never loses a document.

            EXAMPLES
              mtfix fix story.txt                   repair in place (atomic)
              mtfix fix desk/                       every text file below desk/
              mtfix fix < in.txt > out.txt          repair a stream
              mtfix fix --unsafe-fixes story.txt    also the edits marked review
              mtfix fix --jsonl --field body < in.jsonl > out.jsonl    repair JSON Lines records
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pipeline: RunOptions
    @OptionGroup var jsonl: JSONLOptions

    func run() throws {
        if !jsonl.jsonl { try Self.refuseNonRegular(common.paths) }
        var run = try DocumentRun(common: common, pipeline: pipeline, records: jsonl.jsonl)
        if jsonl.jsonl { try run.runRecords(jsonl, rewrite: true) }
        var filesChanged = 0
        var edits = 0
        var stdinEdits = 0
        // Only the fixed text (when it is written) leaves the thread that checked the document.
        run.forEachResult(passThrough: true, prepare: { source, result -> (fixed: String?, edits: Int) in
            (source.path == nil || result.changed ? result.fixed : nil, result.applied.count)
        }) { source, made, run in
            guard let fixed = made.fixed else { return }
            guard let path = source.path else {
                Terminal.out(fixed)
                stdinEdits += made.edits
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
            let total = edits + stdinEdits
            let stdin = stdinEdits > 0 ? " and stdin" : ""
            Terminal.note("\(total) repair\(total == 1 ? "" : "s") applied in \(filesChanged) file\(filesChanged == 1 ? "" : "s")\(stdin); \(max(unfixed, 0)) finding\(unfixed == 1 ? "" : "s") left for review")
        }
        throw ExitCode(run.status.code)
    }

    /// A named input that is no regular file or folder (a pipe such as `<(cat a.txt)`, a device) cannot
    /// be replaced in place: say so before reading it, rather than fail at the write.
    static func refuseNonRegular(_ paths: [String]) throws {
        var refused = false
        for p in paths where p != "-" {
            var st = stat()
            guard stat(p, &st) == 0 else { continue }  // reported with the other inputs
            let type = st.st_mode & S_IFMT
            guard type != S_IFREG && type != S_IFDIR else { continue }
            let what = type == S_IFIFO ? "a pipe" : type == S_IFCHR ? "a device" : type == S_IFSOCK ? "a socket" : "not a regular file"
            Terminal.error("\(p): \(what); fix cannot replace it in place (use 'mtfix fix < \(p) > out.txt')")
            refused = true
        }
        if refused { throw ExitCode(2) }
    }
}
