import MTFixCore

/// The spellings of one name found in a document, and the one the evidence says is right.
struct NameCluster: Sendable {
    /// One spelling and what the document says about it.
    struct Member: Sendable {
        let stem: String
        let key: NameKey
        var mentions: [Int] = []
        /// Full-name mentions (`Irina Kovalenko`), a roll-call list (`From left: …`) counting half.
        var fullNameScore = 0.0
        var firstFullName: Int?
        var partnerKeys: [NameKey] = []
        var inHeadline = false
        /// Where this spelling has a full-name mention outside roll-call lists (offsets; their sentences are
        /// looked up only when two spellings of a cluster have full names, as segmenting sentences is costly).
        var proseFullNames: [Int] = []
        /// Spelled so in the desk's names file.
        var known = false
    }

    var members: [Member]
    var canonical: String
    var reason: String
    /// The reason as a kind (`names_file`, `full_name`, `headline`, `majority`) and its details (`text`,
    /// `line`, `count`, `total`), for a message in the rule's language; `reason` is the English form.
    var reasonKind = ""
    var reasonDetails: [String: String] = [:]
    var safety: Safety

    /// `Kovalenko×7, Kovarenko×5`, most frequent first.
    var summary: String {
        members.filter { !$0.mentions.isEmpty }.sorted { ($0.mentions.count, $1.stem) > ($1.mentions.count, $0.stem) }
            .map { "\($0.stem)×\($0.mentions.count)" }.joined(separator: ", ")
    }
}

/// A rule's `NameOptions` in a box, so a per-document `NameClustering` holds one reference: copying the
/// options' many arrays and sets into every document's clustering retained (and released) each of them.
final class SharedNameOptions: Sendable {
    let options: NameOptions

    init(_ options: NameOptions) {
        self.options = options
    }
}

/// Groups name mentions into clusters of confusable spellings and picks each cluster's canonical spelling.
struct NameClustering {
    let shared: SharedNameOptions
    let keys: NameKeyMaker
    var options: NameOptions { shared.options }
    /// Buckets larger than this are noise (very short skeletons); comparing inside them is skipped.
    static let bucketCap = 64

