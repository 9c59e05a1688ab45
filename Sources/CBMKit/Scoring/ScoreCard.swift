/// Every number a report shows, computed once from an assessment and its questionnaires.
/// Numbers keep full precision; reports round them. `nil` means "cannot be computed"
/// (nothing answered), never zero.
public struct ScoreCard: Sendable, Hashable {
    /// Who and what was assessed: the header of the assessment file.
    public var assessment: AssessmentHeader
    /// The scores of each maturity questionnaire the assessment answers, in the file's order.
    public var maturity: [MaturityScore]
    /// The compliance rates of each convention checklist the assessment answers, in the file's order.
    public var compliance: [ComplianceScore]
    /// Gaps to target, highest priority first, across all maturity questionnaires.
    public var priorities: [Priority]
}

/// Whether an indicator counts in the scores.
public enum ItemStatus: String, Sendable, Hashable, Codable {
    /// At least one numeric level (or a numeric consensus).
    case answered
    /// Every response says `na`, or the group agreed `na`.
    case notApplicable = "na"
    /// No response, or only `unknown`.
    case unanswered
}

/// One agency's answer as the report shows it.
public struct AgencyResponse: Sendable, Hashable {
    /// nil for the one-answer form, where the group answers as one.
    public var agency: String?
    /// "3", "na", "unknown" for maturity; "full", "partial", … for compliance.
    public var value: String
    /// The numeric level (maturity) or points (compliance), when there is one.
    public var numeric: Int?
    /// What the agency showed to support its answer, when given.
    public var evidence: String?
    /// The agency's comment, when given.
    public var comment: String?
}

/// The score of one maturity indicator: its level, how far the agencies agree, and its gap to target.
public struct IndicatorScore: Sendable, Hashable {
    /// The indicator's id, unique in its questionnaire (for example `ict.single-window`).
    public var id: String
    /// The indicator's title, in the language of the report.
    public var title: String
    /// The id of the dimension the indicator belongs to.
    public var dimension: String
    /// The indicator's weight in its dimension's score (docs/scoring.md).
    public var weight: Double
    /// National or cross-border, when the questionnaire says.
    public var scope: IndicatorScope?
    /// Whether the indicator counts in the scores.
    public var status: ItemStatus
    /// Consensus if agreed, else the median of the agencies' levels.
    public var score: Double?
    /// floor(score).
    public var level: Int?
    /// The level the working group agreed, when it agreed one.
    public var consensus: Int?
    /// The median of the numeric responses (shown even when a consensus was agreed).
    public var median: Double?
    /// A consensus outside the range of the agencies' levels: allowed, and noted.
    public var consensusOutsideResponses: Bool
    /// max − min of the agencies' numeric levels; nil with no numeric level.
    public var divergence: Int?
    /// divergence ≥ 2.
    public var divergent: Bool
    /// The level the country aims at for this indicator.
    public var target: Int
    /// max(0, target − score); nil when unanswered or not applicable.
    public var gap: Double?
    /// Each agency's answer, in the file's order.
    public var responses: [AgencyResponse]
    /// The note written with the answer, when there is one.
    public var note: String?
    /// The next step to reach the level above the current one, when there is one.
    public var nextStep: String?
}

/// The score of one dimension of a maturity questionnaire, from its indicators' scores.
public struct DimensionScore: Sendable, Hashable {
    /// The dimension's id, unique in its questionnaire.
    public var id: String
    /// The dimension's title, in the language of the report.
    public var title: String
    /// The dimension's weight in the questionnaire's index.
    public var weight: Double
    /// Weighted mean of the answered indicators' scores.
    public var score: Double?
    /// floor(score); nil when nothing is answered.
    public var level: Int?
    /// The level the country aims at for this dimension.
    public var target: Int
    /// max(0, target − score); nil when nothing is answered.
    public var gap: Double?
    /// answered ÷ (indicators − not applicable); nil when every indicator is not applicable.
    public var coverage: Double?
    /// coverage < 0.8: the score rests on too few answers to be firm.
    public var provisional: Bool
    /// How many of its indicators are answered.
    public var answeredCount: Int
    /// How many of its indicators are not applicable.
    public var notApplicableCount: Int
    /// How many indicators the dimension has.
    public var indicatorCount: Int
    /// The scores of its indicators, in the questionnaire's order.
    public var indicators: [IndicatorScore]
}

/// The scores of one maturity questionnaire: its overall index, each dimension and each indicator.
public struct MaturityScore: Sendable, Hashable {
    /// The questionnaire's id (for example `cbm-core`).
    public var questionnaire: String
    /// The questionnaire's title, in the language of the report.
    public var title: String
    /// The version of the questionnaire the scores were computed with.
    public var version: String
    /// The version the assessment says it answered, if it says.
    public var answeredVersion: String?
    /// Weighted mean of the scores of dimensions with any answer.
    public var index: Double?
    /// floor(index); nil when nothing is answered.
    public var level: Int?
    /// The index computed from the national indicators only (what a country does on its own);
    /// nil when the questionnaire declares no national indicator, or none is answered.
    public var nationalIndex: Double?
    /// The index computed from the cross-border indicators only (what needs a neighbour).
    public var crossBorderIndex: Double?
    /// Level number → name, from the questionnaire's scale.
    public var levelNames: [Int: String]
    /// The scores of its dimensions, in the questionnaire's order.
    public var dimensions: [DimensionScore]

