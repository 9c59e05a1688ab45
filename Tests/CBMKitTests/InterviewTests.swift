import Foundation
import Testing
@testable import CBMKit

// Tests of Sources/CBMKit/Interview: the assessment writer, `cbm init` templates, the CSV
// reader and writer, and agency sheets (export, import, round trips, every import error).

private enum Interview {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The mini fixture assessment (agencies customs and border-guard; questionnaires mini and mini-checklist).
    static var mini: Assessment {
        let (assessment, diagnostics) = assessmentResult(Fixtures.text("mini-assessment.yaml"))
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        return assessment!
    }

    static func example(_ name: String) throws -> (Assessment, Catalog) {
        let loaded = try Loader.assessment(at: root.appendingPathComponent("examples/\(name)").path)
        return (loaded.assessment, loaded.catalog)
    }

    /// Writes the assessment and reads it back.
    static func reread(_ text: String, catalog: Catalog = Fixtures.catalog) -> (Assessment?, [Diagnostic]) {
        assessmentResult(text, catalog: catalog)
    }

    static func sheet(_ assessment: Assessment, agency: String, catalog: Catalog = Fixtures.catalog) throws(UsageError) -> [[String]] {
        try AgencySheet.rows(for: assessment, catalog: catalog, agency: agency)
    }

    static func merge(_ rows: [[String]], into assessment: Assessment, catalog: Catalog = Fixtures.catalog,
                      separator: CSV.Separator = .comma) -> (SheetMerge?, [Diagnostic]) {
        merge(Data(CSV.write(rows, separator: separator).utf8), into: assessment, catalog: catalog)
    }

    static func merge(_ data: Data, into assessment: Assessment, catalog: Catalog = Fixtures.catalog) -> (SheetMerge?, [Diagnostic]) {
        SheetMerge.merge(data, file: "sheet.csv", into: assessment, assessmentFile: "a.yaml", catalog: catalog)
    }

    /// Sets the answer cells of the row for `reference` (as a person fills them in).
    static func fill(_ rows: inout [[String]], _ reference: String, _ answer: String, evidence: String = "", comment: String = "") {
        guard let index = rows.firstIndex(where: { $0[AgencySheet.Column.id.rawValue] == reference }) else {
            Issue.record("no row \(reference)")
            return
        }
        rows[index][AgencySheet.Column.answer.rawValue] = answer
        rows[index][AgencySheet.Column.evidence.rawValue] = evidence
        rows[index][AgencySheet.Column.comment.rawValue] = comment
    }

    /// The answer cells (level or status, evidence, comment) of every row, as read back.
    static func answerCells(_ rows: [[String]]) -> [[String]] {
        rows.dropFirst().map { row in
            [row[0], row[2]] + [AgencySheet.Column.answer, .evidence, .comment].map { AgencySheet.unguarded(row[$0.rawValue]) }
        }
    }

    static func errors(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.errors.map(\.description) }
}

/// Texts that break naive YAML or CSV writers.
private let hostileTexts = [
    "plain", "", " ", "  leading spaces", "trailing spaces  ", "key: value", "a # not a comment", "#hash first",
    "\"double\" and 'single' quotes", "'", "\"", "back\\slash \\n not a newline", "line one\nline two", "\n", "\n\nblank lines\n\n",
    "crlf\r\nline", "tab\there", "- dash first", "? question", ": colon first", "{flow: map}", "[a, b]", "&anchor *alias", "!tag",
    "| block", "> folded", "% directive", "@at", "`tick`", "yes", "no", "null", "~", "true", "3", "2026-10-15", "0x10", "1e3",
    "Таможня: «проверка» № 5 — ok", "日本語", "emoji 🚚", "nbsp\u{00A0}here", "bom\u{FEFF}inside", "ls\u{2028}ps\u{2029}",
    "zero\u{200B}width", "bidi\u{202E}reversed", "=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "'quoted", "''twice",
    String(repeating: "word ", count: 60), String(repeating: "long-word-without-spaces-", count: 12),
    "many   spaces   between   words " + String(repeating: "x ", count: 60), "---", "...", "--- document", "%YAML 1.1",
]

@Suite("Assessment writer")
struct AssessmentWriterTests {
    @Test func miniFixtureReadsBackTheSame() throws {
        let original = Interview.mini
        let text = AssessmentWriter.yaml(original)
        let (reread, diagnostics) = Interview.reread(text)
        #expect(!diagnostics.hasErrors, "\(diagnostics)\n\(text)")
        #expect(try #require(reread).withoutLocations == original.withoutLocations)
    }

    @Test func everyExampleReadsBackTheSame() throws {
        for url in Loader.yamlFiles(in: Interview.root.appendingPathComponent("examples")) {
            let (original, catalog) = try Interview.example(url.lastPathComponent)
            let text = AssessmentWriter.yaml(original)
            let (reread, diagnostics) = Interview.reread(text, catalog: catalog)
            #expect(!diagnostics.hasErrors, "\(url.lastPathComponent): \(diagnostics.errors)")
            #expect(reread?.withoutLocations == original.withoutLocations, "\(url.lastPathComponent)")
            // Long texts are folded over several lines, as a person would write them.
            let long = text.split(separator: "\n").filter { $0.count > 100 && !$0.contains("- {") && !$0.contains(": {") }
            #expect(long.count < 5, "\(long.prefix(3))")
        }
    }

