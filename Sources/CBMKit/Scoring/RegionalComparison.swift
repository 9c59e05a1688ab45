/// Several countries' assessments side by side: ranks, the regional median and quartiles per
/// dimension and convention, where each country stands, the region's weakest indicators,
/// what cannot be compared, and the two sides of each crossing point given.
/// Built from score cards (never from files) by `ComparisonBuilder`; numbers keep full precision.
public struct RegionalComparison: Sendable, Hashable {
    /// The period asked for with `--period`; nil when the latest period of each country is used.
    public var requestedPeriod: String?
    /// The countries compared, best rank first (ties, and countries without a rank, by name).
    public var countries: [ComparedCountry]
    public var maturity: [RegionalMaturity]
    public var compliance: [RegionalCompliance]
    /// The two sides of each crossing point whose both assessments were given.
    public var crossings: [CrossingComparison]
    /// What cannot be compared, said plainly.
    public var caveats: [ComparisonCaveat]
    /// Files given but left out (an older period of a country given again, or not the period asked for).
    public var leftOut: [LeftOutFile]
}

/// One country in the comparison.
public struct ComparedCountry: Sendable, Hashable {
    public var card: ScoreCard
    public var file: String
    /// Rank by the index of the first maturity questionnaire compared (1 = highest).
    public var rank: Int?
    /// Rank by the index of each maturity questionnaire, by questionnaire id.
    public var ranks: [String: Int]

    public var country: String { card.assessment.country }
    public var period: String { card.assessment.period }
}

/// The region's spread on one maturity questionnaire.
public struct RegionalMaturity: Sendable, Hashable {
    public var questionnaire: String
    public var title: String
    /// The versions the countries answered, oldest first.
    public var versions: [String]
    public var index: Spread
    public var nationalIndex: Spread
    public var crossBorderIndex: Spread
    /// Dimensions in the order of the newest version, then any that only older versions have.
    public var dimensions: [RegionalItem]
    public var indicators: [RegionalItem]
    /// The indicators with the lowest regional median (scored by at least half the countries
    /// that answered the questionnaire, and by at least two), lowest first: the common agenda
    /// of a regional programme.
    public var weakest: [RegionalItem]
    /// Each country's place against the regional median, by country name.
    public var standings: [CountryStanding]
}

/// One dimension, indicator or section across the region.
public struct RegionalItem: Sendable, Hashable {
    public var id: String
    public var title: String
    /// For indicators: their dimension.
    public var dimension: String?
    public var spread: Spread
    /// Countries whose questionnaire version does not have the item.
    public var absentFrom: [String]
}

/// Where one country stands against the regional median of each dimension.
public struct CountryStanding: Sendable, Hashable {
    public var country: String
    /// Dimension id → position; dimensions without a score (or without a regional median) are absent.
    public var positions: [String: Spread.Position]
    public var scored: Int { positions.count }
    public var above: Int { positions.values.filter(\.isAbove).count }
    public var below: Int { positions.values.filter(\.isBelow).count }
    public var atMedian: Int { positions.values.filter { $0 == .atMedian }.count }
    public var topQuarter: Int { positions.values.filter { $0 == .topQuarter }.count }
    public var bottomQuarter: Int { positions.values.filter { $0 == .bottomQuarter }.count }
}

/// The region's spread on one convention checklist.
public struct RegionalCompliance: Sendable, Hashable {
    public var questionnaire: String
    public var title: String
    public var versions: [String]
    public var rate: Spread
    public var bindingRate: Spread
    public var bestEndeavourRate: Spread
    public var sections: [RegionalItem]
}

/// Something that makes the comparison less than like for like. Wording is made by the reports.
public enum ComparisonCaveat: Sendable, Hashable {
    /// Countries answered different versions of a questionnaire; items are matched by id.
    case versionMix(questionnaire: String, versions: [CountryValue], changes: [VersionChange])
    /// A country's answers were given to a version cbm does not have, and scored against another.
    case scoredAgainstOtherVersion(questionnaire: String, country: String, answered: String, scored: String)
    /// Dimensions whose coverage is below 80 %: their scores rest on too few answers.
    case provisional(questionnaire: String, country: String, dimensions: [String])
    /// Countries without national and cross-border sub-indexes (their questionnaire version
    /// does not say which indicators are which), while others have them.
    case noSubIndexes(questionnaire: String, countries: [String])
    /// Countries that did not answer a questionnaire that others answered.
    case missingQuestionnaire(questionnaire: String, countries: [String])
    /// The countries' assessments are of different periods.
    case periodMix(periods: [CountryValue])

    /// A country and a text about it (a version, a period).
    public struct CountryValue: Sendable, Hashable {
        public var country: String
        public var value: String
    }
}

/// A file given to `cbm compare` that takes no part, and why.
public struct LeftOutFile: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The same country (or side of a crossing) has a later period among the files.
        case olderPeriod(kept: String, keptPeriod: String)
        /// `--period` asked for another period.
        case otherPeriod
    }
    public var file: String
    public var country: String
    public var period: String
    public var reason: Reason
}

/// Why several assessments cannot be compared at all.
public enum ComparisonError: Error, Sendable, CustomStringConvertible, Equatable {
    case nothingGiven
    /// `--period` matched no file.
    case noneForPeriod(period: String, periods: [String])
    /// Two files for the same country and period.
    case sameCountryTwice(country: String, period: String, files: [String])
    /// Two files claim the same side of a crossing point for the same period.
    case sameSideTwice(country: String, crossingPoint: String, period: String, files: [String])
    /// A crossing-point assessment whose other side is not among the files.
    case incompletePair(file: String, country: String, crossingPoint: String, neighbour: String, facing: String)
    /// The facing side names another post or country than the first side.
    case mismatchedPair(file: String, other: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .nothingGiven:
            return "give at least one assessment file to compare"
        case let .noneForPeriod(period, periods):
            return "no assessment given is for the period \(period); the files given are for " + periods.joined(separator: ", ")
        case let .sameCountryTwice(country, period, files):
            return "\(files.joined(separator: " and ")) are both assessments of \(country) for \(period); give one assessment per country and period"
        case let .sameSideTwice(country, point, period, files):
            return "\(files.joined(separator: " and ")) both assess \(country)'s side of the crossing point \(point) for \(period); give one file per side of a crossing"
        case let .incompletePair(file, country, point, neighbour, facing):
            return "\(file) assesses \(country)'s side of the crossing point \(point), but no file given assesses the other side (\(neighbour)'s crossing point \(facing) facing \(point)); give that file too, or leave \(file) out. The other side's `country` and `crossing_point` must be written as \(file) writes `neighbour_country` and `facing_crossing_point`"
        case let .mismatchedPair(file, other, expected, found):
            return "\(file) and \(other) do not name each other: \(file) expects the other side to face \(expected), but \(other) says it faces \(found); correct `neighbour_country` or `facing_crossing_point` in one of them"
        }
    }
}
