import Foundation

/// Everything the mission report shows, as ready-to-print text. One model feeds both the HTML
/// and the Markdown template, so both always carry the same numbers. Numbers come from the
/// `ScoreCard` (formatted here, never computed); words come from the questionnaires and the
/// assessment. Fields are plain, unescaped text: each template escapes for its own format.
/// Only the `…SVG` fields are inserted as they are; `SVG` escapes all text inside them.
struct ReportModel {
    struct AgencyRow { var id: String; var name: String; var answers: String }
    struct QuestionnaireRow { var id: String; var title: String; var kind: String; var version: String; var answeredVersion: String; var mismatch: Bool }
    struct ScaleRow { var level: String; var name: String; var summary: String; var badge: String }
    struct DimensionLine { var title: String; var score: String; var level: String }

    struct ResponseRow { var agency: String; var value: String; var evidence: String?; var comment: String? }
    struct IndicatorBlock {
        var anchor: String
        var id: String
        var title: String
        var question: String
        var answered: Bool
        var statusText: String
        var score: String
        var level: String
        var levelName: String
        var badge: String
        var target: String
        var gap: String
        var divergent: Bool
        var divergence: String
        var consensusNote: String?
        var descriptor: String?
        var nextLevel: String
        var nextStep: String?
        var note: String?
        var responses: [ResponseRow]
        var hasResponses: Bool
        var views: String
        var references: String
        /// Convention provisions whose `related:` names this indicator, with their status.
        var links: [LinkText] = []
        var linkGroups: [LinkGroup] = []
        var hasLinks: Bool = false
    }
    struct LinkGroup { var title: String; var items: String }
    struct LinkText { var text: String; var anchor: String; var last: Bool }
    struct DimensionBlock {
        var anchor: String
        var number: String
        var id: String
        var title: String
        var summary: String?
        var score: String
        var level: String
        var levelName: String
        var badge: String
        var target: String
        var gap: String
        var coverage: String
        var provisional: Bool
        var answeredText: String
        var heatmapSVG: String
        var hasWorkingGroup: Bool
        var indicators: [IndicatorBlock]
    }
    struct MaturitySection {
        var anchor: String
        var number: String
        var id: String
        var title: String
        var version: String
        var index: String
        var level: String
        var levelName: String
        var badge: String
        var headline: String
        var radarSVG: String
        var dimensionRows: [DimensionBlock]
        var strongest: [DimensionLine]
        var weakest: [DimensionLine]
        /// "ICT and data exchange (3.2); Legal framework (3.0)"
        var strongestText: String
        var weakestText: String
        var provisionalNote: String?
        var divergenceNote: String?
        var divergent: [IndicatorBlock]
        var hasDivergent: Bool
        var dimensions: [DimensionBlock]
    }

    struct StatusCount { var label: String; var count: String }
    struct SectionRow { var id: String; var title: String; var rate: String; var coverage: String; var answered: String; var binding: String; var bestEndeavour: String }
    struct ProvisionRow {
        var id: String; var title: String; var obligation: String; var status: String
        var category: String; var date: String; var evidence: String; var requirement: String
        /// The maturity indicators the provision is `related:` to, with their level.
        var links: [LinkText] = []
        var hasLinks: Bool = false
    }
    struct ComplianceSection {
        var anchor: String
        var number: String
        var id: String
        var title: String
        var instrument: String
        var headline: String
        var rate: String
        var coverage: String
        var bindingRate: String
        var bestEndeavourRate: String
        var counts: [StatusCount]
        var sectionsSVG: String
        var obligationSVG: String
        /// Binding against best-endeavour: only for a checklist that has both kinds.
        var hasObligationChart: Bool
        var sections: [SectionRow]
        var notMet: [ProvisionRow]
        var hasNotMet: Bool
        var unanswered: [ProvisionRow]
        var hasUnanswered: Bool
        var hasCategories: Bool
        /// Items with obligation `guidance`: listed apart, never in a rate.
        var guidance: [ProvisionRow]
        var hasGuidance: Bool
    }

