import Foundation

/// The interview sheet of one agency as an Excel workbook: the same rows and columns as the
/// CSV sheet (`AgencySheet`), one sheet per questionnaire, after a sheet of instructions.
///
/// Each questionnaire sheet starts with the assessment's title, country, period and agency,
/// then the column headers (frozen, with filter buttons), then one row per indicator or
/// provision. The reading columns are locked (sheet protection without a password); the
/// answer, evidence and comment columns are open, and the answer column has a dropdown with
/// exactly the answers allowed on that row. Read it back with `SheetMerge`.
public enum AgencyWorkbook {
    /// The rows above the column headers on each questionnaire sheet.
    static let headerRow = 4

    /// The names of the instructions sheet (lowercased, in every language cbm has texts in), which the import skips.
    static var instructionsSheetNames: Set<String> {
        Set(StringTable.usable.values.map { $0["workbook.instructions.sheet"].lowercased() })
    }

    /// The most characters (UTF-16 code units) an Excel cell holds.
    static let maxCellLength = 32_767

    /// Column widths, in characters, in the order of `AgencySheet.Column`.
    static let columnWidths: [Double] = [12, 14, 26, 18, 24, 48, 30, 30, 30, 30, 30, 16, 14, 48, 30]

    /// The answers a respondent may choose on a row of this kind of questionnaire, as the
    /// dropdown offers them: the words of the sheet's language (`na`, «неприменимо»), which
    /// the import reads back.
    static func allowedAnswers(_ kind: QuestionnaireKind, language: String = LocalizedText.defaultLanguage) -> [String] {
        let words = answerWords(language: language)
        switch kind {
        case .maturity: return ["1", "2", "3", "4", "5", words["na"]!, words["unknown"]!]
        case .compliance: return ComplianceStatus.allCases.map { words[$0.rawValue]! }
        }
    }

    /// The word a sheet in this language shows for each answer, by its key: `na` → "na" or «неприменимо».
    static func answerWords(language: String) -> [String: String] {
        let strings = (try? StringTable.forLanguage(language)) ?? .english
        return Dictionary(uniqueKeysWithValues: ComplianceStatus.allCases.map { status in
            (status.rawValue, AgencySheet.words(status.rawValue, strings).first ?? status.rawValue)
        })
    }

    /// The workbook for one agency, as the bytes of an `.xlsx` file. Throws as `AgencySheet.rows` does.
    public static func data(
        for assessment: Assessment, catalog: Catalog, agency: String, questionnaires only: [String] = [],
        language: String = LocalizedText.defaultLanguage
    ) throws(UsageError) -> Data {
        let workbook = try workbook(for: assessment, catalog: catalog, agency: agency, questionnaires: only, language: language)
        do {
            return try workbook.data()
        } catch {
            throw UsageError("the workbook could not be assembled (\(error)); this is a fault in cbm, please report it")
        }
    }

