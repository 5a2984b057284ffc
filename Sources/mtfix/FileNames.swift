import Foundation

/// File names that are not valid UTF-8 (a Latin-1 `caf\xE9.txt` from an old archive): Swift's strings
/// cannot carry them, so mtfix cannot open such a file; it says so, naming the file with its bytes
/// escaped, instead of claiming the file does not exist.
enum FileNames {
    /// The error for a file whose name (raw bytes) is not UTF-8.
    static func notUTF8(_ bytes: some Sequence<UInt8>) -> String { notUTF8(shown: escaped(bytes)) }

    /// The error for a file shown as `shown` (its name already escaped).
    static func notUTF8(shown: String) -> String {
        "\(shown): file name is not valid UTF-8; mtfix cannot open it (rename it, e.g. with convmv)"
    }

    /// The name with every byte that is not printable ASCII written `\xNN`.
    static func escaped(_ bytes: some Sequence<UInt8>) -> String {
        var out = ""
        for b in bytes {
            if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "\\x" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func isUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Command-line arguments that are not UTF-8, keyed by the string Swift made of them (with U+FFFD),
    /// valued by the error for them.
    static let undecodableArguments: [String: String] = {
        var out: [String: String] = [:]
        for k in 0..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[k] else { continue }
            let bytes = UnsafeRawBufferPointer(start: arg, count: strlen(arg))
            if !isUTF8(bytes) { out[String(decoding: bytes, as: UTF8.self)] = notUTF8(bytes) }
        }
        return out
    }()
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
