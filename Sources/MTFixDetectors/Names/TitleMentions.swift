import MTFixCore

/// A name written with an office (`Prime Minister Kovarenko`, `コワレンコ首相`, or an appositive
/// `the former president of X, Takeshi Kono`).
struct TitledMention: Sendable {
    let chain: Int
    let office: String
    /// Where the title is written (for `title(in:)`), or its form's text when that is what is reported.
    let titleRange: Range<Int>
    var formText: String? = nil
    /// What a repair deletes: article, title and the space before the name.
    let deletion: Range<Int>
    /// Written right next to the name (only those are ever deleted; appositives only introduce).
    let direct: Bool
    let former: Bool
    /// Held at the time told (`then-`, `damalige`, `As … Gov.`): the story moves on to a later office.
    var bounded = false
    /// Deleting would leave broken grammar (`du Premier ministre X`): review only.
    let reviewOnly: Bool

    /// The written title, as found (made only for the few that are reported).
    func title(in doc: Document) -> String { formText ?? doc.string(titleRange) }
}

/// A rule's `TitleOptions` in a box, so a per-document `TitleFinder` holds one reference: copying the
/// options' many arrays and sets into every document's finder retained (and released) each of them.
final class SharedTitleOptions: Sendable {
    let options: TitleOptions

    init(_ options: TitleOptions) {
        self.options = options
    }
}

/// Finds titled mentions next to the name chains of a document.
struct TitleFinder {
    let doc: Document
    let names: NameMentions
    let shared: SharedTitleOptions
    var options: TitleOptions { shared.options }
    let script: NameOptions.Script
    /// The document lowercased unit by unit (offsets unchanged).
    let lower: LoweredUnits

    func find() -> [TitledMention] {
        var out: [TitledMention] = []
        for (c, chain) in names.chains.enumerated() {
            let start = names.mentions[chain.members.first!].range.lowerBound
            let end = names.mentions[chain.members.last!].range.upperBound
            let found: TitledMention?
            if options.before, let m = before(chain: c, start: start, end: end) {
                found = m
            } else if options.after, let m = after(chain: c, start: start, end: end) {
                found = m
            } else if script == .cased, chain.members.count >= 2, let m = appositive(chain: c, start: start) {
                found = m
            } else {
                found = nil
            }
            guard let m = found, !givenNameOnly(end: end) else { continue }
            // Room for a few titled people at once: grown from empty, the list was reallocated at 1, 2 and 4.
            if out.isEmpty { out.reserveCapacity(min(8, names.chains.count - c)) }
            out.append(m)
        }
        return out
    }

    var cased: Bool { script == .cased }

    /// `Title Name`, allowing one or two acronyms between (`Главный тренер СКА Игорь Савченко`).
    private func before(chain: Int, start: Int, end: Int) -> TitledMention? {
        var q = start
        if cased {
            guard q > 0, lower[q - 1] == 0x20 else { return nil }
            q -= 1
        }
        for gap in 0...(cased ? 2 : 0) {
            if gap > 0 {
                // Step back over one all-caps word and its space.
                var k = q
                while k > 0, UnitProperties.isUppercase(doc.utf16[k - 1]) { k -= 1 }
                guard q - k >= 2, k > 0, doc.utf16[k - 1] == 0x20 else { return nil }
                q = k - 1
            }
            if let (form, fs, fe) = formEnding(at: q) {
                if hasMarker(options.lowered.modifiers, before: fs) { return nil }
                // `Vice-Chancellor`, `Vize-Ministerpräsident`: a title joined to a word before it is another office
                // (but `then-Foreign Minister` is the office, held then).
                if cased && fs > 0 && (lower[fs - 1] == 0x2D || isLetter(lower[fs - 1])),
                    !hasMarker(options.lowered.thenMarkers.filter { $0.last == 0x2D }, before: fs)
                {
                    return nil
                }
                let (delStart, review) = determiner(before: fs)
                let bounded =
                    hasMarker(options.lowered.thenMarkers, before: delStart) || inCapacity(before: delStart)
                    || hasPhrase(options.lowered.thenAfter, after: end) || dated(before: delStart)
                var m = TitledMention(
                    chain: chain, office: form.office, titleRange: fs..<fe, deletion: delStart..<start, direct: true,
                    former: bounded || hasMarker(options.lowered.formerMarkers, before: delStart),
                    reviewOnly: review || gap > 0 || qualified(before: delStart))
                m.bounded = bounded
                return m
            }
        }
        return nil
    }

