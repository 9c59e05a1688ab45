/// Everything the comparison report shows, as ready-to-print text, for the HTML and the
/// Markdown template alike. Numbers come from the `RegionalComparison` (formatted here, never
/// computed). Fields are plain, unescaped text: each template escapes for its own format.
struct ComparisonViewModel {
    /// A figure as shown and the CSS class that colours it: its level (`lv1`…`lv5`, `lv0` when
    /// there is none), `reg` for a regional figure. A cell of the heat table, or the score of
    /// one side of a crossing point.
    struct Cell { var text: String; var css: String }
    struct Header { var text: String; var number: String? }
    struct HeatRow { var rank: String; var country: String; var period: String; var cells: [Cell]; var regional: Bool }
    struct SpreadRow { var title: String; var id: String; var count: String; var min: String; var q1: String; var median: String; var q3: String; var max: String; var note: String? }
    struct StandingRow { var country: String; var text: String }
    struct MaturityBlock {
        var id: String
        var title: String
        var versions: String
        var versionsLine: String
        var headers: [Header]
        var rows: [HeatRow]
        var dimensions: [SpreadRow]
        var indexes: [SpreadRow]
        var standings: [StandingRow]
        var weakest: [SpreadRow]
    }
    struct ComplianceRow { var country: String; var rate: String; var binding: String; var bestEndeavour: String; var coverage: String; var regional: Bool }
    struct ComplianceBlock { var id: String; var title: String; var versions: String; var versionsLine: String; var rows: [ComplianceRow]; var sections: [SpreadRow] }
    /// One side of a crossing point on one indicator: its score, coloured by level, and, when its
    /// agencies differ, their views.
    struct SideCell { var score: Cell; var views: String; var divergent: Bool }
    struct CrossingRow { var id: String; var title: String; var scope: String?; var sides: [SideCell]; var gap: String; var flagged: Bool }
    struct CrossingTable { var questionnaire: String; var title: String; var versions: String; var indexes: String; var rule: String; var rows: [CrossingRow]; var flaggedText: String; var crossingLine: String }
    struct SideHeader { var name: String; var country: String; var file: String; var period: String }
    struct CrossingBlock { var title: String; var sides: [SideHeader]; var tables: [CrossingTable]; var oneSide: String? }
    struct AssessmentRow { var country: String; var period: String; var title: String; var file: String }

    var title: String
    var language: String
    /// Texts the two formats write differently (Markdown escapes `*` and uses straight quotes).
    var method: String
    var marks: String
    var listedLast: String
    var producedWith: String
    var generator: String
    var pageHeaderCSS: String
    var subtitle: String
    var assessments: [AssessmentRow]
    var assessmentCount: String
    var summaryParagraphs: [String]
    var maturity: [MaturityBlock]
    var compliance: [ComplianceBlock]
    var crossings: [CrossingBlock]
    /// What makes the files less comparable: the caveats, then the files left out.
    var notComparable: [String]
    var flagGap: String
}

extension ComparisonViewModel {
    /// The CSS class of the level of a score: "lv2"; "lv0" when there is no score.
    static func levelClass(_ score: Double?) -> String { ReportViewModel.badge(score.map(Scorer.level)) }

    static func spreadRow(_ item: RegionalItem, percent: Bool = false, _ t: StringTable) -> SpreadRow {
        func show(_ value: Double?) -> String { percent ? t.percent(value) : t.score(value) }
        let s = item.spread
        let note = item.absentFrom.isEmpty ? nil : t.text("compare.absent_from", ["countries": ComparisonWording.list(item.absentFrom, t)])
        return SpreadRow(title: item.title, id: item.id, count: t.integer(s.count), min: show(s.min), q1: show(s.q1),
                         median: show(s.median), q3: show(s.q3), max: show(s.max), note: note)
    }

