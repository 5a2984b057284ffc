import ArgumentParser
import Foundation
import MTFix
import MTFixCore

/// The result of processing one input.
struct Outcome {
    let source: InputSource
    let result: EngineResult?
    let error: String?
    /// Something the user should know about the input that is no error (bytes replaced by `--lossy`,
    /// a binary file skipped).
    var note: String? = nil
    /// A file of a folder walk skipped as binary.
    var binary = false
    /// Standard input's bytes when they could not be decoded (see `InputError.unread`).
    var unread: [UInt8]? = nil
}

/// The note for a folder walk whose files all turned out binary, which is known only once they are
/// read: given after the walk's last file, where the note on an empty folder would stand among the
/// notes about its files.
struct BinaryFolderNote {
    private var folder: String? = nil
    private var sawText = false

    /// Takes the next input in input order (whether it was skipped as binary); returns the note for
    /// the walk it ends, if due.
    mutating func next(_ source: InputSource, binary: Bool) -> String? {
        let note = source.walkedFolder == folder ? nil : finish()
        if folder == nil, let f = source.walkedFolder { folder = f }
        if !binary { sawText = true }
        return note
    }

    /// After the last outcome: the note for the walk that ends there, if due.
    mutating func finish() -> String? {
        defer {
            folder = nil
            sawText = false
        }
        guard let folder, !sawText else { return nil }
        return Inputs.emptyFolderNote(folder)
    }
}

/// Reads inputs, runs the checker on each, and keeps outcomes in input order.
struct Runner {
    let options: CommonOptions
    /// One checker per config file in effect (`.mtfix.yml` is looked up from each input's folder).
    let checkers: [Checker]
    /// The first input's checker: what a stream of records (`--jsonl`) is read with.
    var checker: Checker { checkers[sources.first?.checker ?? 0] }
    var notes: [String] = []
    var errors: [String] = []
    let sources: [InputSource]

    /// `sniff`: drop binary files when walking folders (for readers other than `process`, which
    /// recognises them in the bytes it reads anyway, sparing a second open of every file).
    init(options: CommonOptions, sniff: Bool = false) throws {
        self.options = options
        var errs: [String] = []
        var notes: [String] = []
        var sources = Inputs.expand(options.paths, sniff: sniff, errors: &errs, notes: &notes)
        // Files of one folder share a config: look it up once per folder, load each config once.
        var configOfFolder: [String: URL?] = [:]
        var checkerOfConfig: [String: Int] = [:]
        var checkers: [Checker] = []
        for k in sources.indices {
            let folder = sources[k].path.flatMap(Runner.folderKey)
            let url: URL?
            if let folder, let known = configOfFolder[folder] {
                url = known
            } else {
                url = options.configURL(for: sources[k].path)
                if let folder { configOfFolder[folder] = url }
            }
            let key = url?.standardizedFileURL.path ?? ""
            if let i = checkerOfConfig[key] {
                sources[k].checker = i
            } else {
                checkers.append(try options.makeChecker(config: url))
                checkerOfConfig[key] = checkers.count - 1
                sources[k].checker = checkers.count - 1
            }
        }
        if checkers.isEmpty { checkers.append(try options.makeChecker()) }
        // Files found in a folder walk that lie in a rule folder of their config are rules, not copy.
        let named = Set(options.paths)
        var skipped = Set<String>()
        let folders = checkers.map { $0.ruleFolders.map { $0.standardizedFileURL.path + "/" } }
        sources = sources.filter { s in
            guard let p = s.path, !named.contains(p), !folders[s.checker].isEmpty else { return true }
            let full = URL(fileURLWithPath: p).standardizedFileURL.path
            guard let folder = folders[s.checker].first(where: { full.hasPrefix($0) }) else { return true }
            skipped.insert(String(folder.dropLast()))
            return false
        }
        notes += skipped.sorted().map { "\($0): skipped (a rule folder of the config)" }
        self.checkers = checkers
        self.sources = sources
        self.errors = errs
        self.notes = notes
    }

    /// What a path's config look-up is cached under: the path up to and with its last `/`, which
    /// names the file's folder (NSString's `deletingLastPathComponent` bridged every path of a walk);
    /// "" for a bare file name. nil (no caching) for a path ending in `/`.
    static func folderKey(_ path: String) -> String? {
        if path.hasSuffix("/") { return nil }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        // Bytes, not characters: a combining mark after the slash would join it in one Character.
        return String(decoding: path.utf8[...slash], as: UTF8.self)
    }

    /// Worker threads; outcomes are still handed over in input order, so output does not depend on it.
    var jobs = 1

