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
                switch format {
                case .text:
                    // Only the start is printed: the full record (end, bytes, original and replacement text)
                    // was a twentieth of a run over a folder with many findings.
                    let at = result.original.position(at: f.range.lowerBound)
                    Terminal.out("\(source.display):\(at.line):\(at.column): \(f.severity.rawValue): \(f.message) [\(f.rule)] (\(f.safety.rawValue))\n")
                case .json:
                    Terminal.out((first ? "\n  " : ",\n  ") + FindingRecord(f, in: result.original, path: source.display).json)
                    first = false
                case .jsonl:
                    Terminal.out(FindingRecord(f, in: result.original, path: source.display).json + "\n")
                }
            }
        }
        if format == .json { Terminal.out(first ? "]\n" : "\n]\n") }
        Terminal.flush()
        pipeline.report(run.summary)
        throw ExitCode(run.status.code)
    }
}
