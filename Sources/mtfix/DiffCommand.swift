import ArgumentParser
import Foundation
import MTFix

/// `mtfix diff`: print the unified diff of the repairs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the unified diff of the safe repairs (git apply / patch -p1 accept it).",
        discussion: """
            Headers are --- a/PATH and +++ b/PATH with 3 lines of context (a name with a tab, quote or \
            backslash is quoted as git quotes it). Each hunk header carries the \
            rules that made it after the closing @@ (where git and patch expect a free-text heading), \
            e.g. "@@ -13,3 +13,3 @@ name-drift". Pipe it to `git apply` or `patch -p1`, or save it, \
            delete the hunks you do not want, and run `mtfix apply`.

            In a terminal (or with --color always) the diff is for reading: removed and added lines in \
            red and green, the changed words within them highlighted, and under each hunk header one \
            "# rule (category): reason" line per rule. That view is not a patch; piped output (or \
            NO_COLOR set, or --color never) is the plain diff.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pipeline: RunOptions

    func validate() throws {
        if common.lossy {
            throw ValidationError("--lossy does not go with diff: the '-' lines would hold U+FFFD instead of the file's bytes, so the patch could not apply; use 'fix --lossy'")
        }
    }

    func run() throws {
        var run = try DocumentRun(common: common, pipeline: pipeline)
        let color = common.useColor(for: FileHandle.standardOutput)
        run.forEachResult { source, result, _ in
            guard result.changed else { return }
            let diff = LabelledDiff(result, path: source.diffPath)
            Terminal.out(color ? DiffPainter.paint(diff) : diff.text)
        }
        pipeline.report(run.summary, proposed: true)
        throw ExitCode(run.status.code)
    }
}

