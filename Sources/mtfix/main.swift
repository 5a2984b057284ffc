import ArgumentParser
import Foundation
import MTFix
import MTFixCore

// Entry point: argument-parser's usage errors exit 64 by default; mtfix's contract says 2.
setvbuf(stdout, nil, _IOFBF, 1 << 16)
if Profile.enabled { atexit { Profile.report() } }

/// Flushes stdout; output that could not be written (a full disk, a closed pipe) is an error, exit 2,
/// never a silent loss.
/// (A closed pipe ends the process with SIGPIPE, as for other Unix tools: `mtfix check | head` is fine.)
func finishOutput(_ status: Int32) -> Never {
    Terminal.flush()
    if Terminal.outputError != 0 || ferror(stdout) != 0 {
        let reason = String(cString: strerror(Terminal.outputError != 0 ? Terminal.outputError : EIO))
        FileHandle.standardError.write(Data("mtfix: stdout: \(reason); output incomplete\n".utf8))
        exit(2)
    }
    exit(status)
}

// No subcommand is a usage error (exit 2), with the help on stderr where it cannot pollute a pipe.
if CommandLine.arguments.count == 1 {
    FileHandle.standardError.write(Data((MTFixCommand.helpMessage() + "\n").utf8))
    exit(2)
}

// A mistyped subcommand (`mtfix chek story.txt`) gets the nearest one, not "unexpected argument".
if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-") {
    let names = MTFixCommand.configuration.subcommands.map { $0._commandName } + ["help"]
    if !names.contains(first) {
        let hint = Suggest.closest(first, in: names.filter { $0 != "segment-bench" }).map { " (did you mean '\($0)'?)" } ?? ""
        FileHandle.standardError.write(Data("mtfix: unknown command '\(first)'\(hint) (see 'mtfix --help')\n".utf8))
        exit(2)
    }
}

do {
    var command = try MTFixCommand.parseAsRoot()
    try command.run()
    finishOutput(0)
} catch let code as ExitCode {
    finishOutput(code.rawValue)
} catch {
    fflush(stdout)
    let code = MTFixCommand.exitCode(for: error)
    if code == .success {
        print(MTFixCommand.fullMessage(for: error))
        exit(0)
    }
    // One line, as for every other error: the problem, then where help is.
    var message = MTFixCommand.message(for: error)
    if message.hasPrefix("Error: ") { message.removeFirst(7) }
    if let cut = message.range(of: "\n") { message = String(message[..<cut.lowerBound]) }
    FileHandle.standardError.write(Data("mtfix: \(message) (see 'mtfix --help')\n".utf8))
    exit(2)
}
