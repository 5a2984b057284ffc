import ArgumentParser
import Foundation
import MTFix
import MTFixCore

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
            Text output is one line per finding: path:line:col: severity: message [rule] (safety); in a \
            terminal (or with --color always) the position, severity, rule and safety are coloured \
            (NO_COLOR or --color never turns that off; piped output is plain).
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
        var run = try DocumentRun(common: common, pipeline: pipeline, records: jsonl.jsonl)
        if jsonl.jsonl { try run.runRecords(jsonl, rewrite: false) }
        var first = true
        // Read once: an `@Option`'s value goes through the argument parser's storage on every access.
        let format = self.format
        let color = format == .text && common.useColor(for: FileHandle.standardOutput)
        if format == .json { Terminal.out("[") }
        // Findings become text on the thread that found them; this one only writes it.
        run.forEachResult(prepare: { source, result -> [UInt8] in
            switch format {
            case .text:
                return Self.textLines(result, display: source.display, color: color)
            case .json, .jsonl:
                // `json`: each record after `,\n  ` (the run's first one loses the comma when written).
                var out: [UInt8] = []
                for record in FindingRecord.records(result.findings, in: result.original, path: source.display) {
                    if format == .json { out += ",\n  ".utf8 }
                    out += record.json.utf8
                    if format == .jsonl { out.append(UInt8(ascii: "\n")) }
                }
                return out
            }
        }) { _, text, _ in
            if format == .json && first && !text.isEmpty {
                Terminal.write(Array(text.dropFirst()))
                first = false
            } else {
                Terminal.write(text)
            }
        }
        if format == .json { Terminal.out(first ? "]\n" : "\n]\n") }
        Terminal.flush()
        pipeline.report(run.summary, proposed: true)
        throw ExitCode(run.status.code)
    }

    /// One line per finding, `path:line:col: severity: message [rule] (safety)`, as UTF-8 bytes for
    /// one write per document. Only the start is printed: the full record (end, bytes, original and
    /// replacement text) was a twentieth of a run over a folder with many findings; bytes rather than
    /// string interpolation, since this runs for every finding of every file. With `color`, the
    /// position is bold, the severity and safety coloured by weight and the rule dim, as compilers do.
    static func textLines(_ result: EngineResult, display: String, color: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        guard !result.findings.isEmpty else { return out }
        out.reserveCapacity(result.findings.count * (color ? 200 : 160))
        let path = Array(display.utf8)
        // Strings are appended as contiguous UTF-8 in one copy (`out += s.utf8` went through a generic
        // iterator for every piece of every line), and colours only made when painting. Everything is
        // written to `out` here, not through nested functions: one writing the captured array paid a
        // dynamic exclusivity check per piece.
        // Findings come in text order: their positions are found in one walk over each line.
        let positions = result.original.positions(at: result.findings.map(\.range.lowerBound))
        for (f, at) in zip(result.findings, positions) {
            if color { append(DiffPainter.bold, to: &out) }
            out += path
            out.append(UInt8(ascii: ":"))
            appendDecimal(at.line, to: &out)
            out.append(UInt8(ascii: ":"))
            appendDecimal(at.column, to: &out)
            out.append(UInt8(ascii: ":"))
            if color { append(DiffPainter.reset, to: &out) }
            out.append(UInt8(ascii: " "))
            if color { append(severityColor(f.severity), to: &out) }
            append(f.severity.rawValue, to: &out)
            out.append(UInt8(ascii: ":"))
            if color { append(DiffPainter.reset, to: &out) }
            out.append(UInt8(ascii: " "))
            append(f.message, to: &out)
            out.append(UInt8(ascii: " "))
            appendEnclosed(f.rule, "[", "]", paint: color ? DiffPainter.dim : nil, to: &out)
            out.append(UInt8(ascii: " "))
            appendEnclosed(f.safety.rawValue, "(", ")", paint: color ? safetyColor(f.safety) : nil, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    static func severityColor(_ s: Severity) -> String {
        switch s {
        case .error: DiffPainter.bold + DiffPainter.red
        case .warning: DiffPainter.bold + DiffPainter.yellow
        case .info: DiffPainter.bold + DiffPainter.cyan
        }
    }

    /// Green for what `fix` applies, yellow for what needs `--unsafe-fixes`, cyan for reports.
    static func safetyColor(_ s: Safety) -> String {
        switch s {
        case .safe: DiffPainter.green
        case .review: DiffPainter.yellow
        case .report: DiffPainter.cyan
        }
    }

    /// Appends the decimal digits of `n` (not negative).
    /// Appends the UTF-8 of `s` in one copy.
    @inline(__always)
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `open text close` (`[rule]`, `(safe)`), painted with `paint` when given.
    static func appendEnclosed(_ text: String, _ open: Unicode.Scalar, _ close: Unicode.Scalar, paint: String?, to out: inout [UInt8]) {
        if let paint { append(paint, to: &out) }
        out.append(UInt8(ascii: open))
        append(text, to: &out)
        out.append(UInt8(ascii: close))
        if paint != nil { append(DiffPainter.reset, to: &out) }
    }

    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }
}
