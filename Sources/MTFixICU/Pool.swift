import Foundation

/// A small thread-safe pool of non-thread-safe ICU objects (break iterators, regex clones), so that
/// each document reuses an opened object instead of paying for `open` again.
final class Pool<Object>: @unchecked Sendable {
    private var free: [Object] = []
    private let lock = NSLock()
    private let make: () throws -> Object

    init(make: @escaping () throws -> Object) { self.make = make }

    func withObject<R>(_ body: (Object) throws -> R) throws -> R {
        lock.lock()
        let object = free.popLast()
        lock.unlock()
        let o = try object ?? make()
        defer {
            lock.lock()
            if free.count < 64 { free.append(o) }
            lock.unlock()
        }
        return try body(o)
    }
}
