/// A JSON value with ordered keys, written by hand so that the output is stable (same
/// key order every run) and `null` is written where a value is unknown.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    public static func number(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
    public static func number(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
    public static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .double(value):
            if !value.isFinite {
                out += "null"
            } else if value == value.rounded(), abs(value) < 1e15 {
                out += String(Int(value))
            } else {
                out += String(value)  // shortest text that reads back as the same number
            }
        case let .string(value): out += Self.quoted(value)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += Self.indentation(indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += Self.indentation(indent) + "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += Self.indentation(indent + 1) + Self.quoted(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += index < pairs.count - 1 ? ",\n" : "\n"
            }
            out += Self.indentation(indent) + "}"
        }
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    static func indentation(_ depth: Int) -> String {
        depth < indents.count ? indents[depth] : String(repeating: "  ", count: depth)
    }

    static func quoted(_ text: String) -> String {
        // Most texts need no escape: copy them whole (a comparison of 57 countries writes 12 MB).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "<")
                                      || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe to embed in HTML
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension ScoreCard {
    /// The stable JSON interface of `cbm score --format json` (docs/json-output.md).
    public var json: JSONValue {
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