    /// `Name Title` (Japanese, Chinese).
    private func after(chain: Int, start: Int, end: Int) -> TitledMention? {
        // Most names are followed by no title: the unit after the name tells at once.
        guard end < lower.count ? options.mayStartForm(lower[end]) : options.formFirsts.isEmpty else { return nil }
        for form in options.forms where end + form.units.count <= lower.count {
            if lower.matches(form.units, at: end) {
                let r = end..<(end + form.units.count)
                // `当時の岸田外相`, `时任总理X`: a marker before the name puts the title in the past; so does
                // one after the title (`プーチン首相（当時）`).
                let bounded = hasMarker(options.lowered.thenMarkers, before: start) || hasPhrase(options.lowered.thenAfter, after: r.upperBound)
                var m = TitledMention(
                    chain: chain, office: form.office, titleRange: r, deletion: r, direct: true,
                    former: bounded || hasMarker(options.lowered.formerMarkers, before: start), reviewOnly: false)
                m.bounded = bounded
                return m
            }
        }
        return nil
    }

    /// `…the former president of Hoshida Kogyo, Takeshi Kono`: an introduction, never deleted.
    private func appositive(chain: Int, start: Int) -> TitledMention? {
        guard start >= 2, doc.utf16[start - 1] == 0x20, doc.utf16[start - 2] == 0x2C else { return nil }
        // The title must be in the name's sentence, at most 160 units back: the nearest one within 160 units
        // is found first, and only then the sentence start (its segmentation is costly; most names have none).
        var q = start - 2
        while q > max(0, start - 160) {
            // No title ends before a letter (`formEnding` would say so at once): most positions need no call.
            if isLetter(lower[q]) {
                q -= 1
                continue
            }
            if let (form, fs, _) = formEnding(at: q), !followedByName(q) {
                // Only plain words between title and name: one sentence, no need to segment.
                if !(fs < q && doc.isPlainClause(fs..<start)) {
                    // A sentence never crosses a line (ICU breaks after every line feed, and the repairs join
                    // sentences of one line only): a line feed between title and name puts the title in an
                    // earlier sentence, as segmenting would say, and the document need not be segmented.
                    if (q..<start).contains(where: { doc.utf16[$0] == 0x0A }) { return nil }
                    let sentenceStart = doc.sentence(containing: start)?.lowerBound ?? 0
                    guard q > sentenceStart else { return nil }
                }
                return TitledMention(
                    chain: chain, office: form.office, titleRange: fs..<fs, formText: form.text, deletion: fs..<fs,
                    direct: false, former: hasMarker(options.lowered.formerMarkers, before: determiner(before: fs).0),
                    reviewOnly: true)
            }
            q -= 1
        }
        return nil
    }

    private func followedByName(_ q: Int) -> Bool {
        q + 1 < doc.utf16.count && doc.utf16[q] == 0x20
            && (Unicode.Scalar(doc.utf16[q + 1])?.properties.isUppercase ?? false)
            && names.mentions.contains { $0.range.lowerBound == q + 1 }
    }

    /// Where a deletion starts (an article before the title goes with it) and whether it is review only.
    private func determiner(before fs: Int) -> (Int, Bool) {
        var start = fs
        for pattern in options.lowered.determiners {
            let s = fs - pattern.count
            if s >= 0, lower.matches(pattern, at: s), s == 0 || !isLetter(lower[s - 1]) {
                start = s
                break
            }
        }
        let review = hasMarker(options.lowered.reviewBefore, before: start) || hasMarker(TitleOptions.Lowered.possessives, before: start)
        return (start, review)
    }

