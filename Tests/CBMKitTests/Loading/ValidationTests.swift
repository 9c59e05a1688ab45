import Foundation
import Testing
@testable import CBMKit

/// Asserts that exactly one diagnostic is at `line`:`column` and that its message contains `text`.
@discardableResult
func expectDiagnostic(
    _ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity = .error, at line: Int, _ column: Int,
    containing text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let found = diagnostics.filter { $0.location.line == line && $0.location.column == column && $0.severity == severity }
    #expect(found.count == 1, "expected one \(severity) at \(line):\(column), got:\n\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    if let first = found.first {
        #expect(first.message.contains(text), "message was: \(first.message)", sourceLocation: sourceLocation)
    }
    return found.first
}

@Suite("Fixtures load cleanly")
struct FixtureTests {
    @Test func smallQuestionnairesAndAssessmentAreValid() {
        #expect(questionnaireDiagnostics(Fixtures.text("mini-maturity.yaml")).isEmpty)
        #expect(questionnaireDiagnostics(Fixtures.text("mini-compliance.yaml")).isEmpty)
        let (assessment, diagnostics) = assessmentResult(Fixtures.text("mini-assessment.yaml"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let a = try! #require(assessment)
        #expect(a.header.country == "Testland")
        #expect(a.header.period == "2026")
        #expect(a.header.agencies.map(\.id) == ["customs", "border-guard"])
        let mini = try! #require(a.answers(for: "mini"))
        #expect(mini.target("alpha") == 4)
        #expect(mini.target("beta.one") == 5)
        let one = try! #require(mini.answer("alpha.one"))
        #expect(one.consensus == .level(.level(3)))
        #expect(one.responses.map(\.agency) == ["customs", "border-guard"])
        #expect(one.responses[0].evidence == "MoU of 2024")
        #expect(mini.answer("beta.one")?.responses.first?.value == .level(.notApplicable))
        let checklist = try! #require(a.answers(for: "mini-checklist"))
        #expect(checklist.answer("1.1")?.category == "B")
        #expect(checklist.answer("1.1")?.date == "2027-12-31")
        #expect(checklist.answer("1.2")?.responses.first?.value == .status(.full))
    }

    @Test func textFieldsAcceptTranslations() {
        let yaml = fixture("mini-maturity.yaml", replacing: "title: Alpha\n", with: "title: {en: Alpha, ru: Альфа}\n")
        #expect(questionnaireDiagnostics(yaml).isEmpty)
        let loadedRoot = YAMLReader.read(Data(yaml.utf8), file: "q.yaml")
        let root = loadedRoot.value, _ = loadedRoot.diagnostics
        let questionnaire = Loader.decodeQuestionnaire(root!, diagnostics: []).value?.maturity
        #expect(questionnaire?.dimensions[0].title.text(in: "ru") == "Альфа")
        #expect(questionnaire?.dimensions[0].title.text(in: "kk") == "Alpha")
        #expect(questionnaire?.version == "1.0")
    }

    @Test func unquotedVersionKeepsItsText() {
        let yaml = fixture("mini-maturity.yaml", replacing: "version: \"1.0\"", with: "version: 2026.10")
        let loadedRoot = YAMLReader.read(Data(yaml.utf8), file: "q.yaml")
        let root = loadedRoot.value, _ = loadedRoot.diagnostics
        #expect(Loader.decodeQuestionnaire(root!, diagnostics: []).value?.version == "2026.10")
    }
}

@Suite("Questionnaire validation names line and column")
struct QuestionnaireValidationTests {
    @Test func yamlSyntaxError() {
        let yaml = fixture("mini-maturity.yaml", replacing: "title: Beta\n", with: "title: \"Beta\n")
        let diagnostics = questionnaireDiagnostics(yaml)
        #expect(diagnostics.count == 1)
        let d = try! #require(diagnostics.first)
        #expect(d.message.contains("not well-formed"))
        #expect(d.location.file == "q.yaml")
        #expect(d.location.line >= 25)
    }

    @Test func tabIndentationExplained() {
        let yaml = "id: x\nkind: maturity\n\tversion: \"1\"\n"
        let diagnostics = questionnaireDiagnostics(yaml)
        let d = expectDiagnostic(diagnostics, at: 3, 1, containing: "not well-formed")
        #expect(d?.message.contains("Tabs") == true)
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let yaml = fixture("mini-maturity.yaml", replacing: "        weight: 1\n        levels:", with: "        weight: 1\n        levles:")
        let diagnostics = questionnaireDiagnostics(yaml)
        expectDiagnostic(diagnostics, at: 15, 9, containing: "unknown key `levles` in indicator `alpha.one`; did you mean `levels`?")
        // …and, since `levels` is then missing, that is reported too, at the indicator.
        expectDiagnostic(diagnostics, at: 11, 9, containing: "has no `levels`")
    }

    @Test func unknownKeyWithoutCloseMatchListsAllowedKeys() {
        let yaml = fixture("mini-maturity.yaml", replacing: "default_target: 4", with: "default_target: 4\ncolour: blue")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 6, 1, containing: "allowed keys are: `id`, `kind`")
    }

    @Test func duplicateKeyInAMapping() {
        let yaml = fixture("mini-maturity.yaml", replacing: "        title: One\n", with: "        title: One\n        title: Uno\n")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 13, 9, containing: "the key `title` appears twice in indicator `alpha.one` (first at line 12, column 9)")
    }

