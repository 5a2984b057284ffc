import MTFixCore

/// Lint: a person given an office that contradicts how the document introduced them
/// (`Secretary of State Antony Blinken` … `Prime Minister Brinken`). Format: the wrong title is deleted.
public struct TitleConflictDetector: Rule {
    public let descriptor: RuleDescriptor
    let names: NameOptions
    let titles: TitleOptions

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        titles = TitleOptions(options)
        var n = NameOptions(options)
        n.titleWords.formUnion(titles.titleWords)
        names = n
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let mentions = NameMentions(document, options: names)
        guard mentions.chains.count > 1 else { return [] }
        let lower = TitleOptions.lower(document.utf16)
        let titled = TitleFinder(doc: document, names: mentions, options: titles, script: names.script, lower: lower).find()
        guard titled.count > 1 else { return [] }
        let keys = NameKeyMaker(folds: names.keyFolds)
        var out: [Finding] = []
        for person in persons(titled, mentions, keys) {
            let intro = person[0]
            if person.contains(where: { mentionsChange(document, lower, at: $0, mentions) }) { continue }
            for m in person.dropFirst() where m.direct && !m.former {
                guard !TitleOptions.compatible(intro.office, m.office) else { continue }
                // A title the story repeats for this person is its own claim, not a slip.
                if person.filter({ TitleOptions.compatible($0.office, m.office) }).count > 1 { continue }
                let who = mentions.chains[intro.chain].members.map { mentions.mentions[$0].stem }.joined(separator: " ")
                let introLine = mentions.chains[intro.chain].line + 1
                out.append(
                    Finding(
                        rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                        safety: m.reviewOnly ? .review : descriptor.safety,
                        message: "“\(m.title)” contradicts how the document introduced \(who) (“\(intro.title)”, line \(introLine))",
                        range: m.deletion, edits: [Edit(range: m.deletion, replacement: "")],
                        evidence: ["person": who, "introduced_as": intro.title, "introduced_line": String(introLine), "title": m.title]))
            }
        }
        return out
    }

    /// Titled mentions grouped by person, in text order. A later mention joins an earlier person when
    /// its surname spells the same name and any first names agree; one that fits two people joins none.
    private func persons(_ titled: [TitledMention], _ m: NameMentions, _ keys: NameKeyMaker) -> [[TitledMention]] {
        var groups: [[TitledMention]] = []
        for t in titled {
            let parts = m.chains[t.chain].members.map { keys.key(m.mentions[$0].stem) }
            let fits = groups.indices.filter { g in
                groups[g].contains { other in
                    let o = m.chains[other.chain].members.map { keys.key(m.mentions[$0].stem) }
                    guard o.last!.matches(parts.last!) || o.last! == parts.last! else { return false }
                    return o.count < 2 || parts.count < 2 || o.first!.matches(parts.first!) || o.first! == parts.first!
                }
            }
            if fits.count == 1 {
                groups[fits[0]].append(t)
            } else if fits.isEmpty {
                groups.append([t])
            }
        }
        return groups.filter { $0.count > 1 }
    }

    /// Whether the sentence of a titled mention says the person changed office (`now`, `désormais`).
    private func mentionsChange(_ doc: Document, _ lower: [UInt16], at t: TitledMention, _ m: NameMentions) -> Bool {
        guard !titles.currentMarkers.isEmpty else { return false }
        let at = m.mentions[m.chains[t.chain].members[0]].range.lowerBound
        guard let s = doc.sentence(containing: at) else { return false }
        let text = String(decoding: lower[s], as: UTF16.self)
        let words = Set(text.split { !$0.isLetter && $0 != "-" }.map(String.init))
        return titles.currentMarkers.contains { marker in
            marker.unicodeScalars.first.map { $0.properties.isAlphabetic && $0.value < 0x3000 } == true
                ? words.contains(marker.lowercased()) : text.contains(marker)
        }
    }
}
