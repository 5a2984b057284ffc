// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mtfix",
    products: [
        .library(name: "MTFix", targets: ["MTFix"]),
        .executable(name: "mtfix", targets: ["mtfix"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // Plain-C facade over libicu: the only place that includes <unicode/...> (see MISSION.md, "a trap").
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // Swift wrappers that own ICU objects and turn ICU errors into Swift errors.
        .target(name: "MTFixICU", dependencies: ["CICUShim"]),
        // Document model, findings, edits, engine, unified diff.
        .target(name: "MTFixCore", dependencies: ["MTFixICU"]),
        // Declarative rule files (YAML) and configuration.
        .target(
            name: "MTFixRules",
            dependencies: ["MTFixCore", "MTFixICU", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRules"]
        ),
        // Build-time helper: turns Rules/*.yml into Swift source so the rules ship inside the binary.
        .executableTarget(name: "rule-embedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["rule-embedder"]),
        // Detectors for MT damage written in Swift (configured from Rules/).
        .target(name: "MTFixDetectors", dependencies: ["MTFixCore", "MTFixICU", "MTFixRules"]),
        // Encoding and Unicode repair.
        .target(name: "MTFixUnicode", dependencies: ["MTFixCore", "MTFixICU", "MTFixRules"]),
        // The public facade: loads rules, assembles detectors, runs the engine.
        .target(name: "MTFix", dependencies: ["MTFixCore", "MTFixRules", "MTFixDetectors", "MTFixUnicode"]),
        .executableTarget(
            name: "mtfix",
            dependencies: ["MTFix", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Helpers shared by the test targets: running the built binary, temp folders, git/patch checks.
        .target(name: "MTFixTestSupport", dependencies: ["MTFix"], path: "Tests/MTFixTestSupport"),
        .testTarget(name: "MTFixCoreTests", dependencies: ["MTFixCore", "MTFixICU", "MTFixTestSupport"]),
        .testTarget(name: "MTFixRuleTests", dependencies: ["MTFix", "MTFixTestSupport"]),
        .testTarget(name: "MTFixCLITests", dependencies: ["MTFix", "MTFixTestSupport"]),
        // Entity-level detectors (name drift, title conflicts) on invented stories in several languages.
        .testTarget(name: "MTFixNameTests", dependencies: ["MTFix", "MTFixDetectors", "MTFixTestSupport"]),
        // Every article of Corpora/ through the `mtfix fix` code path, plus the example article's acceptance test.
        .testTarget(name: "MTFixCorpusTests", dependencies: ["MTFix", "MTFixTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
