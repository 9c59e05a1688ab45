import Foundation

extension Catalog {
    /// The questionnaires shipped with the tool (package resources), found wherever the
    /// binary is run from. None is read now: each version is read when first used (see
    /// `QuestionnaireShelf`), so that a run reads only the versions its assessments answer.
    /// Of a current version (a file outside `archive/`), only the `id:` and `version:` at the
    /// top of the file are read now; a file whose top does not give them is read whole, and
    /// its problems are returned.
    public static func bundled() -> LoadedCatalog {
        guard let directory = bundledDirectory else {
            return LoadedCatalog(catalog: Catalog(), diagnostics: [.error(SourceLocation(file: "questionnaires", line: 1, column: 1),
                "the bundled questionnaires were not found next to the program; reinstall cbm, or give your own with --questionnaires DIR")])
        }
        var catalog = Catalog()
        var diagnostics: [Diagnostic] = []
        var shelved: [QuestionnaireShelf.Item] = []
        for url in Loader.yamlFiles(in: directory) {
            let shown = shownName(ofBundled: url)
            let isArchived = url.deletingLastPathComponent().lastPathComponent == archiveFolder
            if isArchived, let (id, version) = QuestionnaireShelf.idAndVersion(fileName: url.lastPathComponent) {
                shelved.append(QuestionnaireShelf.Item(id: id, version: version, file: shown, url: url))
                continue
            }
            if !isArchived, let head = YAMLHeader.scalars(["id", "version"], at: url), let id = head["id"], let version = head["version"] {
                shelved.append(QuestionnaireShelf.Item(id: id, version: version, file: shown, url: url, isCurrent: true))
                continue
            }
            let loaded = Loader.loadQuestionnaire(at: url, shownAs: shown)
            diagnostics += loaded.diagnostics
            if let questionnaire = loaded.value, let problem = catalog.add(questionnaire, file: shown, bundled: true) {
                diagnostics.append(problem)
            }
        }
        if !shelved.isEmpty {
            let prepared = preparedDirectory
            catalog.shelf = QuestionnaireShelf(items: shelved) { item in
                Loader.loadBundledQuestionnaire(at: item.url, shownAs: item.file,
                                                prepared: prepared?.appendingPathComponent(PreparedQuestionnaire.fileName(id: item.id, version: item.version)))
            }
        }
        return LoadedCatalog(catalog: catalog, diagnostics: diagnostics)
    }

    /// The folder of the bundled questionnaires that holds older versions.
    static let archiveFolder = "archive"

    /// How messages name a bundled questionnaire file: `bundled:cbm-core.yaml`.
    static func shownName(ofBundled url: URL) -> String { "bundled:" + url.lastPathComponent }

    /// Where the bundled questionnaires are.
    public static var bundledDirectory: URL? {
        BundledResources.folder("questionnaires")
    }

    /// The folder of the prepared forms of the bundled questionnaires (`PreparedQuestionnaire`).
    static var preparedDirectory: URL? {
        BundledResources.folder(PreparedForm.folder)
    }

    /// The bundled questionnaires plus those in the given folders or files.
    /// Problems in any of them are returned; the questionnaires that loaded are kept.
    public static func load(adding paths: [String]) -> LoadedCatalog {
        let shipped = bundled()
        var catalog = shipped.catalog
        var diagnostics = shipped.diagnostics
        var added: [Questionnaire] = []
        for path in paths {
            let (files, missing) = Loader.expand(path)
            diagnostics += missing
            for url in files {
                let shown = Loader.displayPath(url, given: path)
                let loaded = Loader.loadQuestionnaire(at: url, shownAs: shown)
                diagnostics += loaded.diagnostics
                if let questionnaire = loaded.value {
                    if let problem = catalog.add(questionnaire, file: shown, bundled: false, path: url.resolvingSymlinksInPath().path) { diagnostics.append(problem) }
                    added.append(questionnaire)
                }
            }
        }
        for questionnaire in added { diagnostics += catalog.checkLinks(in: questionnaire) }
        return LoadedCatalog(catalog: catalog, diagnostics: diagnostics)
    }
}

/// What `Catalog.bundled()` and `Catalog.load(adding:)` give: the questionnaires that could
/// be read, and every problem found in them. Unlike `Loaded`, the catalog is there even when
/// some file has an error (it holds the questionnaires that loaded).
public struct LoadedCatalog: Sendable {
    /// The questionnaires that loaded.
    public var catalog: Catalog
    /// Every problem found in the questionnaire files, errors and warnings, in the order found.
    public var diagnostics: [Diagnostic]
}
