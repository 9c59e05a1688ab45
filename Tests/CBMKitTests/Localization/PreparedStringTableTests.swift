import Foundation
import Testing
@testable import CBMKit

/// The prepared forms of the string tables give what their YAML gives, and only when made
/// from that very YAML.
@Suite("Prepared string tables")
struct PreparedStringTableTests {
    static let locales = Repository.root.appendingPathComponent("Sources/CBMKit/Resources/locales")

    func decode(_ prepared: Data, source: Data, file: String) -> StringTable? {
        prepared.withUnsafeBytes { form in source.withUnsafeBytes { StringTable.fromPrepared(form, source: $0, file: file) } }
    }

    func expectSame(_ a: StringTable?, _ b: StringTable?, _ comment: Comment? = nil) {
        #expect(a?.language == b?.language && a?.name == b?.name && a?.nativeName == b?.nativeName && a?.plural == b?.plural, comment)
        #expect(a?.conventions == b?.conventions, comment)
        #expect(a?.entries == b?.entries, comment)
        #expect(a?.locations == b?.locations, comment)
    }

    @Test(arguments: ["en", "ru"])
    func givesWhatTheYAMLGives(code: String) throws {
        let url = Self.locales.appendingPathComponent("\(code).yaml")
        let (fromYAML, problems) = StringTable.read(url, shownAs: "locales/\(code).yaml")
        let table = try #require(fromYAML)
        #expect(!problems.hasErrors)
        let source = try Data(contentsOf: url)
        let prepared = table.prepared(source: source)
        expectSame(decode(prepared, source: source, file: "locales/\(code).yaml"), table, "\(code)")
        #expect(table.entries.count > 300 && table.locations.count == table.entries.count)
        // The language and its names, read from the top alone.
        let language = prepared.withUnsafeBytes { form in source.withUnsafeBytes { StringTable.preparedLanguage(form, source: $0) } }
        #expect(language == StringTable.Language(code: table.language, name: table.name, nativeName: table.nativeName))
    }

    /// What a command reads (`readAlone`, from the prepared forms) is what the YAML gives.
    @Test(arguments: ["en", "ru"])
    func theInstalledTableIsTheYAMLs(code: String) throws {
        let (fromYAML, _) = StringTable.read(Self.locales.appendingPathComponent("\(code).yaml"), shownAs: "locales/\(code).yaml")
        expectSame(StringTable.readAlone(code), fromYAML)
        #expect(StringTable.installedLanguages.map(\.code) == ["en", "ru"])
        #expect(StringTable.installedLanguages.last?.name == "Russian, русский")
    }

    @Test func aStaleOrDamagedFormIsRefused() throws {
        let url = Self.locales.appendingPathComponent("en.yaml")
        let source = try Data(contentsOf: url)
        let table = try #require(StringTable.read(url, shownAs: "locales/en.yaml").0)
        let prepared = table.prepared(source: source)
        var edited = source
        edited[edited.count / 2] ^= 0x01
        #expect(decode(prepared, source: edited, file: "x") == nil)
        #expect(decode(prepared, source: source + Data("\n".utf8), file: "x") == nil)
        for length in stride(from: 0, to: prepared.count, by: 97) {
            #expect(decode(prepared.prefix(length), source: source, file: "x") == nil, "cut at \(length)")
        }
        #expect(decode(prepared + [0], source: source, file: "x") == nil)
    }
}
