extension ScoreCard {
    /// The plain-text summary `cbm score` prints: dimensions, compliance rates, top priorities.
    /// Words and numbers in the language of `strings` (names come from the card, which was
    /// scored in that language).
    public func terminalSummary(topPriorities: Int = 10, strings t: StringTable = .english) -> String {
        var out: [String] = []
        out.append(assessment.title)
        var line = t.text("terminal.score.country_period", ["country": assessment.country, "period": assessment.period])
        if let date = assessment.date { line += "   " + t.text("terminal.score.date", ["date": t.date(date)]) }
        out.append(line)
        if let point = assessment.crossingPoint {
            out.append(t.text("terminal.score.crossing_point", ["name": point.name, "facing": point.facingCrossingPoint, "neighbour": point.neighbourCountry]))
        }

        for questionnaire in maturity {
            out.append("")
            out.append("\(questionnaire.title) (\(questionnaire.questionnaire) \(questionnaire.version))")
            out.append(t.text("terminal.score.index", ["index": t.score(questionnaire.index),
                                                         "level": NumberFormatting.level(questionnaire.level, name: questionnaire.levelName(questionnaire.level))]))
            if questionnaire.declaresScope {
                out.append(t.text("terminal.score.sub_indexes", ["national": t.score(questionnaire.nationalIndex),
                                                                  "cross_border": t.score(questionnaire.crossBorderIndex)]))
            }
            out.append("")
            let rows = questionnaire.dimensions.map { d -> [String] in
                [d.title + (d.provisional ? " *" : ""), t.score(d.score), NumberFormatting.level(d.level, name: questionnaire.levelName(d.level)),
                 String(d.target), t.amount(d.gap), t.roundPercent(d.coverage)]
            }
            out.append(TextTable(header: ["dimension", "score", "level", "target", "gap", "coverage"].map { t["terminal.score.column.\($0)"] },
                                 rows: rows, rightAligned: [1, 3, 4, 5]).render())
            if questionnaire.dimensions.contains(where: \.provisional) {
                out.append(t.text("terminal.score.provisional", ["threshold": t.roundPercent(Scorer.provisionalBelow)]))
            }
            let divergent = questionnaire.indicators.filter(\.divergent)
            if !divergent.isEmpty {
                out.append("")
                out.append(t.counted(divergent.count, "terminal.score.divergent"))
                for indicator in divergent {
                    let views = indicator.responses.filter { $0.numeric != nil }
                        .map { "\($0.agency ?? t["terminal.score.group"]) \($0.value)" }.joined(separator: ", ")
                    out.append("  \(indicator.id): \(views)")
                }
            }
            let unanswered = questionnaire.indicators.filter { $0.status == .unanswered }
            if !unanswered.isEmpty {
                out.append("")
                out.append(t.text("terminal.score.not_answered", ["count": t.integer(unanswered.count)]) + " " + unanswered.map(\.id).joined(separator: ", "))
            }
        }

        if !compliance.isEmpty {
            out.append("")
            out.append(t["terminal.score.compliance"])
            out.append("")
            let rows = compliance.map { c -> [String] in
                let counts = [ComplianceStatus.full, .partial, .pilot, .none].map { String(c.statusCounts[$0] ?? 0) }.joined(separator: "/")
                return [c.questionnaire, t.percent(c.rate), t.percent(c.binding.rate), t.percent(c.bestEndeavour.rate),
                        t.roundPercent(c.coverage), counts]
            }
            out.append(TextTable(header: ["checklist", "rate", "binding", "best_endeavour", "coverage", "statuses"].map { t["terminal.score.column.\($0)"] },
                                 rows: rows, rightAligned: [1, 2, 3, 4, 5]).render())
        }

        if !priorities.isEmpty && topPriorities <= 0 {
            out.append("")
            out.append(t.counted(priorities.count, "terminal.score.gaps_not_listed"))
        } else if !priorities.isEmpty {
            out.append("")
            let shown = priorities.prefix(topPriorities)
            out.append(t.counted(priorities.count, "terminal.score.top_priorities", ["shown": t.integer(shown.count)]))
            out.append("")
            let rows = shown.map { p in
                [String(p.rank), p.indicator, t.score(p.score), String(p.target), t.amount(p.gap), t.amount(p.priority)]
            }
            out.append(TextTable(header: ["#"] + ["indicator", "score", "target", "gap", "priority"].map { t["terminal.score.column.\($0)"] },
                                 rows: rows, rightAligned: [0, 2, 3, 4, 5]).render())
            out.append("")
            out.append(t["terminal.score.next_steps"])
            for p in shown {
                out.append(t.text("terminal.score.next_step", ["rank": String(p.rank), "title": p.indicatorTitle, "level": String(p.nextLevel)]))
                out.append(NumberFormatting.wrap(p.nextStep ?? t["terminal.score.no_next_step"], width: 76, indent: "   "))
            }
        }
        return DirectionControls.shown(out.joined(separator: "\n") + "\n")
    }
}