    struct PriorityRow {
        var rank: String; var questionnaire: String; var indicator: String; var title: String; var dimension: String
        var score: String; var target: String; var gap: String; var priority: String; var nextLevel: String; var nextStep: String
    }
    struct Phase { var name: String; var description: String; var items: [PriorityRow] }
    struct ItemRow { var questionnaire: String; var id: String; var title: String }
    struct ReferenceRow { var source: String; var citations: String }
    struct TocEntry { var anchor: String; var number: String; var title: String }

    var language: String
    var title: String
    var country: String
    var period: String
    var date: String?
    var preparedBy: String?
    var notes: String?
    var generator: String
    /// The running header of printed pages, escaped for a CSS string.
    var pageHeaderCSS: String
    var agencies: [AgencyRow]
    var agencyNames: String
    var hasAgencies: Bool
    var questionnaireNames: String
    var questionnaires: [QuestionnaireRow]
    var scale: [ScaleRow]
    var toc: [TocEntry]
    var summaryParagraphs: [String]
    var maturity: [MaturitySection]
    var hasMaturity: Bool
    var compliance: [ComplianceSection]
    var hasCompliance: Bool
    var topPriorities: [PriorityRow]
    var priorities: [PriorityRow]
    var hasPriorities: Bool
    var phases: [Phase]
    var unansweredIndicators: [ItemRow]
    var unansweredProvisions: [ItemRow]
    var hasUnanswered: Bool
    var references: [ReferenceRow]
    var complianceChapter: String
    var gapChapter: String
    var annexChapter: String
    var provisionalThreshold: String
    var trend: TrendModel?
    var trendChapter: String
    /// For the assessment of one border crossing point: "Crossing point Dovrak, facing Zelmar (Republic of Kestria)".
    var crossingPoint: String?
    /// For one crossing point: what the assessment covers and how to read it with the other side.
    var crossingPointMethod: String?
}

extension ReportModel {
    static let generatorName = "cbm-assess 0.1.0"

