extension Series {
    func json(values name: String) -> [(String, JSONValue)] {
        [(name, .array(values.map { .number($0) })),
         ("deltas", .array(deltas.map { .number($0) })),
         ("regressions", .array(regressions.map { .string($0) }))]
    }

    var targetJSON: [(String, JSONValue)] {
        [("target", .number(target)), ("progress", .number(progress)), ("target_met_at_baseline", .bool(targetMetAtBaseline))]
    }
}

extension TrendReport {
    /// The stable JSON interface of `cbm trend --format json` (docs/json-output.md).
    public var json: JSONValue {
        .object([
            ("format", .string("cbm-trend")),
            ("format_version", .int(1)),
            ("country", .string(country)),
            ("periods", .array(periods.map { .string($0) })),
            ("assessments", .array(assessments.map { a in
                .object([("period", .string(a.period)), ("title", .string(a.title)), ("date", .text(a.date))])
            })),
            ("maturity", .array(maturity.map { m in
                .object([
                    ("questionnaire", .string(m.questionnaire)),
                    ("title", .string(m.title)),
                    ("versions", .array(m.versions.map { .text($0) })),
                    ("index", .array(m.index.values.map { .number($0) })),
                    ("index_deltas", .array(m.index.deltas.map { .number($0) })),
                    ("index_regressions", .array(m.index.regressions.map { .string($0) })),
                    ("dimensions", .array(m.dimensions.map { d in
                        .object([("id", .string(d.id)), ("title", .string(d.title))] + d.series.json(values: "scores") + d.series.targetJSON)
                    })),
                    ("indicators", .array(m.indicators.map { i in
                        .object([("id", .string(i.id)), ("title", .string(i.title)), ("dimension", .text(i.dimension))]
                                + i.series.json(values: "scores") + i.series.targetJSON)
                    })),
                ])
            })),
            ("compliance", .array(compliance.map { c in
                .object([
                    ("questionnaire", .string(c.questionnaire)),
                    ("title", .string(c.title)),
                    ("versions", .array(c.versions.map { .text($0) })),
                    ("rates", .array(c.rates.values.map { .number($0) })),
                    ("deltas", .array(c.rates.deltas.map { .number($0) })),
                    ("binding_rates", .array(c.bindingRates.values.map { .number($0) })),
                    ("best_endeavour_rates", .array(c.bestEndeavourRates.values.map { .number($0) })),
                    ("sections", .array(c.sections.map { s in
                        .object([("id", .string(s.id)), ("title", .string(s.title)),
                                 ("rates", .array(s.series.values.map { .number($0) })),
                                 ("deltas", .array(s.series.deltas.map { .number($0) }))])
                    })),
                ])
            })),
            ("changes", .array(changes.map { change in
                .object([
                    ("questionnaire", .string(change.questionnaire)),
                    ("from_version", .string(change.fromVersion)),
                    ("to_version", .string(change.toVersion)),
                    ("period", .string(change.period)),
                    ("added", .array(change.added.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
                    ("removed", .array(change.removed.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
                    ("renamed", .array(change.renamed.map {
                        .object([("id", .string($0.id)), ("old_title", .string($0.oldTitle)), ("new_title", .string($0.newTitle))])
                    })),
                ])
            })),
        ])
    }

    /// The plain-text summary `cbm trend` prints, in the language of `strings`.
    public func terminalSummary(strings t: StringTable = .english) -> String {
        var out: [String] = [t.text("terminal.trend.title", ["country": country, "periods": periods.joined(separator: ", ")]), ""]
        // Changes are computed from the values as printed, so that they always add up.
        func delta(_ series: Series) -> String { TrendModel.change(series, percent: false, t: t) }
        func progress(_ series: Series) -> String {
            let progress = TrendModel.row(TrendItem(id: "", title: "", dimension: nil, series: series), periods: periods, percent: false, t: t).progress
            return progress == t["trend.target_met_at_start"] ? t["terminal.trend.target_met"] : progress
        }
        for m in maturity {
            out.append("\(m.title) (\(m.questionnaire))")
            out.append("")
            var rows: [[String]] = [[t["trend.overall_index"]] + m.index.values.map { TrendModel.show($0, percent: false, t: t) } + [delta(m.index), "", ""]]
            for d in m.dimensions {
                let flag = d.series.regressions.isEmpty ? "" : " ▼"
                rows.append([d.title + flag] + d.series.values.map { TrendModel.show($0, percent: false, t: t) }
                            + [delta(d.series), d.series.target.map(String.init) ?? "", progress(d.series)])
            }
            let columns = Array(1...(periods.count + 3))
            out.append(TextTable(header: [t["terminal.trend.dimension"]] + periods + [t["terminal.trend.change"], t["terminal.trend.target"], t["terminal.trend.progress"]],
                                 rows: rows, rightAligned: Set(columns)).render())
            let regressions = m.dimensions.filter { !$0.series.regressions.isEmpty }
            let indicatorRegressions = m.indicators.filter { !$0.series.regressions.isEmpty }
            if !regressions.isEmpty || !indicatorRegressions.isEmpty {
                out.append("")
                out.append(t.text("terminal.trend.regressions", ["threshold": t.n(Format.amount(Trend.regressionAt))]))
                for item in regressions + indicatorRegressions {
                    let drops = item.series.regressions.compactMap { period -> String? in
                        guard let index = periods.firstIndex(of: period), index > 0, item.series.deltas[index] != nil else { return nil }
                        return t.text("trend.drop_in", ["change": TrendModel.change(from: item.series.values[index - 1], to: item.series.values[index], percent: false, t: t),
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
                [c.questionnaire] + c.rates.values.map { TrendModel.show($0, percent: true, t: t) }
                    + [t.n(TrendModel.change(c.rates, percent: true).replacingOccurrences(of: " points", with: ""))]
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