    @Test func duplicateIndicatorID() {
        let yaml = fixture("mini-maturity.yaml", replacing: "      - id: alpha.two", with: "      - id: alpha.one")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 19, 13, containing: "the id `alpha.one` is used twice: this indicator and the indicator at line 11, column 13")
    }

    @Test func dimensionAndIndicatorIDsMayNotCollide() {
        let yaml = fixture("mini-maturity.yaml", replacing: "      - id: beta.one", with: "      - id: alpha")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 27, 13, containing: "the id `alpha` is used twice: this indicator and the dimension at line 7")
    }

    @Test func indicatorWithoutAllFiveLevels() {
        let yaml = fixture("mini-maturity.yaml",
                           replacing: "        weight: 3\n        levels: {1: none, 2: some, 3: defined, 4: managed, 5: optimised}",
                           with: "        weight: 3\n        levels: {1: none, 2: some, 3: defined, 5: optimised}")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 23, 17, containing: "indicator `alpha.two` has no descriptor for level 4 in `levels`")
    }

    @Test func levelKeyOutsideTheScale() {
        let yaml = fixture("mini-maturity.yaml", replacing: "next_steps: {2: start,", with: "next_steps: {1: begin, 2: start,")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 16, 22, containing: "expected the keys of `next_steps` in indicator `alpha.one` to be levels 2 to 5, found `1`")
    }

    @Test func weightOfZeroIsRejected() {
        let yaml = fixture("mini-maturity.yaml", replacing: "    weight: 2", with: "    weight: 0")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 9, 13, containing: "to be greater than 0")
    }

    @Test func unknownKind() {
        let yaml = fixture("mini-maturity.yaml", replacing: "kind: maturity", with: "kind: maturty")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 2, 7, containing: "expected `kind` to be `maturity` or `compliance`, found `maturty`")
    }

    @Test func obligationOutsideAllowedValues() {
        let yaml = fixture("mini-compliance.yaml", replacing: "obligation: binding", with: "obligation: mandatory")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 13, 21, containing: "expected `obligation` of provision `1.1` to be `binding`, `best-endeavour` or `guidance`, found `mandatory`")
    }

    @Test func obligationGuidanceIsAccepted() throws {
        let yaml = fixture("mini-compliance.yaml", replacing: "obligation: best-endeavour", with: "obligation: guidance")
        #expect(questionnaireDiagnostics(yaml).isEmpty)
        let read = YAMLReader.read(Data(yaml.utf8), file: "q.yaml")
        let questionnaire = Loader.decodeQuestionnaire(try #require(read.value), diagnostics: []).value
        #expect(try #require(questionnaire?.compliance).provision("1.2")?.obligation == .guidance)
    }

    @Test func brokenRelatedLink() {
        let yaml = fixture("mini-compliance.yaml", replacing: "related: [mini/alpha.one]", with: "related: [mini/alpha.uno]")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 16, 19, containing: "`mini` has no indicator `alpha.uno`; did you mean `mini/alpha.one`?")
    }

    @Test func relatedLinkToUnknownQuestionnaire() {
        let yaml = fixture("mini-compliance.yaml", replacing: "related: [mini/alpha.one]", with: "related: [nowhere/alpha.one]")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 16, 19, containing: "names no known questionnaire")
    }

    @Test func wrongTypeSaysWhatWasFound() {
        let yaml = fixture("mini-maturity.yaml", replacing: "evidence: [a document]", with: "evidence: a document")
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 17, 19, containing: "expected `evidence` of indicator `alpha.one` to be a list (lines starting with `- `), found `a document`")
    }
}

