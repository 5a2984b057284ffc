import Foundation
import MTFixCore

/// Repairs the text field of one JSON Lines record and returns the record to write: the field's
/// string replaced in place and an `mtfix` member (findings, counts, edits, removed captions)
/// appended; malformed lines and records without the field come back unchanged, with the reason.
public struct RecordRepair: Sendable {
    /// What happened to one line.
    public enum Status: Equatable, Sendable {
        case repaired
        /// Whitespace-only line: passed through as is.
        case blank
        /// The field is missing or not a string: passed through unchanged.
        case skipped(String)
        case malformed(MalformedRecord)
    }

    /// The result for one line: bytes to write (without the line terminator), status and totals.
    public struct Outcome: Sendable {
        public let output: [UInt8]
        public let status: Status
        public let summary: RunSummary
        public var hasFindings: Bool { summary.totalFindings > 0 }
    }

    /// The `mtfix` member of a record.
    public let checker: Checker
    /// The dotted path as given (`article.body`) and split into member names.
    public let field: String
    let path: [String]
    /// False for `check`: the text stays, only the metadata is added.
    public let rewrite: Bool

    public init(checker: Checker, field: String, rewrite: Bool) {
        self.checker = checker
        self.field = field
        self.path = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.rewrite = rewrite
    }

    public func process(_ line: [UInt8]) -> Outcome {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return Outcome(output: line, status: .blank, summary: RunSummary())
        }
        let record: JSONRecord
        do {
            record = try Profile.measure("(jsonl: scanning records)") { try JSONRecord(line, path: path) }
        } catch let e as MalformedRecord {
            var s = RunSummary()
            s.errors = 1
            return Outcome(output: line, status: .malformed(e), summary: s)
        } catch {
            return Outcome(output: line, status: .malformed(MalformedRecord(reason: "\(error)", offset: 0)), summary: RunSummary())
        }
        guard let text = record.fieldText() else {
            var s = RunSummary()
            s.skipped = 1
            let why = record.field == .missing ? "no field '\(field)'" : "'\(field)' is not a string"
            return Outcome(output: line, status: .skipped(why), summary: s)
        }
        let result = checker.run(text)
        return Profile.measure("(jsonl: writing records)") { output(record, result) }
    }

    private func output(_ record: JSONRecord, _ result: EngineResult) -> Outcome {
        var summary = RunSummary()
        summary.add(result)
        var counts: [String: Int] = [:]
        for f in result.findings { counts[f.category.rawValue, default: 0] += 1 }
        let removed = result.applied.filter { $0.category == .caption }.map {
            $0.evidence["removed"] ?? result.original.string($0.range)
        }
        // The "mtfix" member, keys in sorted order (as JSONEncoder's .sortedKeys writes them).
        var w = JSONBytes()
        w.raw("{\"changed\":")
        w.bool(result.changed)
        w.raw(",\"counts\":")
        w.object(counts)
        w.raw(",\"edits\":")
        w.int(result.applied.count)
        w.raw(",\"findings\":[")
        for (k, record) in FindingRecord.records(result.findings, in: result.original, path: field).enumerated() {
            if k > 0 { w.raw(",") }
            record.write(to: &w)
        }
        w.raw("],\"removed\":[")
        for (k, r) in removed.enumerated() {
            if k > 0 { w.raw(",") }
            w.string(r)
        }
        w.raw("]}")
        let metaBytes = w.bytes
        let newText = rewrite && result.changed ? result.fixed : nil
        return Outcome(output: record.edited(text: newText, metadata: metaBytes), status: .repaired, summary: summary)
    }
}
