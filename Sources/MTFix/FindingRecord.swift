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
        let start = document.position(at: f.range.lowerBound)
        let end = document.position(at: f.range.upperBound)
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
