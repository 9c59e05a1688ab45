import Foundation

/// Merges a filled agency sheet (see `AgencySheet`) into an assessment, as the answers of the
/// agency named on each row.
///
/// For each row, the agency's response to that item becomes what the row says (level or
/// status, evidence, comment). A row left empty means the agency gives no answer: an answer
/// it gave before is removed. Everything else is kept as it is: the other agencies'
/// responses, `consensus`, `note`, WTO category and date, targets, the header. Rows that are
/// missing from the sheet change nothing.
///
/// An item answered once for the whole group (`{level: 2, evidence: …}`, no agency) cannot
/// also hold an agency's answer; when an agency answers it, the group's level becomes the
/// agreed one (`consensus`, so the score does not change) and its evidence and comment move
/// into `note`. The `unknown` that `cbm init` writes for each item is simply replaced.
///
/// If any row cannot be read, nothing is merged and every problem is returned, each with
/// the row and the column (as the spreadsheet shows them), what was expected and what was found.
public struct SheetMerge: Sendable {
    /// One response added, changed or removed.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// Whether a response was added, changed or removed.
        public enum Kind: String, Sendable, Hashable {
            case added, changed, removed
        }

        /// Whether the response was added, changed or removed.
        public var kind: Kind
        /// The sheet row it comes from.
        public var row: Int
        /// The agency whose response it is.
        public var agency: String
        /// The questionnaire's id.
        public var questionnaire: String
        /// The indicator's or provision's id.
        public var item: String
        /// The response before the merge; nil when added.
        public var before: Response?
        /// The response after the merge; nil when removed.
        public var after: Response?
        /// When the item had one answer for the whole group: what became of it.
        public var groupAnswer: String?

        /// "added    customs  cbm-core/ict.single-window  level 3, evidence \"…\"".
        public var description: String {
            "\(kind.rawValue) \(agency) \(AgencySheet.reference(questionnaire, item)): \(details)"
        }

        /// What changed, in words: "level 2 → 3; evidence changed".
        public var details: String {
            switch kind {
            case .added:
                return Self.summary(after) + (groupAnswer.map { " (\($0))" } ?? "")
            case .removed:
                return "was " + Self.summary(before) + " (the row was left empty)"
            case .changed:
                var parts: [String] = []
                let (b, a) = (before?.value?.description ?? "unknown", after?.value?.description ?? "unknown")
                if b != a { parts.append("\(Self.valueWord(after)) \(b) → \(a)") }
                for (name, old, new) in [("evidence", before?.evidence, after?.evidence), ("comment", before?.comment, after?.comment)] where old != new {
                    switch (old, new) {
                    case (nil, _?): parts.append("\(name) added")
                    case (_?, nil): parts.append("\(name) removed")
                    default: parts.append("\(name) changed")
                    }
                }
                return parts.joined(separator: "; ")
            }
        }

        private static func valueWord(_ response: Response?) -> String {
            response?.value?.complianceStatus != nil ? "status" : "level"
        }

