import Foundation
import Testing
@testable import CBMKit

/// The shortcuts that make loading fast (docs/performance.md) must give the same answers as
/// the plain way: checking without keeping the model, answers told by bytes, duplicates
/// remembered in a list before a table. (The YAML reader's own: `YAMLReaderShortcutsTests`.)
@Suite("Loading shortcuts give the same results")
struct LoadingShortcutsTests {
    /// An assessment of the two small questionnaires, with `response` as one agency's response
    /// to `alpha.one` and `status` as the status of `1.1`.
    static func assessment(response: String, status: String = "full", note: String = "a note") -> String {
        """
        assessment:
          title: T
          country: Testland
          period: 2026
          agencies:
            - {id: customs, name: Customs}
            - {id: border, name: Border guard}
        questionnaires:
          mini:
            answers:
              alpha.one:
                note: \(note)
                responses:
                  - \(response)
                  - {agency: border, level: 2, evidence: "a long text of evidence, longer than fifteen bytes"}
          mini-checklist:
            answers:
              "1.1": \(status)
        """
    }

    static let variants: [String] = [
        assessment(response: "{agency: customs, level: 3, evidence: e, comment: c}"),
        assessment(response: "{agency: customs, level: NA, evidence: [a, b], comment: {x: y}}"),
        assessment(response: "{agency: customs, level: n/a, evidence: ~, comment: Null}"),
        assessment(response: "{agency: customs, level: UNKNOWN}", note: "[1, 2]"),
        assessment(response: "{agency: customs, level: \"UN\u{212A}NOWN\"}"),  // a Kelvin sign lowercases to k
        assessment(response: "{agency: customs, level: \"3\\0\"}"),
        assessment(response: "{agency: customs, level: \"\u{FF13}\"}"),
        assessment(response: "{agency: customs, level: 3.0}"),
        assessment(response: "{agency: customs, level: 03}"),
        assessment(response: "{agency: border, level: 4}"),
        assessment(response: "{agency: nobody, level: 6}"),
        assessment(response: "{agency: customs, level: 1}", status: "PARTIAL"),
        assessment(response: "{agency: customs, level: 1}", status: "N/A"),
        assessment(response: "{agency: customs, level: 1}", status: "\"UN\u{212A}NOWN\""),
        assessment(response: "{agency: customs, level: 1}", status: "\"full\\0\""),
        assessment(response: "{agency: customs, level: 1}", status: "fulll"),
        assessment(response: "{agency: customs, level: 1, evidence: \"\\e[31m\", comment: \"\\x85\"}"),
    ]

    @Test("cbm validate's check finds exactly what loading finds", arguments: variants.indices)
    func checkingFindsWhatLoadingFinds(_ index: Int) throws {
        let read = YAMLReader.read(Data(Self.variants[index].utf8), file: "a.yaml")
        let document = try #require(read.value)
        let loaded = Loader.decodeAssessment(document, file: "a.yaml", catalog: Fixtures.catalog, diagnostics: read.diagnostics)
        let checked = Loader.checkAssessment(document, file: "a.yaml", catalog: Fixtures.catalog, diagnostics: read.diagnostics)
        #expect(checked == loaded.diagnostics)
    }

    @Test func theVariantsHaveTheProblemsExpected() throws {
        func problems(_ index: Int) throws -> [String] {
            let read = YAMLReader.read(Data(Self.variants[index].utf8), file: "a.yaml")
            let document = try #require(read.value)
            return Loader.checkAssessment(document, file: "a.yaml", catalog: Fixtures.catalog, diagnostics: read.diagnostics).map(\.message)
        }
        #expect(try problems(0).isEmpty)
        #expect(try problems(1).count == 2)  // evidence and comment are not text
        #expect(try problems(2).isEmpty)     // nulls: no evidence, no comment
        #expect(try problems(3).count == 1)  // the note is not text
        #expect(try problems(4).isEmpty)     // "UNKNOWN" with a Kelvin sign is `unknown`, as String.lowercased() says
        #expect(try problems(5).count == 2)  // an escaped zero byte, and not a level
        #expect(try problems(6).count == 1)  // a full-width digit is not a level
        #expect(try problems(9).count == 1)  // border answers twice
        #expect(try problems(11).isEmpty)
        #expect(try problems(12).isEmpty)
        #expect(try problems(13).isEmpty)
        #expect(try problems(15).first?.contains("did you mean `full`?") == true)
        #expect(try problems(16).count == 2)  // two escaped control characters
    }

    @Test func duplicatesAreFoundBeforeAndAfterTheListGivesWayToATable() {
        var seen = FirstOccurrences<String>()
        for line in 1...40 {
            #expect(seen.earlierLine(of: "key-\(line)", line: line) == nil)
        }
        for line in 1...40 {
            #expect(seen.earlierLine(of: "key-\(line)", line: 100 + line) == line)
            #expect(seen.contains("key-\(line)"))
        }
        #expect(!seen.contains("key-41"))
        var few = FirstOccurrences<String>(capacity: 3)
        #expect(few.earlierLine(of: "a", line: 1) == nil)
        #expect(few.earlierLine(of: "b", line: 2) == nil)
        #expect(few.earlierLine(of: "a", line: 3) == 1)
        #expect(few.contains("b") && !few.contains("c"))
    }
}
