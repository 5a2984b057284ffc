import ArgumentParser
import Foundation
import MTFix

/// `mtfix diff`: print the unified diff of the repairs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the unified diff of the safe repairs (git apply / patch -p1 accept it).",
        discussion: """
            Headers are --- a/PATH and +++ b/PATH with 3 lines of context. Each hunk header carries the \
            rules that made it after the closing @@ (where git and patch expect a free-text heading), \
            e.g. "@@ -13,3 +13,3 @@ name-drift". Pipe it to `git apply` or `patch -p1`, or save it, \
            delete the hunks you do not want, and run `mtfix apply`.
            """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        let runner = try Runner(options: common)
        runner.reportSetup()
        var status = ExitStatus()
        if !runner.errors.isEmpty { status.raise(2) }
        let color = common.useColor(for: FileHandle.standardOutput)
        runner.forEach { outcome in
            if let error = outcome.error {
                Terminal.error(error)
                status.raise(2)
                return
            }
            guard let result = outcome.result else { return }
            if result.changed || !result.findings.isEmpty { status.raise(1) }
            guard result.changed else { return }
            let text = DiffRendering.diff(result, path: outcome.source.diffPath)
            Terminal.out(color ? DiffRendering.colorize(text) : text)
        }
        throw ExitCode(status.code)
    }
}

/// Unified-diff views of an engine result.
enum DiffRendering {
    static func diff(_ result: EngineResult, path: String) -> String {
        let doc = result.original
        // Original line (0-based) of each applied finding, to label hunks with their rules.
        let labelled = result.applied.map { f -> (Range<Int>, Finding) in
            let lo = doc.lineIndex(at: f.editSpan.lowerBound)
            let hi = doc.lineIndex(at: max(f.editSpan.lowerBound, f.editSpan.upperBound - 1))
            return (lo..<(hi + 1), f)
        }
        return UnifiedDiffWriter().diff(old: doc.text, new: result.fixed, path: path) { hunk in
            let range = hunk.oldStart..<(hunk.oldStart + max(hunk.oldCount, 1))
            var seen: [String] = []
            for (lines, f) in labelled where lines.overlaps(range) && !seen.contains(f.rule) { seen.append(f.rule) }
            return seen.joined(separator: ", ")
        }
    }

    /// Colours a plain unified diff line by line (red removals, green additions, cyan hunk headers).
    static func colorize(_ diff: String) -> String {
        var out = ""
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---") || line.hasPrefix("+++") {
                out += "\u{1B}[1m\(line)\u{1B}[0m\n"
            } else if line.hasPrefix("@@") {
                out += "\u{1B}[36m\(line)\u{1B}[0m\n"
            } else if line.hasPrefix("-") {
                out += "\u{1B}[31m\(line)\u{1B}[0m\n"
            } else if line.hasPrefix("+") {
                out += "\u{1B}[32m\(line)\u{1B}[0m\n"
            } else {
                out += line + "\n"
            }
        }
        return String(out.dropLast())
    }
}
