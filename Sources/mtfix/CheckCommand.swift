import ArgumentParser
import Foundation
import MTFix

/// Output formats of `check`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

/// `mtfix check`: report findings; never writes.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report findings; never writes.",
        discussion: """
            Text output is one line per finding: path:line:col: severity: message [rule] (safety).
            --format json prints one JSON array of findings; --format jsonl one finding per line (schema in the README).
            With --jsonl the input is JSON Lines: each record is written back unchanged but for an added \
            "mtfix" member with its findings (the --field text itself is left as it is).
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pipeline: RunOptions
    @OptionGroup var jsonl: JSONLOptions

    @Option(name: .long, help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    func validate() throws {
        if jsonl.jsonl && format != .text {
            throw ValidationError("--jsonl writes the records themselves; --format does not apply to it")
        }
    }

    func run() throws {
        var run = try DocumentRun(common: common, pipeline: pipeline)
        if jsonl.jsonl { try run.runRecords(jsonl, rewrite: false) }
        var first = true
        if format == .json { Terminal.out("[") }
        run.forEachResult { source, result, _ in
            for f in result.findings {
                let record = FindingRecord(f, in: result.original, path: source.display)
                switch format {
                case .text:
                    Terminal.out("\(record.path):\(record.line):\(record.column): \(record.severity): \(record.message) [\(record.rule)] (\(record.safety))\n")
                case .json:
                    Terminal.out((first ? "\n  " : ",\n  ") + record.json)
                    first = false
                case .jsonl:
                    Terminal.out(record.json + "\n")
                }
            }
        }
        if format == .json { Terminal.out(first ? "]\n" : "\n]\n") }
        fflush(stdout)
        pipeline.report(run.summary)
        throw ExitCode(run.status.code)
    }
}