    init(_ comparison: RegionalComparison, title: String, generator: String, pageHeaderCSS: String,
         strings t: StringTable = .english, format: ReportFormat = .html) {
        self.title = title
        self.language = t.language
        self.generator = generator
        self.pageHeaderCSS = pageHeaderCSS
        func markdown(_ text: String) -> String {
            format == .md ? text.replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"").replacingOccurrences(of: "*", with: "\\*") : text
        }
        func html(_ text: String) -> String { format == .html ? StringTable.htmlMarkup(text) : text }
        method = html(markdown(t.text("compare.method_text")))
        marks = html(markdown(t.text("compare.marks")))
        flagGap = ComparisonWording.flagGap
        let periods = Set(comparison.countries.map(\.period) + comparison.crossings.flatMap { $0.sides.map(\.period) }).sorted(by: PeriodOrder.precedes)
        var parts: [String] = []
        if !comparison.countries.isEmpty { parts.append(t.counted(comparison.countries.count, "compare.countries")) }
        if !comparison.crossings.isEmpty { parts.append(t.counted(comparison.crossings.count, "compare.crossings")) }
        subtitle = parts.joined(separator: " · ") + " · " + periods.joined(separator: ", ")
        assessments = comparison.countries.map { AssessmentRow(country: $0.country, period: $0.period, title: $0.card.assessment.title, file: $0.file) }
            + comparison.crossings.flatMap { c in c.sides.map { AssessmentRow(country: "\($0.crossingPoint) (\($0.country))", period: $0.period, title: $0.card.assessment.title, file: $0.file) } }

        assessmentCount = t.counted(assessments.count, "count.assessments")
        listedLast = t.text(format == .html ? "compare.listed_last" : "compare.listed_last_md", ["count": assessmentCount])
        producedWith = t.text("compare.produced_with_md", ["subtitle": subtitle, "generator": generator])

