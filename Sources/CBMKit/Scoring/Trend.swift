import Foundation

/// Year-over-year comparison of several assessments of one country.
/// Built from score cards (never from files); items are matched by id across questionnaire
/// versions, and what a version added, removed or renamed is listed, never guessed.
public struct TrendReport: Sendable, Hashable {
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

public struct TrendError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

public enum Trend {
    /// A drop of this much or more in a maturity score is flagged as a regression.
    public static let regressionAt = -0.5

    /// One assessment with where it came from.
    public struct Input: Sendable {
        public var card: ScoreCard
        public var file: String
        public init(card: ScoreCard, file: String) {
            self.card = card
            self.file = file
        }
    }

    public static func build(_ inputs: [Input], catalog: Catalog, language: String = LocalizedText.defaultLanguage) throws -> TrendReport {
        guard !inputs.isEmpty else { throw TrendError(description: "give at least one assessment") }
        let countries = Set(inputs.map(\.card.assessment.country))
        if countries.count > 1 {
            let list = inputs.map { "\($0.file): \($0.card.assessment.country)" }.joined(separator: "; ")
            throw TrendError(description: "these assessments are of different countries, and a trend follows one country: \(list). Give the files of one country only (the `country:` must be written the same way in each)")
        }
        let subjects = Set(inputs.map { $0.card.assessment.crossingPoint.map { CrossingPoint.normalized($0.name) } ?? "" })
        if subjects.count > 1 {
            let list = inputs.map { "\($0.file): \($0.card.assessment.crossingPoint.map { "crossing point \($0.name)" } ?? "the whole country")" }.joined(separator: "; ")
            throw TrendError(description: "these assessments cover different things, and a trend follows one: \(list). Give the assessments of the whole country, or those of one crossing point")
        }
        var byPeriod: [String: String] = [:]
        for input in inputs {
            if let other = byPeriod[input.card.assessment.period] {
                throw TrendError(description: "\(other) and \(input.file) are both for the period \(input.card.assessment.period); give one assessment per period")
            }
            byPeriod[input.card.assessment.period] = input.file
        }
        let ordered = inputs.sorted { PeriodOrder.precedes($0.card.assessment.period, $1.card.assessment.period) }
        let cards = ordered.map(\.card)
        let periods = cards.map(\.assessment.period)

        var maturityIDs: [String] = []
        var complianceIDs: [String] = []
        for card in cards {
            for m in card.maturity where !maturityIDs.contains(m.questionnaire) { maturityIDs.append(m.questionnaire) }
            for c in card.compliance where !complianceIDs.contains(c.questionnaire) { complianceIDs.append(c.questionnaire) }
        }

        var changes: [VersionChange] = []
        let maturity = maturityIDs.map { id -> MaturityTrend in
            let scores = cards.map { card in card.maturity.first { $0.questionnaire == id } }
            changes += versionChanges(id: id, versions: scores.map { $0?.version }, periods: periods, catalog: catalog, language: language)
            return maturityTrend(id: id, scores: scores, periods: periods)
        }
        let compliance = complianceIDs.map { id -> ComplianceTrend in
            let scores = cards.map { card in card.compliance.first { $0.questionnaire == id } }
            changes += versionChanges(id: id, versions: scores.map { $0?.version }, periods: periods, catalog: catalog, language: language)
            return complianceTrend(id: id, scores: scores, periods: periods)
        }
        return TrendReport(country: cards[0].assessment.country, periods: periods, assessments: cards.map(\.assessment),
                           maturity: maturity, compliance: compliance, changes: changes)
    }

    // MARK: Series

    public static func series(_ values: [Double?], periods: [String], target: Int? = nil, flagRegressions: Bool = true) -> Series {
        var deltas: [Double?] = [nil]
        var regressions: [String] = []
        for index in values.indices.dropFirst() {
            if let now = values[index], let before = values[index - 1] {
                let delta = now - before
                deltas.append(delta)
                if flagRegressions && delta <= regressionAt + 1e-9 { regressions.append(periods[index]) }
            } else {
                deltas.append(nil)
            }
        }
        var result = Series(values: values, deltas: deltas, regressions: regressions, target: target, progress: nil, targetMetAtBaseline: false)
        if let target, let first = result.first, let latest = result.latest {
            if Double(target) > first {
                result.progress = (latest - first) / (Double(target) - first)
            } else {
                result.targetMetAtBaseline = true
            }
        }
        return result
    }

