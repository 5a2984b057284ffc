import Foundation
@_exported import MTFixCore
import MTFixDetectors
@_exported import MTFixRules
import MTFixUnicode

/// The assembled product: every Swift detector by name, the bundled rules, language detection.
public enum Toolkit {
    /// Swift detectors that rule files can name with `kind: detector`.
    public static let detectors: [String: DetectorFactory] = {
        var d: [String: DetectorFactory] = [:]
        for (name, factory) in DetectorCatalog.factories { d[name] = factory }
        for (name, factory) in UnicodeCatalog.factories { d[name] = factory }
        return d
    }()

    /// Loads the bundled rules plus any extra rule folders (later folders override same-id rules).
    public static func loadRules(extra: [URL] = []) throws -> [any Rule] {
        try loadRuleSet(extra: extra).rules
    }

    /// Rules and language profiles from the bundled tree and extra folders; every error reported.
    public static func loadRuleSet(extra: [URL] = []) throws -> (rules: [any Rule], detector: LanguageDetector) {
        let loader = RuleLoader(detectors: detectors)
        var byID: [String: any Rule] = [:]
        var errors: [RuleFileError] = []
        var trees: [RuleTree] = [RuleTree.bundled]
        for url in extra {
            do { trees.append(try RuleTree.directory(url)) } catch let e as RuleLoadErrors { errors += e.errors }
        }
        for tree in trees {
            do {
                for r in try loader.load(tree) { byID[r.descriptor.id] = r }
            } catch let e as RuleLoadErrors {
                errors += e.errors
            }
        }
        var detector = LanguageDetector.bundled
        if trees.count > 1 {
            do { detector = try LanguageDetector(trees: trees) } catch let e as RuleLoadErrors { errors += e.errors }
        }
        if !errors.isEmpty { throw RuleLoadErrors(errors: errors) }
        return (byID.values.sorted { $0.descriptor.id < $1.descriptor.id }, detector)
    }
}