        maturity = comparison.maturity.map { m in
            let scored = comparison.countries.compactMap { c in c.card.maturity.first { $0.questionnaire == m.questionnaire }.map { (c, $0) } }
            let hasScopes = scored.contains { $0.1.nationalIndex != nil }
            var headers = [Header(text: t.text("compare.index"), number: nil)]
            if hasScopes { headers += [Header(text: t.text("compare.national"), number: nil), Header(text: t.text("compare.cross_border"), number: nil)] }
            headers += m.dimensions.enumerated().map { Header(text: $0.element.title, number: t.text("compare.dimension_number", ["n": t.integer($0.offset + 1)])) }
            let standings = Dictionary(m.standings.map { ($0.country, $0) }, uniquingKeysWith: { a, _ in a })
            var rows = scored.map { country, score -> HeatRow in
                let byID = Dictionary(score.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                var cells = [Cell(text: t.score(score.index), css: Self.levelClass(score.index) + " idx")]
                if hasScopes {
                    cells += [Cell(text: t.score(score.nationalIndex), css: Self.levelClass(score.nationalIndex)),
                              Cell(text: t.score(score.crossBorderIndex), css: Self.levelClass(score.crossBorderIndex))]
                }
                cells += m.dimensions.map { d in
                    guard let dimension = byID[d.id] else { return Cell(text: t.text("compare.not_in_version"), css: "lv0") }
                    let mark: String
                    switch standings[country.country]?.positions[d.id] {
                    case .topQuarter?: mark = " ▲"
                    case .bottomQuarter?: mark = " ▼"
                    default: mark = ""
                    }
                    return Cell(text: t.score(dimension.score) + (dimension.provisional ? "*" : "") + mark, css: Self.levelClass(dimension.score))
                }
                return HeatRow(rank: country.ranks[m.questionnaire].map(t.integer) ?? NumberFormatting.missing, country: country.country,
                               period: country.period, cells: cells, regional: false)
            }
            for (label, pick) in [(t.text("compare.regional_q1"), { (s: Spread) in s.q1 }), (t.text("compare.regional_median"), { $0.median }), (t.text("compare.regional_q3"), { $0.q3 })] as [(String, (Spread) -> Double?)] {
                var cells = [Cell(text: t.score(pick(m.index)), css: "reg")]
                if hasScopes { cells += [Cell(text: t.score(pick(m.nationalIndex)), css: "reg"), Cell(text: t.score(pick(m.crossBorderIndex)), css: "reg")] }
                cells += m.dimensions.map { Cell(text: t.score(pick($0.spread)), css: "reg") }
                rows.append(HeatRow(rank: "", country: label, period: "", cells: cells, regional: true))
            }
            var indexes = [Self.spreadRow(RegionalItem(id: "index", title: t.text("compare.overall_index"), spread: m.index, absentFrom: []), t)]
            if hasScopes {
                indexes.append(Self.spreadRow(RegionalItem(id: "national", title: t.text("compare.national_sub_index"), spread: m.nationalIndex, absentFrom: []), t))
                indexes.append(Self.spreadRow(RegionalItem(id: "cross-border", title: t.text("compare.cross_border_sub_index"), spread: m.crossBorderIndex, absentFrom: []), t))
            }
            return MaturityBlock(
                id: m.questionnaire, title: m.title, versions: m.versions.joined(separator: ", "),
                versionsLine: t.text("compare.versions_answered", ["versions": m.versions.joined(separator: ", ")]), headers: headers, rows: rows,
                dimensions: m.dimensions.enumerated().map { var row = Self.spreadRow($0.element, t); row.title = t.text("compare.dimension_number", ["n": t.integer($0.offset + 1)]) + " " + row.title; return row },
                indexes: indexes,
                standings: m.standings.map { StandingRow(country: $0.country, text: ComparisonWording.standing($0, t)) },
                weakest: m.weakest.map { Self.spreadRow($0, t) })
        }

        compliance = comparison.compliance.map { c in
            var rows = comparison.countries.compactMap { country -> ComplianceRow? in
                guard let score = country.card.compliance.first(where: { $0.questionnaire == c.questionnaire }) else { return nil }
                return ComplianceRow(country: country.country, rate: t.percent(score.rate),
                                     binding: t.percent(score.binding.rate), bestEndeavour: t.percent(score.bestEndeavour.rate),
                                     coverage: t.percent(score.coverage), regional: false)
            }
            for (label, pick) in [(t.text("compare.regional_q1"), { (s: Spread) in s.q1 }), (t.text("compare.regional_median"), { $0.median }), (t.text("compare.regional_q3"), { $0.q3 })] as [(String, (Spread) -> Double?)] {
                rows.append(ComplianceRow(country: label, rate: t.percent(pick(c.rate)),
                                          binding: t.percent(pick(c.bindingRate)), bestEndeavour: t.percent(pick(c.bestEndeavourRate)),
                                          coverage: "", regional: true))
            }
            return ComplianceBlock(id: c.questionnaire, title: c.title, versions: c.versions.joined(separator: ", "),
                                   versionsLine: t.text("compare.versions_answered", ["versions": c.versions.joined(separator: ", ")]), rows: rows,
                                   sections: c.sections.map { Self.spreadRow($0, percent: true, t) })
        }

        crossings = comparison.crossings.map { crossing in
            let tables = crossing.maturity.map { m -> CrossingTable in
                let rows = m.indicators.map { i -> CrossingRow in
                    CrossingRow(id: i.id, title: i.title, scope: i.scope.map { t.text($0.rawValue == "national" ? "compare.scope_national" : "compare.scope_cross_border") }, sides: i.sides.map { side in
                        guard let side else { return SideCell(score: Cell(text: t.text("compare.side_absent"), css: "lv0"), views: "", divergent: false) }
                        let score: String
                        switch side.status {
                        case .answered: score = t.score(side.score)
                        case .notApplicable: score = t.text("compare.side_na")
                        case .unanswered: score = NumberFormatting.missing
                        }
                        let views = side.divergent
                            ? t.text("compare.agencies_differ", ["views": side.responses.filter { $0.numeric != nil }.map { "\($0.agency ?? t.text("compare.group")) \($0.value)" }.joined(separator: ", ")])
                            : ""
                        return SideCell(score: Cell(text: score, css: Self.levelClass(side.score)), views: views, divergent: side.divergent)
                    }, gap: t.score(i.gap), flagged: i.flagged)
                }
                let indexes = crossing.sides.map { side in
                    "\(side.crossingPoint) \(t.score(side.card.maturity.first { $0.questionnaire == m.questionnaire }?.index))"
                }.joined(separator: ", ")
                let flagged = m.flagged
                let flaggedText = flagged.isEmpty
                    ? t.text("compare.no_flagged")
                    : t.counted(flagged.count, "compare.flagged", ["list": ComparisonWording.list(flagged.map(\.title), t)])
                let versions = zip(crossing.sides, m.versions).map { "\($0.crossingPoint) \($1)" }.joined(separator: ", ")
                let rule = ComparisonWording.flagRule(m, t)
                return CrossingTable(questionnaire: m.questionnaire, title: m.title, versions: versions,
                                     indexes: indexes, rule: rule, rows: rows, flaggedText: flaggedText,
                                     crossingLine: t.text("compare.crossing_line", ["indexes": indexes, "versions": versions, "rule": rule, "flagged": flaggedText]))
            }
            return CrossingBlock(title: ComparisonWording.crossingTitle(crossing),
                                 sides: crossing.sides.map { SideHeader(name: $0.crossingPoint, country: $0.country, file: $0.file, period: $0.period) },
                                 tables: tables,
                                 oneSide: crossing.answeredByOneSide.isEmpty ? nil : t.text("compare.one_side", ["list": crossing.answeredByOneSide.joined(separator: ", ")]))
        }
        notComparable = comparison.caveats.map { ComparisonWording.caveat($0, t) }
            + comparison.leftOut.map { t.text("compare.left_out", ["file": $0.file, "country": $0.country, "period": $0.period, "reason": ComparisonWording.leftOut($0, t)]) }
        summaryParagraphs = Self.summary(comparison, t)
    }

