import Foundation
import Testing
@testable import CBMKit

/// A wrong value in every field of both kinds of questionnaire and of an assessment: each
/// ends in an error on the line of the wrong value; nothing crashes, nothing is left unlocated.
@Suite("Adversarial corpus: a wrong type in every field", .timeLimit(.minutes(2)))
struct WrongTypeTests {
    static let files = ["complete/maturity.yaml", "complete/compliance.yaml", "complete/assessment.yaml"]

    /// Wrong for every field: a list inside a list, and a mapping with an unknown key.
    static let alwaysWrong = ["[x, [1]]", "{x: [1]}"]
    /// Wrong unless the field is free text.
    static let wrongUnlessText = ["\"✗ <not valid>\""]
    /// A number out of every range: wrong for levels, targets, weights, dates, statuses…
    static let hugeNumber = "-7.5e308"
    /// Wrong or not, these must end in a model or in located errors.
    static let anything = ["", "true", "0", "99999999999999999999999", ".nan", "'single'", "2026-02-30"]

    @Test func theCompleteFilesAreValidAndHaveManyFields() {
        var count = 0
        for file in Self.files {
            let data = Adversarial.data(file)
            let outcome = loadAny(data, file: file, catalog: Adversarial.catalog)
            #expect(outcome.loaded, "\(file): \(outcome.diagnostics)")
            #expect(outcome.diagnostics.isEmpty, "\(file): \(outcome.diagnostics)")
            count += YAMLField.fields(of: Adversarial.text(file)).count
        }
        #expect(count > 150)
    }

    @Test(arguments: files)
    func everyFieldWithAWrongValueGivesAnErrorOnItsLine(_ file: String) throws {
        let text = Adversarial.text(file)
        var catalog = Adversarial.catalog
        if file.hasSuffix("assessment.yaml") == false {
            // The file's own questionnaire is replaced by the damaged copy: start from a catalog without it.
            catalog = FuzzCase.bundledWithSeeds(except: file)
        }
        for field in YAMLField.fields(of: text) {
            var values = Self.alwaysWrong.map { ($0, true) } + Self.anything.map { ($0, false) }
            values += Self.wrongUnlessText.map { ($0, !field.isFreeText) }
            let numberIsValid = field.isFreeText || field.key == "id" || field.parent == "respondents"
            values.append((Self.hugeNumber, !numberIsValid))
            for (value, mustFail) in values {
                let (changed, line, column) = field.replacing(in: text, with: value)
                let data = Data(changed.utf8)
                let label = "\(file): \(field) = \(value)"
                let outcome = loadAny(data, file: file, catalog: catalog)
                expectLoadedOrLocated(outcome, data: data, file: file, label: label)
                if mustFail {
                    #expect(outcome.diagnostics.contains { $0.isError && $0.location.line == line },
                            "\(label): no error on line \(line) (value at column \(column)); got \(outcome.diagnostics.prefix(4))")
                }
                if outcome.loaded, let assessment = outcome.assessment {
                    try renderEverything(assessment, catalog: catalog)
                }
            }
        }
    }
}
