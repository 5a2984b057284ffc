import ArgumentParser
import Foundation

// Entry point: argument-parser's usage errors exit 64 by default; mtfix's contract says 2.
setvbuf(stdout, nil, _IOFBF, 1 << 16)
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
    let message = MTFixCommand.fullMessage(for: error)
    FileHandle.standardError.write(Data((message.hasPrefix("Error:") || message.hasPrefix("mtfix:") ? message : "mtfix: \(message)").utf8))
    FileHandle.standardError.write(Data("\n".utf8))
    exit(2)
}
