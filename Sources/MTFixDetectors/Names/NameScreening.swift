extension NameClustering {
    /// The mentions that can be in a cluster (nil: none can, as no two spellings match), so most documents
    /// need no evidence gathered and the rest only for a few names. A mention is kept when its key's
    /// skeleton is shared by two matching spellings: `group` compares spellings only inside one skeleton,
    /// so the others never join a cluster, and keeping whole skeletons keeps `bucketCap` meaning the same.
    /// Without names-file entries only (those add spellings of their own).
    func clusterable(_ m: NameMentions) -> [Bool]? {
        let n = m.mentions.count
        guard n > 1 else { return nil }
        // Mentions grouped by the hash of their key's skeleton in an open-addressing table: most hashes have
        // one mention, which is never compared. (Sorting (hash, index) pairs and copying every key cost more.)
        var size = 16
        while size < n * 2 { size <<= 1 }
        let mask = size - 1
        // One buffer for the table and, by mention, the next one of its hash (so a group's mentions are
        // walked in text order): `table[i]` is `slots[i]`, `next[k]` is `slots[size + k]`.
        var slots = [Int32](repeating: -1, count: size + n)
        // By group (hash): the hash, its first and last mention and how many it has, in one list (four
        // lists were four allocations for every document).
        var groups: [(hash: Int, first: Int32, last: Int32, size: Int32)] = []
        groups.reserveCapacity(n)
        var shared = false
        for k in 0..<n {
            let empty: Bool
            let h: Int
            if let known = m.mentions[k].knownSkeleton {
                empty = known.isEmpty
                h = known.hash
            } else {
                let key = keys.key(m.mentions[k].stem)
                empty = key.skeleton.isEmpty
                h = key.skeletonHash
            }
            if empty { continue }
            var i = (h ^ (h >> 29)) & mask
            while slots[i] >= 0 && groups[Int(slots[i])].hash != h { i = (i + 1) & mask }
            if slots[i] < 0 {
                slots[i] = Int32(groups.count)
                groups.append((h, Int32(k), Int32(k), 1))
                continue
            }
            let g = Int(slots[i])
            slots[size + Int(groups[g].last)] = Int32(k)
            groups[g].last = Int32(k)
            groups[g].size += 1
            shared = true
        }
        guard shared else { return nil }
        var keep: [Bool]? = nil
        // Room for the largest group at once: growing it append by append showed in profiles.
        var group: [Int] = []
        group.reserveCapacity(Int(groups.lazy.map(\.size).max() ?? 0))
        for g in groups where g.size > 1 {
            group.removeAll(keepingCapacity: true)
            var k = g.first
            while k >= 0 {
                group.append(Int(k))
                k = slots[size + Int(k)]
            }
            guard matches(group, m) else { continue }
            if keep == nil { keep = [Bool](repeating: false, count: n) }
            for k in group { keep![k] = true }
        }
        // A hash mixing skeletons (a collision) keeps a few more mentions, which changes nothing.
        return keep
    }

    /// Whether two different spellings among `group` (mentions of one skeleton hash, in text order) match
    /// and are not declensions of each other; each spelling is compared once, at its first mention.
    private func matches(_ group: [Int], _ m: NameMentions) -> Bool {
        // Most groups are one spelling written several times: nothing to compare, and nothing to allocate.
        let first = m.mentions[group[0]]
        guard group.dropFirst().contains(where: { !m.mentions[$0].hasSameStem(as: first) }) else { return false }
        // Keys are made only for spellings compared with a different one; most mentions repeat a spelling.
        var keys = [NameKey?](repeating: nil, count: group.count)
        func key(_ x: Int) -> NameKey {
            if let k = keys[x] { return k }
            let k = m.mentions[group[x]].key ?? self.keys.key(m.mentions[group[x]].stem)
            keys[x] = k
            return k
        }
        // Positions in `group` and mention indices of the spellings met so far.
        var spellings: [(Int, Int)] = []
        spellings.reserveCapacity(group.count)
        for (x, k) in group.enumerated() {
            var known = false
            for (y, j) in spellings {
                // One spelling has one key, which matches itself: the stems are compared first.
                if m.mentions[j].hasSameStem(as: m.mentions[k]) {
                    known = true
                    break
                }
                guard key(x).matches(key(y)) else { continue }
                if !options.isDeclension(m.mentions[k].stem, m.mentions[j].stem) { return true }
            }
            if !known { spellings.append((x, k)) }
        }
        return false
    }
}
