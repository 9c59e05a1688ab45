/// Builds a `RegionalComparison` from scored assessments (see docs/scoring.md, "Comparing
/// countries"). Reads no files.
public struct ComparisonBuilder: Sendable {
    /// How many indicators the region's weakest list holds.
    public static let weakestCount = 10

    /// One scored assessment and the file it came from.
    public struct Input: Sendable {
        /// The assessment's score card.
        public var card: ScoreCard
        /// The assessment's file, as named in messages.
        public var file: String
        /// A score card with its file.
        public init(card: ScoreCard, file: String) {
            self.card = card
            self.file = file
        }
    }

    /// The questionnaires, to list what changed between the versions the countries answered.
    public var catalog: Catalog
    /// The language of the titles.
    public var language: String

    /// A builder using `catalog`'s questionnaires and titles in `language`.
    public init(catalog: Catalog, language: String = LocalizedText.defaultLanguage) {
        self.catalog = catalog
        self.language = language
    }

    /// Compares the countries' assessments (the latest period of each, or `period`) and pairs
    /// the two sides of each crossing point.
    public func build(_ inputs: [Input], period: String? = nil) throws -> RegionalComparison {
        guard !inputs.isEmpty else { throw ComparisonError.nothingGiven }
        var leftOut: [LeftOutFile] = []
        var chosen = inputs
        if let period {
            chosen = inputs.filter { $0.card.assessment.period == period }
            guard !chosen.isEmpty else {
                throw ComparisonError.noneForPeriod(period: period, periods: Array(Set(inputs.map(\.card.assessment.period))).sorted(by: PeriodOrder.precedes))
            }
            leftOut += inputs.filter { $0.card.assessment.period != period }.map {
                LeftOutFile(file: $0.file, country: $0.card.assessment.country, period: $0.card.assessment.period, reason: .otherPeriod)
            }
        }
        // One assessment per country (or side of a crossing): the latest; two of one period are an error.
        func subject(_ input: Input) -> String {
            let info = input.card.assessment
            return CrossingPoint.normalized(info.country) + "\u{1F}" + (info.crossingPoint.map { CrossingPoint.normalized($0.name) } ?? "")
        }
        var latest: [String: Input] = [:]
        var order: [String] = []
        for input in chosen {
            let key = subject(input)
            guard let kept = latest[key] else {
                latest[key] = input
                order.append(key)
                continue
            }
            let (a, b) = (kept.card.assessment, input.card.assessment)
            if a.period == b.period {
                if let point = a.crossingPoint {
                    throw ComparisonError.sameSideTwice(country: a.country, crossingPoint: point.name, period: a.period, files: [kept.file, input.file])
                }
                throw ComparisonError.sameCountryTwice(country: a.country, period: a.period, files: [kept.file, input.file])
            }
            if PeriodOrder.precedes(a.period, b.period) { latest[key] = input }
        }
        for input in chosen {
            let kept = latest[subject(input)]!
            guard kept.file != input.file else { continue }
            leftOut.append(LeftOutFile(file: input.file, country: input.card.assessment.country, period: input.card.assessment.period,
                                       reason: .olderPeriod(kept: kept.file, keptPeriod: kept.card.assessment.period)))
        }
        let selected = order.map { latest[$0]! }
        let countryInputs = selected.filter { $0.card.assessment.crossingPoint == nil }
        let crossings = try CrossingComparison.pair(selected.filter { $0.card.assessment.crossingPoint != nil }
            .map { CrossingComparison.Side(card: $0.card, file: $0.file) })

        let maturityIDs = uniqueIDs(countryInputs.map { $0.card.maturity.map(\.questionnaire) })
        let complianceIDs = uniqueIDs(countryInputs.map { $0.card.compliance.map(\.questionnaire) })
        // Ranks: by each maturity questionnaire's index; a country's rank is by the first one.
        var ranks: [[String: Int]] = Array(repeating: [:], count: countryInputs.count)
        for id in maturityIDs {
            let indexes = countryInputs.map { input in input.card.maturity.first { $0.questionnaire == id }?.index }
            for (n, rank) in Ranking.ranks(indexes).enumerated() { if let rank { ranks[n][id] = rank } }
        }
        var countries = zip(countryInputs, ranks).map { input, ranks in
            ComparedCountry(card: input.card, file: input.file, rank: maturityIDs.first.flatMap { ranks[$0] }, ranks: ranks)
        }
        countries.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.country.lowercased() < b.country.lowercased()
            }
        }
        let cards = countries.map(\.card)
        let maturity = maturityIDs.map { regionalMaturity($0, cards: cards) }
        let compliance = complianceIDs.map { regionalCompliance($0, cards: cards) }
        return RegionalComparison(requestedPeriod: period, countries: countries, maturity: maturity, compliance: compliance,
                                  crossings: crossings, caveats: caveats(countries.map(\.card), maturityIDs: maturityIDs, complianceIDs: complianceIDs),
                                  leftOut: leftOut)
    }

    private func uniqueIDs(_ lists: [[String]]) -> [String] {
        var ids: [String] = []
        for list in lists { for id in list where !ids.contains(id) { ids.append(id) } }
        return ids
    }

    // MARK: Maturity

    func regionalMaturity(_ id: String, cards: [ScoreCard]) -> RegionalMaturity {
        let scored = cards.compactMap { card in card.maturity.first { $0.questionnaire == id }.map { (card.assessment.country, $0) } }
        let versions = sortedVersions(scored.map(\.1.version))
        let newest = scored.max { Catalog.isOlder($0.1.version, than: $1.1.version) }!.1
        // Items in the order of the newest version, then any that only older versions have.
        var dimensionOrder: [(id: String, title: String)] = []
        var indicatorOrder: [(id: String, title: String, dimension: String)] = []
        for score in [newest] + scored.map(\.1) {
            for d in score.dimensions {
                if !dimensionOrder.contains(where: { $0.id == d.id }) { dimensionOrder.append((d.id, d.title)) }
                for i in d.indicators where !indicatorOrder.contains(where: { $0.id == i.id }) { indicatorOrder.append((i.id, i.title, d.id)) }
            }
        }
        indicatorOrder = dimensionOrder.flatMap { d in indicatorOrder.filter { $0.dimension == d.id } }
        let dimensionMaps = scored.map { entry in Dictionary(entry.1.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        let indicatorMaps = scored.map { entry in Dictionary(entry.1.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        let dimensions = dimensionOrder.map { d in
            RegionalItem(id: d.id, title: d.title, dimension: nil, spread: Spread(dimensionMaps.map { $0[d.id]?.score }),
                         absentFrom: zip(scored, dimensionMaps).filter { $1[d.id] == nil }.map(\.0.0))
        }
        let indicators = indicatorOrder.map { i in
            RegionalItem(id: i.id, title: i.title, dimension: i.dimension, spread: Spread(indicatorMaps.map { $0[i.id]?.score }),
                         absentFrom: zip(scored, indicatorMaps).filter { $1[i.id] == nil }.map(\.0.0))
        }
        // Scored by at least half of the countries, and by two or more where two or more are compared.
        let needed = max(min(2, scored.count), (scored.count + 1) / 2)
        let weakest = indicators.enumerated()
            .filter { $0.element.spread.count >= needed && $0.element.spread.median != nil }
            .sorted { a, b in
                let (x, y) = (a.element.spread.median!, b.element.spread.median!)
                return abs(x - y) > 1e-9 ? x < y : a.offset < b.offset
            }
            .prefix(Self.weakestCount).map(\.element)
        let standings = zip(scored, dimensionMaps).map { entry, scores in
            var positions: [String: Spread.Position] = [:]
            for d in dimensions { if let position = d.spread.position(of: scores[d.id]?.score) { positions[d.id] = position } }
            return CountryStanding(country: entry.0, positions: positions)
        }
        return RegionalMaturity(questionnaire: id, title: newest.title, versions: versions,
                                index: Spread(scored.map(\.1.index)), nationalIndex: Spread(scored.map(\.1.nationalIndex)),
                                crossBorderIndex: Spread(scored.map(\.1.crossBorderIndex)),
                                dimensions: dimensions, indicators: indicators, weakest: Array(weakest), standings: standings)
    }

    // MARK: Compliance

    func regionalCompliance(_ id: String, cards: [ScoreCard]) -> RegionalCompliance {
        let scored = cards.compactMap { card in card.compliance.first { $0.questionnaire == id }.map { (card.assessment.country, $0) } }
        let newest = scored.max { Catalog.isOlder($0.1.version, than: $1.1.version) }!.1
        var sectionOrder: [(id: String, title: String)] = []
        for score in [newest] + scored.map(\.1) {
            for s in score.sections where !sectionOrder.contains(where: { $0.id == s.id }) { sectionOrder.append((s.id, s.title)) }
        }
        let sections = sectionOrder.map { s in
            let rates = scored.map { entry in entry.1.sections.first { $0.id == s.id } }
            return RegionalItem(id: s.id, title: s.title, dimension: nil, spread: Spread(rates.map { $0?.rate }),
                                absentFrom: zip(scored, rates).filter { $1 == nil }.map(\.0.0))
        }
        return RegionalCompliance(questionnaire: id, title: newest.title, versions: sortedVersions(scored.map(\.1.version)),
                                  rate: Spread(scored.map(\.1.rate)), bindingRate: Spread(scored.map(\.1.binding.rate)),
                                  bestEndeavourRate: Spread(scored.map(\.1.bestEndeavour.rate)), sections: sections)
    }

    private func sortedVersions(_ versions: [String]) -> [String] {
        Array(Set(versions)).sorted { Catalog.isOlder($0, than: $1) }
    }

    // MARK: What cannot be compared

    func caveats(_ cards: [ScoreCard], maturityIDs: [String], complianceIDs: [String]) -> [ComparisonCaveat] {
        var caveats: [ComparisonCaveat] = []
        let periods = Set(cards.map(\.assessment.period))
        if periods.count > 1 {
            caveats.append(.periodMix(periods: cards.map { .init(country: $0.assessment.country, value: $0.assessment.period) }))
        }
        for id in maturityIDs + complianceIDs {
            let answered = cards.compactMap { card -> (String, String, String?)? in
                if let m = card.maturity.first(where: { $0.questionnaire == id }) { return (card.assessment.country, m.version, m.answeredVersion) }
                if let c = card.compliance.first(where: { $0.questionnaire == id }) { return (card.assessment.country, c.version, c.answeredVersion) }
                return nil
            }
            let missing = cards.filter { card in !answered.contains { $0.0 == card.assessment.country } }.map(\.assessment.country)
            if !missing.isEmpty { caveats.append(.missingQuestionnaire(questionnaire: id, countries: missing)) }
            let versions = sortedVersions(answered.map(\.1))
            if versions.count > 1 {
                // Reuse the trend's comparison of versions: each older version against the newest.
                let changes = versions.dropLast().flatMap { old in
                    TrendBuilder.versionChanges(id: id, versions: [old, versions.last!], periods: [old, versions.last!], catalog: catalog, language: language)
                }
                caveats.append(.versionMix(questionnaire: id, versions: answered.map { .init(country: $0.0, value: $0.1) }, changes: changes))
            }
            for (country, scored, stated) in answered {
                if let stated, stated != scored {
                    caveats.append(.scoredAgainstOtherVersion(questionnaire: id, country: country, answered: stated, scored: scored))
                }
            }
        }
        for id in maturityIDs {
            let scores = cards.compactMap { card in card.maturity.first { $0.questionnaire == id }.map { (card.assessment.country, $0) } }
            let scoped = scores.filter { $0.1.declaresScope }
            if !scoped.isEmpty && scoped.count < scores.count {
                caveats.append(.noSubIndexes(questionnaire: id, countries: scores.filter { s in !scoped.contains { $0.0 == s.0 } }.map(\.0)))
            }
        }
        for card in cards {
            for m in card.maturity {
                let provisional = m.dimensions.filter(\.provisional).map(\.title)
                if !provisional.isEmpty {
                    caveats.append(.provisional(questionnaire: m.questionnaire, country: card.assessment.country, dimensions: provisional))
                }
            }
        }
        return caveats
    }
}
