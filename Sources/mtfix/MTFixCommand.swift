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
              mtfix check story.txt                 list findings (path:line:col: severity: message [rule])
              mtfix diff story.txt | git apply      review the safe repairs as a unified diff, then apply them
              mtfix fix story.txt                   repair in place (atomic; permissions kept)
              mtfix fix < in.txt > out.txt          repair a stream
              mtfix check --format json dir/        findings as JSON for scripts

            EXIT STATUS
              0  nothing to report or change
              1  findings reported or changes proposed
              2  usage, configuration, input or I/O error (one line on stderr names the file)
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, DiffCommand.self, FixCommand.self, ApplyCommand.self, RulesCommand.self]
    )
}
