import Foundation

/// Everything the mission report shows, as ready-to-print text. One model feeds both the HTML
/// and the Markdown template, so both always carry the same numbers. Numbers come from the
/// `ScoreCard` (formatted here, never computed); words come from the questionnaires and the
/// assessment. Fields are plain, unescaped text: each template escapes for its own format.
/// Only the `…SVG` fields are inserted as they are; `SVG` escapes all text inside them.
struct ReportViewModel {
    struct AgencyRow { var id: String; var name: String; var answers: String }
    struct QuestionnaireRow {
        var id: String; var title: String; var kind: String; var version: String; var answeredVersion: String; var mismatch: Bool
        /// "Title (id, version 2026.1)"
        var name: String
    }
    struct ScaleRow { var level: String; var name: String; var summary: String; var badge: String }
    struct DimensionLine { var title: String; var score: String; var level: String }

    struct ResponseRow { var agency: String; var value: String; var evidence: String?; var comment: String? }

    /// A score as the report prints it beside its level, the same for an indicator, a
    /// dimension and a questionnaire's overall index.
    struct Rating {
        /// "2.6" ("—" when nothing is answered).
        var score: String
        /// "2" ("—" when not scored).
        var level: String
        /// "Initial".
        var levelName: String
        /// The CSS class of the level's badge: "lv2".
        var badge: String
        /// The target level: "4"; nil for an overall index.
        var target: String?
        /// How far below the target: "1.4"; nil for an overall index.
        var gap: String?
    }

    struct IndicatorBlock {
        var anchor: String
        var id: String
        var title: String
        var question: String
        var answered: Bool
        var statusText: String
        var rating: Rating
        var divergent: Bool
        var divergence: String
        /// "≠ agencies differ by 2 levels"
        var divergenceFlag: String
        var consensusNote: String?
        var descriptor: String?
        var nextLevel: String
        /// "Next step (to level 3):"
        var nextStepLabel: String
        var nextStep: String?
        var note: String?
        var responses: [ResponseRow]
        var views: String
        var references: String
        /// Convention provisions whose `related:` names this indicator, with their status, by convention.
        var linkGroups: [LinkGroup] = []
    }
    struct LinkGroup { var title: String; var items: String }
    struct LinkText { var text: String; var anchor: String; var last: Bool }
    struct DimensionBlock {
        var anchor: String
        var number: String
        var id: String
        var title: String
        var summary: String?
        var rating: Rating
        var coverage: String
        var provisional: Bool
        var answeredText: String
        var heatmapSVG: String
        /// "Score 2.5 (Initial) · target 4 · gap 1.5 · 5 of 6 applicable indicators answered"
        var scoreLine: String
        var heatmapCaption: String
        var hasWorkingGroup: Bool
        var indicators: [IndicatorBlock]
    }

    /// The national and cross-border indexes as printed ("—" where nothing of that scope is answered).
    struct SubIndexes: Sendable {
        var national: String
        var crossBorder: String
        /// "National index 2.9 (what the country does on its own) · cross-border index 2.5 (what needs a neighbour)"
        var line: String
    }

    struct MaturitySection {
        var anchor: String
        var number: String
        var id: String
        var title: String
        var version: String
        /// The overall index and its level.
        var rating: Rating
        var headline: String
        /// "overall index (1–5), <questionnaire>"
        var indexLabel: String
        /// "Overall index: 2.6 of 5 — level 2 (Initial)"
        var indexLine: String
        /// The national and cross-border indexes, for a questionnaire whose indicators declare a scope.
        var subIndexes: SubIndexes?
        var radarCaption: String
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
        var dimensions: [DimensionBlock]
    }

    struct StatusCount { var label: String; var count: String }
    struct SectionRow { var id: String; var title: String; var rate: String; var coverage: String; var answered: String; var binding: String; var bestEndeavour: String }
    struct ProvisionRow {
        var id: String; var title: String; var obligation: String; var status: String
        var category: String; var date: String; var evidence: String; var requirement: String
        /// The maturity indicators the provision is `related:` to, with their level.
        var links: [LinkText] = []
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
        /// "To level 3: <next step>"
        var toLevel: String
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
    /// The agencies named on the cover: the first `coverAgencyLimit`; `moreAgencies` says how
    /// many others the annex lists.
    var coverAgencies: [AgencyRow]
    var moreAgencies: String?
    var agencyNames: String
    var questionnaireNames: String
    var questionnaires: [QuestionnaireRow]
    var scale: [ScaleRow]
    var toc: [TocEntry]
    var summaryParagraphs: [String]
    var maturity: [MaturitySection]
    var compliance: [ComplianceSection]
    var topPriorities: [PriorityRow]
    var priorities: [PriorityRow]
    var phases: [Phase]
    var unansweredIndicators: [ItemRow]
    var unansweredProvisions: [ItemRow]
    var hasUnanswered: Bool
    var references: [ReferenceRow]
    var complianceChapter: String
    var gapChapter: String
    var annexChapter: String
    var provisionalThreshold: String
    /// "Arventa · period 2026"
    var countryPeriod: String
    var trend: TrendViewModel?
    var trendChapter: String
    /// For the assessment of one border crossing point: "Crossing point Dovrak, facing Zelmar (Republic of Kestria)".
    var crossingPoint: String?
    /// For one crossing point: what the assessment covers and how to read it with the other side.
    var crossingPointMethod: String?
    /// "Progress since 2024"
    var progressTitle: String
}

extension ReportViewModel {
    static let generatorName = "cbm-assess 0.1.0"

