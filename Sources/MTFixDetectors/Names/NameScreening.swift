extension NameClustering {
    /// The mentions that can be in a cluster (nil: none can, as no two spellings match), so most documents
    /// need no evidence gathered and the rest only for a few names. A mention is kept when its key's
    /// skeleton is shared by two matching spellings: `group` compares spellings only inside one skeleton,
    /// so the others never join a cluster, and keeping whole skeletons keeps `bucketCap` meaning the same.
    /// Without names-file entries only (those add spellings of their own).
    func clusterable(_ m: NameMentions) -> [Bool]? {
        // Spellings seen so far (mention indices), by a hash of their key's skeleton.
        var buckets: [Int: [Int]] = [:]
        buckets.reserveCapacity(m.mentions.count)
        var slots: [Int] = []
        slots.reserveCapacity(m.mentions.count)
        var matched: Set<Int> = []
        let mentionKeys = m.mentions.map { $0.key ?? keys.key($0.stem) }
        for (k, mention) in m.mentions.enumerated() {
            let key = mentionKeys[k]
            guard !key.skeleton.isEmpty else {
                slots.append(0)
                continue
            }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for c in key.skeleton { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
            let slot = Int(truncatingIfNeeded: h)
            slots.append(slot)
            var known = false
            for j in buckets[slot] ?? [] where key.matches(mentionKeys[j]) {
                if m.mentions[j].stem == mention.stem {
                    known = true
                    break
                }
                if !options.isDeclension(mention.stem, m.mentions[j].stem) { matched.insert(slot) }
            }
            if !known { buckets[slot, default: []].append(k) }
        }
        // A slot mixing skeletons (a hash collision) keeps a few more mentions, which changes nothing.
        return matched.isEmpty ? nil : slots.map { matched.contains($0) }
    }
}
