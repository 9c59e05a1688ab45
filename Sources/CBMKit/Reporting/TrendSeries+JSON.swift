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

extension TrendSeries {
    /// The JSON text `cbm trend --format json` prints (docs/json-output.md): keys in a fixed order,
    /// two-space indentation, a final newline.
    public var jsonText: String { json.rendered() }

    /// The stable JSON interface of `cbm trend --format json` (docs/json-output.md).
    var json: JSONValue {
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
}
