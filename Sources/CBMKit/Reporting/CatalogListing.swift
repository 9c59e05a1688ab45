/// One line of `cbm list`.
public struct QuestionnaireSummary: Sendable, Hashable {
    public var id: String
    public var kind: QuestionnaireKind
    public var version: String
    public var title: String
    /// "10 dimensions, 57 indicators" or "13 sections, 52 provisions".
    public var contents: String
    public var file: String

    public init(_ entry: Catalog.Entry) {
        let questionnaire = entry.questionnaire
        id = questionnaire.id
        kind = questionnaire.kind
        version = questionnaire.version
        title = questionnaire.title.text()
        file = entry.file
        switch questionnaire {
        case let .maturity(q):
            contents = counted(q.dimensions.count, "dimension") + ", " + counted(q.indicators.count, "indicator")
        case let .compliance(q):
            contents = counted(q.sections.count, "section") + ", " + counted(q.provisions.count, "provision")
        }
    }
}

func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// A plain-text table with aligned columns, for the terminal.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int>

    public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    public func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
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
