import MTFixCore

/// The stable JSON shape of a finding (documented in the README): what `check --format json` prints.
public struct FindingRecord: Codable, Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var end_line: Int
    public var end_column: Int
    public var byte_offset: Int
    public var byte_length: Int
    public var rule: String
    public var category: String
    public var severity: String
    public var safety: String
    public var message: String
    public var original: String
    public var replacement: String?
    public var evidence: [String: String]?

    enum CodingKeys: String, CodingKey {
        case path, line, column, end_line, end_column, byte_offset, byte_length, rule, category, severity, safety
        case message, original, replacement, evidence
    }

    /// Like the synthesized encoder, but `replacement` is written as `null` when there is none: the
    /// contract lists it as a field of every finding.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(end_line, forKey: .end_line)
        try c.encode(end_column, forKey: .end_column)
        try c.encode(byte_offset, forKey: .byte_offset)
        try c.encode(byte_length, forKey: .byte_length)
        try c.encode(rule, forKey: .rule)
        try c.encode(category, forKey: .category)
        try c.encode(severity, forKey: .severity)
        try c.encode(safety, forKey: .safety)
        try c.encode(message, forKey: .message)
        try c.encode(original, forKey: .original)
        try c.encode(replacement, forKey: .replacement)
        try c.encodeIfPresent(evidence, forKey: .evidence)
    }

    public init(_ f: Finding, in document: Document, path: String) {
        self.init(f, in: document, path: path,
                  start: document.position(at: f.range.lowerBound), end: document.position(at: f.range.upperBound))
    }

    /// The records of all of a document's findings. Their positions are found in one walk over each line
    /// rather than from the line's start for every finding: a long scraped line with thousands of
    /// findings made that walk quadratic.
    public static func records(_ findings: [Finding], in document: Document, path: String) -> [FindingRecord] {
        var offsets: [Int] = []
        offsets.reserveCapacity(2 * findings.count)
        for f in findings { offsets += [f.range.lowerBound, f.range.upperBound] }
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        let walked = document.positions(at: order.map { offsets[$0] })
        var positions = walked
        for (k, i) in order.enumerated() { positions[i] = walked[k] }
        return findings.indices.map {
            FindingRecord(findings[$0], in: document, path: path, start: positions[2 * $0], end: positions[2 * $0 + 1])
        }
    }

    init(_ f: Finding, in document: Document, path: String, start: Document.Position, end: Document.Position) {
        self.path = path
        line = start.line
        column = start.column
        end_line = end.line
        end_column = end.column
        byte_offset = start.byteOffset
        byte_length = end.byteOffset - start.byteOffset
        rule = f.rule
        category = f.category.rawValue
        severity = f.severity.rawValue
        safety = f.safety.rawValue
        message = f.message
        original = document.string(f.range)
        replacement = Self.replacement(of: f, in: document)
        evidence = f.evidence.isEmpty ? nil : f.evidence
    }

    /// What the finding's range becomes once its edits are applied (nil for report-only findings).
    static func replacement(of f: Finding, in document: Document) -> String? {
        guard !f.edits.isEmpty else { return nil }
        var out = ""
        var cursor = f.range.lowerBound
        for e in f.edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let lo = max(e.range.lowerBound, cursor)
            if lo > cursor { out += document.string(cursor..<lo) }
            out += e.replacement
            cursor = max(cursor, e.range.upperBound)
        }
        if cursor < f.range.upperBound { out += document.string(cursor..<f.range.upperBound) }
        return out
    }
}
