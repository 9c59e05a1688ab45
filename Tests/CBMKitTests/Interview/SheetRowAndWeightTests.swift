import Foundation
import Testing
@testable import CBMKit

// Faults of issue 14 that the library fixes: reports linear in the number of agencies,
// direction controls shown in reports, short sheet rows, tiny weights, and an import that
// would pass the size limit.

@Suite("Reliability: sheets and weights")
struct SheetRowAndWeightTests {
    static var mini: Assessment {
        let (assessment, diagnostics) = assessmentResult(Fixtures.text("mini-assessment.yaml"))
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        return assessment!
    }

    static func merge(_ rows: [[String]]) -> (SheetMerge?, [Diagnostic]) {
        let merge = SheetMerge.merge(Data(CSV.write(rows).utf8), file: "sheet.csv", into: mini, assessmentFile: "a.yaml", catalog: Fixtures.catalog)
        return (merge.value, merge.diagnostics)
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
        #expect(throws: UsageError.self) {
            do {
                _ = try SheetImporter.run(sheet: sheet.path, into: file.path, questionnaireDirectories: [Fixtures.url("mini-maturity.yaml").path, Fixtures.url("mini-compliance.yaml").path])
            } catch let error as UsageError {
                #expect(error.description.contains("a.yaml was not changed: with the answers of this sheet it would grow to 10."), "\(error)")
                #expect(error.description.contains("MB, and cbm reads assessment files of up to 10 MB."), "\(error)")
                #expect(!error.description.contains("fault in cbm"))
                throw error
            }
        }
        #expect(try Data(contentsOf: file) == before)
    }
}
