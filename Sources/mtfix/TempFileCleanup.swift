import Foundation
import Synchronization

/// Removes the temporary file of an atomic write in progress when SIGINT or SIGTERM ends the run, so an
/// interrupted `fix` leaves no `.NAME.mtfix-PID-RAND` behind (the original is untouched: the rename
/// has not happened). The path is prepared before the file is created; the handler only calls
/// `unlink` on it, restores the default action and raises the signal again (both async-signal-safe),
/// so the exit status still says which signal ended the process.
enum TempFileCleanup {
    /// The temporary file's path as a C string, valid while `armed` is true. Writes happen on one
    /// thread (the one that writes files); the handler only reads it.
    fileprivate static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    fileprivate static let armed = Atomic<Bool>(false)
    private static let installed: Void = {
        // Touch both statics here: their lazy initialisation is not async-signal-safe.
        path[0] = 0
        armed.store(false, ordering: .sequentiallyConsistent)
        for sig in [SIGINT, SIGTERM] {
            var old = sigaction()
            sigaction(sig, nil, &old)
            // A signal the caller ignores (`nohup`, a background job) stays ignored.
            if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeAndReraise
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }()

    /// Marks `tmp` as the file to remove on a signal (call before creating it).
    static func arm(_ tmp: String) {
        _ = installed
        let bytes = Array(tmp.utf8)
        guard bytes.count <= Int(PATH_MAX) else { return }
        armed.store(false, ordering: .sequentiallyConsistent)
        for (i, b) in bytes.enumerated() { path[i] = CChar(bitPattern: b) }
        path[bytes.count] = 0
        armed.store(true, ordering: .sequentiallyConsistent)
    }

    /// The temporary file is gone (renamed or removed): nothing to clean up.
    static func disarm() {
        armed.store(false, ordering: .sequentiallyConsistent)
    }
}

/// The signal handler: unlink the armed temporary file, then let the signal do what it would have done.
private func removeAndReraise(_ sig: Int32) {
    if TempFileCleanup.armed.load(ordering: .sequentiallyConsistent) { unlink(TempFileCleanup.path) }
    signal(sig, SIG_DFL)
    raise(sig)
}
