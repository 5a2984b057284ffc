import Foundation
import MTFixCore

/// The hunk-by-hunk review loop of `mtfix review` (like `git add -p`), free of I/O: it reads answer
/// lines from `input`, writes prompts and hunks to `output`, and returns each file's new text, so
/// tests can script it and the CLI can wire it to a terminal.
public final class ReviewSession {
    /// One document to review: its display path, its text, and the labelled diff of its repair.
    public struct File {
        public let path: String
        public let original: String
        public let diff: LabelledDiff
        public init(path: String, original: String, diff: LabelledDiff) {
            self.path = path
            self.original = original
            self.diff = diff
        }
    }

    /// What came of one file.
    public struct FileResult: Equatable, Sendable {
        /// The text with the accepted hunks applied; nil when no hunk was accepted.
        public var text: String?
        public var accepted = 0
        public var rejected = 0
        /// True when the user asked to stop: later files must not be reviewed.
        public var quit = false
    }

    public static let help = """
        y - apply this hunk
        n - do not apply this hunk
        e - edit the hunk's new text, then apply it
        a - apply this hunk and every later hunk made only by the same rule(s)
        d - do not apply this hunk or any later hunk in this file (hunks accepted so far are applied)
        q - quit; apply what was accepted so far and review no more files
        ? - print help
        (as in git add -p, d leaves the rest of the file; there is no s: each hunk is one repair, use e to change part of it)

        """

    /// Said when `s` is typed: in `git add -p` it splits the hunk, which a repair hunk cannot be.
    public static let noSplit = "No split here: each hunk is one repair. Use e to change part of it, or d to leave the rest of the file.\n"

    private let input: () -> String?
    private let output: (String) -> Void
    private let editor: ((String) -> String?)?
    private let color: Bool
    /// Rules the user accepted wholesale with `a`.
    public private(set) var acceptedRules: Set<String> = []

    /// `editor` gets a hunk's new text and returns the edited text (nil: cancelled); without one,
    /// `e` asks for each added line on `input`.
    public init(input: @escaping () -> String?, output: @escaping (String) -> Void, editor: ((String) -> String?)? = nil, color: Bool = false) {
        self.input = input
        self.output = output
        self.editor = editor
        self.color = color
    }

    /// Reviews one file's hunks and returns its new text (nil when nothing was accepted).
    public func review(_ file: File) throws -> FileResult {
        var result = FileResult()
        guard !file.diff.hunks.isEmpty else { return result }
        var patch = try Patch.parse(file.diff.text, source: file.path)[0]
        var chosen: [PatchHunk] = []
        output(color ? DiffPainter.bold + file.diff.fileHeader + DiffPainter.reset : file.diff.fileHeader)
        let total = file.diff.hunks.count
        hunks: for (k, hunk) in file.diff.hunks.enumerated() {
            let rules = hunk.rules
            if !rules.isEmpty && rules.allSatisfy(acceptedRules.contains) {
                output(hunk.header + "\n(applied: \(rules.joined(separator: ", ")) accepted for the whole review)\n")
                chosen.append(patch.hunks[k])
                result.accepted += 1
                continue
            }
            output(color ? DiffPainter.paint(hunk) : hunk.text + labelLines(hunk))
            while true {
                output("(\(k + 1)/\(total)) Apply this hunk [y,n,e,a,d,q,?]? ")
                guard let answer = input()?.trimmingCharacters(in: .whitespaces).lowercased() else {
                    output("\n")
                    result.quit = true
                    break hunks
                }
                switch answer {
                case "y":
                    chosen.append(patch.hunks[k])
                    result.accepted += 1
                case "n":
                    result.rejected += 1
                case "a":
                    acceptedRules.formUnion(rules)
                    chosen.append(patch.hunks[k])
                    result.accepted += 1
                case "e":
                    guard let edited = edit(patch.hunks[k]) else {
                        output("Edit cancelled.\n")
                        continue
                    }
                    patch.hunks[k] = edited
                    chosen.append(edited)
                    result.accepted += 1
                case "d":
                    result.rejected += total - k
                    break hunks
                case "s":
                    // `git add -p` users type `s` to split; skipping the rest of the file instead would
                    // silently drop their answers for every later hunk.
                    output(Self.noSplit)
                    continue
                case "q":
                    result.rejected += total - k
                    result.quit = true
                    break hunks
                default:
                    output(Self.help)
                    continue
                }
                break
            }
        }
        guard !chosen.isEmpty else { return result }
        patch.hunks = chosen
        result.text = try Patch.apply(patch, to: file.original, path: file.path)
        return result
    }

    /// Plain-text labels (when not painting): `# rule (category): message`.
    private func labelLines(_ hunk: LabelledHunk) -> String {
        DiffPainter.labels(hunk).map { "# \($0)\n" }.joined()
    }

    /// The hunk with its new side replaced by what the user typed; nil when cancelled.
    private func edit(_ hunk: PatchHunk) -> PatchHunk? {
        var oldLines: [String] = []
        var newLines: [String] = []
        for l in hunk.lines {
            switch l {
            case .context(let s):
                oldLines.append(s)
                newLines.append(s)
            case .remove(let s): oldLines.append(s)
            case .add(let s): newLines.append(s)
            }
        }
        let terminator = (oldLines + newLines).first { $0.hasSuffix("\r\n") } != nil ? "\r\n" : "\n"
        // The last line keeps its terminator, which is empty at a file end without a newline.
        let lastTerminator = newLines.last.map(Self.terminator) ?? terminator
        var edited: [String]
        if let editor {
            guard let text = editor(newLines.map(Self.content).joined(separator: "\n") + "\n") else { return nil }
            edited = splitLines(text).map { String($0.content).replacingSuffix("\r", with: "") }
        } else {
            edited = []
            for line in newLines.map(Self.content) {
                output("  \(line)\n  new text (empty keeps it): ")
                guard let typed = input() else { return nil }
                edited.append(typed.isEmpty ? line : typed)
            }
        }
        var out = hunk
        out.lines = oldLines.map { .remove($0) }
        for (i, e) in edited.enumerated() {
            out.lines.append(.add(e + (i == edited.count - 1 ? lastTerminator : terminator)))
        }
        return out
    }

    private static func content(_ s: String) -> String {
        var t = Substring(s)
        if t.hasSuffix("\r\n") || t.hasSuffix("\n") { t = t.dropLast() }
        return String(t)
    }

    private static func terminator(_ s: String) -> String {
        if s.hasSuffix("\r\n") { return "\r\n" }
        return s.hasSuffix("\n") ? "\n" : ""
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with r: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + r : self
    }
}
