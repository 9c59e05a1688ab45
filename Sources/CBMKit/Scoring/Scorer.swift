/// Computes a `ScoreCard` by the method of docs/scoring.md. Reads no files.
public enum Scorer {
    /// Maturity scores whose coverage is below this are marked provisional.
    public static let provisionalBelow = 0.8
    /// Agencies' levels this far apart (or more) are flagged as divergent.
    public static let divergenceFlag = 2

    /// Scores every questionnaire an assessment answers, and ranks its gaps to target.
    /// - Parameters:
    /// - assessment: The assessment to score.
    /// - catalog: The questionnaires, which must hold every one the assessment answers.
    /// - language: The language of the titles in the score card.
    /// - Returns: Every number a report shows (docs/scoring.md).
    public static func score(_ assessment: Assessment, catalog: Catalog, language: String = LocalizedText.defaultLanguage) -> ScoreCard {
        var maturity: [MaturityScore] = []
        var compliance: [ComplianceScore] = []
        for answers in assessment.questionnaires {
            switch catalog.questionnaire(answers.questionnaireID, version: answers.version) {
            case let .maturity(questionnaire)?:
                maturity.append(score(questionnaire, answers: answers, language: language))
            case let .compliance(questionnaire)?:
                compliance.append(score(questionnaire, answers: answers, language: language))
            case nil:
                continue  // the loader has already reported it
            }
        }
        return ScoreCard(assessment: assessment.header, maturity: maturity, compliance: compliance, priorities: priorities(maturity))
    }

    // MARK: Maturity

    /// Scores the answers to one maturity questionnaire: indicators, dimensions and index.
    public static func score(_ questionnaire: MaturityQuestionnaire, answers: QuestionnaireAnswers, language: String = LocalizedText.defaultLanguage) -> MaturityScore {
        let dimensions = questionnaire.dimensions.map { dimension -> DimensionScore in
            let dimensionTarget = answers.target(dimension.id) ?? questionnaire.defaultTarget
            let indicators = dimension.indicators.map { indicator in
                score(indicator, dimension: dimension.id, answer: answers.answer(indicator.id),
                      target: answers.target(indicator.id) ?? dimensionTarget, language: language)
            }
            let answered = indicators.filter { $0.status == .answered }
            let notApplicable = indicators.filter { $0.status == .notApplicable }.count
            let applicable = indicators.count - notApplicable
            let mean = weightedMean(answered.map { ($0.score!, $0.weight) })
            let coverage = applicable > 0 ? Double(answered.count) / Double(applicable) : nil
            return DimensionScore(
                id: dimension.id, title: dimension.title.text(in: language), weight: dimension.weight,
                score: mean, level: mean.map(Self.level), target: dimensionTarget, gap: mean.map { Self.gap(dimensionTarget, $0) },
                coverage: coverage, provisional: coverage.map { $0 < provisionalBelow } ?? false,
                answeredCount: answered.count, notApplicableCount: notApplicable, indicatorCount: indicators.count,
                indicators: indicators)
        }
        let index = weightedMean(dimensions.compactMap { d in d.score.map { ($0, d.weight) } })
        var names: [Int: String] = [:]
        for step in questionnaire.scale { names[step.level] = step.name.text(in: language) }
        return MaturityScore(questionnaire: questionnaire.id, title: questionnaire.title.text(in: language),
                             version: questionnaire.version, answeredVersion: answers.version,
                             index: index, level: index.map(Self.level),
                             nationalIndex: subIndex(dimensions, scope: .national),
                             crossBorderIndex: subIndex(dimensions, scope: .crossBorder),
                             levelNames: names, dimensions: dimensions)
    }

    /// The index over the indicators of one scope, computed as the index is: within each
    /// dimension the weighted mean of its answered indicators of that scope, then the weighted
    /// mean of those dimension means. Dimensions without such an answer take no part.
    static func subIndex(_ dimensions: [DimensionScore], scope: IndicatorScope) -> Double? {
        weightedMean(dimensions.compactMap { dimension in
            let answered = dimension.indicators.filter { $0.scope == scope && $0.status == .answered }
            return weightedMean(answered.map { ($0.score!, $0.weight) }).map { ($0, dimension.weight) }
        })
    }

