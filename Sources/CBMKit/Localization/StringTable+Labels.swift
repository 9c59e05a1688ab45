// MARK: - Words for the model's values

extension Obligation {
    /// "binding", «обязательное».
    public func label(_ strings: StringTable) -> String { strings.text("obligation.\(rawValue)") }
}

extension ComplianceStatus {
    /// "fully implemented", «выполнено полностью».
    public func label(_ strings: StringTable) -> String { strings.text("status.\(rawValue)") }
}

extension QuestionnaireKind {
    /// "maturity", «зрелость».
    public func label(_ strings: StringTable) -> String { strings.text("kind.\(rawValue)") }
}

extension StringTable {
    /// The name of a level of the standard scale, or "Level 6" for one outside it.
    func levelName(_ level: Int, in questionnaire: MaturityQuestionnaire) -> String {
        questionnaire.scale.first { $0.level == level }?.name.text(in: language) ?? text("level_fallback", ["level": String(level)])
    }

    /// The name of a language in this table's language: "Russian", «русский».
    public func languageName(_ code: String) -> String {
        let key = "language.\(code)"
        return entries[key] == nil ? code : text(key)
    }
}
