import MTFixCore

/// Lint: a person given an office that contradicts how the document introduced them
/// (`Foreign Minister Irina Kovalenko` … `Prime Minister Kovarenko`). Format: the wrong title is deleted.
public struct TitleConflictDetector: Rule {
    public let descriptor: RuleDescriptor
    let names: NameOptions
    let titles: TitleOptions
    /// Name keys shared by every document this rule checks.
    let keyCache: NameKeyCache
    /// Word-list analysis of capitalized words (with their name keys), shared by every document this rule checks.
    let wordCache: NameWordCache
    /// Change markers (`now`, `became`), read in a titled mention's sentence.
    let currentMarkers: TitleMarkers
    /// The markers looked for right after a name: change, former and then markers in cased scripts; in CJK
    /// text, where the "words" after a name are whole clauses and `前`, `原` are common characters, change
    /// markers only.
    let markersAfter: TitleMarkers

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        titles = TitleOptions(options)
        var n = NameOptions(options)
        n.titleWords.formUnion(titles.titleWords)
        names = n
        keyCache = NameKeyCache(folds: n.keyFolds)
        wordCache = NameWordCache(keys: keyCache)
        markersAfter = TitleMarkers(
            n.script == .cased ? titles.currentMarkers + titles.formerMarkers + titles.thenMarkers : titles.currentMarkers)
        currentMarkers = TitleMarkers(titles.currentMarkers)
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let mentions = NameMentions(document, options: names, words: wordCache, vocabulary: false)
        guard mentions.chains.count > 1 else { return [] }
        let lower = TitleOptions.lower(document.utf16)
        let titled = TitleFinder(doc: document, names: mentions, options: titles, script: names.script, lower: lower).find()
        guard titled.count > 1 else { return [] }
        let keys = NameKeyMaker(shared: keyCache)
        var out: [Finding] = []
        for person in persons(titled, mentions, keys, document.utf16) {
            // A then-title (`Then-Vice President Joe Biden` … `President Biden`) says what the person was at the
            // time told: the current office is introduced by the first mention without such a marker.
            guard let introIndex = person.firstIndex(where: { !$0.bounded }) else { continue }
            let intro = person[introIndex]
            var offices: [String: Int] = [:]
            for m in person { offices[m.office, default: 0] += 1 }
            var wrong = person[(introIndex + 1)...].filter { m in
                // A title the story repeats for this person is its own claim, not a slip.
                m.direct && !m.former && !titles.mayHoldBoth(intro.office, m.office)
                    && offices.filter({ TitleOptions.compatible($0.key, m.office) }).values.reduce(0, +) == 1
            }
            if wrong.isEmpty || person.contains(where: { mentionsChange(document, lower, at: $0, mentions) }) { continue }
            // `Lammy, who became deputy prime minister in September,`: the words after any mention may say it too.
            if changeFollowsAMention(of: intro, lower, mentions, keys) { continue }
            // `Wollner, who was foreign minister from 2013 to 2017, …`: the story itself gives that office.
            wrong.removeAll { storyAttributes($0.office, to: intro, lower, mentions, keys) }
            for m in wrong {
                // The name as written (stems lose case endings: `Серг Лавр` for `Сергея Лаврова`).
                let members = mentions.chains[intro.chain].members
                let who = document.string(mentions.mentions[members.first!].range.lowerBound..<mentions.mentions[members.last!].range.upperBound)
                let introLine = mentions.chains[intro.chain].line + 1
                out.append(
                    Finding(
                        rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                        safety: m.reviewOnly || loneVariant(m, of: intro, mentions) ? .review : descriptor.safety,
                        message: "“\(m.title(in: document))” contradicts how the document introduced \(who) (“\(intro.title(in: document))”, line \(introLine))",
                        range: m.deletion, edits: [Edit(range: m.deletion, replacement: "")],
                        evidence: [
                            "person": who, "introduced_as": intro.title(in: document), "introduced_line": String(introLine),
                            "title": m.title(in: document),
                        ]))
            }
        }
        return out
    }

    /// Whether `t`'s surname is spelled unlike the intro's and written nowhere else (`Sen. Krane` beside
    /// `Gen. Dan Crane`): transliteration drift repeats itself, as one engine renders a name the same way
    /// each time, so a lone variant under another title may well be another person (review only).
    private func loneVariant(_ t: TitledMention, of intro: TitledMention, _ m: NameMentions) -> Bool {
        let surname = m.mentions[m.chains[t.chain].members.last!]
        guard !surname.hasSameStem(as: m.mentions[m.chains[intro.chain].members.last!]) else { return false }
        return m.mentions.lazy.filter { $0.hasSameStem(as: surname) }.count == 1
    }

    /// Titled mentions grouped by person, in text order. A later mention joins an earlier person when
    /// its surname spells the same name and any first names agree; one that fits two people joins none.
    /// People are bucketed by the surname's skeleton and compared by their distinct spellings only,
    /// so a long document stays near-linear.
    private func persons(_ titled: [TitledMention], _ m: NameMentions, _ keys: NameKeyMaker, _ u: [UInt16]) -> [[TitledMention]] {
        struct Person {
            var mentions: [TitledMention] = []
            var spellings: [(first: NameKey, last: NameKey, parts: Int)] = []
        }
        var people: [Person] = []
        // By the skeleton's hash: a bucket mixing skeletons (a collision) fits no one more, as `same` compares them.
        var bySurname: [Int: [Int]] = [:]
        func same(_ a: NameKey, _ b: NameKey) -> Bool { a == b || a.matches(b) }
        // The scan gave most mentions their key already.
        func key(_ k: Int) -> NameKey { m.mentions[k].key ?? keys.key(m.mentions[k].stem) }
        // Every surname written with a first name (or after a middle initial, `George W. Bush`, whose first
        // name the scan does not link), so that a bare surname is given to one person only when no other
        // person of that surname is named in the document (`Jeb Bush` and `George W. Bush`).
        var firstNames: [Int: [NameKey?]] = [:]
        // Read without copying the key when the scan knew it.
        func skeletonHash(_ k: Int) -> Int { m.mentions[k].knownSkeleton?.hash ?? key(k).skeletonHash }
        // Only titled people's surnames are looked up: other chains need not be listed (most of them).
        let wanted = titled.map { skeletonHash(m.chains[$0.chain].members.last!) }
        for chain in m.chains {
            let last = skeletonHash(chain.members.last!)
            guard wanted.contains(last) else { continue }
            if chain.members.count > 1 {
                firstNames[last, default: []].append(key(chain.members.first!))
            } else {
                let s = m.mentions[chain.members.first!].range.lowerBound
                if s >= 4, u[s - 1] == 0x20, u[s - 2] == 0x2E, UnitProperties.isUppercase(u[s - 3]), u[s - 4] == 0x20 {
                    firstNames[last, default: []].append(nil)
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
                    let root = names.stripCase(m.mentions[chain.members.last!].stem)
                    if roots.contains(root) { list[root, default: []].append(key(chain.members.first!)) }
                }
                byRoot = list
            }
            return byRoot![names.stripCase(m.mentions[k].stem)] ?? []
        }
        for t in titled {
            let members = m.chains[t.chain].members
            let first = key(members.first!)
            let last = key(members.last!)
            let fits = (bySurname[last.skeletonHash] ?? []).filter { p in
                people[p].spellings.contains { s in
                    same(s.last, last) && (s.parts < 2 || members.count < 2 || same(s.first, first))
                }
            }
            if fits.count > 1 { continue }
            if members.count == 1, let only = fits.first {
                let known = people[only].spellings.filter { $0.parts > 1 }.map(\.first)
                if !known.isEmpty {
                    let others = ((firstNames[last.skeletonHash] ?? []) + firstNamesByRoot(members.last!).map { $0 }).filter { f in
                        guard let f else { return true }
                        return !known.contains { same($0, f) }
                    }
                    if !others.isEmpty { continue }
                }
            }
            // The other way round, a full name joining a person known by a bare surname only (`ベルツ大統領` …
            // `アンナ・ベルズ知事`): when another first name goes with that surname (`カール・ベルツ`), the
            // bare one may be that person.
            if members.count > 1, let only = fits.first, people[only].spellings.allSatisfy({ $0.parts < 2 }) {
                let others = (firstNames[last.skeletonHash] ?? []).filter { f in f.map { !same($0, first) } ?? true }
                if !others.isEmpty { continue }
            }
            let p: Int
            if let only = fits.first {
                p = only
            } else {
                p = people.count
                people.append(Person())
                bySurname[last.skeletonHash, default: []].append(p)
            }
            people[p].mentions.append(t)
            if !people[p].spellings.contains(where: { $0.first == first && $0.last == last && $0.parts == members.count }) {
                people[p].spellings.append((first, last, members.count))
            }
        }
        return people.map(\.mentions).filter { $0.count > 1 }
    }

    /// Whether `units` holds `needle` somewhere.
    static func contains(_ units: ArraySlice<UInt16>, _ needle: [UInt16]) -> Bool {
        guard let first = needle.first, needle.count <= units.count else { return needle.isEmpty }
        var i = units.startIndex
        let last = units.endIndex - needle.count
        while i <= last {
            if units[i] == first && units[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Whether the sentence of a titled mention says the person changed office (`now`, `désormais`).
    private func mentionsChange(_ doc: Document, _ lower: [UInt16], at t: TitledMention, _ m: NameMentions) -> Bool {
        mentionsChange(doc, lower, at: m.mentions[m.chains[t.chain].members.lowerBound].range.lowerBound)
    }

    /// Whether a mention of the person of `intro` says they changed office or held another one: a change,
    /// former or then marker among the few words right after it (`Lammy, who became deputy prime
    /// minister`, `Costa, a former Portuguese prime minister`, `Rubio, then a senator`), in any chain
    /// whose surname spells the intro's. Only those words: elsewhere in the sentence a marker may be
    /// about something else (`Milei habló de una nueva etapa`).
    private func changeFollowsAMention(of intro: TitledMention, _ lower: [UInt16], _ m: NameMentions, _ keys: NameKeyMaker) -> Bool {
        guard !markersAfter.isEmpty else { return false }
        func key(_ k: Int) -> NameKey { m.mentions[k].key ?? keys.key(m.mentions[k].stem) }
        let surname = key(m.chains[intro.chain].members.last!)
        for chain in m.chains {
            // Equal and matching keys share a skeleton: most chains are ruled out by its hash, without their key.
            let k = chain.members.last!
            guard (m.mentions[k].knownSkeleton?.hash ?? key(k).skeletonHash) == surname.skeletonHash else { continue }
            let last = key(k)
            guard last == surname || last.matches(surname) else { continue }
            if changeFollows(lower, after: m.mentions[chain.members.last!].range.upperBound) { return true }
        }
        return false
    }

    /// Whether a change, former or then marker is one of the four words after `end`, within its sentence.
    private func changeFollows(_ lower: [UInt16], after end: Int) -> Bool {
        let words = TitleConflictDetector.words(lower, after: end, count: 4).map { TitleMarkers.word(lower[$0]) }
        // `Lamotte, ex-ministre des Armées`: a marker written onto the next word (`ex-`, `then-`) counts too.
        var set = Set(words)
        for w in words { if let h = w.firstIndex(of: "-") { set.insert(String(w[...h])) } }
        return markersAfter.held(words: set, text: markersAfter.substrings.isEmpty ? "" : words.joined(separator: " "))
    }

    /// Whether the sentence holding offset `at` says someone changed office (`now`, `became`, `désormais`).
    private func mentionsChange(_ doc: Document, _ lower: [UInt16], at: Int) -> Bool {
        guard !titles.currentMarkers.isEmpty else { return false }
        // A sentence lies inside its line: a line without any marker's units has no sentence holding one, and
        // the document's sentences need not be segmented.
        if let markers = titles.simpleMarkerUnits {
            let line = lower[doc.lines[doc.lineIndex(at: at)]]
            if titles.asciiMarkerUnits != nil || line.allSatisfy(TitleOptions.isSimpleUnit),
                markers.allSatisfy({ !TitleConflictDetector.contains(line, $0) })
            {
                return false
            }
        }
        guard let s = doc.sentence(containing: at) else { return false }
        // Markers in ASCII are found unit by unit first: a sentence without any of their units holds none of
        // them as a word or a substring either, and most sentences hold none.
        if let markers = titles.asciiMarkerUnits, markers.allSatisfy({ !TitleConflictDetector.contains(lower[s], $0) }) {
            return false
        }
        let text = String(decoding: lower[s], as: UTF16.self)
        let words = Set(text.split { !$0.isLetter && $0 != "-" }.map(String.init))
        return currentMarkers.held(words: words, text: text)
    }
}
