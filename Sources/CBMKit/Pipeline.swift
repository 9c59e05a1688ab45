import Foundation

// The functions that join the stages: load (Loading), then score (Scoring). They sit above
// both folders, so that neither needs the other.

extension Loader {
    /// Loads an assessment and scores it.
    public static func scoreCard(at path: String, questionnaireDirectories: [String] = []) throws -> (ScoreCard, [Diagnostic]) {
        let (assessment, catalog, warnings) = try assessment(at: path, questionnaireDirectories: questionnaireDirectories)
        return (Scorer.score(assessment, catalog: catalog), warnings)
    }

    /// Loads and scores several assessments and builds their trend. Throws `LoadError` with
    /// every problem of every file, or `TrendError` when they cannot be compared.
    public static func trend(at paths: [String], questionnaireDirectories: [String] = [], language: String = LocalizedText.defaultLanguage) throws -> (TrendReport, Catalog, [Diagnostic]) {
        let (inputs, catalog, diagnostics) = try scoredForTrend(at: paths, questionnaireDirectories: questionnaireDirectories, language: language)
        return (try Trend.build(inputs, catalog: catalog, language: language), catalog, diagnostics)
    }

    /// Loads and scores an assessment and earlier ones of the same country (`baseline`), and
    /// builds the trend from the earliest to it: what `cbm report --baseline` shows. The
    /// questionnaires and every file are read once. Throws `LoadError` with every problem of
    /// every file, or `TrendError` when they cannot be compared.
    /// - Returns: the score card of the assessment at `path`, the trend, the questionnaires
    ///   used, and the warnings of every file.
    public static func scoreCard(at path: String, baseline: [String], questionnaireDirectories: [String] = [],
                                 language: String = LocalizedText.defaultLanguage) throws
        -> (card: ScoreCard, trend: TrendReport, catalog: Catalog, warnings: [Diagnostic]) {
        let (inputs, catalog, diagnostics) = try scoredForTrend(at: baseline + [path], questionnaireDirectories: questionnaireDirectories, language: language)
        guard let card = inputs.last?.card, inputs.count == baseline.count + 1 else { throw LoadError(diagnostics) }
        return (card, try Trend.build(inputs, catalog: catalog, language: language), catalog, diagnostics)
    }

    /// Loads and scores several assessments and compares them (`cbm compare`). Throws
    /// `LoadError` with every problem of every file, or `ComparisonError` when they cannot be
    /// compared. The files are read and scored on every processor core.
    public static func comparison(
        at paths: [String], questionnaireDirectories: [String] = [], period: String? = nil,
        language: String = LocalizedText.defaultLanguage
    ) throws -> (RegionalComparison, Catalog, [Diagnostic]) {
        let (inputs, catalog, diagnostics) = try scoredForTrend(at: paths, questionnaireDirectories: questionnaireDirectories, language: language)
        let comparison = try ComparisonBuilder(catalog: catalog, language: language)
            .build(inputs.map { ComparisonBuilder.Input(card: $0.card, file: $0.file) }, period: period)
        return (comparison, catalog, diagnostics)
    }

    /// Every file loaded and scored, in the order given; throws `LoadError` when any has an error.
    private static func scoredForTrend(at paths: [String], questionnaireDirectories: [String], language: String) throws
        -> (inputs: [Trend.Input], catalog: Catalog, diagnostics: [Diagnostic]) {
        let loaded = loadAssessments(at: paths, questionnaireDirectories: questionnaireDirectories) {
            assessment, catalog in Scorer.score(assessment, catalog: catalog, language: language)
        }
        if loaded.catalogDiagnostics.hasErrors { throw LoadError(loaded.catalogDiagnostics) }
        var inputs: [Trend.Input] = []
        var diagnostics = loaded.catalogDiagnostics
        for (path, result) in zip(paths, loaded.results) {
            diagnostics += result.diagnostics
            if let card = result.value { inputs.append(Trend.Input(card: card, file: path)) }
        }
        if diagnostics.hasErrors { throw LoadError(diagnostics) }
        return (inputs, loaded.catalog, diagnostics)
    }
}
