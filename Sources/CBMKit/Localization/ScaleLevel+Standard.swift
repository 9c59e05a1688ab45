extension ScaleLevel {
    /// The scale used when a questionnaire defines none, in every language cbm has texts for
    /// (`scale.1.name`, `scale.1.summary`… in `Resources/locales/*.yaml`). The questionnaire
    /// reader gives it to a questionnaire without `scale:`.
    ///
    /// The names are taken from each installed table as read (`StringTable.readAlone`), without
    /// checking the whole table against English: that check is made when a language is asked
    /// for, so that a command writing English does not pay for checking every other language.
    /// When a table can't be read, every table is read and checked (`StringTable.usable`), as before.
    public static let standard: [ScaleLevel] = {
        let codes = StringTable.installedLanguages.map(\.code)
        var tables: [String: StringTable] = [:]
        for code in codes { if let table = StringTable.readAlone(code) { tables[code] = table } }
        if tables.count != codes.count || tables[LocalizedText.defaultLanguage] == nil { tables = StringTable.usable }
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