        private static func summary(_ response: Response?) -> String {
            guard let response else { return "no answer" }
            var text = "\(valueWord(response)) \(response.value?.description ?? "unknown")"
            if let evidence = response.evidence { text += ", evidence \"\(evidence.shortenedForMessage)\"" }
            if let comment = response.comment { text += ", comment \"\(comment.shortenedForMessage)\"" }
            return text
        }
    }

    /// The assessment with the sheet merged in.
    public var merged: Assessment
    /// Every response added, changed or removed, in the order of the sheet's rows.
    public var changes: [Change]
    /// Rows read that changed nothing.
    public var unchangedRows: Int
    /// The agencies the sheet answers for, in the order they first appear.
    public var agencies: [String]
    /// The separator the sheet used (a CSV sheet).
    public var separator: CSV.Separator
    /// Whether the sheet was an Excel workbook rather than a CSV file.
    public var isWorkbook = false
    /// Things to know that did not stop the merge, such as columns cbm does not read.
    public var warnings: [Diagnostic]

    /// Whether the sheet changes anything.
    public var hasChanges: Bool { !changes.isEmpty }

    /// One row as read, before it is merged.
    struct Entry {
        var row: Int
        var agency: String
        var questionnaire: String
        var item: String
        var value: AnswerValue?
        var evidence: String?
        var comment: String?
        /// The workbook sheet it is on (nil in a CSV file).
        var sheet: String? = nil
    }

    /// Reads the sheet and merges it. Gives no value and every problem when any row cannot be
    /// read or merged; the merge and its warnings otherwise.
    ///
    /// - Parameters:
    ///   - data: the sheet's bytes (CSV, UTF-8, with or without a byte-order mark).
    ///   - file: the sheet's name, as shown in messages.
    ///   - assessment: the assessment the answers are merged into.
    ///   - assessmentFile: the assessment's name, as shown in messages.
    ///   - catalog: the questionnaires the assessment answers.
    public static func merge(_ data: Data, file: String, into assessment: Assessment, assessmentFile: String, catalog: Catalog) -> Loaded<SheetMerge> {
        if WorkbookReader.isZip(data) || WorkbookReader.isLegacyOffice(data) || isWorkbookName(file) {
            let (sheets, readProblems) = WorkbookReader.read(data, file: file)
            if readProblems.hasErrors { return Loaded(nil, readProblems) }
            let tables = sheets.map { Table(sheet: $0.sheet, rows: $0.rows, hiddenRows: $0.hiddenRows, ignoredCells: $0.ignoredCells) }
            return merge(tables, separator: nil, file: file, into: assessment, assessmentFile: assessmentFile, catalog: catalog)
        }
        let read = CSV.read(data, file: file)
        if read.diagnostics.hasErrors { return Loaded(nil, read.diagnostics) }
        return merge([Table(sheet: nil, rows: read.rows)], separator: read.separator, file: file, into: assessment, assessmentFile: assessmentFile, catalog: catalog)
    }

    /// Whether the file's name says it is a workbook: `.xlsx`, `.xlsm`, `.xls`.
    static func isWorkbookName(_ file: String) -> Bool {
        ["xlsx", "xlsm", "xls"].contains(URL(fileURLWithPath: file).pathExtension.lowercased())
    }

    /// One table of answers: a CSV sheet (`sheet` nil; its header is the first row, its
    /// cells may carry the apostrophe of `AgencySheet.guarded`) or a sheet of a workbook (its
    /// header is the first row that names the columns; its cells are as typed).
    struct Table {
        var sheet: String?
        var rows: [CSV.Row]
        var hiddenRows: Set<Int> = []
        var ignoredCells = 0
    }

    /// Merges tables read from a CSV file (one, with its separator) or a workbook (one per sheet).
    static func merge(
        _ tables: [Table], separator: CSV.Separator?, file: String, into assessment: Assessment, assessmentFile: String, catalog: Catalog
    ) -> Loaded<SheetMerge> {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        func at(_ row: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: row, column: column + 1) }
        let isWorkbook = separator == nil

        var entries: [Entry] = []
        var seen: [String: (sheet: String?, row: Int)] = [:]
        var sheetsRead: [Table] = []
        let declared = Set(assessment.header.agencies.map(\.id))
        var readRows = 0
        // "Did you mean" compares a wrong id with every known one: for the first 1,000
        // wrong cells only, so that a sheet wrong everywhere is still read in a moment.
        var itemSets: [String: Set<String>] = [:]
        var suggestionsLeft = 1000
        func suggestion(for text: String, in candidates: @autoclosure () -> [String]) -> String? {
            guard suggestionsLeft > 0 else { return nil }
            suggestionsLeft -= 1
            return closestMatch(to: text, in: candidates())
        }
        for table in tables {
            let rows = table.rows
            let prefix = table.sheet.map { "sheet `\($0.shortenedForMessage)`, " } ?? ""
            func place(_ row: Int, _ column: Int, _ header: String? = nil) -> String {
                prefix + "row \(row), column \(CSV.columnName(column))" + (header.map { " (\($0))" } ?? "")
            }
            func unguarded(_ text: String) -> String { isWorkbook ? text : AgencySheet.unguarded(text) }
            func columnFor(_ cell: String) -> AgencySheet.Column? {
                let name = normalizedHeader(unguarded(cell))
                return AgencySheet.Column.allCases.first(where: { $0.header == name }) ?? AgencySheet.Column.allCases.first(where: { $0.acceptedHeaders.contains(name) })
            }

            // The header: which column is which. In a workbook, the first row that names the
            // id and answer columns (title lines come above it); sheets without one are not read.
            let headerIndex: Int
            if let sheet = table.sheet {
                guard let found = rows.prefix(30).firstIndex(where: { row in
                    let named = Set(row.cells.compactMap(columnFor))
                    return named.contains(.id) && named.contains(.answer)
                }) else {
                    // A sheet with the ids of questions but no header: its answers must not be lost quietly.
                    let answered = Set(assessment.questionnaires.map(\.questionnaireID))
                    if let row = rows.first(where: { $0.cells.contains { cell in
                        cell.firstIndex(of: "/").map { answered.contains(String(cell[..<$0])) } ?? false
                    } }) {
                        problems.append(.error(at(row.number, 0), "sheet `\(sheet.shortenedForMessage)` holds answers (row \(row.number) names a question) but has no row of column headers (agency, questionnaire, id, …, level or status, evidence, comment), so its columns cannot be told apart: copy the header row of a workbook written by `cbm export-sheet` back above its rows"))
                        continue
                    }
                    if !AgencyWorkbook.instructionsSheetNames.contains(sheet.lowercased()) {
                        warnings.append(.warning(at(1, 0), "sheet `\(sheet.shortenedForMessage)` is not read: it has no row of column headers (id, …, level or status, evidence, comment) as `cbm export-sheet` writes them"))
                    }
                    continue
                }
                headerIndex = found
            } else {
                guard let header = rows.first, !header.isBlank else {
                    return Loaded(nil, [.error(at(1, 0), "the sheet is empty; expected a header row (agency, questionnaire, id, …, level or status, evidence, comment) and one row per question, as `cbm export-sheet` writes them")])
                }
                headerIndex = 0
            }
            let header = rows[headerIndex]
            let headerRow = header.number
            var headerProblems = false
            var columns: [AgencySheet.Column: Int] = [:]
            for (index, cell) in header.cells.enumerated() {
                guard !normalizedHeader(unguarded(cell)).isEmpty else { continue }
                guard let column = columnFor(cell) else {
                    warnings.append(.warning(at(headerRow, index), "\(place(headerRow, index)): cbm does not read the column `\(cell.shortenedForMessage)`; what it holds is not imported"))
                    continue
                }
                if let first = columns[column] {
                    problems.append(.error(at(headerRow, index), "\(place(headerRow, index)): the column `\(column.header)` appears twice (first in column \(CSV.columnName(first))); keep one"))
                    headerProblems = true
                    continue
                }
                columns[column] = index
            }
            let missing = AgencySheet.Column.required.filter { columns[$0] == nil }
            if !isWorkbook && columns.isEmpty && header.cells.count > 1 {
                // Not one column name: the header row is most likely deleted. One clear error,
                // without a warning for each of its cells.
                let found = header.cells.filter { !$0.isEmpty }.prefix(3).map { "`\($0.shortenedForMessage)`" }.joined(separator: ", ")
                return Loaded(nil, [.error(at(1, 0), "row 1 should be the header row (agency, questionnaire, id, …, level or status, evidence, comment), but none of its cells is a column name (it starts \(found)): the header row seems to have been deleted. Copy the first row of a sheet written by `cbm export-sheet` back above the answers, or export the sheet again")])
            }
            if !missing.isEmpty {
                let found = header.cells.filter { !$0.isEmpty }.map { "`\($0.shortenedForMessage)`" }.joined(separator: ", ")
                let separatorHint = header.cells.count == 1 && !isWorkbook ? "; the cells of the header are not separated by `,` or `;` — is it a CSV file?" : ""
                problems.append(.error(at(headerRow, 0), prefix + "row \(headerRow) (the header): expected the columns " + missing.map { "`\($0.header)`" }.joined(separator: ", ")
                    + ", which the sheet does not have; found \(found.isEmpty ? "nothing" : found)\(separatorHint). Start from a sheet written by `cbm export-sheet` and keep its \(isWorkbook ? "header row" : "first row")"))
                headerProblems = true
            }
            if headerProblems {
                if isWorkbook { continue }
                return Loaded(nil, problems + warnings)
            }
            let width = header.cells.count
            sheetsRead.append(table)
            if table.ignoredCells > 0 {
                warnings.append(.warning(at(headerRow, 0), prefix + "\(table.ignoredCells) cells right of column \(CSV.columnName(WorkbookReader.Limits.standard.maxColumns - 1)) are not read"))
            }

            // The rows.
            var extraCellWarned = false
            for row in rows.dropFirst(headerIndex + 1) where !row.isBlank {
                readRows += 1
                var rowProblems: [Diagnostic] = []
                func problem(_ column: Int, _ header: String?, _ message: String) {
                    rowProblems.append(.error(at(row.number, column), "\(place(row.number, column, header)): \(message)"))
                }
                func cell(_ column: AgencySheet.Column) -> String {
                    columns[column].map { unguarded(row[$0]) } ?? ""
                }
                for index in width..<max(width, row.cells.count) where !row.cells[index].allSatisfy(\.isWhitespace) {
                    if let separator {
                        problem(index, nil, "the row has more cells than the header (this one holds `\(row.cells[index].shortenedForMessage)`); a text that contains `\(separator.rawValue)` must be put in double quotes, or a cell was shifted")
                    } else if !extraCellWarned {
                        extraCellWarned = true
                        warnings.append(.warning(at(row.number, index), "\(place(row.number, index)): this column has no header, so cbm does not read it (it holds `\(row.cells[index].shortenedForMessage)`); write evidence and comments in columns \(AgencySheet.Column.evidence.letter) and \(AgencySheet.Column.comment.letter)"))
                    }
                    break
                }
                for column in [AgencySheet.Column.agency, .id, .answer, .evidence, .comment] {
                    guard let index = columns[column] else { continue }
                    if let bad = row[index].unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" || (0x7F...0x9F).contains($0.value) }) {
                        problem(index, column.header, "the cell contains an invisible control character (code \(bad.value)); retype the text")
                    }
                }

                // Agency.
                let agencyColumn = columns[.agency]!
                let agency = cell(.agency).trimmingCharacters(in: .whitespaces)
                if agency.isEmpty {
                    problem(agencyColumn, "agency", "expected the id of the agency that answers (for example customs), found an empty cell")
                } else if !declared.contains(agency) {
                    let suggest = suggestionsLeft > 0
                    suggestionsLeft -= 1
                    problem(agencyColumn, "agency", AgencySheet.undeclaredAgency(agency, in: assessment, suggest: suggest).replacingOccurrences(of: "in the assessment", with: "in \(assessmentFile)"))
                }

                // Questionnaire and item.
                let idColumn = columns[.id]!
                let reference = cell(.id).trimmingCharacters(in: .whitespaces)
                let questionnaireCell = cell(.questionnaire).trimmingCharacters(in: .whitespaces)
                var questionnaireID: String?
                var itemID: String?
                if reference.isEmpty {
                    problem(idColumn, "id", "expected the id of an indicator or provision (for example cbm-core/ict.single-window), found an empty cell")
                } else if let slash = reference.firstIndex(of: "/") {
                    questionnaireID = String(reference[..<slash])
                    itemID = String(reference[reference.index(after: slash)...])
                    if !questionnaireCell.isEmpty, questionnaireCell != questionnaireID, let column = columns[.questionnaire] {
                        problem(column, "questionnaire", "the row names the questionnaire `\(questionnaireCell.shortenedForMessage)`, but its id `\(reference.shortenedForMessage)` is in `\(questionnaireID!)`; make them agree")
                        questionnaireID = nil
                    }
                } else if !questionnaireCell.isEmpty {
                    questionnaireID = questionnaireCell
                    itemID = reference
                } else {
                    problem(idColumn, "id", "expected the id with its questionnaire, such as cbm-core/ict.single-window or wto-tfa/7.1, found `\(reference.shortenedForMessage)`")
                }
                var kind: QuestionnaireKind?
                if let qid = questionnaireID, let item = itemID {
                    let column = columns[.questionnaire].flatMap { questionnaireCell.isEmpty ? nil : $0 } ?? idColumn
                    let header = column == idColumn ? "id" : "questionnaire"
                    if let answers = assessment.answers(for: qid), let questionnaire = questionnaireAnswered(catalog, qid, version: answers.version) {
                        kind = questionnaire.kind
                        let known = itemSets[qid] ?? Set(questionnaire.itemIDs)  // computed once per questionnaire, not per row
                        itemSets[qid] = known
                        if !known.contains(item) {
                            let noun = questionnaire.kind == .maturity ? "indicator" : "provision"
                            var message = "`\(qid)` has no \(noun) `\(item.shortenedForMessage)`"
                            if let suggestion = suggestion(for: item, in: questionnaire.itemIDs) { message += "; did you mean `\(AgencySheet.reference(qid, suggestion))`?" }
                            problem(idColumn, "id", message)
                            kind = nil
                        }
                    } else if catalog.questionnaire(qid) != nil {
                        problem(column, header, "\(assessmentFile) does not answer the questionnaire `\(qid.shortenedForMessage)`; add it under `questionnaires:` in \(assessmentFile) (with `version:`), or leave this row out")
                    } else {
                        var message = "there is no questionnaire `\(qid.shortenedForMessage)`"
                        let answered = assessment.questionnaires.map(\.questionnaireID)
                        if let suggestion = suggestion(for: qid, in: answered) { message += "; did you mean `\(suggestion)`?" }
                        problem(column, header, message + "; \(assessmentFile) answers " + answered.map { "`\($0)`" }.joined(separator: ", "))
                    }
                }

                // A row with fewer cells than the header (a cell deleted, or a spreadsheet that
                // drops empty cells at the end of a row): the missing cells may be read as empty
                // only when the export had them empty, that is when the file holds nothing there.
                // (In a workbook, a cell left out is an empty cell: spreadsheet programs write no empty cells.)
                if !isWorkbook, row.cells.count < width, let qid = questionnaireID, let item = itemID, !agency.isEmpty {
                    let existing = assessment.answers(for: qid)?.answers.first { $0.itemID == item }?.responses.first { $0.agency == agency }
                    let held: [(AgencySheet.Column, String, Bool)] = [
                        (.answer, existing?.value?.complianceStatus != nil ? "status" : "level", existing?.value != nil),
                        (.evidence, "evidence", existing?.evidence != nil), (.comment, "comment", existing?.comment != nil),
                    ]
                    let lost = held.filter { column, _, holds in holds && (columns[column] ?? -1) >= row.cells.count }.map(\.1)
                    if !lost.isEmpty {
                        problem(row.cells.count, nil, "the row has \(row.cells.count) cells but the header has \(width): the cells from column \(CSV.columnName(row.cells.count)) on are missing, and reading them as empty would remove the \(lost.joined(separator: " and ")) that \(assessmentFile) holds for \(agency). A cell was probably deleted or shifted; put the missing cells back (or export the sheet again)")
                    }
                }

                // The answer.
                let answerColumn = columns[.answer]!
                let answerText = cell(.answer).trimmingCharacters(in: .whitespacesAndNewlines)
                let evidence = text(cell(.evidence))
                let comment = text(cell(.comment))
                var value: AnswerValue?
                if let kind, !answerText.isEmpty {
                    switch parseValue(answerText, kind: kind) {
                    case let .success(parsed): value = parsed
                    case let .failure(message): problem(answerColumn, "level or status", message.text)
                    }
                }
                if answerText.isEmpty, evidence != nil || comment != nil {
                    let allowed = kind == .compliance ? "a status (full, partial, pilot, none, na or unknown)" : "a level (1 to 5, na or unknown)"
                    problem(answerColumn, "level or status", "the row gives \(evidence != nil ? "evidence" : "a comment") but no answer; write \(allowed), or empty the row to give no answer")
                }

                if let qid = questionnaireID, let item = itemID, !agency.isEmpty {
                    let key = "\(agency)\u{0}\(qid)\u{0}\(item)"
                    if let first = seen[key] {
                        let firstPlace = first.sheet == table.sheet ? "row \(first.row)" : "sheet `\(first.sheet?.shortenedForMessage ?? "")`, row \(first.row)"
                        problem(idColumn, "id", "`\(AgencySheet.reference(qid, item))` is answered for \(agency) a second time (first in \(firstPlace)); keep one row per question")
                    } else {
                        seen[key] = (table.sheet, row.number)
                    }
                }
                if rowProblems.isEmpty, let qid = questionnaireID, let item = itemID {
                    entries.append(Entry(row: row.number, agency: agency, questionnaire: qid, item: item, value: value,
                                         evidence: evidence, comment: comment, sheet: table.sheet))
                }
                problems += rowProblems
            }
        }
        if isWorkbook && sheetsRead.isEmpty && !problems.hasErrors {
            let names = tables.map { "`\($0.sheet?.shortenedForMessage ?? "")`" }.joined(separator: ", ")
            return Loaded(nil, [.error(at(1, 0), "no sheet of this workbook has the columns cbm reads (agency, id, level or status, evidence, comment); its sheets are \(names.isEmpty ? "none" : names). Start from the workbook `cbm export-sheet` writes, and keep its header rows")])
        }
        if readRows == 0 && problems.isEmpty {
            problems.append(.error(at(1, 0), "the sheet has a header but no rows below it; expected one row per question, as `cbm export-sheet` writes them"))
        }
        if problems.hasErrors { return Loaded(nil, problems + warnings) }
        if isWorkbook {
            warnings += missingRowWarnings(sheetsRead, entries: entries, file: file, assessment: assessment, catalog: catalog)
        }

        // Merge.
        var merged = assessment
        var changes: [Change] = []
        var unchanged = 0
        for entry in entries {
            guard let q = merged.questionnaires.firstIndex(where: { $0.questionnaireID == entry.questionnaire }),
                  let questionnaire = questionnaireAnswered(catalog, entry.questionnaire, version: merged.questionnaires[q].version) else { continue }
            let kind = questionnaire.kind
            var answers = merged.questionnaires[q].answers
            let existing = answers.firstIndex { $0.itemID == entry.item }
            let new = entry.value.map { Response(agency: entry.agency, value: $0, evidence: entry.evidence, comment: entry.comment) }
            func record(_ kind: Change.Kind, _ before: Response?, _ after: Response?) {
                changes.append(Change(kind: kind, row: entry.row, agency: entry.agency, questionnaire: entry.questionnaire,
                                      item: entry.item, before: before?.withoutLocation, after: after))
            }
            guard let a = existing else {
                // No answer to this item yet: add one, in questionnaire order.
                guard let new else { unchanged += 1; continue }
                let order = questionnaire.itemIDs
                let position = order.firstIndex(of: entry.item) ?? order.count
                let insertAt = answers.firstIndex { (order.firstIndex(of: $0.itemID) ?? order.count) > position } ?? answers.count
                answers.insert(Answer(itemID: entry.item, responses: [new]), at: insertAt)
                merged.questionnaires[q].answers = answers
                record(.added, nil, new)
                continue
            }
            var answer = answers[a]
            if let r = answer.responses.firstIndex(where: { $0.agency == entry.agency }) {
                let before = answer.responses[r]
                if let new {
                    if before.withoutLocation == new { unchanged += 1; continue }
                    answer.responses[r] = new
                    record(.changed, before, new)
                } else {
                    answer.responses.remove(at: r)
                    if answer.responses.isEmpty && answer.consensus == nil {
                        answer.responses = [placeholder(kind)]
                    }
                    record(.removed, before, nil)
                }
            } else {
                guard let new else { unchanged += 1; continue }
                var kept: String?
                if let group = answer.responses.first(where: { $0.agency == nil }) {
                    // One answer for the whole group and one agency's answer cannot stand side
                    // by side: the group's answer becomes the agreed one, nothing is lost.
                    answer.responses.removeAll { $0.agency == nil }
                    if !isPlaceholder(group) { kept = keepGroupAnswer(group, in: &answer) }
                }
                let order = merged.header.agencies.map(\.id)
                let rank = { (id: String?) in id.flatMap { order.firstIndex(of: $0) } ?? order.count }
                let insertAt = answer.responses.firstIndex { rank($0.agency) > rank(entry.agency) } ?? answer.responses.count
                answer.responses.insert(new, at: insertAt)
                record(.added, nil, new)
                changes[changes.count - 1].groupAnswer = kept
            }
            answers[a] = answer
            merged.questionnaires[q].answers = answers
        }
        var agencies: [String] = []
        for entry in entries where !agencies.contains(entry.agency) { agencies.append(entry.agency) }
        return Loaded(SheetMerge(merged: merged, changes: changes, unchangedRows: unchanged, agencies: agencies,
                                  separator: separator ?? .comma, isWorkbook: isWorkbook, warnings: warnings), warnings)
    }

    /// Turns the answer given for the whole group into the agreed one (`consensus`), unless
    /// there is a consensus already, and moves its evidence and comment into the note, where
    /// the format keeps group-level text. Returns what was done, in words.
    static func keepGroupAnswer(_ group: Response, in answer: inout Answer) -> String {
        let word = group.value?.complianceStatus != nil ? "status" : "level"
        let value = group.value.flatMap { $0 == .level(.unknown) || $0 == .status(.unknown) ? nil : $0 }
        var lines: [String] = []
        var done: [String] = []
        if let value, answer.consensus == nil {
            answer.consensus = value
            done.append("the group's answer, \(word) \(value), is kept as the agreed \(word) (consensus)")
        } else if let value {
            lines.append("Answer given for the whole group: \(word) \(value).")
            done.append("the group's answer, \(word) \(value), is kept in the note")
        }
        if let evidence = group.evidence { lines.append("Evidence given for the whole group: \(evidence)") }
        if let comment = group.comment { lines.append("Comment given for the whole group: \(comment)") }
        if !lines.isEmpty {
            answer.note = ([answer.note].compactMap { $0 } + lines).joined(separator: "\n")
            if group.evidence != nil || group.comment != nil {
                done.append("its " + [group.evidence.map { _ in "evidence" }, group.comment.map { _ in "comment" }].compactMap { $0 }.joined(separator: " and ") + " moved to the note")
            }
        }
        return done.joined(separator: "; ")
    }

    /// The answer `unknown` given for the whole group: what `cbm init` writes for each item.
    static func placeholder(_ kind: QuestionnaireKind) -> Response {
        Response(value: kind == .maturity ? .level(.unknown) : .status(.unknown))
    }

    static func isPlaceholder(_ response: Response) -> Bool {
        response.agency == nil && response.evidence == nil && response.comment == nil
            && (response.value == nil || response.value == .level(.unknown) || response.value == .status(.unknown))
    }

    /// A text cell: nil when it holds nothing but spaces.
    private static func text(_ cell: String) -> String? {
        cell.allSatisfy(\.isWhitespace) ? nil : cell
    }

    private static func normalizedHeader(_ cell: String) -> String {
        cell.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    struct Message: Error { var text: String }

    /// A level (1–5, na, unknown) or a status (full, partial, pilot, none, na, unknown), as
    /// the assessment file accepts them (`N/A` and capitals included).
    /// The words of a Russian (or other language's) sheet are read as well: `частично` is
    /// `partial`, `н/п` is `na` (see `sheet.values` in `Resources/locales/*.yaml`).
    static func parseValue(_ text: String, kind: QuestionnaireKind) -> Result<AnswerValue, Message> {
        var lowered = text.lowercased()
        if let key = AgencySheet.answerKey(for: text) {
            if kind == .maturity && !["na", "unknown"].contains(key) {
                return .failure(Message(text: "expected a level from 1 to 5, `na` (not applicable) or `unknown`, found `\(text.shortenedForMessage)`; `\(text.shortenedForMessage)` is a status\(lowered == key ? "" : " (\(key))"), but this row is an indicator of a maturity questionnaire"))
            }
            lowered = key
        }
        switch kind {
        case .maturity:
            switch lowered {
            case "na", "n/a": return .success(.level(.notApplicable))
            case "unknown": return .success(.level(.unknown))
            default:
                if let level = Int(lowered), MaturityLevel.range.contains(level) { return .success(.level(.level(level))) }
                // A spreadsheet may write 3 as 3.0 or 3,0.
                if let number = Double(lowered.replacingOccurrences(of: ",", with: ".")), number.isFinite, number == number.rounded(),
                   (1.0...5.0).contains(number) {
                    return .success(.level(.level(Int(number))))
                }
                var message = "expected a level from 1 to 5, `na` (not applicable) or `unknown`, found `\(text.shortenedForMessage)`"
                if let number = Double(lowered.replacingOccurrences(of: ",", with: ".")), number.isFinite, number != number.rounded() {
                    message += "; levels are whole numbers: choose the level whose description fits"
                } else if ComplianceStatus(rawValue: lowered) != nil {
                    message += "; `\(lowered)` is a status, but this row is an indicator of a maturity questionnaire"
                }
                return .failure(Message(text: message))
            }
        case .compliance:
            if lowered == "n/a" { return .success(.status(.notApplicable)) }
            if let status = ComplianceStatus(rawValue: lowered) { return .success(.status(status)) }
            var message = "expected a status: full, partial, pilot, none, na (not applicable) or unknown; found `\(text.shortenedForMessage)`"
            if Double(lowered.replacingOccurrences(of: ",", with: ".")) != nil {
                message += "; levels 1 to 5 are for maturity indicators, this row is a provision of a convention checklist"
            } else if let suggestion = closestMatch(to: lowered, in: ComplianceStatus.allCases.map(\.rawValue)) {
                message += "; did you mean `\(suggestion)`?"
            }
            return .failure(Message(text: message))
        }
    }
}

extension Response {
    var withoutLocation: Response {
        var copy = self
        copy.location = nil
        return copy
    }
}

extension Assessment {
    /// The same assessment without the places its parts were read from, for comparing what
    /// two assessments say rather than how their files were laid out.
    public var withoutLocations: Assessment {
        var copy = self
        copy.file = nil
        copy.header.agencies = header.agencies.map { var a = $0; a.location = nil; return a }
        copy.questionnaires = questionnaires.map { answers in
            var answers = answers
            answers.location = nil
            answers.targets = answers.targets.map { var t = $0; t.location = nil; return t }
            answers.answers = answers.answers.map { answer in
                var answer = answer
                answer.location = nil
                answer.responses = answer.responses.map(\.withoutLocation)
                return answer
            }
            return answers
        }
        return copy
    }
}
