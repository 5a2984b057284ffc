import MTFixCore

/// The story's own words about a person's offices: a title that contradicts the introduction is no slip when
/// the text says the person holds or held that office (`Wollner, who was foreign minister from 2013`,
/// `Громов был премьер-министром`, `Il a été nommé Premier ministre`).
extension TitleConflictDetector {
    /// Whether the text says someone of the intro's surname holds or held `title`'s office: a predicate marker
    /// (`was`, `is`, `был`, `wurde`) or a change marker among the three words after a mention, followed
    /// within four words by a form of the office that titles no one else. A change marker says it
    /// anywhere between the intro and the title (`Il a été nommé Premier ministre mardi`: the subject may
    /// be a pronoun). Cased scripts only:
    /// in CJK text the words after a name are whole clauses.
    func storyAttributes(
        _ title: TitledMention, to intro: TitledMention, _ document: Document, _ lower: LoweredUnits,
        _ m: NameMentions, _ keys: NameKeyMaker
    ) -> Bool {
        let office = title.office
        guard names.script == .cased else { return runAttributes(office, to: intro, lower, m, keys) }
        let markers = titles.statementWords
        guard !markers.isEmpty else { return false }
        let stated = somePersonChain(of: intro, m, keys) { chain in
            let words = TitleConflictDetector.words(
                lower, after: m.mentions[chain.members.last!].range.upperBound, count: 12)
            // Past an apposition too (`Lott, the nation's top law officer, was previously a judge`).
            // Most words are no marker, which the filter tells without building their strings.
            for (i, w) in words.prefix(8).enumerated() where statementFilter.mayHold(w, in: lower) && markers.contains(lower.string(w)) {
                if namesOffice(office, in: words[(i + 1)...].prefix(4), lower, m) { return true }
            }
            // The marker before the name where the verb comes second (`Zuvor war Kling Finanzminister`).
            let start = m.mentions[chain.members.first!].range.lowerBound
            if TitleConflictDetector.words(lower, before: start, count: 2).contains(where: {
                statementFilter.mayHold($0, in: lower) && markers.contains(lower.string($0))
            }), namesOffice(office, in: words.prefix(4)[...], lower, m) {
                return true
            }
            return frontedOffice(office, before: start, lower, m)
        }
        if stated { return true }
        // Change markers, as whole words, in the lines from the intro to the title (the story tells the change
        // before it uses the new title): one pass over their words.
        let change = titles.changeWordUnits
        guard !change.isEmpty else { return false }
        let lines = document.lines
        var i = lines[m.chains[intro.chain].line].lowerBound
        let limit = min(lower.count, lines[document.lineIndex(at: title.deletion.lowerBound)].upperBound)
        while i < limit {
            guard UnitProperties.isAlphabetic(lower[i]) else {
                i += 1
                continue
            }
            var e = i + 1
            while e < limit && UnitProperties.isAlphabetic(lower[e]) { e += 1 }
            if change.contains(where: { $0.count == e - i && lower.matches($0, at: i) }),
                namesOffice(office, in: TitleConflictDetector.words(lower, after: e, count: 4)[...], lower, m)
            {
                return true
            }
            i = e
        }
        return false
    }

    /// Whether `test` holds for one of the chains whose surname spells the intro's, tried in text order up to
    /// the first that passes (equal or matching keys share a skeleton: most chains are ruled out by its hash,
    /// without their key). The chains are visited, not listed: this runs for every intro, and most find one.
    func somePersonChain(
        of intro: TitledMention, _ m: NameMentions, _ keys: NameKeyMaker, where test: (NameChain) -> Bool
    ) -> Bool {
        func key(_ k: Int) -> NameKey { m.mentions[k].key ?? keys.key(m.mentions[k].stem) }
        let surname = key(m.chains[intro.chain].members.last!)
        for chain in m.chains {
            let k = chain.members.last!
            guard (m.mentions[k].knownSkeleton?.hash ?? key(k).skeletonHash) == surname.skeletonHash else { continue }
            let last = key(k)
            if (last == surname || last.matches(surname)) && test(chain) { return true }
        }
        return false
    }