    @Test(arguments: hostileTexts)
    func hostileTextReadsBackExactly(_ text: String) throws {
        var assessment = Interview.mini
        assessment.title = "T " + text
        assessment.country = "C" + text
        assessment.notes = text
        assessment.preparedBy = text
        assessment.agencies[0].name = text.isEmpty ? "x" : text
        var answers = assessment.questionnaires[0].answers
        answers[0].note = text
        answers[0].responses[0].evidence = text
        answers[0].responses[1].comment = text
        answers[1].responses[0].comment = text
        assessment.questionnaires[0].answers = answers
        let yaml = AssessmentWriter.yaml(assessment)
        let (reread, diagnostics) = Interview.reread(yaml)
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)\n\(yaml)")
        #expect(reread?.withoutLocations == assessment.withoutLocations, "\(yaml)")
    }

    @Test func randomTextsReadBackExactly() throws {
        var generator = SplitMix64(seed: 2026)
        let pieces = [" ", "  ", "a", "Ж", "é", ":", ": ", " #", "#", "\"", "'", "\\", "\n", "\r", "\r\n", "\t", "-", "- ", "{", "}",
                      "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{A0}", "word ", "слово ", "3", "na"]
        for round in 0..<300 {
            let length = Int(generator.next() % 120)
            let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var assessment = Interview.mini
            assessment.notes = text
            assessment.questionnaires[0].answers[0].responses[0].evidence = text
            assessment.agencies[1].name = "n" + text
            let yaml = AssessmentWriter.yaml(assessment)
            let (reread, diagnostics) = Interview.reread(yaml)
            #expect(!diagnostics.hasErrors, "round \(round): \(diagnostics.errors)\n\(yaml)")
            #expect(reread?.withoutLocations == assessment.withoutLocations, "round \(round): \(text.debugDescription)")
            if diagnostics.hasErrors || reread?.withoutLocations != assessment.withoutLocations { break }
        }
    }

    @Test func idsThatLookLikeNumbersAreQuoted() {
        #expect(YAMLText.word("7.1") == "\"7.1\"")
        #expect(YAMLText.word("10.10") == "\"10.10\"")
        #expect(YAMLText.word("ict.single-window") == "ict.single-window")
        #expect(YAMLText.word("yes") == "\"yes\"")
        #expect(YAMLText.word("2026-H1", leadingDigit: true) == "2026-H1")
        #expect(YAMLText.word("1e3", leadingDigit: true) == "\"1e3\"")
    }

    @Test func commentsCannotBeBrokenOutOf() {
        let lines = YAMLText.comment("one\ntwo\u{2028}three: 3\r\n- four\u{85}five\u{0}", indent: 4, width: 80)
        #expect(lines.allSatisfy { $0.hasPrefix("    #") })
        #expect(lines.count == 5)
        #expect(!lines.joined().unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{85}" || $0 == "\u{0}" || $0 == "\r" })
    }
}

