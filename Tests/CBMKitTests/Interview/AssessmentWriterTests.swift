import Foundation
import Testing
@testable import CBMKit

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
        assessment.header.title = "T " + text
        assessment.header.country = "C" + text
        assessment.header.notes = text
        assessment.header.preparedBy = text
        assessment.header.agencies[0].name = text.isEmpty ? "x" : text
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
            assessment.header.notes = text
            assessment.questionnaires[0].answers[0].responses[0].evidence = text
            assessment.header.agencies[1].name = "n" + text
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
