import MTFixCore

/// Lint: a person given an office that contradicts how the document introduced them
/// (`Foreign Minister Irina Kovalenko` … `Prime Minister Kovarenko`). Format: the wrong title is deleted.
public struct TitleConflictDetector: Rule {
    public let descriptor: RuleDescriptor
    let names: NameOptions
    let titles: TitleOptions
    /// `titles` for the per-document title search (a reference, not a copy).
    let sharedTitles: SharedTitleOptions
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
    /// `titles.statementWords` as a filter (see `storyAttributes`).
    let statementFilter: LoweredWordFilter
    /// The finding's message in the rule's language (`message_template:`), with `{title}`, `{person}`,
    /// `{intro}` and `{line}` filled in.
    let messageTemplate: MessageTemplate

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        titles = TitleOptions(options)
        sharedTitles = SharedTitleOptions(titles)
        var n = NameOptions(options)
        n.titleWords.formUnion(titles.titleWords)
        names = n
        keyCache = NameKeyCache(folds: n.keyFolds)
        wordCache = NameWordCache(keys: keyCache)
        markersAfter = TitleMarkers(
            n.script == .cased ? titles.currentMarkers + titles.formerMarkers + titles.thenMarkers : titles.currentMarkers)
        currentMarkers = TitleMarkers(titles.currentMarkers)
        statementFilter = LoweredWordFilter(titles.statementWords)
        messageTemplate = MessageTemplate(
            options["message_template"]?.string
                ?? "“{title}” contradicts how the document introduced {person} (“{intro}”, line {line})")
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        var mentions = NameMentions(document, options: names, words: wordCache, vocabulary: false)
        // Mentions read their analyses through `mentions` (see `NameMention.analysis`): alive to the end.
        defer { withExtendedLifetime(mentions) {} }
        // `President Ferdinand Marcos Jr.` is a Marcos: a generational suffix is no surname, or a bare
        // `President Marcos` would join a sister introduced as `Sen. Imee Marcos` instead.
        if !titles.nameSuffixes.isEmpty {
            for c in mentions.chains.indices where mentions.chains[c].members.count > 1 {
                let last = mentions.chains[c].members.upperBound - 1
                if titles.nameSuffixes.contains(mentions.mentions[last].stem) {
                    mentions.chains[c].members = mentions.chains[c].members.lowerBound..<last
                }
            }
        }
        guard mentions.chains.count > 1 else { return [] }
        let lower = LoweredUnits(document.utf16)
        let titled = TitleFinder(doc: document, names: mentions, shared: sharedTitles, script: names.script, lower: lower).find()
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
            wrong.removeAll { storyAttributes($0, to: intro, document, lower, mentions, keys) }
            for m in wrong {
                // The name as written (stems lose case endings: `Серг Лавр` for `Сергея Лаврова`).
                let members = mentions.chains[intro.chain].members
                let who = document.string(mentions.mentions[members.first!].range.lowerBound..<mentions.mentions[members.last!].range.upperBound)
                let introLine = mentions.chains[intro.chain].line + 1
                out.append(
                    Finding(
                        rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                        safety: m.reviewOnly || loneVariant(m, of: intro, mentions) ? .review : descriptor.safety,
                        message: messageTemplate.fill([
                            "title": m.title(in: document), "person": who, "intro": intro.title(in: document),
                            "line": String(introLine),
                        ]),
                        range: m.deletion, edits: [Edit(range: m.deletion, replacement: titles.replacement)],
                        evidence: [
                            "person": who, "introduced_as": intro.title(in: document), "introduced_line": String(introLine),
                            "title": m.title(in: document),
                        ]))
            }
        }
        return out
    }

    /// Whether `units` holds `needle` somewhere.
    static func contains<C: RandomAccessCollection>(_ units: C, _ needle: [UInt16]) -> Bool where C.Element == UInt16, C.Index == Int {
        guard let first = needle.first, needle.count <= units.count else { return needle.isEmpty }
        var i = units.startIndex
        let last = units.endIndex - needle.count
        while i <= last {
            if units[i] == first && (1..<needle.count).allSatisfy({ units[i + $0] == needle[$0] }) { return true }
            i += 1
        }
        return false
    }

    /// Whether the sentence of a titled mention says the person changed office (`now`, `désormais`).
    private func mentionsChange(_ doc: Document, _ lower: LoweredUnits, at t: TitledMention, _ m: NameMentions) -> Bool {
        mentionsChange(doc, lower, at: m.mentions[m.chains[t.chain].members.lowerBound].range.lowerBound)
    }

    /// Whether a mention of the person of `intro` says they changed office or held another one: a change,
    /// former or then marker among the few words right after it (`Lammy, who became deputy prime
    /// minister`, `Costa, a former Portuguese prime minister`, `Rubio, then a senator`), in any chain
    /// whose surname spells the intro's. Only those words: elsewhere in the sentence a marker may be
    /// about something else (`Milei habló de una nueva etapa`).
    private func changeFollowsAMention(of intro: TitledMention, _ lower: LoweredUnits, _ m: NameMentions, _ keys: NameKeyMaker) -> Bool {
        guard !markersAfter.isEmpty else { return false }
        return somePersonChain(of: intro, m, keys) { changeFollows(lower, after: m.mentions[$0.members.last!].range.upperBound) }
    }

    /// Whether a change, former or then marker is one of the four words after `end`, within its sentence.
    private func changeFollows(_ lower: LoweredUnits, after end: Int) -> Bool {
        let ranges = TitleConflictDetector.words(lower, after: end, count: 4)
        for r in ranges {
            // `Lamotte, ex-ministre des Armées`: a marker written onto the next word (`ex-`, `then-`) counts too
            // (a word without a hyphen unit holds no hyphen character: no need to search its characters).
            let hyphened = r.contains(where: { lower[$0] == 0x2D })
            // Most words are no marker, which the filter tells without building their strings.
            guard hyphened || markersAfter.wordFilter.mayHold(r, in: lower) else { continue }
            let w = lower.string(r)
            if markersAfter.words.contains(w) { return true }
            if hyphened, let h = w.firstIndex(of: "-"), markersAfter.words.contains(String(w[...h])) { return true }
        }
        return markersAfter.heldInside(ranges, of: lower)
    }

    /// Whether the sentence holding offset `at` says someone changed office (`now`, `became`, `désormais`).
    private func mentionsChange(_ doc: Document, _ lower: LoweredUnits, at: Int) -> Bool {
        guard !titles.currentMarkers.isEmpty else { return false }
        // A sentence lies inside its line: a line without any marker's units has no sentence holding one, and
        // the document's sentences need not be segmented.
        if let markers = titles.simpleMarkerSearch {
            let line = lower[doc.lines[doc.lineIndex(at: at)]]
            if titles.asciiMarkerUnits != nil || line.allSatisfy(TitleOptions.isSimpleUnit), !markers.occurs(in: line) {
                return false
            }
        }
        guard let s = doc.sentence(containing: at) else { return false }
        // Markers in ASCII are found unit by unit first: a sentence without any of their units holds none of
        // them as a word or a substring either, and most sentences hold none.
        if titles.asciiMarkerUnits != nil, let markers = titles.simpleMarkerSearch, !markers.occurs(in: lower[s]) {
            return false
        }
        let text = lower.string(s)
        let words = Set(text.split { !$0.isLetter && $0 != "-" }.map(String.init))
        return currentMarkers.held(words: words, text: text)
    }
}