@Suite("cbm init templates")
struct TemplateTests {
    @Test func templateOfEveryBundledQuestionnaireIsValidAndUnanswered() throws {
        let catalog = Catalog.bundled().catalog
        let template = AssessmentTemplate(
            country: "Республика Арвента", period: "2026-H1", questionnaireIDs: catalog.ids,
            agencies: [Agency(id: "customs", name: "Государственный таможенный комитет"), Agency(id: "border-guard", name: "Border \"Guard\": HQ")])
        let text = try template.yaml(catalog: catalog, fileName: "arventa.yaml")
        let (assessment, diagnostics) = Interview.reread(text, catalog: catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let a = try #require(assessment)
        #expect(a.country == "Республика Арвента")
        #expect(a.title == "Республика Арвента CBM assessment 2026-H1")
        #expect(a.agencies.map(\.name) == ["Государственный таможенный комитет", "Border \"Guard\": HQ"])
        for questionnaire in catalog.questionnaires {
            let answers = try #require(a.answers(for: questionnaire.id))
            #expect(answers.version == questionnaire.version)
            #expect(answers.answers.map(\.itemID) == questionnaire.itemIDs)
            #expect(answers.answers.allSatisfy { $0.responses.count == 1 && SheetMerge.isPlaceholder($0.responses[0]) })
        }
        let card = Scorer.score(a, catalog: catalog)
        #expect(card.maturity.count == catalog.questionnaires.filter { $0.kind == .maturity }.count)
        for maturity in card.maturity {
            #expect(maturity.index == nil)
            #expect(maturity.indicators.allSatisfy { $0.status == .unanswered })
        }
        for compliance in card.compliance {
            #expect(compliance.rate == nil)
            #expect(compliance.provisions.allSatisfy { $0.status == .unanswered })
        }
        #expect(card.priorities.isEmpty)
    }

    @Test func templateShowsQuestionsAndLevelsAsComments() throws {
        let catalog = Fixtures.catalog
        let text = try AssessmentTemplate(country: "Testland", period: "2026", questionnaireIDs: ["mini", "mini-checklist"])
            .yaml(catalog: catalog)
        #expect(text.contains("      # Question: Is there one?\n"))
        #expect(text.contains("      # 3 Defined: defined\n"))
        #expect(text.contains("      alpha.one: {level: unknown}\n"))
        #expect(text.contains("      # Requirement: Publish the rules.\n"))
        #expect(text.contains("      \"1.1\": {status: unknown}\n"))
        #expect(AssessmentWriter.guideLanguage(in: text) == "en")
    }

    @Test func hostileQuestionnaireTextStaysInsideComments() throws {
        var catalog = Fixtures.catalog
        let evil = "Line\u{2028}injected: 1\n  - {agency: x}\r\nnext\u{85}x: y\u{0}"
        let indicator = Indicator(id: "evil.one", title: LocalizedText(evil), question: LocalizedText(evil),
                                  levels: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, LocalizedText(evil)) }),
                                  evidence: [LocalizedText(evil)])
        let questionnaire = MaturityQuestionnaire(id: "evil", version: "1", title: LocalizedText(evil),
                                                  dimensions: [Dimension(id: "evil", title: LocalizedText(evil), indicators: [indicator])])
        #expect(catalog.add(.maturity(questionnaire), file: "evil.yaml", bundled: false) == nil)
        let text = try AssessmentTemplate(country: "X", period: "2026", questionnaireIDs: ["evil"]).yaml(catalog: catalog)
        let (assessment, diagnostics) = Interview.reread(text, catalog: catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(text)")
        #expect(assessment?.questionnaires.first?.answers.map(\.itemID) == ["evil.one"])
    }

    @Test func everyProblemWithTheRequestIsReported() {
        let template = AssessmentTemplate(country: " ", period: "2026 H1", questionnaireIDs: ["cbm-cor", "cbm-core", "cbm-core"],
                                          agencies: [Agency(id: "customs", name: "A"), Agency(id: "customs", name: "B")])
        #expect(throws: UsageError.self) { try template.assessment(catalog: Fixtures.catalog) }
        do {
            _ = try template.assessment(catalog: Fixtures.catalog)
        } catch {
            let text = error.description
            #expect(text.contains("`--country`: expected the name of the country assessed, found nothing"))
            #expect(text.contains("`--period`: expected a year such as 2026, or 2026-H1, 2026-Q3 or 2026-05, found `2026 H1`"))
            #expect(text.contains("`--questionnaire cbm-cor`: there is no questionnaire with this id; did you mean `cbm-core`?"))
            #expect(text.contains("`--questionnaire cbm-core` is given twice"))
            #expect(text.contains("`--agency customs=…` is given twice"))
            #expect(error.problems.count == 5)
        }
        let none = AssessmentTemplate(country: "X", period: "2026", questionnaireIDs: [])
        #expect(throws: UsageError.self) { try none.assessment(catalog: Fixtures.catalog) }
    }

    @Test func agencyOptions() throws {
        let agency = try AssessmentTemplate.agency(parsing: "border-guard = Государственная пограничная служба")
        #expect(agency == Agency(id: "border-guard", name: "Государственная пограничная служба"))
        #expect(throws: UsageError.self) { try AssessmentTemplate.agency(parsing: "customs") }
        #expect(throws: UsageError.self) { try AssessmentTemplate.agency(parsing: "Customs=State Customs") }
        #expect(throws: UsageError.self) { try AssessmentTemplate.agency(parsing: "customs=") }
    }

    @Test func defaultFileName() {
        #expect(AssessmentTemplate(country: "Republic of Arventa", period: "2026", questionnaireIDs: []).defaultFileName() == "republic-of-arventa-2026.yaml")
        #expect(AssessmentTemplate(country: "Арвента", period: "2026-H1", questionnaireIDs: []).defaultFileName() == "assessment-2026-H1.yaml")
    }
}

@Suite("CSV")
struct CSVTests {
    @Test(arguments: CSV.Separator.allCases)
    func hostileCellsRoundTrip(_ separator: CSV.Separator) {
        let rows = [["a", "b", "c"], hostileTexts.filter { !$0.contains("\r") }, ["", "", ""], ["x;y", "x,y", "x\ty"]]
        let text = CSV.write(rows, separator: separator)
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(text.hasSuffix("\r\n"))
        let (read, found, diagnostics) = CSV.read(Data(text.utf8), file: "s.csv")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(found == separator)
        #expect(read.map(\.cells) == rows)
        #expect(read.map(\.number) == [1, 2, 3, 4])
    }