    static func maturityTrend(id: String, scores: [MaturityScore?], periods: [String]) -> MaturityTrend {
        let latest = scores.compactMap { $0 }.last!
        // Dimensions and indicators in the order of the latest version, then any that only
        // older versions had.
        var dimensionOrder: [(id: String, title: String)] = []
        var indicatorOrder: [(id: String, title: String, dimension: String)] = []
        for score in [latest] + scores.compactMap({ $0 }).reversed() {
            for d in score.dimensions {
                if !dimensionOrder.contains(where: { $0.id == d.id }) { dimensionOrder.append((d.id, d.title)) }
                for i in d.indicators where !indicatorOrder.contains(where: { $0.id == i.id }) {
                    indicatorOrder.append((i.id, i.title, d.id))
                }
            }
        }
        indicatorOrder = dimensionOrder.flatMap { d in indicatorOrder.filter { $0.dimension == d.id } }
        let latestDimensions = Dictionary(uniqueKeysWithValues: latest.dimensions.map { ($0.id, $0) })
        let latestIndicators = Dictionary(uniqueKeysWithValues: latest.indicators.map { ($0.id, $0) })

        let dimensions = dimensionOrder.map { d in
            TrendItem(id: d.id, title: d.title, dimension: nil, series: series(
                scores.map { $0?.dimensions.first { $0.id == d.id }?.score }, periods: periods, target: latestDimensions[d.id]?.target))
        }
        let indicators = indicatorOrder.map { i in
            TrendItem(id: i.id, title: i.title, dimension: i.dimension, series: series(
                scores.map { $0?.indicators.first { $0.id == i.id }?.score }, periods: periods, target: latestIndicators[i.id]?.target))
        }
        return MaturityTrend(questionnaire: id, title: latest.title, versions: scores.map { $0?.version },
                             index: series(scores.map { $0?.index }, periods: periods),
                             dimensions: dimensions, indicators: indicators)
    }

    static func complianceTrend(id: String, scores: [ComplianceScore?], periods: [String]) -> ComplianceTrend {
        let latest = scores.compactMap { $0 }.last!
        var sectionOrder: [(id: String, title: String)] = []
        for score in [latest] + scores.compactMap({ $0 }).reversed() {
            for s in score.sections where !sectionOrder.contains(where: { $0.id == s.id }) { sectionOrder.append((s.id, s.title)) }
        }
        return ComplianceTrend(
            questionnaire: id, title: latest.title, versions: scores.map { $0?.version },
            rates: series(scores.map { $0?.rate }, periods: periods, flagRegressions: false),
            bindingRates: series(scores.map { $0?.binding.rate }, periods: periods, flagRegressions: false),
            bestEndeavourRates: series(scores.map { $0?.bestEndeavour.rate }, periods: periods, flagRegressions: false),
            sections: sectionOrder.map { s in
                TrendItem(id: s.id, title: s.title, dimension: nil, series: series(
                    scores.map { $0?.sections.first { $0.id == s.id }?.rate }, periods: periods, flagRegressions: false))
            })
    }

    // MARK: Version changes

    static func versionChanges(id: String, versions: [String?], periods: [String], catalog: Catalog, language: String) -> [VersionChange] {
        var changes: [VersionChange] = []
        var previous: String?
        for (index, version) in versions.enumerated() {
            guard let version else { continue }
            defer { previous = version }
            guard let from = previous, from != version,
                  let old = catalog.questionnaire(id, version: from), old.version == from,
                  let new = catalog.questionnaire(id, version: version), new.version == version else { continue }
            let oldItems = items(of: old, language: language), newItems = items(of: new, language: language)
            let oldIDs = Set(oldItems.map(\.id)), newIDs = Set(newItems.map(\.id))
            let oldTitles = Dictionary(oldItems.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            changes.append(VersionChange(
                questionnaire: id, fromVersion: from, toVersion: version, period: periods[index],
                added: newItems.filter { !oldIDs.contains($0.id) },
                removed: oldItems.filter { !newIDs.contains($0.id) },
                renamed: newItems.compactMap { item in
                    guard let before = oldTitles[item.id], before != item.title else { return nil }
                    return VersionChange.Renamed(id: item.id, oldTitle: before, newTitle: item.title)
                }))
        }
        return changes
    }

    /// Dimensions and indicators, or sections and provisions.
    static func items(of questionnaire: Questionnaire, language: String) -> [VersionChange.Item] {
        switch questionnaire {
        case let .maturity(q):
            return q.dimensions.flatMap { d in
                [VersionChange.Item(id: d.id, title: d.title.text(in: language))]
                    + d.indicators.map { VersionChange.Item(id: $0.id, title: $0.title.text(in: language)) }
            }
        case let .compliance(q):
            return q.sections.flatMap { s in
                [VersionChange.Item(id: s.id, title: s.title.text(in: language))]
                    + s.provisions.map { VersionChange.Item(id: $0.id, title: $0.title.text(in: language)) }
            }
        }
    }
}

/// Orders periods: "2024" < "2025-H1" < "2025-Q3" < "2025-10" < "2025-H2"… by year, then by
/// the month each part of the year starts (a whole year counts from January).
public enum PeriodOrder {
    public static func startMonth(_ period: String) -> (year: Int, month: Int, span: Int) {
        let parts = period.split(separator: "-")
        let year = Int(parts.first ?? "") ?? 0
        guard parts.count > 1 else { return (year, 1, 12) }
        switch parts[1] {
        case "H1": return (year, 1, 6)
        case "H2": return (year, 7, 6)
        case "Q1": return (year, 1, 3)
        case "Q2": return (year, 4, 3)
        case "Q3": return (year, 7, 3)
        case "Q4": return (year, 10, 3)
        default: return (year, Int(parts[1]) ?? 1, 1)
        }
    }

    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (startMonth(a), startMonth(b))
        if x.year != y.year { return x.year < y.year }
        if x.month != y.month { return x.month < y.month }
        if x.span != y.span { return x.span > y.span }
        return a < b
    }
}
