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
    /// The folder (as given) whose walk found this file when it has not been sniffed yet: a NUL byte
    /// in its first 8 KiB makes it a binary file, skipped with a note when it is read (`BinaryFile`).
    var walkedFolder: String? = nil
    /// How the input is named in messages and findings (`--stdin-filename` names standard input).
    var display: String { path.map(InputSource.clean) ?? InputSource.stdinName ?? "stdin" }

    /// `--stdin-filename`: the path standard input stands for (set once, before any input is read).
    nonisolated(unsafe) static var stdinName: String? = nil

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
    /// Standard input's bytes when they could not be decoded: `fix` passes them through to stdout, so a
    /// pipeline stage never drops a document.
    var unread: [UInt8]? = nil
    var description: String { message }
}

/// A file of a folder walk that turned out binary when read: skipped with a note, no error.
struct BinaryFile: Error {
    var note: String
}

enum Inputs {
    /// Expands paths (directories recursively, hidden entries skipped) into sources in a stable order.
    /// With `sniff`, binary files found in folders are dropped here (with a note); without, they are
    /// recognised when read (`read` throws `BinaryFile`), which spares opening every file twice.
    static func expand(_ paths: [String], sniff: Bool = true, errors: inout [String], notes: inout [String]) -> [InputSource] {
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
                errors.append(FileNames.undecodableArguments[p] ?? "\(p): no such file or directory")
                continue
            }
            if !isDir.boolValue {
                out.append(InputSource(path: p))
                continue
            }
            let base = p.hasSuffix("/") ? String(p.dropLast()) : p
            let errorsBefore = errors.count
            let found = walk(base, sniff: sniff, errors: &errors, notes: &notes)
            // A folder whose only file has a name mtfix cannot open is not "empty": its error says why.
            if found.isEmpty && errors.count == errorsBefore { notes.append(emptyFolderNote(p)) }
            // A walk follows no symbolic link, so a found file's real path is the folder's plus the rest.
            var real = canonical(p)
            if real == "/" { real = "" }
            for f in found {
                out.append(InputSource(path: f, real: real + Substring(f.utf8.dropFirst(base.utf8.count)), walkedFolder: sniff ? nil : p))
            }
        }
        // A file named twice (`mtfix diff Corpora .`) is processed once: twice would repeat its hunks
        // in one patch, which then fails to apply.
        var seen = Set<String>()
        return out.filter { s in
            guard let p = s.path else { return true }
            return seen.insert(s.real ?? canonical(p)).inserted
        }
    }

    /// The note for a folder given as an input with no text file in it.
    static func emptyFolderNote(_ folder: String) -> String { "\(InputSource.clean(folder)): no text files in this folder" }

    /// The path with symbolic links, `.` and `..` resolved (`realpath`), or the path itself when that fails.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The regular files under `root`, sorted; hidden entries (`.git`, `.mtfix.yml`) and symbolic links
    /// are skipped, as are binary files (with a note) with `sniff`. `readdir`'s entry types: FileManager's
    /// enumerator asked `stat` and the extended attributes of every file, a tenth of a run over a folder
    /// of articles.
    /// A name that is not UTF-8 is an error (see `FileNames`).
    private static func walk(_ root: String, sniff: Bool, errors: inout [String], notes: inout [String]) -> [String] {
        var files: [(path: String, binary: Bool)] = []
        var folders = [root]
        // One sniff buffer for the whole walk.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: sniffSize, alignment: 16)
        defer { buffer.deallocate() }
        while let folder = folders.popLast() {
            guard let dir = opendir(folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                var undecodable = false
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    let bytes = raw.prefix(while: { $0 != 0 })
                    // ASCII names (most) need no validation.
                    if bytes.contains(where: { $0 >= 0x80 }) && !FileNames.isUTF8(bytes) {
                        undecodable = true
                        return FileNames.escaped(bytes)
                    }
                    return String(decoding: bytes, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                if undecodable {
                    errors.append(FileNames.notUTF8(shown: InputSource.clean(folder + "/" + name)))
                    continue
                }
                let full = folder + "/" + name
                var type = Int(entry.pointee.d_type)
                if type == DT_UNKNOWN {
                    var st = stat()
                    guard lstat(full, &st) == 0 else { continue }
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? DT_DIR : (st.st_mode & S_IFMT) == S_IFREG ? DT_REG : DT_LNK
                }
                if type == DT_DIR {
                    folders.append(full)
                } else if type == DT_REG && !sniff {
                    files.append((full, false))
                } else if type == DT_REG {
                    // Opened relative to the open folder: the kernel looks up one name, not the whole path.
                    let fd = name.withCString { openat(dirfd(dir), $0, O_RDONLY | O_CLOEXEC) }
                    files.append((full, looksBinary(fd, buffer: buffer)))
                }
            }
        }
        files.sort { $0.path < $1.path }
        return files.compactMap { f in
            guard f.binary else { return f.path }
            notes.append("\(InputSource.clean(f.path)): skipped (binary file)")
            return nil
        }
    }

    /// How much of a file `looksBinary` reads (and `read` looks at for a walked file).
    static let sniffSize = 8192

    /// A NUL byte in the first 8 KiB of the open file `fd` (closed here) marks a binary file, as git and
    /// grep decide; a file that cannot be opened is not binary (its read reports the error). Plain
    /// `read`: this runs once per file of a walked folder, where FileHandle's objects cost more than the read.
    static func looksBinary(_ fd: Int32, buffer: UnsafeMutableRawPointer) -> Bool {
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let n = Glibc.read(fd, buffer, sniffSize)
        guard n > 0 else { return false }
        return memchr(buffer, 0, n) != nil
    }

    /// Calls `body` with a file's bytes, read with one `open` and as few `read`s as its size needs into
    /// a buffer that grows by doubling (FileManager's existence, directory and permission checks before
    /// `Data(contentsOf:)` were five system calls more per file, a tenth of a run over a folder of short
    /// articles; no `fstat` either: a folder shows as `EISDIR` on the first read).
    static func withFileBytes<T>(_ path: String, display: String, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        // withCString: the bridged argument copied the path into a fresh C string.
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let code = errno
            if code == EACCES { throw InputError(message: "\(display): permission denied (cannot read)") }
            throw InputError(message: "\(display): cannot read: \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var capacity = 32_768
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            if count == capacity {
                let grown = UnsafeMutableRawPointer.allocate(byteCount: 2 * capacity, alignment: 16)
                grown.copyMemory(from: buffer, byteCount: count)
                buffer.deallocate()
                buffer = grown
                capacity *= 2
            }
            let n = Glibc.read(fd, buffer + count, capacity - count)
            if n == 0 { break }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR { throw InputError(message: "\(display): is a directory") }
                throw InputError(message: "\(display): cannot read: \(String(cString: strerror(code)))")
            }
            count += n
        }
        return try body(UnsafeRawBufferPointer(start: buffer, count: count))
    }

    /// Offset of the first NUL byte. `memchr`: `Data.contains` walks a generic iterator byte by byte,
    /// which was a fifth of the time of `check` on a folder of short articles.
    static func firstNUL(_ raw: UnsafeRawBufferPointer) -> Int? {
        guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// Reads and decodes one input. Invalid UTF-8 is an error naming the byte offset unless `lossy`.
    static func read(_ source: InputSource, lossy: Bool) throws -> String {
        var note: String? = nil
        return try read(source, lossy: lossy, note: &note)
    }

    /// As `read(_:lossy:)`; with `lossy`, `note` says where bytes were replaced (nil when none were), so
    /// the text a user gets back never differs from the file without a word. A walked file not sniffed yet
    /// with a NUL byte in its first 8 KiB throws `BinaryFile`, as `looksBinary` would have skipped it.
    static func read(_ source: InputSource, lossy: Bool, note: inout String?) throws -> String {
        var replacedAt: Int? = nil
        func decode(_ raw: UnsafeRawBufferPointer) throws -> String {
            if source.walkedFolder != nil, firstNUL(UnsafeRawBufferPointer(rebasing: raw.prefix(sniffSize))) != nil {
                throw BinaryFile(note: "\(source.display): skipped (binary file)")
            }
            let unread = source.path == nil ? Array(raw) : nil
            if !lossy, let at = firstNUL(raw) {
                throw InputError(message: "\(source.display): NUL byte at byte offset \(at); not a text file", unread: unread)
            }
            switch UTF8Check.decode(raw) {
            case .success(let s): return s
            case .failure(let bad):
                if lossy {
                    replacedAt = bad.offset
                    return String(decoding: raw, as: UTF8.self)
                }
                throw InputError(
                    message: "\(source.display): invalid UTF-8 at byte offset \(bad.offset) (use --lossy to replace bad bytes with U+FFFD)",
                    unread: unread)
            }
        }
        let text =
            if let path = source.path {
                try withFileBytes(path, display: source.display, decode)
            } else {
                try FileHandle.standardInput.readDataToEndOfFile().withUnsafeBytes(decode)
            }
        if let at = replacedAt {
            note = "\(source.display): invalid UTF-8 from byte offset \(at) replaced with U+FFFD (--lossy)"
        }
        return text
    }
}