@Suite("Assessment validation names line and column")
struct AssessmentValidationTests {
    @Test func levelOutsideTheScale() {
        let yaml = fixture("mini-assessment.yaml", replacing: "{agency: border-guard, level: 2}", with: "{agency: border-guard, level: 6}")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 18, 43, containing: "to be a level from 1 to 5, `na` (not applicable) or `unknown`, found `6`")
    }

    @Test func fractionalLevelExplained() {
        let yaml = fixture("mini-assessment.yaml", replacing: "{agency: border-guard, level: 2}", with: "{agency: border-guard, level: 2.5}")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 18, 43, containing: "levels are whole numbers")
    }

    @Test func statusOutsideAllowedValues() {
        let yaml = fixture("mini-assessment.yaml", replacing: "status: partial", with: "status: partly")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 23, 23, containing: "found `partly`; did you mean `partial`?")
    }

    @Test func categoryMustBeABC() {
        let yaml = fixture("mini-assessment.yaml", replacing: "category: B", with: "category: D")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 23, 42, containing: "to be A, B or C")
    }

    @Test func answerForAnIndicatorThatDoesNotExist() {
        let yaml = fixture("mini-assessment.yaml", replacing: "      alpha.two:", with: "      alpha.tow:")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 19, 7, containing: "`mini` has no indicator `alpha.tow`; did you mean `alpha.two`?")
    }

    @Test func answerForAProvisionThatDoesNotExist() {
        let yaml = fixture("mini-assessment.yaml", replacing: "\"1.2\": full", with: "\"9.9\": full")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 24, 7, containing: "`mini-checklist` has no provision `9.9`")
    }

    @Test func answersForAQuestionnaireThatDoesNotExist() {
        let yaml = fixture("mini-assessment.yaml", replacing: "  mini-checklist:", with: "  mini-checklst:")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 21, 3, containing: "there is no questionnaire with the id `mini-checklst`; did you mean `mini-checklist`?")
    }

    @Test func responseFromAnUndeclaredAgency() {
        let yaml = fixture("mini-assessment.yaml", replacing: "{agency: border-guard, level: 2}", with: "{agency: border-police, level: 2}")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 18, 22, containing: "the agency `border-police` is not declared under `assessment: agencies:`; did you mean `border-guard`?")
    }

    @Test func sameAgencyTwice() {
        let yaml = fixture("mini-assessment.yaml", replacing: "{agency: border-guard, level: 2}", with: "{agency: customs, level: 2}")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 18, 22, containing: "the agency `customs` answers `alpha.one` twice")
    }

    @Test func targetForUnknownDimension() {
        let yaml = fixture("mini-assessment.yaml", replacing: "beta.one: 5}", with: "beta.uno: 5}")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 12, 25, containing: "`mini` has no dimension or indicator `beta.uno` to set a target for")
    }

    @Test func versionDifferenceIsOnlyAWarning() {
        let yaml = fixture("mini-assessment.yaml", replacing: "version: \"1.0\"", with: "version: \"0.9\"")
        let (assessment, diagnostics) = assessmentResult(yaml)
        #expect(assessment != nil)
        #expect(!diagnostics.hasErrors)
        expectDiagnostic(diagnostics, .warning, at: 11, 14, containing: "version 0.9 of `mini`, which cbm does not have (it has 1.0); they are checked and scored against version 1.0")
    }

    @Test func olderVersionIsUsedWhenKnown() throws {
        var catalog = Fixtures.catalog
        let older = fixture("mini-maturity.yaml", replacing: "version: \"1.0\"", with: "version: \"0.9\"")
            .replacingOccurrences(of: "title: Two\n", with: "title: Two (old wording)\n")
        let loadedRoot = YAMLReader.read(Data(older.utf8), file: "old.yaml")
        let root = loadedRoot.value, _ = loadedRoot.diagnostics
        let questionnaire = try #require(Loader.decodeQuestionnaire(root!, diagnostics: []).value)
        #expect(catalog.add(questionnaire, file: "old.yaml", bundled: false) == nil)
        #expect(catalog.versions(of: "mini") == ["1.0", "0.9"])
        #expect(catalog.questionnaire("mini")?.version == "1.0")
        let yaml = fixture("mini-assessment.yaml", replacing: "version: \"1.0\"", with: "version: \"0.9\"")
        let (assessment, diagnostics) = assessmentResult(yaml, catalog: catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let card = Scorer.score(try #require(assessment), catalog: catalog)
        #expect(card.maturity[0].version == "0.9")
        #expect(card.maturity[0].indicators[1].title == "Two (old wording)")
    }

    @Test func versionsCompareNumberByNumber() {
        #expect(Catalog.isOlder("2025.1", than: "2026.1"))
        #expect(Catalog.isOlder("2026.9", than: "2026.10"))
        #expect(!Catalog.isOlder("2026.1", than: "2026.1"))
    }

    @Test func badPeriod() {
        let yaml = fixture("mini-assessment.yaml", replacing: "period: 2026", with: "period: last year")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 4, 11, containing: "expected `period` to be a year such as 2026")
    }

    @Test func threeMistakesAreAllReported() {
        var yaml = fixture("mini-assessment.yaml", replacing: "{agency: border-guard, level: 2}", with: "{agency: border-police, level: 2}")
        yaml = yaml.replacingOccurrences(of: "status: partial", with: "status: partly")
        yaml = yaml.replacingOccurrences(of: "      alpha.two:", with: "      alpha.tow:")
        let errors = assessmentDiagnostics(yaml).errors
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.map(\.location.line).sorted() == [18, 19, 23])
    }

    @Test func questionnaireFileGivenAsAssessmentIsNamed() {
        expectDiagnostic(assessmentDiagnostics(Fixtures.text("mini-maturity.yaml")), at: 1, 1, containing: "this is a questionnaire, not an assessment")
    }
}

