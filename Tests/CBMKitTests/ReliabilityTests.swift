import Foundation
import Testing
@testable import CBMKit

// Faults of issue 14 that the library fixes: reports linear in the number of agencies,
// direction controls shown in reports, short sheet rows, tiny weights, and an import that
// would pass the size limit.

@Suite("Reliability: reports with very many agencies")
struct ManyAgenciesReportTests {
    /// cbm-core answered by `count` agencies, agency k answering indicator k mod 63.
    static func card(agencies count: Int) -> (ScoreCard, Catalog) {
        let catalog = Fixtures.catalog
        let core = catalog.questionnaire("cbm-core")!
        let items = core.itemIDs
        let agencies = (0..<count).map { Agency(id: "agency-\($0)", name: "Agency \($0)") }
        let answers = items.enumerated().compactMap { index, item -> Answer? in
            let responses = stride(from: index, to: count, by: items.count).map { k in
                Response(agency: "agency-\(k)", value: .level(.level(1 + (k / items.count) % 5)), evidence: "Order \(k)")
            }
            return responses.isEmpty ? nil : Answer(itemID: item, responses: responses)
        }
        let assessment = Assessment(title: "Scaleland 2026", country: "Scaleland", period: "2026", agencies: agencies,
                                    questionnaires: [QuestionnaireAnswers(questionnaireID: "cbm-core", version: core.version, answers: answers)])
        return (Scorer.score(assessment, catalog: catalog), catalog)
    }

    @Test func aFewAgenciesHaveAColumnEach() throws {
        let (card, catalog) = Self.card(agencies: ReportModel.heatMapAgencyLimit)
        let model = ReportModel(card: card, catalog: catalog)
        let dimension = try #require(model.maturity.first?.dimensions.first)
        #expect(dimension.heatmapCaption.hasPrefix("Level given by each agency."))
        #expect(dimension.heatmapSVG.contains(">Agency 0<"))
        #expect(model.coverAgencies.count == ReportModel.heatMapAgencyLimit)
        #expect(model.moreAgencies == nil)
    }

    @Test func manyAgenciesAreCountedByLevelAndTheCoverNamesTheFirst() throws {
        let (card, catalog) = Self.card(agencies: 2_000)
        let model = ReportModel(card: card, catalog: catalog)
        let dimension = try #require(model.maturity.first?.dimensions.first)
        #expect(dimension.heatmapCaption.hasPrefix("Number of agencies giving each level: 2000 agencies answered, too many for a column each"))
        #expect(!dimension.heatmapSVG.contains(">Agency 0<"))
        for level in 1...5 { #expect(dimension.heatmapSVG.contains(">level \(level)</tspan>")) }
        #expect(dimension.heatmapSVG.contains("Cells: number of agencies giving level 1–5"))
        // Every answer is still listed, under its indicator.
        #expect(model.maturity[0].dimensions.flatMap(\.indicators).reduce(0) { $0 + $1.responses.count } == 2_000)
        #expect(model.coverAgencies.count == ReportModel.coverAgencyLimit)
        #expect(model.moreAgencies == "and 1980 more agencies (all are listed in the annex)")
        #expect(model.agencies.count == 2_000)

        let html = try ReportRenderer.render(card, catalog: catalog, format: .html)
        #expect(html.contains("Agency 19<br>and 1980 more agencies (all are listed in the annex)</dd>"))
        #expect(!html.contains("Agency 20<br>"))
        let markdown = try ReportRenderer.render(card, catalog: catalog, format: .md)
        #expect(markdown.contains("Agency 19; and 1980 more agencies (all are listed in the annex) |"))

        // In Russian, from the string table.
        let russian = ReportModel(card: card, catalog: catalog, language: "ru")
        let russianDimension = try #require(russian.maturity.first?.dimensions.first)
        #expect(russianDimension.heatmapCaption.hasPrefix("Число ведомств, указавших каждый уровень: ответили 2000 ведомств — слишком много"), "\(russianDimension.heatmapCaption)")
        #expect(russianDimension.heatmapSVG.contains(">уровень 3</tspan>"))
        #expect(russian.moreAgencies == "и еще 1980 ведомств (все перечислены в приложении)")
    }

    /// The report grows with the agencies, not with their square: 16 times the agencies
    /// take well under 16 × 16 times as long, and the size per agency stays the same.
    @Test func reportTimeAndSizeGrowLinearly() throws {
        func measure(_ count: Int) throws -> (time: Double, size: Int) {
            let (card, catalog) = Self.card(agencies: count)
            let start = Date()
            let html = try ReportRenderer.render(card, catalog: catalog, format: .html)
            return (Date().timeIntervalSince(start), html.utf8.count)
        }
        _ = try measure(100)  // warm-up: templates parsed
        let small = try measure(1_000), large = try measure(16_000)
        // Quadratic growth gives 256 times; linear 16 (allow for a busy machine).
        #expect(large.time / small.time < 64, "1,000 agencies: \(small.time) s; 16,000: \(large.time) s")
        let perAgency = (Double(large.size) - Double(small.size)) / 15_000
        #expect(perAgency < 1_000, "\(perAgency) bytes per agency")
    }
}

@Suite("Reliability: direction controls are shown, not obeyed")
struct DirectionControlTests {
    static let controls = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
        .map { Unicode.Scalar($0)! }

