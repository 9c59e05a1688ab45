import Foundation
import Testing
import ZIPFoundation
@testable import CBMKit

// Tests of the agency workbook: what `AgencyWorkbook` writes, and what `SheetMerge` reads
// back from workbooks as spreadsheet programs save them.

enum WorkbookFixture {
    /// The mini fixture assessment (agencies customs and border-guard; questionnaires mini and mini-checklist).
    static var mini: Assessment {
        let (assessment, diagnostics) = assessmentResult(Fixtures.text("mini-assessment.yaml"))
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        return assessment!
    }

    static func export(_ assessment: Assessment = mini, agency: String = "customs") throws -> Data {
        try AgencyWorkbook.data(for: assessment, catalog: Fixtures.catalog, agency: agency)
    }

    static func merge(_ data: Data, into assessment: Assessment = mini) -> (SheetMerge?, [Diagnostic]) {
        let merge = SheetMerge.merge(data, file: "customs.xlsx", into: assessment, assessmentFile: "a.yaml", catalog: Fixtures.catalog)
        return (merge.value, merge.diagnostics)
    }

    /// The text of one part of a zip archive.
    static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func response(_ assessment: Assessment, _ questionnaire: String, _ item: String, agency: String = "customs") -> Response? {
        assessment.answers(for: questionnaire)?.answer(item)?.responses.first { $0.agency == agency }?.withoutLocation
    }
}

@Suite("Agency workbook: export")
struct WorkbookExportTests {
    @Test func instructionsThenOneSheetPerQuestionnaireWithTheCSVSheetsContent() throws {
        let workbook = try AgencyWorkbook.workbook(for: WorkbookFixture.mini, catalog: Fixtures.catalog, agency: "customs")
        #expect(workbook.sheets.map(\.name) == ["Instructions", "mini", "mini-checklist"])
        let csv = try AgencySheet.rows(for: WorkbookFixture.mini, catalog: Fixtures.catalog, agency: "customs").map { $0.map(AgencySheet.unguarded) }
        for sheet in workbook.sheets.dropFirst() {
            #expect(sheet.rows[3].map { $0?.text ?? "" } == csv[0], "the header row")
        }
        let rows = workbook.sheets.dropFirst().flatMap { $0.rows.dropFirst(4).map { $0.map { $0?.text ?? "" } } }
        #expect(rows == Array(csv.dropFirst()))
        // Title, country, period and agency on every sheet.
        for sheet in workbook.sheets {
            let top = sheet.rows.prefix(2).compactMap { $0.first??.text }.joined(separator: "\n")
            for text in ["Testland self-assessment 2026", "Country: Testland", "Period: 2026", "Agency: customs (Testland Customs)"] {
                #expect(top.contains(text), "\(sheet.name): \(top)")
            }
        }
    }

    @Test func instructionsSayHowAndWhomToSendItBackTo() throws {
        var assessment = WorkbookFixture.mini
        let lines = { (assessment: Assessment) in
            try AgencyWorkbook.workbook(for: assessment, catalog: Fixtures.catalog, agency: "customs").sheets[0].rows.compactMap { $0.first??.text }
        }
        #expect(try lines(assessment).contains("7. Save the workbook as an Excel workbook (.xlsx), keeping its name, and send it back to the person who sent it to you."))
        assessment.header.preparedBy = "Mission team, mission@example.invalid"
        let text = try lines(assessment)
        #expect(text.contains("7. Save the workbook as an Excel workbook (.xlsx), keeping its name, and send it back to Mission team, mission@example.invalid."))
        #expect(text.contains("3 Defined: A formal arrangement exists and is applied at the main crossing points."))
        #expect(text.contains("partial: partly implemented"))
    }

