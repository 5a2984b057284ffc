import Foundation
import MTFix

/// Runs the bundled name rules of one language over a story, as the CLI would.
enum Names {
    static let rules: [any Rule] = (try? Toolkit.loadRules()) ?? []

    static func rule(_ id: String) -> any Rule { rules.first { $0.descriptor.id == id }! }

    /// Both entity rules (`name-drift-<lang>`, `title-conflict-<lang>`), or just the named ones.
    static func run(
        _ text: String, _ lang: String, only: [String]? = nil, knownNames: [String] = [], level: Safety = .safe
    ) -> EngineResult {
        let ids = only ?? ["name-drift-\(lang)", "title-conflict-\(lang)"]
        let engine = Engine(rules: ids.map(rule), context: RuleContext(knownNames: knownNames), applyLevel: level)
        return engine.run(text, language: lang)
    }

    /// Findings as `line:category:safety` strings, for compact expectations.
    static func summary(_ r: EngineResult) -> [String] {
        r.findings.map { "\(r.original.position(at: $0.range.lowerBound).line):\($0.category.rawValue):\($0.safety.rawValue)" }
    }
}
