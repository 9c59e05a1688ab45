/// The trend part of the reports, as ready-to-print text: used by the trend report and by the
/// "progress" chapter of a mission report given earlier assessments (`--baseline`).
struct TrendModel {
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
        var hasRegressions: Bool
        var missing: [Row]
        var hasMissing: Bool
    }
    struct ComplianceBlock { var id: String; var title: String; var row: Row; var sections: [Row] }
    struct ChangeItem { var id: String; var text: String }
    struct ChangeBlock {
        var questionnaire: String
        var fromVersion: String
        var toVersion: String
        var period: String
        var items: [ChangeItem]
        var hasItems: Bool
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
    var hasCompliance: Bool
    var complianceSVG: String
    var changes: [ChangeBlock]
    var hasChanges: Bool
    var regressionThreshold: String
}

extension TrendModel {
    init(_ trend: TrendReport) {
        country = trend.country
        firstPeriod = trend.periods.first ?? ""
        lastPeriod = trend.periods.last ?? ""
        periods = trend.periods.map { Cell(text: $0) }
        periodCount = String(trend.periods.count)
        regressionThreshold = Format.amount(-Trend.regressionAt)
        assessments = trend.assessments.map { AssessmentRow(period: $0.period, title: $0.title, date: $0.date ?? "") }

        maturity = trend.maturity.map { m in
            let dimensions = m.dimensions.map { Self.row($0, periods: trend.periods, percent: false) }
            let indicators = m.indicators.map { Self.row($0, periods: trend.periods, percent: false) }
            let smallMultiples = m.dimensions.map { d in
                SmallChart(title: d.title, svg: SVG.lineChart(
                    lines: [SVG.Line(label: d.title, values: d.series.values)], periods: trend.periods, scale: 1...5, percent: false,
                    target: d.series.target.map(Double.init), width: 330, height: 190,
                    id: "trend-\(m.questionnaire)-\(d.id)", title: "\(d.title): score by period"))
            }
            let overview = SVG.lineChart(
                lines: [SVG.Line(label: "Overall index", values: m.index.values)], periods: trend.periods, scale: 1...5, percent: false,
                id: "trend-\(m.questionnaire)-index", title: "\(m.title): overall index by period")
            let regressions = (m.dimensions + m.indicators).filter { !$0.series.regressions.isEmpty }
                .map { Self.row($0, periods: trend.periods, percent: false) }
            // Items that some period's version did not have, or that were not scored in some period.
            let missing = indicators.filter { row in row.cells.contains { $0.text == Format.missing } }
            let versions = zip(trend.periods, m.versions).map { "\($0): \($1 ?? "not answered")" }.joined(separator: "; ")
            return MaturityBlock(id: m.questionnaire, title: m.title, versions: versions,
                                 index: Self.row(TrendItem(id: "index", title: "Overall index", dimension: nil, series: m.index), periods: trend.periods, percent: false),
                                 overviewSVG: overview, smallMultiples: smallMultiples, dimensions: dimensions, indicators: indicators,
                                 regressions: regressions, hasRegressions: !regressions.isEmpty, missing: missing, hasMissing: !missing.isEmpty)
        }
        compliance = trend.compliance.map { c in
            ComplianceBlock(id: c.questionnaire, title: c.title,
                            row: Self.row(TrendItem(id: c.questionnaire, title: c.title, dimension: nil, series: c.rates), periods: trend.periods, percent: true),
                            sections: c.sections.map { Self.row($0, periods: trend.periods, percent: true) })
        }
        hasCompliance = !compliance.isEmpty
        complianceSVG = SVG.lineChart(
            lines: trend.compliance.map { SVG.Line(label: $0.questionnaire, values: $0.rates.values) }, periods: trend.periods,
            scale: 0...1, percent: true, id: "trend-compliance", title: "Compliance rate of each convention checklist by period")
        changes = trend.changes.map { change in
            let items = change.added.map { ChangeItem(id: $0.id, text: "added: \($0.title)") }
                + change.removed.map { ChangeItem(id: $0.id, text: "removed: \($0.title)") }
                + change.renamed.map { ChangeItem(id: $0.id, text: "renamed from “\($0.oldTitle)” to “\($0.newTitle)”") }
            return ChangeBlock(questionnaire: change.questionnaire, fromVersion: change.fromVersion, toVersion: change.toVersion,
                               period: change.period, items: items, hasItems: !items.isEmpty)
        }
        hasChanges = !changes.isEmpty
        summaryParagraphs = Self.summary(trend)
    }

    static func show(_ value: Double?, percent: Bool) -> String {
        Format.withMinus(percent ? Format.percent(value) : Format.score(value))
    }

    /// The difference between two values as shown, computed from the shown text (so that it
    /// always equals what a reader gets by subtracting them); percentages in points.
    static func change(from old: Double?, to new: Double?, percent: Bool) -> String {
        guard old != nil, new != nil,
              let text = Format.shownChange(from: show(old, percent: percent), to: show(new, percent: percent)) else { return Format.missing }
        return percent ? text + " points" : text
    }

