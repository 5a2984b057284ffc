import ArgumentParser
import Foundation
import MTFix

/// Flags for long runs shared by check, diff and fix: parallelism, progress and the closing summary.
struct RunOptions: ParsableArguments {
    @Option(name: [.customShort("j", allowingJoined: true), .customLong("jobs")], parsing: .unconditional, help: ArgumentHelp("Documents processed in parallel (default: all cores). Output is the same for every N.", valueName: "N"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors (no progress, no summary).")
    var quiet = false

    @Flag(name: .long, help: "Print the summary on stderr even when stderr is not a terminal.")
    var summary = false

    @Flag(name: .long, help: "No progress bar (it is only drawn when stderr is a terminal).")
    var noProgress = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j needs a positive number of jobs (got \(jobs))") }
        if let jobs, jobs > Self.maxJobs {
            throw ValidationError("-j \(jobs) is more than mtfix runs at once; use at most \(Self.maxJobs) (this machine has \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        }
    }

    /// The most jobs accepted: past the cores, more threads only hold more documents in memory
    /// (`32 × jobs` wait in order), so an absurd `-j 100000` is refused rather than obeyed.
    static var maxJobs: Int { max(256, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// The number of worker threads.
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// The summary goes to a terminal unless --quiet; elsewhere only on request (keeps scripts' stderr clean).
    var showSummary: Bool { !quiet && (summary || Self.stderrIsTerminal) }

    var showProgress: Bool { !quiet && !noProgress && Self.stderrIsTerminal }

    /// Prints the run's totals when wanted.
    /// `proposed`: the command writes nothing (check, diff), so edits are proposed, not applied.
    func report(_ s: RunSummary, unit: String = "document", proposed: Bool = false) {
        if showSummary { Terminal.note("summary: " + s.line(unit: unit, proposed: proposed)) }
    }
}

/// Flags of the JSON Lines mode of check and fix.
struct JSONLOptions: ParsableArguments {
    @Flag(name: .long, help: "Input is JSON Lines: repair one string field per record and write every record to stdout with an \"mtfix\" member added.")
    var jsonl = false

    @Option(name: .long, help: ArgumentHelp("The field holding the text, a dotted path for nested objects (e.g. article.body).", valueName: "path"))
    var field = "text"

    @Option(name: .long, help: ArgumentHelp("With --jsonl, write malformed lines to this file instead of passing them through.", valueName: "path"))
    var rejects: String?

    func validate() throws {
        if !jsonl && rejects != nil { throw ValidationError("--rejects needs --jsonl") }
        if field.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw ValidationError("--field '\(field)' has an empty member name")
        }
    }
}