    /// `storyAttributes` where no space separates words (Japanese, Chinese): a predicate marker (`担任`,
    /// `務め`) and a form of the office in the clause after a mention of the person (`沃尔科娃此前担任外长`,
    /// `ベルツ氏は2010年から首相を務めた`).
    private func runAttributes(
        _ office: String, to intro: TitledMention, _ lower: LoweredUnits, _ m: NameMentions, _ keys: NameKeyMaker
    ) -> Bool {
        let markers = titles.predicateMarkers.map { Array($0.utf16) }
        guard !markers.isEmpty else { return false }
        let forms = titles.forms.filter { !$0.units.isEmpty && TitleOptions.compatible($0.office, office) }
        return somePersonChain(of: intro, m, keys) { chain in
            let start = m.mentions[chain.members.last!].range.upperBound
            var end = start
            while end < min(lower.count, start + 40) && !NarrativeText.isTerminator(lower[end]) && lower[end] != 0x0A {
                end += 1
            }
            let clause = lower[start..<end]
            return markers.contains(where: { TitleConflictDetector.contains(clause, $0) })
                && forms.contains(where: { TitleConflictDetector.contains(clause, $0.units) })
        }
    }

    /// Whether the clause before `start` (past `, `) opens with the office, or a capacity marker and the
    /// office, and names no one (`As foreign minister, Kling had …`, `Ministre des Armées de 2017 à 2022,
    /// Lamotte …`).
    private func frontedOffice(_ office: String, before start: Int, _ lower: LoweredUnits, _ m: NameMentions) -> Bool {
        guard start >= 2, lower[start - 1] == 0x20, lower[start - 2] == 0x2C else { return false }
        let comma = start - 2
        var s = comma
        while s > 0 && comma - s < 120 {
            let c = lower[s - 1]
            if NarrativeText.isTerminator(c) || c == 0x0A || c == 0x2C { break }
            s -= 1
        }
        var clause = TitleConflictDetector.words(lower, after: s, count: 2)
        guard let first = clause.first, first.upperBound <= comma else { return false }
        if titles.capacityMarkers.contains(lower.string(first)) { clause.removeFirst() }
        guard let w = clause.first, w.upperBound <= comma, let (form, end) = formStarting(at: w.lowerBound, lower),
            TitleOptions.compatible(form.office, office)
        else { return false }
        // `As Prime Minister Ana Lott, …` or `The prime minister, Ben Ortiz, …` name someone else.
        return !m.mentions.contains { $0.range.lowerBound >= end && $0.range.upperBound <= comma }
    }

    /// Whether the first title form starting at one of `words` (the longest there: `deputy prime minister`,
    /// not `prime minister`) is of `office` and titles no one else (`… by Prime Minister Ana Lott`, `the
    /// prime minister’s aide`).
    private func namesOffice(
        _ office: String, in words: ArraySlice<Range<Int>>, _ lower: LoweredUnits,
        _ m: NameMentions
    ) -> Bool {
        for w in words {
            guard let (form, end) = formStarting(at: w.lowerBound, lower) else { continue }
            var k = end
            if k < lower.count && (lower[k] == 0x2019 || lower[k] == 0x27) { return false }
            while k < lower.count && lower[k] == 0x20 { k += 1 }
            if k > end && m.mentions.contains(where: { $0.range.lowerBound == k }) { return false }
            return TitleOptions.compatible(form.office, office)
        }
        return false
    }

    /// The longest title form starting at `s`, with up to `inflection` letters after it, ending on a word boundary.
    private func formStarting(at s: Int, _ lower: LoweredUnits) -> (TitleOptions.Form, Int)? {
        for form in titles.forms where !form.units.isEmpty && s + form.units.count <= lower.count {
            guard lower.matches(form.units, at: s) else { continue }
            var e = s + form.units.count
            let limit = min(lower.count, e + titles.inflection)
            while e < limit && UnitProperties.isAlphabetic(lower[e]) { e += 1 }
            if e < lower.count && UnitProperties.isAlphabetic(lower[e])
                && UnitProperties.isAlphabetic(form.units.last!)
            {
                continue
            }
            return (form, e)
        }
        return nil
    }

