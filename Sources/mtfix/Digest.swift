import MTFix
import MTFixCore

/// What the thread that prints needs of one input's `Outcome`, made on the thread that checked it.
struct Digest<P> {
    /// What is kept of a checked document: its counts, whether it has findings or changes, and `P`.
    struct Checked {
        /// The run's summary of this document alone.
        let summary: RunSummary
        let flagged: Bool
        let payload: P
    }

    let source: InputSource
    let error: String?
    let note: String?
    let binary: Bool
    /// The UTF-8 bytes checked (for the progress meter).
    let bytes: Int
    let checked: Checked?

    init(_ outcome: Outcome, _ prepare: (InputSource, EngineResult) -> P) {
        source = outcome.source
        error = outcome.error
        note = outcome.note
        binary = outcome.binary
        bytes = outcome.result?.original.text.utf8.count ?? 0
        checked = outcome.result.map { result in
            var one = RunSummary()
            one.add(result)
            return Checked(
                summary: one, flagged: result.changed || !result.findings.isEmpty, payload: prepare(outcome.source, result))
        }
    }
}