    @Test func onlyTheAnswerColumnsAreOpenAndEachHasTheAllowedAnswers() throws {
        let workbook = try AgencyWorkbook.workbook(for: WorkbookFixture.mini, catalog: Fixtures.catalog, agency: "customs")
        let (mini, checklist) = (workbook.sheets[1], workbook.sheets[2])
        for sheet in workbook.sheets { #expect(sheet.protected) }
        #expect(mini.frozenRows == 4)
        #expect(mini.autoFilter == "A4:O7")
        #expect(mini.validations.map(\.range) == ["M5:M7"])
        #expect(mini.validations.map(\.values) == [["1", "2", "3", "4", "5", "na", "unknown"]])
        #expect(checklist.validations.map(\.range) == ["M5:M6"])
        #expect(checklist.validations.map(\.values) == [["full", "partial", "pilot", "none", "na", "unknown"]])
        #expect(checklist.validations[0].error.contains("full, partial, pilot, none, na (does not apply) or unknown"))
        for sheet in [mini, checklist] {
            for row in sheet.rows.dropFirst(4) {
                #expect(row.enumerated().filter { $0.element?.style == .answer }.map(\.offset) == [12, 13, 14])
            }
        }
    }

    @Test func thePartsSayWhatSpreadsheetProgramsNeed() throws {
        var assessment = WorkbookFixture.mini
        let evidence = "=HYPERLINK(\"http://example.invalid\") & <tag> \"q\"\r\nline _x0041_ \u{1}"
        assessment.questionnaires[0].answers[0].responses[0].evidence = evidence
        let data = try WorkbookFixture.export(assessment)
        let sheet = try WorkbookFixture.part("xl/worksheets/sheet2.xml", of: data)
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        #expect(!sheet.contains("password"))
        #expect(sheet.contains("<pane ySplit=\"4\" topLeftCell=\"A5\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<dataValidation type=\"list\" errorStyle=\"stop\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""))
        #expect(sheet.contains("<formula1>&quot;1,2,3,4,5,na,unknown&quot;</formula1>"))
        #expect(!sheet.contains("<f>"), "no cell is a formula")
        #expect(sheet.contains("&lt;tag&gt;"))
        #expect(sheet.contains("_x000D_\nline _x005F_x0041_ _x0001_"))
        let styles = try WorkbookFixture.part("xl/styles.xml", of: data)
        #expect(styles.contains("numFmtId=\"49\""), "answer cells are formatted as text")
        #expect(styles.contains("<protection locked=\"0\"/>"))
        // Read back exactly.
        let tables = WorkbookReader.read(data, file: "x.xlsx").tables
        let row = try #require(tables[1].rows.first { $0[2] == "mini/alpha.one" })
        #expect(row[AgencySheet.Column.evidence.rawValue] == evidence)
        // The same bytes each time.
        #expect(try WorkbookFixture.export(assessment) == data)
    }

    @Test func textsLongerThanAnExcelCellAreRefused() throws {
        var assessment = WorkbookFixture.mini
        assessment.questionnaires[0].answers[0].responses[0].evidence = String(repeating: "é", count: 32_767)
        _ = try WorkbookFixture.export(assessment)
        assessment.questionnaires[0].answers[0].responses[0].evidence = String(repeating: "🚚", count: 16_384)
        let error = #expect(throws: UsageError.self) { try WorkbookFixture.export(assessment) }
        #expect(error?.problems == ["`mini/alpha.one`: the evidence is 32768 characters long, and an Excel cell holds at most 32767; shorten it in the assessment file, or export a CSV sheet (-o NAME.csv)"])
    }

    @Test func questionsInRussianWhereTheQuestionnaireHasThem() throws {
        let catalog = Catalog.load(adding: []).catalog
        let assessment = Assessment(title: "Арвента 2026", country: "Арвента", period: "2026", agencies: [Agency(id: "customs", name: "Таможня")],
                                    questionnaires: [QuestionnaireAnswers(questionnaireID: "cbm-core", version: "2026.1")])
        let english = try AgencyWorkbook.workbook(for: assessment, catalog: catalog, agency: "customs")
        let russian = try AgencyWorkbook.workbook(for: assessment, catalog: catalog, agency: "customs", language: "ru")
        let question = AgencySheet.Column.question.rawValue
        let (en, ru) = (try #require(english.sheets[1].rows[4][question]?.text), try #require(russian.sheets[1].rows[4][question]?.text))
        #expect(en != ru)
        #expect(ru.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(ru)")
        let csv = try AgencySheet.rows(for: assessment, catalog: catalog, agency: "customs", language: "ru")
        #expect(ru == AgencySheet.unguarded(csv[1][question]))
        let level = AgencySheet.Column.level3.rawValue
        #expect(russian.sheets[1].rows[4][level]?.text == AgencySheet.unguarded(csv[1][level]))
    }

    @Test func everyWorkbookTextIsInEveryLanguageAndDropdownTitlesFitExcel() throws {
        // The texts live in the string tables (`workbook.*`), whose completeness and placeholders
        // StringTableTests check for every language; here: the workbook has texts, and Excel
        // shows no more than 32 characters of a dropdown's title.
        let tables = try StringTable.bundled.get()
        let english = try #require(tables["en"])
        let keys = english.keys.filter { $0.hasPrefix("workbook.") }
        #expect(keys.count == 24)
        for table in tables.values {
            for key in keys { #expect(table.keys.contains(key), "\(table.language): \(key)") }
            for key in keys where key.hasPrefix("workbook.dropdown.") && key.contains("title") {
                #expect(table[key].count <= 32, "\(table.language): \(key)")
            }
        }
    }

    @Test func aRussianWorkbookHasRussianInstructionsAndImports() throws {
        let workbook = try AgencyWorkbook.workbook(for: WorkbookFixture.mini, catalog: Fixtures.catalog, agency: "customs", language: "ru")
        #expect(workbook.sheets.map(\.name) == ["Инструкция", "mini", "mini-checklist"])
        let lines = workbook.sheets[0].rows.compactMap { $0.first??.text }
        #expect(lines.contains("Страна: Testland    Период: 2026    Ведомство: customs (Testland Customs)"))
        #expect(lines.contains("4. Для положения конвенции выберите полностью (выполнено полностью), частично (выполнено частично), пилот (только в пилотном режиме), нет (не выполнено), неприменимо или неизвестно."))
        #expect(workbook.sheets[2].validations.first?.error == "В эту ячейку вводится статус: полностью, частично, пилот, нет, неприменимо или неизвестно. Выберите значение из списка или оставьте ячейку пустой, если ответа нет.")
        #expect(workbook.sheets[1].validations.first?.values == ["1", "2", "3", "4", "5", "неприменимо", "неизвестно"])
        #expect(workbook.sheets[2].validations.first?.values == ["полностью", "частично", "пилот", "нет", "неприменимо", "неизвестно"])
        let data = try workbook.data()
        let (result, diagnostics) = WorkbookFixture.merge(data)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(result?.hasChanges == false)
        // Answers chosen from the Russian dropdowns are read back.
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: data))
        resave.fill("mini/alpha.two", "неприменимо", evidence: "Приказ № 5")
        resave.fill("mini-checklist/1.2", "частично")
        let (filled, problems) = WorkbookFixture.merge(try resave.data())
        #expect(!problems.hasErrors, "\(problems)")
        let merged = try #require(filled).merged
        #expect(WorkbookFixture.response(merged, "mini", "alpha.two") == Response(agency: "customs", value: .level(.notApplicable), evidence: "Приказ № 5"))
        #expect(WorkbookFixture.response(merged, "mini-checklist", "1.2") == Response(agency: "customs", value: .status(.partial)))
    }

    @Test func sheetNamesAreOnesExcelAccepts() {
        #expect(AgencyWorkbook.sheetName("a/b:c*d?e[f]g\\h", avoiding: []) == "a_b_c_d_e_f_g_h")
        #expect(AgencyWorkbook.sheetName(String(repeating: "x", count: 40), avoiding: []).count == 31)
        #expect(AgencyWorkbook.sheetName("Mini", avoiding: ["mini"]) == "Mini (2)")
        #expect(AgencyWorkbook.sheetName("instructions", avoiding: AgencyWorkbook.instructionsSheetNames) == "instructions (2)")
    }

    @Test func cellTextEscapesUndoExactly() {
        for text in ["", "_x0041_", "_x005F_", "a_x00_b", "\r\n", "\u{0}\u{1F}\u{FFFE}", "_x000D_\r", "__x1234__", "x_"] {
            #expect(XMLText.decodedFromCell(XMLText.encodedForCell(text)) == text, "\(text.debugDescription)")
        }
    }
}

@Suite("Agency workbook: import")
struct WorkbookImportTests {
    /// Texts a respondent may write, each of which a careless reader or writer would change.
    static let texts = [
        "Закон «О таможенном регулировании» № 311-ФЗ, ст. 5", "\"double\" and 'single' quotes", "line one\nline two",
        "crlf\r\nline", "=HYPERLINK(\"http://evil.invalid\")", "+1", "-2+3", "@SUM(A1)", "'quoted", "''twice", "_x000D_ literally",
        "tab\there", "  leading and trailing spaces  ", "日本語 and emoji 🚚", "<b>not markup</b> & co", "3", "2026-10-15",
        String(repeating: "Evidence text with words. ", count: 400).prefix(10_000).description,
    ]

