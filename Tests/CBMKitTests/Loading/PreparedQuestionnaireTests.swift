import Foundation
import Testing
@_spi(Benchmarks) @testable import CBMKit

/// The prepared forms of the bundled questionnaires give exactly what their YAML gives, and
/// are used only when made from that very YAML.
@Suite("Prepared questionnaires")
struct PreparedQuestionnaireTests {
    static let questionnaires = Repository.root.appendingPathComponent("Sources/CBMKit/Resources/questionnaires")

    static var bundledFiles: [String] {
        Loader.yamlFiles(in: questionnaires).map { $0.path.replacingOccurrences(of: questionnaires.path + "/", with: "") }
    }

    func decode(_ prepared: Data, source: Data, file: String) -> Questionnaire? {
        prepared.withUnsafeBytes { form in source.withUnsafeBytes { PreparedQuestionnaire.decode(form, source: $0, file: file) } }
    }

    /// Every field of every bundled questionnaire, places included, comes back as read.
    @Test(arguments: PreparedQuestionnaireTests.bundledFiles)
    func givesWhatTheYAMLGives(file: String) throws {
        let url = Self.questionnaires.appendingPathComponent(file)
        let shown = Catalog.shownName(ofBundled: url)
        let fromYAML = try #require(Loader.loadQuestionnaire(at: url, shownAs: shown).valueWithoutErrors)
        let source = try Data(contentsOf: url)
        let prepared = PreparedQuestionnaire.encode(fromYAML, source: source)
        #expect(decode(prepared, source: source, file: shown) == fromYAML)
        // And through the loader, from the file written.
        let scratch = TemporaryDirectory()
        let preparedURL = scratch.write("prepared.cbmq", prepared)
        #expect(Loader.loadBundledQuestionnaire(at: url, shownAs: shown, prepared: preparedURL) == fromYAML)
    }

    /// A questionnaire without `scale:` keeps none in its prepared form: it gets the standard
    /// scale of the installed texts when read, as its YAML would.
    @Test func aMaturityQuestionnaireWithoutScaleGetsTheStandardOne() throws {
        let scratch = TemporaryDirectory()
        let url = scratch.write("mini.yaml", Fixtures.text("mini-maturity.yaml"))  // has no `scale:`
        let fromYAML = try #require(Loader.loadQuestionnaire(at: url, shownAs: "mini.yaml").valueWithoutErrors?.maturity)
        #expect(!fromYAML.ownScale)
        let source = try Data(contentsOf: url)
        let prepared = PreparedQuestionnaire.encode(.maturity(fromYAML), source: source)
        let decoded = try #require(decode(prepared, source: source, file: "mini.yaml")?.maturity)
        #expect(decoded == fromYAML)
        #expect(decoded.scale == ScaleLevel.standard)
        // Smaller than one that keeps the scale: the scale's texts are not in it.
        var withScale = fromYAML
        withScale.ownScale = true
        #expect(PreparedQuestionnaire.encode(.maturity(withScale), source: source).count > prepared.count + 100)
    }

    /// A fresh prepared form is what the loader gives: one made from the same YAML text but
    /// holding another title shows through.
    @Test func aFreshPreparedFormIsUsed() throws {
        let scratch = TemporaryDirectory()
        let yaml = scratch.write("mini.yaml", Fixtures.text("mini-maturity.yaml"))
        var questionnaire = try #require(Loader.loadQuestionnaire(at: yaml, shownAs: "mini.yaml").value?.maturity)
        questionnaire.title = LocalizedText("Prepared title")
        let prepared = scratch.write("mini.cbmq", PreparedQuestionnaire.encode(.maturity(questionnaire), source: try Data(contentsOf: yaml)))
        #expect(Loader.loadBundledQuestionnaire(at: yaml, shownAs: "mini.yaml", prepared: prepared)?.title.text() == "Prepared title")
    }

