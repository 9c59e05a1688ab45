import Foundation

extension Loader {
    /// Loads an assessment with the bundled questionnaires and those in `questionnaireDirectories`.
    /// Throws `LoadError` with every problem when there is any error; returns the warnings otherwise.
    public static func assessment(at path: String, questionnaireDirectories: [String] = []) throws -> (assessment: Assessment, catalog: Catalog, warnings: [Diagnostic]) {
        let (catalog, catalogDiagnostics) = Catalog.load(adding: questionnaireDirectories)
        if catalogDiagnostics.hasErrors { throw LoadError(catalogDiagnostics) }
        let loaded = loadAssessment(at: URL(fileURLWithPath: path), shownAs: path, catalog: catalog)
        guard let assessment = loaded.valueWithoutErrors else { throw LoadError(catalogDiagnostics + loaded.diagnostics) }
        return (assessment, catalog, catalogDiagnostics + loaded.diagnostics)
    }

    /// Loads the questionnaires (bundled, and in `questionnaireDirectories`) and several
    /// assessments, and applies `transform` to each assessment that has no error. The
    /// assessment files are read on every processor core while the questionnaires are read on
    /// a thread of their own; each is checked as soon as both are ready. Results in order.
    public static func loadAssessments<T: Sendable>(
        at paths: [String], questionnaireDirectories: [String] = [],
        then transform: @escaping @Sendable (Assessment, Catalog) -> T
    ) -> LoadedAssessments<T> {
        let questionnaires = Promise<(Catalog, [Diagnostic])>()
        Thread { questionnaires.fulfil(Catalog.load(adding: questionnaireDirectories)) }.start()
        let results = concurrentMap(paths.count) { index -> Loaded<T> in
            let read = readYAML(at: URL(fileURLWithPath: paths[index]), shownAs: paths[index])
            let (catalog, _) = questionnaires.wait()
            guard let root = read.value else { return Loaded(nil, read.diagnostics) }
            let decoded = decodeAssessment(root, file: paths[index], catalog: catalog, diagnostics: read.diagnostics)
            guard let assessment = decoded.valueWithoutErrors else { return Loaded(nil, decoded.diagnostics) }
            return Loaded(transform(assessment, catalog), decoded.diagnostics)
        }
        let (catalog, catalogDiagnostics) = questionnaires.wait()
        return LoadedAssessments(catalog: catalog, catalogDiagnostics: catalogDiagnostics, results: results)
    }
}

/// What `Loader.loadAssessments(at:questionnaireDirectories:then:)` gave: the questionnaires,
/// the problems found in them, and one result per assessment file, in the order given.
public struct LoadedAssessments<Value: Sendable>: Sendable {
    /// The questionnaires used.
    public var catalog: Catalog
    /// The problems found in the questionnaires.
    public var catalogDiagnostics: [Diagnostic]
    /// One result per assessment file: the transformed assessment (nil when it had an error)
    /// and the problems found in it.
    public var results: [Loaded<Value>]
}
