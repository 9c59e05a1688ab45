extension Spread {
    /// `median`, `q1`, `q3`, `min`, `max`, `count`, in this order.
    var jsonPairs: [(String, JSONValue)] {
        [("median", .number(median)), ("q1", .number(q1)), ("q3", .number(q3)),
         ("min", .number(min)), ("max", .number(max)), ("count", .int(count))]
    }

    var json: JSONValue { .object(jsonPairs) }
}

extension RegionalItem {
    var json: JSONValue {
        .object([("id", .string(id)), ("title", .string(title))] + (dimension.map { [("dimension", JSONValue.string($0))] } ?? [])
                + spread.jsonPairs + [("absent_from", .array(absentFrom.map { .string($0) }))])
    }
}

extension RegionalComparison {
    /// The stable JSON interface of `cbm compare --format json` (docs/json-output.md).
    public var json: JSONValue {
        .object([
            ("format", .string("cbm-comparison")),
            ("format_version", .int(1)),
            ("period", .text(requestedPeriod)),
            ("countries", .array(countries.map(\.json))),
            ("regional", .object([
                ("maturity", .array(maturity.map(\.json))),
                ("compliance", .array(compliance.map(\.json))),
            ])),
            ("crossings", .array(crossings.map(\.json))),
            ("not_comparable", .array(caveats.map { .string(ComparisonWording.caveat($0)) })),
            ("left_out", .array(leftOut.map { item in
                .object([("file", .string(item.file)), ("country", .string(item.country)), ("period", .string(item.period)),
                         ("reason", .string(ComparisonWording.leftOut(item)))])
            })),
        ])
    }
}

extension ComparedCountry {
    var json: JSONValue {
        let info = card.assessment
        return .object([
            ("country", .string(info.country)),
            ("period", .string(info.period)),
            ("title", .string(info.title)),
            ("file", .string(file)),
            ("rank", .number(rank)),
            ("maturity", .array(card.maturity.map { m in
                guard case let .object(pairs) = m.json else { return m.json }
                return .object(pairs + [("rank", .number(ranks[m.questionnaire]))])
            })),
            ("compliance", .array(card.compliance.map(\.json))),
        ])
    }
}

extension RegionalMaturity {
    var json: JSONValue {
        .object([
            ("questionnaire", .string(questionnaire)),
            ("title", .string(title)),
            ("versions", .array(versions.map { .string($0) })),
            ("index", index.json),
            ("national_index", nationalIndex.json),
            ("cross_border_index", crossBorderIndex.json),
            ("dimensions", .array(dimensions.map(\.json))),
            ("weakest_indicators", .array(weakest.map(\.json))),
            ("standings", .array(standings.map { s in
                .object([("country", .string(s.country)), ("scored", .int(s.scored)), ("above_median", .int(s.above)),
                         ("at_median", .int(s.atMedian)), ("below_median", .int(s.below)),
                         ("top_quarter", .int(s.topQuarter)), ("bottom_quarter", .int(s.bottomQuarter)),
                         ("dimensions", .object(dimensions.compactMap { d in s.positions[d.id].map { (d.id, JSONValue.string($0.rawValue)) } }))])
            })),
            ("indicators", .array(indicators.map(\.json))),
        ])
    }
}

extension RegionalCompliance {
    var json: JSONValue {
        .object([
            ("questionnaire", .string(questionnaire)),
            ("title", .string(title)),
            ("versions", .array(versions.map { .string($0) })),
            ("rate", rate.json),
            ("binding_rate", bindingRate.json),
            ("best_endeavour_rate", bestEndeavourRate.json),
            ("sections", .array(sections.map(\.json))),
        ])
    }
}

extension CrossingComparison {
    var json: JSONValue {
        .object([
            ("sides", .array(sides.map { side in
                let point = side.card.assessment.crossingPoint
                return .object([("country", .string(side.country)), ("crossing_point", .string(side.crossingPoint)),
                                ("period", .string(side.period)), ("file", .string(side.file)),
                                ("neighbour_country", .text(point?.neighbourCountry)),
                                ("facing_crossing_point", .text(point?.facingCrossingPoint))])
            })),
            ("maturity", .array(maturity.map { m in
                .object([
                    ("questionnaire", .string(m.questionnaire)),
                    ("versions", .array(m.versions.map { .string($0) })),
                    ("scopes_declared", .bool(m.scopesDeclared)),
                    ("indexes", .array(sides.map { side in .number(side.card.maturity.first { $0.questionnaire == m.questionnaire }?.index) })),
                    ("indicators", .array(m.indicators.map { i in
                        .object([
                            ("id", .string(i.id)), ("title", .string(i.title)), ("dimension", .string(i.dimension)),
                            ("scope", .text(i.scope?.rawValue)),
                            ("scores", .array(i.sides.map { .number($0?.score) })),
                            ("levels", .array(i.sides.map { .number($0?.level) })),
                            ("statuses", .array(i.sides.map { .text($0?.status.rawValue) })),
                            ("gap", .number(i.gap)),
                            ("flagged", .bool(i.flagged)),
                            ("divergences", .array(i.sides.map { .number($0?.divergence) })),
                            ("divergent", .array(i.sides.map { .bool($0?.divergent ?? false) })),
                        ])
                    })),
                ])
            })),
            ("answered_by_one_side", .array(answeredByOneSide.map { .string($0) })),
        ])
    }
}
