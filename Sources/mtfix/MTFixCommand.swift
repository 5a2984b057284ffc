import ArgumentParser

/// The root command: finds and repairs machine-translation damage in news copy.
struct MTFixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtfix",
        abstract: "Find and repair machine-translation damage in news copy.",
        discussion: """
            mtfix reads articles (files, directories, or stdin) and finds the damage machine translation \
            leaves: torn-off fragments, speech verbs left as sentences ("he said. Added."), photo captions \
            pasted into the body, names spelled several ways, mojibake, stray full-width punctuation.

            EXAMPLES
              mtfix check story.txt              findings as path:line:col: message
              mtfix diff story.txt | git apply   the safe repairs as a unified diff
              mtfix fix story.txt                repair in place (atomic)
              mtfix fix < in.txt > out.txt       repair a stream
              mtfix check --format json dir/     findings as JSON for scripts

            EXIT STATUS
              0  nothing to report or change
              1  findings reported or changes proposed
              2  usage, configuration, input or I/O error
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, DiffCommand.self, FixCommand.self, ReviewCommand.self, ApplyCommand.self, RulesCommand.self,
            SegmentBenchCommand.self,
        ]
    )
}