    /// At most this many agencies have a column of their own in a heat-map: more would not fit
    /// the width of a printed page. With more, the heat-map counts the agencies at each level.
    static let heatMapAgencyLimit = 20
    /// At most this many agencies are named on the cover; the annex lists them all.
    static let coverAgencyLimit = 20

    init(card: ScoreCard, catalog: Catalog, language: String = LocalizedText.defaultLanguage, trend: TrendSeries? = nil) {
        self.language = language
        let t = (try? StringTable.forLanguage(language)) ?? .english
        let info = card.assessment
        title = info.title
        country = info.country
        period = info.period
        date = info.date.map(t.date)
        preparedBy = info.preparedBy
        notes = info.notes
        generator = Self.generatorName
        if let point = info.crossingPoint {
            let names = ["name": point.name, "country": info.country, "facing": point.facingCrossingPoint, "neighbour": point.neighbourCountry]
            crossingPoint = t.text("report.crossing_point.cover", names)
            crossingPointMethod = t.text("report.crossing_point.method", names)
        } else {
            crossingPoint = nil
            crossingPointMethod = nil
        }
        pageHeaderCSS = Self.cssString(info.title.contains(info.country) ? info.title : "\(info.country) — \(info.title)")
        provisionalThreshold = Self.wholePercent(Scorer.provisionalBelow, t)
        countryPeriod = t.text("report.cover.country_period", ["country": info.country, "period": info.period])

        // Names by id, looked up once per response: linear in the number of agencies.
        var namesByID: [String: String] = [:]
        for agency in info.agencies where namesByID[agency.id] == nil { namesByID[agency.id] = agency.name }
        func agencyName(_ id: String?) -> String {
            guard let id else { return t["report.working_group_answer"] }
            return namesByID[id] ?? id
        }

        // Agencies and how many answers each gave.
        var answerCounts: [String: Int] = [:]
        for m in card.maturity { for i in m.indicators { for r in i.responses { if let a = r.agency { answerCounts[a, default: 0] += 1 } } } }
        for c in card.compliance { for p in c.provisions { for r in p.responses { if let a = r.agency { answerCounts[a, default: 0] += 1 } } } }
        agencies = info.agencies.map { AgencyRow(id: $0.id, name: $0.name, answers: t.integer(answerCounts[$0.id] ?? 0)) }
        coverAgencies = Array(agencies.prefix(Self.coverAgencyLimit))
        let others = agencies.count - coverAgencies.count
        moreAgencies = others > 0 ? t.counted(others, "report.cover.more_agencies") : nil
        agencyNames = coverAgencies.map(\.name).joined(separator: "; ") + (moreAgencies.map { "; " + $0 } ?? "")

        questionnaires = (card.maturity.map { ($0.questionnaire, $0.title, QuestionnaireKind.maturity.label(t), $0.version, $0.answeredVersion) }
            + card.compliance.map { ($0.questionnaire, $0.title, QuestionnaireKind.compliance.label(t), $0.version, $0.answeredVersion) })
            .map { id, title, kind, version, answered in
                QuestionnaireRow(id: id, title: title, kind: kind, version: version, answeredVersion: answered ?? t["report.not_stated"],
                                 mismatch: answered.map { $0 != version } ?? false,
                                 name: t.text("report.questionnaire_name", ["title": title, "id": id, "version": version]))
            }

        questionnaireNames = questionnaires.map(\.name).joined(separator: "; ")

        let firstMaturity = card.maturity.first.flatMap { catalog.questionnaire($0.questionnaire, version: $0.version)?.maturity }
        scale = (firstMaturity?.scale ?? ScaleLevel.standard).map {
            ScaleRow(level: String($0.level), name: $0.name.text(in: language), summary: $0.summary?.text(in: language) ?? "", badge: "lv\($0.level)")
        }

        // Chapters: 1 summary, 2 method, 3… findings per maturity questionnaire, then compliance, gaps, annexes.
        var contents = [TocEntry(anchor: "summary", number: "1", title: t["report.toc.summary"]),
                   TocEntry(anchor: "method", number: "2", title: t["report.toc.method"])]
        var chapter = 3

        maturity = card.maturity.map { score in
            let questionnaire = catalog.questionnaire(score.questionnaire, version: score.version)?.maturity
            let number = chapter
            chapter += 1
            contents.append(TocEntry(anchor: "findings-\(score.questionnaire)", number: String(number), title: t.text("report.toc.findings", ["title": score.title])))
            return Self.maturitySection(score, questionnaire: questionnaire, number: number, agencies: info.agencies,
                                        agencyName: agencyName, t: t)
        }

        let complianceChapter = String(chapter)
        self.complianceChapter = complianceChapter
        if !card.compliance.isEmpty {
            contents.append(TocEntry(anchor: "compliance", number: String(chapter), title: t["report.toc.compliance"]))
            chapter += 1
        }
        var complianceNumber = 0
        compliance = card.compliance.map { score in
            complianceNumber += 1
            let questionnaire = catalog.questionnaire(score.questionnaire, version: score.version)?.compliance
            return Self.complianceSection(score, questionnaire: questionnaire, number: "\(complianceChapter).\(complianceNumber)", t: t)
        }
        Self.crossLink(maturity: &maturity, compliance: &compliance, card: card, catalog: catalog, t: t)

        self.trend = trend.map { TrendViewModel($0, strings: t) }
        trendChapter = String(chapter)
        progressTitle = t.text("report.toc.progress", ["period": trend?.periods.first ?? ""])
        if let trend, let first = trend.periods.first {
            contents.append(TocEntry(anchor: "progress", number: String(chapter), title: t.text("report.toc.progress", ["period": first])))
            chapter += 1
        }
        gapChapter = String(chapter)
        contents.append(TocEntry(anchor: "gaps", number: String(chapter), title: t["report.toc.gaps"]))
        chapter += 1
        annexChapter = String(chapter)
        contents.append(TocEntry(anchor: "annexes", number: String(chapter), title: t["report.toc.annexes"]))
        toc = contents

        let rows = card.priorities.map { p in
            PriorityRow(rank: String(p.rank), questionnaire: p.questionnaire, indicator: p.indicator, title: p.indicatorTitle,
                        dimension: p.dimensionTitle, score: t.score(p.score), target: String(p.target), gap: t.amount(p.gap),
                        priority: t.amount(p.priority), nextLevel: String(p.nextLevel),
                        nextStep: p.nextStep ?? t["report.no_next_step"],
                        toLevel: t.text("report.to_level", ["level": String(p.nextLevel), "step": p.nextStep ?? t["report.no_next_step"]]))
        }
        priorities = rows
        topPriorities = Array(rows.prefix(5))
        // Phase boundaries after the 5th and the 15th gap, moved down past any gaps of equal
        // priority, so that two gaps of the same priority never fall into different phases.
        let (first, second) = Self.phaseEnds(card.priorities.map(\.priority))
        phases = [
            Phase(name: t["report.phase1.name"],
                  description: first > 5 ? t["report.phase1.tied"] : t["report.phase1.description"],
                  items: Array(rows[0..<first])),
            Phase(name: t["report.phase2.name"],
                  description: second - first > 10 ? t["report.phase2.tied"] : t["report.phase2.description"],
                  items: Array(rows[first..<second])),
            Phase(name: t["report.phase3.name"], description: t["report.phase3.description"], items: Array(rows[second...])),
        ].filter { !$0.items.isEmpty }

        unansweredIndicators = card.maturity.flatMap { m in
            m.indicators.filter { $0.status == .unanswered }.map { ItemRow(questionnaire: m.questionnaire, id: $0.id, title: $0.title) }
        }
        unansweredProvisions = card.compliance.flatMap { c in
            c.provisions.filter { $0.status == .unanswered }.map { ItemRow(questionnaire: c.questionnaire, id: $0.id, title: $0.title) }
        }
        hasUnanswered = !unansweredIndicators.isEmpty || !unansweredProvisions.isEmpty

        // References: every source cited by the questionnaires used, with what cites it.
        // Each source's entries in order, each once (found by hashing, not by a search of the list).
        struct Citations {
            var entries: [String] = []
            var seen = Set<String>()
            mutating func add(_ entry: String) {
                if seen.insert(entry).inserted { entries.append(entry) }
            }
        }
        var bySource: [String: Citations] = [:]
        var order: [String] = []
        func cite(_ reference: Reference, by item: String) {
            let entry = reference.ref.map { "\($0) (\(item))" } ?? item
            if let index = bySource.index(forKey: reference.source) {
                bySource.values[index].add(entry)
            } else {
                order.append(reference.source)
                bySource[reference.source, default: Citations()].add(entry)
            }
        }
        for m in card.maturity {
            for indicator in catalog.questionnaire(m.questionnaire, version: m.version)?.maturity?.indicators ?? [] {
                for reference in indicator.references { cite(reference, by: indicator.id) }
            }
        }
        for c in card.compliance {
            for provision in catalog.questionnaire(c.questionnaire, version: c.version)?.compliance?.provisions ?? [] where !provision.references.isEmpty {
                let item = "\(c.questionnaire) \(provision.id)"
                for reference in provision.references { cite(reference, by: item) }
            }
        }
        references = order.map { ReferenceRow(source: $0, citations: bySource[$0]!.entries.joined(separator: "; ")) }

        summaryParagraphs = Self.summary(card, t: t)
    }

