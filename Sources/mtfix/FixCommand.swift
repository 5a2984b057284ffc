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
            not fixed are listed on stderr.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors.")
    var quiet = false

    func run() throws {
        let runner = try Runner(options: common)
        runner.reportSetup()
        var status = ExitStatus()
        if !runner.errors.isEmpty { status.raise(2) }
        var filesChanged = 0
        var edits = 0
        var unfixed = 0
        runner.forEach { outcome in
            if let error = outcome.error {
                Terminal.error(error)
                status.raise(2)
                return
            }
            guard let result = outcome.result else { return }
            if !result.findings.isEmpty { status.raise(1) }
            edits += result.applied.count
            unfixed += result.findings.count - result.applied.count
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
                status.raise(2)
            }
        }
        if !quiet && edits + unfixed > 0 && runner.sources.contains(where: { $0.path != nil }) {
            Terminal.note("\(edits) repair\(edits == 1 ? "" : "s") applied in \(filesChanged) file\(filesChanged == 1 ? "" : "s"); \(max(unfixed, 0)) finding\(unfixed == 1 ? "" : "s") left for review")
        }
        throw ExitCode(status.code)
    }
}