    static func summary(_ comparison: RegionalComparison, _ t: StringTable = .english) -> [String] {
        var paragraphs: [String] = []
        for m in comparison.maturity {
            let ranked = comparison.countries.filter { $0.ranks[m.questionnaire] != nil }
                .sorted { $0.ranks[m.questionnaire]! < $1.ranks[m.questionnaire]! }
            guard !ranked.isEmpty else { continue }
            func index(_ c: ComparedCountry) -> String { t.score(c.card.maturity.first { $0.questionnaire == m.questionnaire }?.index) }
            let top = ranked.filter { $0.ranks[m.questionnaire] == 1 }
            var text = t.text("compare.summary_index", ["title": m.title, "median": t.score(m.index.median), "q1": t.score(m.index.q1), "q3": t.score(m.index.q3)])
            text += " " + t.counted(top.count, "compare.ranks_first", ["list": ComparisonWording.list(top.map { "\($0.country) (\(index($0)))" }, t)])
            if ranked.count > 1, let last = ranked.last, last.ranks[m.questionnaire] != 1 {
                text += t.text("compare.ranks_last", ["country": last.country, "index": index(last)])
            }
            text += "."
            let byMedian = m.dimensions.filter { $0.spread.median != nil }.sorted { $0.spread.median! < $1.spread.median! }
            if let weakest = byMedian.first, let strongest = byMedian.last, byMedian.count > 1 {
                text += t.text("compare.strongest_weakest", ["strongest": strongest.title, "strongest_median": t.score(strongest.spread.median),
                                                             "weakest": weakest.title, "weakest_median": t.score(weakest.spread.median)])
            }
            if let first = m.weakest.first {
                text += t.text("compare.weakest_indicator", ["title": first.title, "median": t.score(first.spread.median)])
            }
            paragraphs.append(text)
        }
        for c in comparison.compliance {
            paragraphs.append(t.text("compare.summary_compliance", ["title": c.title, "median": t.percent(c.rate.median),
                                                                   "countries": t.counted(c.rate.count, "compare.countries"),
                                                                   "min": t.percent(c.rate.min), "max": t.percent(c.rate.max)]))
        }
        for crossing in comparison.crossings {
            let flagged = crossing.maturity.flatMap(\.flagged)
            let values = ["crossing": ComparisonWording.crossingTitle(crossing), "gap": ComparisonWording.flagGap]
            paragraphs.append(flagged.isEmpty
                ? t.text("compare.summary_crossing_none", values)
                : t.counted(flagged.count, "compare.summary_crossing_flagged", values.merging(["list": ComparisonWording.list(flagged.map(\.title), t)]) { a, _ in a }))
        }
        if !comparison.caveats.isEmpty {
            paragraphs.append(t.counted(comparison.caveats.count, "compare.summary_caveats"))
        }
        return paragraphs
    }
}