    @Test func excelStyleSemicolonsWithCRLFAndNoByteOrderMark() {
        let text = "agency;id;evidence\r\ncustoms;\"cbm-core/a\";\"Decree; 2025\r\nsecond line\"\r\n\r\nborder-guard;x;\"say \"\"hi\"\"\"\r\n"
        let (rows, separator, diagnostics) = CSV.read(Data(text.utf8), file: "s.csv")
        #expect(diagnostics.isEmpty)
        #expect(separator == .semicolon)
        #expect(rows.map(\.cells) == [["agency", "id", "evidence"], ["customs", "cbm-core/a", "Decree; 2025\r\nsecond line"], [""],
                                      ["border-guard", "x", "say \"hi\""]])
        #expect(rows.map(\.line) == [1, 2, 4, 5])
    }

    @Test func oldMacLineEndsAndSeparatorLine() {
        let (rows, separator, diagnostics) = CSV.read(Data("sep=;\ra;b\rc;d".utf8), file: "s.csv")
        #expect(diagnostics.isEmpty)
        #expect(separator == .semicolon)
        #expect(rows.map(\.cells) == [["a", "b"], ["c", "d"]])
    }

    @Test func unclosedQuoteIsLocated() {
        let (_, _, diagnostics) = CSV.read(Data("a,b\nx,\"open\ny,z\n".utf8), file: "s.csv")
        #expect(Interview.errors(diagnostics) == [
            "s.csv:2:2: error: row 2, column B: the quote that opens this cell (line 2 of the file) is never closed, so the rest of the file would be read as one cell; close it with \", and write a quote inside a cell as \"\"",
        ])
    }

    @Test func textAfterClosingQuoteIsLocated() {
        let (_, _, diagnostics) = CSV.read(Data("a,b\nx,\"quoted\" more\n".utf8), file: "s.csv")
        #expect(diagnostics.first?.description.hasPrefix("s.csv:2:2: error: row 2, column B: text follows the closing quote") == true)
    }

    @Test func wrongEncodingsAreExplained() {
        let windows1251 = Data([0x61, 0x2C, 0x62, 0x0A, 0xD2, 0xE0, 0xEC, 0xEE, 0xE6, 0xED, 0xFF])  // "Таможня" in Windows-1251
        let (_, _, one) = CSV.read(windows1251, file: "s.csv")
        #expect(one.first?.description.hasPrefix("s.csv:2:1: error: the sheet is not UTF-8 text at line 2") == true)
        #expect(one.first?.message.contains("CSV UTF-8") == true)
        let (_, _, two) = CSV.read(Data([0xFF, 0xFE, 0x61, 0x00]), file: "s.csv")
        #expect(two.first?.message.contains("UTF-16") == true)
        let (_, _, three) = CSV.read(Data([0x50, 0x4B, 0x03, 0x04, 0x14]), file: "s.xlsx")
        #expect(three.first?.message.contains("not a CSV file") == true)
    }

    @Test func columnNames() {
        #expect(CSV.columnName(0) == "A")
        #expect(CSV.columnName(25) == "Z")
        #expect(CSV.columnName(26) == "AA")
        #expect(CSV.columnName(27) == "AB")
    }
}

@Suite("Agency sheets")
struct AgencySheetTests {
    @Test func exportHasOneRowPerItemWithTheAgencysAnswers() throws {
        let rows = try Interview.sheet(Interview.mini, agency: "customs")
        #expect(rows[0] == AgencySheet.Column.allCases.map(\.header))
        #expect(rows.count == 1 + 3 + 2)
        #expect(rows.dropFirst().map { $0[2] } == ["mini/alpha.one", "mini/alpha.two", "mini/beta.one", "mini-checklist/1.1", "mini-checklist/1.2"])
        let one = rows[1]
        #expect(one[0] == "customs")
        #expect(one[1] == "mini")
        #expect(one[3] == "Alpha")
        #expect(one[4] == "One")
        #expect(one[5] == "Is there one?")
        #expect(one[6] == "1 Fragmented: none")
        #expect(one[10] == "5 Optimised: optimised")
        #expect(Array(one[12...]) == ["3", "MoU of 2024", ""])
        // alpha.two is the group's answer, not customs': the agency's cells stay empty.
        #expect(Array(rows[2][12...]) == ["", "", ""])
        #expect(rows[4][4] == "Publication (binding)")
        #expect(rows[4][5] == "Publish the rules.")
        #expect(rows[4][11] == "full, partial, pilot, none, na, unknown")
    }

    @Test func exportForAnUndeclaredAgencyIsRefused() {
        #expect(throws: UsageError.self) { try Interview.sheet(Interview.mini, agency: "customz") }
        do {
            _ = try Interview.sheet(Interview.mini, agency: "customz")
        } catch {
            #expect(error.description == "the agency `customz` is not declared in the assessment; did you mean `customs`? (declared: customs, border-guard; add others under `assessment: agencies:`)")
        }
    }

    @Test func cyrillicSheetOpensAsUTF8() throws {
        var assessment = Interview.mini
        assessment.agencies[0].name = "Таможня"
        assessment.questionnaires[0].answers[0].responses[0].evidence = "Меморандум 2024 г.; «подписан»"
        let text = try AgencySheet.csv(for: assessment, catalog: Fixtures.catalog, agency: "customs", separator: .semicolon)
        let bytes = [UInt8](text.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.contains("\"Меморандум 2024 г.; «подписан»\""))
        let (result, diagnostics) = Interview.merge(Data(text.utf8), into: assessment)
        #expect(diagnostics.isEmpty)
        #expect(result?.hasChanges == false)
    }

    @Test func exportThenImportChangesNothing() throws {
        for agency in ["customs", "border-guard"] {
            let rows = try Interview.sheet(Interview.mini, agency: agency)
            for separator in CSV.Separator.allCases {
                let (result, diagnostics) = Interview.merge(rows, into: Interview.mini, separator: separator)
                #expect(diagnostics.isEmpty, "\(diagnostics)")
                let r = try #require(result)
                #expect(!r.hasChanges)
                #expect(r.merged.withoutLocations == Interview.mini.withoutLocations)
                #expect(r.unchangedRows == 5)
            }
        }
    }

    @Test func exportThenImportChangesNothingForEveryAgencyOfEveryExample() throws {
        for url in Loader.yamlFiles(in: Interview.root.appendingPathComponent("examples")) {
            let (assessment, catalog) = try Interview.example(url.lastPathComponent)
            for agency in assessment.agencies {
                let rows = try Interview.sheet(assessment, agency: agency.id, catalog: catalog)
                let (result, diagnostics) = Interview.merge(rows, into: assessment, catalog: catalog)
                #expect(!diagnostics.hasErrors, "\(url.lastPathComponent) \(agency.id): \(diagnostics.errors.prefix(3))")
                #expect(result?.hasChanges == false, "\(url.lastPathComponent) \(agency.id): \(result?.changes.prefix(3) ?? [])")
            }
        }
    }