    /// After the YAML is edited, its prepared form is ignored and the YAML is read.
    @Test func anEditedYAMLIsReadAgain() throws {
        let scratch = TemporaryDirectory()
        let original = Fixtures.text("mini-maturity.yaml")
        let yaml = scratch.write("mini.yaml", original)
        let questionnaire = try #require(Loader.loadQuestionnaire(at: yaml, shownAs: "mini.yaml").value)
        let prepared = scratch.write("mini.cbmq", PreparedQuestionnaire.encode(questionnaire, source: Data(original.utf8)))
        let edits = [
            original.replacingOccurrences(of: "Small maturity questionnaire for tests", with: "Small maturity questionnaire for trials"),  // same length
            original + "\n",                                                                                                       // longer
            original.replacingOccurrences(of: "title: Two", with: "title: 2"),                                                    // shorter
        ]
        for edited in edits {
            scratch.write("mini.yaml", edited)
            let expected = Loader.loadQuestionnaire(at: yaml, shownAs: "mini.yaml").value
            #expect(Loader.loadBundledQuestionnaire(at: yaml, shownAs: "mini.yaml", prepared: prepared) == expected)
            #expect(decode(try Data(contentsOf: prepared), source: Data(edited.utf8), file: "mini.yaml") == nil)
        }
        // A missing prepared file: the YAML.
        #expect(Loader.loadBundledQuestionnaire(at: yaml, shownAs: "mini.yaml", prepared: scratch.url.appendingPathComponent("none.cbmq"))
                == Loader.loadQuestionnaire(at: yaml, shownAs: "mini.yaml").value)
    }

    /// A damaged prepared file is refused, never read wrongly and never a crash: cut short
    /// anywhere, or with any one byte changed in its first part.
    @Test func aDamagedPreparedFileIsRefused() throws {
        let source = Data(Fixtures.text("mini-compliance.yaml").utf8)
        let scratch = TemporaryDirectory()
        let url = scratch.write("mini-compliance.yaml", source)
        let questionnaire = try #require(Loader.loadQuestionnaire(at: url, shownAs: "mini-compliance.yaml").value)
        let prepared = PreparedQuestionnaire.encode(questionnaire, source: source)
        for length in 0..<prepared.count {
            #expect(decode(prepared.prefix(length), source: source, file: "x") == nil, "cut at \(length)")
        }
        #expect(decode(prepared + [0], source: source, file: "x") == nil)
        // Any byte of the head changed (the format, the YAML's length and fingerprint): refused.
        var lengthBytes = 1, length = source.count
        while length >= 0x80 { length >>= 7; lengthBytes += 1 }
        let head = PreparedQuestionnaire.magic.count + 1 + lengthBytes + 8
        for index in 0..<prepared.count {
            var damaged = prepared
            damaged[index] ^= 0xFF
            let read = decode(damaged, source: source, file: "x")  // after the head: never a crash or a hang
            if index < head { #expect(read == nil, "byte \(index) changed") }
        }
        // Another format version is refused.
        var other = prepared
        other[PreparedQuestionnaire.magic.count] &+= 1
        #expect(decode(other, source: source, file: "x") == nil)
    }

    @Test func theFingerprintChangesWithAnyByte() {
        let text = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let original = text.withUnsafeBytes(PreparedForm.fingerprint)
        var seen: Set<UInt64> = [original]
        for index in [0, 1, 7, 8, 31, 32, 500, 991, 992, 998, 999] {
            var changed = text
            changed[index] &+= 1
            #expect(seen.insert(changed.withUnsafeBytes(PreparedForm.fingerprint)).inserted, "byte \(index)")
        }
        for length in [0, 1, 8, 31, 32, 33, 999] {
            #expect(seen.insert(text.prefix(length).withUnsafeBytes(PreparedForm.fingerprint)).inserted, "length \(length)")
        }
    }

    /// The bundled catalog reads the prepared forms: the example's questionnaires are the
    /// same as their YAML gives.
    @Test func theBundledCatalogGivesWhatTheYAMLGives() throws {
        let catalog = Catalog.bundled().catalog
        let directory = try #require(Catalog.bundledDirectory)
        for url in Loader.yamlFiles(in: directory) {
            let fromYAML = try #require(Loader.loadQuestionnaire(at: url, shownAs: Catalog.shownName(ofBundled: url)).value)
            #expect(catalog.questionnaire(fromYAML.id, version: fromYAML.version) == fromYAML, "\(url.lastPathComponent)")
        }
        #expect(Catalog.preparedDirectory != nil)
    }
}
