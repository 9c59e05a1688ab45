import Foundation

/// The interview sheet of one agency as an Excel workbook: the same rows and columns as the
/// CSV sheet (`AgencySheet`), one sheet per questionnaire, after a sheet of instructions.
///
/// Each questionnaire sheet starts with the assessment's title, country, period and agency,
/// then the column headers (frozen, with filter buttons), then one row per indicator or
/// provision. The reading columns are locked (sheet protection without a password); the
/// answer, evidence and comment columns are open, and the answer column has a dropdown with
/// exactly the answers allowed on that row. Read it back with `SheetImport`.
public enum AgencyWorkbook {
    /// The rows above the column headers on each questionnaire sheet.
    static let headerRow = 4

    /// The name of the instructions sheet, which the import skips.
    static let instructionsSheetNames: Set<String> = ["instructions"]

    /// The most characters (UTF-16 code units) an Excel cell holds.
    static let maxCellLength = 32_767

    /// Column widths, in characters, in the order of `AgencySheet.Column`.
    static let columnWidths: [Double] = [12, 14, 26, 18, 24, 48, 30, 30, 30, 30, 30, 16, 14, 48, 30]

    /// The answers a respondent may choose on a row of this kind of questionnaire, as the
    /// dropdown offers them.
    static func allowedAnswers(_ kind: QuestionnaireKind) -> [String] {
        switch kind {
        case .maturity: return ["1", "2", "3", "4", "5", "na", "unknown"]
        case .compliance: return ComplianceStatus.allCases.map(\.rawValue)
        }
    }

    /// The workbook for one agency, as the bytes of an `.xlsx` file. Throws as `AgencySheet.rows` does.
    public static func data(
        for assessment: Assessment, catalog: Catalog, agency: String, questionnaires only: [String] = [],
        language: String = LocalizedText.defaultLanguage
    ) throws -> Data {
        try workbook(for: assessment, catalog: catalog, agency: agency, questionnaires: only, language: language).data()
    }

    static func workbook(
        for assessment: Assessment, catalog: Catalog, agency: String, questionnaires only: [String] = [],
        language: String = LocalizedText.defaultLanguage
    ) throws(InterviewError) -> Workbook {
        let rows = try AgencySheet.rows(for: assessment, catalog: catalog, agency: agency, questionnaires: only, language: language)
            .map { $0.map(AgencySheet.unguarded) }
        let header = rows[0]
        // Excel cuts longer cells; refuse rather than lose text.
        var tooLong: [String] = []
        for row in rows.dropFirst() {
            for (index, text) in row.enumerated() where text.utf16.count > maxCellLength {
                tooLong.append("`\(row[AgencySheet.Column.id.rawValue])`: the \(header[index]) is \(text.utf16.count) characters long, and an Excel cell holds at most \(maxCellLength); shorten it in the assessment file, or export a CSV sheet (-o NAME.csv)")
            }
        }
        if !tooLong.isEmpty { throw InterviewError(tooLong) }
        let agencyName = assessment.agency(agency)?.name ?? agency
        let context = "Country: \(assessment.country)    Period: \(assessment.period)    Agency: \(agency) (\(agencyName))"

        // One sheet per questionnaire, in the order of the CSV sheet.
        var groups: [(id: String, rows: [[String]])] = []
        for row in rows.dropFirst() {
            let id = row[AgencySheet.Column.questionnaire.rawValue]
            if let last = groups.indices.last, groups[last].id == id { groups[last].rows.append(row) } else { groups.append((id, [row])) }
        }
        var questionnaires: [Questionnaire] = []
        var sheets: [Workbook.Sheet] = []
        var usedNames: Set<String> = instructionsSheetNames
        for group in groups {
            guard let answers = assessment.answers(for: group.id),
                  let questionnaire = questionnaireAnswered(catalog, group.id, version: answers.version) else { continue }
            questionnaires.append(questionnaire)
            let name = sheetName(group.id, avoiding: usedNames)
            usedNames.insert(name.lowercased())
            sheets.append(questionnaireSheet(name: name, questionnaire: questionnaire, header: header, rows: group.rows,
                                             title: assessment.title, context: context, language: language))
        }
        let instructions = instructionsSheet(assessment: assessment, agency: agency, agencyName: agencyName, context: context,
                                             questionnaires: questionnaires, language: language)
        return Workbook(sheets: [instructions] + sheets)
    }

    // MARK: - Sheets

