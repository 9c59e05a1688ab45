import Foundation

/// Year-over-year comparison of several assessments of one country.
/// Built from score cards (never from files); items are matched by id across questionnaire
/// versions, and what a version added, removed or renamed is listed, never guessed.
public struct TrendSeries: Sendable, Hashable {
    /// The country the assessments are of.
    public var country: String
    /// Ordered from the earliest.
    public var periods: [String]
    /// The header of each assessment, in the order of `periods`.
    public var assessments: [AssessmentHeader]
    /// Each maturity questionnaire followed over the periods.
    public var maturity: [MaturityTrend]
    /// Each convention checklist followed over the periods.
    public var compliance: [ComplianceTrend]
    /// What changed between the questionnaire versions answered, period by period.
    public var changes: [VersionChange]
}

/// One number followed over the periods.
public struct Series: Sendable, Hashable {
    /// One per period; nil where the item was absent, unanswered or not applicable.
    public var values: [Double?]
    /// Change from the previous period; nil for the first period and where either is missing.
    public var deltas: [Double?]
    /// Periods whose delta is a regression (≤ −0.5 for maturity scores).
    public var regressions: [String]
    /// The latest assessment's target, for maturity items.
    public var target: Int?
    /// (latest − first) ÷ (target − first), when the target is above the first value.
    public var progress: Double?
    /// The first value already reached the target: there is no distance to cover.
    public var targetMetAtBaseline: Bool

    /// The first value present.
    public var first: Double? { values.compactMap { $0 }.first }
    /// The latest value present.
    public var latest: Double? { values.compactMap { $0 }.last }
    /// Change between the first and the latest value.
    public var change: Double? {
        guard let first, let latest, values.compactMap({ $0 }).count >= 2 else { return nil }
        return latest - first
    }
}

/// One dimension, indicator or section followed over the periods.
public struct TrendItem: Sendable, Hashable {
    /// The item's id in its questionnaire.
    public var id: String
    /// The item's title in the latest version that has it.
    public var title: String
    /// For indicators: their dimension.
    public var dimension: String?
    /// Its score (or rate) in each period.
    public var series: Series
}

/// One maturity questionnaire followed over the periods: its index, dimensions and indicators.
public struct MaturityTrend: Sendable, Hashable {
    /// The questionnaire's id.
    public var questionnaire: String
    /// The questionnaire's title.
    public var title: String
    /// The version answered in each period (nil where the questionnaire was not answered).
    public var versions: [String?]
    /// The overall index in each period.
    public var index: Series
    /// Each dimension's score over the periods.
    public var dimensions: [TrendItem]
    /// Each indicator's score over the periods.
    public var indicators: [TrendItem]
}

/// One convention checklist followed over the periods: its rates overall, by obligation and by section.
public struct ComplianceTrend: Sendable, Hashable {
    /// The checklist's id.
    public var questionnaire: String
    /// The checklist's title.
    public var title: String
    /// The version answered in each period (nil where the checklist was not answered).
    public var versions: [String?]
    /// The overall compliance rate in each period.
    public var rates: Series
    /// The rate over binding provisions in each period.
    public var bindingRates: Series
    /// The rate over best-endeavour provisions in each period.
    public var bestEndeavourRates: Series
    /// Each section's rate over the periods.
    public var sections: [TrendItem]
}

/// What changed in a questionnaire between the versions answered in two periods.
public struct VersionChange: Sendable, Hashable {
    /// An item kept under the same id with a new title.
    public struct Renamed: Sendable, Hashable {
        /// The item's id, the same in both versions.
        public var id: String
        /// Its title in the old version.
        public var oldTitle: String
        /// Its title in the new version.
        public var newTitle: String
    }
    /// An item added or removed, by id and title.
    public struct Item: Sendable, Hashable {
        /// The item's id.
        public var id: String
        /// The item's title.
        public var title: String
    }

    /// The questionnaire's id.
    public var questionnaire: String
    /// The version answered before.
    public var fromVersion: String
    /// The version answered from `period` on.
    public var toVersion: String
    /// The period from which the new version is used.
    public var period: String
    /// Items the new version has and the old one had not.
    public var added: [Item]
    /// Items the old version had and the new one has not.
    public var removed: [Item]
    /// Items kept under the same id with a new title.
    public var renamed: [Renamed]
}