    init(card: ScoreCard, catalog: Catalog, language: String = LocalizedText.defaultLanguage, trend: TrendReport? = nil) {
        self.language = language
        let info = card.assessment
        title = info.title
        country = info.country
        period = info.period
        date = info.date
        preparedBy = info.preparedBy
        notes = info.notes
        generator = Self.generatorName
        if let point = info.crossingPoint {
            crossingPoint = "Crossing point \(point.name), facing \(point.facingCrossingPoint) (\(point.neighbourCountry))"
            crossingPointMethod = "This assessment covers one border crossing point, \(point.name) (\(info.country)), not the whole country: its scores describe the practice at this post, and indicators decided nationally may be answered “not applicable”. Across the border it faces \(point.facingCrossingPoint) (\(point.neighbourCountry)). Cooperation at a crossing is shared, so read this report with the assessment of the other side: the command cbm compare shows both sides' levels for each indicator, the gap between them, and where each side's agencies disagree."
        } else {
            crossingPoint = nil
            crossingPointMethod = nil
        }
        pageHeaderCSS = Self.cssString(info.title.contains(info.country) ? info.title : "\(info.country) — \(info.title)")
        provisionalThreshold = Format.percent(Scorer.provisionalBelow).replacingOccurrences(of: ".0%", with: "%")

        func agencyName(_ id: String?) -> String {
            guard let id else { return "Working group (one answer)" }
            return info.agencies.first { $0.id == id }?.name ?? id
        }

        // Agencies and how many answers each gave.
        var answerCounts: [String: Int] = [:]
        for m in card.maturity { for i in m.indicators { for r in i.responses { if let a = r.agency { answerCounts[a, default: 0] += 1 } } } }
        for c in card.compliance { for p in c.provisions { for r in p.responses { if let a = r.agency { answerCounts[a, default: 0] += 1 } } } }
        agencies = info.agencies.map { AgencyRow(id: $0.id, name: $0.name, answers: String(answerCounts[$0.id] ?? 0)) }
        hasAgencies = !agencies.isEmpty
        agencyNames = agencies.map(\.name).joined(separator: "; ")

        questionnaires = (card.maturity.map { ($0.questionnaire, $0.title, "maturity", $0.version, $0.answeredVersion) }
            + card.compliance.map { ($0.questionnaire, $0.title, "compliance", $0.version, $0.answeredVersion) })
            .map { id, title, kind, version, answered in
                QuestionnaireRow(id: id, title: title, kind: kind, version: version, answeredVersion: answered ?? "not stated",
                                 mismatch: answered.map { $0 != version } ?? false)
            }

        questionnaireNames = questionnaires.map { "\($0.title) (\($0.id), version \($0.version))" }.joined(separator: "; ")

        let firstMaturity = card.maturity.first.flatMap { catalog.questionnaire($0.questionnaire, version: $0.version)?.maturity }
        scale = (firstMaturity?.scale ?? ScaleLevel.standard).map {
            ScaleRow(level: String($0.level), name: $0.name.text(in: language), summary: $0.summary?.text(in: language) ?? "", badge: "lv\($0.level)")
        }

        // Chapters: 1 summary, 2 method, 3… findings per maturity questionnaire, then compliance, gaps, annexes.
        var contents = [TocEntry(anchor: "summary", number: "1", title: "Executive summary"),
                   TocEntry(anchor: "method", number: "2", title: "Method")]
        var chapter = 3

        maturity = card.maturity.map { score in
            let questionnaire = catalog.questionnaire(score.questionnaire, version: score.version)?.maturity
            let number = chapter
            chapter += 1
            contents.append(TocEntry(anchor: "findings-\(score.questionnaire)", number: String(number), title: "Findings: \(score.title)"))
            return Self.maturitySection(score, questionnaire: questionnaire, number: number, agencies: info.agencies,
                                        agencyName: agencyName, language: language)
        }
        hasMaturity = !maturity.isEmpty

        let complianceChapter = String(chapter)
        self.complianceChapter = complianceChapter
        if !card.compliance.isEmpty {
            contents.append(TocEntry(anchor: "compliance", number: String(chapter), title: "Convention compliance"))
            chapter += 1
        }
        var complianceNumber = 0
        compliance = card.compliance.map { score in
            complianceNumber += 1
            let questionnaire = catalog.questionnaire(score.questionnaire, version: score.version)?.compliance
            return Self.complianceSection(score, questionnaire: questionnaire, number: "\(complianceChapter).\(complianceNumber)", language: language)
        }
        hasCompliance = !compliance.isEmpty
        Self.crossLink(maturity: &maturity, compliance: &compliance, card: card, catalog: catalog, language: language)

        self.trend = trend.map(TrendModel.init)
        trendChapter = String(chapter)
        if let trend, let first = trend.periods.first {
            contents.append(TocEntry(anchor: "progress", number: String(chapter), title: "Progress since \(first)"))
            chapter += 1
        }
        gapChapter = String(chapter)
        contents.append(TocEntry(anchor: "gaps", number: String(chapter), title: "Gap analysis and roadmap"))
        chapter += 1
        annexChapter = String(chapter)
        contents.append(TocEntry(anchor: "annexes", number: String(chapter), title: "Annexes"))
        toc = contents

        let rows = card.priorities.map { p in
            PriorityRow(rank: String(p.rank), questionnaire: p.questionnaire, indicator: p.indicator, title: p.indicatorTitle,
                        dimension: p.dimensionTitle, score: Format.score(p.score), target: String(p.target), gap: Format.amount(p.gap),
                        priority: Format.amount(p.priority), nextLevel: String(p.nextLevel),
                        nextStep: p.nextStep ?? "The questionnaire gives no next step for this level.")
        }
        priorities = rows
        topPriorities = Array(rows.prefix(5))
        hasPriorities = !rows.isEmpty
        // Phase boundaries after the 5th and the 15th gap, moved down past any gaps of equal
        // priority, so that two gaps of the same priority never fall into different phases.
        let (first, second) = Self.phaseEnds(card.priorities.map(\.priority))
        phases = [
            Phase(name: "Phase 1 — first 12 months",
                  description: first > 5 ? "The five largest weighted gaps, and those of equal priority." : "The largest weighted gaps (up to five).",
                  items: Array(rows[0..<first])),
            Phase(name: "Phase 2 — one to three years",
                  description: second - first > 10 ? "The next ten gaps, and those of equal priority." : "The next gaps (up to ten).",
                  items: Array(rows[first..<second])),
            Phase(name: "Phase 3 — three years and beyond", description: "The remaining gaps.", items: Array(rows[second...])),
        ].filter { !$0.items.isEmpty }

        unansweredIndicators = card.maturity.flatMap { m in
            m.indicators.filter { $0.status == .unanswered }.map { ItemRow(questionnaire: m.questionnaire, id: $0.id, title: $0.title) }
        }
        unansweredProvisions = card.compliance.flatMap { c in
            c.provisions.filter { $0.status == .unanswered }.map { ItemRow(questionnaire: c.questionnaire, id: $0.id, title: $0.title) }
        }
        hasUnanswered = !unansweredIndicators.isEmpty || !unansweredProvisions.isEmpty

        // References: every source cited by the questionnaires used, with what cites it.
        var bySource: [String: [String]] = [:]
        var order: [String] = []
        func cite(_ reference: Reference, by item: String) {
            if bySource[reference.source] == nil { order.append(reference.source) }
            let entry = reference.ref.map { "\($0) (\(item))" } ?? item
            if !(bySource[reference.source]?.contains(entry) ?? false) { bySource[reference.source, default: []].append(entry) }
        }
        for m in card.maturity {
            for indicator in catalog.questionnaire(m.questionnaire, version: m.version)?.maturity?.indicators ?? [] {
                for reference in indicator.references { cite(reference, by: indicator.id) }
            }
        }
        for c in card.compliance {
            for provision in catalog.questionnaire(c.questionnaire, version: c.version)?.compliance?.provisions ?? [] {
                for reference in provision.references { cite(reference, by: "\(c.questionnaire) \(provision.id)") }
            }
        }
        references = order.map { ReferenceRow(source: $0, citations: bySource[$0]!.joined(separator: "; ")) }

        summaryParagraphs = Self.summary(card)
    }

