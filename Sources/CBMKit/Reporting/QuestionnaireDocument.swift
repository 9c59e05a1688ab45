/// A questionnaire written out as a readable Markdown document: for interviewers to print,
/// and for docs/cbm-model.md, which is generated from the bundled questionnaire.
public enum QuestionnaireDocument {
    public static func markdown(_ questionnaire: Questionnaire, language: String = LocalizedText.defaultLanguage) -> String {
        switch questionnaire {
        case let .maturity(q): return maturity(q, language: language)
        case let .compliance(q): return compliance(q, language: language)
        }
    }

    private static func e(_ text: LocalizedText?, _ language: String) -> String {
        Markdown.escape(text?.text(in: language) ?? "")
    }

    private static func header(_ id: String, _ version: String, _ title: LocalizedText, _ summary: LocalizedText?, _ language: String) -> [String] {
        var out = ["# \(e(title, language))", "",
                   "*Generated from the questionnaire `\(id)`, version \(version), by `cbm show \(id)`. Edit the YAML, not this page.*", ""]
        if let summary { out += [e(summary, language), ""] }
        return out
    }

    static func maturity(_ q: MaturityQuestionnaire, language: String) -> String {
        var out = header(q.id, q.version, q.title, q.summary, language)
        out += ["## The scale", "", "| Level | Name | Meaning |", "| ---: | --- | --- |"]
        out += q.scale.map { "| \($0.level) | \(e($0.name, language)) | \(e($0.summary, language)) |" }
        out += ["", "Where an assessment sets no target, the target is level \(q.defaultTarget).", ""]
        out += ["## Dimensions", "", "| Dimension | Indicators | Weight |", "| --- | ---: | ---: |"]
        out += q.dimensions.map { "| [\(e($0.title, language))](#\($0.id)) | \($0.indicators.count) | \(Format.number($0.weight)) |" }
        out += ["", "\(q.indicators.count) indicators in all.", ""]
        var sources: [String: Int] = [:]
        for indicator in q.indicators {
            for source in Set(indicator.references.map(\.source)) { sources[source, default: 0] += 1 }
        }
        out += ["## Where the indicators come from", "", "| Source | Indicators citing it |", "| --- | ---: |"]
        out += sources.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "| \(Markdown.escape($0.key)) | \($0.value) |" }
        out.append("")
        if let notes = q.notes { out += ["Notes: " + e(notes, language), ""] }
        for (number, dimension) in q.dimensions.enumerated() {
            out += ["<a id=\"\(dimension.id)\"></a>", "", "## \(number + 1). \(e(dimension.title, language))", ""]
            if let summary = dimension.summary { out += [e(summary, language), ""] }
            for indicator in dimension.indicators {
                out += ["### \(e(indicator.title, language)) (`\(indicator.id)`)", "", "**Question.** \(e(indicator.question, language))", ""]
                if let guidance = indicator.guidance { out += ["**What to look at.** \(e(guidance, language))", ""] }
                out += ["| Level | What a mission observes | What it takes to reach it |", "| ---: | --- | --- |"]
                for level in 1...5 {
                    out.append("| \(level) | \(e(indicator.levels[level], language)) | \(e(indicator.nextSteps[level], language)) |")
                }
                out.append("")
                if !indicator.evidence.isEmpty {
                    out += ["**Evidence:** " + indicator.evidence.map { e($0, language) }.joined(separator: "; "), ""]
                }
                if !indicator.references.isEmpty {
                    out += ["**References:** " + indicator.references.map { Markdown.escape($0.citation) }.joined(separator: "; "), ""]
                }
                if !indicator.respondents.isEmpty {
                    out += ["**Who answers:** " + indicator.respondents.joined(separator: ", "), ""]
                }
                switch indicator.scope {
                case .national?: out += ["**Scope:** national — every level can be reached by the country on its own.", ""]
                case .crossBorder?: out += ["**Scope:** cross-border — needs the neighbouring country; may be answered `na`, with a note, while the border is closed.", ""]
                case nil: break
                }
            }
        }
        return out.joined(separator: "\n")
    }

    static func compliance(_ q: ComplianceQuestionnaire, language: String) -> String {
        var out = header(q.id, q.version, q.title, q.summary, language)
        if let instrument = q.instrument {
            let facts = [instrument.body.map { "administered by \($0)" }, instrument.adopted.map { "adopted \($0)" },
                         instrument.inForce.map { "in force \($0)" }].compactMap { $0 }
            out += ["**Instrument:** \(e(instrument.name, language))" + (facts.isEmpty ? "" : " — " + facts.joined(separator: ", ")), ""]
        }
        let binding = q.provisions.filter { $0.obligation == .binding }.count
        let bestEndeavour = q.provisions.filter { $0.obligation == .bestEndeavour }.count
        let guidance = q.provisions.count - binding - bestEndeavour
        out += ["\(q.provisions.count) provisions in \(q.sections.count) sections: \(binding) binding, \(bestEndeavour) best endeavour"
            + (guidance == 0 ? "." : ", \(guidance) guidance (not counted in any compliance rate)."), ""]
        if let notes = q.notes { out += ["Notes: " + e(notes, language), ""] }
        for section in q.sections {
            out += ["## \(e(section.title, language))", ""]
            if let summary = section.summary { out += [e(summary, language), ""] }
            out += ["| Provision | Requirement | Obligation | Evidence | Source | Related indicators |", "| --- | --- | --- | --- | --- | --- |"]
            for p in section.provisions {
                out.append("| **\(Markdown.escape(p.id))** \(e(p.title, language)) | \(e(p.requirement, language)) | \(p.obligation.label)\(p.transitional ? " (transitional)" : "") | "
                    + p.evidence.map { e($0, language) }.joined(separator: "; ") + " | "
                    + p.references.map { Markdown.escape($0.citation) }.joined(separator: "; ") + " | "
                    + p.related.map { Markdown.escape($0.indicator) }.joined(separator: ", ") + " |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}

extension Format {
    /// A weight or other plain number: "1", "0.5".
    public static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