    /// Where roadmap phases 1 and 2 end: after the 5th and the 15th gap, each moved down past
    /// gaps of the same priority (as shown, one decimal), so that equal priorities share a phase.
    static func phaseEnds(_ priorities: [Double]) -> (Int, Int) {
        let shown = priorities.map(NumberFormatting.roundedToTenth)
        func end(_ count: Int) -> Int {
            var end = min(count, shown.count)
            while end > 0 && end < shown.count && shown[end] == shown[end - 1] { end += 1 }
            return end
        }
        let first = end(5)
        return (first, max(first, end(15)))
    }

    // MARK: Maturity

    /// A share as a percentage, without a decimal that is 0: 0.5 → "50%", 0.833 → "83.3%".
    /// (`NumberFormatting.percent` ends every number with one decimal and "%": dropping a
    /// final ".0%" is what replacing every ".0%" did, without Foundation's search.)
    static func wholePercent(_ value: Double?, _ t: StringTable) -> String {
        let text = NumberFormatting.percent(value)
        return t.n(text.hasSuffix(".0%") ? String(text.dropLast(3)) + "%" : text)
    }

    /// The CSS class of a level's badge: "lv2"; "lv0" when there is no level.
    static func badge(_ level: Int?) -> String { level.map { "lv\($0)" } ?? "lv0" }