@Suite("Validating files and folders")
struct ValidatorTests {
    @Test func validatesFoldersAndReportsAllFiles() {
        let dir = TemporaryDirectory()
        dir.write("q/mini.yaml", Fixtures.text("mini-maturity.yaml"))
        dir.write("q/checklist.yaml", Fixtures.text("mini-compliance.yaml"))
        dir.write("a/testland.yaml", Fixtures.text("mini-assessment.yaml"))
        let report = Validator.validate(paths: [dir.url.appendingPathComponent("a").path, dir.url.appendingPathComponent("q").path])
        #expect(report.isClean, "\(report.diagnostics)")
        #expect(report.files.count == 3)
        #expect(report.assessments.count == 1)
        #expect(report.questionnaires.count == 2)
    }

    @Test func missingFileIsAnError() {
        let report = Validator.validate(paths: ["/nonexistent/file.yaml"])
        #expect(!report.isClean)
        #expect(report.diagnostics.first?.message.contains("no such file") == true)
    }

    @Test func fileThatIsNeitherKind() {
        let dir = TemporaryDirectory()
        let file = dir.write("other.yaml", "name: something\nitems: [1, 2]\n")
        let report = Validator.validate(paths: [file.path])
        #expect(report.diagnostics.first?.message.contains("cannot tell what this file is") == true)
    }

    @Test func oneFileGivenTwiceIsNotADuplicate() {
        let dir = TemporaryDirectory()
        let file = dir.write("mini.yaml", Fixtures.text("mini-maturity.yaml"))
        let report = Validator.validate(paths: [file.path], questionnaireDirectories: [dir.url.path])
        #expect(report.isClean, "\(report.diagnostics)")
    }

    @Test func twoUserQuestionnairesWithOneID() {
        let dir = TemporaryDirectory()
        dir.write("one.yaml", Fixtures.text("mini-maturity.yaml"))
        dir.write("two.yaml", Fixtures.text("mini-maturity.yaml"))
        let report = Validator.validate(paths: [dir.url.path])
        #expect(report.errorCount == 1)
        #expect(report.diagnostics.first?.message.contains("is already given by") == true)
    }
}

@Suite("Small helpers")
struct HelperTests {
    @Test func editDistanceCountsSwapsAsOne() {
        #expect(editDistance("levles", "levels") == 1)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
    }

    @Test func periods() {
        for good in ["2026", "2026-H1", "2026-Q4", "2026-05"] { #expect(isValidPeriod(good)) }
        for bad in ["26", "2026-H3", "2026-13", "twenty", "2026-05-01", "٢٠٢٦"] { #expect(!isValidPeriod(bad)) }
    }

    @Test func dates() {
        for good in ["2026-10-15", "2026-10", "2026", "2028-02-29"] { #expect(isValidDate(good)) }
        for bad in ["15.10.2026", "2026-13-01", "2026-1-1", "", "2027-02-29", "2026-04-31"] { #expect(!isValidDate(bad)) }
    }

    @Test func lowercasePeriodIsAccepted() throws {
        let yaml = fixture("mini-assessment.yaml", replacing: "period: 2026", with: "period: 2026-h1")
        let (assessment, diagnostics) = assessmentResult(yaml)
        #expect(diagnostics.isEmpty)
        #expect(assessment?.header.period == "2026-H1")
    }

    @Test func capitalisedBooleanIsAccepted() {
        let yaml = fixture("mini-compliance.yaml", replacing: "obligation: best-endeavour", with: "obligation: best-endeavour\n        transitional: True")
        #expect(questionnaireDiagnostics(yaml).isEmpty)
    }

    @Test func colonInsideBracesIsExplained() {
        let yaml = fixture("mini-assessment.yaml", replacing: "{level: 2, evidence: draft plan}", with: "{level: 2, evidence: plan: draft}")
        let diagnostics = assessmentDiagnostics(yaml)
        #expect(diagnostics.first?.message.contains("must be put in quotes") == true, "\(diagnostics)")
    }
}