    private static func questionnaireSheet(
        name: String, questionnaire: Questionnaire, header: [String], rows: [[String]], title: String, context: String, language: String
    ) -> Workbook.Sheet {
        typealias Column = AgencySheet.Column
        let editable: Set<Int> = [Column.answer.rawValue, Column.evidence.rawValue, Column.comment.rawValue]
        let first = Column.answer.letter, last = Column.comment.letter
        var sheet = Workbook.Sheet(name: name, columnWidths: columnWidths, frozenRows: headerRow)
        sheet.rows = [
            [Workbook.Cell(text: "\(title) — \(questionnaire.title.text(in: language)) (\(questionnaire.id) \(questionnaire.version))", style: .title)],
            [Workbook.Cell(text: context, style: .plain)],
            [Workbook.Cell(text: "Answer in the yellow columns \(first) to \(last): choose the \(questionnaire.kind == .maturity ? "level" : "status") from the list in the cell, then give the evidence and any comment. The other columns are locked.", style: .bold)],
            header.map { Workbook.Cell(text: $0, style: .header) },
        ]
        for row in rows {
            sheet.rows.append(row.enumerated().map { column, text in
                Workbook.Cell(text: text, style: editable.contains(column) ? .answer : .reading)
            })
        }
        let lastRow = headerRow + rows.count
        sheet.autoFilter = "A\(headerRow):\(Column.allCases.last!.letter)\(lastRow)"
        sheet.activeCell = "\(first)\(headerRow + 1)"
        let allowed = allowedAnswers(questionnaire.kind)
        let listed = allowedInWords(questionnaire.kind)
        sheet.validations = [Workbook.ListValidation(
            range: "\(first)\(headerRow + 1):\(first)\(max(lastRow, headerRow + 1))",
            values: allowed,
            errorTitle: questionnaire.kind == .maturity ? "Not a level" : "Not a status",
            error: "This cell takes \(listed). Choose one from the list, or leave the cell empty to give no answer.",
            promptTitle: questionnaire.kind == .maturity ? "Level" : "Status",
            prompt: "Choose \(listed)."
        )]
        return sheet
    }

    /// "a level from 1 to 5, na (not applicable) or unknown".
    static func allowedInWords(_ kind: QuestionnaireKind) -> String {
        switch kind {
        case .maturity: return "a level from 1 to 5, na (does not apply) or unknown"
        case .compliance: return "a status: full, partial, pilot, none, na (does not apply) or unknown"
        }
    }

    private static func instructionsSheet(
        assessment: Assessment, agency: String, agencyName: String, context: String, questionnaires: [Questionnaire], language: String
    ) -> Workbook.Sheet {
        var sheet = Workbook.Sheet(name: "Instructions", columnWidths: [110])
        func line(_ text: String, _ style: Workbook.Style = .paragraph) { sheet.rows.append([Workbook.Cell(text: text, style: style)]) }
        let columns = AgencySheet.Column.self
        let sendTo = assessment.preparedBy.map { "to \($0)" } ?? "to the person who sent it to you"
        line(assessment.title, .title)
        line(context, .plain)
        line("")
        line("How to fill in this workbook", .bold)
        line("1. Each sheet after this one holds the questions of one questionnaire (\(questionnaires.map(\.id).joined(separator: ", "))), one row per question.")
        line("2. Answer in the yellow columns \(columns.answer.letter) (\(columns.answer.header)), \(columns.evidence.letter) (\(columns.evidence.header)) and \(columns.comment.letter) (\(columns.comment.header)). The other columns are locked so that the questions are not changed by mistake; there is no password.")
        line("3. For an indicator, choose the level (1 to 5) whose description in columns \(columns.level1.letter) to \(columns.level5.letter) best fits your agency today. Choose na if the question does not apply to your agency, and unknown if nobody can tell yet.")
        line("4. For a provision of a convention, choose full (fully implemented), partial (partly implemented), pilot (pilot only), none (not implemented), na (does not apply) or unknown.")
        line("5. As evidence, name what shows the answer is right: a law or regulation, an agreement, a system, a report, figures. Leave a row empty to give no answer.")
        line("6. Keep the \(columns.id.header) column as it is: it tells which question a row answers. You may sort and filter the rows, but do not delete any.")
        line("7. Save the workbook as an Excel workbook (.xlsx), keeping its name, and send it back \(sendTo).")
        for questionnaire in questionnaires {
            guard case let .maturity(q) = questionnaire else { continue }
            line("")
            line("What the levels mean in \(q.title.text(in: language)) (\(q.id))", .bold)
            for level in q.scale.sorted(by: { $0.level < $1.level }) {
                line("\(level.level) \(level.name.text(in: language))" + (level.summary.map { ": \($0.text(in: language))" } ?? ""))
            }
        }
        if questionnaires.contains(where: { $0.kind == .compliance }) {
            line("")
            line("What the statuses mean", .bold)
            for status in ComplianceStatus.allCases { line("\(status.rawValue): \(status.label)") }
        }
        return sheet
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, and not one
    /// already used (compared without regard to case).
    static func sheetName(_ wanted: String, avoiding used: Set<String>) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(31))
        var name = base
        var number = 2
        while used.contains(name.lowercased()) || name.lowercased() == "history" {
            let suffix = " (\(number))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return name
    }
}
