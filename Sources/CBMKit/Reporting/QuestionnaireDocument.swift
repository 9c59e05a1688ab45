/// A questionnaire written out as a readable Markdown document: for interviewers to print,
/// and for docs/cbm-model.md (and docs/cbm-model.ru.md), which are generated from the
/// bundled questionnaire. The words around the questionnaire's own texts come from the
/// string table of the language (`show.*` in `Resources/locales/*.yaml`).
public enum QuestionnaireDocument {
    /// The document in `language`; a language cbm has no texts for gives the English document
    /// (the command line refuses such a language before it gets here).
    public static func markdown(_ questionnaire: Questionnaire, language: String = LocalizedText.defaultLanguage) -> String {
        markdown(questionnaire, strings: (try? StringTable.forLanguage(language)) ?? .english)
    }

    public static func markdown(_ questionnaire: Questionnaire, strings: StringTable) -> String {
        switch questionnaire {
        case let .maturity(q): return DirectionControls.shown(maturity(q, strings))
        case let .compliance(q): return DirectionControls.shown(compliance(q, strings))
        }
    }

    private static func e(_ text: LocalizedText?, _ t: StringTable) -> String {
        Markdown.escape(text?.text(in: t.language) ?? "")
    }

    private static func header(_ id: String, _ version: String, _ title: LocalizedText, _ summary: LocalizedText?, _ t: StringTable) -> [String] {
        let command = "cbm show \(id)" + (t.language == LocalizedText.defaultLanguage ? "" : " --language \(t.language)")
        var out = ["# \(e(title, t))", "",
                   "*" + t.text("show.generated", ["id": id, "version": version, "command": command]) + "*", ""]
        if let summary { out += [e(summary, t), ""] }
        return out
    }

    static func maturity(_ q: MaturityQuestionnaire, _ t: StringTable) -> String {
        var out = header(q.id, q.version, q.title, q.summary, t)
        out += ["## \(t["show.scale"])", "", "| \(t["show.level"]) | \(t["show.name"]) | \(t["show.meaning"]) |", "| ---: | --- | --- |"]
        out += q.scale.map { "| \($0.level) | \(e($0.name, t)) | \(e($0.summary, t)) |" }
        out += ["", t.text("show.default_target", ["level": String(q.defaultTarget)]), ""]
        out += ["## \(t["show.dimensions"])", "", "| \(t["show.dimension"]) | \(t["show.indicators"]) | \(t["show.weight"]) |", "| --- | ---: | ---: |"]
        out += q.dimensions.map { "| [\(e($0.title, t))](#\($0.id)) | \($0.indicators.count) | \(t.number($0.weight)) |" }
        out += ["", t.counted(q.indicators.count, "show.indicators_in_all"), ""]
        var sources: [String: Int] = [:]
        for indicator in q.indicators {
            for source in Set(indicator.references.map(\.source)) { sources[source, default: 0] += 1 }
        }
        out += ["## \(t["show.sources"])", "", "| \(t["show.source"]) | \(t["show.citing"]) |", "| --- | ---: |"]
        out += sources.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "| \(Markdown.escape($0.key)) | \($0.value) |" }
        out.append("")
        if let notes = q.notes { out += [t["show.notes"] + " " + e(notes, t), ""] }
        for (number, dimension) in q.dimensions.enumerated() {
            out += ["<a id=\"\(dimension.id)\"></a>", "", "## \(number + 1). \(e(dimension.title, t))", ""]
            if let summary = dimension.summary { out += [e(summary, t), ""] }
            for indicator in dimension.indicators {
                out += ["### \(e(indicator.title, t)) (`\(indicator.id)`)", "", "**\(t["show.question"])** \(e(indicator.question, t))", ""]
                if let guidance = indicator.guidance { out += ["**\(t["show.guidance"])** \(e(guidance, t))", ""] }
                out += ["| \(t["show.level"]) | \(t["show.observed"]) | \(t["show.to_reach"]) |", "| ---: | --- | --- |"]
                for level in 1...5 {
                    out.append("| \(level) | \(e(indicator.levels[level], t)) | \(e(indicator.nextSteps[level], t)) |")
                }
                out.append("")
                if !indicator.evidence.isEmpty {
                    out += ["**\(t["show.evidence"])** " + indicator.evidence.map { e($0, t) }.joined(separator: "; "), ""]
                }
                if !indicator.references.isEmpty {
                    out += ["**\(t["show.references"])** " + indicator.references.map { Markdown.escape($0.citation) }.joined(separator: "; "), ""]
                }
                if !indicator.respondents.isEmpty {
                    out += ["**\(t["show.respondents"])** " + indicator.respondents.joined(separator: ", "), ""]
                }
                switch indicator.scope {
                case .national?: out += ["**\(t["show.scope"])** " + t["show.scope_national"], ""]
                case .crossBorder?: out += ["**\(t["show.scope"])** " + t["show.scope_cross_border"], ""]
                case nil: break
                }
            }
        }
        return out.joined(separator: "\n")
    }

    static func compliance(_ q: ComplianceQuestionnaire, _ t: StringTable) -> String {
        var out = header(q.id, q.version, q.title, q.summary, t)
        if let instrument = q.instrument {
            let facts = [instrument.body.map { t.text("show.administered_by", ["body": $0]) },
                         instrument.adopted.map { t.text("show.adopted", ["date": t.date($0)]) },
                         instrument.inForce.map { t.text("show.in_force", ["date": t.date($0)]) }].compactMap { $0 }
            out += ["**\(t["show.instrument"])** \(e(instrument.name, t))" + (facts.isEmpty ? "" : " — " + facts.joined(separator: ", ")), ""]
        }
        let binding = q.provisions.filter { $0.obligation == .binding }.count
        let bestEndeavour = q.provisions.filter { $0.obligation == .bestEndeavour }.count
        let guidance = q.provisions.count - binding - bestEndeavour
        out += [t.text(guidance == 0 ? "show.provisions_summary" : "show.provisions_summary_guidance", [
            "provisions": t.counted(q.provisions.count, "count.provisions"), "sections": t.counted(q.sections.count, "count.sections"),
            "binding": t.integer(binding), "best": t.integer(bestEndeavour), "guidance": t.integer(guidance)]), ""]
        if let notes = q.notes { out += [t["show.notes"] + " " + e(notes, t), ""] }
        for section in q.sections {
            out += ["## \(e(section.title, t))", ""]
            if let summary = section.summary { out += [e(summary, t), ""] }
            out += ["| \(t["show.provision"]) | \(t["show.requirement"]) | \(t["show.obligation"]) | \(t["show.evidence_column"]) | \(t["show.source"]) | \(t["show.related"]) |",
                    "| --- | --- | --- | --- | --- | --- |"]
            for p in section.provisions {
                out.append("| **\(Markdown.escape(p.id))** \(e(p.title, t)) | \(e(p.requirement, t)) | \(p.obligation.label(t))\(p.transitional ? " (\(t["obligation.transitional"]))" : "") | "
                    + p.evidence.map { e($0, t) }.joined(separator: "; ") + " | "
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
