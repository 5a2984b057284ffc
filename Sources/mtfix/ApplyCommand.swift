import ArgumentParser
import Foundation
import MTFix

/// `mtfix apply`: apply a unified diff (possibly hand-edited) with context verification.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a unified diff made by `mtfix diff`, after you deleted the hunks you reject.",
        discussion: """
            Paths are read as patch -p1 does (a/PATH). Every hunk's context must still match the file \
            (at its line or nearby); if any hunk of any file does not, nothing is written and the hunk \
            is named. Files are replaced atomically.
            """)

    @Argument(help: "The patch file ('-' for stdin).")
    var patch: String

    @Option(name: [.customShort("d"), .long], help: "Folder the patch paths are relative to.")
    var directory: String = "."

    @Flag(name: .long, help: "Only check that the patch applies; write nothing.")
    var check = false

    func run() throws {
        let text: String
        do {
            let data = patch == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: patch))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            Terminal.error("\(patch): cannot read the patch")
            throw ExitCode(2)
        }
        var results: [(String, String)] = []
        do {
            for file in try Patch.parse(text, source: patch == "-" ? "stdin" : patch) {
                let rel = Self.stripPrefix(file.newPath == "/dev/null" ? file.oldPath : file.newPath)
                let path = directory == "." ? rel : (directory as NSString).appendingPathComponent(rel)
                let original = try Inputs.read(InputSource(path: path), lossy: false)
                results.append((path, try Patch.apply(file, to: original, path: rel)))
            }
        } catch let e as PatchError {
            Terminal.error(e.message)
            throw ExitCode(2)
        } catch let e as InputError {
            Terminal.error(e.message)
            throw ExitCode(2)
        }
        if check { return }
        for (path, text) in results {
            do { try AtomicFile.write(text, to: path) } catch {
                Terminal.error("\(error)")
                throw ExitCode(2)
            }
        }
    }

    /// `a/x/y` → `x/y` (patch -p1).
    static func stripPrefix(_ p: String) -> String {
        guard let slash = p.firstIndex(of: "/") else { return p }
        return String(p[p.index(after: slash)...])
    }
}
