import Foundation

/// Writing to stdout and stderr.
enum Terminal {
    /// The error of the first write to stdout that failed (`errno`), reported when the run ends.
    nonisolated(unsafe) private(set) static var outputError: Int32 = 0

    static func out(_ s: String) {
        if fputs(s, stdout) == EOF { noteOutputError() }
    }

    /// Writes UTF-8 bytes to stdout (through the same buffer as `out`).
    static func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress!, 1, $0.count, stdout) }
        if written != bytes.count { noteOutputError() }
    }

    /// Flushes stdout, remembering a failure.
    static func flush() {
        if fflush(stdout) != 0 { noteOutputError() }
    }

    private static func noteOutputError() {
        if outputError == 0 { outputError = errno == 0 ? EIO : errno }
    }

    /// One line on stderr, prefixed `mtfix: `.
    static func error(_ s: String) {
        FileHandle.standardError.write(Data("mtfix: \(s)\n".utf8))
    }

    /// `--quiet`: notes (skipped files, `--lossy` replacements, counts) are dropped; errors are not.
    nonisolated(unsafe) static var quiet = false

    /// One line on stderr about something that is no error; nothing under `--quiet`.
    static func note(_ s: String) {
        if quiet { return }
        FileHandle.standardError.write(Data("mtfix: \(s)\n".utf8))
    }
}