    /// Processes every source, turning each outcome into what `handle` needs with `reduce` on the
    /// thread that made it, and calling `handle` in input order. With several jobs, documents are read
    /// and checked in parallel and handed over in order; at most `32 × jobs` reduced ones wait, so
    /// memory stays bounded. (A window of `4 × jobs` made the threads wait for each other, sleeping and
    /// waking, several thousand times in a run over short articles.)
    func forEach<P>(_ reduce: (Outcome) -> P, _ handle: (P) throws -> Void) rethrows {
        try Parallel.ordered(sources, jobs: jobs, window: 32 * jobs, { reduce(process($0)) }, handle)
    }

    /// Reads and checks one source.
    func process(_ source: InputSource) -> Outcome {
        do {
            var note: String? = nil
            let text = try Profile.measure("(read)") { try Inputs.read(source, lossy: options.lossy, note: &note) }
            return Outcome(source: source, result: checkers[source.checker].run(text), error: nil, note: note)
        } catch let e as InputError {
            return Outcome(source: source, result: nil, error: e.message, unread: e.unread)
        } catch let b as BinaryFile {
            return Outcome(source: source, result: nil, error: nil, note: b.note, binary: true)
        } catch {
            return Outcome(source: source, result: nil, error: "\(source.display): \(error)")
        }
    }

    /// Prints notes and errors collected before processing.
    func reportSetup() {
        for n in notes { Terminal.note(n) }
        for e in errors { Terminal.error(e) }
    }
}

/// One run of a document command: the runner, the exit status and the run's totals, with the loop
/// that check, diff and fix share (errors reported and counted, results summarized, progress shown).
struct DocumentRun {
    var runner: Runner
    let pipeline: RunOptions
    var status = ExitStatus()
    var summary = RunSummary()

    /// `records`: the inputs are read as `--jsonl` record streams (`runRecords`), not by `forEachResult`.
    init(common: CommonOptions, pipeline: RunOptions, records: Bool = false) throws {
        Terminal.quiet = pipeline.quiet
        InputSource.stdinName = common.stdinFilename
        runner = try Runner(options: common, sniff: records)
        runner.jobs = pipeline.workers
        self.pipeline = pipeline
        runner.reportSetup()
        if !runner.errors.isEmpty { status.raise(2) }
    }

    /// In `--jsonl` mode, streams the records through `RecordRepair` and exits with the run's status.
    mutating func runRecords(_ options: JSONLOptions, rewrite: Bool) throws -> Never {
        let stream = JSONLRunner(
            repair: RecordRepair(checker: runner.checker, field: options.field, rewrite: rewrite),
            jobs: pipeline.workers, rejectsPath: options.rejects, progress: pipeline.showProgress, quiet: pipeline.quiet)
        let summary = stream.run(runner.sources, status: &status)
        Terminal.flush()
        pipeline.report(summary, unit: "record", proposed: !rewrite)
        throw ExitCode(status.code)
    }

    /// Calls `handle` for each successfully checked input, in input order, with what `prepare` made of
    /// its result; read errors are reported on stderr and make the exit status 2. Findings make it at
    /// least 1. `prepare` runs on the thread that checked the input (any of the run's threads), so the
    /// document and its findings are freed where they were made, and `handle` gets only what it prints
    /// or writes (memory freed on another thread than the one that allocated it cost glibc's malloc a
    /// tenth of a two-thread run).
    ///
    /// `passThrough`: standard input that cannot be decoded is written to stdout unchanged after its
    /// error (`fix` as a pipeline stage: the document goes on, the exit status 2 says it was not checked).
    mutating func forEachResult<P>(
        passThrough: Bool = false,
        prepare: (InputSource, EngineResult) -> P, _ handle: (InputSource, P, inout DocumentRun) -> Void
    ) {
        let meter = ProgressMeter(enabled: pipeline.showProgress, unit: "files", totalUnits: runner.sources.count)
        var folderNote = BinaryFolderNote()
        runner.forEach({ Digest($0, prepare) }) { digest in
            defer { meter.advance(units: 1, bytes: digest.bytes) }
            if let note = folderNote.next(digest.source, binary: digest.binary) { Terminal.note(note) }
            if let error = digest.error {
                if passThrough, let bytes = digest.unread {
                    fail(error + "; passed through unchanged")
                    Terminal.write(bytes)
                } else {
                    fail(error)
                }
                return
            }
            if let note = digest.note { Terminal.note(note) }
            guard let checked = digest.checked else { return }
            checked.count(into: &summary)
            if checked.flagged { status.raise(1) }
            handle(digest.source, checked.payload, &self)
        }
        if let note = folderNote.finish() { Terminal.note(note) }
        meter.finish()
        Terminal.flush()
    }

    /// Reports an error about one input and counts it.
    mutating func fail(_ message: String) {
        Terminal.error(message)
        summary.errors += 1
        status.raise(2)
    }
}

/// Combines per-file statuses into the process exit status: 2 beats 1 beats 0.
struct ExitStatus {
    private(set) var code: Int32 = 0
    mutating func raise(_ c: Int32) { code = max(code, c) }
}
