import Foundation
import Testing
@testable import CBMKit

/// The adversarial corpus: broken YAML of every kind, a wrong type in every field of both
/// kinds of file, and hostile text in every free-text field. Each file must end in a located
/// error (file:line:column inside the file) or, when it is valid, in reports where the
/// hostile text is inert. (The time limit only stops a hang from blocking the suite; speed is
/// measured in Benchmarks/.)
@Suite("Adversarial corpus", .timeLimit(.minutes(2)))
struct AdversarialCorpusTests {
    // MARK: Malformed YAML, one file each

    /// `adversarial/manifest.tsv`: for each file of `adversarial/malformed/`, the error it
    /// must give: `file <TAB> line:column <TAB> part of the message`.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { file }
    }

    static let manifest: [Expectation] = Adversarial.text("manifest.tsv")
        .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
        .map { line in
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            precondition(fields.count == 3, "manifest.tsv: bad line \(line)")
            let place = fields[1].split(separator: ":").compactMap { Int($0) }
            precondition(place.count == 2, "manifest.tsv: bad place in \(line)")
            return Expectation(file: fields[0], line: place[0], column: place[1], message: fields[2])
        }

    @Test func everyMalformedFileIsInTheManifest() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Adversarial.directory.appendingPathComponent("malformed").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.manifest.map(\.file)))
        #expect(Self.manifest.count == Set(Self.manifest.map(\.file)).count, "a file is listed twice")
        #expect(files.count >= 40)
    }

    @Test(arguments: manifest)
    func malformedFileGivesItsLocatedError(_ expected: Expectation) {
        let data = Adversarial.data("malformed/" + expected.file)
        let outcome = loadAny(data, file: expected.file, catalog: Adversarial.catalog)
        #expect(!outcome.loaded)
        expectLoadedOrLocated(outcome, data: data, file: expected.file, label: expected.file)
        expectError(outcome.diagnostics, at: expected.line, expected.column, containing: expected.message)
    }

    // MARK: Malformed bytes, made in code (invisible or binary content)

    struct ByteCase: Sendable, CustomTestStringConvertible {
        var name: String
        var data: Data
        /// nil: the file is valid and must load.
        var expected: (line: Int, column: Int, message: String)?
        var testDescription: String { name }
    }

    /// A small valid assessment answering `mini` and `mini-checklist`, as lines.
    static let base = Fixtures.text("mini-assessment.yaml")

    static func edited(_ old: String, _ new: String) -> String {
        precondition(base.components(separatedBy: old).count == 2, "`\(old)` must occur once")
        return base.replacingOccurrences(of: old, with: new)
    }

    static func bytes(_ before: String, _ middle: [UInt8], _ after: String = "") -> Data {
        Data(before.utf8) + Data(middle) + Data(after.utf8)
    }

    static let byteCases: [ByteCase] = {
        let beforeName = String(base[..<base.range(of: "Testland Border Guard")!.lowerBound])
        let fromName = String(base[base.range(of: "Testland Border Guard")!.lowerBound...])
        // The line and column of "Testland Border Guard".
        let nameLine = beforeName.filter { $0 == "\n" }.count + 1
        let nameColumn = beforeName.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
        let lines = base.components(separatedBy: "\n")
        let brokenLast = edited("      \"1.2\": full", "      \"1.2\": full]]")  // an error on line 24
        let invalidUTF8 = "not valid UTF-8"
        let control = "invisible control character"
        var cases: [ByteCase] = [
            // Line breaks and invisible characters from other systems and word processors.
            ByteCase(name: "old Mac line endings (CR only), error on the last line",
                     data: Data(brokenLast.replacingOccurrences(of: "\n", with: "\r").utf8), expected: (24, 14, "expected the answer to `1.2`")),
            ByteCase(name: "Windows line endings (CRLF), error on the last line",
                     data: Data(brokenLast.replacingOccurrences(of: "\n", with: "\r\n").utf8), expected: (24, 14, "expected the answer to `1.2`")),
            ByteCase(name: "line and paragraph separators inside texts do not shift line numbers",
                     data: Data(brokenLast.replacingOccurrences(of: "Testland Customs", with: "Testland\u{2028}Customs\u{2029}").utf8),
                     expected: (24, 14, "expected the answer to `1.2`")),
            ByteCase(name: "a zero byte after old Mac line endings", data: Data(lines.joined(separator: "\r").replacingOccurrences(of: "period: 2026", with: "period: 20\u{0}26").utf8),
                     expected: (4, 13, "binary file")),
            ByteCase(name: "next-line character (U+0085) in a text", data: Data(edited("Testland Customs", "Testland\u{85}Customs").utf8),
                     expected: (7, 35, control)),
            ByteCase(name: "CSI (U+009B) in a text", data: Data(edited("Testland Customs", "Testland\u{9B}31mCustoms").utf8),
                     expected: (7, 35, control)),
            ByteCase(name: "no-break spaces as indentation", data: Data(edited("  country: Testland", "\u{A0}\u{A0}country: Testland").utf8),
                     expected: (3, 1, "this line starts with an invisible special space (U+A0)")),
            ByteCase(name: "byte-order mark in the middle", data: Data(edited("  country: Testland", "\u{FEFF}  country: Testland").utf8),
                     expected: (3, 1, "this line starts with a byte-order mark (U+FEFF)")),
            ByteCase(name: "zero-width space inside a key is shown", data: Data(edited("  country: Testland", "  coun\u{200B}try: Testland").utf8),
                     expected: (3, 3, "unknown key `coun\\u{200B}try`")),
            ByteCase(name: "right-to-left override inside a key is shown", data: Data(edited("  country: Testland", "  \u{202E}yrtnuoc: Testland").utf8),
                     expected: (3, 3, "unknown key `\\u{202E}yrtnuoc`")),
            // Zero bytes.
            ByteCase(name: "zero byte first", data: bytes("", [0], base), expected: (1, 1, "binary file")),
            ByteCase(name: "zero byte inside quotes", data: Data(edited("MoU of 2024", "MoU\u{0} of 2024").utf8), expected: (17, 55, "binary file")),
            ByteCase(name: "zero byte last", data: bytes(base, [0]), expected: (lines.count, 1, "binary file")),
            ByteCase(name: "UTF-16 without a byte-order mark", data: base.data(using: .utf16LittleEndian)!, expected: (1, 1, "saved as UTF-16;")),
            ByteCase(name: "UTF-16 big-endian with a byte-order mark", data: Data([0xFE, 0xFF]) + base.data(using: .utf16BigEndian)!, expected: (1, 1, "UTF-16")),
            ByteCase(name: "UTF-32 with a byte-order mark", data: Data([0, 0, 0xFE, 0xFF]) + base.data(using: .utf32BigEndian)!, expected: (1, 1, "saved as UTF-32;")),
            ByteCase(name: "UTF-32 little-endian with a byte-order mark", data: Data([0xFF, 0xFE, 0, 0]) + base.data(using: .utf32LittleEndian)!, expected: (1, 1, "saved as UTF-32;")),
            // Invalid UTF-8, where the name of the border guard starts; columns count characters.
            ByteCase(name: "Windows-1251 Cyrillic", data: bytes(beforeName, [0xD2, 0xE0, 0xEC, 0xEE, 0xE6, 0xED, 0xFF], fromName), expected: (nameLine, nameColumn, invalidUTF8)),
            ByteCase(name: "overlong encoding after Cyrillic", data: bytes(beforeName + "Тест ", [0xC0, 0xAF], fromName), expected: (nameLine, nameColumn + 5, invalidUTF8)),
            ByteCase(name: "encoded surrogate", data: bytes(beforeName, [0xED, 0xA0, 0x80], fromName), expected: (nameLine, nameColumn, invalidUTF8)),
            ByteCase(name: "lone continuation byte", data: bytes(beforeName, [0x80], fromName), expected: (nameLine, nameColumn, invalidUTF8)),
            ByteCase(name: "beyond U+10FFFF", data: bytes(beforeName, [0xF5, 0x80, 0x80, 0x80], fromName), expected: (nameLine, nameColumn, invalidUTF8)),
            ByteCase(name: "character cut at the end of the file", data: bytes(base, [0xE2, 0x82]), expected: (lines.count, 1, invalidUTF8)),
            ByteCase(name: "Latin-1 é in a key", data: bytes("assessment:\n  titl", [0xE9], ": x\n"), expected: (2, 7, invalidUTF8)),
            // Nesting: 64 levels are read, 65 are refused where the 65th starts.
            ByteCase(name: "flow mappings 64 deep", data: Data(("kind: " + String(repeating: "{a: ", count: 63) + "1" + String(repeating: "}", count: 63)).utf8),
                     expected: (1, 7, "expected `kind` to be `maturity` or `compliance`")),
            ByteCase(name: "flow mappings 65 deep", data: Data(("kind: " + String(repeating: "{a: ", count: 64) + "1" + String(repeating: "}", count: 64)).utf8),
                     expected: (1, 259, "more than 64 levels deep")),
            ByteCase(name: "block sequences 100 deep", data: Data((String(repeating: "- ", count: 100) + "x\n").utf8), expected: (1, 129, "more than 64 levels deep")),
            ByteCase(name: "nested lists as evidence", data: Data(edited("\"MoU of 2024\"", String(repeating: "[", count: 70) + String(repeating: "]", count: 70)).utf8),
                     expected: (17, 108, "more than 64 levels deep")),
            // Long lines, keys and lists: read, or refused with a short message.
            ByteCase(name: "2 MB quoted evidence", data: Data(edited("\"MoU of 2024\"", "\"" + String(repeating: "MoU of 2024 ", count: 180_000) + "\"").utf8), expected: nil),
            ByteCase(name: "1 MB plain country name", data: Data(edited("  country: Testland", "  country: " + String(repeating: "Testland ", count: 110_000)).utf8),
                     expected: nil),
            ByteCase(name: "300,000 items as evidence", data: Data(edited("\"MoU of 2024\"", "[" + String(repeating: "a, ", count: 300_000) + "b]").utf8),
                     expected: (17, 51, "to be text, found a list")),
            ByteCase(name: "quoted key of 5,000 characters", data: Data(edited("  country: Testland", "  \"" + String(repeating: "k", count: 5000) + "\": Testland").utf8),
                     expected: (3, 5005, "could not find expected ':'")),
            ByteCase(name: "key of 5,000 characters in braces", data: Data(edited("{level: na}", "{" + String(repeating: "k", count: 5000) + ": na}").utf8),
                     expected: (20, 5018, "did not find expected ',' or '}'")),
        ]
        // Many wrong ids, each 150 characters long: every one is reported, quickly.
        var manyAnswers = ""
        for i in 0..<2000 { manyAnswers += "      zz.\(i)-\(String(repeating: "q", count: 150)): 3\n" }
        cases.append(ByteCase(name: "2,000 answers to indicators that do not exist",
                              data: Data(edited("      beta.one: {level: na}\n", "      beta.one: {level: na}\n" + manyAnswers).utf8),
                              expected: (21, 7, "`mini` has no indicator `zz.0-qqq")))
        var manyAgencies = ""
        for i in 0..<2000 { manyAgencies += "    - {id: agency-\(i), name: Agency \(i)}\n" }
        cases.append(ByteCase(name: "an undeclared agency among 2,000", data: Data(edited("    - {id: customs, name: Testland Customs}\n", manyAgencies).utf8),
                              expected: (2016, 22, "the agency `customs` is not declared under `assessment: agencies:`; declared agencies: `agency-0`")))
        return cases
    }()

    @Test(arguments: byteCases)
    func malformedBytesGiveALocatedError(_ byteCase: ByteCase) throws {
        let file = "bytes.yaml"
        let outcome = loadAny(byteCase.data, file: file, catalog: Adversarial.catalog)
        expectLoadedOrLocated(outcome, data: byteCase.data, file: file, label: byteCase.name)
        if let expected = byteCase.expected {
            #expect(!outcome.loaded, "\(byteCase.name)")
            let diagnostic = expectError(outcome.diagnostics, at: expected.line, expected.column, containing: expected.message)
            #expect((diagnostic?.message.count ?? 0) < 1000, "\(byteCase.name): the message is too long")
        } else {
            #expect(outcome.loaded, "\(byteCase.name): \(outcome.diagnostics.prefix(3))")
            if let assessment = outcome.assessment { try renderEverything(assessment, catalog: Adversarial.catalog) }
        }
    }
}

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
            at: paths, questionnaireDirectories: [Fixtures.url("mini-maturity.yaml").path]) { assessment, _ in assessment.period }
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

