import Foundation

/// Builds a `TrendSeries` from the score cards of several assessments of one country (docs/scoring.md).
public enum TrendBuilder {
    /// A drop of this much or more in a maturity score is flagged as a regression.
    public static let regressionAt = -0.5

    /// One assessment with where it came from.
    public struct Input: Sendable {
        /// The assessment's score card.
        public var card: ScoreCard
        /// The assessment's file, as named in messages.
        public var file: String
        /// An assessment's score card with its file.
        public init(card: ScoreCard, file: String) {
            self.card = card
            self.file = file
        }
    }

    /// Orders the assessments by period and follows every index, score and rate over them.
    /// - Throws: `UsageError` when there is no assessment, when they are of different countries (or cover different things), or when two are of the same period.
    public static func build(_ inputs: [Input], catalog: Catalog, language: String = LocalizedText.defaultLanguage) throws -> TrendSeries {
        guard !inputs.isEmpty else { throw UsageError("give at least one assessment") }
        let countries = Set(inputs.map(\.card.assessment.country))
        if countries.count > 1 {
            let list = inputs.map { "\($0.file): \($0.card.assessment.country)" }.joined(separator: "; ")
            throw UsageError("these assessments are of different countries, and a trend follows one country: \(list). Give the files of one country only (the `country:` must be written the same way in each)")
        }
        let subjects = Set(inputs.map { $0.card.assessment.crossingPoint.map { CrossingPoint.normalized($0.name) } ?? "" })
        if subjects.count > 1 {
            let list = inputs.map { "\($0.file): \($0.card.assessment.crossingPoint.map { "crossing point \($0.name)" } ?? "the whole country")" }.joined(separator: "; ")
            throw UsageError("these assessments cover different things, and a trend follows one: \(list). Give the assessments of the whole country, or those of one crossing point")
        }
        var byPeriod: [String: String] = [:]
        for input in inputs {
            if let other = byPeriod[input.card.assessment.period] {
                throw UsageError("\(other) and \(input.file) are both for the period \(input.card.assessment.period); give one assessment per period")
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
        return TrendSeries(country: cards[0].assessment.country, periods: periods, assessments: cards.map(\.assessment),
                           maturity: maturity, compliance: compliance, changes: changes)
    }

    // MARK: Series

    /// One number followed over the periods, with its changes, regressions and progress to `target`.
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
