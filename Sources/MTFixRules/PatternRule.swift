import MTFixCore
import MTFixICU

public typealias ICURegexOptions = ICURegex.Options

/// Lint: an ICU regular expression finds the damage. Format: a template (`$1`, `$2`, `\$`) rebuilds it.
/// Without a template (`kind: forbid`) the rule only reports.
public struct PatternRule: Rule {
    public let descriptor: RuleDescriptor
    let regex: ICURegex
    let template: [TemplatePart]?
    /// Literals one of which must occur for the pattern to match (from `prefilter:` or derived from
    /// the pattern); the engine's prefilter skips the regex on documents without any of them.
    public let requiredLiterals: RequiredLiterals?

    enum TemplatePart: Sendable {
        case literal(String)
        case group(Int)
    }

    struct BuildError: Error {
        let message: String
    }

    /// `prefilter`: explicit literals; nil derives one from the pattern where that is safe; `[]` disables.
    public init(
        descriptor: RuleDescriptor, pattern: String, options: ICURegex.Options = [], replacement: String?,
        prefilter: [String]? = nil
    ) throws {
        self.descriptor = descriptor
        do {
            regex = try ICURegex(pattern, options: options)
        } catch let e as ICURegex.SyntaxError {
            throw BuildError(message: "invalid pattern (\(e.icuName)) at offset \(e.offset)")
        }
        if let replacement {
            template = try PatternRule.parseTemplate(replacement, groups: regex.groupCount)
        } else {
            template = nil
        }
        if let prefilter {
            requiredLiterals = prefilter.isEmpty ? nil : RequiredLiterals(prefilter, ignoreCase: options.contains(.caseInsensitive))
        } else {
            requiredLiterals = RequiredLiteral.derive(pattern, options: options).map { RequiredLiterals([$0]) }
        }
    }

    static func parseTemplate(_ s: String, groups: Int) throws -> [TemplatePart] {
        var parts: [TemplatePart] = []
        var lit = ""
        var it = Array(s)
        var i = 0
        while i < it.count {
            let c = it[i]
            if c == "\\", i + 1 < it.count {
                lit.append(it[i + 1])
                i += 2
                continue
            }
            if c == "$", i + 1 < it.count, let d = it[i + 1].wholeNumberValue {
                if d > groups { throw BuildError(message: "replacement uses $\(d) but the pattern has \(groups) groups") }
                if !lit.isEmpty { parts.append(.literal(lit)); lit = "" }
                parts.append(.group(d))
                i += 2
                continue
            }
            lit.append(c)
            i += 1
        }
        if !lit.isEmpty { parts.append(.literal(lit)) }
        it.removeAll()
        return parts
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        return regex.matches(in: document.utf16).compactMap { m in
            guard let template else {
                return Finding(descriptor: descriptor, range: m.range, replacement: nil)
            }
            var out = ""
            for p in template {
                switch p {
                case .literal(let s): out += s
                case .group(0): out += document.string(m.range)
                case .group(let g): if let r = m.groups[g - 1] { out += document.string(r) }
                }
            }
            if out.isIdentical(to: document.string(m.range)) { return nil }
            return Finding(descriptor: descriptor, range: m.range, replacement: out)
        }
    }
}

/// Lint: literal strings from a table. Format: each is replaced by its counterpart.
public struct SubstituteRule: Rule {
    public let descriptor: RuleDescriptor
    let table: [(from: [UInt16], to: String)]
    public var requiredLiterals: RequiredLiterals? {
        RequiredLiterals(table.map { String(decoding: $0.from, as: UTF16.self) })
    }

    public init(descriptor: RuleDescriptor, table: [(String, String)]) {
        self.descriptor = descriptor
        // Longest first, so that a longer entry wins over its prefix.
        self.table = table.map { (Array($0.0.utf16), $0.1) }.sorted { $0.from.count > $1.from.count }
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        var out: [Finding] = []
        var i = 0
        let firsts = Set(table.compactMap(\.from.first))
        while i < u.count {
            if firsts.contains(u[i]), let entry = table.first(where: { e in
                i + e.from.count <= u.count && u[i..<(i + e.from.count)].elementsEqual(e.from)
            }) {
                out.append(Finding(descriptor: descriptor, range: i..<(i + entry.from.count), replacement: entry.to))
                i += entry.from.count
            } else {
                i += 1
            }
        }
        return out
    }
}

/// A Swift detector gated by the `prefilter:` literals of its rule file.
struct Prefiltered: Rule {
    let inner: any Rule
    let requiredLiterals: RequiredLiterals?
    var descriptor: RuleDescriptor { inner.descriptor }
    var scope: RuleScope { inner.scope }
    var checksOriginalOnly: Bool { inner.checksOriginalOnly }

    func check(_ document: Document, context: RuleContext) -> [Finding] { inner.check(document, context: context) }
}
