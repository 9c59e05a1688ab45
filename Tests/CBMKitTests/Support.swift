import Foundation
@testable import CBMKit

enum Fixtures {
    static let directory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func text(_ name: String) -> String { try! String(contentsOf: url(name), encoding: .utf8) }

    /// The bundled questionnaires plus the small test ones.
    static let catalog: Catalog = {
        let (catalog, _) = Catalog.load(adding: [url("mini-maturity.yaml").path, url("mini-compliance.yaml").path])
        return catalog
    }()
}

/// Problems found in a questionnaire given as text (file name `q.yaml`).
func questionnaireDiagnostics(_ yaml: String, catalog: Catalog = Fixtures.catalog) -> [Diagnostic] {
    let loadedRoot = YAMLReader.read(Data(yaml.utf8), file: "q.yaml")
    let root = loadedRoot.value, read = loadedRoot.diagnostics
    guard let root else { return read }
    let loadedQuestionnaire = Loader.decodeQuestionnaire(root, diagnostics: read)
    let questionnaire = loadedQuestionnaire.value, found = loadedQuestionnaire.diagnostics
    guard let questionnaire else { return found }
    var catalog = catalog
    _ = catalog.add(questionnaire, file: "q.yaml", bundled: false)
    return found + catalog.checkLinks(in: questionnaire)
}

/// Problems found in an assessment given as text (file name `a.yaml`).
func assessmentDiagnostics(_ yaml: String, catalog: Catalog = Fixtures.catalog) -> [Diagnostic] {
    assessmentResult(yaml, catalog: catalog).1
}

func assessmentResult(_ yaml: String, catalog: Catalog = Fixtures.catalog) -> (Assessment?, [Diagnostic]) {
    let read = YAMLReader.read(Data(yaml.utf8), file: "a.yaml")
    guard let root = read.value else { return (nil, read.diagnostics) }
    let decoded = Loader.decodeAssessment(root, file: "a.yaml", catalog: catalog, diagnostics: read.diagnostics)
    return (decoded.value, decoded.diagnostics)
}

/// A copy of a fixture with one piece of text replaced (the replaced text must occur once).
func fixture(_ name: String, replacing old: String, with new: String) -> String {
    let text = Fixtures.text(name)
    precondition(text.components(separatedBy: old).count == 2, "`\(old)` must occur exactly once in \(name)")
    return text.replacingOccurrences(of: old, with: new)
}

/// A scratch folder, removed when the value is dropped by the test.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ contents: String) -> URL { write(name, Data(contents.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) -> URL {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file
    }
}
