import MTFixCore

/// Who is who among a document's titled mentions: title-conflict compares titles only within one person.
extension TitleConflictDetector {
    /// Whether `t`'s surname is spelled unlike the intro's and written nowhere else (`Sen. Krane` beside
    /// `Gen. Dan Crane`): transliteration drift repeats itself, as one engine renders a name the same way
    /// each time, so a lone variant under another title may well be another person (review only).
    func loneVariant(_ t: TitledMention, of intro: TitledMention, _ m: NameMentions) -> Bool {
        let surname = m.mentions[m.chains[t.chain].members.last!]
        guard !surname.hasSameStem(as: m.mentions[m.chains[intro.chain].members.last!]) else { return false }
        return m.mentions.lazy.filter { $0.hasSameStem(as: surname) }.count == 1
    }

    /// Titled mentions grouped by person, in text order. A later mention joins an earlier person when
    /// its surname spells the same name and any first names agree; one that fits two people joins none.
    /// People are bucketed by the surname's skeleton and compared by their distinct spellings only,
    /// so a long document stays near-linear.
    func persons(_ titled: [TitledMention], _ m: NameMentions, _ keys: NameKeyMaker, _ u: [UInt16]) -> [[TitledMention]] {
        struct Person {
            var mentions: [TitledMention] = []
            var spellings: [(first: NameKey, last: NameKey, parts: Int)] = []
        }
        // A person per titled mention at most: room for all at once, not grown append by append.
        var people: [Person] = []
        people.reserveCapacity(titled.count)
        // By person, the hash of the surname's skeleton: a hash shared by two skeletons (a collision) fits no
        // one more, as `same` compares them. A list, not a dictionary of lists: a document titles few people.
        var surnameHashes: [Int] = []
        surnameHashes.reserveCapacity(titled.count)
        func same(_ a: NameKey, _ b: NameKey) -> Bool { a == b || a.matches(b) }
        // The scan gave most mentions their key already.
        func key(_ k: Int) -> NameKey { m.mentions[k].key ?? keys.key(m.mentions[k].stem) }
        // Every surname written with a first name (or after a middle initial, `George W. Bush`, whose first
        // name the scan does not link), so that a bare surname is given to one person only when no other
        // person of that surname is named in the document (`Jeb Bush` and `George W. Bush`).
        // (skeleton hash, first name) in text order, looked up by hash: few chains are listed.
        var firstNameList: [(hash: Int, first: NameKey?)] = []
        func firstNames(_ hash: Int) -> [NameKey?] { firstNameList.filter { $0.hash == hash }.map(\.first) }
        // Read without copying the key when the scan knew it.
        func skeletonHash(_ k: Int) -> Int { m.mentions[k].knownSkeleton?.hash ?? key(k).skeletonHash }
        // Only titled people's surnames are looked up: other chains need not be listed (most of them).
        let wanted = titled.map { skeletonHash(m.chains[$0.chain].members.last!) }
        for chain in m.chains {
            let last = skeletonHash(chain.members.last!)
            guard wanted.contains(last) else { continue }
            // Most titled surnames are written with a first name about once: room for that many at the first.
            if firstNameList.isEmpty { firstNameList.reserveCapacity(wanted.count) }
            if chain.members.count > 1 {
                firstNameList.append((last, key(chain.members.first!)))
            } else {
                let s = m.mentions[chain.members.first!].range.lowerBound
                if s >= 4, u[s - 1] == 0x20, u[s - 2] == 0x2E, UnitProperties.isUppercase(u[s - 3]), u[s - 4] == 0x20 {
                    firstNameList.append((last, nil))
                }
            }
        }
        // Where case endings are stripped once (`Петров` → `Петр`, `Петровым` → `Петров`), an inflected full
        // name (`с мэром Олегом Петровым`) is listed by its root too, so that it also makes a bare surname
        // ambiguous (stripping twice finds one root; it only ever holds a title back). Listed when first asked
        // (a bare surname joining a full-named person), as stripping costs string work.
        var byRoot: [String: [NameKey]]? = nil
        func firstNamesByRoot(_ k: Int) -> [NameKey] {
            guard !names.caseSuffixes.isEmpty else { return [] }
            if byRoot == nil {
                var list: [String: [NameKey]] = [:]
                let roots = Set(titled.map { names.stripCase(m.mentions[m.chains[$0.chain].members.last!].stem) })
                for chain in m.chains where chain.members.count > 1 {
                    // Only a stem that starts with a root can strip to it: most are ruled out by their units.
                    let stem = m.mentions[chain.members.last!].stem
                    guard roots.contains(where: { stem.utf16.starts(with: $0.utf16) }) else { continue }
                    let root = names.stripCase(stem)
                    if roots.contains(root) { list[root, default: []].append(key(chain.members.first!)) }
                }
                byRoot = list
            }
            return byRoot![names.stripCase(m.mentions[k].stem)] ?? []
        }
        // First parts of full names (`Kim` in `Kim Sung-han`, `Kim Min-seok`): where names are written surname
        // first, a bare `Foreign Minister Kim` may be any of them, and says nothing about who holds what.
        let leadingParts = Set(
            m.chains.lazy.filter { $0.members.count > 1 && wanted.contains(skeletonHash($0.members.first!)) }
                .map { skeletonHash($0.members.first!) })
        for t in titled {
            let members = m.chains[t.chain].members
            if members.count == 1 && leadingParts.contains(skeletonHash(members.first!)) { continue }
            let first = key(members.first!)
            let last = key(members.last!)
            // The first person the mention fits, and whether a second one does (counted, not listed: no array).
            var firstFit: Int? = nil
            var fitsTwo = false
            for p in people.indices where surnameHashes[p] == last.skeletonHash {
                guard people[p].spellings.contains(where: { s in
                    same(s.last, last) && (s.parts < 2 || members.count < 2 || same(s.first, first))
                }) else { continue }
                if firstFit != nil {
                    fitsTwo = true
                    break
                }
                firstFit = p
            }
            if fitsTwo { continue }
            if members.count == 1, let only = firstFit {
                let known = people[only].spellings.filter { $0.parts > 1 }.map(\.first)
                if !known.isEmpty {
                    let others = (firstNames(last.skeletonHash) + firstNamesByRoot(members.last!).map { $0 }).filter { f in
                        guard let f else { return true }
                        return !known.contains { same($0, f) }
                    }
                    if !others.isEmpty { continue }
                }
            }
            // The other way round, a full name joining a person known by a bare surname only (`ベルツ大統領` …
            // `アンナ・ベルズ知事`): when another first name goes with that surname (`カール・ベルツ`), the
            // bare one may be that person.
            if members.count > 1, let only = firstFit, people[only].spellings.allSatisfy({ $0.parts < 2 }) {
                let others = firstNames(last.skeletonHash).filter { f in f.map { !same($0, first) } ?? true }
                if !others.isEmpty { continue }
            }
            let p: Int
            if let only = firstFit {
                p = only
            } else {
                p = people.count
                // Most titled people are named a few times, in a spelling or two: room for that at once (grown
                // append by append, the mentions were reallocated at the second and third).
                var person = Person()
                person.mentions.reserveCapacity(4)
                person.spellings.reserveCapacity(2)
                people.append(person)
                surnameHashes.append(last.skeletonHash)
            }
            people[p].mentions.append(t)
            if !people[p].spellings.contains(where: { $0.first == first && $0.last == last && $0.parts == members.count }) {
                people[p].spellings.append((first, last, members.count))
            }
        }
        return people.map(\.mentions).filter { $0.count > 1 }
    }
}
