import Foundation
import Testing
@testable import CBMKit

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
        assessment.header.agencies[0].name = "Таможня"
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
            for agency in assessment.header.agencies {
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