    static func score(_ indicator: Indicator, dimension: String, answer: Answer?, target: Int, language: String) -> IndicatorScore {
        let responses = (answer?.responses ?? []).map { response -> AgencyResponse in
            let level = response.value?.maturityLevel
            return AgencyResponse(agency: response.agency, value: level?.description ?? "unknown", numeric: level?.numeric,
                                  evidence: response.evidence, comment: response.comment)
        }
        let values = responses.compactMap(\.numeric)
        let consensusLevel = answer?.consensus?.maturityLevel
        let consensus = consensusLevel?.numeric
        let median = Self.median(values.map(Double.init))

        let status: ItemStatus
        let score: Double?
        if let consensus {
            status = .answered
            score = Double(consensus)
        } else if consensusLevel == .notApplicable {
            // The group agreed the indicator does not apply, whatever single agencies said.
            status = .notApplicable
            score = nil
        } else if let median {
            status = .answered
            score = median
        } else if !responses.isEmpty && responses.allSatisfy({ $0.value == MaturityLevel.notApplicable.description }) {
            status = .notApplicable
            score = nil
        } else {
            status = .unanswered
            score = nil
        }
        let divergence = values.max().map { $0 - values.min()! }
        var outside = false
        if let consensus, let low = values.min(), let high = values.max() {
            outside = consensus < low || consensus > high
        }
        let level = score.map(Self.level)
        let nextStep = level.flatMap { $0 < 5 ? indicator.nextSteps[$0 + 1]?.text(in: language) : nil }
        return IndicatorScore(
            id: indicator.id, title: indicator.title.text(in: language), dimension: dimension, weight: indicator.weight,
            scope: indicator.scope, status: status, score: score, level: level, consensus: consensus, median: median,
            consensusOutsideResponses: outside, divergence: divergence, divergent: (divergence ?? 0) >= divergenceFlag,
            target: target, gap: status == .answered ? score.map { Self.gap(target, $0) } : nil,
            responses: responses, note: answer?.note, nextStep: nextStep)
    }

    // MARK: Compliance

    /// Scores the answers to one convention checklist: provisions, sections and rates.
    public static func score(_ questionnaire: ComplianceQuestionnaire, answers: QuestionnaireAnswers, language: String = LocalizedText.defaultLanguage) -> ComplianceScore {
        var provisions: [ProvisionScore] = []
        for section in questionnaire.sections {
            for provision in section.provisions {
                provisions.append(score(provision, section: section.id, answer: answers.answer(provision.id), language: language))
            }
        }
        let sections = questionnaire.sections.map { section -> SectionComplianceScore in
            let inSection = provisions.filter { $0.section == section.id }
            return SectionComplianceScore(
                id: section.id, title: section.title.text(in: language), summary: rates(inSection.filter(\.obligation.counts)),
                binding: rates(inSection.filter { $0.obligation == .binding }),
                bestEndeavour: rates(inSection.filter { $0.obligation == .bestEndeavour }),
                guidance: rates(inSection.filter { $0.obligation == .guidance }))
        }
        var counts: [ComplianceStatus: Int] = [:]
        for provision in provisions where provision.obligation.counts {
            if let status = provision.consolidated { counts[status, default: 0] += 1 }
        }
        return ComplianceScore(
            questionnaire: questionnaire.id, title: questionnaire.title.text(in: language), version: questionnaire.version,
            answeredVersion: answers.version, summary: rates(provisions.filter(\.obligation.counts)),
            binding: rates(provisions.filter { $0.obligation == .binding }),
            bestEndeavour: rates(provisions.filter { $0.obligation == .bestEndeavour }),
            guidance: rates(provisions.filter { $0.obligation == .guidance }),
            statusCounts: counts, sections: sections, provisions: provisions)
    }

