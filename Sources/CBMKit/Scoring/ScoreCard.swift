/// Every number a report shows, computed once from an assessment and its questionnaires.
/// Numbers keep full precision; reports round them. `nil` means "cannot be computed"
/// (nothing answered), never zero.
public struct ScoreCard: Sendable, Hashable {
    public var assessment: AssessmentInfo
    public var maturity: [MaturityScore]
    public var compliance: [ComplianceScore]
    /// Gaps to target, highest priority first, across all maturity questionnaires.
    public var priorities: [Priority]
}

public struct AssessmentInfo: Sendable, Hashable {
    public var title: String
    public var country: String
    public var period: String
    public var date: String?
    public var preparedBy: String?
    public var notes: String?
    public var agencies: [Agency]
    /// The crossing point assessed; nil when the assessment covers the whole country.
    public var crossingPoint: CrossingPoint? = nil

    public var scope: AssessmentScope { crossingPoint == nil ? .country : .crossingPoint }
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
    public var evidence: String?
    public var comment: String?
}

public struct IndicatorScore: Sendable, Hashable {
    public var id: String
    public var title: String
    public var dimension: String
    public var weight: Double
    /// National or cross-border, when the questionnaire says.
    public var scope: IndicatorScope?
    public var status: ItemStatus
    /// Consensus if agreed, else the median of the agencies' levels.
    public var score: Double?
    /// floor(score).
    public var level: Int?
    public var consensus: Int?
    /// The median of the numeric responses (shown even when a consensus was agreed).
    public var median: Double?
    /// A consensus outside the range of the agencies' levels: allowed, and noted.
    public var consensusOutsideResponses: Bool
    /// max − min of the agencies' numeric levels; nil with no numeric level.
    public var divergence: Int?
    /// divergence ≥ 2.
    public var divergent: Bool
    public var target: Int
    /// max(0, target − score); nil when unanswered or not applicable.
    public var gap: Double?
    public var responses: [AgencyResponse]
    public var note: String?
    /// The next step to reach the level above the current one, when there is one.
    public var nextStep: String?
}

public struct DimensionScore: Sendable, Hashable {
    public var id: String
    public var title: String
    public var weight: Double
    /// Weighted mean of the answered indicators' scores.
    public var score: Double?
    public var level: Int?
    public var target: Int
    public var gap: Double?
    /// answered ÷ (indicators − not applicable); nil when every indicator is not applicable.
    public var coverage: Double?
    /// coverage < 0.8: the score rests on too few answers to be firm.
    public var provisional: Bool
    public var answeredCount: Int
    public var notApplicableCount: Int
    public var indicatorCount: Int
    public var indicators: [IndicatorScore]
}

public struct MaturityScore: Sendable, Hashable {
    public var questionnaire: String
    public var title: String
    public var version: String
    /// The version the assessment says it answered, if it says.
    public var answeredVersion: String?
    /// Weighted mean of the scores of dimensions with any answer.
    public var index: Double?
    public var level: Int?
    /// The index computed from the national indicators only (what a country does on its own);
    /// nil when the questionnaire declares no national indicator, or none is answered.
    public var nationalIndex: Double?
    /// The index computed from the cross-border indicators only (what needs a neighbour).
    public var crossBorderIndex: Double?
    /// Level number → name, from the questionnaire's scale.
    public var levelNames: [Int: String]
    public var dimensions: [DimensionScore]

    public func levelName(_ level: Int?) -> String? { level.flatMap { levelNames[$0] } }
    public var indicators: [IndicatorScore] { dimensions.flatMap(\.indicators) }
}

public struct ProvisionScore: Sendable, Hashable {
    public var id: String
    public var title: String
    public var section: String
    public var obligation: Obligation
    public var transitional: Bool
    public var status: ItemStatus
    /// The agreed status, or the only one, or the status whose points equal the median;
    /// nil when agencies' answers straddle two statuses.
    public var consolidated: ComplianceStatus?
    /// Consensus points, else the median of the responses' points (0–3).
    public var points: Double?
    public var responses: [AgencyResponse]
    public var category: String?
    public var date: String?
    public var note: String?
}

public struct RateSummary: Sendable, Hashable {
    /// Σ points ÷ (3 × answered); nil when nothing applicable was answered.
    public var rate: Double?
    /// answered ÷ applicable; nil when nothing is applicable.
    public var coverage: Double?
    public var answered: Int
    public var applicable: Int
    public var total: Int
}

public struct SectionComplianceScore: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: RateSummary
    public var binding: RateSummary
    public var bestEndeavour: RateSummary
    /// Guidance items (obligation `guidance`): shown, never counted in `summary`.
    public var guidance: RateSummary

    public var rate: Double? { summary.rate }
    public var coverage: Double? { summary.coverage }
}

public struct ComplianceScore: Sendable, Hashable {
    public var questionnaire: String
    public var title: String
    public var version: String
    public var answeredVersion: String?
    public var summary: RateSummary
    public var binding: RateSummary
    public var bestEndeavour: RateSummary
    /// Guidance items (obligation `guidance`): shown, never counted in `summary`.
    public var guidance: RateSummary
    /// How many provisions have each consolidated status ("mixed" and guidance items not counted).
    public var statusCounts: [ComplianceStatus: Int]
    public var sections: [SectionComplianceScore]
    public var provisions: [ProvisionScore]

    public var rate: Double? { summary.rate }
    public var coverage: Double? { summary.coverage }

    /// Answered provisions with fewer than 3 points, in questionnaire order (guidance items,
    /// which are not obligations, left out).
    public var notFullyMet: [ProvisionScore] {
        provisions.filter { $0.obligation.counts && ($0.points.map { $0 < 3 } ?? false) }
    }
}

public struct Priority: Sendable, Hashable {
    public var rank: Int
    public var questionnaire: String
    public var indicator: String
    public var indicatorTitle: String
    public var dimension: String
    public var dimensionTitle: String
    public var score: Double
    public var level: Int
    public var target: Int
    public var gap: Double
    /// gap × indicator weight × dimension weight.
    public var priority: Double
    /// The level the next step leads to (current level + 1).
    public var nextLevel: Int
    public var nextStep: String?
}
