/// One line of `cbm list`.
public struct QuestionnaireSummary: Sendable, Hashable {
    /// The questionnaire's id.
    public var id: String
    /// Maturity model or convention checklist.
    public var kind: QuestionnaireKind
    /// The questionnaire's version.
    public var version: String
    /// The questionnaire's title, in English.
    public var title: String
    /// "10 dimensions, 57 indicators" or "13 sections, 52 provisions".
    public var contents: String
    /// The file it was read from.
    public var file: String

    /// The line of a questionnaire in the catalog.
    public init(_ entry: Catalog.Entry) {
        let questionnaire = entry.questionnaire
        id = questionnaire.id
        kind = questionnaire.kind
        version = questionnaire.version
        title = questionnaire.title.text()
        file = entry.file
        switch questionnaire {
        case let .maturity(q):
            contents = countedNoun(q.dimensions.count, "dimension") + ", " + countedNoun(q.indicators.count, "indicator")
        case let .compliance(q):
            contents = countedNoun(q.sections.count, "section") + ", " + countedNoun(q.provisions.count, "provision")
        }
    }
}

extension Catalog {
    /// One line per questionnaire and version: current versions first, older ones after.
    public var summaries: [QuestionnaireSummary] {
        ids.flatMap { id in
            versions(of: id).compactMap { version in
                entries.first { $0.questionnaire.id == id && $0.questionnaire.version == version }.map(QuestionnaireSummary.init)
            }
        }
    }

    /// The table `cbm list` prints.
    /// Each questionnaire's current version (the one a new assessment and `cbm show` use) is
    /// marked "current"; older versions stay, to score assessments that answered them.
    public func listing() -> String {
        let rows = summaries.map { summary -> [String] in
            let current = questionnaire(summary.id)?.version == summary.version
            let versions = versions(of: summary.id).count
            let status = current ? (versions > 1 ? "current" : "") : "older"
            return [summary.id, summary.kind.rawValue, summary.version, status, summary.contents, summary.title]
        }
        var text = TextTable(header: ["ID", "KIND", "VERSION", "", "CONTENTS", "TITLE"], rows: rows).render()
        if rows.contains(where: { $0[3] == "older" }) {
            text += "\n\nA new assessment answers the current version. An older version is used only to score an assessment that answered it (its `version:`)."
        }
        return DirectionControls.shown(text)
    }
}

extension Catalog {
    /// The known questionnaire id a mistyped one most likely meant (`wto` → `wto-tfa`).
    public func closestID(to word: String) -> String? { closestMatch(to: word, in: ids) }
}
