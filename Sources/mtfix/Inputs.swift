import Foundation
import MTFix

/// A document to process: a file, or standard input.
struct InputSource {
    /// nil for standard input.
    let path: String?
    /// The path with symbolic links resolved, when known (found in a folder walk).
    var real: String? = nil
    /// Which of the run's checkers (one per config file in effect) reads this input.
    var checker = 0
    /// How the input is named in messages and diff headers.
    var display: String { path.map(InputSource.clean) ?? "stdin" }

    /// The path in diff headers: `./`, `../` and `/` at the front are dropped, since `git apply`
    /// refuses paths that leave the tree (`mtfix diff ../x/a.txt` → `a/x/a.txt`).
    var diffPath: String {
        guard var s = path else { return "stdin" }
        while true {
            if s.hasPrefix("./") { s.removeFirst(2) } else if s.hasPrefix("../") { s.removeFirst(3) } else if s.hasPrefix("/") { s.removeFirst() } else { break }
        }
        return s
    }

    /// `./a/b` → `a/b`.
    static func clean(_ p: String) -> String {
        var s = p
        while s.hasPrefix("./") { s.removeFirst(2) }
        return s
    }
}

/// A one-line error about one input; exits 2 at the end of the run.
struct InputError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

enum Inputs {
    /// Expands paths (directories recursively, hidden entries skipped) into sources in a stable order.
    static func expand(_ paths: [String], errors: inout [String], notes: inout [String]) -> [InputSource] {
        if paths.isEmpty { return [InputSource(path: nil)] }
        var out: [InputSource] = []
        var stdinSeen = false
        for p in paths {
            if p == "-" {
                if !stdinSeen { out.append(InputSource(path: nil)) }
                stdinSeen = true
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                errors.append("\(p): no such file or directory")
                continue
            }
            if !isDir.boolValue {
                out.append(InputSource(path: p))
                continue
            }
            let base = p.hasSuffix("/") ? String(p.dropLast()) : p
            let found = walk(base, notes: &notes)
            if found.isEmpty { notes.append("\(InputSource.clean(p)): no text files in this folder") }
            // A walk follows no symbolic link, so a found file's real path is the folder's plus the rest.
            var real = canonical(p)
            if real == "/" { real = "" }
            for f in found { out.append(InputSource(path: f, real: real + Substring(f.utf8.dropFirst(base.utf8.count)))) }
        }
        // A file named twice (`mtfix diff Corpora .`) is processed once: twice would repeat its hunks
        // in one patch, which then fails to apply.
        var seen = Set<String>()
        return out.filter { s in
            guard let p = s.path else { return true }
            return seen.insert(s.real ?? canonical(p)).inserted
        }
    }

    /// The path with symbolic links, `.` and `..` resolved (`realpath`), or the path itself when that fails.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The regular files under `root`, sorted; hidden entries (`.git`, `.mtfix.yml`) and symbolic links
    /// are skipped, as are binary files (with a note). `readdir`'s entry types: FileManager's enumerator
    /// asked `stat` and the extended attributes of every file, a tenth of a run over a folder of articles.
    private static func walk(_ root: String, notes: inout [String]) -> [String] {
        var files: [String] = []
        var folders = [root]
        while let folder = folders.popLast() {
            guard let dir = opendir(folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let full = folder + "/" + name
                var type = Int(entry.pointee.d_type)
                if type == DT_UNKNOWN {
                    var st = stat()
                    guard lstat(full, &st) == 0 else { continue }
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? DT_DIR : (st.st_mode & S_IFMT) == S_IFREG ? DT_REG : DT_LNK
                }
                if type == DT_DIR {
                    folders.append(full)
                } else if type == DT_REG {
                    files.append(full)
                }
            }
        }
        files.sort()
        return files.filter { full in
            guard looksBinary(full) else { return true }
            notes.append("\(InputSource.clean(full)): skipped (binary file)")
            return false
        }
    }

    /// A NUL byte in the first 8 KiB marks a binary file, as git and grep decide. Plain `open`/`read`:
    /// this runs once per file of a walked folder, where FileHandle's objects cost more than the read.
    static func looksBinary(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, 8192) }
        guard n > 0 else { return false }
        return buffer.withUnsafeBytes { memchr($0.baseAddress!, 0, n) != nil }
    }

    /// A file's bytes with one `open`, `fstat` and as few `read`s as its size needs (FileManager's
    /// existence, directory and permission checks before `Data(contentsOf:)` were five system calls
    /// more per file, a tenth of a run over a folder of short articles). An array, not `Data`: the
    /// bytes are decoded straight from it, without a copy.
    static func readFile(_ path: String, display: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES { throw InputError(message: "\(display): permission denied (cannot read)") }
            throw InputError(message: "\(display): cannot read: \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(message: "\(display): is a directory")
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(message: "\(display): cannot read: \(String(cString: strerror(errno)))")
            }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Offset of the first NUL byte. `memchr`: `Data.contains` walks a generic iterator byte by byte,
    /// which was a fifth of the time of `check` on a folder of short articles.
    static func firstNUL(_ raw: UnsafeRawBufferPointer) -> Int? {
        guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// Reads and decodes one input. Invalid UTF-8 is an error naming the byte offset unless `lossy`.
    static func read(_ source: InputSource, lossy: Bool) throws -> String {
        let bytes: [UInt8]
        if let path = source.path {
            bytes = try readFile(path, display: source.display)
        } else {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        return try bytes.withUnsafeBytes { raw in
            if !lossy, let at = firstNUL(raw) {
                throw InputError(message: "\(source.display): NUL byte at byte offset \(at); not a text file")
            }
            switch UTF8Check.decode(raw) {
            case .success(let s): return s
            case .failure(let bad):
                if lossy { return String(decoding: raw, as: UTF8.self) }
                throw InputError(message: "\(source.display): invalid UTF-8 at byte offset \(bad.offset) (use --lossy to replace bad bytes with U+FFFD)")
            }
        }
    }
}
