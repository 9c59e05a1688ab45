extension ScoreCard {
    /// The JSON text `cbm score --format json` prints (docs/json-output.md): keys in a fixed order,
    /// two-space indentation, a final newline.
    public var jsonText: String { json.rendered() }

    /// The stable JSON interface of `cbm score --format json` (docs/json-output.md).
    var json: JSONValue {
        .object([
            ("format", .string("cbm-scorecard")),
            ("format_version", .int(1)),
            ("assessment", .object([
                ("title", .string(assessment.title)),
                ("country", .string(assessment.country)),
                ("period", .string(assessment.period)),
                ("date", .text(assessment.date)),
                ("prepared_by", .text(assessment.preparedBy)),
                ("agencies", .array(assessment.agencies.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
                ("scope", .string(assessment.scope.rawValue)),
                ("crossing_point", assessment.crossingPoint.map(\.json) ?? .null),
            ])),
            ("maturity", .array(maturity.map(\.json))),
            ("compliance", .array(compliance.map(\.json))),
            ("priorities", .array(priorities.map(\.json))),
        ])
    }
}

extension CrossingPoint {
    var json: JSONValue {
        .object([("name", .string(name)), ("neighbour_country", .string(neighbourCountry)),
                 ("facing_crossing_point", .string(facingCrossingPoint))])
    }
}

extension MaturityScore {
    var json: JSONValue {
        .object([
            ("questionnaire", .string(questionnaire)),
            ("title", .string(title)),
            ("version", .string(version)),
            ("answered_version", .text(answeredVersion)),
            ("index", .number(index)),
            ("national_index", .number(nationalIndex)),
            ("cross_border_index", .number(crossBorderIndex)),
            ("level", .number(level)),
            ("level_name", .text(levelName(level))),
            ("dimensions", .array(dimensions.map { dimension in
                .object([
                    ("id", .string(dimension.id)),
                    ("title", .string(dimension.title)),
                    ("weight", .double(dimension.weight)),
                    ("score", .number(dimension.score)),
                    ("level", .number(dimension.level)),
                    ("level_name", .text(levelName(dimension.level))),
                    ("target", .int(dimension.target)),
                    ("gap", .number(dimension.gap)),
                    ("coverage", .number(dimension.coverage)),
                    ("provisional", .bool(dimension.provisional)),
                    ("answered", .int(dimension.answeredCount)),
                    ("not_applicable", .int(dimension.notApplicableCount)),
                    ("indicator_count", .int(dimension.indicatorCount)),
                    ("indicators", .array(dimension.indicators.map(\.json))),
                ])
            })),
        ])
    }
}

extension IndicatorScore {
    var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("title", .string(title)),
            ("weight", .double(weight)),
            ("scope", .text(scope?.rawValue)),
            ("status", .string(status.rawValue)),
            ("score", .number(score)),
            ("level", .number(level)),
            ("consensus", .number(consensus)),
            ("median", .number(median)),
            ("consensus_outside_responses", .bool(consensusOutsideResponses)),
            ("target", .int(target)),
            ("gap", .number(gap)),
            ("divergence", .number(divergence)),
            ("divergent", .bool(divergent)),
            ("respondents", .array(responses.map(\.json))),
        ])
    }
}

extension AgencyResponse {
    var json: JSONValue {
        .object([("agency", .text(agency)), ("value", .string(value)), ("numeric", .number(numeric))])
    }
}

extension RateSummary {
    func json(prefix: String = "") -> [(String, JSONValue)] {
        [(prefix + "rate", .number(rate)), (prefix + "coverage", .number(coverage)),
         (prefix + "answered", .int(answered)), (prefix + "applicable", .int(applicable))]
    }
}

extension ComplianceScore {
    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("questionnaire", .string(questionnaire)),
            ("title", .string(title)),
            ("version", .string(version)),
            ("answered_version", .text(answeredVersion)),
        ]
        pairs += summary.json()
        pairs += [("provisions_total", .int(summary.total + guidance.total)),
                  ("guidance_provisions", .int(guidance.total)),
                  ("guidance_answered", .int(guidance.answered)),
                  ("binding_rate", .number(binding.rate)),
                  ("best_endeavour_rate", .number(bestEndeavour.rate)),
                  ("status_counts", .object(ComplianceStatus.allCases.map { ($0.rawValue, .int(statusCounts[$0] ?? 0)) }))]
        pairs.append(("sections", .array(sections.map { section in
            .object([("id", .string(section.id)), ("title", .string(section.title))] + section.summary.json()
                    + [("binding_rate", .number(section.binding.rate)), ("best_endeavour_rate", .number(section.bestEndeavour.rate))])
        })))
        pairs.append(("provisions", .array(provisions.map { provision in
            .object([
                ("id", .string(provision.id)),
                ("section", .string(provision.section)),
                ("obligation", .string(provision.obligation.rawValue)),
                ("status", .string(provision.status.rawValue)),
                ("consolidated_status", .text(provision.consolidated?.rawValue)),
                ("points", .number(provision.points)),
                ("category", .text(provision.category)),
                ("date", .text(provision.date)),
            ])
        })))
        pairs.append(("not_fully_met", .array(notFullyMet.map { .string($0.id) })))
        return .object(pairs)
    }
}

extension Priority {
    var json: JSONValue {
        .object([
            ("rank", .int(rank)),
            ("questionnaire", .string(questionnaire)),
            ("indicator", .string(indicator)),
            ("dimension", .string(dimension)),
            ("score", .double(score)),
            ("level", .int(level)),
            ("target", .int(target)),
            ("gap", .double(gap)),
            ("priority", .double(priority)),
            ("next_level", .int(nextLevel)),
            ("next_step", .text(nextStep)),
        ])
    }
}
