import ArgumentParser
import Foundation
import MTFix

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Flags shared by check, diff and fix.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Files or directories to read (every text file below a directory). None or '-' reads stdin.")
    var paths: [String] = []

    @Option(name: .long, help: "Document language (en, de, fr, es, ru, ja, zh) or 'auto' to detect per document.")
    var lang: String = "auto"

    @Option(name: .customLong("rules"), help: ArgumentHelp("Extra rule folder (same layout as Rules/); repeatable. Same-id rules override the bundled ones.", valueName: "dir"))
    var ruleDirs: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Run only these rule ids or categories (comma-separated; repeatable).", valueName: "ids"))
    var select: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Skip these rule ids or categories (comma-separated; repeatable).", valueName: "ids"))
    var ignore: [String] = []

    @Flag(name: .long, help: "Also apply edits marked 'review' (never 'report' findings).")
    var unsafeFixes = false

    @Flag(name: .long, help: "Decode invalid UTF-8 with U+FFFD instead of refusing the file. The file is then rewritten with the replacements.")
    var lossy = false

    @Option(name: .long, help: "Colour: auto (a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    func validate() throws {
        let known = ["auto", "en", "de", "fr", "es", "ru", "ja", "zh"]
        if !known.contains(lang) {
            throw ValidationError("unknown language '\(lang)'; use one of: \(known.joined(separator: ", "))")
        }
    }

    var selectList: [String] { select.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } }
    var ignoreList: [String] { ignore.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } }

    /// Loads rules and builds the checker, or exits 2 with every rule-file error as `path:line: message`.
    func makeChecker() throws -> Checker {
        let rules: [any Rule]
        do {
            rules = try Toolkit.loadRules(extra: ruleDirs.map { URL(fileURLWithPath: $0) })
        } catch let e as RuleLoadErrors {
            for err in e.errors { Terminal.error(err.description) }
            throw ExitCode(2)
        }
        let ids = Set(rules.map(\.descriptor.id)).union(Category.allCases.map(\.rawValue))
        for id in selectList + ignoreList where !ids.contains(id) {
            let hint = Suggest.closest(id, in: Array(ids)).map { " (did you mean '\($0)'?)" } ?? ""
            Terminal.error("unknown rule or category '\(id)'\(hint)")
            throw ExitCode(2)
        }
        let options = CheckOptions(
            language: lang, applyLevel: unsafeFixes ? .review : .safe, select: selectList, ignore: ignoreList)
        return Checker(rules: rules, options: options)
    }

    func useColor(for handle: FileHandle) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
            if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
            return isatty(handle.fileDescriptor) == 1
        }
    }
}
