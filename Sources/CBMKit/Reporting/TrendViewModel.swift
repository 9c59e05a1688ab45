/// The trend part of the reports, as ready-to-print text: used by the trend report and by the
/// "progress" chapter of a mission report given earlier assessments (`--baseline`).
struct TrendViewModel {
    struct Cell { var text: String }
    struct Row {
        var id: String
        var title: String
        var dimension: String
        var cells: [Cell]
        var change: String
        var target: String
        var progress: String
        var regressed: Bool
        var regressionText: String
    }
    struct SmallChart { var title: String; var svg: String }
    struct MaturityBlock {
        var id: String
        var title: String
        var versions: String
        var index: Row
        var overviewSVG: String
        var smallMultiples: [SmallChart]
        var dimensions: [Row]
        var indicators: [Row]
        var regressions: [Row]
        var missing: [Row]
    }
    struct ComplianceBlock { var id: String; var title: String; var row: Row; var sections: [Row]; var sectionsHeading: String }
    struct ChangeItem { var id: String; var text: String }
    struct ChangeBlock {
        var questionnaire: String
        var fromVersion: String
        var toVersion: String
        var period: String
        var items: [ChangeItem]
        /// "cbm-core: version 2024.1 → 2026.1 (from 2026)"
        var heading: String
    }
    struct AssessmentRow { var period: String; var title: String; var date: String }

    var country: String
    var firstPeriod: String
    var lastPeriod: String
    var periods: [Cell]
    var periodCount: String
    var assessments: [AssessmentRow]
    var summaryParagraphs: [String]
    var maturity: [MaturityBlock]
    var compliance: [ComplianceBlock]
    var complianceSVG: String
    var changes: [ChangeBlock]
    var regressionThreshold: String
    /// "Arventa · 3 assessments, 2024 to 2026"
    var coverLine: String
    /// The progress-to-target note under each dimension table.
    var progressNote: String
}

extension TrendViewModel {
    init(_ trend: TrendSeries, strings t: StringTable = .english) {
        country = trend.country
        firstPeriod = trend.periods.first ?? ""
        lastPeriod = trend.periods.last ?? ""
        periods = trend.periods.map { Cell(text: $0) }
        periodCount = String(trend.periods.count)
        regressionThreshold = t.n(NumberFormatting.amount(-TrendBuilder.regressionAt))
        coverLine = t.counted(trend.periods.count, "trend.cover_line", ["country": trend.country, "first": trend.periods.first ?? "",
                                                                        "last": trend.periods.last ?? ""])
        progressNote = t.text("trend.progress_note", ["threshold": regressionThreshold])
        assessments = trend.assessments.map { AssessmentRow(period: $0.period, title: $0.title, date: $0.date.map(t.date) ?? "") }

        maturity = trend.maturity.map { m in
            let dimensions = m.dimensions.map { Self.row($0, periods: trend.periods, percent: false, t: t) }
            let indicators = m.indicators.map { Self.row($0, periods: trend.periods, percent: false, t: t) }
            let smallMultiples = m.dimensions.map { d in
                SmallChart(title: d.title, svg: SVG.lineChart(
                    lines: [SVG.Line(label: d.title, values: d.series.values)], periods: trend.periods, scale: 1...5, percent: false,
                    target: d.series.target.map(Double.init), width: 330, height: 190,
                    id: "trend-\(m.questionnaire)-\(d.id)", title: t.text("chart.score_by_period", ["title": d.title]), strings: t))
            }
            let overview = SVG.lineChart(
                lines: [SVG.Line(label: t["trend.overall_index"], values: m.index.values)], periods: trend.periods, scale: 1...5, percent: false,
                id: "trend-\(m.questionnaire)-index", title: t.text("chart.index_by_period", ["title": m.title]), strings: t)
            let regressions = (m.dimensions + m.indicators).filter { !$0.series.regressions.isEmpty }
                .map { Self.row($0, periods: trend.periods, percent: false, t: t) }
            // Items that some period's version did not have, or that were not scored in some period.
            let missing = indicators.filter { row in row.cells.contains { $0.text == NumberFormatting.missing } }
            let versions = zip(trend.periods, m.versions).map { "\($0): \($1 ?? t["report.not_answered"])" }.joined(separator: "; ")
            return MaturityBlock(id: m.questionnaire, title: m.title, versions: versions,
                                 index: Self.row(TrendItem(id: "index", title: t["trend.overall_index"], dimension: nil, series: m.index), periods: trend.periods, percent: false, t: t),
                                 overviewSVG: overview, smallMultiples: smallMultiples, dimensions: dimensions, indicators: indicators,
                                 regressions: regressions, missing: missing)
        }
        compliance = trend.compliance.map { c in
            ComplianceBlock(id: c.questionnaire, title: c.title,
                            row: Self.row(TrendItem(id: c.questionnaire, title: c.title, dimension: nil, series: c.rates), periods: trend.periods, percent: true, t: t),
                            sections: c.sections.map { Self.row($0, periods: trend.periods, percent: true, t: t) },
                            sectionsHeading: t.text("trend.by_section", ["title": c.title]))
        }
        complianceSVG = SVG.lineChart(
            lines: trend.compliance.map { SVG.Line(label: $0.questionnaire, values: $0.rates.values) }, periods: trend.periods,
            scale: 0...1, percent: true, id: "trend-compliance", title: t["chart.compliance_by_period"], strings: t)
        changes = trend.changes.map { change in
            let items = change.added.map { ChangeItem(id: $0.id, text: t.text("trend.added", ["title": $0.title])) }
                + change.removed.map { ChangeItem(id: $0.id, text: t.text("trend.removed", ["title": $0.title])) }
                + change.renamed.map { ChangeItem(id: $0.id, text: t.text("trend.renamed", ["old": $0.oldTitle, "new": $0.newTitle])) }
            return ChangeBlock(questionnaire: change.questionnaire, fromVersion: change.fromVersion, toVersion: change.toVersion,
                               period: change.period, items: items,
                               heading: t.text("trend.change_heading", ["questionnaire": change.questionnaire, "from": change.fromVersion,
                                                                        "to": change.toVersion, "period": change.period]))
        }
        summaryParagraphs = Self.summary(trend, t: t)
    }