    /// Where roadmap phases 1 and 2 end: after the 5th and the 15th gap, each moved down past
    /// gaps of the same priority (as shown, one decimal), so that equal priorities share a phase.
    static func phaseEnds(_ priorities: [Double]) -> (Int, Int) {
        let shown = priorities.map(Format.roundedToTenth)
        func end(_ count: Int) -> Int {
            var end = min(count, shown.count)
            while end > 0 && end < shown.count && shown[end] == shown[end - 1] { end += 1 }
            return end
        }
        let first = end(5)
        return (first, max(first, end(15)))
    }

    // MARK: Maturity

    static func badge(_ level: Int?) -> String { level.map { "lv\($0)" } ?? "lv0" }

    static func maturitySection(
        _ score: MaturityScore, questionnaire: MaturityQuestionnaire?, number: Int, agencies: [Agency],
        agencyName: (String?) -> String, language: String
    ) -> MaturitySection {
        // Agencies that answered this questionnaire, in declaration order, for the heat-maps.
        let answering = agencies.filter { agency in score.indicators.contains { $0.responses.contains { $0.agency == agency.id } } }
        // The "Working group" column: its single answer where it gave one, otherwise the level it agreed.
        let groupAnswers = score.indicators.contains { $0.consensus != nil || $0.responses.contains { $0.agency == nil } }

        var dimensionNumber = 0
        let dimensions = score.dimensions.map { d -> DimensionBlock in
            dimensionNumber += 1
            let definition = questionnaire?.dimension(d.id)
            let indicators = d.indicators.map { i in
                indicatorBlock(i, definition: definition?.indicators.first { $0.id == i.id }, score: score,
                               agencyName: agencyName, language: language)
            }
            var columns = answering.map(\.name)
            if groupAnswers { columns.append("Working group") }
            let rows = d.indicators.map { i -> SVG.HeatRow in
                var cells: [(text: String, level: Int?)] = answering.map { agency in
                    cell(i.responses.first { $0.agency == agency.id })
                }
                if groupAnswers {
                    if let consensus = i.consensus {
                        cells.append((String(consensus), consensus))
                    } else {
                        cells.append(cell(i.responses.first { $0.agency == nil }))
                    }
                }
                return SVG.HeatRow(label: i.title, cells: cells, divergent: i.divergent)
            }
            let heatmap = SVG.heatMap(rows: rows, columns: columns, id: "heat-\(score.questionnaire)-\(d.id)",
                                      title: "\(d.title): level given by each agency")
            return DimensionBlock(
                anchor: "dim-\(score.questionnaire)-\(d.id)", number: "\(number).\(dimensionNumber)", id: d.id, title: d.title,
                summary: definition?.summary?.text(in: language), score: Format.score(d.score), level: Format.level(d.level, name: nil),
                levelName: score.levelName(d.level) ?? "not scored", badge: badge(d.level), target: String(d.target),
                gap: Format.amount(d.gap), coverage: Format.percent(d.coverage).replacingOccurrences(of: ".0%", with: "%"),
                provisional: d.provisional,
                answeredText: "\(d.answeredCount) of \(d.indicatorCount - d.notApplicableCount) applicable indicators answered"
                    + (d.notApplicableCount > 0 ? " (\(d.notApplicableCount) not applicable)" : ""),
                heatmapSVG: heatmap, hasWorkingGroup: groupAnswers, indicators: indicators)
        }
        let scored = score.dimensions.filter { $0.score != nil }
        let ranked = scored.enumerated().sorted { a, b in
            a.element.score! != b.element.score! ? a.element.score! > b.element.score! : a.offset < b.offset
        }.map(\.element)
        let take = scored.count >= 4 ? 2 : 1
        func line(_ d: DimensionScore) -> DimensionLine {
            DimensionLine(title: d.title, score: Format.score(d.score), level: Format.level(d.level, name: score.levelName(d.level)))
        }
        let provisional = score.dimensions.filter(\.provisional)
        let divergent = dimensions.flatMap(\.indicators).filter(\.divergent)
        let answeredCount = score.indicators.filter { $0.status == .answered }.count
        let radar = SVG.radar(score.dimensions.map { SVG.RadarAxis(label: $0.title, score: $0.score, target: Double($0.target)) },
                              id: "radar-\(score.questionnaire)", title: "\(score.title): dimension scores against targets")
        let headline: String
        if let index = score.index {
            headline = "Overall index \(Format.score(index)) of 5 — level \(Format.level(score.level, name: score.levelName(score.level))), from \(answeredCount) of \(score.indicators.count) indicators answered."
        } else {
            headline = "No indicator of this questionnaire has been answered yet, so no index can be given."
        }
        return MaturitySection(
            anchor: "findings-\(score.questionnaire)", number: String(number), id: score.questionnaire, title: score.title, version: score.version,
            index: Format.score(score.index), level: Format.level(score.level, name: nil),
            levelName: score.levelName(score.level) ?? "not scored", badge: badge(score.level), headline: headline, radarSVG: radar,
            dimensionRows: dimensions,
            strongest: ranked.prefix(take).map(line), weakest: ranked.suffix(take).reversed().map(line),
            strongestText: ranked.prefix(take).map { "\($0.title) (\(Format.score($0.score)))" }.joined(separator: "; "),
            weakestText: ranked.suffix(take).reversed().map { "\($0.title) (\(Format.score($0.score)))" }.joined(separator: "; "),
            provisionalNote: provisional.isEmpty ? nil
                : "Provisional (fewer than \(Format.percent(Scorer.provisionalBelow).replacingOccurrences(of: ".0%", with: "%")) of applicable indicators answered): "
                    + provisional.map(\.title).joined(separator: ", ") + ".",
            divergenceNote: divergent.isEmpty ? nil
                : "Agencies disagree by two levels or more on \(counted(divergent.count, "indicator")) of \(score.indicators.count).",
            divergent: divergent, hasDivergent: !divergent.isEmpty, dimensions: dimensions)
    }

