import Foundation
import Testing
@testable import CBMKit

/// Decoding tells keys, language codes, levels, links and agency ids by their bytes
/// (`ByteText`, `YAMLNode.scalarBytes`); these tests hold each shortcut to the plain way it
/// replaced: `String` equality, `isLanguageCode(_:)`, `NumberText.wholeNumber`, `split`.
@Suite("Decoding by bytes gives the same results as by strings")
struct ByteTextTests {
    /// The words compared by bytes are made of these characters (`ByteText`'s note).
    static let wordCharacters = Array("abcdefghijklmnopqrstuvwxyz0123456789-_.")

    @Test func noOtherCharacterEqualsTheCharactersOfTheWordsComparedByBytes() {
        // String equality is canonical equivalence: a character other than ASCII equal to an
        // ASCII one would make byte comparison differ. Only three such exist, none in words.
        var equalToASCII: [Character] = []
        let ascii = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        for value in 0x80...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping
            guard decomposed.utf8.count == 1 else { continue }
            let text = String(scalar)
            if let match = ascii.first(where: { $0 == text }) { equalToASCII.append(Character(match)) }
        }
        #expect(Set(equalToASCII) == ["K", ";", "`"])
        #expect(!equalToASCII.contains { Self.wordCharacters.contains($0) })
    }

    static let samples: [String] = [
        "", "e", "en", "eng", "engl", "ru", "EN", "En", "pt-BR", "zh-Hant", "zh-hant", "sr-Latn-RS", "en-", "-en", "en--us",
        "en-a", "en-abcde", "en-1234", "en_US", "e\u{301}n", "én", "\u{212A}", "ｅｎ", "en ", " en", "level", "levels",
        "agency", "agenc", "agencyy", "evidence", "comment", "id", "i\u{307}d", "customs", "customs.x", "a/b", "a/b/c",
        "/b", "a/", "/", "cbm-core/ict.single-window", "a/\u{301}b", "a\u{301}/b", "ä/b", "a\r\n/b", "a/\r\nb",
    ]

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func languageCodesAreToldAsIsLanguageCodeTellsThem() {
        for text in Self.samples {
            #expect(Self.withBytes(text, ByteText.isLanguageCode) == isLanguageCode(text), "\(text.debugDescription)")
        }
    }

    @Test func bytesEqualAStringExactlyWhenItsWordIsEqual() {
        let words = ["level", "agency", "evidence", "id", "en", "customs", "facing_crossing_point", "a-much-longer-agency-id.of.many.bytes"]
        for word in words {
            for text in Self.samples + words {
                #expect(Self.withBytes(text) { ByteText.equals(word, $0) } == (text == word), "\(word) vs \(text.debugDescription)")
            }
        }
    }

    @Test func asciiStringsAreThoseStringMakes() {
        for text in ["", "e", "en", "pt-BR", "fifteen-bytes-x", "sixteen-bytes-xy", String(repeating: "a", count: 100)] {
            let made = Self.withBytes(text, ByteText.asciiString)
            #expect(made == text && made.utf8.elementsEqual(text.utf8))
        }
    }

    @Test func linksAreCutAsSplitCutsThem() {
        for text in Self.samples {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            let plain = parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            let cut = QuestionnaireDecoder.linkParts(text)
            #expect(cut?.questionnaire == plain?.0 && cut?.indicator == plain?.1, "\(text.debugDescription)")
        }
    }

    // MARK: Whole decoding

    /// `localizedText` as it was before it read bytes: the plain way.
    static func plainLocalizedText(_ node: YAMLNode, what: String, sink: DiagnosticSink) -> LocalizedText? {
        if let text = node.scalar { return LocalizedText(text) }
        guard let pairs = node.mappingPairs else {
            sink.error(node.location, "expected \(what) to be text, or translations such as `{en: …, ru: …}`, found \(node.kindDescription)")
            return nil
        }
        var translations: [String: String] = [:]
        for pair in pairs {
            guard let language = pair.key.scalar, isLanguageCode(language) else {
                sink.error(pair.key.location, "expected a language code such as `en` or `ru` in \(what), found \(pair.key.kindDescription)")
                continue
            }
            if translations[language] != nil {
                sink.error(pair.key.location, "the language `\(language)` appears twice in \(what); keep only one")
                continue
            }
            guard let text = pair.value.scalar else {
                sink.error(pair.value.location, "expected the `\(language)` text of \(what) to be text, found \(pair.value.kindDescription)")
                continue
            }
            translations[language] = text
        }
        if translations.isEmpty {
            sink.error(node.location, "\(what) has no text in any language")
            return nil
        }
        return LocalizedText(translations: translations)
    }

    static let texts: [String] = [
        "plain text",
        "{en: Customs, ru: Таможня}",
        "{en: a, en: b}",
        "{en: [a], en: b}",             // the first `en` is not text, so the second is not a repeat
        "{en: a, ru: ~, ru: b}",
        "{EN: a, ru: b}",
        "{\"en\": a, 'ru': b}",
        "{e\u{301}n: a}",
        "{[en]: a, ru: b}",
        "{~: a}",
        "{}",
        "[a, b]",
        "~",
        "{en: a, pt-BR: b, zh-Hant: c, pt-BR: d}",
        "{" + (0..<12).map { "l\(Character(UnicodeScalar(UInt8(97 + $0)))): t\($0)" }.joined(separator: ", ") + ", lb: again, la: again}",
        "{" + (0..<12).map { "l\(Character(UnicodeScalar(UInt8(97 + $0)))): {x: y}" }.joined(separator: ", ") + ", lc: now}",
    ]

    @Test("a text reads as the plain way reads it", arguments: texts)
    func textsReadAsThePlainWay(_ yaml: String) throws {
        let read = YAMLReader.read(Data("text: \(yaml)\n".utf8), file: "t.yaml")
        let document = try #require(read.value)
        let (fast, plain) = document.read { root -> ((LocalizedText?, [Diagnostic]), (LocalizedText?, [Diagnostic])) in
            let value = root.mappingPairs![0].value
            let fastSink = DiagnosticSink(), plainSink = DiagnosticSink()
            let fast = localizedText(value, what: "`text`", sink: fastSink)
            let plain = Self.plainLocalizedText(value, what: "`text`", sink: plainSink)
            return ((fast, fastSink.diagnostics), (plain, plainSink.diagnostics))
        }
        #expect(fast.0 == plain.0)
        #expect(fast.1 == plain.1)
    }

    static func indicator(levels: String) -> String {
        fixture("mini-maturity.yaml", replacing: "levels: {1: none, 2: some, 3: defined, 4: managed, 5: optimised}\n        next_steps",
                with: "levels: \(levels)\n        next_steps")
    }

    @Test func levelKeysAreReadAsWholeNumbers() {
        func errors(_ levels: String) -> [String] { questionnaireDiagnostics(Self.indicator(levels: levels)).errors.map(\.message) }
        #expect(errors("{1: a, 2: b, 3: c, 4: d, 5: e}").isEmpty)
        #expect(errors("{\"1\": a, '2': b, 3: c, 4: d, 5: e}").isEmpty)
        #expect(errors("{01: a, 2: b, 3: c, 4: d, 5: e}") == [
            "expected the keys of `levels` in indicator `alpha.one` to be levels 1 to 5, found `01`",
            "indicator `alpha.one` has no descriptor for level 1 in `levels`; every indicator needs all five levels, 1 to 5",
        ])
        #expect(errors("{0: a, 1: a, 2: b, 3: c, 4: d, 5: e, 6: f, 10: g, \u{0661}: h, ~: i}").count == 5)
        #expect(errors("{1: a, 2: b, 3: c, 4: d, 5: e, 2: again}") == [
            "level 2 appears twice in `levels` of indicator `alpha.one` (first at line 15); keep only one",
        ])
        #expect(errors("{1: a, 3: c, 5: e}") == [
            "indicator `alpha.one` has no descriptor for levels 2, 4 in `levels`; every indicator needs all five levels, 1 to 5",
        ])
    }

    @Test func keysAreFoundAndRefusedAsBeforeByTheirBytes() {
        func errors(_ extra: String) -> [String] {
            questionnaireDiagnostics(fixture("mini-maturity.yaml", replacing: "        weight: 1\n", with: "        weight: 1\n\(extra)")).errors.map(\.message)
        }
        #expect(errors("        \"guidance\": fine\n").isEmpty)
        #expect(errors("        weight: 2\n") == ["the key `weight` appears twice in indicator `alpha.one` (first at line 14, column 9); keep only one"])
        #expect(errors("        weigth: 2\n") == ["unknown key `weigth` in indicator `alpha.one`; did you mean `weight`?"])
        #expect(errors("        we\u{301}ight: 2\n").first?.hasPrefix("unknown key `we\u{301}ight`") == true)
        #expect(errors("        WEIGHT: 2\n").first?.hasPrefix("unknown key `WEIGHT`") == true)
        #expect(errors("        ~: 2\n") == ["expected a simple key (a word followed by `:`) in indicator `alpha.one`, found nothing"])
    }

    @Test func agenciesAreFoundByTheirBytesAndByTheSetPastAHandful() {
        func errors(_ response: String, agencies: Int = 2) -> [String] {
            var yaml = LoadingShortcutsTests.assessment(response: response)
            if agencies > 2 {
                let more = (2..<agencies).map { "    - {id: agency-\($0), name: Agency \($0)}" }.joined(separator: "\n")
                yaml = yaml.replacingOccurrences(of: "    - {id: border, name: Border guard}", with: "    - {id: border, name: Border guard}\n" + more)
            }
            return assessmentDiagnostics(yaml).errors.map(\.message)
        }
        for count in [2, 33] {
            #expect(errors("{agency: customs, level: 3}", agencies: count).isEmpty)
            #expect(errors("{agency: \"customs\", level: 3}", agencies: count).isEmpty)
            #expect(errors("{agency: Customs, level: 3}", agencies: count).first?.hasPrefix("the agency `Customs` is not declared") == true)
            #expect(errors("{agency: custom\u{301}s, level: 3}", agencies: count).count == 1)
            #expect(errors("{agency: [customs], level: 3}", agencies: count).count == 1)
            #expect(errors("{agency: border, level: 3}", agencies: count).count == 1)  // border answers twice
        }
        #expect(errors("{agency: agency-32, level: 3}", agencies: 33).isEmpty)
        let (assessment, _) = assessmentResult(LoadingShortcutsTests.assessment(response: "{agency: customs, level: 3}"))
        let responses = assessment?.questionnaires.first?.answers.first?.responses
        #expect(responses?.map(\.agency) == ["customs", "border"])
    }
}