    static func maturitySection(
        _ score: MaturityScore, questionnaire: MaturityQuestionnaire?, number: Int, agencies: [Agency],
        agencyName: (String?) -> String, t: StringTable
    ) -> MaturitySection {
        let language = t.language
        // Agencies that answered this questionnaire, in declaration order, for the heat-maps:
        // one pass over the responses, then one over the agencies.
        var answeredBy = Set<String>()
        var groupAnswers = false
        for indicator in score.indicators {
            // The "Working group" column: its single answer where it gave one, otherwise the level it agreed.
            if indicator.consensus != nil { groupAnswers = true }
            for response in indicator.responses {
                if let agency = response.agency { answeredBy.insert(agency) } else { groupAnswers = true }
            }
        }
        var declared = Set<String>()
        let answering = agencies.filter { answeredBy.contains($0.id) && declared.insert($0.id).inserted }
        let grouped = answering.count > heatMapAgencyLimit

        var dimensionNumber = 0
        let dimensions = score.dimensions.map { d -> DimensionBlock in
            dimensionNumber += 1
            let definition = questionnaire?.dimension(d.id)
            var definitions: [String: Indicator] = [:]
            for indicator in definition?.indicators ?? [] where definitions[indicator.id] == nil { definitions[indicator.id] = indicator }
            let indicators = d.indicators.map { i in
                indicatorBlock(i, definition: definitions[i.id], score: score, agencyName: agencyName, t: t)
            }
            let heatmap: String
            let caption: String
            if grouped {
                // Too many agencies for a column each: how many gave each level.
                let columns = (1...5).map { t.text("chart.grouped_level", ["level": String($0)]) } + [t["chart.cell_na"], "?"]
                let rows = d.indicators.map { i -> SVG.HeatRow in
                    var counts = [Int](repeating: 0, count: columns.count)
                    for response in i.responses {
                        switch response.value {
                        case "na": counts[5] += 1
                        case "unknown": counts[6] += 1
                        default: if let level = response.numeric, (1...5).contains(level) { counts[level - 1] += 1 }
                        }
                    }
                    let cells = counts.enumerated().map { column, count -> (text: String, level: Int?) in
                        (count == 0 ? "" : t.integer(count), count == 0 || column >= 5 ? nil : column + 1)
                    }
                    return SVG.HeatRow(label: i.title, cells: cells, divergent: i.divergent)
                }
                heatmap = SVG.heatMap(rows: rows, columns: columns, id: "heat-\(score.questionnaire)-\(d.id)",
                                      title: t.text("chart.grouped_title", ["title": d.title]), strings: t,
                                      key: t["chart.grouped_key"], description: t["chart.grouped_description"])
                caption = t.text("report.dimension.heatmap_caption_grouped",
                                 ["agencies": t.counted(answering.count, "count.agencies"), "limit": t.integer(heatMapAgencyLimit)])
            } else {
                var columns = answering.map(\.name)
                if groupAnswers { columns.append(t["chart.working_group"]) }
                let rows = d.indicators.map { i -> SVG.HeatRow in
                    var byAgency: [String: AgencyResponse] = [:]
                    var group: AgencyResponse?
                    for response in i.responses {
                        if let agency = response.agency {
                            if byAgency[agency] == nil { byAgency[agency] = response }
                        } else if group == nil {
                            group = response
                        }
                    }
                    var cells: [(text: String, level: Int?)] = answering.map { cell(byAgency[$0.id]) }
                    if groupAnswers {
                        if let consensus = i.consensus {
                            cells.append((String(consensus), consensus))
                        } else {
                            cells.append(cell(group))
                        }
                    }
                    return SVG.HeatRow(label: i.title, cells: cells.map { ($0.text == "na" ? t["chart.cell_na"] : $0.text, $0.level) }, divergent: i.divergent)
                }
                heatmap = SVG.heatMap(rows: rows, columns: columns, id: "heat-\(score.questionnaire)-\(d.id)",
                                      title: t.text("chart.heatmap_title", ["title": d.title]), strings: t)
                caption = groupAnswers ? t["report.dimension.heatmap_caption_group"] : t["report.dimension.heatmap_caption"]
            }
            let applicable = d.indicatorCount - d.notApplicableCount
            let answeredText = t.counted(applicable, "report.answered_of", ["answered": t.integer(d.answeredCount)])
                + (d.notApplicableCount > 0 ? t.counted(d.notApplicableCount, "report.not_applicable_count") : "")
            let levelName = score.levelName(d.level) ?? t["report.not_scored"]
            return DimensionBlock(
                anchor: "dim-\(score.questionnaire)-\(d.id)", number: "\(number).\(dimensionNumber)", id: d.id, title: d.title,
                summary: definition?.summary?.text(in: language), rating: Rating(score: t.score(d.score), level: NumberFormatting.level(d.level, name: nil),
                levelName: levelName, badge: badge(d.level), target: String(d.target),
                gap: t.amount(d.gap)), coverage: Self.wholePercent(d.coverage, t),
                provisional: d.provisional,
                answeredText: answeredText,
                heatmapSVG: heatmap,
                scoreLine: t.text("report.dimension.score_line", ["score": t.score(d.score), "level": levelName, "target": String(d.target),
                                                                  "gap": t.amount(d.gap), "answered": answeredText]),
                heatmapCaption: caption,
                hasWorkingGroup: groupAnswers && !grouped, indicators: indicators)
        }
        let scored = score.dimensions.filter { $0.score != nil }
        let ranked = scored.enumerated().sorted { a, b in
            a.element.score! != b.element.score! ? a.element.score! > b.element.score! : a.offset < b.offset
        }.map(\.element)
        let take = scored.count >= 4 ? 2 : 1
        func line(_ d: DimensionScore) -> DimensionLine {
            DimensionLine(title: d.title, score: t.score(d.score), level: NumberFormatting.level(d.level, name: score.levelName(d.level)))
        }
        let provisional = score.dimensions.filter(\.provisional)
        let divergent = dimensions.flatMap { $0.indicators }.filter { $0.divergent }
        let answeredCount = score.indicators.filter { $0.status == .answered }.count
        let radar = SVG.radar(score.dimensions.map { SVG.RadarAxis(label: $0.title, score: $0.score, target: Double($0.target)) },
                              id: "radar-\(score.questionnaire)", title: t.text("chart.radar_title", ["title": score.title]), strings: t)
        let headline: String
        if let index = score.index {
            headline = t.counted(score.indicators.count, "report.findings.headline", [
                "index": t.score(index), "level": NumberFormatting.level(score.level, name: score.levelName(score.level)), "answered": t.integer(answeredCount)])
        } else {
            headline = t["report.findings.no_index"]
        }
        return MaturitySection(
            anchor: "findings-\(score.questionnaire)", number: String(number), id: score.questionnaire, title: score.title, version: score.version,
            rating: Rating(score: t.score(score.index), level: NumberFormatting.level(score.level, name: nil),
                           levelName: score.levelName(score.level) ?? t["report.not_scored"], badge: badge(score.level)),
            headline: headline,
            indexLabel: t.text("report.summary.index_label", ["title": score.title]),
            indexLine: t.text("report.summary.index_line", ["index": t.score(score.index), "level": NumberFormatting.level(score.level, name: nil),
                                                            "name": score.levelName(score.level) ?? t["report.not_scored"], "title": score.title]),
            subIndexes: score.declaresScope ? SubIndexes(
                national: t.score(score.nationalIndex), crossBorder: t.score(score.crossBorderIndex),
                line: t.text("report.summary.sub_index_line", ["national": t.score(score.nationalIndex), "cross_border": t.score(score.crossBorderIndex)])) : nil,
            radarCaption: t.text("report.summary.radar_caption", ["title": score.title, "chapter": String(number)]),
            radarSVG: radar,
            dimensionRows: dimensions,
            strongest: ranked.prefix(take).map(line), weakest: ranked.suffix(take).reversed().map(line),
            strongestText: ranked.prefix(take).map { "\($0.title) (\(t.score($0.score)))" }.joined(separator: "; "),
            weakestText: ranked.suffix(take).reversed().map { "\($0.title) (\(t.score($0.score)))" }.joined(separator: "; "),
            provisionalNote: provisional.isEmpty ? nil
                : t.text("report.findings.provisional", ["threshold": Self.wholePercent(Scorer.provisionalBelow, t),
                                                          "list": provisional.map(\.title).joined(separator: ", ")]),
            divergenceNote: divergent.isEmpty ? nil
                : t.counted(divergent.count, "report.findings.divergence", ["total": t.integer(score.indicators.count)]),
            divergent: divergent, dimensions: dimensions)
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
        _ i: IndicatorScore, definition: Indicator?, score: MaturityScore, agencyName: (String?) -> String, t: StringTable
    ) -> IndicatorBlock {
        let language = t.language
        let statusText: String
        switch i.status {
        case .answered:
            statusText = t.text("report.indicator.status", ["level": NumberFormatting.level(i.level, name: score.levelName(i.level)), "score": t.score(i.score),
                                                            "target": String(i.target), "gap": t.amount(i.gap)])
        case .notApplicable: statusText = t["report.indicator.not_applicable"]
        case .unanswered: statusText = i.responses.isEmpty ? t["report.indicator.not_answered"] : t["report.indicator.could_not_say"]
        }
        var consensusNote: String?
        if let consensus = i.consensus {
            consensusNote = i.median.map { t.text("report.indicator.consensus_median", ["level": String(consensus), "median": t.score($0)]) }
                ?? t.text("report.indicator.consensus", ["level": String(consensus)])
            if i.consensusOutsideResponses { consensusNote! += " " + t["report.indicator.consensus_outside"] }
        }
        func value(_ raw: String) -> String {
            switch raw {
            case "na": return t["report.value.na"]
            case "unknown": return t["report.value.unknown"]
            default: return raw
            }
        }
        let views = i.responses.map { "\(agencyName($0.agency)): \($0.value == "unknown" ? "?" : value($0.value))" }.joined(separator: "; ")
        return IndicatorBlock(
            anchor: "ind-\(score.questionnaire)-\(i.id)", id: i.id, title: i.title,
            question: definition?.question.text(in: language) ?? "", answered: i.status == .answered, statusText: statusText,
            rating: Rating(score: t.score(i.score), level: NumberFormatting.level(i.level, name: nil), levelName: score.levelName(i.level) ?? "",
                           badge: badge(i.level), target: String(i.target), gap: t.amount(i.gap)),
            divergent: i.divergent,
            divergence: i.divergence.map(String.init) ?? NumberFormatting.missing,
            divergenceFlag: t.counted(i.divergence ?? 0, "report.indicator.divergence_flag"), consensusNote: consensusNote,
            descriptor: i.level.flatMap { definition?.levels[$0]?.text(in: language) },
            nextLevel: String(min(5, (i.level ?? 0) + 1)),
            nextStepLabel: t.text("report.indicator.next_step", ["level": String(min(5, (i.level ?? 0) + 1))]), nextStep: (i.gap ?? 0) > 0 ? i.nextStep : nil, note: i.note,
            responses: i.responses.map { ResponseRow(agency: agencyName($0.agency), value: value($0.value), evidence: $0.evidence, comment: $0.comment) }, views: views.isEmpty ? t["report.no_answer"] : views,
            references: definition?.references.map(\.citation).joined(separator: "; ") ?? "")
    }