    /// `keep` (from `clusterable`) limits the work to the mentions that can be in a cluster.
    func clusters(_ doc: Document, _ m: NameMentions, knownNames: [String], keep: [Bool]? = nil) -> [NameCluster] {
        var byStem: [String: Int] = [:]
        var members: [NameCluster.Member] = []
        let placeKeys = keys.shared.placeKeys(options.places)
        let listLines = rollCallLines(m)
        let organizations = organizationStems(doc, m, keep)
        var stems: Set<String> = []
        for (k, mention) in m.mentions.enumerated() where keep?[k] ?? true { stems.insert(mention.stem) }
        // A member per distinct stem at most (known names come on top): room for them at once.
        members.reserveCapacity(stems.count)
        let common: Set<String> = options.script == .cased ? m.writtenLowercase(among: Set(stems.map { $0.lowercased() }), options: options) : []
        for (k, mention) in m.mentions.enumerated() {
            if let keep, !keep[k] { continue }
            if organizations.contains(mention.stem) { continue }
            let idx: Int
            if let i = byStem[mention.stem] {
                idx = i
            } else {
                if options.script == .cased && common.contains(mention.stem.lowercased()) { continue }
                let key = keyOf(m, k)
                if key.skeleton.isEmpty || placeKeys[key.skeleton]?.contains(where: { $0.matches(key) }) == true { continue }
                idx = members.count
                byStem[mention.stem] = idx
                members.append(NameCluster.Member(stem: mention.stem, key: key))
            }
            members[idx].mentions.append(k)
            if m.headline == mention.line { members[idx].inHeadline = true }
            let inList = listLines.contains(mention.line)
            // Partners: other parts of the mention's chain (the mention is one of its members).
            let hasPartners = m.chains[mention.chain].members.count > 1
            // Where every noun is capitalized, a chain's first word is often a job (`Meteorologin Katrin Möller`).
            let leading = options.capitalizedNouns && m.chains[mention.chain].members.last != k
            if hasPartners && !leading {
                members[idx].fullNameScore += inList ? 0.5 : 1
                if !inList { members[idx].proseFullNames.append(mention.range.lowerBound) }
                if members[idx].firstFullName == nil { members[idx].firstFullName = k }
                // The name part that tells people apart: the surname for a first name, the first name for a surname.
                let chain = m.chains[mention.chain].members
                let partner = chain.last == k ? k - 1 : chain.last!
                members[idx].partnerKeys.append(keyOf(m, partner))
            }
        }
        let realCount = members.count
        for name in knownNames {
            for part in name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "・" || $0 == "·" }) {
                let stem = String(part)
                if let i = byStem[stem] {
                    members[i].known = true
                } else if stem.count >= 2 {
                    byStem[stem] = members.count
                    members.append(NameCluster.Member(stem: stem, key: keys.key(stem), known: true))
                }
            }
        }
        return group(members, realCount: realCount, m).compactMap { decide($0, m, doc) }
    }

    /// Spellings linked by `NameKey.matches`, compared only inside skeleton buckets. Two spellings written
    /// in one full name (`Bielle-Biarrey`, `Pearce-Pierce`) are two parts of it, never one part misspelled.
    private func group(_ members: [NameCluster.Member], realCount: Int, _ m: NameMentions) -> [[NameCluster.Member]] {
        var parent = Array(members.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func chains(_ i: Int) -> Set<Int> {
            Set(members[i].mentions.compactMap { k in m.chains[m.mentions[k].chain].members.count > 1 ? m.mentions[k].chain : nil })
        }
        // Members ordered by skeleton, then index: each skeleton's bucket is a run of `ids`, in index order.
        // One array instead of a dictionary holding an array per skeleton (a bucket's unions touch no other
        // bucket, so the order buckets are visited in changes no group).
        let ids = members.indices.sorted { a, b in
            let x = members[a].key, y = members[b].key
            if x.skeletonHash != y.skeletonHash { return x.skeletonHash < y.skeletonHash }
            if x.skeleton != y.skeleton { return x.skeleton.lexicographicallyPrecedes(y.skeleton) }
            return a < b
        }
        var start = 0
        while start < ids.count {
            var end = start + 1
            while end < ids.count && members[ids[end]].key.skeleton == members[ids[start]].key.skeleton { end += 1 }
            defer { start = end }
            guard end - start > 1 && end - start <= NameClustering.bucketCap else { continue }
            for a in start..<end {
                for b in (a + 1)..<end
                where members[ids[a]].key.matches(members[ids[b]].key)
                    && !options.isDeclension(members[ids[a]].stem, members[ids[b]].stem)
                    && chains(ids[a]).isDisjoint(with: chains(ids[b]))
                {
                    parent[find(ids[a])] = find(ids[b])
                }
            }
        }
        var groups: [Int: [NameCluster.Member]] = [:]
        for i in members.indices { groups[find(i), default: []].append(members[i]) }
        return groups.values.filter { g in
            g.count > 1 && g.contains { !$0.mentions.isEmpty } && g.filter { !$0.mentions.isEmpty || $0.known }.count > 1
        }.sorted { ($0.first?.mentions.first ?? 0) < ($1.first?.mentions.first ?? 0) }
    }

    /// Picks the canonical spelling: the names file, then the full-name mention, the headline, the majority.
    private func decide(_ group: [NameCluster.Member], _ m: NameMentions, _ doc: Document) -> NameCluster? {
        let written = group.filter { !$0.mentions.isEmpty }
        // Two spellings each with its own, different first name are two people (`Jan Novak`, `Petr Nowak`).
        let full = written.filter { $0.fullNameScore > 0 }
        for a in full.indices {
            for b in full.indices where b > a {
                let shared = full[a].partnerKeys.contains { pa in full[b].partnerKeys.contains { pa.matches($0) || pa == $0 } }
                if !shared { return nil }
            }
        }
        // Two spellings introduced by full names in one prose sentence are two people sharing a first name
        // (`John Kerry and John Kelly testified`): drift does not write both spellings side by side. A variant
        // with its own full name elsewhere (`Zhang Weimin` for `Zhang Weiming`), or inside a roll-call caption,
        // is still drift.
        if full.count > 1 && NameClustering.shareLine(full.map(\.proseFullNames), doc) {
            let sentences = full.map { Set($0.proseFullNames.compactMap { doc.sentence(containing: $0)?.lowerBound }) }
            for a in full.indices {
                for b in full.indices where b > a && !sentences[a].isDisjoint(with: sentences[b]) { return nil }
            }
        }
        var cluster = NameCluster(members: group, canonical: "", reason: "", safety: .safe)
        // Whether the reason is a full-name mention (told here, not by reading the reason's text back).
        var byFullName = false
        let known = group.filter(\.known)
        if known.count == 1 {
            cluster.canonical = known[0].stem
            cluster.reason = "names file"
            cluster.reasonKind = "names_file"
        } else if known.count > 1 {
            return nil
        } else if let best = full.max(by: { better($1, than: $0) }) {
            cluster.canonical = best.stem
            let chain = m.chains[m.mentions[best.firstFullName!].chain]
            let text = doc.string(m.mentions[chain.members.first!].range.lowerBound..<m.mentions[chain.members.last!].range.upperBound)
            cluster.reason = "full-name mention “\(text)” (line \(chain.line + 1))"
            cluster.reasonKind = "full_name"
            cluster.reasonDetails = ["text": text, "line": String(chain.line + 1)]
            byFullName = true
        } else if written.filter(\.inHeadline).count == 1, let h = written.first(where: \.inHeadline) {
            cluster.canonical = h.stem
            cluster.reason = "headline"
            cluster.reasonKind = "headline"
        } else {
            let sorted = written.sorted { $0.mentions.count > $1.mentions.count }
            let top = sorted[0].mentions.count
            let second = sorted[1].mentions.count
            guard top > second, options.majorityEvidence else { return nil }
            cluster.canonical = sorted[0].stem
            let total = written.reduce(0) { $0 + $1.mentions.count }
            cluster.reason = "majority (\(top) of \(total))"
            cluster.reasonKind = "majority"
            cluster.reasonDetails = ["count": String(top), "total": String(total)]
            if top < 3 || top < 2 * second { cluster.safety = .review }
        }
        // A spelling known only as a first name (`Mohamed Salah`, `Phillip Schofield`) says nothing safe about
        // a lone variant elsewhere (`King Mohammed VI`, `Prince Philip`): people are named by surname, so a
        // lone first name is more likely someone else's.
        if byFullName, let canon = written.first(where: { $0.stem == cluster.canonical }),
            canon.mentions.allSatisfy({ k in
                let chain = m.chains[m.mentions[k].chain].members
                return chain.count > 1 && chain.last != k
            })
        {
            cluster.safety = .review
        }
        // Two spellings in one sentence are two people (`Stephen Miller attacked former special counsel
        // Mueller`): drift does not write both side by side. Only lines holding both are segmented. (A
        // names-file spelling is the desk's word and stays safe.)
        if cluster.reason != "names file", let canon = written.first(where: { $0.stem == cluster.canonical }) {
            let canonLines = Set(canon.mentions.map { m.mentions[$0].line })
            let near = written.filter { $0.stem != canon.stem }.flatMap(\.mentions).filter { canonLines.contains(m.mentions[$0].line) }
            if !near.isEmpty {
                let canonSentences = Set(canon.mentions.compactMap { doc.sentence(containing: m.mentions[$0].range.lowerBound)?.lowerBound })
                if near.contains(where: { k in doc.sentence(containing: m.mentions[k].range.lowerBound).map { canonSentences.contains($0.lowerBound) } ?? false }) {
                    cluster.safety = .review
                }
            }
        }
        // Real surnames differ by one doubled letter (`Philips`/`Phillips`, `Mathews`/`Matthews`): such a
        // variant is only repaired safely when the canonical spelling is also used more often.
        // The counts first, and the canonical spelling undoubled once: undoubling builds strings.
        if let canon = written.first(where: { $0.stem == cluster.canonical }) {
            var canonUndoubled: String? = nil
            if written.contains(where: { v in
                guard v.mentions.count >= canon.mentions.count, v.stem != canon.stem else { return false }
                if canonUndoubled == nil { canonUndoubled = NameClustering.undoubled(canon.stem) }
                return NameClustering.undoubled(v.stem) == canonUndoubled
            }) {
                cluster.safety = .review
            }
        }
        // A short name (`Jo`/`Cho`) is only repaired towards a full-name mention or the names file.
        let strong = byFullName || cluster.reason == "names file"
        cluster.members = group.filter { mem in
            mem.stem == cluster.canonical || mem.known || strong || mem.stem.count >= options.shortLength
        }
        guard cluster.members.contains(where: { $0.stem != cluster.canonical && !$0.mentions.isEmpty }) else { return nil }
        return cluster
    }

    /// Whether two of the offset lists have offsets on one line. A sentence never leaves its line, so lists
    /// sharing no line share no sentence, and the document's sentences need not be segmented.
    private static func shareLine(_ offsets: [[Int]], _ doc: Document) -> Bool {
        let lines = offsets.map { Set($0.map { doc.lineIndex(at: $0) }) }
        return lines.indices.contains { a in lines.indices.contains { b in b > a && !lines[a].isDisjoint(with: lines[b]) } }
    }

    /// Full-name evidence order: weighted count of full-name mentions, then the earlier introduction.
    private func better(_ a: NameCluster.Member, than b: NameCluster.Member) -> Bool {
        if a.fullNameScore != b.fullNameScore { return a.fullNameScore > b.fullNameScore }
        return (a.firstFullName ?? .max) < (b.firstFullName ?? .max)
    }

    /// The name key of mention `k`.
    private func keyOf(_ m: NameMentions, _ k: Int) -> NameKey { m.mentions[k].key ?? keys.key(m.mentions[k].stem) }

    /// Spellings the text itself calls a company or other body (`Philips, the Dutch electronics company,`):
    /// not a person's name, so never clustered with one (`Rep. Mike Phillips`).
    private func organizationStems(_ doc: Document, _ m: NameMentions, _ keep: [Bool]?) -> Set<String> {
        guard !options.organizationNouns.isEmpty else { return [] }
        let u = doc.utf16
        var out: Set<String> = []
        for (k, mention) in m.mentions.enumerated() where (keep?[k] ?? true) && !out.contains(mention.stem) {
            var i = mention.range.upperBound
            guard i + 2 < u.count, u[i] == 0x2C, u[i + 1] == 0x20 else { continue }
            i += 2
            // The appositive runs to the next comma or sentence end, at most a few words.
            var end = i
            while end < u.count, end - i < 80, u[end] != 0x2C, u[end] != 0x2E, u[end] != 0x3B, u[end] != 0x0A { end += 1 }
            guard end < u.count, end - i < 80 else { continue }
            let words = doc.string(i..<end).lowercased().split(separator: " ")
            // `the Dutch electronics company`, not `who heads the agency`: an article opens the appositive.
            guard let first = words.first, options.organizationArticles.contains(String(first)) else { continue }
            if let last = words.last, words.count >= 2, options.organizationNouns.contains(String(last)) { out.insert(mention.stem) }
        }
        return out
    }

    /// `word` lowercased with doubled letters written once (`Phillips` → `philips`).
    static func undoubled(_ word: String) -> String {
        var out = ""
        for c in word.lowercased() where out.last != c { out.append(c) }
        return out
    }

    /// Lines naming four or more people (`From left: A, B, C, D`): their full names are weaker evidence.
    private func rollCallLines(_ m: NameMentions) -> Set<Int> {
        // Chains come in text order, so a line's chains are consecutive and counted without a dictionary
        // (most documents have no such line: the set is then never allocated).
        var out: Set<Int> = []
        var line = -1
        var count = 0
        var ordered = true
        for c in m.chains where c.members.count >= 2 {
            if c.line < line {
                ordered = false
                break
            }
            if c.line != line {
                line = c.line
                count = 0
            }
            count += 1
            if count == 4 { out.insert(line) }
        }
        if ordered { return out }
        var perLine: [Int: Int] = [:]
        for c in m.chains where c.members.count >= 2 { perLine[c.line, default: 0] += 1 }
        return Set(perLine.filter { $0.value >= 4 }.keys)
    }
}
