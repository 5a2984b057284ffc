import Foundation
import MTFix

/// The result of processing one input.
struct Outcome {
    let source: InputSource
    let result: EngineResult?
    let error: String?
}

/// Reads inputs, runs the checker on each, and keeps outcomes in input order.
struct Runner {
    let options: CommonOptions
    let checker: Checker
    var notes: [String] = []
    var errors: [String] = []
    let sources: [InputSource]

    init(options: CommonOptions) throws {
        self.options = options
        checker = try options.makeChecker()
        var errs: [String] = []
        var notes: [String] = []
        sources = Inputs.expand(options.paths, errors: &errs, notes: &notes)
        self.errors = errs
        self.notes = notes
    }

    /// Worker threads; outcomes are still handed over in input order, so output does not depend on it.
    var jobs = 1

    /// Processes every source, calling `handle` in input order. With several jobs, a window of
    /// `2 × jobs` documents is read and checked in parallel, then handed over in order, so memory
    /// stays bounded by the window.
    func forEach(_ handle: (Outcome) throws -> Void) rethrows {
        let window = jobs <= 1 ? 1 : 2 * jobs
        var start = 0
        while start < sources.count {
            let batch = Array(sources[start..<min(start + window, sources.count)])
            start += batch.count
            for outcome in Parallel.map(batch, jobs: jobs, process) { try handle(outcome) }
        }
    }

    /// Reads and checks one source.
    func process(_ source: InputSource) -> Outcome {
        do {
            let text = try Inputs.read(source, lossy: options.lossy)
            return Outcome(source: source, result: checker.run(text), error: nil)
        } catch let e as InputError {
            return Outcome(source: source, result: nil, error: e.message)
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

/// Combines per-file statuses into the process exit status: 2 beats 1 beats 0.
struct ExitStatus {
    private(set) var code: Int32 = 0
    mutating func raise(_ c: Int32) { code = max(code, c) }
}