    // MARK: Compliance

    /// "fully implemented", or "between statuses (1.5 points)" for a median between two.
    static func statusText(_ p: ProvisionScore, _ t: StringTable) -> String {
        p.consolidated?.label(t) ?? (p.points.map { t.text("report.between_statuses", ["points": t.amount($0)]) } ?? t["report.not_answered"])
    }

    static func complianceSection(_ score: ComplianceScore, questionnaire: ComplianceQuestionnaire?, number: String, t: StringTable) -> ComplianceSection {
        let language = t.language
        let sectionBars = score.sections.map { SVG.Bar(label: $0.title, value: $0.rate) }
        let obligationBars = [
            SVG.Bar(label: t.text("chart.binding_bar", ["answered": t.integer(score.binding.answered)]), value: score.binding.rate),
            SVG.Bar(label: t.text("chart.best_endeavour_bar", ["answered": t.integer(score.bestEndeavour.answered)]), value: score.bestEndeavour.rate, hatched: true),
        ]
        func row(_ p: ProvisionScore) -> ProvisionRow {
            let definition = questionnaire?.provision(p.id)
            let evidence = p.responses.compactMap { $0.evidence }.joined(separator: " / ")
            return ProvisionRow(id: p.id, title: p.title,
                                obligation: p.obligation.label(t) + (p.transitional ? " (\(t["obligation.transitional"]))" : ""),
                                status: statusText(p, t), category: p.category ?? "", date: p.date.map(t.date) ?? "", evidence: evidence,
                                requirement: definition?.requirement.text(in: language) ?? "")
        }
        let full = score.statusCounts[.full] ?? 0
        let headline = score.rate.map { rate -> String in
            let values = ["rate": t.percent(rate), "binding": t.percent(score.binding.rate), "best": t.percent(score.bestEndeavour.rate),
                          "full": t.integer(full), "coverage": Self.wholePercent(score.coverage, t)]
            return t.counted(score.summary.applicable, score.bestEndeavour.rate == nil ? "report.compliance.headline" : "report.compliance.headline_split", values)
        } ?? t["report.compliance.none"]
        return ComplianceSection(
            anchor: "compliance-\(score.questionnaire)", number: number, id: score.questionnaire, title: score.title,
            instrument: questionnaire?.instrument.map { instrument in
                [instrument.name.text(in: language), instrument.body, instrument.adopted.map { t.text("show.adopted", ["date": t.date($0)]) },
                 instrument.inForce.map { t.text("show.in_force", ["date": t.date($0)]) }]
                    .compactMap { $0 }.joined(separator: ", ")
            } ?? "",
            headline: headline, rate: t.percent(score.rate), coverage: t.percent(score.coverage),
            bindingRate: t.percent(score.binding.rate), bestEndeavourRate: t.percent(score.bestEndeavour.rate),
            counts: ComplianceStatus.allCases.map { StatusCount(label: $0.label(t), count: t.integer(score.statusCounts[$0] ?? 0)) },
            sectionsSVG: SVG.bars(sectionBars, id: "bars-\(score.questionnaire)", title: t.text("chart.bars_title", ["title": score.title]), strings: t),
            obligationSVG: score.bestEndeavour.applicable == 0 || score.binding.applicable == 0 ? "" : SVG.bars(obligationBars, id: "obl-\(score.questionnaire)", title: t.text("chart.obligation_title", ["title": score.title]), strings: t),
            hasObligationChart: score.bestEndeavour.applicable > 0 && score.binding.applicable > 0,
            sections: score.sections.map {
                SectionRow(id: $0.id, title: $0.title, rate: t.percent($0.rate),
                           coverage: Self.wholePercent($0.coverage, t),
                           answered: t.text("report.of", ["part": t.integer($0.summary.answered), "whole": t.integer($0.summary.applicable)]),
                           binding: t.percent($0.binding.rate), bestEndeavour: t.percent($0.bestEndeavour.rate))
            },
            notMet: score.notFullyMet.map(row),
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
        maturity: inout [MaturitySection], compliance: inout [ComplianceSection], card: ScoreCard, catalog: Catalog, t: StringTable
    ) {
        var indicatorLevels: [String: (title: String, text: String)] = [:]
        for m in card.maturity {
            for i in m.indicators {
                let level: String
                switch i.status {
                case .answered: level = t.text("report.link_level", ["level": NumberFormatting.level(i.level, name: m.levelName(i.level)), "score": t.score(i.score)])
                case .notApplicable: level = t["report.not_applicable"]
                case .unanswered: level = t["report.not_answered"]
                }
                indicatorLevels["\(m.questionnaire)/\(i.id)"] = (i.title, level)
            }
        }
        var provisionsByIndicator: [String: [(title: String, item: String)]] = [:]
        for (index, c) in card.compliance.enumerated() {
            guard let definition = catalog.questionnaire(c.questionnaire, version: c.version)?.compliance else { continue }
            var linksByProvision: [String: [LinkText]] = [:]
            // Only the provisions not fully met list their indicators.
            let notMet = Set(compliance[index].notMet.map(\.id))
            for p in c.provisions {
                guard let provision = definition.provision(p.id), !provision.related.isEmpty else { continue }
                let item = "\(p.id) \(p.title) (\(statusText(p, t)))"
                let listsLinks = notMet.contains(p.id)
                for link in provision.related {
                    let key = link.text
                    provisionsByIndicator[key, default: []].append((c.title, item))
                    if listsLinks, let indicator = indicatorLevels[key] {
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
            }
        }
        guard !provisionsByIndicator.isEmpty else { return }
        for m in maturity.indices {
            // `dimensionRows` and `divergent` share the blocks being changed: let go of them
            // first, so that the blocks are changed in place, not copied on the first change.
            maturity[m].dimensionRows = []
            maturity[m].divergent = []
            for d in maturity[m].dimensions.indices {
                for i in maturity[m].dimensions[d].indicators.indices {
                    let key = "\(maturity[m].id)/\(maturity[m].dimensions[d].indicators[i].id)"
                    let links = provisionsByIndicator[key] ?? []
                    var groups: [LinkGroup] = []
                    for link in links {
                        if groups.last?.title == link.title {
                            groups[groups.count - 1].items += "; "
                            groups[groups.count - 1].items += link.item
                        } else {
                            groups.append(LinkGroup(title: link.title, items: link.item))
                        }
                    }
                    maturity[m].dimensions[d].indicators[i].linkGroups = groups
                }
            }
            maturity[m].dimensionRows = maturity[m].dimensions
            maturity[m].divergent = maturity[m].dimensions.flatMap(\.indicators).filter(\.divergent)
        }
    }

    // MARK: Summary

    static func summary(_ card: ScoreCard, t: StringTable) -> [String] {
        var paragraphs: [String] = []
        for m in card.maturity {
            guard let index = m.index else {
                paragraphs.append(t.text("report.summary.not_answered", ["title": m.title]))
                continue
            }
            let scored = m.dimensions.filter { $0.score != nil }.sorted { $0.score! > $1.score! }
            var text = t.counted(scored.count, "report.summary.index", [
                "country": card.assessment.country, "index": t.score(index), "title": m.title,
                "level": NumberFormatting.level(m.level, name: m.levelName(m.level))])
            if scored.count >= 2 {
                let best = scored.first!, worst = scored.last!
                text += " " + t.text("report.summary.strongest", ["best": best.title, "best_score": t.score(best.score),
                                                                  "worst": worst.title, "worst_score": t.score(worst.score)])
            }
            let divergent = m.indicators.filter(\.divergent).count
            if divergent > 0 {
                text += " " + t.counted(divergent, "report.summary.divergent")
            }
            let belowTarget = m.dimensions.filter { ($0.gap ?? 0) > 0 }.count
            let total = ["total": t.integer(m.dimensions.count)]
            switch belowTarget {
            case 0: text += " " + t["report.summary.all_met"]
            case m.dimensions.count: text += " " + (m.dimensions.count == 1 ? t["report.summary.one_below"] : t.counted(m.dimensions.count, "report.summary.all_below"))
            default: text += " " + t.counted(belowTarget, "report.summary.some_below", total)
            }
            paragraphs.append(text)
        }
        for c in card.compliance {
            if let rate = c.rate {
                let values = ["title": c.title, "rate": t.percent(rate), "binding": t.percent(c.binding.rate), "best": t.percent(c.bestEndeavour.rate),
                              "full": t.integer(c.statusCounts[.full] ?? 0), "not_met": t.integer(c.notFullyMet.count)]
                paragraphs.append(t.counted(c.summary.applicable, c.bestEndeavour.rate == nil ? "report.summary.compliance" : "report.summary.compliance_split", values))
            } else {
                paragraphs.append(t.text("report.summary.compliance_none", ["title": c.title]))
            }
        }
        return paragraphs
    }

    /// Text for a CSS string literal: everything but letters, digits and spaces written as
    /// a CSS escape, so that no text can end the string or the style sheet.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in DirectionControls.shown(text).unicodeScalars.prefix(200) {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }
}
