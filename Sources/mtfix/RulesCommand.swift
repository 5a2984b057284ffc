import ArgumentParser
import Foundation
import MTFix

/// Where `mtfix rules` finds rules: the bundled ones, a config's folders, `--rules`.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Extra rule folder (same layout as Rules/); repeatable.", valueName: "dir"))
    var ruleDirs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Config file to use instead of the nearest .mtfix.yml above the current folder.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore .mtfix.yml files.")
    var noConfig = false

    /// The config file's `select` and `ignore`, and the name it is shown by (nil without a config).
    struct Selection {
        let display: String
        let select: [String]
        let ignore: [String]
    }

    /// Loads every rule (unfiltered by select/ignore) and the config's selection, or exits 2 printing
    /// each error as `path:line: message`.
    func load() throws -> (rules: [any Rule], detector: LanguageDetector, selection: Selection?) {
        do {
            var dirs: [URL] = []
            var selection: Selection? = nil
            if !noConfig {
                let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                if let url = config.map({ URL(fileURLWithPath: $0) }) ?? Configuration.find(from: cwd) {
                    let display = config ?? url.path
                    let file = try Configuration.read(url, display: display)
                    let base = url.deletingLastPathComponent()
                    dirs += file.rules.map { $0.value.hasPrefix("/") ? URL(fileURLWithPath: $0.value) : base.appendingPathComponent($0.value) }
                    selection = Selection(display: display, select: file.select.map(\.value), ignore: file.ignore.map(\.value))
                }
            }
            let (rules, detector) = try Toolkit.loadRuleSet(extra: dirs + ruleDirs.map { URL(fileURLWithPath: $0) })
            return (rules, detector, selection)
        } catch let e as RuleLoadErrors {
            for err in e.errors { Terminal.error(err.description) }
            throw ExitCode(2)
        }
    }
}

/// `mtfix rules`: list the rules, or explain one.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or explain one with its examples.",
        discussion: """
            EXAMPLES
              mtfix rules                     every rule, one line each
              mtfix rules --lang de           rules for German copy (common ones too)
              mtfix rules explain caption-en  one rule: message, file, examples
            """,
        subcommands: [RulesListCommand.self, RulesExplainCommand.self],
        defaultSubcommand: RulesListCommand.self)
}

/// `mtfix rules list`: one line per rule.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List rules: id, category, safety, languages, summary.")

    @OptionGroup var source: RuleSourceOptions

    @Option(name: .long, help: ArgumentHelp("Only rules that run on this language (common rules included).", valueName: "xx"))
    var lang: String?

    @Argument(help: ArgumentHelp("A rule id: the same as 'mtfix rules explain <id>'.", valueName: "id"))
    var id: String?

    func run() throws {
        // `mtfix rules caption-en` is what a user types to read a rule.
        if let id {
            var explain = RulesExplainCommand()
            explain.source = source
            explain.id = id
            try explain.run()
            return
        }
        let (rules, detector, selection) = try source.load()
        if let lang, !detector.languages.contains(lang) {
            Terminal.error(Configuration.unknownLanguage(lang, detector))
            throw ExitCode(2)
        }
        var shown = rules.filter { lang == nil || $0.descriptor.applies(to: lang!) }
        // What runs: the config's select/ignore apply here as they do to check, diff and fix.
        if let selection {
            let before = shown.count
            shown = shown.filter { Checker.runs($0.descriptor, select: selection.select, ignore: selection.ignore) }
            if shown.count < before {
                Terminal.note("\(before - shown.count) rules turned off by \(selection.display) (select/ignore); --no-config lists them")
            }
        }
        let rows = shown.map { r -> [String] in
            let d = r.descriptor
            return [d.id, d.category.rawValue, d.safety.rawValue, d.languages.isEmpty ? "all" : d.languages.joined(separator: ","), d.summary]
        }
        let header = ["ID", "CATEGORY", "SAFETY", "LANGUAGES", "SUMMARY"]
        let widths = (0..<4).map { k in ([header] + rows).map { $0[k].count }.max() ?? 0 }
        for row in [header] + rows {
            var line = ""
            for k in 0..<4 { line += row[k].padding(toLength: widths[k] + 2, withPad: " ", startingAt: 0) }
            Terminal.out(line + row[4] + "\n")
        }
    }
}

/// `mtfix rules explain ID`: everything about one rule.
struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show a rule's summary, message, category, safety, languages, file and examples.")

    @OptionGroup var source: RuleSourceOptions

    @Argument(help: "The rule id (see 'mtfix rules').")
    var id: String

    func run() throws {
        let (rules, _, _) = try source.load()
        guard let rule = rules.first(where: { $0.descriptor.id == id }) else {
            let family = rules.map(\.descriptor.id).filter { $0.hasPrefix(id + "-") }
            let hint = !family.isEmpty
                ? " (per-language rules: \(family.joined(separator: ", ")))"
                : Suggest.closest(id, in: rules.map(\.descriptor.id)).map { " (did you mean '\($0)'?)" } ?? ""
            Terminal.error("unknown rule '\(id)'\(hint)")
            throw ExitCode(2)
        }
        Terminal.out(RuleExplanation(rule.descriptor).text)
    }
}
