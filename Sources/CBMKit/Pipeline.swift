import Foundation

// The functions that join the stages: load (Loading), then score (Scoring). They sit above
// both folders, so that neither needs the other.

extension Loader {
    /// Loads an assessment and scores it; with `baseline` (earlier assessments of the same
    /// country), also builds the trend from the earliest to it: what `cbm report --baseline`
    /// shows. The questionnaires and every file are read once. Throws `LoadError` with every
    /// problem of every file, or `UsageError` when the baseline cannot be compared with it.
    public static func scoreCard(at path: String, baseline: [String] = [], questionnaireDirectories: [String] = [],
                                 language: String = LocalizedText.defaultLanguage) throws -> ScoredAssessment {
        if baseline.isEmpty {
            let loaded = try assessment(at: path, questionnaireDirectories: questionnaireDirectories)
            return ScoredAssessment(card: Scorer.score(loaded.assessment, catalog: loaded.catalog, language: language),
                                    trend: nil, catalog: loaded.catalog, warnings: loaded.warnings)
        }
        let scored = try scoredForTrend(at: baseline + [path], questionnaireDirectories: questionnaireDirectories, language: language)
        guard let card = scored.inputs.last?.card, scored.inputs.count == baseline.count + 1 else { throw LoadError(scored.warnings) }
        return ScoredAssessment(card: card, trend: try TrendBuilder.build(scored.inputs, catalog: scored.catalog, language: language),
                                catalog: scored.catalog, warnings: scored.warnings)
    }

    /// Loads and scores several assessments and builds their trend. Throws `LoadError` with
    /// every problem of every file, or `UsageError` when they cannot be compared.
    public static func trend(at paths: [String], questionnaireDirectories: [String] = [],
                             language: String = LocalizedText.defaultLanguage) throws -> ScoredTrend {
        let scored = try scoredForTrend(at: paths, questionnaireDirectories: questionnaireDirectories, language: language)
        return ScoredTrend(trend: try TrendBuilder.build(scored.inputs, catalog: scored.catalog, language: language),
                           cards: scored.inputs.map(\.card), catalog: scored.catalog, warnings: scored.warnings)
    }

    /// Loads and scores several assessments and compares them (`cbm compare`). Throws
    /// `LoadError` with every problem of every file, or `ComparisonError` when they cannot be
    /// compared. The files are read and scored on every processor core.
    public static func comparison(
        at paths: [String], questionnaireDirectories: [String] = [], period: String? = nil,
        language: String = LocalizedText.defaultLanguage
    ) throws -> ScoredComparison {
        let scored = try scoredForTrend(at: paths, questionnaireDirectories: questionnaireDirectories, language: language)
        let comparison = try ComparisonBuilder(catalog: scored.catalog, language: language)
            .build(scored.inputs.map { ComparisonBuilder.Input(card: $0.card, file: $0.file) }, period: period)
        let leftOut = Set(comparison.leftOut.map(\.file))
        return ScoredComparison(comparison: comparison, cards: scored.inputs.filter { !leftOut.contains($0.file) }.map(\.card),
                                catalog: scored.catalog, warnings: scored.warnings)
    }

    /// Every file loaded and scored, in the order given; throws `LoadError` when any has an error.
    private static func scoredForTrend(at paths: [String], questionnaireDirectories: [String], language: String) throws -> ScoredFiles {
        let loaded = loadAssessments(at: paths, questionnaireDirectories: questionnaireDirectories) {
            assessment, catalog in Scorer.score(assessment, catalog: catalog, language: language)
        }
        if loaded.catalogDiagnostics.hasErrors { throw LoadError(loaded.catalogDiagnostics) }
        var inputs: [TrendBuilder.Input] = []
        var diagnostics = loaded.catalogDiagnostics
        for (path, result) in zip(paths, loaded.results) {
            diagnostics += result.diagnostics
            if let card = result.value { inputs.append(TrendBuilder.Input(card: card, file: path)) }
        }
        if diagnostics.hasErrors { throw LoadError(diagnostics) }
        return ScoredFiles(inputs: inputs, catalog: loaded.catalog, warnings: diagnostics)
    }
}

/// What `Loader.scoreCard(at:baseline:questionnaireDirectories:language:)` gives: an
/// assessment's scores, and with a baseline, its trend.
public struct ScoredAssessment: Sendable {
    /// The scores of the assessment.
    public var card: ScoreCard
    /// The trend from the earliest assessment of the baseline to this one; nil when no
    /// baseline was given.
    public var trend: TrendSeries?
    /// The questionnaires used: the bundled ones and those of the directories given.
    public var catalog: Catalog
    /// The warnings found in the questionnaires and in every file read (no errors: those are
    /// thrown).
    public var warnings: [Diagnostic]

    /// The texts of the questionnaires scored that have no version in `language`.
    public func translationGaps(language: String) -> TranslationGaps {
        TranslationGaps(scoredIn: [card], catalog: catalog, language: language)
    }
}

/// What `Loader.trend(at:questionnaireDirectories:language:)` gives: several assessments of one
/// country compared over time.
public struct ScoredTrend: Sendable {
    /// The scores over time, from the earliest period to the latest.
    public var trend: TrendSeries
    /// The score card of each file, in the order the files were given.
    public var cards: [ScoreCard]
    /// The questionnaires used: the bundled ones and those of the directories given.
    public var catalog: Catalog
    /// The warnings found in the questionnaires and in every file read (no errors: those are
    /// thrown).
    public var warnings: [Diagnostic]

    /// The texts of the questionnaires scored that have no version in `language`.
    public func translationGaps(language: String) -> TranslationGaps {
        TranslationGaps(scoredIn: cards, catalog: catalog, language: language)
    }
}

/// What `Loader.comparison(at:questionnaireDirectories:period:language:)` gives: several
/// countries (and the two sides of each crossing point) compared.
public struct ScoredComparison: Sendable {
    /// The comparison of the countries and crossing points.
    public var comparison: RegionalComparison
    /// The score card of each file compared, in the order the files were given (not of those
    /// the comparison leaves out, of another period).
    public var cards: [ScoreCard]
    /// The questionnaires used: the bundled ones and those of the directories given.
    public var catalog: Catalog
    /// The warnings found in the questionnaires and in every file read (no errors: those are
    /// thrown).
    public var warnings: [Diagnostic]

    /// The texts of the questionnaires scored that have no version in `language`.
    public func translationGaps(language: String) -> TranslationGaps {
        TranslationGaps(scoredIn: cards, catalog: catalog, language: language)
    }
}

extension TranslationGaps {
    /// The texts that lack `language` in the questionnaires the score cards were scored with
    /// (the versions scored, each once; card by card, maturity questionnaires first): what
    /// `cbm report`, `cbm trend` and `cbm compare` warn about.
    public init(scoredIn cards: [ScoreCard], catalog: Catalog, language: String) {
        let used = cards.flatMap { card in
            card.maturity.map { (id: $0.questionnaire, version: Optional($0.version)) }
                + card.compliance.map { (id: $0.questionnaire, version: Optional($0.version)) }
        }
        self.init(questionnaires: used, catalog: catalog, language: language)
    }
}

/// Every file loaded and scored, in the order given, with the questionnaires used and the
/// warnings of all of them.
private struct ScoredFiles {
    var inputs: [TrendBuilder.Input]
    var catalog: Catalog
    var warnings: [Diagnostic]
}
