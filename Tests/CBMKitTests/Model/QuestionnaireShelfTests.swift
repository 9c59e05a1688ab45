import Foundation
import Testing
@testable import CBMKit

/// Older bundled versions (`archive/`) are read only when asked for, and each is sound.
@Suite("Archived questionnaire versions are read when named")
struct QuestionnaireShelfTests {
    @Test func everyArchivedFileLoadsCleanlyAndMatchesItsName() throws {
        let directory = try #require(Catalog.bundledDirectory).appendingPathComponent(Catalog.archiveFolder)
        let files = Loader.yamlFiles(in: directory)
        #expect(!files.isEmpty)
        for url in files {
            let name = try #require(QuestionnaireShelf.idAndVersion(fileName: url.lastPathComponent), "\(url.lastPathComponent)")
            let loaded = Loader.loadQuestionnaire(at: url, shownAs: url.lastPathComponent)
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
            #expect(loaded.value?.id == name.id && loaded.value?.version == name.version, "\(url.lastPathComponent)")
        }
    }

    @Test func archivedVersionsAreKnownButNotReadUntilNamed() throws {
        let questionnaires = Catalog.bundled()
        let catalog = questionnaires.catalog
        let diagnostics = questionnaires.diagnostics
        #expect(diagnostics.isEmpty)
        let shelf = try #require(catalog.shelf)
        #expect(shelf.items.contains { $0.id == "cbm-core" && $0.version == "2024.1" })
        // Known without being read: listed among the versions.
        #expect(catalog.versions(of: "cbm-core").contains("2024.1"))
        #expect(catalog.questionnaire("cbm-core")?.version != "2024.1")
        // Read when named.
        #expect(catalog.questionnaire("cbm-core", version: "2024.1")?.version == "2024.1")
        // Every entry, archived ones included, for `cbm list`.
        #expect(catalog.entries.contains { $0.questionnaire.id == "cbm-core" && $0.questionnaire.version == "2024.1" && $0.isBundled })
    }

    @Test func aUsersCopyOfAnArchivedVersionWins() throws {
        var catalog = Catalog.bundled().catalog
        let older = try #require(catalog.questionnaire("cbm-core", version: "2024.1"))
        #expect(catalog.add(older, file: "mine/cbm-core-2024.1.yaml", bundled: false) == nil)
        let entries = catalog.entries.filter { $0.questionnaire.id == "cbm-core" && $0.questionnaire.version == "2024.1" }
        #expect(entries.count == 1)
        #expect(entries.first?.file == "mine/cbm-core-2024.1.yaml")
        #expect(catalog.versions(of: "cbm-core").filter { $0 == "2024.1" }.count == 1)
    }

    @Test func fileNames() {
        #expect(QuestionnaireShelf.idAndVersion(fileName: "cbm-core-2024.1.yaml")! == ("cbm-core", "2024.1"))
        #expect(QuestionnaireShelf.idAndVersion(fileName: "wto-tfa-2026.1.yml")! == ("wto-tfa", "2026.1"))
        #expect(QuestionnaireShelf.idAndVersion(fileName: "notes.yaml") == nil)
        #expect(QuestionnaireShelf.idAndVersion(fileName: "cbm-core-draft.yaml") == nil)
    }
}
