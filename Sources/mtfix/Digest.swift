import MTFix
import MTFixCore

/// What the thread that prints needs of one input's `Outcome`, made on the thread that checked it.
struct Digest<P> {
    /// What is kept of a checked document: its counts, whether it has findings or changes, and `P`.
    struct Checked {
        let changed: Bool
        let edits: Int
        /// Findings by category, in order of first finding (a document has few categories; a
        /// `RunSummary` of its own cost a dictionary per document, hashed twice).
        let categories: [(Category, Int)]
        let flagged: Bool
        let payload: P

        /// Adds this document to the run's summary (as `RunSummary.add` would).
        func count(into summary: inout RunSummary) {
            summary.documents += 1
            if changed { summary.changed += 1 }
            summary.edits += edits
            for (c, n) in categories { summary.findings[c.rawValue, default: 0] += n }
        }
    }

    let source: InputSource
    let error: String?
    let note: String?
    let binary: Bool
    /// Standard input's bytes when they could not be decoded.
    let unread: [UInt8]?
    /// The UTF-8 bytes checked (for the progress meter).
    let bytes: Int
    let checked: Checked?

    init(_ outcome: Outcome, _ prepare: (InputSource, EngineResult) -> P) {
        source = outcome.source
        error = outcome.error
        note = outcome.note
        binary = outcome.binary
        unread = outcome.unread
        bytes = outcome.result?.original.text.utf8.count ?? 0
        checked = outcome.result.map { result in
            var categories: [(Category, Int)] = []
            for f in result.findings {
                if let i = categories.firstIndex(where: { $0.0 == f.category }) {
                    categories[i].1 += 1
                } else {
                    categories.append((f.category, 1))
                }
            }
            return Checked(
                changed: result.changed, edits: result.applied.count, categories: categories,
                flagged: result.changed || !result.findings.isEmpty, payload: prepare(outcome.source, result))
        }
    }
}
