import ArgumentParser
import Foundation
import MTFixCore

// Entry point: argument-parser's usage errors exit 64 by default; mtfix's contract says 2.
setvbuf(stdout, nil, _IOFBF, 1 << 16)
if Profile.enabled { atexit { Profile.report() } }
do {
    var command = try MTFixCommand.parseAsRoot()
    try command.run()
    fflush(stdout)
} catch let code as ExitCode {
    fflush(stdout)
    exit(code.rawValue)
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