    static func cell(_ response: AgencyResponse?) -> (text: String, level: Int?) {
        guard let response else { return ("", nil) }
        switch response.value {
        case "na": return ("na", nil)
        case "unknown": return ("?", nil)
        default: return (response.value, response.numeric)
        }
    }

    static func indicatorBlock(
        _ i: IndicatorScore, definition: Indicator?, score: MaturityScore, agencyName: (String?) -> String, language: String
    ) -> IndicatorBlock {
        let statusText: String
        switch i.status {
        case .answered: statusText = "Level \(Format.level(i.level, name: score.levelName(i.level))) — score \(Format.score(i.score)), target \(i.target), gap \(Format.amount(i.gap))"
        case .notApplicable: statusText = "Not applicable"
        case .unanswered: statusText = "Not answered" + (i.responses.isEmpty ? "" : " (the agencies could not say)")
        }
        var consensusNote: String?
        if let consensus = i.consensus {
            consensusNote = "The working group agreed level \(consensus)"
                + (i.median.map { "; the agencies' median was \(Format.score($0))" } ?? "") + "."
            if i.consensusOutsideResponses { consensusNote! += " The agreed level lies outside the range of the agencies' own answers." }
        }
        let views = i.responses.map { "\(agencyName($0.agency)): \($0.value == "unknown" ? "?" : $0.value)" }.joined(separator: "; ")
        return IndicatorBlock(
            anchor: "ind-\(score.questionnaire)-\(i.id)", id: i.id, title: i.title,
            question: definition?.question.text(in: language) ?? "", answered: i.status == .answered, statusText: statusText,
            score: Format.score(i.score), level: Format.level(i.level, name: nil), levelName: score.levelName(i.level) ?? "",
            badge: badge(i.level), target: String(i.target), gap: Format.amount(i.gap), divergent: i.divergent,
            divergence: i.divergence.map(String.init) ?? Format.missing, consensusNote: consensusNote,
            descriptor: i.level.flatMap { definition?.levels[$0]?.text(in: language) },
            nextLevel: String(min(5, (i.level ?? 0) + 1)), nextStep: (i.gap ?? 0) > 0 ? i.nextStep : nil, note: i.note,
            responses: i.responses.map { ResponseRow(agency: agencyName($0.agency), value: $0.value, evidence: $0.evidence, comment: $0.comment) },
            hasResponses: !i.responses.isEmpty, views: views.isEmpty ? "no answer" : views,
            references: definition?.references.map(\.citation).joined(separator: "; ") ?? "")
    }

