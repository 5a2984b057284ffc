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
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    func run() throws {
        let runner = try Runner(options: common)
        runner.reportSetup()
        var status = ExitStatus()
        if !runner.errors.isEmpty { status.raise(2) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        if format == .json { Terminal.out("[") }
        runner.forEach { outcome in
            if let error = outcome.error {
                Terminal.error(error)
                status.raise(2)
                return
            }
            guard let result = outcome.result else { return }
            if !result.findings.isEmpty { status.raise(1) }
            for f in result.findings {
                let record = FindingRecord(f, in: result.original, path: outcome.source.display)
                switch format {
                case .text:
                    Terminal.out("\(record.path):\(record.line):\(record.column): \(record.severity): \(record.message) [\(record.rule)] (\(record.safety))\n")
                case .json:
                    let data = (try? encoder.encode(record)) ?? Data()
                    Terminal.out((first ? "\n  " : ",\n  ") + String(decoding: data, as: UTF8.self))
                    first = false
                case .jsonl:
                    Terminal.out(String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self) + "\n")
                }
            }
        }
        if format == .json { Terminal.out(first ? "]\n" : "\n]\n") }
        throw ExitCode(status.code)
    }
}
