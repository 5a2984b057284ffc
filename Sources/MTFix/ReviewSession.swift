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
        s - split this hunk at the unchanged lines between its changes, and answer for each part
        q - quit; apply what was accepted so far and review no more files
        ? - print help
        (as in git add -p; a hunk can hold several repairs: s splits it where unchanged lines part them,
        e changes part of it)

        """

    /// Said when `s` is typed on a hunk whose changes are on adjacent lines.
    public static let noSplit = "Sorry, cannot split this hunk: its changes are on adjacent lines. Use e to change part of it.\n"

    /// The help for the parts of a split hunk.
    public static let splitHelp = """
        y - apply this part
        n - do not apply this part
        e - edit this part's new text, then apply it
        a - apply this part and every later hunk or part made only by the same rule(s)
        d - do not apply this part or any later one in this file
        q - quit; apply what was accepted so far and review no more files
        ? - print help

        """

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
                output("(\(k + 1)/\(total)) Apply this hunk [y,n,e,a,d,s,q,?]? ")
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
                    let split = ReviewSplit(patch.hunks[k], shown: hunk, lineOf: lineIndex(file.original))
                    guard split.pieces.count > 1 else {
                        output(Self.noSplit)
                        continue
                    }
                    let answered = reviewParts(split, of: patch.hunks[k], k, total: total, result: &result)
                    if answered.keep.contains(true) {
                        chosen.append(ReviewSplit.merge(patch.hunks[k], pieces: split.pieces, keep: answered.keep, edited: answered.edited))
                    }
                    if answered.stop {
                        result.rejected += total - k - 1
                        break hunks
                    }
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

    /// Asks about each part of a split hunk; `keep` says which to apply, `stop` that the user answered
    /// d or q (later hunks of the file are not applied; `result.quit` is set for q).
    /// `edited`: the changed lines of the parts the user edited with e.
    private func reviewParts(
        _ split: ReviewSplit, of whole: PatchHunk, _ k: Int, total: Int, result: inout FileResult
    ) -> (keep: [Bool], stop: Bool, edited: [Int: [PatchHunk.Line]]) {
        let parts = split.pieces
        var keep = [Bool](repeating: false, count: parts.count)
        var edited: [Int: [PatchHunk.Line]] = [:]
        output("Split into \(parts.count) hunks.\n")
        for (j, part) in parts.enumerated() {
            if !part.hunk.rules.isEmpty && part.hunk.rules.allSatisfy(acceptedRules.contains) {
                output(part.hunk.header + "\n(applied: \(part.hunk.rules.joined(separator: ", ")) accepted for the whole review)\n")
                keep[j] = true
                result.accepted += 1
                continue
            }
            output(color ? DiffPainter.paint(part.hunk) : part.hunk.text + labelLines(part.hunk))
            while true {
                output("(\(k + 1).\(j + 1)/\(total)) Apply this part [y,n,e,a,d,q,?]? ")
                guard let answer = input()?.trimmingCharacters(in: .whitespaces).lowercased() else {
                    output("\n")
                    result.rejected += parts.count - j
                    result.quit = true
                    return (keep, true, edited)
                }
                switch answer {
                case "y": keep[j] = true
                case "n": break
                case "a":
                    acceptedRules.formUnion(part.hunk.rules)
                    keep[j] = true
                case "e":
                    // Only the part's changed lines go to the editor; its context stays as it is.
                    var block = whole
                    block.lines = Array(whole.lines[part.block])
                    guard let lines = edit(block)?.lines else {
                        output("Edit cancelled.\n")
                        continue
                    }
                    edited[j] = lines
                    keep[j] = true
                case "d", "q":
                    result.rejected += parts.count - j
                    if answer == "q" { result.quit = true }
                    return (keep, true, edited)
                default:
                    output(Self.splitHelp)
                    continue
                }
                break
            }
            if keep[j] { result.accepted += 1 } else { result.rejected += 1 }
        }
        return (keep, false, edited)
    }

    /// The 0-based line of a UTF-16 offset in `text`.
    private func lineIndex(_ text: String) -> (Int) -> Int {
        var starts: [Int] = [0]
        for (i, u) in text.utf16.enumerated() where u == 0x0A { starts.append(i + 1) }
        return { offset in
            var lo = 0
            var hi = starts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
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
