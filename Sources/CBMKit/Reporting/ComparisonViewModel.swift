/// Everything the comparison report shows, as ready-to-print text, for the HTML and the
/// Markdown template alike. Numbers come from the `RegionalComparison` (formatted here, never
/// computed). Fields are plain, unescaped text: each template escapes for its own format.
struct ComparisonViewModel {
    struct Cell { var text: String; var css: String }
    struct Header { var text: String; var number: String? }
    struct HeatRow { var rank: String; var country: String; var period: String; var cells: [Cell]; var regional: Bool }
    struct SpreadRow { var title: String; var id: String; var count: String; var min: String; var q1: String; var median: String; var q3: String; var max: String; var note: String? }
    struct StandingRow { var country: String; var text: String }
    struct MaturityBlock {
        var id: String
        var title: String
        var versions: String
        var headers: [Header]
        var rows: [HeatRow]
        var dimensions: [SpreadRow]
        var indexes: [SpreadRow]
        var standings: [StandingRow]
        var weakest: [SpreadRow]
        var hasWeakest: Bool
    }
    struct ComplianceRow { var country: String; var rate: Cell; var binding: String; var bestEndeavour: String; var coverage: String; var regional: Bool }
    struct ComplianceBlock { var id: String; var title: String; var versions: String; var rows: [ComplianceRow]; var sections: [SpreadRow] }
    struct SideCell { var score: String; var css: String; var views: String; var divergent: Bool }
    struct CrossingRow { var id: String; var title: String; var scope: String?; var sides: [SideCell]; var gap: String; var flagged: Bool }
    struct CrossingTable { var questionnaire: String; var title: String; var versions: String; var indexes: String; var rule: String; var rows: [CrossingRow]; var flaggedText: String }
    struct SideHeader { var name: String; var country: String; var file: String; var period: String }
    struct CrossingBlock { var title: String; var sides: [SideHeader]; var tables: [CrossingTable]; var oneSide: String? }
    struct AssessmentRow { var country: String; var period: String; var title: String; var file: String }

    var title: String
    var generator: String
    var pageHeaderCSS: String
    var subtitle: String
    var assessments: [AssessmentRow]
    var assessmentCount: String
    var summaryParagraphs: [String]
    var maturity: [MaturityBlock]
    var compliance: [ComplianceBlock]
    var hasCompliance: Bool
    var crossings: [CrossingBlock]
    var hasCrossings: Bool
    var caveats: [String]
    var leftOut: [String]
    var hasCaveats: Bool
    var flagGap: String
}

extension ComparisonViewModel {
    static func levelClass(_ score: Double?) -> String { score.map { "lv\(Scorer.level($0))" } ?? "lv0" }

    static func spreadRow(_ item: RegionalItem, percent: Bool = false) -> SpreadRow {
        func show(_ value: Double?) -> String { percent ? Format.percent(value) : Format.score(value) }
        let s = item.spread
        let note = item.absentFrom.isEmpty ? nil : "not in the version answered by " + ComparisonWording.list(item.absentFrom)
        return SpreadRow(title: item.title, id: item.id, count: String(s.count), min: show(s.min), q1: show(s.q1),
                         median: show(s.median), q3: show(s.q3), max: show(s.max), note: note)
    }

