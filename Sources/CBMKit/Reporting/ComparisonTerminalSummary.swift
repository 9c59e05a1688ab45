extension RegionalComparison {
    /// The plain-text summary `cbm compare` prints.
    public func terminalSummary() -> String {
        var out: [String] = []
        if !countries.isEmpty {
            let periods = Set(countries.map(\.period)).sorted(by: PeriodOrder.precedes)
            out.append("Regional comparison of \(countries.count) \(countries.count == 1 ? "country" : "countries"), \(periods.joined(separator: ", "))")
            out.append("")
        }
        for m in maturity {
            out.append("\(m.title) (\(m.questionnaire) \(m.versions.joined(separator: ", ")))")
            out.append("")
            let scored = countries.filter { $0.card.maturity.contains { $0.questionnaire == m.questionnaire } }
            let hasScopes = scored.contains { c in c.card.maturity.first { $0.questionnaire == m.questionnaire }?.nationalIndex != nil }
            var header = ["RANK", "COUNTRY", "PERIOD", "INDEX"] + (hasScopes ? ["NATIONAL", "CROSS-BORDER"] : [])
            header += m.dimensions.indices.map { "D\($0 + 1)" }
            var rows: [[String]] = scored.map { c in
                let score = c.card.maturity.first { $0.questionnaire == m.questionnaire }!
                let byID = Dictionary(score.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                return [c.ranks[m.questionnaire].map(String.init) ?? Format.missing, c.country, c.period, Format.score(score.index)]
                    + (hasScopes ? [Format.score(score.nationalIndex), Format.score(score.crossBorderIndex)] : [])
                    + m.dimensions.map { d in byID[d.id].map { Format.score($0.score) + ($0.provisional ? "*" : "") } ?? Format.missing }
            }
            for (label, pick) in [("Q1", { (s: Spread) in s.q1 }), ("median", { $0.median }), ("Q3", { $0.q3 })] as [(String, (Spread) -> Double?)] {
                rows.append(["", "Regional " + label, "", Format.score(pick(m.index))]
                            + (hasScopes ? [Format.score(pick(m.nationalIndex)), Format.score(pick(m.crossBorderIndex))] : [])
                            + m.dimensions.map { Format.score(pick($0.spread)) })
            }
            out.append(TextTable(header: header, rows: rows, rightAligned: Set([0] + Array(3..<header.count))).render())
            out.append("Dimensions: " + m.dimensions.enumerated().map { "D\($0.offset + 1) \($0.element.title)" }.joined(separator: "; "))
            out.append("Ranks: by the index, highest first; equal indexes share a rank. * provisional score. Quartiles as QUARTILE.INC.")
            out.append("")
            for s in m.standings {
                out.append("  \(s.country): \(ComparisonWording.standing(s))")
            }
            if !m.weakest.isEmpty {
                out.append("")
                out.append("Where the region is weakest (lowest regional median):")
                out.append(TextTable(header: ["INDICATOR", "MEDIAN", "LOWEST", "HIGHEST", "COUNTRIES"], rows: m.weakest.map { i in
                    [i.id, Format.score(i.spread.median), Format.score(i.spread.min), Format.score(i.spread.max), String(i.spread.count)]
                }, rightAligned: [1, 2, 3, 4]).render())
            }
            out.append("")
        }
        if !compliance.isEmpty {
            out.append("Convention compliance (rate over all / binding / best-endeavour provisions)")
            out.append("")
            var header = ["COUNTRY"]
            for c in compliance { header.append(c.questionnaire) }
            var rows = countries.map { country -> [String] in
                [country.country] + compliance.map { c in
                    guard let score = country.card.compliance.first(where: { $0.questionnaire == c.questionnaire }) else { return Format.missing }
                    return [score.rate, score.binding.rate, score.bestEndeavour.rate].map(Format.percent).joined(separator: " / ")
                }
            }
            rows.append(["Regional median"] + compliance.map { c in
                [c.rate.median, c.bindingRate.median, c.bestEndeavourRate.median].map(Format.percent).joined(separator: " / ")
            })
            out.append(TextTable(header: header, rows: rows, rightAligned: Set(1..<header.count)).render())
            out.append("")
        }
        for crossing in crossings {
            out.append("Crossing point \(ComparisonWording.crossingTitle(crossing)), \(Set(crossing.sides.map(\.period)).sorted().joined(separator: ", "))")
            out.append("")
            for m in crossing.maturity {
                let names = crossing.sides.map(\.crossingPoint)
                let rows = m.indicators.map { i -> [String] in
                    [i.id] + i.sides.map { side in
                        guard let side else { return "absent" }
                        return side.status == .answered ? Format.score(side.score) + (side.divergent ? " ≠" : "") : side.status == .notApplicable ? "na" : Format.missing
                    } + [Format.score(i.gap), i.flagged ? "⚑" : ""]
                }
                out.append(TextTable(header: ["INDICATOR"] + names.map { $0.uppercased() } + ["GAP", ""], rows: rows, rightAligned: [1, 2, 3]).render())
                out.append(ComparisonWording.flagRule(m) + " ≠ marks a side whose own agencies are 2 or more levels apart.")
                out.append("")
            }
            if !crossing.answeredByOneSide.isEmpty {
                out.append("Answered by one side only: " + crossing.answeredByOneSide.joined(separator: ", "))
                out.append("")
            }
        }
        if !caveats.isEmpty || !leftOut.isEmpty {
            out.append("Not comparable, or left out:")
            let items = caveats.map(ComparisonWording.caveat) + leftOut.map { "\($0.file) is left out: \(ComparisonWording.leftOut($0))." }
            for item in items { out.append(String(Format.wrap("- " + item, width: 96, indent: "  ").dropFirst(2))) }
        }
        return DirectionControls.shown(out.joined(separator: "\n") + "\n")
    }
}