    static func workbook(
        for assessment: Assessment, catalog: Catalog, agency: String, questionnaires only: [String] = [],
        language: String = LocalizedText.defaultLanguage
    ) throws(UsageError) -> Workbook {
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
        if !tooLong.isEmpty { throw UsageError(tooLong) }
        let agencyName = assessment.agency(agency)?.name ?? agency
        let t = (try? StringTable.forLanguage(language)) ?? .english
        let context = t.text("workbook.context", ["country": assessment.header.country, "period": assessment.header.period, "agency": agency, "name": agencyName])

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
                                             title: assessment.header.title, context: context, t: t, language: language))
        }
        let instructions = instructionsSheet(assessment: assessment, context: context, header: header, questionnaires: questionnaires,
                                             t: t, language: language)
        return Workbook(sheets: [instructions] + sheets)
    }

    // MARK: - Sheets

    private static func questionnaireSheet(
        name: String, questionnaire: Questionnaire, header: [String], rows: [[String]], title: String, context: String,
        t: StringTable, language: String
    ) -> Workbook.Sheet {
        typealias Column = AgencySheet.Column
        let editable: Set<Int> = [Column.answer.rawValue, Column.evidence.rawValue, Column.comment.rawValue]
        let first = Column.answer.letter, last = Column.comment.letter
        let kind = questionnaire.kind == .maturity ? "maturity" : "compliance"
        var sheet = Workbook.Sheet(name: name, columnWidths: columnWidths, frozenRows: headerRow)
        sheet.rows = [
            [Workbook.Cell(text: t.text("workbook.sheet.title", ["title": title, "questionnaire": questionnaire.title.text(in: language),
                                                                 "id": questionnaire.id, "version": questionnaire.version]), style: .title)],
            [Workbook.Cell(text: context, style: .plain)],
            [Workbook.Cell(text: t.text("workbook.sheet.hint.\(kind)", ["first": first, "last": last]), style: .bold)],
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
        let listed = t.text("workbook.allowed.\(kind)", answerWords(language: language))
        sheet.validations = [Workbook.ListValidation(
            range: "\(first)\(headerRow + 1):\(first)\(max(lastRow, headerRow + 1))",
            values: allowedAnswers(questionnaire.kind, language: language),
            errorTitle: t.text("workbook.dropdown.error_title.\(kind)"),
            error: t.text("workbook.dropdown.error", ["allowed": listed]),
            promptTitle: t.text("workbook.dropdown.prompt_title.\(kind)"),
            prompt: t.text("workbook.dropdown.prompt", ["allowed": listed])
        )]
        return sheet
    }

    private static func instructionsSheet(
        assessment: Assessment, context: String, header: [String], questionnaires: [Questionnaire], t: StringTable, language: String
    ) -> Workbook.Sheet {
        var sheet = Workbook.Sheet(name: t.text("workbook.instructions.sheet"), columnWidths: [110])
        func line(_ text: String, _ style: Workbook.Style = .paragraph) { sheet.rows.append([Workbook.Cell(text: text, style: style)]) }
        typealias Column = AgencySheet.Column
        let words = answerWords(language: language)
        line(assessment.header.title, .title)
        line(context, .plain)
        line("")
        line(t.text("workbook.instructions.heading"), .bold)
        line(t.text("workbook.instructions.sheets", ["ids": questionnaires.map(\.id).joined(separator: ", ")]))
        line(t.text("workbook.instructions.columns", [
            "answer_letter": Column.answer.letter, "answer": header[Column.answer.rawValue],
            "evidence_letter": Column.evidence.letter, "evidence": header[Column.evidence.rawValue],
            "comment_letter": Column.comment.letter, "comment": header[Column.comment.rawValue],
        ]))
        line(t.text("workbook.instructions.levels", words.merging(["first_level": Column.level1.letter, "last_level": Column.level5.letter]) { a, _ in a }))
        line(t.text("workbook.instructions.statuses", words))
        line(t.text("workbook.instructions.evidence"))
        line(t.text("workbook.instructions.rows", ["id": header[Column.id.rawValue]]))
        line(assessment.header.preparedBy.map { t.text("workbook.instructions.send_to", ["person": $0]) } ?? t.text("workbook.instructions.send"))
        for questionnaire in questionnaires {
            guard case let .maturity(q) = questionnaire else { continue }
            line("")
            line(t.text("workbook.instructions.levels_heading", ["title": q.title.text(in: language), "id": q.id]), .bold)
            for level in q.scale.sorted(by: { $0.level < $1.level }) {
                line("\(level.level) \(level.name.text(in: language))" + (level.summary.map { ": \($0.text(in: language))" } ?? ""))
            }
        }
        if questionnaires.contains(where: { $0.kind == .compliance }) {
            line("")
            line(t.text("workbook.instructions.statuses_heading"), .bold)
            for status in ComplianceStatus.allCases { line("\(words[status.rawValue]!): \(t["status.\(status.rawValue)"])") }
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