    static func show(_ value: Double?, percent: Bool, t: StringTable = .english) -> String {
        t.n(NumberFormatting.withMinus(percent ? NumberFormatting.percent(value) : NumberFormatting.score(value)))
    }

    /// The difference between two values as shown, computed from the shown text (so that it
    /// always equals what a reader gets by subtracting them); percentages in points.
    static func change(from old: Double?, to new: Double?, percent: Bool, t: StringTable = .english) -> String {
        guard old != nil, new != nil,
              let text = NumberFormatting.shownChange(from: show(old, percent: percent), to: show(new, percent: percent)) else { return NumberFormatting.missing }
        return percent ? t.text("trend.points", ["n": t.n(text)]) : t.n(text)
    }

    /// The change from the first value shown to the value of the latest period; "—" when the
    /// latest period has none (the item was not answered then) or only one value is shown.
    static func change(_ series: Series, percent: Bool, t: StringTable = .english) -> String {
        guard let last = series.values.last, last != nil, series.values.compactMap({ $0 }).count >= 2 else { return NumberFormatting.missing }
        return change(from: series.first, to: series.latest, percent: percent, t: t)
    }

    static func row(_ item: TrendItem, periods: [String], percent: Bool, t: StringTable = .english) -> Row {
        let series = item.series
        let progress: String
        let latestShown = (series.values.last ?? nil) != nil && series.values.compactMap({ $0 }).count >= 2
        if !latestShown {
            progress = NumberFormatting.missing
        } else if series.targetMetAtBaseline {
            progress = t["trend.target_met_at_start"]
        } else if series.progress != nil, let target = series.target,
                  let first = NumberFormatting.hundredths(show(series.first, percent: false))?.value,
                  let latest = NumberFormatting.hundredths(show(series.latest, percent: false))?.value, Int64(target) * 100 > first {
            // From the values as shown, like the change, so that a reader can check it.
            let value = Double(latest - first) / Double(Int64(target) * 100 - first)
            progress = t.n(NumberFormatting.withMinus(NumberFormatting.percent(value).replacingOccurrences(of: ".0%", with: "%")))
        } else {
            progress = NumberFormatting.missing
        }
        let regressionText = series.regressions.compactMap { period -> String? in
            guard let index = periods.firstIndex(of: period), index > 0, series.deltas[index] != nil else { return nil }
            return t.text("trend.drop_in", ["change": change(from: series.values[index - 1], to: series.values[index], percent: percent, t: t), "period": period])
        }.joined(separator: ", ")
        return Row(id: item.id, title: item.title, dimension: item.dimension ?? "",
                   cells: series.values.map { Cell(text: show($0, percent: percent, t: t)) },
                   change: change(series, percent: percent, t: t), target: series.target.map(String.init) ?? "",
                   progress: progress, regressed: !series.regressions.isEmpty, regressionText: regressionText)
    }

