import Foundation
import Testing
@testable import CBMKit

/// Issue 14: YAML tags, UTF-32, and numbers written in unusual ways.
@Suite("Input strictness: tags, encodings and how numbers are written")
struct InputStrictnessTests {
    // MARK: - Tags

    @Test func aStandardTagIsRefusedAndNamedAsWritten() {
        let yaml = "id: x\nkind: maturity\ntitle: !!binary aGVsbG8=\n"
        let diagnostics = YAMLReader.read(Data(yaml.utf8), file: "t.yaml").diagnostics
        expectDiagnostic(diagnostics, at: 3, 8, containing: "YAML tags such as `!!binary` are not allowed in cbm files")
    }

    @Test func aLocalTagOnALevelIsRefused() {
        let yaml = fixture("mini-assessment.yaml", replacing: "\"1.2\": full", with: "\"1.2\": !custom full")
        let diagnostics = assessmentDiagnostics(yaml)
        expectDiagnostic(diagnostics, at: 24, 14, containing: "`!custom`")
        #expect(diagnostics.hasErrors)
    }

    @Test func aTagOnAMappingOrListIsRefused() {
        let yaml = "id: x\nkind: maturity\nversion: \"1\"\ntitle: !!python/object/apply:os.system [echo]\ndimensions: !!map {}\n"
        let diagnostics = YAMLReader.read(Data(yaml.utf8), file: "t.yaml").diagnostics
        expectDiagnostic(diagnostics, at: 4, 8, containing: "`!!python/object/apply:os.system`")
        expectDiagnostic(diagnostics, at: 5, 13, containing: "`!!map`")
    }

    // MARK: - Encodings

    @Test func utf32IsNamedAsUTF32() {
        for (data, name) in [
            (Data([0xFF, 0xFE, 0, 0]) + "id: x".data(using: .utf32LittleEndian)!, "little-endian with a mark"),
            (Data([0, 0, 0xFE, 0xFF]) + "id: x".data(using: .utf32BigEndian)!, "big-endian with a mark"),
            ("id: x".data(using: .utf32LittleEndian)!, "little-endian without a mark"),
            ("id: x".data(using: .utf32BigEndian)!, "big-endian without a mark"),
        ] {
            let diagnostics = YAMLReader.read(data, file: "u.yaml").diagnostics
            #expect(diagnostics.count == 1 && diagnostics[0].message.contains("saved as UTF-32;"), "\(name): \(diagnostics)")
        }
    }

    @Test func utf16WithoutAMarkIsNamed() {
        for data in ["id: x".data(using: .utf16LittleEndian)!, "id: x".data(using: .utf16BigEndian)!] {
            expectDiagnostic(YAMLReader.read(data, file: "u.yaml").diagnostics, at: 1, 1, containing: "saved as UTF-16;")
        }
    }

    // MARK: - Numbers

    @Test func aQuotedLevelOrWeightIsTheSameNumber() {
        let quoted = fixture("mini-assessment.yaml", replacing: "alpha.two: {level: 2,", with: "alpha.two: {level: \"2\",")
        #expect(assessmentDiagnostics(quoted).isEmpty)
        let weight = fixture("mini-maturity.yaml", replacing: "    weight: 2\n", with: "    weight: \"2\"\n")
        #expect(questionnaireDiagnostics(weight).isEmpty)
    }

    @Test(arguments: ["03", "+3", "3.0", "0x3", "1e0", "-3"])
    func aLevelIsWrittenAsOneDigit(_ written: String) {
        let yaml = fixture("mini-assessment.yaml", replacing: "alpha.two: {level: 2,", with: "alpha.two: {level: \(written),")
        let diagnostics = assessmentDiagnostics(yaml)
        #expect(diagnostics.errors.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("expected `level` of `alpha.two` to be a level from 1 to 5") == true, "\(diagnostics)")
    }

    @Test func aLevelWithALeadingZeroSaysHowToWriteIt() {
        let yaml = fixture("mini-assessment.yaml", replacing: "alpha.two: {level: 2, evidence: draft plan}", with: "alpha.two: 03")
        let message = assessmentDiagnostics(yaml).first?.message ?? ""
        #expect(message.contains("write the level as one digit, such as `3`"), "\(message)")
    }

    @Test(arguments: ["+2", "02", "1e3", "5e-324", ".5", "5.", "inf", ".nan", "0x10"])
    func aWeightIsWrittenInDigits(_ written: String) {
        let yaml = fixture("mini-maturity.yaml", replacing: "    weight: 2\n", with: "    weight: \(written)\n")
        let diagnostics = questionnaireDiagnostics(yaml)
        #expect(diagnostics.errors.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("to be a number such as 1 or 0.5, written in digits") == true, "\(diagnostics)")
    }

    @Test(arguments: ["0.5", "2", "12.75", "1000"])
    func ordinaryWeightsAreRead(_ written: String) {
        let yaml = fixture("mini-maturity.yaml", replacing: "    weight: 2\n", with: "    weight: \(written)\n")
        #expect(questionnaireDiagnostics(yaml).isEmpty)
    }

    @Test(arguments: ["0000", "0000-H1", "0206", "1949", "2101", "+2026"])
    func aPeriodNamesAPlausibleYear(_ written: String) {
        let yaml = fixture("mini-assessment.yaml", replacing: "period: 2026", with: "period: \(written)")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 4, 11, containing: "expected `period` to be a year such as 2026 (from 1950 to 2100)")
    }

    @Test(arguments: ["1950", "2100", "2026-H1", "\"2026\""])
    func plausiblePeriodsAreRead(_ written: String) {
        let yaml = fixture("mini-assessment.yaml", replacing: "period: 2026", with: "period: \(written)")
        #expect(assessmentDiagnostics(yaml).isEmpty)
    }

    @Test func aDateOfYearZeroIsRefused() {
        let yaml = fixture("mini-assessment.yaml", replacing: "date: 2026-10-15", with: "date: 0000-10-15")
        expectDiagnostic(assessmentDiagnostics(yaml), at: 5, 9, containing: "to be a date written YYYY-MM-DD")
    }

    @Test func wholeNumbersAndDecimals() {
        #expect(NumberText.wholeNumber("3") == 3)
        #expect(NumberText.wholeNumber("0") == 0)
        #expect(NumberText.wholeNumber("10") == 10)
        for bad in ["", "03", "+3", "-3", "3.0", " 3", "٣", "1234567890"] { #expect(NumberText.wholeNumber(bad) == nil, "\(bad)") }
        #expect(NumberText.decimalNumber("0.25") == 0.25)
        #expect(NumberText.decimalNumber("7") == 7)
        for bad in ["", "00.5", ".5", "5.", "1e3", "-1", "+1", "1.2.3", "inf", "nan"] { #expect(NumberText.decimalNumber(bad) == nil, "\(bad)") }
    }
}
