extension ScaleLevel {
    /// The scale used when a questionnaire defines none, in every language cbm has texts for
    /// (`scale.1.name`, `scale.1.summary`… in `Resources/locales/*.yaml`). The questionnaire
    /// reader gives it to a questionnaire without `scale:`.
    public static let standard: [ScaleLevel] = {
        let tables = StringTable.usable
        return (1...5).map { level in
            func text(_ key: String) -> LocalizedText {
                var translations: [String: String] = [:]
                for (language, table) in tables { translations[language] = table.text("scale.\(level).\(key)") }
                return translations.isEmpty ? LocalizedText("\(level)") : LocalizedText(translations: translations)
            }
            return ScaleLevel(level: level, name: text("name"), summary: text("summary"))
        }
    }()
}
