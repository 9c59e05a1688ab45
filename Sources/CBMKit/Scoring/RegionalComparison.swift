/// Several countries' assessments side by side: ranks, the regional median and quartiles per
/// dimension and convention, where each country stands, the region's weakest indicators,
/// what cannot be compared, and the two sides of each crossing point given.
/// Built from score cards (never from files) by `ComparisonBuilder`; numbers keep full precision.
public struct RegionalComparison: Sendable, Hashable {
    /// The period asked for with `--period`; nil when the latest period of each country is used.
    public var requestedPeriod: String?
    /// The countries compared, best rank first (ties, and countries without a rank, by name).
    public var countries: [ComparedCountry]
    /// The region's spread on each maturity questionnaire.
    public var maturity: [RegionalMaturity]
    /// The region's spread on each convention checklist.
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
    /// The country's score card.
    public var card: ScoreCard
    /// The country's assessment file.
    public var file: String
    /// Rank by the index of the first maturity questionnaire compared (1 = highest).
    public var rank: Int?
    /// Rank by the index of each maturity questionnaire, by questionnaire id.
    public var ranks: [String: Int]

    /// The country's name.
    public var country: String { card.assessment.country }
    /// The period of the country's assessment.
    public var period: String { card.assessment.period }
}

/// The region's spread on one maturity questionnaire.
public struct RegionalMaturity: Sendable, Hashable {
    /// The questionnaire's id.
    public var questionnaire: String
    /// The questionnaire's title.
    public var title: String
    /// The versions the countries answered, oldest first.
    public var versions: [String]
    /// The spread of the countries' overall indexes.
    public var index: Spread
    /// The spread of the countries' national sub-indexes.
    public var nationalIndex: Spread
    /// The spread of the countries' cross-border sub-indexes.
    public var crossBorderIndex: Spread
    /// Dimensions in the order of the newest version, then any that only older versions have.
    public var dimensions: [RegionalItem]
    /// Every indicator across the region, in the order of the newest version.
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
    /// The item's id.
    public var id: String
    /// The item's title.
    public var title: String
    /// For indicators: their dimension.
    public var dimension: String?
    /// The spread of the countries' scores (or rates).
    public var spread: Spread
    /// Countries whose questionnaire version does not have the item.
    public var absentFrom: [String]
}

/// Where one country stands against the regional median of each dimension.
public struct CountryStanding: Sendable, Hashable {
    /// The country's name.
    public var country: String
    /// Dimension id → position; dimensions without a score (or without a regional median) are absent.
    public var positions: [String: Spread.Position]
    /// How many dimensions have a position.
    public var scored: Int { positions.count }
    /// How many dimensions are above the regional median.
    public var above: Int { positions.values.filter(\.isAbove).count }
    /// How many dimensions are below the regional median.
    public var below: Int { positions.values.filter(\.isBelow).count }
    /// How many dimensions are at the regional median.
    public var atMedian: Int { positions.values.filter { $0 == .atMedian }.count }
    /// How many dimensions are above the regional third quartile.
    public var topQuarter: Int { positions.values.filter { $0 == .topQuarter }.count }
    /// How many dimensions are below the regional first quartile.
    public var bottomQuarter: Int { positions.values.filter { $0 == .bottomQuarter }.count }
}

/// The region's spread on one convention checklist.
public struct RegionalCompliance: Sendable, Hashable {
    /// The checklist's id.
    public var questionnaire: String
    /// The checklist's title.
    public var title: String
    /// The versions the countries answered, oldest first.
    public var versions: [String]
    /// The spread of the countries' overall compliance rates.
    public var rate: Spread
    /// The spread of their rates over binding provisions.
    public var bindingRate: Spread
    /// The spread of their rates over best-endeavour provisions.
    public var bestEndeavourRate: Spread
    /// Each section across the region.
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
        /// The country's name.
        public var country: String
        /// The text about it (a version, a period).
        public var value: String
    }
}

/// A file given to `cbm compare` that takes no part, and why.
public struct LeftOutFile: Sendable, Hashable {
    /// Why a file was left out.
    public enum Reason: Sendable, Hashable {
        /// The same country (or side of a crossing) has a later period among the files.
        case olderPeriod(kept: String, keptPeriod: String)
        /// `--period` asked for another period.
        case otherPeriod
    }
    /// The file left out.
    public var file: String
    /// The country it assesses.
    public var country: String
    /// The period it is for.
    public var period: String
    /// Why it was left out.
    public var reason: Reason
}

/// Why several assessments cannot be compared at all.
public enum ComparisonError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No file was given.
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

    /// What to say, in words a customs official understands.
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
