extension TrendSeries {
    /// The plain-text summary `cbm trend` prints.
    public func terminalSummary() -> String {
        var out: [String] = ["Trend for \(country): " + periods.joined(separator: ", "), ""]
        // Changes are computed from the values as printed, so that they always add up.
        func delta(_ series: Series) -> String { TrendViewModel.change(series, percent: false) }
        func progress(_ series: Series) -> String {
            let progress = TrendViewModel.row(TrendItem(id: "", title: "", dimension: nil, series: series), periods: periods, percent: false).progress
            return progress == "target met at start" ? "target met" : progress
        }
        for m in maturity {
            out.append("\(m.title) (\(m.questionnaire))")
            out.append("")
            var rows: [[String]] = [["Overall index"] + m.index.values.map { TrendViewModel.show($0, percent: false) } + [delta(m.index), "", ""]]
            for d in m.dimensions {
                let flag = d.series.regressions.isEmpty ? "" : " ▼"
                rows.append([d.title + flag] + d.series.values.map { TrendViewModel.show($0, percent: false) }
                            + [delta(d.series), d.series.target.map(String.init) ?? "", progress(d.series)])
            }
            let columns = Array(1...(periods.count + 3))
            out.append(TextTable(header: ["DIMENSION"] + periods + ["CHANGE", "TARGET", "PROGRESS"], rows: rows,
                                 rightAligned: Set(columns)).render())
            let regressions = m.dimensions.filter { !$0.series.regressions.isEmpty }
            let indicatorRegressions = m.indicators.filter { !$0.series.regressions.isEmpty }
            if !regressions.isEmpty || !indicatorRegressions.isEmpty {
                out.append("")
                out.append("▼ Regressions (a drop of 0.5 or more from one period to the next):")
                for item in regressions + indicatorRegressions {
                    let drops = item.series.regressions.compactMap { period -> String? in
                        guard let index = periods.firstIndex(of: period), index > 0, item.series.deltas[index] != nil else { return nil }
                        return "\(TrendViewModel.change(from: item.series.values[index - 1], to: item.series.values[index], percent: false)) in \(period)"
                    }
                    out.append("  \(item.id): " + drops.joined(separator: ", "))
                }
            }
            out.append("")
        }
        if !compliance.isEmpty {
            out.append("Convention compliance rates")
            out.append("")
            let rows = compliance.map { c in
                [c.questionnaire] + c.rates.values.map { TrendViewModel.show($0, percent: true) }
                    + [TrendViewModel.change(c.rates, percent: true).replacingOccurrences(of: " points", with: "")]
            }
            out.append(TextTable(header: ["CHECKLIST"] + periods + ["CHANGE (points)"], rows: rows,
                                 rightAligned: Set(1...(periods.count + 1))).render())
            out.append("")
        }
        for change in changes {
            out.append("\(change.questionnaire) changed from version \(change.fromVersion) to \(change.toVersion) in \(change.period):")
            for item in change.added { out.append("  added:   \(item.id) — \(item.title)") }
            for item in change.removed { out.append("  removed: \(item.id) — \(item.title)") }
            for item in change.renamed { out.append("  renamed: \(item.id) — “\(item.oldTitle)” → “\(item.newTitle)”") }
            if change.added.isEmpty && change.removed.isEmpty && change.renamed.isEmpty { out.append("  (no item added, removed or renamed)") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
