extension TrendSeries {
    /// The plain-text summary `cbm trend` prints, in the language of `strings`.
    public func terminalSummary(strings t: StringTable = .english) -> String {
        var out: [String] = [t.text("terminal.trend.title", ["country": country, "periods": periods.joined(separator: ", ")]), ""]
        // Changes are computed from the values as printed, so that they always add up.
        func delta(_ series: Series) -> String { TrendViewModel.change(series, percent: false, t: t) }
        func progress(_ series: Series) -> String {
            let progress = TrendViewModel.row(TrendItem(id: "", title: "", dimension: nil, series: series), periods: periods, percent: false, t: t).progress
            return progress == t["trend.target_met_at_start"] ? t["terminal.trend.target_met"] : progress
        }
        for m in maturity {
            out.append("\(m.title) (\(m.questionnaire))")
            out.append("")
            var rows: [[String]] = [[t["trend.overall_index"]] + m.index.values.map { TrendViewModel.show($0, percent: false, t: t) } + [delta(m.index), "", ""]]
            for d in m.dimensions {
                let flag = d.series.regressions.isEmpty ? "" : " ▼"
                rows.append([d.title + flag] + d.series.values.map { TrendViewModel.show($0, percent: false, t: t) }
                            + [delta(d.series), d.series.target.map(String.init) ?? "", progress(d.series)])
            }
            let columns = Array(1...(periods.count + 3))
            out.append(TextTable(header: [t["terminal.trend.dimension"]] + periods + [t["terminal.trend.change"], t["terminal.trend.target"], t["terminal.trend.progress"]],
                                 rows: rows, rightAligned: Set(columns)).render())
            let regressions = m.dimensions.filter { !$0.series.regressions.isEmpty }
            let indicatorRegressions = m.indicators.filter { !$0.series.regressions.isEmpty }
            if !regressions.isEmpty || !indicatorRegressions.isEmpty {
                out.append("")
                out.append(t.text("terminal.trend.regressions", ["threshold": t.n(NumberFormatting.amount(TrendBuilder.regressionAt))]))
                for item in regressions + indicatorRegressions {
                    let drops = item.series.regressions.compactMap { period -> String? in
                        guard let index = periods.firstIndex(of: period), index > 0, item.series.deltas[index] != nil else { return nil }
                        return t.text("trend.drop_in", ["change": TrendViewModel.change(from: item.series.values[index - 1], to: item.series.values[index], percent: false, t: t),
                                                        "period": period])
                    }
                    out.append("  \(item.id): " + drops.joined(separator: ", "))
                }
            }
            out.append("")
        }
        if !compliance.isEmpty {
            out.append(t["terminal.trend.compliance"])
            out.append("")
            let rows = compliance.map { c in
                [c.questionnaire] + c.rates.values.map { TrendViewModel.show($0, percent: true, t: t) }
                    + [t.n(TrendViewModel.change(c.rates, percent: true).replacingOccurrences(of: " points", with: ""))]
            }
            out.append(TextTable(header: [t["terminal.trend.checklist"]] + periods + [t["terminal.trend.change_points"]], rows: rows,
                                 rightAligned: Set(1...(periods.count + 1))).render())
            out.append("")
        }
        for change in changes {
            out.append(t.text("terminal.trend.version_change", ["questionnaire": change.questionnaire, "from": change.fromVersion,
                                                                "to": change.toVersion, "period": change.period]))
            for item in change.added { out.append("  " + t.text("terminal.trend.added", ["id": item.id, "title": item.title])) }
            for item in change.removed { out.append("  " + t.text("terminal.trend.removed", ["id": item.id, "title": item.title])) }
            for item in change.renamed { out.append("  " + t.text("terminal.trend.renamed", ["id": item.id, "old": item.oldTitle, "new": item.newTitle])) }
            if change.added.isEmpty && change.removed.isEmpty && change.renamed.isEmpty { out.append("  " + t["terminal.trend.no_item_changed"]) }
            out.append("")
        }
        return DirectionControls.shown(out.joined(separator: "\n"))
    }
}
