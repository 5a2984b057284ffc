import Foundation

/// Where a run spends its time, per rule and per engine step: set `MTFIX_PROFILE=1` and a table of
/// thread CPU time (and call counts) is printed on stderr when the process exits. Costs nothing when
/// unset (one flag test per rule call). Used to find what to speed up; `scripts/bench` prints it.
public enum Profile {
    public static let enabled = ProcessInfo.processInfo.environment["MTFIX_PROFILE"].map { !$0.isEmpty && $0 != "0" } ?? false

    /// Thread CPU time in seconds.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body`, charging its CPU time to `key` when profiling.
    @inline(__always)
    public static func measure<T>(_ key: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = now()
        defer { totals.add(key(), seconds: now() - start) }
        return try body()
    }

    /// Counts an event (no time), e.g. an edit applied by a rule.
    public static func count(_ key: @autoclosure () -> String, _ n: Int = 1) {
        if enabled { totals.add(key(), seconds: 0, calls: n, countOnly: true) }
    }

    /// Prints the timings (slowest first), then the counted events, on stderr.
    public static func report() {
        let all = totals.snapshot()
        let timed = all.filter { !$0.value.countOnly }.sorted {
            $0.value.seconds != $1.value.seconds ? $0.value.seconds > $1.value.seconds : $0.key < $1.key
        }
        var out = "mtfix profile (thread CPU ms, calls):\n"
        for (key, v) in timed { out += String(format: "%10.1f %9d  ", v.seconds * 1000, v.calls) + key + "\n" }
        let counted = all.filter(\.value.countOnly).sorted { $0.key < $1.key }
        if !counted.isEmpty {
            out += "mtfix profile (counts):\n"
            for (key, v) in counted { out += String(format: "%10d  ", v.calls) + key + "\n" }
        }
        FileHandle.standardError.write(Data(out.utf8))
    }

    private static let totals = Totals()

    private final class Totals: @unchecked Sendable {
        struct Entry {
            var seconds = 0.0
            var calls = 0
            var countOnly = false
        }
        private let lock = NSLock()
        private var entries: [String: Entry] = [:]

        func add(_ key: String, seconds: Double, calls: Int = 1, countOnly: Bool = false) {
            lock.lock()
            entries[key, default: Entry(countOnly: countOnly)].seconds += seconds
            entries[key, default: Entry(countOnly: countOnly)].calls += calls
            lock.unlock()
        }

        func snapshot() -> [String: Entry] {
            lock.lock()
            defer { lock.unlock() }
            return entries
        }
    }
}