    /// The change from the first value shown to the value of the latest period; "—" when the
    /// latest period has none (the item was not answered then) or only one value is shown.
    static func change(_ series: Series, percent: Bool) -> String {
        guard let last = series.values.last, last != nil, series.values.compactMap({ $0 }).count >= 2 else { return Format.missing }
        return change(from: series.first, to: series.latest, percent: percent)
    }

    static func row(_ item: TrendItem, periods: [String], percent: Bool) -> Row {
        let series = item.series
        let progress: String
        let latestShown = (series.values.last ?? nil) != nil && series.values.compactMap({ $0 }).count >= 2
        if !latestShown {
            progress = Format.missing
        } else if series.targetMetAtBaseline {
            progress = "target met at start"
        } else if series.progress != nil, let target = series.target,
                  let first = Format.hundredths(show(series.first, percent: false))?.value,
                  let latest = Format.hundredths(show(series.latest, percent: false))?.value, Int64(target) * 100 > first {
            // From the values as shown, like the change, so that a reader can check it.
            let value = Double(latest - first) / Double(Int64(target) * 100 - first)
            progress = Format.withMinus(Format.percent(value).replacingOccurrences(of: ".0%", with: "%"))
        } else {
            progress = Format.missing
        }
        let regressionText = series.regressions.compactMap { period -> String? in
            guard let index = periods.firstIndex(of: period), index > 0, series.deltas[index] != nil else { return nil }
            return "\(change(from: series.values[index - 1], to: series.values[index], percent: percent)) in \(period)"
        }.joined(separator: ", ")
        return Row(id: item.id, title: item.title, dimension: item.dimension ?? "",
                   cells: series.values.map { Cell(text: show($0, percent: percent)) },
                   change: change(series, percent: percent), target: series.target.map(String.init) ?? "",
                   progress: progress, regressed: !series.regressions.isEmpty, regressionText: regressionText)
    }

    static func summary(_ trend: TrendReport) -> [String] {
        guard trend.periods.count >= 2 else {
            return ["Only one assessment (\(trend.periods.first ?? "")) was given, so there is no change to report yet. Give the files of earlier years too to see progress."]
        }
        var paragraphs: [String] = []
        let span = "\(trend.periods.first!) to \(trend.periods.last!)"
        for m in trend.maturity {
            let first = show(m.index.first, percent: false), latest = show(m.index.latest, percent: false)
            var text: String
            if first == latest {
                text = "From \(span), the \(m.title) index of \(trend.country) stayed at \(latest)."
            } else {
                text = "From \(span), the \(m.title) index of \(trend.country) went from \(first) to \(latest)"
                    + " (\(change(from: m.index.first, to: m.index.latest, percent: false)))."
            }
            let changes = m.dimensions.map { d in (d, change(d.series, percent: false)) }
            let improved = changes.filter { $0.1.hasPrefix("+") }
                .sorted { (Format.hundredths($0.1)?.value ?? 0) > (Format.hundredths($1.1)?.value ?? 0) }
            if let best = improved.first {
                text += " \(improved.count) of \(m.dimensions.count) dimensions improved"
                    + (improved.count == 1 ? ": \(best.0.title) (\(best.1))." : ", most of all \(best.0.title) (\(best.1)).")
            } else {
                text += " No dimension improved."
            }
            let regressed = m.dimensions.filter { !$0.series.regressions.isEmpty }
            if !regressed.isEmpty {
                text += " Regression (a drop of 0.5 or more in one period): " + regressed.map { d in
                    "\(d.title) in \(d.series.regressions.joined(separator: ", "))"
                }.joined(separator: "; ") + "."
            }
            let met = m.dimensions.filter { d in
                guard let latest = d.series.latest, let target = d.series.target else { return false }
                return latest >= Double(target)
            }
            switch met.count {
            case 0: text += " No dimension has reached its target yet."
            case m.dimensions.count: text += " All \(m.dimensions.count) dimensions have reached their targets."
            case 1: text += " 1 of \(m.dimensions.count) dimensions has reached its target: \(met[0].title)."
            default: text += " \(met.count) of \(m.dimensions.count) dimensions have reached their targets."
            }
            paragraphs.append(text)
        }
        for c in trend.compliance {
            guard let first = c.rates.first, let latest = c.rates.latest else { continue }
            let shownFirst = show(first, percent: true), shownLatest = show(latest, percent: true)
            if shownFirst == shownLatest {
                paragraphs.append("\(c.title): compliance rate unchanged at \(shownLatest) from \(trend.periods.first!) to \(trend.periods.last!).")
            } else {
                paragraphs.append("\(c.title): compliance rate \(shownFirst) in \(trend.periods.first!) and \(shownLatest) in \(trend.periods.last!) (\(change(from: first, to: latest, percent: true))).")
            }
        }
        for change in trend.changes {
            let parts = [(change.added.count, "added"), (change.removed.count, "removed"), (change.renamed.count, "renamed")]
                .filter { $0.0 > 0 }.map { "\(counted($0.0, "item")) \($0.1)" }
            paragraphs.append("The questionnaire \(change.questionnaire) changed from version \(change.fromVersion) to \(change.toVersion) in \(change.period)"
                + (parts.isEmpty ? " without adding, removing or renaming any item." : ": " + parts.joined(separator: ", ") + ".")
                + " Items are compared by their id; items missing in a period are shown as “—”.")
        }
        return paragraphs
    }
}
