extension Loader {
    /// Loads and scores several assessments and compares them (`cbm compare`). Throws
    /// `LoadError` with every problem of every file, or `ComparisonError` when they cannot be
    /// compared. The files are read and scored on every processor core, as `cbm validate` reads them.
    public static func comparison(
        at paths: [String], questionnaireDirectories: [String] = [], period: String? = nil,
        language: String = LocalizedText.defaultLanguage
    ) throws -> (RegionalComparison, Catalog, [Diagnostic]) {
        let (catalog, catalogDiagnostics, loaded) = loadAssessments(at: paths, questionnaireDirectories: questionnaireDirectories) {
            assessment, catalog in Scorer.score(assessment, catalog: catalog, language: language)
        }
        if catalogDiagnostics.hasErrors { throw LoadError(catalogDiagnostics) }
        var inputs: [ComparisonBuilder.Input] = []
        var diagnostics = catalogDiagnostics
        for (path, (card, found)) in zip(paths, loaded) {
            diagnostics += found
            if let card { inputs.append(ComparisonBuilder.Input(card: card, file: path)) }
        }
        if diagnostics.hasErrors { throw LoadError(diagnostics) }
        let comparison = try ComparisonBuilder(catalog: catalog, language: language).build(inputs, period: period)
        return (comparison, catalog, diagnostics)
    }
}