    static func summary(_ trend: TrendSeries, t: StringTable = .english) -> [String] {
        guard trend.periods.count >= 2 else {
            return [t.text("trend.summary.one_period", ["period": trend.periods.first ?? ""])]
        }
        var paragraphs: [String] = []
        let span = ["first_period": trend.periods.first!, "last_period": trend.periods.last!, "country": trend.country]
        for m in trend.maturity {
            let first = show(m.index.first, percent: false, t: t), latest = show(m.index.latest, percent: false, t: t)
            var values = span
            values["title"] = m.title
            values["first"] = first
            values["latest"] = latest
            var text: String
            if first == latest {
                text = t.text("trend.summary.index_same", values)
            } else {
                values["change"] = change(from: m.index.first, to: m.index.latest, percent: false, t: t)
                text = t.text("trend.summary.index_change", values)
            }
            let changes = m.dimensions.map { d in (d, change(d.series, percent: false)) }
            let improved = changes.filter { $0.1.hasPrefix("+") }
                .sorted { (NumberFormatting.hundredths($0.1)?.value ?? 0) > (NumberFormatting.hundredths($1.1)?.value ?? 0) }
            let total = ["total": t.integer(m.dimensions.count)]
            if let best = improved.first {
                let values = total.merging(["title": best.0.title, "change": t.n(best.1)]) { a, _ in a }
                text += " " + (improved.count == 1 ? t.text("trend.summary.one_improved", values) : t.counted(improved.count, "trend.summary.improved", values))
            } else {
                text += " " + t["trend.summary.none_improved"]
            }
            let regressed = m.dimensions.filter { !$0.series.regressions.isEmpty }
            if !regressed.isEmpty {
                text += " " + t.text("trend.summary.regression", ["list": regressed.map { d in
                    t.text("trend.summary.regression_item", ["title": d.title, "periods": d.series.regressions.joined(separator: ", ")])
                }.joined(separator: "; ")])
            }
            let met = m.dimensions.filter { d in
                guard let latest = d.series.latest, let target = d.series.target else { return false }
                return latest >= Double(target)
            }
            switch met.count {
            case 0: text += " " + t["trend.summary.none_met"]
            case m.dimensions.count: text += " " + t.counted(met.count, "trend.summary.all_met")
            case 1: text += " " + t.text("trend.summary.one_met", total.merging(["title": met[0].title]) { a, _ in a })
            default: text += " " + t.counted(met.count, "trend.summary.some_met", total)
            }
            paragraphs.append(text)
        }
        for c in trend.compliance {
            guard let first = c.rates.first, let latest = c.rates.latest else { continue }
            let shownFirst = show(first, percent: true, t: t), shownLatest = show(latest, percent: true, t: t)
            var values = span
            values["title"] = c.title
            values["first"] = shownFirst
            values["latest"] = shownLatest
            if shownFirst == shownLatest {
                paragraphs.append(t.text("trend.summary.rate_same", values))
            } else {
                values["change"] = change(from: first, to: latest, percent: true, t: t)
                paragraphs.append(t.text("trend.summary.rate_change", values))
            }
        }
        for change in trend.changes {
            let parts = [(change.added.count, "trend.summary.items_added"), (change.removed.count, "trend.summary.items_removed"),
                         (change.renamed.count, "trend.summary.items_renamed")]
                .filter { $0.0 > 0 }.map { t.counted($0.0, $0.1) }
            let values = ["questionnaire": change.questionnaire, "from": change.fromVersion, "to": change.toVersion, "period": change.period,
                          "list": parts.joined(separator: ", ")]
            paragraphs.append(t.text(parts.isEmpty ? "trend.summary.version_same_items" : "trend.summary.version_change", values))
        }
        return paragraphs
    }
}
