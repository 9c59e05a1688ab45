import Foundation
import Testing
@testable import CBMKit

/// The shortcuts that make loading fast (docs/performance.md) must give the same answers as
/// the plain way: checking without keeping the model, answers told by bytes, control
/// characters found eight bytes at a time, duplicates remembered in a list before a table.
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

    /// The same as `YAMLComposer.controlCharacter(in:)`, a byte at a time.
    static func controlCharacterByBytes(_ bytes: [UInt8]) -> UInt8? {
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return byte }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return bytes[index + 1] }
        }
        return nil
    }

    @Test func controlCharactersAreFoundWhereverTheyAre() {
        var random = SplitMix64(seed: 13)
        let alphabet: [UInt8] = Array("abc é«»".utf8) + [0x09, 0x0A, 0x0D, 0x00, 0x1B, 0x7F, 0xC2, 0x80, 0x85, 0x9F, 0xA0]
        var found = 0
        for length in 0..<40 {
            for _ in 0..<200 {
                // Mostly ordinary text, so that the eight-byte steps are taken too.
                let bytes = (0..<length).map { _ in
                    Int.random(in: 0..<10, using: &random) < 8 ? UInt8(ascii: "x") : alphabet.randomElement(using: &random)!
                }
                let fast = bytes.withUnsafeBufferPointer { YAMLComposer.controlCharacter(in: $0) }
                #expect(fast == Self.controlCharacterByBytes(bytes), "\(bytes)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found > 1000)
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

    @Test func filesReadOneAfterAnotherDoNotShareTheirNodes() throws {
        // Memory is kept from file to file: the second file must not see the first one's texts.
        let first = YAMLReader.read(Data("a: first value, long enough to need its own storage\n".utf8), file: "1.yaml")
        let second = YAMLReader.read(Data("b: [x, y]\n".utf8), file: "2.yaml")
        let one = try #require(first.value), two = try #require(second.value)
        let firstText = one.read { $0.mappingPairs?.first?.value.scalar }
        let secondKey = two.read { $0.mappingPairs?.first?.key.scalar }
        let secondItems = two.read { $0.mappingPairs?.first?.value.sequenceItems?.compactMap(\.scalar) }
        #expect(firstText == "first value, long enough to need its own storage")
        #expect(secondKey == "b")
        #expect(secondItems == ["x", "y"])
    }
}