    init(_ comparison: RegionalComparison, title: String, generator: String, pageHeaderCSS: String) {
        self.title = title
        self.generator = generator
        self.pageHeaderCSS = pageHeaderCSS
        flagGap = Format.score(CrossingComparison.flagGap).replacingOccurrences(of: ".0", with: "")
        let periods = Set(comparison.countries.map(\.period) + comparison.crossings.flatMap { $0.sides.map(\.period) }).sorted(by: PeriodOrder.precedes)
        var parts: [String] = []
        if !comparison.countries.isEmpty { parts.append("\(comparison.countries.count) \(comparison.countries.count == 1 ? "country" : "countries")") }
        if !comparison.crossings.isEmpty { parts.append("\(comparison.crossings.count) \(comparison.crossings.count == 1 ? "crossing point" : "crossing points") seen from both sides") }
        subtitle = parts.joined(separator: " · ") + " · " + periods.joined(separator: ", ")
        assessments = comparison.countries.map { AssessmentRow(country: $0.country, period: $0.period, title: $0.card.assessment.title, file: $0.file) }
            + comparison.crossings.flatMap { c in c.sides.map { AssessmentRow(country: "\($0.crossingPoint) (\($0.country))", period: $0.period, title: $0.card.assessment.title, file: $0.file) } }

        assessmentCount = "\(assessments.count) \(assessments.count == 1 ? "assessment" : "assessments")"

        maturity = comparison.maturity.map { m in
            let scored = comparison.countries.compactMap { c in c.card.maturity.first { $0.questionnaire == m.questionnaire }.map { (c, $0) } }
            let hasScopes = scored.contains { $0.1.nationalIndex != nil }
            var headers = [Header(text: "Index", number: nil)]
            if hasScopes { headers += [Header(text: "National", number: nil), Header(text: "Cross-border", number: nil)] }
            headers += m.dimensions.enumerated().map { Header(text: $0.element.title, number: "D\($0.offset + 1)") }
            let standings = Dictionary(m.standings.map { ($0.country, $0) }, uniquingKeysWith: { a, _ in a })
            var rows = scored.map { country, score -> HeatRow in
                let byID = Dictionary(score.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                var cells = [Cell(text: Format.score(score.index), css: Self.levelClass(score.index) + " idx")]
                if hasScopes {
                    cells += [Cell(text: Format.score(score.nationalIndex), css: Self.levelClass(score.nationalIndex)),
                              Cell(text: Format.score(score.crossBorderIndex), css: Self.levelClass(score.crossBorderIndex))]
                }
                cells += m.dimensions.map { d in
                    guard let dimension = byID[d.id] else { return Cell(text: "n/v", css: "lv0") }
                    let mark: String
                    switch standings[country.country]?.positions[d.id] {
                    case .topQuarter?: mark = " ▲"
                    case .bottomQuarter?: mark = " ▼"
                    default: mark = ""
                    }
                    return Cell(text: Format.score(dimension.score) + (dimension.provisional ? "*" : "") + mark, css: Self.levelClass(dimension.score))
                }
                return HeatRow(rank: country.ranks[m.questionnaire].map(String.init) ?? Format.missing, country: country.country,
                               period: country.period, cells: cells, regional: false)
            }
            for (label, pick) in [("Regional first quartile", { (s: Spread) in s.q1 }), ("Regional median", { $0.median }), ("Regional third quartile", { $0.q3 })] as [(String, (Spread) -> Double?)] {
                var cells = [Cell(text: Format.score(pick(m.index)), css: "reg")]
                if hasScopes { cells += [Cell(text: Format.score(pick(m.nationalIndex)), css: "reg"), Cell(text: Format.score(pick(m.crossBorderIndex)), css: "reg")] }
                cells += m.dimensions.map { Cell(text: Format.score(pick($0.spread)), css: "reg") }
                rows.append(HeatRow(rank: "", country: label, period: "", cells: cells, regional: true))
            }
            var indexes = [Self.spreadRow(RegionalItem(id: "index", title: "Overall index", spread: m.index, absentFrom: []))]
            if hasScopes {
                indexes.append(Self.spreadRow(RegionalItem(id: "national", title: "National sub-index", spread: m.nationalIndex, absentFrom: [])))
                indexes.append(Self.spreadRow(RegionalItem(id: "cross-border", title: "Cross-border sub-index", spread: m.crossBorderIndex, absentFrom: [])))
            }
            return MaturityBlock(
                id: m.questionnaire, title: m.title, versions: m.versions.joined(separator: ", "), headers: headers, rows: rows,
                dimensions: m.dimensions.enumerated().map { var row = Self.spreadRow($0.element); row.title = "D\($0.offset + 1) " + row.title; return row },
                indexes: indexes,
                standings: m.standings.map { StandingRow(country: $0.country, text: ComparisonWording.standing($0)) },
                weakest: m.weakest.map { Self.spreadRow($0) }, hasWeakest: !m.weakest.isEmpty)
        }

        compliance = comparison.compliance.map { c in
            var rows = comparison.countries.compactMap { country -> ComplianceRow? in
                guard let score = country.card.compliance.first(where: { $0.questionnaire == c.questionnaire }) else { return nil }
                return ComplianceRow(country: country.country, rate: Cell(text: Format.percent(score.rate), css: ""),
                                     binding: Format.percent(score.binding.rate), bestEndeavour: Format.percent(score.bestEndeavour.rate),
                                     coverage: Format.percent(score.coverage), regional: false)
            }
            for (label, pick) in [("Regional first quartile", { (s: Spread) in s.q1 }), ("Regional median", { $0.median }), ("Regional third quartile", { $0.q3 })] as [(String, (Spread) -> Double?)] {
                rows.append(ComplianceRow(country: label, rate: Cell(text: Format.percent(pick(c.rate)), css: "reg"),
                                          binding: Format.percent(pick(c.bindingRate)), bestEndeavour: Format.percent(pick(c.bestEndeavourRate)),
                                          coverage: "", regional: true))
            }
            return ComplianceBlock(id: c.questionnaire, title: c.title, versions: c.versions.joined(separator: ", "), rows: rows,
                                   sections: c.sections.map { Self.spreadRow($0, percent: true) })
        }
        hasCompliance = !compliance.isEmpty

        crossings = comparison.crossings.map { crossing in
            let tables = crossing.maturity.map { m -> CrossingTable in
                let rows = m.indicators.map { i -> CrossingRow in
                    CrossingRow(id: i.id, title: i.title, scope: i.scope?.rawValue, sides: i.sides.map { side in
                        guard let side else { return SideCell(score: "not in this version", css: "lv0", views: "", divergent: false) }
                        let score: String
                        switch side.status {
                        case .answered: score = Format.score(side.score)
                        case .notApplicable: score = "na"
                        case .unanswered: score = Format.missing
                        }
                        let views = side.divergent
                            ? "agencies differ: " + side.responses.filter { $0.numeric != nil }.map { "\($0.agency ?? "group") \($0.value)" }.joined(separator: ", ")
                            : ""
                        return SideCell(score: score, css: Self.levelClass(side.score), views: views, divergent: side.divergent)
                    }, gap: Format.score(i.gap), flagged: i.flagged)
                }
                let indexes = crossing.sides.map { side in
                    "\(side.crossingPoint) \(Format.score(side.card.maturity.first { $0.questionnaire == m.questionnaire }?.index))"
                }.joined(separator: ", ")
                let flagged = m.flagged
                let flaggedText = flagged.isEmpty
                    ? "No indicator is flagged."
                    : "\(flagged.count) \(flagged.count == 1 ? "indicator is" : "indicators are") flagged: " + ComparisonWording.list(flagged.map(\.title)) + "."
                return CrossingTable(questionnaire: m.questionnaire, title: m.title,
                                     versions: zip(crossing.sides, m.versions).map { "\($0.crossingPoint) \($1)" }.joined(separator: ", "),
                                     indexes: indexes, rule: ComparisonWording.flagRule(m), rows: rows, flaggedText: flaggedText)
            }
            return CrossingBlock(title: ComparisonWording.crossingTitle(crossing),
                                 sides: crossing.sides.map { SideHeader(name: $0.crossingPoint, country: $0.country, file: $0.file, period: $0.period) },
                                 tables: tables,
                                 oneSide: crossing.answeredByOneSide.isEmpty ? nil : "Answered by one side only: " + crossing.answeredByOneSide.joined(separator: ", ") + ".")
        }
        hasCrossings = !crossings.isEmpty
        caveats = comparison.caveats.map(ComparisonWording.caveat)
        leftOut = comparison.leftOut.map { "\($0.file) (\($0.country), \($0.period)) is left out: \(ComparisonWording.leftOut($0))." }
        hasCaveats = !caveats.isEmpty || !leftOut.isEmpty
        summaryParagraphs = Self.summary(comparison)
    }

    static func summary(_ comparison: RegionalComparison) -> [String] {
        var paragraphs: [String] = []
        for m in comparison.maturity {
            let ranked = comparison.countries.filter { $0.ranks[m.questionnaire] != nil }
                .sorted { $0.ranks[m.questionnaire]! < $1.ranks[m.questionnaire]! }
            guard !ranked.isEmpty else { continue }
            func index(_ c: ComparedCountry) -> String { Format.score(c.card.maturity.first { $0.questionnaire == m.questionnaire }?.index) }
            let top = ranked.filter { $0.ranks[m.questionnaire] == 1 }
            var text = "\(m.title): the regional median index is \(Format.score(m.index.median)) (first quartile \(Format.score(m.index.q1)), third quartile \(Format.score(m.index.q3)))."
            text += " " + ComparisonWording.list(top.map { "\($0.country) (\(index($0)))" }) + (top.count == 1 ? " ranks first" : " share the first rank")
            if ranked.count > 1, let last = ranked.last, last.ranks[m.questionnaire] != 1 { text += "; \(last.country) (\(index(last))) ranks last" }
            text += "."
            let byMedian = m.dimensions.filter { $0.spread.median != nil }.sorted { $0.spread.median! < $1.spread.median! }
            if let weakest = byMedian.first, let strongest = byMedian.last, byMedian.count > 1 {
                text += " Across the region, \(strongest.title) is the strongest dimension (median \(Format.score(strongest.spread.median))) and \(weakest.title) the weakest (median \(Format.score(weakest.spread.median)))."
            }
            if let first = m.weakest.first {
                text += " The indicator where the region is weakest is \(first.title) (median \(Format.score(first.spread.median)))."
            }
            paragraphs.append(text)
        }
        for c in comparison.compliance {
            paragraphs.append("\(c.title): regional median compliance rate \(Format.percent(c.rate.median)) (\(c.rate.count) \(c.rate.count == 1 ? "country" : "countries")), from \(Format.percent(c.rate.min)) to \(Format.percent(c.rate.max)).")
        }
        for crossing in comparison.crossings {
            let flagged = crossing.maturity.flatMap(\.flagged)
            paragraphs.append("Crossing point \(ComparisonWording.crossingTitle(crossing)): " + (flagged.isEmpty
                ? "no indicator is scored \(Format.score(CrossingComparison.flagGap).replacingOccurrences(of: ".0", with: "")) or more levels apart by the two sides."
                : "the two sides score \(flagged.count) \(flagged.count == 1 ? "indicator" : "indicators") \(Format.score(CrossingComparison.flagGap).replacingOccurrences(of: ".0", with: "")) or more levels apart: " + ComparisonWording.list(flagged.map(\.title)) + "."))
        }
        if !comparison.caveats.isEmpty {
            paragraphs.append("Read the figures with the \(comparison.caveats.count) \(comparison.caveats.count == 1 ? "reservation" : "reservations") listed under “What is not comparable”.")
        }
        return paragraphs
    }
}
