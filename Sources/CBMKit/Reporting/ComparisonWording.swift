/// The sentences the comparison outputs share (text, JSON, HTML, Markdown), made from the
/// comparison's data, so that each output says the same thing the same way. Their words are
/// in the string tables (`compare.…`); the JSON keeps English.
enum ComparisonWording {
    static func list(_ items: [String], _ t: StringTable = .english) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + t.text("compare.and") + items.last!
        }
    }

    static func caveat(_ caveat: ComparisonCaveat, _ t: StringTable = .english) -> String {
        switch caveat {
        case let .versionMix(questionnaire, versions, changes):
            let who = versions.map { "\($0.country) \($0.value)" }.joined(separator: ", ")
            var text = t.text("compare.version_mix", ["questionnaire": questionnaire, "who": who])
            for change in changes {
                var parts: [String] = []
                if !change.added.isEmpty { parts.append(t.text("compare.version_adds", ["version": change.toVersion, "list": list(change.added.map(\.id), t)])) }
                if !change.removed.isEmpty { parts.append(t.text("compare.version_alone", ["version": change.fromVersion, "list": list(change.removed.map(\.id), t)])) }
                if !change.renamed.isEmpty { parts.append(t.text("compare.version_renamed", ["version": change.toVersion, "list": list(change.renamed.map(\.id), t)])) }
                if !parts.isEmpty {
                    text += t.text("compare.version_between", ["from": change.fromVersion, "to": change.toVersion, "changes": parts.joined(separator: "; ")])
                }
            }
            return text
        case let .scoredAgainstOtherVersion(questionnaire, country, answered, scored):
            return t.text("compare.other_version", ["country": country, "answered": answered, "questionnaire": questionnaire, "scored": scored])
        case let .provisional(questionnaire, country, dimensions):
            return t.counted(dimensions.count, "compare.provisional", ["country": country, "questionnaire": questionnaire, "list": list(dimensions, t)])
        case let .noSubIndexes(questionnaire, countries):
            return t.counted(countries.count, "compare.no_sub_indexes", ["list": list(countries, t), "questionnaire": questionnaire])
        case let .missingQuestionnaire(questionnaire, countries):
            return t.counted(countries.count, "compare.missing_questionnaire", ["list": list(countries, t), "questionnaire": questionnaire])
        case let .periodMix(periods):
            return t.text("compare.period_mix", ["list": periods.map { "\($0.country) \($0.value)" }.joined(separator: ", ")])
        }
    }

    static func leftOut(_ item: LeftOutFile, _ t: StringTable = .english) -> String {
        switch item.reason {
        case let .olderPeriod(kept, keptPeriod):
            return t.text("compare.older_period", ["period": item.period, "kept": kept, "kept_period": keptPeriod])
        case .otherPeriod:
            return t.text("compare.other_period", ["period": item.period])
        }
    }

    /// "above the regional median in 7 of 10 dimensions (2 in the top quarter), at it in 1, below it in 2 (1 in the bottom quarter)"
    static func standing(_ s: CountryStanding, _ t: StringTable = .english) -> String {
        guard s.scored > 0 else { return t.text("compare.no_dimension_scored") }
        var text = t.counted(s.scored, "compare.standing_above", ["above": t.integer(s.above)])
        if s.topQuarter > 0 { text += t.text("compare.standing_top", ["n": t.integer(s.topQuarter)]) }
        if s.atMedian > 0 { text += t.text("compare.standing_at", ["n": t.integer(s.atMedian)]) }
        text += t.text("compare.standing_below", ["n": t.integer(s.below)])
        if s.bottomQuarter > 0 { text += t.text("compare.standing_bottom", ["n": t.integer(s.bottomQuarter)]) }
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

    /// The gap from which the two sides' scores are flagged, as a whole number ("2").
    static var flagGap: String { NumberFormatting.score(CrossingComparison.flagGap).replacingOccurrences(of: ".0", with: "") }

    static func flagRule(_ m: CrossingComparison.Maturity, _ t: StringTable = .english) -> String {
        m.scopesDeclared
            ? t.text("compare.flag_rule_scopes", ["gap": flagGap])
            : t.text("compare.flag_rule_all", ["questionnaire": m.questionnaire, "gap": flagGap])
    }
}