    @Test func exportFillImportExportGivesTheFilledValuesBack() throws {
        let original = Interview.mini
        var rows = try Interview.sheet(original, agency: "border-guard")
        Interview.fill(&rows, "mini/alpha.one", "4", evidence: "Протокол № 7: «совместный»\nвторая строка", comment: "=cmd|' /C calc'!A0")
        Interview.fill(&rows, "mini/alpha.two", "na", comment: "  leading spaces, \"quotes\", a # and a: colon")
        Interview.fill(&rows, "mini/beta.one", "unknown", evidence: "- not a list")
        Interview.fill(&rows, "mini-checklist/1.1", "pilot", evidence: "@pilot")
        Interview.fill(&rows, "mini-checklist/1.2", "none")
        let (result, diagnostics) = Interview.merge(rows, into: original)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let merged = try #require(result).merged
        #expect(result?.changes.map(\.kind) == [.changed, .added, .added, .added, .added])

        // The file written from the merged answers reads back the same, and gives the same sheet.
        let (reread, problems) = Interview.reread(AssessmentWriter.yaml(merged))
        #expect(!problems.hasErrors, "\(problems)")
        let again = try Interview.sheet(try #require(reread), agency: "border-guard")
        #expect(Interview.answerCells(again) == Interview.answerCells(rows))

        // Other agencies' answers, the consensus, category and date, targets are kept.
        let alphaOne = try #require(merged.answers(for: "mini")?.answer("alpha.one"))
        #expect(alphaOne.consensus == .level(.level(3)))
        #expect(alphaOne.responses.map(\.agency) == ["customs", "border-guard"])
        #expect(alphaOne.responses[0].withoutLocation == Response(agency: "customs", value: .level(.level(3)), evidence: "MoU of 2024"))
        let checklist = try #require(merged.answers(for: "mini-checklist")?.answer("1.1"))
        #expect(checklist.category == "B")
        #expect(checklist.date == "2027-12-31")
        #expect(merged.answers(for: "mini")?.targets.map(\.id) == ["alpha", "beta.one"])
        // Answers given for the whole group become the agreed ones, with their evidence in the note.
        let alphaTwo = try #require(merged.answers(for: "mini")?.answer("alpha.two"))
        #expect(alphaTwo.consensus == .level(.level(2)))
        #expect(alphaTwo.note == "Evidence given for the whole group: draft plan")
        #expect(alphaTwo.responses.map(\.agency) == ["border-guard"])
        #expect(checklist.consensus == .status(.partial))
        #expect(merged.answers(for: "mini")?.answer("beta.one")?.consensus == .level(.notApplicable))
        let before = Scorer.score(original, catalog: Fixtures.catalog)
        let after = Scorer.score(merged, catalog: Fixtures.catalog)
        #expect(after.maturity[0].indicators.map(\.score) == before.maturity[0].indicators.map(\.score))
        #expect(after.compliance[0].rate == before.compliance[0].rate)
    }

    @Test func importingIntoATemplateReplacesThePlaceholders() throws {
        let catalog = Fixtures.catalog
        let text = try AssessmentTemplate(country: "Testland", period: "2026", questionnaireIDs: ["mini", "mini-checklist"],
                                          agencies: [Agency(id: "customs", name: "Customs"), Agency(id: "health", name: "Health")]).yaml(catalog: catalog)
        let template = try #require(Interview.reread(text).0)
        var customs = try Interview.sheet(template, agency: "customs")
        #expect(Interview.answerCells(customs).allSatisfy { $0[2...].allSatisfy(\.isEmpty) })
        Interview.fill(&customs, "mini/alpha.one", "2")
        Interview.fill(&customs, "mini-checklist/1.1", "full")
        let first = try #require(Interview.merge(customs, into: template).0)
        var health = try Interview.sheet(first.merged, agency: "health")
        Interview.fill(&health, "mini/alpha.one", "3", evidence: "e")
        let second = try #require(Interview.merge(health, into: first.merged).0)
        let answer = try #require(second.merged.answers(for: "mini")?.answer("alpha.one"))
        #expect(answer.responses.map(\.agency) == ["customs", "health"])
        #expect(second.merged.answers(for: "mini")?.answer("alpha.two")?.responses.first.map(SheetMerge.isPlaceholder) == true)
        // The rewritten file keeps the question comments, and is valid.
        let yaml = AssessmentWriter.yaml(second.merged, guide: .init(catalog: catalog))
        #expect(yaml.contains("      # Question: Is there one?\n"))
        #expect(!Interview.reread(yaml).1.hasErrors)
        let card = Scorer.score(second.merged, catalog: catalog)
        #expect(card.maturity[0].indicators[0].score == 2.5)
    }

    @Test func anEmptiedRowRemovesTheAgencysAnswerOnly() throws {
        var rows = try Interview.sheet(Interview.mini, agency: "customs")
        Interview.fill(&rows, "mini/alpha.one", "")
        let result = try #require(Interview.merge(rows, into: Interview.mini).0)
        #expect(result.changes.map(\.kind) == [.removed])
        #expect(result.changes[0].details == "was level 3, evidence \"MoU of 2024\" (the row was left empty)")
        let answer = try #require(result.merged.answers(for: "mini")?.answer("alpha.one"))
        #expect(answer.responses.map(\.agency) == ["border-guard"])
        #expect(answer.consensus == .level(.level(3)))

        // When the last response goes, the consensus alone answers the item...
        var borderGuard = try Interview.sheet(result.merged, agency: "border-guard")
        Interview.fill(&borderGuard, "mini/alpha.one", "")
        let second = try #require(Interview.merge(borderGuard, into: result.merged).0)
        #expect(second.merged.answers(for: "mini")?.answer("alpha.one")?.responses.isEmpty == true)
        #expect(!Interview.reread(AssessmentWriter.yaml(second.merged)).1.hasErrors)

        // ...and without a consensus the item stays, answered `unknown` as in a new template.
        var noConsensus = result.merged
        noConsensus.questionnaires[0].answers[0].consensus = nil
        let third = try #require(Interview.merge(borderGuard, into: noConsensus).0)
        let left = try #require(third.merged.answers(for: "mini")?.answer("alpha.one"))
        #expect(left.responses.count == 1 && SheetMerge.isPlaceholder(left.responses[0]))
        #expect(!Interview.reread(AssessmentWriter.yaml(third.merged)).1.hasErrors)
    }

    @Test func changesAreDescribed() throws {
        var rows = try Interview.sheet(Interview.mini, agency: "customs")
        Interview.fill(&rows, "mini/alpha.one", "4", evidence: "MoU of 2025", comment: "new")
        let result = try #require(Interview.merge(rows, into: Interview.mini).0)
        #expect(result.changes.map(\.description) == ["changed customs mini/alpha.one: level 3 → 4; evidence changed; comment added"])
    }

    // MARK: Every import error

    private func importErrors(_ edit: (inout [[String]]) -> Void, agency: String = "customs") throws -> [String] {
        var rows = try Interview.sheet(Interview.mini, agency: agency)
        edit(&rows)
        let (result, diagnostics) = Interview.merge(rows, into: Interview.mini)
        #expect(result == nil)
        return Interview.errors(diagnostics)
    }

    @Test func levelOutOfRange() throws {
        let errors = try importErrors { Interview.fill(&$0, "mini/alpha.two", "7") }
        #expect(errors == ["sheet.csv:3:13: error: row 3, column M (level or status): expected a level from 1 to 5, `na` (not applicable) or `unknown`, found `7`"])
    }

    @Test func levelBetweenLevels() throws {
        let errors = try importErrors { Interview.fill(&$0, "mini/alpha.two", "2.5") }
        #expect(errors.first?.hasSuffix("found `2.5`; levels are whole numbers: choose the level whose description fits") == true)
    }

    @Test func statusWhereALevelIsExpectedAndTheOtherWayRound() throws {
        let errors = try importErrors {
            Interview.fill(&$0, "mini/alpha.two", "partial")
            Interview.fill(&$0, "mini-checklist/1.2", "compliant")
            Interview.fill(&$0, "mini-checklist/1.1", "3")
        }
        #expect(errors.count == 3)
        #expect(errors[0].hasSuffix("found `partial`; `partial` is a status, but this row is an indicator of a maturity questionnaire"))
        #expect(errors[1] == "sheet.csv:5:13: error: row 5, column M (level or status): expected a status: full, partial, pilot, none, na (not applicable) or unknown; found `3`; levels 1 to 5 are for maturity indicators, this row is a provision of a convention checklist")
        #expect(errors[2] == "sheet.csv:6:13: error: row 6, column M (level or status): expected a status: full, partial, pilot, none, na (not applicable) or unknown; found `compliant`")
    }

    @Test func unknownItemWithSuggestion() throws {
        let errors = try importErrors { $0[2][2] = "mini/alpha.tow" }
        #expect(errors == ["sheet.csv:3:3: error: row 3, column C (id): `mini` has no indicator `alpha.tow`; did you mean `mini/alpha.two`?"])
    }

    @Test func idThatASpreadsheetTurnedIntoADateOrNumber() throws {
        let errors = try importErrors { $0[4][2] = "01.01.2026"; $0[4][1] = "mini-checklist" }
        #expect(errors == ["sheet.csv:5:3: error: row 5, column C (id): `mini-checklist` has no provision `01.01.2026`"])
    }

    @Test func questionnaireNotAnsweredOrUnknown() throws {
        let errors = try importErrors {
            $0[1][1] = "cbm-core"
            $0[1][2] = "cbm-core/ict.single-window"
            $0[2][1] = "mni"
            $0[2][2] = "mni/alpha.two"
        }
        #expect(errors == [
            "sheet.csv:2:2: error: row 2, column B (questionnaire): a.yaml does not answer the questionnaire `cbm-core`; add it under `questionnaires:` in a.yaml (with `version:`), or leave this row out",
            "sheet.csv:3:2: error: row 3, column B (questionnaire): there is no questionnaire `mni`; did you mean `mini`?; a.yaml answers `mini`, `mini-checklist`",
        ])
    }

    @Test func questionnaireAndIdDisagree() throws {
        let errors = try importErrors { $0[1][1] = "mini-checklist" }
        #expect(errors == ["sheet.csv:2:2: error: row 2, column B (questionnaire): the row names the questionnaire `mini-checklist`, but its id `mini/alpha.one` is in `mini`; make them agree"])
    }

    @Test func undeclaredOrMissingAgency() throws {
        let errors = try importErrors {
            $0[1][0] = "border-police"
            $0[2][0] = ""
        }
        #expect(errors == [
            "sheet.csv:2:1: error: row 2, column A (agency): the agency `border-police` is not declared in a.yaml; did you mean `border-guard`? (declared: customs, border-guard; add others under `assessment: agencies:`)",
            "sheet.csv:3:1: error: row 3, column A (agency): expected the id of the agency that answers (for example customs), found an empty cell",
        ])
    }

    @Test func missingColumns() throws {
        let errors = try importErrors { rows in
            for index in rows.indices { rows[index].removeLast(2) }  // evidence and comment
        }
        #expect(errors == ["sheet.csv:1:1: error: row 1 (the header): expected the columns `evidence`, `comment`, which the sheet does not have; found `agency`, `questionnaire`, `id`, `dimension or section`, `title`, `question or requirement`, `level 1`, `level 2`, `level 3`, `level 4`, `level 5`, `answers allowed`, `level or status`. Start from a sheet written by `cbm export-sheet` and keep its first row"])
    }

    @Test func duplicateColumn() throws {
        let errors = try importErrors { $0[0][4] = "Evidence" }
        #expect(errors == ["sheet.csv:1:14: error: row 1, column N (evidence): the column `evidence` appears twice (first in column E); keep one"] ||
                errors == ["sheet.csv:1:14: error: row 1, column N: the column `evidence` appears twice (first in column E); keep one"])
    }

    @Test func duplicateRow() throws {
        let errors = try importErrors { $0.append($0[1]) }
        #expect(errors == ["sheet.csv:7:3: error: row 7, column C (id): `mini/alpha.one` is answered for customs a second time (first in row 2); keep one row per question"])
    }

    @Test func evidenceWithoutAnAnswer() throws {
        let errors = try importErrors { Interview.fill(&$0, "mini/beta.one", "", evidence: "a document") }
        #expect(errors == ["sheet.csv:4:13: error: row 4, column M (level or status): the row gives evidence but no answer; write a level (1 to 5, na or unknown), or empty the row to give no answer"])
    }

    @Test func cellsBeyondTheHeader() throws {
        let errors = try importErrors { $0[3].append("stray") }
        #expect(errors.first?.hasPrefix("sheet.csv:4:16: error: row 4, column P: the row has more cells than the header (this one holds `stray`)") == true)
    }

    @Test func controlCharacterInACell() throws {
        let errors = try importErrors {
            Interview.fill(&$0, "mini/beta.one", "2", evidence: "bell\u{07}")
            Interview.fill(&$0, "mini/alpha.one", "2", comment: "c1\u{9B}")
        }
        #expect(errors == [
            "sheet.csv:2:15: error: row 2, column O (comment): the cell contains an invisible control character (code 155); retype the text",
            "sheet.csv:4:14: error: row 4, column N (evidence): the cell contains an invisible control character (code 7); retype the text",
        ])
    }

    @Test func agencyAnswerBesideAGroupAnswer() throws {
        var assessment = Interview.mini
        assessment.questionnaires[0].answers[1].note = "Agreed in May."
        assessment.questionnaires[0].answers[1].consensus = .level(.level(3))
        assessment.questionnaires[0].answers[1].responses[0].comment = "to check"
        var rows = try Interview.sheet(assessment, agency: "customs")
        Interview.fill(&rows, "mini/alpha.two", "4")
        let result = try #require(Interview.merge(rows, into: assessment).0)
        let answer = try #require(result.merged.answers(for: "mini")?.answer("alpha.two"))
        #expect(answer.consensus == .level(.level(3)))
        #expect(answer.note == "Agreed in May.\nAnswer given for the whole group: level 2.\nEvidence given for the whole group: draft plan\nComment given for the whole group: to check")
        #expect(result.changes.map(\.description) == ["added customs mini/alpha.two: level 4 (the group's answer, level 2, is kept in the note; its evidence and comment moved to the note)"])
    }

    @Test func emptySheetAndHeaderOnly() throws {
        let (_, empty) = Interview.merge(Data(), into: Interview.mini)
        #expect(empty.first?.message.hasPrefix("the sheet is empty") == true)
        let header = CSV.write([AgencySheet.Column.allCases.map(\.header)])
        let (_, only) = Interview.merge(Data(header.utf8), into: Interview.mini)
        #expect(only.first?.message.hasPrefix("the sheet has a header but no rows below it") == true)
    }

    @Test func everyBadRowIsReportedAndNothingIsMerged() throws {
        let errors = try importErrors {
            Interview.fill(&$0, "mini/alpha.one", "7")
            Interview.fill(&$0, "mini/beta.one", "1")  // fine on its own
            $0[4][2] = "mini-checklist/9.9"
            Interview.fill(&$0, "mini-checklist/1.2", "ful")
        }
        #expect(errors.count == 3)
        #expect(errors.map { $0.components(separatedBy: ": error:")[0] } == ["sheet.csv:2:13", "sheet.csv:5:3", "sheet.csv:6:13"])
    }

    @Test func unknownColumnsAndBlankRowsAreTolerated() throws {
        var rows = try Interview.sheet(Interview.mini, agency: "customs")
        for index in rows.indices { rows[index].append(index == 0 ? "my notes" : "whatever") }
        rows.append(Array(repeating: "", count: rows[0].count))
        rows.insert(Array(repeating: " ", count: 3), at: 3)
        let (result, diagnostics) = Interview.merge(rows, into: Interview.mini, separator: .semicolon)
        #expect(result?.hasChanges == false)
        #expect(diagnostics.map(\.description) == ["sheet.csv:1:16: warning: row 1, column P: cbm does not read the column `my notes`; what it holds is not imported"])
    }

    @Test func formulaGuardsRoundTrip() {
        for text in hostileTexts {
            #expect(AgencySheet.unguarded(AgencySheet.guarded(text)) == text)
        }
        #expect(AgencySheet.guarded("=1+1") == "'=1+1")
        #expect(AgencySheet.guarded("-3") == "'-3")
        #expect(AgencySheet.guarded("plain") == "plain")
    }
}

