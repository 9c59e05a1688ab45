import Foundation
import Testing
@testable import CBMKit

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