    /// The last `count` words (letters and inner hyphens) before `start`, within its sentence and line,
    /// nearest first.
    static func words(_ lower: LoweredUnits, before start: Int, count: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = start
        let limit = max(0, start - 20 * count)
        while i > limit && out.count < count {
            let c = lower[i - 1]
            if NarrativeText.isTerminator(c) || c == 0x0A { break }
            guard UnitProperties.isAlphabetic(c) else {
                i -= 1
                continue
            }
            var j = i
            while j > limit && (UnitProperties.isAlphabetic(lower[j - 1]) || lower[j - 1] == 0x2D) { j -= 1 }
            // One allocation of the most words asked for, made when the first is found (most asks find few).
            if out.isEmpty { out.reserveCapacity(count) }
            out.append(j..<i)
            i = j
        }
        return out
    }

    /// The first `count` words (letters and inner hyphens) after `end`, within its sentence and line.
    static func words(_ lower: LoweredUnits, after end: Int, count: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = end
        let limit = min(lower.count, end + 20 * count)
        while i < limit && out.count < count {
            let c = lower[i]
            if NarrativeText.isTerminator(c) || c == 0x0A { break }
            guard UnitProperties.isAlphabetic(c) else {
                i += 1
                continue
            }
            var j = i
            while j < limit && (UnitProperties.isAlphabetic(lower[j]) || lower[j] == 0x2D) { j += 1 }
            // One allocation of the most words asked for, made when the first is found (most asks find few).
            if out.isEmpty { out.reserveCapacity(count) }
            out.append(i..<j)
            i = j
        }
        return out
    }
}

extension TitleFinder {
    /// Whether a year, introduced by one of the `year_markers` (`in`, `en`), stands right before `offset`
    /// (a comma, or one lowercase word such as a verb in German word order, between allowed): `In 2019, Sen.
    /// Krane had sponsored a bill`, `Im Jahr 2017 hatte Außenminister X` name the office held that year.
    func dated(before offset: Int) -> Bool {
        guard cased, !options.lowered.yearMarkers.isEmpty else { return false }
        var e = offset
        while e > 0 && lower[e - 1] == 0x20 { e -= 1 }
        // Read in place: this runs before every title.
        if e > 0 && isLetter(lower[e - 1]) {
            var s = e
            while s > 0 && (isLetter(lower[s - 1]) || lower[s - 1] == 0x2D) { s -= 1 }
            guard (s..<e).allSatisfy({ lower[$0] == doc.utf16[$0] }) else { return false }
            e = s
            while e > 0 && lower[e - 1] == 0x20 { e -= 1 }
        }
        if e > 0 && lower[e - 1] == 0x2C { e -= 1 }
        var s = e
        while s > 0 && lower[s - 1] >= 0x30 && lower[s - 1] <= 0x39 { s -= 1 }
        guard e - s == 4, s > 0, lower[s - 1] == 0x20 else { return false }
        return hasMarker(options.lowered.yearMarkers, before: s - 1)
    }

    /// Whether the name ending at `end` is followed by a word that makes its last part a given name: a
    /// patronymic particle (`Hamad bin …`) or a regnal number (`King Hamad II`). Such a name says
    /// nothing about the person a bare `Hamad` elsewhere is, so its title is left out.
    func givenNameOnly(end: Int) -> Bool {
        guard !options.givenNameMarks.isEmpty, end + 1 < doc.utf16.count, doc.utf16[end] == 0x20 else { return false }
        var e = end + 1
        while e < doc.utf16.count && isLetter(doc.utf16[e]) { e += 1 }
        guard e > end + 1 else { return false }
        return options.givenNameMarks.contains { doc.utf16[(end + 1)..<e].elementsEqual($0) }
    }
}
