import Foundation

/// What a name detector's word lists say about one capitalized word, remembered across documents.
///
/// Splitting off possessives and case endings and looking the word up in the rule's lists are pure
/// functions of the spelling, but compare whole `Character`s, which is slow; capitalized words repeat
/// within and across documents, so each spelling is analysed once per rule (the cache is bounded).
final class NameWordCache: @unchecked Sendable {
    /// One capitalized word's analysis.
    struct Entry: Sendable {
        let stem: String
        let possessive: Bool
        /// Excluded by the word lists (a title, stopword or place).
        let listed: Bool
    }

    static let capacity = 50_000
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func entry(_ word: String, options: NameOptions) -> Entry {
        lock.lock()
        let hit = entries[word]
        lock.unlock()
        if let hit { return hit }
        var stem = word
        var possessive = false
        for p in options.possessives where stem.hasSuffix(p) && stem.count > p.count {
            stem.removeLast(p.count)
            possessive = true
            break
        }
        stem = options.stripCase(stem)
        let e = Entry(stem: stem, possessive: possessive, listed: options.isListed(stem) || options.isListed(word))
        lock.lock()
        if entries.count >= NameWordCache.capacity { entries.removeAll(keepingCapacity: true) }
        entries[word] = e
        lock.unlock()
        return e
    }
}
