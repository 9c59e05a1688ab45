extension ScoreCard {
    /// The plain-text summary `cbm score` prints: dimensions, compliance rates, top priorities.
    public func terminalSummary(topPriorities: Int = 10) -> String {
        var out: [String] = []
        out.append(assessment.title)
        var line = "Country: \(assessment.country)   Period: \(assessment.period)"
        if let date = assessment.date { line += "   Date: \(date)" }
        out.append(line)
        if let point = assessment.crossingPoint {
            out.append("Crossing point: \(point.name), facing \(point.facingCrossingPoint) (\(point.neighbourCountry))")
        }

        for questionnaire in maturity {
            out.append("")
            out.append("\(questionnaire.title) (\(questionnaire.questionnaire) \(questionnaire.version))")
            out.append("Overall index: \(Format.score(questionnaire.index)) — level \(Format.level(questionnaire.level, name: questionnaire.levelName(questionnaire.level)))")
            if questionnaire.indicators.contains(where: { $0.scope != nil }) {
                out.append("National index: \(Format.score(questionnaire.nationalIndex))   Cross-border index: \(Format.score(questionnaire.crossBorderIndex))")
            }
            out.append("")
            let rows = questionnaire.dimensions.map { d -> [String] in
                [d.title + (d.provisional ? " *" : ""), Format.score(d.score), Format.level(d.level, name: questionnaire.levelName(d.level)),
                 String(d.target), Format.amount(d.gap), Format.percent(d.coverage).replacingOccurrences(of: ".0%", with: "%")]
            }
            out.append(TextTable(header: ["DIMENSION", "SCORE", "LEVEL", "TARGET", "GAP", "COVERAGE"], rows: rows,
                                 rightAligned: [1, 3, 4, 5]).render())
            if questionnaire.dimensions.contains(where: \.provisional) {
                out.append("* provisional: fewer than 80% of the applicable indicators are answered")
            }
            let divergent = questionnaire.indicators.filter(\.divergent)
            if !divergent.isEmpty {
                out.append("")
                out.append("Agencies disagree by 2 levels or more on \(counted(divergent.count, "indicator")):")
                for indicator in divergent {
                    let views = indicator.responses.filter { $0.numeric != nil }
                        .map { "\($0.agency ?? "group") \($0.value)" }.joined(separator: ", ")
                    out.append("  \(indicator.id): \(views)")
                }
            }
            let unanswered = questionnaire.indicators.filter { $0.status == .unanswered }
            if !unanswered.isEmpty {
                out.append("")
                out.append("Not answered (\(unanswered.count)): " + unanswered.map(\.id).joined(separator: ", "))
            }
        }

        if !compliance.isEmpty {
            out.append("")
            out.append("Convention compliance")
            out.append("")
            let rows = compliance.map { c -> [String] in
                let counts = [ComplianceStatus.full, .partial, .pilot, .none].map { String(c.statusCounts[$0] ?? 0) }.joined(separator: "/")
                return [c.questionnaire, Format.percent(c.rate), Format.percent(c.binding.rate), Format.percent(c.bestEndeavour.rate),
                        Format.percent(c.coverage).replacingOccurrences(of: ".0%", with: "%"), counts]
            }
            out.append(TextTable(header: ["CHECKLIST", "RATE", "BINDING", "BEST ENDEAVOUR", "COVERAGE", "FULL/PARTIAL/PILOT/NONE"],
                                 rows: rows, rightAligned: [1, 2, 3, 4, 5]).render())
        }

        if !priorities.isEmpty && topPriorities <= 0 {
            out.append("")
            out.append("\(counted(priorities.count, "gap")) to target; not listed (--top 0). The report lists them all with their next steps.")
        } else if !priorities.isEmpty {
            out.append("")
            let shown = priorities.prefix(topPriorities)
            out.append("Top priorities (\(shown.count) of \(priorities.count) gaps to target)")
            out.append("")
            let rows = shown.map { p in
                [String(p.rank), p.indicator, Format.score(p.score), String(p.target), Format.amount(p.gap), Format.amount(p.priority)]
            }
            out.append(TextTable(header: ["#", "INDICATOR", "SCORE", "TARGET", "GAP", "PRIORITY"], rows: rows,
                                 rightAligned: [0, 2, 3, 4, 5]).render())
            out.append("")
            out.append("Next steps:")
            for p in shown {
                out.append("\(p.rank). \(p.indicatorTitle) — to reach level \(p.nextLevel):")
                out.append(Format.wrap(p.nextStep ?? "(the questionnaire gives no next step for this level)", width: 76, indent: "   "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