@Suite("Files with very many mistakes")
struct ManyMistakesTests {
    /// Every mistake is reported; "did you mean" is worked out for the first thousand only, so
    /// that a file of wrong ids is checked in seconds, not minutes.
    @Test func everyWrongIdIsReportedTheFirstThousandWithASuggestion() {
        var yaml = "assessment: {title: T, country: Testland, period: 2026}\nquestionnaires:\n  mini:\n    answers:\n"
        for n in 0..<1500 { yaml += "      alpha.onx\(n): 3\n" }
        let diagnostics = assessmentDiagnostics(yaml)
        #expect(diagnostics.count == 1500)
        #expect(diagnostics.filter { $0.message.contains("did you mean `alpha.one`?") }.count == 1000)
        #expect(diagnostics.allSatisfy { $0.message.hasPrefix("`mini` has no indicator `alpha.onx") })
    }

    @Test func undeclaredAgenciesAmongThousandsAreFoundQuickly() {
        var yaml = "assessment:\n  title: T\n  country: Testland\n  period: 2026\n  agencies:\n"
        for n in 0..<3000 { yaml += "    - {id: agency-\(n), name: A}\n" }
        yaml += "questionnaires:\n  mini:\n    answers:\n      alpha.one:\n        responses:\n"
        for n in 0..<3000 { yaml += "          - {agency: \(n % 2 == 0 ? "agency" : "agenci")-\(n), level: 3}\n" }
        let diagnostics = assessmentDiagnostics(yaml)
        #expect(diagnostics.count == 1500)
        #expect(diagnostics.first?.message.contains("and 2980 more") == true)
    }
}
