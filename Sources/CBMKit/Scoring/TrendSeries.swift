import Foundation

/// Year-over-year comparison of several assessments of one country.
/// Built from score cards (never from files); items are matched by id across questionnaire
/// versions, and what a version added, removed or renamed is listed, never guessed.
public struct TrendSeries: Sendable, Hashable {
    public var country: String
    /// Ordered from the earliest.
    public var periods: [String]
    public var assessments: [AssessmentInfo]
    public var maturity: [MaturityTrend]
    public var compliance: [ComplianceTrend]
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

    public var first: Double? { values.compactMap { $0 }.first }
    public var latest: Double? { values.compactMap { $0 }.last }
    /// Change between the first and the latest value.
    public var change: Double? {
        guard let first, let latest, values.compactMap({ $0 }).count >= 2 else { return nil }
        return latest - first
    }
}

public struct TrendItem: Sendable, Hashable {
    public var id: String
    public var title: String
    /// For indicators: their dimension.
    public var dimension: String?
    public var series: Series
}

public struct MaturityTrend: Sendable, Hashable {
    public var questionnaire: String
    public var title: String
    /// The version answered in each period (nil where the questionnaire was not answered).
    public var versions: [String?]
    public var index: Series
    public var dimensions: [TrendItem]
    public var indicators: [TrendItem]
}

public struct ComplianceTrend: Sendable, Hashable {
    public var questionnaire: String
    public var title: String
    public var versions: [String?]
    public var rates: Series
    public var bindingRates: Series
    public var bestEndeavourRates: Series
    public var sections: [TrendItem]
}

/// What changed in a questionnaire between the versions answered in two periods.
public struct VersionChange: Sendable, Hashable {
    public struct Renamed: Sendable, Hashable {
        public var id: String
        public var oldTitle: String
        public var newTitle: String
    }
    public struct Item: Sendable, Hashable {
        public var id: String
        public var title: String
    }

    public var questionnaire: String
    public var fromVersion: String
    public var toVersion: String
    /// The period from which the new version is used.
    public var period: String
    public var added: [Item]
    public var removed: [Item]
    public var renamed: [Renamed]
}
