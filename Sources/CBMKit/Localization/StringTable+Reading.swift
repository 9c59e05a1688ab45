import Foundation

// MARK: - Reading and checking a table

extension StringTable {
    /// Reads one table file:
    ///
    /// ```yaml
    /// language: ru
    /// name: Russian
    /// native_name: русский
    /// plural: east-slavic
    /// numbers: {decimal: ",", percent: "{n} %", minus: "−"}
    /// dates: {full: "{day} {month_of} {year} г.", month: …, year: …, months: […], months_of: […]}
    /// texts:
    ///   report:
    ///     summary: Краткое изложение
    ///   count:
    ///     indicators: {one: "{n} показатель", few: "{n} показателя", many: "{n} показателей", other: "{n} показателя"}
    /// ```
    ///
    /// Keys under `texts` are joined with dots (`report.summary`). A mapping whose keys are
    /// all plural categories is a counted text.
    static func read(_ url: URL, shownAs file: String) -> (StringTable?, [Diagnostic]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return (nil, [.error(SourceLocation(file: file, line: 1, column: 1), "cannot read the file: \(error.localizedDescription)")])
        }
        return parse(data, file: file)
    }

    static func parse(_ data: Data, file: String) -> (StringTable?, [Diagnostic]) {
        let read = YAMLReader.read(data, file: file)
        guard let document = read.value else { return (nil, read.diagnostics) }
        let (table, problems) = document.read { parse($0, file: file) }
        return (table, read.diagnostics + problems)
    }

    /// The table in a YAML tree (kept apart from reading, so that only `parse(_:file:)`
    /// depends on how the YAML reader hands out its tree).
    static func parse(_ root: YAMLNode, file: String) -> (StringTable?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        guard let pairs = root.mappingPairs else {
            problems.append(.error(root.location, "expected the keys language, name, plural, numbers, dates and texts"))
            return (nil, problems)
        }
        var top: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            guard ["language", "name", "native_name", "plural", "numbers", "dates", "texts"].contains(key) else {
                problems.append(.error(pair.key.location, "unknown key `\(key.shortenedForMessage)`; expected language, name, native_name, plural, numbers, dates or texts"))
                continue
            }
            top[key] = pair.value
        }
        func string(_ node: YAMLNode?, _ what: String, at location: SourceLocation) -> String? {
            guard let node else {
                problems.append(.error(location, "`\(what)` is missing"))
                return nil
            }
            guard let text = node.scalar else {
                problems.append(.error(node.location, "expected `\(what)` to be text, found \(node.kindDescription)"))
                return nil
            }
            return text
        }
        func fields(_ node: YAMLNode?, _ what: String) -> [String: YAMLNode] {
            guard let node else {
                problems.append(.error(root.location, "`\(what)` is missing"))
                return [:]
            }
            guard let pairs = node.mappingPairs else {
                problems.append(.error(node.location, "expected `\(what)` to hold keys, found \(node.kindDescription)"))
                return [:]
            }
            var out: [String: YAMLNode] = [:]
            for pair in pairs { if let key = pair.key.scalar { out[key] = pair.value } }
            return out
        }
        func list(_ node: YAMLNode?, _ what: String, at location: SourceLocation) -> [String] {
            guard let items = node?.sequenceItems, items.count == 12, items.allSatisfy({ $0.scalar != nil }) else {
                problems.append(.error(node?.location ?? location, "expected `\(what)` to list the twelve months, January first"))
                return []
            }
            return items.compactMap(\.scalar)
        }

        let language = string(top["language"], "language", at: root.location) ?? ""
        if !language.isEmpty && !isLanguageCode(language) {
            problems.append(.error(top["language"]!.location, "expected a language code such as `en` or `ru`, found `\(language.shortenedForMessage)`"))
        }
        let name = string(top["name"], "name", at: root.location) ?? language
        let nativeName = top["native_name"].flatMap(\.scalar) ?? name
        let pluralName = string(top["plural"], "plural", at: root.location) ?? ""
        let plural = PluralRule(rawValue: pluralName)
        if plural == nil && !pluralName.isEmpty {
            problems.append(.error(top["plural"]!.location, "expected a plural rule: " + PluralRule.allCases.map(\.rawValue).joined(separator: ", ") + "; found `\(pluralName.shortenedForMessage)`"))
        }
        let numbers = fields(top["numbers"], "numbers")
        let dates = fields(top["dates"], "dates")
        let at = top["dates"]?.location ?? root.location
        let conventions = Conventions(
            decimal: string(numbers["decimal"], "numbers: decimal", at: top["numbers"]?.location ?? root.location) ?? ".",
            percent: string(numbers["percent"], "numbers: percent", at: top["numbers"]?.location ?? root.location) ?? "{n}%",
            minus: string(numbers["minus"], "numbers: minus", at: top["numbers"]?.location ?? root.location) ?? "-",
            fullDate: string(dates["full"], "dates: full", at: at) ?? "{iso}",
            monthDate: string(dates["month"], "dates: month", at: at) ?? "{iso}",
            yearDate: string(dates["year"], "dates: year", at: at) ?? "{iso}",
            months: list(dates["months"], "dates: months", at: at),
            monthsOf: list(dates["months_of"], "dates: months_of", at: at))

        var entries: [String: Entry] = [:]
        var locations: [String: SourceLocation] = [:]
        let categories = Set(PluralCategory.allCases.map(\.rawValue))
        func walk(_ node: YAMLNode, prefix: String) {
            if let text = node.scalar {
                entries[prefix] = .text(text)
                locations[prefix] = node.location
                return
            }
            guard let pairs = node.mappingPairs else {
                problems.append(.error(node.location, "expected `\(prefix)` to be a text or a group of texts, found \(node.kindDescription)"))
                return
            }
            let keys = pairs.compactMap(\.key.scalar)
            if !keys.isEmpty && keys.allSatisfy({ categories.contains($0) }) {
                var forms: [PluralCategory: String] = [:]
                for pair in pairs {
                    guard let category = pair.key.scalar.flatMap(PluralCategory.init(rawValue:)), let text = pair.value.scalar else {
                        problems.append(.error(pair.value.location, "expected the `\(pair.key.scalar ?? "")` form of `\(prefix)` to be text"))
                        continue
                    }
                    forms[category] = text
                }
                entries[prefix] = .plural(forms)
                locations[prefix] = node.location
                if let plural {
                    let missing = plural.categories.filter { forms[$0] == nil }
                    if !missing.isEmpty {
                        problems.append(.error(node.location, "`\(prefix)` needs the plural forms " + missing.map { "`\($0.rawValue)`" }.joined(separator: ", ") + " (rule \(plural.rawValue))"))
                    }
                }
                return
            }
            for pair in pairs {
                guard let key = pair.key.scalar, !key.isEmpty else { continue }
                let path = prefix.isEmpty ? key : prefix + "." + key
                if entries[path] != nil || locations[path] != nil {
                    problems.append(.error(pair.key.location, "`\(path)` is given twice"))
                    continue
                }
                walk(pair.value, prefix: path)
            }
        }
        if let texts = top["texts"] {
            walk(texts, prefix: "")
        } else {
            problems.append(.error(root.location, "`texts` is missing"))
        }
        guard !problems.hasErrors, let plural else { return (nil, problems) }
        return (StringTable(language: language, name: name, nativeName: nativeName, plural: plural, conventions: conventions,
                            entries: entries, locations: locations), problems)
    }

    /// What a translation lacks or has too much against the English table: keys missing or
    /// unknown, a text where English counts (or the reverse), and placeholders that differ.
    func differences(from english: StringTable) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let file = locations.values.first?.file ?? "locales/\(language).yaml"
        let top = SourceLocation(file: file, line: 1, column: 1)
        for key in english.keys where entries[key] == nil {
            problems.append(.error(top, "the text `\(key)` is missing (English: “\(english.text(key).shortenedForMessage)”, \(english.locations[key].map { "\($0.file):\($0.line)" } ?? ""))"))
        }
        for key in keys where english.entries[key] == nil {
            problems.append(.error(locations[key] ?? top, "`\(key)` is not a text cbm uses (it is not in locales/en.yaml); remove it or check its spelling"))
        }
        for key in keys {
            guard let mine = entries[key], let theirs = english.entries[key] else { continue }
            let at = locations[key] ?? top
            switch (mine, theirs) {
            case (.text, .plural):
                problems.append(.error(at, "`\(key)` is a counted text in English; give its plural forms (" + plural.categories.map(\.rawValue).joined(separator: ", ") + ")"))
            case (.plural, .text):
                problems.append(.error(at, "`\(key)` is a plain text in English, not a counted one; give one text"))
            default:
                let expected = english.allPlaceholders(key)
                let found = allPlaceholders(key)
                if expected != found {
                    problems.append(.error(at, "`\(key)` must use the placeholders " + expected.sorted().map { "{\($0)}" }.joined(separator: " ")
                        + " as the English text does; found " + (found.isEmpty ? "none" : found.sorted().map { "{\($0)}" }.joined(separator: " "))))
                }
            }
        }
        return problems
    }

    private func allPlaceholders(_ key: String) -> Set<String> {
        switch entries[key] {
        case let .text(text)?: return Self.placeholders(in: text)
        case let .plural(forms)?: return forms.values.reduce(into: Set<String>()) { $0.formUnion(Self.placeholders(in: $1)) }.subtracting(["n"])
        case nil: return []
        }
    }
}
