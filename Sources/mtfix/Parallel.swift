import Foundation

/// Order-preserving parallel map over a bounded batch: `jobs` workers take items one at a time,
/// results land in the item's slot, so the output order (and bytes) never depend on `jobs`.
enum Parallel {
    static func map<T, R>(_ items: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        if jobs <= 1 || items.count <= 1 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let lock = NSLock()
        var next = 0
        withoutActuallyEscaping(transform) { work in
            DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
                while true {
                    lock.lock()
                    let k = next
                    next += 1
                    lock.unlock()
                    if k >= items.count { return }
                    // Each slot is written by exactly one worker.
                    results[k] = work(items[k])
                }
            }
        }
        let out = results.map { $0! }
        results.deinitialize()  // releases the stored results before deallocation
        return out
    }
}
