import ArgumentParser
import Foundation
import MTFix

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Flags shared by check, diff and fix.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Files or directories to read (every text file below a directory). check, diff and fix read stdin with none or '-'.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("The path standard input stands for: in findings and diff headers (instead of 'stdin'), and where its .mtfix.yml is looked up.", valueName: "path"))
    var stdinFilename: String?

    @Option(name: .long, help: ArgumentHelp("Document language (en, de, fr, es, ru, ja, zh) or 'auto' to detect per document (default: the config's 'language', else auto).", valueName: "xx"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Config file for every input instead of the nearest .mtfix.yml (found per input by walking up from its folder, or from the current folder for stdin).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore .mtfix.yml files.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("A names file: canonical spellings the desk knows, one per line (added to the config's).", valueName: "file"))
    var names: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("Extra rule folder (same layout as Rules/); repeatable. Same-id rules override the bundled ones.", valueName: "dir"))
    var ruleDirs: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Run only these rule ids or categories (comma-separated; repeatable).", valueName: "ids"))
    var select: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Skip these rule ids or categories (comma-separated; repeatable).", valueName: "ids"))
    var ignore: [String] = []

    @Flag(name: .long, help: "Also apply edits marked 'review' (never 'report' findings). With check: report what such a fix would find and change, including damage a review-level edit uncovers.")
    var unsafeFixes = false

    @Flag(name: .long, help: "Decode invalid UTF-8 with U+FFFD instead of refusing the file (a note on stderr says where; fix then writes the U+FFFD characters). Not with diff: its patch could not apply to the original bytes.")
    var lossy = false

    @Option(name: .long, help: "Colour: auto (a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let name = stdinFilename, name.isEmpty || name.hasSuffix("/") {
            throw ValidationError("--stdin-filename needs a file path")
        }
        if config != nil && noConfig { throw ValidationError("--config and --no-config exclude each other") }
    }

    var selectList: [String] { select.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } }
    var ignoreList: [String] { ignore.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } }

    /// The config file in effect for an input: `--config`, else the nearest `.mtfix.yml` above the
    /// input (`nil`: standard input, looked up from the current folder).
    func configURL(for path: String?) -> URL? {
        if noConfig { return nil }
        if let config { return URL(fileURLWithPath: config) }
        guard let path, path != "-" else {
            if let name = stdinFilename { return Configuration.find(from: URL(fileURLWithPath: name).deletingLastPathComponent()) }
            return Configuration.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        }
        var isDir: ObjCBool = false
        let url = URL(fileURLWithPath: path)
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
        return Configuration.find(from: exists && isDir.boolValue ? url : url.deletingLastPathComponent())
    }

    /// Reads the config at `url` (none: defaults and flags only), loads rules and builds the checker,
    /// or exits 2 with every rule-file and config error as `path:line: message`.
    func makeChecker(config url: URL?) throws -> Checker {
        do {
            let file = try url.map { try Configuration.read($0, display: config ?? $0.path) }
            let settings = CommandLineSettings(
                language: lang, select: selectList, ignore: ignoreList, unsafeFixes: unsafeFixes,
                ruleDirs: ruleDirs.map { URL(fileURLWithPath: $0) }, namesFile: names.map { URL(fileURLWithPath: $0) })
            return try Configuration.makeChecker(config: file, configURL: url, settings: settings)
        } catch let e as SettingsError {
            for line in e.message.split(separator: "\n") { Terminal.error(String(line)) }
            throw ExitCode(2)
        } catch let e as RuleLoadErrors {
            for err in e.errors { Terminal.error(err.description) }
            throw ExitCode(2)
        }
    }

    /// The checker for the first input's config (one rule set for a whole stream).
    func makeChecker() throws -> Checker { try makeChecker(config: configURL(for: paths.first)) }

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
