import MTFix

/// The bundled rules of the encoding/Unicode categories, as the tests run them.
enum UnicodeRules {
    static let categories: Set<Category> = [
        .mojibake, .htmlEntity, .invisibleChar, .fullwidthPunct, .spuriousSpace, .normalization, .confusable,
    ]
    static let all: [any Rule] = ((try? Toolkit.loadRules()) ?? []).filter { categories.contains($0.descriptor.category) }

    static func only(_ category: Category) -> [any Rule] { all.filter { $0.descriptor.category == category } }

    static func fix(_ text: String, rules: [any Rule] = all, language: String = "en") -> EngineResult {
        Engine(rules: rules).run(text, language: language)
    }
}