    // MARK: Compliance

    static func complianceSection(_ score: ComplianceScore, questionnaire: ComplianceQuestionnaire?, number: String, language: String) -> ComplianceSection {
        let sectionTitles = Dictionary(uniqueKeysWithValues: score.sections.map { ($0.id, $0.title) })
        let sectionBars = score.sections.map { SVG.Bar(label: $0.title, value: $0.rate) }
        let obligationBars = [
            SVG.Bar(label: "Binding provisions (\(score.binding.answered) answered)", value: score.binding.rate),
            SVG.Bar(label: "Best-endeavour provisions (\(score.bestEndeavour.answered) answered)", value: score.bestEndeavour.rate, hatched: true),
        ]
        func row(_ p: ProvisionScore) -> ProvisionRow {
            let definition = questionnaire?.provision(p.id)
            let status = p.consolidated?.label ?? (p.points.map { "between statuses (\(Format.amount($0)) points)" } ?? "not answered")
            let evidence = p.responses.compactMap { $0.evidence }.joined(separator: " / ")
            return ProvisionRow(id: p.id, title: p.title, obligation: p.obligation.label + (p.transitional ? " (transitional)" : ""),
                                status: status, category: p.category ?? "", date: p.date ?? "", evidence: evidence,
                                requirement: definition?.requirement.text(in: language) ?? "")
        }
        let full = score.statusCounts[.full] ?? 0
        let headline = score.rate.map {
            "Compliance rate \(Format.percent($0))"
                + (score.bestEndeavour.rate == nil ? "" : " (binding provisions \(Format.percent(score.binding.rate)), best-endeavour \(Format.percent(score.bestEndeavour.rate)))")
                + "; \(full) of \(score.summary.applicable) applicable provisions fully implemented; \(Format.percent(score.coverage).replacingOccurrences(of: ".0%", with: "%")) answered."
        } ?? "No provision of this checklist has been answered yet."
        _ = sectionTitles
        return ComplianceSection(
            anchor: "compliance-\(score.questionnaire)", number: number, id: score.questionnaire, title: score.title,
            instrument: questionnaire?.instrument.map { instrument in
                [instrument.name.text(in: language), instrument.body, instrument.adopted.map { "adopted \($0)" }, instrument.inForce.map { "in force \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
            } ?? "",
            headline: headline, rate: Format.percent(score.rate), coverage: Format.percent(score.coverage),
            bindingRate: Format.percent(score.binding.rate), bestEndeavourRate: Format.percent(score.bestEndeavour.rate),
            counts: ComplianceStatus.allCases.map { StatusCount(label: $0.label, count: String(score.statusCounts[$0] ?? 0)) },
            sectionsSVG: SVG.bars(sectionBars, id: "bars-\(score.questionnaire)", title: "\(score.title): compliance rate by section"),
            obligationSVG: score.bestEndeavour.applicable == 0 || score.binding.applicable == 0 ? "" : SVG.bars(obligationBars, id: "obl-\(score.questionnaire)", title: "\(score.title): binding and best-endeavour provisions"),
            hasObligationChart: score.bestEndeavour.applicable > 0 && score.binding.applicable > 0,
            sections: score.sections.map {
                SectionRow(id: $0.id, title: $0.title, rate: Format.percent($0.rate),
                           coverage: Format.percent($0.coverage).replacingOccurrences(of: ".0%", with: "%"),
                           answered: "\($0.summary.answered) of \($0.summary.applicable)",
                           binding: Format.percent($0.binding.rate), bestEndeavour: Format.percent($0.bestEndeavour.rate))
            },
            notMet: score.notFullyMet.map(row), hasNotMet: !score.notFullyMet.isEmpty,
            unanswered: score.provisions.filter { $0.status == .unanswered && $0.obligation.counts }.map(row),
            hasUnanswered: score.provisions.contains { $0.status == .unanswered && $0.obligation.counts },
            hasCategories: score.provisions.contains { $0.category != nil || $0.date != nil },
            guidance: score.provisions.filter { !$0.obligation.counts }.map(row),
            hasGuidance: score.provisions.contains { !$0.obligation.counts })
    }

    // MARK: Cross-links

    /// Puts each provision's `related:` indicators beside it, and the provisions beside each
    /// indicator they name, with the provision's status and the indicator's level, so that a
    /// reader sees, for example, the single-window provision next to the single-window level.
    static func crossLink(
        maturity: inout [MaturitySection], compliance: inout [ComplianceSection], card: ScoreCard, catalog: Catalog, language: String
    ) {
        var indicatorLevels: [String: (title: String, text: String)] = [:]
        for m in card.maturity {
            for i in m.indicators {
                let level: String
                switch i.status {
                case .answered: level = "level \(Format.level(i.level, name: m.levelName(i.level))) (score \(Format.score(i.score)))"
                case .notApplicable: level = "not applicable"
                case .unanswered: level = "not answered"
                }
                indicatorLevels["\(m.questionnaire)/\(i.id)"] = (i.title, level)
            }
        }
        var provisionsByIndicator: [String: [(title: String, item: String)]] = [:]
        for (index, c) in card.compliance.enumerated() {
            guard let definition = catalog.questionnaire(c.questionnaire, version: c.version)?.compliance else { continue }
            var linksByProvision: [String: [LinkText]] = [:]
            for p in c.provisions {
                guard let provision = definition.provision(p.id), !provision.related.isEmpty else { continue }
                let status = p.consolidated?.label ?? (p.points.map { "between statuses (\(Format.amount($0)) points)" } ?? "not answered")
                for link in provision.related {
                    provisionsByIndicator[link.text, default: []].append((c.title, "\(p.id) \(p.title) (\(status))"))
                    if let indicator = indicatorLevels[link.text] {
                        linksByProvision[p.id, default: []].append(LinkText(
                            text: "\(link.indicator), \(indicator.text)",
                            anchor: "ind-\(link.questionnaire)-\(link.indicator)", last: false))
                    }
                }
            }
            for row in compliance[index].notMet.indices {
                var links = linksByProvision[compliance[index].notMet[row].id] ?? []
                if !links.isEmpty { links[links.count - 1].last = true }
                compliance[index].notMet[row].links = links
                compliance[index].notMet[row].hasLinks = !links.isEmpty
            }
        }
        guard !provisionsByIndicator.isEmpty else { return }
        for m in maturity.indices {
            for d in maturity[m].dimensions.indices {
                for i in maturity[m].dimensions[d].indicators.indices {
                    let key = "\(maturity[m].id)/\(maturity[m].dimensions[d].indicators[i].id)"
                    let links = provisionsByIndicator[key] ?? []
                    var groups: [LinkGroup] = []
                    for link in links {
                        if groups.last?.title == link.title { groups[groups.count - 1].items += "; " + link.item } else { groups.append(LinkGroup(title: link.title, items: link.item)) }
                    }
                    maturity[m].dimensions[d].indicators[i].linkGroups = groups
                    maturity[m].dimensions[d].indicators[i].hasLinks = !links.isEmpty
                }
            }
            maturity[m].dimensionRows = maturity[m].dimensions
            maturity[m].divergent = maturity[m].dimensions.flatMap(\.indicators).filter(\.divergent)
        }
    }

    // MARK: Summary

    static func summary(_ card: ScoreCard) -> [String] {
        var paragraphs: [String] = []
        for m in card.maturity {
            guard let index = m.index else {
                paragraphs.append("\(m.title): no indicator has been answered yet.")
                continue
            }
            let scored = m.dimensions.filter { $0.score != nil }.sorted { $0.score! > $1.score! }
            var text = "\(card.assessment.country) reaches an overall index of \(Format.score(index)) out of 5 on the \(m.title) (level \(Format.level(m.level, name: m.levelName(m.level)))), across \(counted(scored.count, "scored dimension"))."
            if scored.count >= 2 {
                let best = scored.first!, worst = scored.last!
                text += " The strongest dimension is \(best.title) (\(Format.score(best.score))); the weakest is \(worst.title) (\(Format.score(worst.score)))."
            }
            let divergent = m.indicators.filter(\.divergent).count
            if divergent > 0 {
                text += " The agencies' own answers differ by two levels or more on \(counted(divergent, "indicator")): these are listed in the findings and deserve a joint discussion."
            }
            let belowTarget = m.dimensions.filter { ($0.gap ?? 0) > 0 }.count
            switch belowTarget {
            case 0: text += " Every dimension has reached its target."
            case m.dimensions.count: text += m.dimensions.count == 1 ? " The dimension is below its target." : " All \(m.dimensions.count) dimensions are below their targets."
            case 1: text += " 1 of \(m.dimensions.count) dimensions is below its target."
            default: text += " \(belowTarget) of \(m.dimensions.count) dimensions are below their targets."
            }
            paragraphs.append(text)
        }
        for c in card.compliance {
            if let rate = c.rate {
                let split = c.bestEndeavour.rate == nil ? "" : " (binding provisions \(Format.percent(c.binding.rate)), best-endeavour \(Format.percent(c.bestEndeavour.rate)))"
                paragraphs.append("\(c.title): compliance rate \(Format.percent(rate))\(split), with \(c.statusCounts[.full] ?? 0) of \(c.summary.applicable) applicable provisions fully implemented and \(c.notFullyMet.count) not yet fully met.")
            } else {
                paragraphs.append("\(c.title): not answered yet.")
            }
        }
        return paragraphs
    }

    /// Text for a CSS string literal: everything but letters, digits and spaces written as
    /// a CSS escape, so that no text can end the string or the style sheet.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars.prefix(200) {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }
}
