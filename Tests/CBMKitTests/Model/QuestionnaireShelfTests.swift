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

    @Test func currentVersionsAreKnownFromTheirTopButNotReadUntilUsed() throws {
        let catalog = Catalog.bundled().catalog
        let shelf = try #require(catalog.shelf)
        let current = shelf.items.filter(\.isCurrent)
        #expect(Set(current.map(\.id)) == ["cbm-core", "wto-tfa", "rkc-general-annex", "harmonization-convention", "wco-safe"])
        #expect(shelf.readItems.isEmpty)
        // Ids and versions come from the top of each file, with nothing read whole.
        #expect(catalog.ids.count == 5)
        #expect(catalog.versions(of: "cbm-core").first == current.first { $0.id == "cbm-core" }?.version)
        #expect(shelf.readItems.isEmpty)
        // Asked for by id, the current version is read, and only it.
        let core = try #require(catalog.questionnaire("cbm-core"))
        #expect(core.version == current.first { $0.id == "cbm-core" }?.version)
        #expect(shelf.readItems.map { shelf.items[$0].file } == ["bundled:cbm-core.yaml"])
    }

    @Test func scoringAnAssessmentReadsOnlyTheVersionsItAnswers() throws {
        // The example answers the 2026.1 versions, all five of them archived.
        let scored = try Loader.scoreCard(at: Repository.path("examples/arventa-2026.yaml"))
        let shelf = try #require(scored.catalog.shelf)
        let read = shelf.readItems.map { shelf.items[$0] }
        #expect(read.count == 5)
        #expect(read.allSatisfy { !$0.isCurrent && $0.version == "2026.1" }, "\(read.map(\.file))")
        #expect(Set(read.map(\.id)) == Set(scored.card.maturity.map(\.questionnaire) + scored.card.compliance.map(\.questionnaire)))
    }

    @Test func aUsersCopyOfTheCurrentVersionReplacesTheBundledOneInPlace() throws {
        var catalog = Catalog.bundled().catalog
        let current = try #require(catalog.questionnaire("wto-tfa"))
        #expect(catalog.add(current, file: "mine/wto-tfa.yaml", bundled: false) == nil)
        #expect(catalog.entry("wto-tfa")?.file == "mine/wto-tfa.yaml")
        let bundledOrder = Catalog.bundled().catalog.entries.map { "\($0.questionnaire.id) \($0.questionnaire.version)" }
        let entries = catalog.entries
        #expect(entries.map { "\($0.questionnaire.id) \($0.questionnaire.version)" } == bundledOrder)
        #expect(entries.filter { $0.file == "mine/wto-tfa.yaml" }.count == 1)
        #expect(!entries.contains { $0.file == "bundled:wto-tfa.yaml" })
    }

    @Test func fileNames() {
        #expect(QuestionnaireShelf.idAndVersion(fileName: "cbm-core-2024.1.yaml")! == ("cbm-core", "2024.1"))
        #expect(QuestionnaireShelf.idAndVersion(fileName: "wto-tfa-2026.1.yml")! == ("wto-tfa", "2026.1"))
        #expect(QuestionnaireShelf.idAndVersion(fileName: "notes.yaml") == nil)
        #expect(QuestionnaireShelf.idAndVersion(fileName: "cbm-core-draft.yaml") == nil)
    }
}
