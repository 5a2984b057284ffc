import ArgumentParser
import Foundation
import MTFix

/// `mtfix review`: decide hunk by hunk which repairs to apply, like `git add -p`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the repairs hunk by hunk and apply the ones you accept (like git add -p).",
        discussion: """
            Each hunk of the unified diff (3 lines of context) is shown with the rules that made it and \
            their reasons, then one answer is read: y apply, n skip, e edit the new text ($VISUAL or \
            $EDITOR, or one prompt per changed line), a apply this and every later hunk of the same \
            rule(s), d leave this hunk and the rest of the file, s split the hunk, q quit (what was accepted \
            is still applied), ? help. As in git add -p, d and q keep what was accepted. A hunk can hold \
            several repairs, from several rules: s splits it at the unchanged lines between its changes, \
            and each part is answered alone (y, n, e, a, d, q); e changes part of a hunk whose changes are \
            on adjacent lines. Each file is rewritten atomically once its hunks are decided.

            review takes files only: it reads your answers from stdin, which must be a terminal. In \
            scripts use `mtfix diff`, edit the patch, and `mtfix apply`.
            """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1 else {
            Terminal.error("review is interactive and stdin is not a terminal; use 'mtfix diff' and 'mtfix apply' in scripts")
            throw ExitCode(2)
        }
        guard !common.paths.isEmpty, !common.paths.contains("-") else {
            Terminal.error("review needs files to review (stdin is where the answers come from)")
            throw ExitCode(2)
        }
        // Interactive: binary files are dropped while walking, with their notes before the first question.
        let runner = try Runner(options: common, sniff: true)
        runner.reportSetup()
        var status = ExitStatus()
        if !runner.errors.isEmpty { status.raise(2) }
        let session = ReviewSession(
            input: { readLine(strippingNewline: true) },
            output: { Terminal.out($0); Terminal.flush() },
            editor: Self.externalEditor(),
            color: common.useColor(for: FileHandle.standardOutput))
        var applied = 0
        var rejected = 0
        var files = 0
        let paths = DiffPaths(runner.sources, stdinName: nil)
        for source in runner.sources {
            let outcome = runner.process(source)
            if let error = outcome.error {
                Terminal.error(error)
                status.raise(2)
                continue
            }
            if let note = outcome.note { Terminal.note(note) }
            guard let result = outcome.result, let path = source.path, result.changed else { continue }
            let diff = LabelledDiff(result, path: paths.path(for: source))
            let decided: ReviewSession.FileResult
            do {
                try AtomicFile.checkWritable(path)
                decided = try session.review(.init(path: source.display, original: result.original.text, diff: diff))
            } catch {
                Terminal.error("\(error)")
                status.raise(2)
                continue
            }
            applied += decided.accepted
            rejected += decided.rejected
            if let text = decided.text, !text.isIdentical(to: result.original.text) {
                do {
                    try AtomicFile.write(text, to: path)
                    files += 1
                } catch {
                    Terminal.error("\(error)")
                    status.raise(2)
                }
            }
            if decided.quit { break }
        }
        Terminal.out("\(applied) hunk\(applied == 1 ? "" : "s") applied in \(files) file\(files == 1 ? "" : "s"), \(rejected) not applied\n")
        Terminal.flush()
        throw ExitCode(status.code)
    }

    /// `$VISUAL` or `$EDITOR` run on a temporary file holding the hunk's new text; nil without one.
    static func externalEditor() -> ((String) -> String?)? {
        let env = ProcessInfo.processInfo.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        return { text in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mtfix-hunk-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
            defer { try? FileManager.default.removeItem(at: file) }
            do { try Data(text.utf8).write(to: file) } catch { return nil }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            // The editor command may carry arguments ("code -w"); the file is passed as "$1".
            p.arguments = ["-c", "\(editor) \"$1\"", "mtfix-edit", file.path]
            do { try p.run() } catch { return nil }
            p.waitUntilExit()
            guard p.terminationStatus == 0, let data = try? Data(contentsOf: file) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