    static func score(_ provision: Provision, section: String, answer: Answer?, language: String) -> ProvisionScore {
        let responses = (answer?.responses ?? []).map { response -> AgencyResponse in
            let status = response.value?.complianceStatus ?? .unknown
            return AgencyResponse(agency: response.agency, value: status.rawValue, numeric: status.points,
                                  evidence: response.evidence, comment: response.comment)
        }
        let consensus = answer?.consensus?.complianceStatus
        let points: Double?
        let status: ItemStatus
        var consolidated: ComplianceStatus?
        if let consensusPoints = consensus?.points {
            points = Double(consensusPoints)
            status = .answered
            consolidated = consensus
        } else if consensus == .notApplicable {
            points = nil
            status = .notApplicable
            consolidated = .notApplicable
        } else if let median = Self.median(responses.compactMap(\.numeric).map(Double.init)) {
            points = median
            status = .answered
            consolidated = ComplianceStatus.allCases.first { $0.points.map(Double.init) == median }
        } else if !responses.isEmpty && responses.allSatisfy({ $0.value == ComplianceStatus.notApplicable.rawValue }) {
            points = nil
            status = .notApplicable
            consolidated = .notApplicable
        } else {
            points = nil
            status = .unanswered
            consolidated = responses.isEmpty ? nil : .unknown
        }
        return ProvisionScore(
            id: provision.id, title: provision.title.text(in: language), section: section,
            obligation: provision.obligation, transitional: provision.transitional, status: status,
            consolidated: consolidated, points: points, responses: responses,
            category: answer?.category, date: answer?.date, note: answer?.note)
    }

    static func rates(_ provisions: [ProvisionScore]) -> RateSummary {
        let applicable = provisions.filter { $0.status != .notApplicable }
        let answered = applicable.compactMap(\.points)
        let rate = answered.isEmpty ? nil : answered.reduce(0, +) / (3 * Double(answered.count))
        let coverage = applicable.isEmpty ? nil : Double(answered.count) / Double(applicable.count)
        return RateSummary(rate: rate, coverage: coverage, answered: answered.count,
                           applicable: applicable.count, total: provisions.count)
    }

    // MARK: Priorities

    static func priorities(_ maturity: [MaturityScore]) -> [Priority] {
        var list: [Priority] = []
        for questionnaire in maturity {
            for dimension in questionnaire.dimensions {
                for indicator in dimension.indicators {
                    guard let gap = indicator.gap, gap > 0, let score = indicator.score, let level = indicator.level else { continue }
                    list.append(Priority(
                        rank: 0, questionnaire: questionnaire.questionnaire, indicator: indicator.id,
                        indicatorTitle: indicator.title, dimension: dimension.id, dimensionTitle: dimension.title,
                        score: score, level: level, target: indicator.target, gap: gap,
                        priority: gap * indicator.weight * dimension.weight,
                        nextLevel: min(level + 1, 5), nextStep: indicator.nextStep))
                }
            }
        }
        // Highest first; ties keep questionnaire order (the sort is made stable by the index).
        let sorted = list.enumerated().sorted { a, b in
            a.element.priority != b.element.priority ? a.element.priority > b.element.priority : a.offset < b.offset
        }
        return sorted.enumerated().map { rank, entry in
            var priority = entry.element
            priority.rank = rank + 1
            return priority
        }
    }

    // MARK: Arithmetic

    /// The middle value; the mean of the two middle values when the count is even.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Σ value × weight ÷ Σ weight; nil for no values.
    public static func weightedMean(_ pairs: [(Double, Double)]) -> Double? {
        let totalWeight = pairs.reduce(0) { $0 + $1.1 }
        guard !pairs.isEmpty, totalWeight > 0 else { return nil }
        return pairs.reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
    }

    /// floor(score), kept within 1–5. A hair of tolerance keeps a weighted mean such as
    /// 2.9999999999999996 (floating-point rounding of an exact 3) at level 3.
    public static func level(_ score: Double) -> Int {
        min(5, max(1, Int((score + 1e-9).rounded(.down))))
    }

    /// How far a score is below its target: max(0, target − score).
    public static func gap(_ target: Int, _ score: Double) -> Double {
        max(0, Double(target) - score)
    }
}
