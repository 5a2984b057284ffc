/// A parsed unified diff for one file, possibly hand-edited (hunks deleted, `+` lines changed).
public struct FilePatch: Sendable {
    public var oldPath: String
    public var newPath: String
    public var hunks: [PatchHunk]
}

/// One hunk as read from a patch: its stated old start, and its lines.
public struct PatchHunk: Sendable {
    public enum Line: Sendable, Equatable {
        case context(String), remove(String), add(String)
    }
    /// 1-based header line of the hunk in the patch file, for messages.
    public var patchLine: Int
    /// 0-based old start line as stated by the header.
    public var oldStart: Int
    public var lines: [Line]

    var oldLines: [String] {
        lines.compactMap {
            switch $0 {
            case .context(let s), .remove(let s): s
            case .add: nil
            }
        }
    }
    var newLines: [String] {
        lines.compactMap {
            switch $0 {
            case .context(let s), .add(let s): s
            case .remove: nil
            }
        }
    }
}

/// Why a patch could not be read or applied; names the file and hunk.
public struct PatchError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Reads and applies unified diffs.
public enum Patch {
    /// Parses every file section of a unified diff. Text before the first `---` (like `diff --git`
    /// lines or comments) is ignored.
    public static func parse(_ text: String, source: String = "patch") throws -> [FilePatch] {
        let lines = splitLines(text)
        var files: [FilePatch] = []
        var i = 0
        func full(_ l: DiffLine) -> String { String(l.content) + String(l.terminator) }
        while i < lines.count {
            let line = lines[i].content
            guard line.hasPrefix("--- "), i + 1 < lines.count, lines[i + 1].content.hasPrefix("+++ ") else {
                i += 1
                continue
            }
            let oldPath = pathOf(line.dropFirst(4))
            let newPath = pathOf(lines[i + 1].content.dropFirst(4))
            var file = FilePatch(oldPath: oldPath, newPath: newPath, hunks: [])
            i += 2
            while i < lines.count, lines[i].content.hasPrefix("@@") {
                let header = lines[i].content
                guard let oldStart = parseOldStart(header) else {
                    throw PatchError(message: "\(source):\(i + 1): malformed hunk header '\(header)'")
                }
                var hunk = PatchHunk(patchLine: i + 1, oldStart: oldStart, lines: [])
                i += 1
                while i < lines.count {
                    let l = lines[i]
                    let c = l.content
                    if c.hasPrefix("@@") || (c.hasPrefix("--- ") && i + 1 < lines.count && lines[i + 1].content.hasPrefix("+++ ")) {
                        break
                    }
                    if c.hasPrefix("diff ") { break }
                    if c.hasPrefix("\\") {
                        // "\ No newline at end of file": the previous line had no terminator.
                        if let last = hunk.lines.popLast() { hunk.lines.append(stripNewline(last)) }
                        i += 1
                        continue
                    }
                    let body = String(full(l).dropFirst())
                    switch c.first {
                    case " ": hunk.lines.append(.context(body))
                    case "-": hunk.lines.append(.remove(body))
                    case "+": hunk.lines.append(.add(body))
                    case nil: hunk.lines.append(.context(String(l.terminator)))  // blank context line some editors strip
                    default:
                        i = lines.count  // trailing garbage ends the patch
                        continue
                    }
                    i += 1
                }
                file.hunks.append(hunk)
            }
            files.append(file)
        }
        if files.isEmpty { throw PatchError(message: "\(source): no unified diff found") }
        return files
    }

    private static func stripNewline(_ l: PatchHunk.Line) -> PatchHunk.Line {
        func s(_ x: String) -> String {
            if x.hasSuffix("\r\n") { return String(x.dropLast(2)) }
            if x.hasSuffix("\n") { return String(x.dropLast()) }
            return x
        }
        switch l {
        case .context(let x): return .context(s(x))
        case .remove(let x): return .remove(s(x))
        case .add(let x): return .add(s(x))
        }
    }

    private static func pathOf(_ s: Substring) -> String {
        if s.hasPrefix("\""), let quoted = unquote(s) { return quoted }
        // Drop a trailing timestamp (tab-separated) as GNU diff writes it.
        let p = s.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return p
    }

    /// A git-quoted file name (`"a/tab\tname.txt"`, octal escapes for other bytes), or nil.
    static func unquote(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        var it = Array(s.utf8).dropFirst()
        while let c = it.first {
            it = it.dropFirst()
            switch c {
            case UInt8(ascii: "\""): return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = it.first else { return nil }
                it = it.dropFirst()
                switch e {
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "a"): bytes.append(0x07)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "v"): bytes.append(0x0B)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    let digits = [e] + Array(it.prefix(2))
                    guard digits.count == 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
                    it = it.dropFirst(2)
                    bytes.append(digits.reduce(0) { $0 &* 8 &+ ($1 - 0x30) })
                default: bytes.append(e)
                }
            default: bytes.append(c)
            }
        }
        return nil
    }

    private static func parseOldStart(_ header: Substring) -> Int? {
        // @@ -l[,s] +l[,s] @@
        let parts = header.split(separator: " ")
        guard parts.count >= 3, parts[1].hasPrefix("-") else { return nil }
        let nums = parts[1].dropFirst().split(separator: ",")
        guard let l = Int(nums[0]) else { return nil }
        let count = nums.count > 1 ? Int(nums[1]) ?? 1 : 1
        return count == 0 ? l : max(0, l - 1)
    }

    /// Applies a file's hunks to `text`, verifying context. A hunk that no longer matches at its line
    /// (or at a nearby offset, as `patch` allows) fails the whole file: nothing is half-applied.
    public static func apply(_ patch: FilePatch, to text: String, path: String) throws -> String {
        let lines = splitLines(text).map(\.full)
        var out: [String] = []
        var cursor = 0
        var drift = 0
        for (n, hunk) in patch.hunks.enumerated() {
            let old = hunk.oldLines
            let expected = hunk.oldStart + drift
            guard let at = locate(old, in: lines, near: expected, from: cursor) else {
                throw PatchError(
                    message: "\(path): hunk #\(n + 1) (patch line \(hunk.patchLine)) does not match the file at line \(hunk.oldStart + 1); nothing written"
                )
            }
            out.append(contentsOf: lines[cursor..<at])
            out.append(contentsOf: hunk.newLines)
            cursor = at + old.count
            drift = at - hunk.oldStart
        }
        out.append(contentsOf: lines[cursor...])
        return out.joined()
    }

    private static func locate(_ old: [String], in lines: [String], near: Int, from: Int) -> Int? {
        func matches(_ at: Int) -> Bool {
            guard at >= from, at + old.count <= lines.count else { return false }
            for (k, l) in old.enumerated() where !lines[at + k].isIdentical(to: l) { return false }
            return true
        }
        if matches(near) { return near }
        let span = max(lines.count, 1)
        for d in 1...span {
            if matches(near - d) { return near - d }
            if matches(near + d) { return near + d }
            if near - d < from && near + d + old.count > lines.count { break }
        }
        return nil
    }
}
