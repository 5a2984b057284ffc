import MTFixCore
import Yams

/// A rule whose messages are given in the language of the document it checks: a common rule's file
/// lists, under `messages:`, per language code either its message (`ja: "…"`) or a table of the English
/// phrases its messages are made of (`ja: {punctuation left by a reordering: …, doubled full stop: …}`).
///
/// A message is read as phrases joined by `: ` (the rule's message, then the detector's detail); each
/// phrase found in the table is replaced, the rest is kept, so a detail nobody translated stays readable.
struct Localized: Rule {
    let inner: any Rule
    /// Language code → English phrase → its translation.
    let tables: [String: [String: String]]
    var descriptor: RuleDescriptor { inner.descriptor }
    var scope: RuleScope { inner.scope }
    var checksOriginalOnly: Bool { inner.checksOriginalOnly }
    var requiredLiterals: RequiredLiterals? { inner.requiredLiterals }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let found = inner.check(document, context: context)
        guard !found.isEmpty, let table = tables[document.language] else { return found }
        var out = found
        for i in out.indices { out[i].message = Localized.translate(out[i].message, table) }
        return out
    }

    /// `message` with each of its `: `-separated phrases that `table` knows replaced (the rule's message
    /// with each detail is in the table already: see `wrap`).
    static func translate(_ message: String, _ table: [String: String]) -> String {
        if let whole = table[message] { return whole }
        let parts = message.components(separatedBy: ": ")
        guard parts.count > 1 else { return message }
        return parts.map { table[$0] ?? $0 }.joined(separator: ": ")
    }

    /// `rule`, wrapped when its file has a `messages:` mapping (checked here, errors at file and line).
    static func wrap(_ rule: any Rule, _ node: Node?, file: String) throws -> any Rule {
        guard let node else { return rule }
        func fail(_ n: Node, _ message: String) -> RuleFileError { RuleFileError(file: file, line: n.line, message: message) }
        guard case .mapping(let languages) = node else {
            throw fail(node, "'messages' must map language codes to a message or a table of phrases")
        }
        let base = rule.descriptor.message
        var tables: [String: [String: String]] = [:]
        for (k, v) in languages {
            guard let language = k.text, !language.isEmpty else { throw fail(k, "a language code must be text") }
            if case .mapping(let phrases) = v {
                var table: [String: String] = [:]
                for (a, b) in phrases {
                    guard let english = a.text, let translated = b.text else { throw fail(a, "a phrase and its translation must be text") }
                    table[english] = translated
                }
                tables[language] = table
            } else if let translated = v.text {
                tables[language] = [base: translated]
            } else {
                throw fail(v, "the message for '\(language)' must be text or a table of phrases")
            }
        }
        // The rule's message followed by each detail, translated once here rather than split and joined
        // for every finding.
        for (language, table) in tables {
            guard let translated = table[base] else { continue }
            var whole = table
            for (english, other) in table where english != base && !english.hasPrefix(base) {
                whole[base + ": " + english] = translated + ": " + other
            }
            tables[language] = whole
        }
        return Localized(inner: rule, tables: tables)
    }
}