    /// The name of a level (for example "Coordinated"), when the scale names it.
    public func levelName(_ level: Int?) -> String? { level.flatMap { levelNames[$0] } }
    /// The scores of every indicator, dimension by dimension.
    public var indicators: [IndicatorScore] { dimensions.flatMap(\.indicators) }
    /// Whether the questionnaire says of its indicators whether they are national or
    /// cross-border, and so has the two sub-indexes to show.
    public var declaresScope: Bool { dimensions.contains { $0.indicators.contains { $0.scope != nil } } }
}

/// How far one provision of a convention checklist is met.
public struct ProvisionScore: Sendable, Hashable {
    /// The provision's id, unique in its checklist (for example `7.1`).
    public var id: String
    /// The provision's title, in the language of the report.
    public var title: String
    /// The id of the section the provision belongs to.
    public var section: String
    /// Whether the provision binds (`binding`), asks for best endeavour, or only guides.
    public var obligation: Obligation
    /// A transitional standard (Revised Kyoto Convention), with a longer implementation period.
    public var transitional: Bool
    /// Whether the provision counts in the rates.
    public var status: ItemStatus
    /// The agreed status, or the only one, or the status whose points equal the median;
    /// nil when agencies' answers straddle two statuses.
    public var consolidated: ComplianceStatus?
    /// Consensus points, else the median of the responses' points (0–3).
    public var points: Double?
    /// Each agency's answer, in the file's order.
    public var responses: [AgencyResponse]
    /// WTO TFA: the notified implementation category (A, B or C), when given.
    public var category: String?
    /// WTO TFA: the (planned) implementation date, as written (YYYY-MM-DD), when given.
    public var date: String?
    /// The note written with the answer, when there is one.
    public var note: String?
}

/// A compliance rate with the counts it was computed from.
public struct RateSummary: Sendable, Hashable {
    /// Σ points ÷ (3 × answered); nil when nothing applicable was answered.
    public var rate: Double?
    /// answered ÷ applicable; nil when nothing is applicable.
    public var coverage: Double?
    /// How many applicable provisions are answered.
    public var answered: Int
    /// How many provisions apply (all but those answered not applicable).
    public var applicable: Int
    /// How many provisions there are.
    public var total: Int
}

/// The compliance rates of one section of a convention checklist.
public struct SectionComplianceScore: Sendable, Hashable {
    /// The section's id, unique in its checklist.
    public var id: String
    /// The section's title, in the language of the report.
    public var title: String
    /// The rate over every binding and best-endeavour provision of the section.
    public var summary: RateSummary
    /// The rate over the binding provisions only.
    public var binding: RateSummary
    /// The rate over the best-endeavour provisions only.
    public var bestEndeavour: RateSummary
    /// Guidance items (obligation `guidance`): shown, never counted in `summary`.
    public var guidance: RateSummary

    /// The section's rate (`summary.rate`).
    public var rate: Double? { summary.rate }
    /// The section's coverage (`summary.coverage`).
    public var coverage: Double? { summary.coverage }
}

/// The compliance rates of one convention checklist: overall, by obligation, by section and by provision.
public struct ComplianceScore: Sendable, Hashable {
    /// The checklist's id (for example `wto-tfa`).
    public var questionnaire: String
    /// The checklist's title, in the language of the report.
    public var title: String
    /// The version of the checklist the rates were computed with.
    public var version: String
    /// The version the assessment says it answered, if it says.
    public var answeredVersion: String?
    /// The rate over every binding and best-endeavour provision.
    public var summary: RateSummary
    /// The rate over the binding provisions only.
    public var binding: RateSummary
    /// The rate over the best-endeavour provisions only.
    public var bestEndeavour: RateSummary
    /// Guidance items (obligation `guidance`): shown, never counted in `summary`.
    public var guidance: RateSummary
    /// How many provisions have each consolidated status ("mixed" and guidance items not counted).
    public var statusCounts: [ComplianceStatus: Int]
    /// The rates of each section, in the checklist's order.
    public var sections: [SectionComplianceScore]
    /// How far each provision is met, in the checklist's order.
    public var provisions: [ProvisionScore]

    /// The overall rate (`summary.rate`).
    public var rate: Double? { summary.rate }
    /// The overall coverage (`summary.coverage`).
    public var coverage: Double? { summary.coverage }

    /// Answered provisions with fewer than 3 points, in questionnaire order (guidance items,
    /// which are not obligations, left out).
    public var notFullyMet: [ProvisionScore] {
        provisions.filter { $0.obligation.counts && ($0.points.map { $0 < 3 } ?? false) }
    }
}

/// One gap to target, ranked: where reform is most needed (docs/scoring.md).
public struct Priority: Sendable, Hashable {
    /// 1 for the highest priority.
    public var rank: Int
    /// The id of the maturity questionnaire.
    public var questionnaire: String
    /// The indicator's id.
    public var indicator: String
    /// The indicator's title, in the language of the report.
    public var indicatorTitle: String
    /// The id of the indicator's dimension.
    public var dimension: String
    /// The dimension's title, in the language of the report.
    public var dimensionTitle: String
    /// The indicator's score.
    public var score: Double
    /// The indicator's level, floor(score).
    public var level: Int
    /// The level the country aims at for this indicator.
    public var target: Int
    /// target − score (always more than 0).
    public var gap: Double
    /// gap × indicator weight × dimension weight.
    public var priority: Double
    /// The level the next step leads to (current level + 1).
    public var nextLevel: Int
    /// What to do to reach the next level, when the questionnaire says.
    public var nextStep: String?
}
