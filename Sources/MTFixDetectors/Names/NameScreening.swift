extension NameClustering {
    /// The mentions that can be in a cluster (nil: none can, as no two spellings match), so most documents
    /// need no evidence gathered and the rest only for a few names. A mention is kept when its key's
    /// skeleton is shared by two matching spellings: `group` compares spellings only inside one skeleton,
    /// so the others never join a cluster, and keeping whole skeletons keeps `bucketCap` meaning the same.
    /// Without names-file entries only (those add spellings of their own).
    func clusterable(_ m: NameMentions) -> [Bool]? {
        let mentionKeys = m.mentions.map { $0.key ?? keys.key($0.stem) }
        // Mentions by the hash of their key's skeleton, in text order within one hash: sorting is cheaper
        // than a dictionary of arrays, and most hashes have one mention, which is never compared.
        var order: [(slot: Int, k: Int)] = []
        order.reserveCapacity(mentionKeys.count)
        for (k, key) in mentionKeys.enumerated() where !key.skeleton.isEmpty { order.append((key.skeletonHash, k)) }
        order.sort { $0.slot != $1.slot ? $0.slot < $1.slot : $0.k < $1.k }
        var keep: [Bool]? = nil
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && order[end].slot == order[start].slot { end += 1 }
            if end - start > 1 && matches(order[start..<end], mentionKeys, m) {
                if keep == nil { keep = [Bool](repeating: false, count: mentionKeys.count) }
                for e in order[start..<end] { keep![e.k] = true }
            }
            start = end
        }
        // A hash mixing skeletons (a collision) keeps a few more mentions, which changes nothing.
        return keep
    }

    /// Whether two different spellings among `group` (mentions of one skeleton hash, in text order) match
    /// and are not declensions of each other; each spelling is compared once, at its first mention.
    private func matches(_ group: ArraySlice<(slot: Int, k: Int)>, _ keys: [NameKey], _ m: NameMentions) -> Bool {
        var spellings: [Int] = []
        for (_, k) in group {
            var known = false
            for j in spellings where keys[k].matches(keys[j]) {
                if m.mentions[j].stem == m.mentions[k].stem {
                    known = true
                    break
                }
                if !options.isDeclension(m.mentions[k].stem, m.mentions[j].stem) { return true }
            }
            if !known { spellings.append(k) }
        }
        return false
    }
}