    static func hasControl(_ text: String) -> Bool { text.unicodeScalars.contains { controls.contains($0) } }

    @Test func everyControlGetsAVisibleMark() {
        for scalar in Self.controls {
            let text = "Order No. \(scalar)5202 fo 21"
            let shown = DirectionControls.shown(text)
            #expect(!Self.hasControl(shown))
            #expect(shown.contains("Order No. [U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4) + "]5202 fo 21"), "\(shown)")
        }
        #expect(DirectionControls.shown("Таможня «№ 5» — ok 🚚") == "Таможня «№ 5» — ok 🚚")
        #expect(Markdown.escape("a\u{202E}(http://evil.example)") == "a\\[U+202E\\](http://evil.example)")
        #expect(DirectionControls.shown("مرکز گمرک") == "مرکز گمرک")
    }

    @Test func reportsAndTheTerminalShowTheMarks() throws {
        let text = fixture("mini-assessment.yaml", replacing: "MoU of 2024", with: "Order No. \u{202E}5202 fo 21")
            .replacingOccurrences(of: "Testland Customs", with: "Customs \u{202E}unclosed")
            .replacingOccurrences(of: "title: Testland self-assessment 2026", with: "title: \"Testland \u{2067}2026\"")
        let (assessment, diagnostics) = assessmentResult(text)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let card = Scorer.score(try #require(assessment), catalog: Fixtures.catalog)
        for format in ReportFormat.allCases {
            let report = try ReportRenderer.render(card, catalog: Fixtures.catalog, format: format)
            #expect(!Self.hasControl(report), "\(format)")
            // In Markdown the brackets are escaped (shown as they are; no link can follow).
            let mark = format == .md ? "\\[U+202E\\]" : "[U+202E]"
            #expect(report.contains("Order No. \(mark)5202 fo 21"), "\(format)")
            #expect(report.contains("Customs \(mark)unclosed"), "\(format)")
        }
        let summary = card.terminalSummary()
        #expect(!Self.hasControl(summary))
        #expect(summary.contains("Testland [U+2067]2026"))
        // The page header of printed pages (a CSS string) too.
        #expect(!ReportModel.cssString("Testland \u{202E}2026").contains("202e"))
        // JSON, for programs, keeps the text exactly.
        #expect(card.json.rendered().unicodeScalars.contains("\u{202E}"))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

@Suite("Reliability: sheets and weights")
struct SheetRowAndWeightTests {
    static var mini: Assessment {
        let (assessment, diagnostics) = assessmentResult(Fixtures.text("mini-assessment.yaml"))
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        return assessment!
    }

    static func merge(_ rows: [[String]]) -> (SheetImport?, [Diagnostic]) {
        SheetImport.merge(Data(CSV.write(rows).utf8), file: "sheet.csv", into: mini, assessmentFile: "a.yaml", catalog: Fixtures.catalog)
    }

    @Test func aShortRowThatWouldDeleteEvidenceIsAnError() throws {
        var rows = try AgencySheet.rows(for: Self.mini, catalog: Fixtures.catalog, agency: "customs")
        let index = try #require(rows.firstIndex { $0[AgencySheet.Column.id.rawValue] == "mini/alpha.one" })
        #expect(rows[index][AgencySheet.Column.evidence.rawValue] == "MoU of 2024")
        rows[index].removeLast(2)  // evidence and comment cells lost
        let (result, diagnostics) = Self.merge(rows)
        #expect(result == nil)
        let errors = diagnostics.errors.map(\.description)
        #expect(errors == ["sheet.csv:\(index + 1):14: error: row \(index + 1), column N: the row has 13 cells but the header has 15: the cells from column N on are missing, and reading them as empty would remove the evidence that a.yaml holds for customs. A cell was probably deleted or shifted; put the missing cells back (or export the sheet again)"], "\(errors)")

        // Missing cells that the export left empty: read as empty, nothing changes.
        var fine = try AgencySheet.rows(for: Self.mini, catalog: Fixtures.catalog, agency: "customs")
        for row in fine.indices.dropFirst() where fine[row][AgencySheet.Column.evidence.rawValue].isEmpty && fine[row][AgencySheet.Column.comment.rawValue].isEmpty {
            fine[row].removeLast(2)
        }
        let (merged, problems) = Self.merge(fine)
        #expect(!problems.hasErrors, "\(problems)")
        #expect(merged?.changes.isEmpty == true)
    }

    @Test func weightsBelowTheMinimumAreLocatedErrors() {
        for tiny in ["0.000000001", "0.001", "0.0099"] {
            let errors = questionnaireDiagnostics(fixture("mini-maturity.yaml", replacing: "    weight: 2", with: "    weight: \(tiny)")).errors
            #expect(errors.map(\.description) == ["q.yaml:9:13: error: expected `weight` of dimension `alpha` to be at least 0.01, found `\(tiny)`; weights compare items with one another (2 counts twice as much as 1), and smaller weights would be lost in rounding"], "\(errors)")
        }
        #expect(!questionnaireDiagnostics(fixture("mini-maturity.yaml", replacing: "    weight: 2", with: "    weight: 0.01")).hasErrors)
        // Written with an exponent, a weight is refused as a number before its size is checked.
        let exponent = questionnaireDiagnostics(fixture("mini-maturity.yaml", replacing: "    weight: 2", with: "    weight: 5e-324")).errors
        #expect(exponent.count == 1 && exponent[0].description.contains("written in digits"), "\(exponent)")
    }

    @Test func anImportThatWouldPassTheSizeLimitSaysSo() throws {
        let folder = TemporaryDirectory()
        let limit = ReadLimits.standard.maxBytes
        let notes = String(repeating: "a long note ", count: (limit - 4_000) / 12)
        let file = folder.write("a.yaml", Fixtures.text("mini-assessment.yaml")
            .replacingOccurrences(of: "  date: 2026-10-15\n", with: "  date: 2026-10-15\n  notes: \"\(notes)\"\n"))
        let evidence = String(repeating: "evidence ", count: 2_000)
        let sheet = folder.write("s.csv", "agency,id,level or status,evidence,comment\ncustoms,mini/alpha.two,4,\(evidence),\n")
        let before = try Data(contentsOf: file)
        #expect(throws: InterviewError.self) {
            do {
                _ = try SheetImporter.run(sheet: sheet.path, into: file.path, questionnaireDirectories: [Fixtures.url("mini-maturity.yaml").path, Fixtures.url("mini-compliance.yaml").path])
            } catch let error as InterviewError {
                #expect(error.description.contains("a.yaml was not changed: with the answers of this sheet it would grow to 10."), "\(error)")
                #expect(error.description.contains("MB, and cbm reads assessment files of up to 10 MB."), "\(error)")
                #expect(!error.description.contains("fault in cbm"))
                throw error
            }
        }
        #expect(try Data(contentsOf: file) == before)
    }
}