    @Test(arguments: [true, false])
    func filledCellsComeBackExactly(sharedStrings: Bool) throws {
        let exported = try WorkbookFixture.export()
        let items = [("mini", "alpha.one"), ("mini", "alpha.two"), ("mini", "beta.one"), ("mini-checklist", "1.1"), ("mini-checklist", "1.2")]
        #expect(Self.texts.last?.count == 10_000)
        for start in stride(from: 0, to: Self.texts.count, by: items.count) {
            var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: exported))
            resave.sharedStrings = sharedStrings
            var expected: [(String, String, String, String)] = []
            for (offset, (q, item)) in items.enumerated() where start + offset < Self.texts.count {
                let text = Self.texts[start + offset]
                let comment = String(text.reversed())
                resave.fill("\(q)/\(item)", q == "mini" ? "4" : "pilot", evidence: text, comment: comment)
                expected.append((q, item, text, comment))
            }
            let (result, diagnostics) = WorkbookFixture.merge(try resave.data())
            #expect(!diagnostics.hasErrors, "\(diagnostics)")
            let merged = try #require(result).merged
            for (q, item, evidence, comment) in expected {
                let response = WorkbookFixture.response(merged, q, item)
                #expect(response?.evidence == evidence)
                #expect(response?.comment == comment)
            }
            // Exported again by cbm and read back: the same answers.
            let (again, problems) = WorkbookFixture.merge(try WorkbookFixture.export(merged), into: merged)
            #expect(!problems.hasErrors, "\(problems)")
            #expect(try #require(again).hasChanges == false)
        }
    }

    @Test func exportThenImportChangesNothing() throws {
        for agency in ["customs", "border-guard"] {
            let (result, diagnostics) = WorkbookFixture.merge(try WorkbookFixture.export(agency: agency))
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let r = try #require(result)
            #expect(!r.hasChanges)
            #expect(r.isWorkbook)
            #expect(r.unchangedRows == 5)
        }
    }

    @Test func whatSpreadsheetProgramsDoToAWorkbookIsRead() throws {
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: try WorkbookFixture.export()))
        resave.fill("mini/alpha.two", "2", evidence: "Plan 2025")
        resave.fill("mini/beta.one", "5", evidence: "2024", comment: "by formula")
        resave.fill("mini-checklist/1.2", "none")
        let beta = try #require(resave.place("mini/beta.one"))
        resave.formulas["M\(beta.row)"] = "3"           // =… whose last value is 3
        resave.numbersWithDecimals = true                // 2 saved as 2.0
        resave.trailingEmptyRows = 40
        resave.prefixed = true
        resave.sheets.reverse()                          // sheets reordered
        resave.sheets.insert(SpreadsheetResave.Sheet(name: "My notes", rows: [(1, ["call Ivan", nil, "=2+2"])]), at: 1)
        let (result, diagnostics) = WorkbookFixture.merge(try resave.data())
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let merged = try #require(result).merged
        #expect(WorkbookFixture.response(merged, "mini", "alpha.two") == Response(agency: "customs", value: .level(.level(2)), evidence: "Plan 2025"))
        #expect(WorkbookFixture.response(merged, "mini", "beta.one") == Response(agency: "customs", value: .level(.level(3)), evidence: "2024", comment: "by formula"))
        #expect(WorkbookFixture.response(merged, "mini-checklist", "1.2") == Response(agency: "customs", value: .status(.none)))
        #expect(diagnostics.map(\.message).contains("sheet `My notes` is not read: it has no row of column headers (id, …, level or status, evidence, comment) as `cbm export-sheet` writes them"))
    }

    @Test func sortedAndFilteredRowsImportAndHiddenOnesAreReported() throws {
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: try WorkbookFixture.export()))
        resave.fill("mini/alpha.one", "4", evidence: "joint MoU")
        resave.fill("mini/beta.one", "na")
        // Sorted by id, descending: the data rows swap places.
        let dataRows = resave.sheets[1].rows.filter { $0.number > 4 }
        let numbers = dataRows.map(\.number)
        resave.sheets[1].rows = resave.sheets[1].rows.filter { $0.number <= 4 } + zip(numbers, dataRows.reversed()).map { ($0, $1.cells) }
        let alphaOne = try #require(resave.place("mini/alpha.one"))
        #expect(alphaOne.row == 7)
        resave.sheets[1].hiddenRows = [alphaOne.row]
        let (result, diagnostics) = WorkbookFixture.merge(try resave.data())
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let merged = try #require(result).merged
        #expect(WorkbookFixture.response(merged, "mini", "alpha.one")?.evidence == "joint MoU")
        #expect(WorkbookFixture.response(merged, "mini", "beta.one")?.value == .level(.notApplicable))
        #expect(diagnostics.map(\.description).contains(
            "customs.xlsx:7:1: warning: sheet `mini`: row 7 is hidden in the workbook (by a filter or by hand); its answer was imported like the others, so check them with every row shown"))
    }

    @Test func deletedRowsAreReported() throws {
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: try WorkbookFixture.export()))
        let place = try #require(resave.place("mini/alpha.two"))
        resave.sheets[place.sheet].rows.removeAll { $0.number == place.row }
        let (result, diagnostics) = WorkbookFixture.merge(try resave.data())
        #expect(result?.hasChanges == false)
        #expect(diagnostics.map(\.message) == [
            "the workbook has no row for 1 indicator of `mini` (`mini/alpha.two`) answered by customs: were rows deleted? What a.yaml holds for it is kept as it is",
        ])
    }

    @Test func aSheetWithoutItsHeaderOrCopiedTwiceIsAnError() throws {
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: try WorkbookFixture.export()))
        resave.sheets[2].rows.removeAll { $0.number == 4 }
        var (result, diagnostics) = WorkbookFixture.merge(try resave.data())
        #expect(result == nil)
        #expect(diagnostics.errors.map(\.description) == [
            "customs.xlsx:5:1: error: sheet `mini-checklist` holds answers (row 5 names a question) but has no row of column headers (agency, questionnaire, id, …, level or status, evidence, comment), so its columns cannot be told apart: copy the header row of a workbook written by `cbm export-sheet` back above its rows",
        ])
        resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: try WorkbookFixture.export()))
        var copy = resave.sheets[1]
        copy.name = "mini (2)"
        resave.sheets.append(copy)
        (result, diagnostics) = WorkbookFixture.merge(try resave.data())
        #expect(result == nil)
        #expect(diagnostics.errors.first?.description == "customs.xlsx:5:3: error: sheet `mini (2)`, row 5, column C (id): `mini/alpha.one` is answered for customs a second time (first in sheet `mini`, row 5); keep one row per question")
    }

    @Test func problemsNameTheSheetRowAndColumn() throws {
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: try WorkbookFixture.export()))
        resave.fill("mini/alpha.two", "7")
        resave.fill("mini-checklist/1.1", "3", evidence: "law")
        let (result, diagnostics) = WorkbookFixture.merge(try resave.data())
        #expect(result == nil)
        #expect(diagnostics.errors.map(\.description) == [
            "customs.xlsx:6:13: error: sheet `mini`, row 6, column M (level or status): expected a level from 1 to 5, `na` (not applicable) or `unknown`, found `7`",
            "customs.xlsx:5:13: error: sheet `mini-checklist`, row 5, column M (level or status): expected a status: full, partial, pilot, none, na (not applicable) or unknown; found `3`; levels 1 to 5 are for maturity indicators, this row is a provision of a convention checklist",
        ])
    }
}
