import Foundation
import Testing
@testable import CBMKit

/// `cbm validate` reads files on every core and holds no more than one per core; an
/// assessment read before the questionnaire it answers (given among the same files) is
/// checked again against it.
@Suite("Validating many files")
struct ConcurrentValidationTests {
    static func ownQuestionnaire() -> String {
        Fixtures.text("mini-maturity.yaml").replacingOccurrences(of: "id: mini\n", with: "id: own-q\n")
    }

    static func assessment(answering id: String) -> String {
        """
        assessment: {title: T, country: Testland, period: 2026}
        questionnaires:
          \(id):
            answers: {alpha.one: 3}
        """
    }

    @Test func questionnaireAfterTheAssessmentThatAnswersIt() {
        let dir = TemporaryDirectory()
        dir.write("a-assessment.yaml", Self.assessment(answering: "own-q"))
        dir.write("z-questionnaire.yaml", Self.ownQuestionnaire())
        let report = Validator.validate(paths: [dir.url.path])
        #expect(report.isClean, "\(report.diagnostics)")
        #expect(report.assessments.count == 1 && report.questionnaires.count == 1)
    }

    @Test func misspeltIdIsMatchedAgainstTheQuestionnairesAmongTheFiles() {
        let dir = TemporaryDirectory()
        dir.write("a-assessment.yaml", Self.assessment(answering: "own-qq"))
        dir.write("z-questionnaire.yaml", Self.ownQuestionnaire())
        let report = Validator.validate(paths: [dir.url.path])
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.message.contains("did you mean `own-q`?") == true, "\(report.diagnostics)")
    }

    @Test func assessmentsLoadWhileTheQuestionnairesDo() throws {
        let dir = TemporaryDirectory()
        var paths: [String] = []
        for n in 0..<12 {
            let text = Self.assessment(answering: "mini").replacingOccurrences(of: "period: 2026", with: "period: \(2000 + n)")
                .replacingOccurrences(of: "alpha.one: 3", with: n == 5 ? "alpha.one: 7" : "alpha.one: 3")
            paths.append(dir.write("a\(n).yaml", text).path)
        }
        paths.append(dir.url.appendingPathComponent("missing.yaml").path)
        let loaded = Loader.loadAssessments(
            at: paths, questionnaireDirectories: [Fixtures.url("mini-maturity.yaml").path]) { assessment, _ in assessment.header.period }
        let (catalog, catalogDiagnostics, results) = (loaded.catalog, loaded.catalogDiagnostics, loaded.results)
        #expect(catalog.questionnaire("mini") != nil)
        #expect(!catalogDiagnostics.hasErrors)
        var expected: [String?] = (0..<12).map { String(2000 + $0) }
        expected[5] = nil
        expected.append(nil)
        #expect(results.map(\.value) == expected)
        #expect(results[5].diagnostics.first?.message.contains("found `7`") == true)
        #expect(results[12].diagnostics.first?.message.contains("there is no such file") == true)
    }

    @Test func manyFilesGiveTheSameReportAsOneByOne() {
        let dir = TemporaryDirectory()
        for n in 0..<40 {
            let text = n % 3 == 0 ? Self.assessment(answering: "mini").replacingOccurrences(of: "alpha.one: 3", with: "alpha.one: \(n)")
                                  : Self.assessment(answering: "mini")
            dir.write(String(format: "f%02d.yaml", n), text)
        }
        let together = Validator.validate(paths: [dir.url.path], questionnaireDirectories: [Fixtures.url("mini-maturity.yaml").path])
        var oneByOne: [Diagnostic] = []
        for n in 0..<40 {
            oneByOne += Validator.validate(paths: [dir.url.appendingPathComponent(String(format: "f%02d.yaml", n)).path],
                                           questionnaireDirectories: [Fixtures.url("mini-maturity.yaml").path]).diagnostics
        }
        #expect(together.files.count == 40)
        #expect(together.diagnostics.map(\.message) == oneByOne.map(\.message))
        #expect(together.errorCount == 14 - 1)  // levels 0, 6, 9, … are wrong; 3 is right
    }
}
