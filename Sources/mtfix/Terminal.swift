import Foundation

/// Writing to stdout and stderr.
enum Terminal {
    static func out(_ s: String) {
        fputs(s, stdout)
    }

    /// One line on stderr, prefixed `mtfix: `.
    static func error(_ s: String) {
        FileHandle.standardError.write(Data("mtfix: \(s)\n".utf8))
    }

    static func note(_ s: String) {
        FileHandle.standardError.write(Data("mtfix: \(s)\n".utf8))
    }
}
