import Foundation

extension Loader {
    /// Loads an assessment with the bundled questionnaires and those in `questionnaireDirectories`.
    /// Throws `LoadError` with every problem when there is any error; returns the warnings otherwise.
    public static func assessment(at path: String, questionnaireDirectories: [String] = []) throws -> LoadedAssessment {
        let questionnaires = Catalog.load(adding: questionnaireDirectories)
        if questionnaires.diagnostics.hasErrors { throw LoadError(questionnaires.diagnostics) }
        let loaded = loadAssessment(at: URL(fileURLWithPath: path), shownAs: path, catalog: questionnaires.catalog)
        guard let assessment = loaded.valueWithoutErrors else { throw LoadError(questionnaires.diagnostics + loaded.diagnostics) }
        return LoadedAssessment(assessment: assessment, catalog: questionnaires.catalog,
                                warnings: questionnaires.diagnostics + loaded.diagnostics)
    }

    /// Loads the questionnaires (bundled, and in `questionnaireDirectories`) and several
    /// assessments, and applies `transform` to each assessment that has no error. The
    /// assessment files are read on every processor core while the questionnaires are read on
    /// a thread of their own; each is checked as soon as both are ready. Results in order.
    public static func loadAssessments<T: Sendable>(
        at paths: [String], questionnaireDirectories: [String] = [],
        then transform: @escaping @Sendable (Assessment, Catalog) -> T
    ) -> LoadedAssessments<T> {
        let questionnaires = Promise<LoadedCatalog>()
        Thread { questionnaires.fulfil(Catalog.load(adding: questionnaireDirectories)) }.start()
        let results = concurrentMap(paths.count) { index -> Loaded<T> in
            let read = readYAML(at: URL(fileURLWithPath: paths[index]), shownAs: paths[index])
            let catalog = questionnaires.wait().catalog
            guard let root = read.value else { return Loaded(nil, read.diagnostics) }
            let decoded = decodeAssessment(root, file: paths[index], catalog: catalog, diagnostics: read.diagnostics)
            guard let assessment = decoded.valueWithoutErrors else { return Loaded(nil, decoded.diagnostics) }
            return Loaded(transform(assessment, catalog), decoded.diagnostics)
        }
        let loaded = questionnaires.wait()
        return LoadedAssessments(catalog: loaded.catalog, catalogDiagnostics: loaded.diagnostics, results: results)
    }
}

/// What `Loader.assessment(at:questionnaireDirectories:)` gives: an assessment without
/// errors, the questionnaires it was read with, and the warnings found in both.
public struct LoadedAssessment: Sendable {
    /// The assessment as read.
    public var assessment: Assessment
    /// The questionnaires used: the bundled ones and those of the directories given.
    public var catalog: Catalog
    /// The warnings found in the questionnaires and in the assessment file (no errors: those
    /// are thrown).
    public var warnings: [Diagnostic]
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
