import Foundation
import MTFixICU

/// Name keys shared by every document one detector checks, safe to use from several threads at once.
///
/// Building a key can mean ICU transliteration, and opening a transliterator compiles its rules: both
/// cost far more than the rest of a name detector's work on a document. Keys depend only on the spelling
/// and the rule's folds, so they are computed once per spelling for the whole run (the cache is bounded),
/// and transliterators are pooled instead of opened per document.
final class NameKeyCache: @unchecked Sendable {
    /// Past this many spellings the cache starts over, so memory stays flat on an endless stream.
    static let capacity = 50_000

    let folds: [(String, String)]
    private let lock = NSLock()
    private var keys: [String: NameKey] = [:]
    private var placeKeys: [[UInt8]: [NameKey]]?
    /// Transliterators for every rule, so a run opens at most one per thread, not one per rule.
    private static let pool = TransliteratorPool()

    init(folds: [(String, String)]) {
        self.folds = folds
    }

    func key(_ surface: String) -> NameKey {
        lock.lock()
        let hit = keys[surface]
        lock.unlock()
        if let hit { return hit }
        let k = make(surface)
        lock.lock()
        if keys.count >= NameKeyCache.capacity { keys.removeAll(keepingCapacity: true) }
        keys[surface] = k
        lock.unlock()
        return k
    }

    /// The keys of the rule's places, by skeleton: computed on first use, then shared.
    func placeKeys(_ places: Set<String>) -> [[UInt8]: [NameKey]] {
        lock.lock()
        let known = placeKeys
        lock.unlock()
        if let known { return known }
        var out: [[UInt8]: [NameKey]] = [:]
        for p in places {
            let k = key(p)
            out[k.skeleton, default: []].append(k)
        }
        lock.lock()
        placeKeys = out
        lock.unlock()
        return out
    }

    private func make(_ surface: String) -> NameKey {
        var s = surface
        for (from, to) in folds where s.contains(from) { s = s.replacingAll(from, with: to) }
        // Folded straight from the string's UTF-8: no intermediate array.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return NameKey(folded: NameKey.fold(ascii: s.utf8)) }
        if let read = HanReadings.bundled.transliterate(s) {
            // Chinese names: the table gives ICU's letters without compiling its Han-Latin rules.
            return NameKey(folded: NameKey.fold(ascii: read))
        }
        return NameKey(folded: NameKey.fold(ascii: transliterate(s).utf8))
    }

    /// `Any-Latin; Latin-ASCII` with a pooled transliterator (one is not thread-safe; opening one is slow).
    private func transliterate(_ s: String) -> String {
        NameKeyCache.pool.transliterate(s)
    }
}

/// One `Any-Latin; Latin-ASCII` transliterator for the whole process, used by one caller at a time.
///
/// Its first use of a script compiles that script's rules (Han-Latin alone takes about 0.1 s of CPU: common
/// Han characters are read from `HanReadings` instead), and
/// a transliterator is not thread-safe; calls are rare (keys are cached per spelling), so one shared
/// instance under a lock costs less than compiling the same rules again in every thread.
final class TransliteratorPool: @unchecked Sendable {
    private let lock = NSLock()
    private var shared: Transliterator?
    private var failed = false

    func transliterate(_ s: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if shared == nil && !failed {
            shared = try? Transliterator("Any-Latin; Latin-ASCII")
            failed = shared == nil
        }
        return shared?.transliterate(s) ?? s
    }
}