@Suite("import-sheet on files")
struct SheetImporterTests {
    private func setUp(_ yaml: String = Fixtures.text("mini-assessment.yaml")) -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        dir.write("mini-maturity.yaml", Fixtures.text("mini-maturity.yaml"))
        dir.write("mini-compliance.yaml", Fixtures.text("mini-compliance.yaml"))
        return (dir, dir.write("a.yaml", yaml).path)
    }

    private func questionnaires(_ dir: TemporaryDirectory) -> [String] {
        [dir.url.appendingPathComponent("mini-maturity.yaml").path, dir.url.appendingPathComponent("mini-compliance.yaml").path]
    }

    @Test func unchangedSheetLeavesTheFileAlone() throws {
        let (dir, file) = setUp()
        let rows = try Interview.sheet(Interview.mini, agency: "customs")
        let sheet = dir.write("customs.csv", CSV.write(rows)).path
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let outcome = try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir))
        #expect(!outcome.written)
        #expect(outcome.report.contains("No changes"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))
    }

    @Test func changesAreWrittenWithABackup() throws {
        let (dir, file) = setUp()
        var rows = try Interview.sheet(Interview.mini, agency: "border-guard")
        Interview.fill(&rows, "mini/beta.one", "2", evidence: "Отчёт")
        let sheet = dir.write("bg.csv", CSV.write(rows, separator: .semicolon)).path
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        let dry = try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir), dryRun: true)
        #expect(!dry.written)
        #expect(dry.report.contains("Nothing was written (--dry-run)"))
        #expect(dry.report.contains("mini/beta.one"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))

        let outcome = try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir))
        #expect(outcome.written)
        #expect(outcome.backup == file + ".bak")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file + ".bak")) == before)
        let loaded = try Loader.assessment(at: file, questionnaireDirectories: questionnaires(dir))
        #expect(loaded.assessment.answers(for: "mini")?.answer("beta.one")?.responses.last?.evidence == "Отчёт")
        #expect(loaded.warnings.isEmpty)
        // Importing the same sheet again changes nothing.
        let again = try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir))
        #expect(!again.written)
    }

    @Test func noBackupWhenAskedAndUserCommentsAreReported() throws {
        let (dir, file) = setUp("# Our own remark\n" + Fixtures.text("mini-assessment.yaml"))
        var rows = try Interview.sheet(Interview.mini, agency: "customs")
        Interview.fill(&rows, "mini/beta.one", "2")
        let sheet = dir.write("c.csv", CSV.write(rows)).path
        let outcome = try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir), backup: false)
        #expect(outcome.written)
        #expect(outcome.backup == nil)
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))
        #expect(outcome.warnings.map(\.description).contains { $0.contains("a.yaml:1:1: warning: 1 comment line of") && $0.contains("`# Our own remark`") })
    }

    @Test func badSheetChangesNothing() throws {
        let (dir, file) = setUp()
        var rows = try Interview.sheet(Interview.mini, agency: "customs")
        Interview.fill(&rows, "mini/beta.one", "7")
        let sheet = dir.write("c.csv", CSV.write(rows)).path
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(throws: LoadError.self) {
            try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))
        #expect(throws: LoadError.self) {
            try SheetImporter.run(sheet: dir.url.appendingPathComponent("missing.csv").path, into: file, questionnaireDirectories: questionnaires(dir))
        }
    }

    @Test func templateFileKeepsItsGuideComments() throws {
        let catalog = Fixtures.catalog
        let text = try AssessmentTemplate(country: "Testland", period: "2026", questionnaireIDs: ["mini"],
                                          agencies: [Agency(id: "customs", name: "Customs")]).yaml(catalog: catalog, fileName: "a.yaml")
        let (dir, file) = setUp(text)
        var rows = try Interview.sheet(try #require(Interview.reread(text).0), agency: "customs")
        Interview.fill(&rows, "mini/alpha.one", "3")
        let sheet = dir.write("c.csv", CSV.write(rows)).path
        let outcome = try SheetImporter.run(sheet: sheet, into: file, questionnaireDirectories: questionnaires(dir))
        #expect(outcome.written)
        #expect(outcome.warnings.isEmpty, "\(outcome.warnings)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("      # Question: Is there one?\n"))
        #expect(written.contains("          - {agency: customs, level: 3}\n"))
        // Only the answer changed.
        let removed = Set(text.split(separator: "\n")).subtracting(written.split(separator: "\n"))
        #expect(removed == ["      alpha.one: {level: unknown}"])
    }
}