    /// `As Bank of Canada Gov. X`: a capacity marker a few capitalized words before the title says what the
    /// person was then, not a current office.
    private func inCapacity(before offset: Int) -> Bool {
        guard cased, !options.capacityMarkers.isEmpty else { return false }
        for w in wordsBefore(offset, limit: 5) {
            if let markers = options.capacityMarkerUnits {
                if markers.contains(where: { $0.count == w.count && lower.matches($0, at: w.lowerBound) }) { return true }
            } else if options.capacityMarkers.contains(lower.string(w)) {
                return true
            }
            // Only an organization's name (capitalized words, short connectors like `of`) may stand between.
            let capital = UnitProperties.isUppercase(doc.utf16[w.lowerBound])
            if !capital && w.count > 3 { return false }
        }
        return false
    }

    /// `Bank of Canada Gov. X`, `Federal Reserve Chair X`, `Economy Minister X`: a capitalized word right before
    /// the title usually names whose office it is; deleting the title would leave it behind (review only).
    private func qualified(before offset: Int) -> Bool {
        guard cased, let w = wordsBefore(offset, limit: 1).first, doc.utf16[w.upperBound - 1] != 0x2E else { return false }
        // At a sentence start too: `Economy Minister Macron`, `LDP President Takaichi`, `First Deputy Prime
        // Minister X` would lose only part of their title (`Later President X` goes to review with them).
        return Unicode.Scalar(doc.utf16[w.lowerBound])?.properties.isUppercase ?? false
    }

    /// The whole words before `offset` (letters, hyphens and abbreviation dots) in the same clause, nearest first.
    func wordsBefore(_ offset: Int, limit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var e = offset
        while out.count < limit {
            while e > 0 && lower[e - 1] == 0x20 { e -= 1 }
            var s = e
            while s > 0 && (isLetter(lower[s - 1]) || lower[s - 1] == 0x2E || lower[s - 1] == 0x2D) { s -= 1 }
            guard s < e else { break }
            // One allocation of the most words asked for, made when the first is found.
            if out.isEmpty { out.reserveCapacity(limit) }
            out.append(s..<e)
            guard s > 0, lower[s - 1] == 0x20 else { break }
            e = s
        }
        return out
    }

    /// Whether the text from `offset` (a comma and spaces skipped) starts with one of `phrases`, ending on a
    /// word boundary (`Sen. Rubio, as he then was, …`).
    private func hasPhrase(_ phrases: [[UInt16]], after offset: Int) -> Bool {
        guard !phrases.isEmpty else { return false }
        var s = offset
        if s < lower.count && (lower[s] == 0x2C || lower[s] == 0x3001 || lower[s] == 0xFF0C) { s += 1 }
        while s < lower.count && lower[s] == 0x20 { s += 1 }
        for p in phrases {
            let e = s + p.count
            guard e <= lower.count, lower.matches(p, at: s) else { continue }
            if e == lower.count || !isLetter(lower[e]) || !isLetter(p[p.count - 1]) { return true }
        }
        return false
    }

    /// Whether the text just before `offset` (spaces skipped) ends with one of `words` on a word boundary.
    func hasMarker(_ words: [[UInt16]], before offset: Int) -> Bool {
        var e = offset
        while e > 0 && lower[e - 1] == 0x20 { e -= 1 }
        for wu in words {
            let s = e - wu.count
            guard s >= 0, lower.matches(wu, at: s) else { continue }
            if !cased || s == 0 || !isLetter(lower[s - 1]) || !isLetter(wu[0]) { return true }
        }
        return false
    }

    func isLetter(_ u: UInt16) -> Bool { UnitProperties.isAlphabetic(u) }
}
