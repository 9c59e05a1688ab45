/// The sentences the comparison outputs share (text, JSON, HTML, Markdown), made from the
/// comparison's data, so that each output says the same thing the same way.
enum ComparisonWording {
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    static func caveat(_ caveat: ComparisonCaveat) -> String {
        switch caveat {
        case let .versionMix(questionnaire, versions, changes):
            let who = versions.map { "\($0.country) \($0.value)" }.joined(separator: ", ")
            var text = "The countries answered different versions of \(questionnaire) (\(who)). Items are matched by id; an item that a version does not have is left out of that country's figures, never guessed."
            for change in changes {
                var parts: [String] = []
                if !change.added.isEmpty { parts.append("\(change.toVersion) adds " + list(change.added.map(\.id))) }
                if !change.removed.isEmpty { parts.append("\(change.fromVersion) alone has " + list(change.removed.map(\.id))) }
                if !change.renamed.isEmpty { parts.append("renamed in \(change.toVersion): " + list(change.renamed.map(\.id))) }
                if !parts.isEmpty { text += " Between \(change.fromVersion) and \(change.toVersion): " + parts.joined(separator: "; ") + "." }
            }
            return text
        case let .scoredAgainstOtherVersion(questionnaire, country, answered, scored):
            return "\(country) answered version \(answered) of \(questionnaire), which cbm does not have; its answers were scored against version \(scored)."
        case let .provisional(questionnaire, country, dimensions):
            return "\(country), \(questionnaire): \(dimensions.count == 1 ? "the score of" : "the scores of") \(list(dimensions)) \(dimensions.count == 1 ? "is" : "are") provisional (fewer than 80% of the applicable indicators answered)."
        case let .noSubIndexes(questionnaire, countries):
            return "\(list(countries)) answered a version of \(questionnaire) that does not say which indicators are national and which cross-border, so \(countries.count == 1 ? "it has" : "they have") no national or cross-border sub-index; the regional figures of the sub-indexes leave \(countries.count == 1 ? "it" : "them") out."
        case let .missingQuestionnaire(questionnaire, countries):
            return "\(list(countries)) did not answer \(questionnaire); \(countries.count == 1 ? "it takes" : "they take") no part in its regional figures."
        case let .periodMix(periods):
            return "The assessments are of different periods: " + periods.map { "\($0.country) \($0.value)" }.joined(separator: ", ") + "."
        }
    }

    static func leftOut(_ item: LeftOutFile) -> String {
        switch item.reason {
        case let .olderPeriod(kept, keptPeriod):
            return "an earlier period (\(item.period)) than \(kept) (\(keptPeriod)), which is compared instead"
        case .otherPeriod:
            return "its period (\(item.period)) is not the period asked for"
        }
    }

    /// "above the regional median in 7 of 10 dimensions (2 in the top quarter), at it in 1, below it in 2 (1 in the bottom quarter)"
    static func standing(_ s: CountryStanding) -> String {
        guard s.scored > 0 else { return "no dimension scored" }
        var text = "above the regional median in \(s.above) of \(s.scored) \(s.scored == 1 ? "dimension" : "dimensions")"
        if s.topQuarter > 0 { text += " (\(s.topQuarter) in the top quarter)" }
        if s.atMedian > 0 { text += ", at it in \(s.atMedian)" }
        text += ", below it in \(s.below)"
        if s.bottomQuarter > 0 { text += " (\(s.bottomQuarter) in the bottom quarter)" }
        return text
    }

    static func position(_ position: Spread.Position?) -> String {
        switch position {
        case .topQuarter?: return "top quarter"
        case .aboveMedian?: return "above median"
        case .atMedian?: return "at median"
        case .belowMedian?: return "below median"
        case .bottomQuarter?: return "bottom quarter"
        case nil: return ""
        }
    }

    static func side(_ side: CrossingComparison.Side) -> String { "\(side.crossingPoint) (\(side.country))" }

    static func crossingTitle(_ crossing: CrossingComparison) -> String {
        crossing.sides.map(side).joined(separator: " — ")
    }

    static func flagRule(_ m: CrossingComparison.Maturity) -> String {
        let gap = Format.score(CrossingComparison.flagGap).replacingOccurrences(of: ".0", with: "")
        return m.scopesDeclared
            ? "A cross-border indicator whose two scores are \(gap) or more levels apart is flagged (⚑): cooperation across the border is shared, so both sides should see it alike."
            : "\(m.questionnaire) does not say which of its indicators are cross-border, so every indicator whose two scores are \(gap) or more levels apart is flagged (⚑)."
    }
}
