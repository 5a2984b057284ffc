import Foundation

/// Replaces a file's contents atomically: a temporary file in the same folder, fsync, the original's
/// permissions, then rename. A crash leaves either the old file or the new one, never half of either.
enum AtomicFile {
    /// Throws the error `write` would give for a file mtfix may not replace (read-only, missing),
    /// so interactive commands can say so before asking anything.
    static func checkWritable(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { throw InputError(message: "\(path): cannot stat: \(String(cString: strerror(errno)))") }
        guard access(path, W_OK) == 0, st.st_mode & 0o222 != 0 else {
            throw InputError(message: "\(path): file is read-only; left unchanged")
        }
    }

    /// Where a symbolic link points (as written in the link), or nil for anything else. `lstat` first:
    /// asking FileManager built and threw an error object for every file that is not a link.
    static func linkDestination(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = buffer.withUnsafeMutableBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { readlink(path, $0.baseAddress!, $0.count - 1) }
        }
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n], as: UTF8.self)
    }

    /// Tests only: `MTFIX_TEST_WRITE_PAUSE_MS` holds each write between filling the temporary file and
    /// renaming it, so a test can interrupt `fix` exactly there.
    private static let testPause: UInt32? = ProcessInfo.processInfo.environment["MTFIX_TEST_WRITE_PAUSE_MS"]
        .flatMap { UInt32($0) }.map { $0 * 1000 }

    static func write(_ text: String, to path: String) throws {
        // Write through a symlink to its target rather than replacing the link.
        let target = linkDestination(path).map { dest -> String in
            dest.hasPrefix("/") ? dest : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dest)
        } ?? path
        var st = stat()
        guard stat(target, &st) == 0 else { throw InputError(message: "\(path): cannot stat: \(String(cString: strerror(errno)))") }
        // A file without write permission stays as it is, even for root: read-only means "do not touch".
        guard access(target, W_OK) == 0, st.st_mode & 0o222 != 0 else {
            throw InputError(message: "\(path): file is read-only; left unchanged")
        }
        let dir = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/.\(base).mtfix-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        TempFileCleanup.arm(tmp)
        defer { TempFileCleanup.disarm() }
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, st.st_mode & 0o7777)
        guard fd >= 0 else { throw InputError(message: "\(path): cannot create a temporary file in \(dir.isEmpty ? "." : dir): \(String(cString: strerror(errno))); left unchanged") }
        var ok = true
        var failure = ""
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    failure = String(cString: strerror(errno))
                    return
                }
                off += n
            }
        }
        if ok, let pause = testPause { usleep(pause) }
        if ok && fchmod(fd, st.st_mode & 0o7777) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        _ = fchown(fd, st.st_uid, st.st_gid)  // best effort: only root may give a file away
        if ok && fsync(fd) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        close(fd)
        if ok && rename(tmp, target) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        if !ok {
            unlink(tmp)
            throw InputError(message: "\(path): write failed: \(failure); left unchanged")
        }
    }
}
