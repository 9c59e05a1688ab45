import Foundation

extension SheetMerge {
    /// What a respondent may have done to a workbook without meaning to, told as warnings:
    /// rows that are hidden (by a filter or by hand), whose answers are read like the others,
    /// and questions of a questionnaire in the workbook that have no row (deleted rows), whose
    /// answers in the assessment stay as they are.
    static func missingRowWarnings(_ tables: [Table], entries: [Entry], file: String, assessment: Assessment, catalog: Catalog) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for table in tables where !table.hiddenRows.isEmpty {
            let hidden = entries.filter { $0.sheet == table.sheet && table.hiddenRows.contains($0.row) }.map(\.row).sorted()
            guard let first = hidden.first, let sheet = table.sheet else { continue }
            let listed = hidden.prefix(10).map(String.init).joined(separator: ", ") + (hidden.count > 10 ? " and \(hidden.count - 10) more" : "")
            warnings.append(.warning(SourceLocation(file: file, line: first, column: 1),
                "sheet `\(sheet.shortenedForMessage)`: \(hidden.count == 1 ? "row \(listed) is" : "rows \(listed) are") hidden in the workbook (by a filter or by hand); \(hidden.count == 1 ? "its answer was" : "their answers were") imported like the others, so check them with every row shown"))
        }

        // Per agency and questionnaire: the questions without a row.
        var answered: [String: Set<String>] = [:]
        var order: [(agency: String, questionnaire: String)] = []
        for entry in entries {
            let key = entry.agency + "\u{0}" + entry.questionnaire
            if answered[key] == nil { order.append((entry.agency, entry.questionnaire)) }
            answered[key, default: []].insert(entry.item)
        }
        for (agency, qid) in order {
            guard let answers = assessment.answers(for: qid),
                  let questionnaire = questionnaireAnswered(catalog, qid, version: answers.version) else { continue }
            let have = answered[agency + "\u{0}" + qid] ?? []
            let missing = questionnaire.itemIDs.filter { !have.contains($0) }
            guard !missing.isEmpty else { continue }
            let listed = missing.prefix(5).map { "`\(AgencySheet.reference(qid, $0))`" }.joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
            let noun = questionnaire.kind == .maturity ? "indicator" : "provision"
            warnings.append(.warning(SourceLocation(file: file, line: 1, column: 1),
                "the workbook has no row for \(missing.count) \(noun)\(missing.count == 1 ? "" : "s") of `\(qid)` (\(listed)) answered by \(agency): were rows deleted? What \(assessment.file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "the assessment") holds for \(missing.count == 1 ? "it" : "them") is kept as it is"))
        }
        return warnings
    }
}
