extension RegionalComparison {
    /// The plain-text summary `cbm compare` prints.
    public func terminalSummary(strings t: StringTable = .english) -> String {
        var out: [String] = []
        if !countries.isEmpty {
            let periods = Set(countries.map(\.period)).sorted(by: PeriodOrder.precedes)
            out.append(t.text("compare.terminal.title", ["countries": t.counted(countries.count, "compare.countries"), "periods": periods.joined(separator: ", ")]))
            out.append("")
        }
        for m in maturity {
            out.append("\(m.title) (\(m.questionnaire) \(m.versions.joined(separator: ", ")))")
            out.append("")
            let scored = countries.filter { $0.card.maturity.contains { $0.questionnaire == m.questionnaire } }
            let hasScopes = scored.contains { c in c.card.maturity.first { $0.questionnaire == m.questionnaire }?.nationalIndex != nil }
            var header = ["rank", "country", "period", "index"].map { t.text("compare.terminal.\($0)") }
                + (hasScopes ? [t.text("compare.terminal.national"), t.text("compare.terminal.cross_border")] : [])
            header += m.dimensions.indices.map { t.text("compare.dimension_number", ["n": t.integer($0 + 1)]) }
            var rows: [[String]] = scored.map { c in
                let score = c.card.maturity.first { $0.questionnaire == m.questionnaire }!
                let byID = Dictionary(score.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                return [c.ranks[m.questionnaire].map(t.integer) ?? NumberFormatting.missing, c.country, c.period, t.score(score.index)]
                    + (hasScopes ? [t.score(score.nationalIndex), t.score(score.crossBorderIndex)] : [])
                    + m.dimensions.map { d in byID[d.id].map { t.score($0.score) + ($0.provisional ? "*" : "") } ?? NumberFormatting.missing }
            }
            for (label, pick) in [("q1", { (s: Spread) in s.q1 }), ("median", { $0.median }), ("q3", { $0.q3 })] as [(String, (Spread) -> Double?)] {
                rows.append(["", t.text("compare.terminal.regional_" + label), "", t.score(pick(m.index))]
                            + (hasScopes ? [t.score(pick(m.nationalIndex)), t.score(pick(m.crossBorderIndex))] : [])
                            + m.dimensions.map { t.score(pick($0.spread)) })
            }
            out.append(TextTable(header: header, rows: rows, rightAligned: Set([0] + Array(3..<header.count))).render())
            out.append(t.text("compare.terminal.dimensions", ["list": m.dimensions.enumerated().map {
                t.text("compare.dimension_number", ["n": t.integer($0.offset + 1)]) + " " + $0.element.title
            }.joined(separator: "; ")]))
            out.append(t.text("compare.terminal.ranks"))
            out.append("")
            for s in m.standings {
                out.append("  \(s.country): \(ComparisonWording.standing(s, t))")
            }
            if !m.weakest.isEmpty {
                out.append("")
                out.append(t.text("compare.terminal.weakest"))
                out.append(TextTable(header: ["indicator", "median", "lowest", "highest", "countries"].map { t.text("compare.terminal.\($0)") }, rows: m.weakest.map { i in
                    [i.id, t.score(i.spread.median), t.score(i.spread.min), t.score(i.spread.max), t.integer(i.spread.count)]
                }, rightAligned: [1, 2, 3, 4]).render())
            }
            out.append("")
        }
        if !compliance.isEmpty {
            out.append(t.text("compare.terminal.compliance"))
            out.append("")
            var header = [t.text("compare.terminal.country")]
            for c in compliance { header.append(c.questionnaire) }
            var rows = countries.map { country -> [String] in
                [country.country] + compliance.map { c in
                    guard let score = country.card.compliance.first(where: { $0.questionnaire == c.questionnaire }) else { return NumberFormatting.missing }
                    return [score.rate, score.binding.rate, score.bestEndeavour.rate].map(t.percent).joined(separator: " / ")
                }
            }
            rows.append([t.text("compare.regional_median")] + compliance.map { c in
                [c.rate.median, c.bindingRate.median, c.bestEndeavourRate.median].map(t.percent).joined(separator: " / ")
            })
            out.append(TextTable(header: header, rows: rows, rightAligned: Set(1..<header.count)).render())
            out.append("")
        }
        for crossing in crossings {
            out.append(t.text("compare.terminal.crossing", ["crossing": ComparisonWording.crossingTitle(crossing), "periods": Set(crossing.sides.map(\.period)).sorted().joined(separator: ", ")]))
            out.append("")
            for m in crossing.maturity {
                let names = crossing.sides.map(\.crossingPoint)
                let rows = m.indicators.map { i -> [String] in
                    [i.id] + i.sides.map { side in
                        guard let side else { return t.text("compare.terminal.absent") }
                        return side.status == .answered ? t.score(side.score) + (side.divergent ? " ≠" : "") : side.status == .notApplicable ? t.text("compare.side_na") : NumberFormatting.missing
                    } + [t.score(i.gap), i.flagged ? "⚑" : ""]
                }
                out.append(TextTable(header: [t.text("compare.terminal.indicator")] + names.map { $0.uppercased() } + [t.text("compare.terminal.gap"), ""], rows: rows, rightAligned: [1, 2, 3]).render())
                out.append(ComparisonWording.flagRule(m, t) + " " + t.text("compare.terminal.divergent_mark"))
                out.append("")
            }
            if !crossing.answeredByOneSide.isEmpty {
                out.append(t.text("compare.terminal.one_side", ["list": crossing.answeredByOneSide.joined(separator: ", ")]))
                out.append("")
            }
        }
        if !caveats.isEmpty || !leftOut.isEmpty {
            out.append(t.text("compare.terminal.not_comparable"))
            let items = caveats.map { ComparisonWording.caveat($0, t) } + leftOut.map { t.text("compare.terminal.left_out", ["file": $0.file, "reason": ComparisonWording.leftOut($0, t)]) }
            for item in items { out.append(String(NumberFormatting.wrap("- " + item, width: 96, indent: "  ").dropFirst(2))) }
        }
        return DirectionControls.shown(out.joined(separator: "\n") + "\n")
    }
}
