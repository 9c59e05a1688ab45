import Foundation

/// Every text cbm writes around the questionnaires' own texts, in one language: report and
/// trend templates, chart labels, generated sentences, statuses, sheet headers, `cbm init`
/// comments, terminal summaries. One YAML file per language in `Resources/locales/`
/// (`en.yaml`, `ru.yaml`), so that a translator adds a language by copying a file, without
/// touching Swift code (docs/translating.md).
///
/// A text may hold placeholders in braces, filled by `text(_:_:)`: `"{count} of {total}"`.
/// A counted text gives one form per plural category of the language (`one`, `few`, `many`,
/// `other`), and `{n}` stands for the number.
public struct StringTable: Sendable {
    /// A language cbm can write: its code and its name as messages and the help of
    /// `--language` list it.
    public struct Language: Sendable, Hashable {
        /// The language code: "ru".
        public var code: String
        /// The English name, followed by the language's own name when it differs:
        /// "Russian, русский".
        public var name: String

        init(code: String, name: String, nativeName: String) {
            self.code = code
            self.name = nativeName == name ? name : "\(name), \(nativeName)"
        }

        /// English first, then by code.
        static func englishFirst(_ languages: [Language]) -> [Language] {
            languages.sorted { ($0.code != "en" ? 1 : 0, $0.code) < ($1.code != "en" ? 1 : 0, $1.code) }
        }
    }

    /// One entry of the table: a text, or the plural forms of a counted text.
    enum Entry: Sendable, Hashable {
        case text(String)
        case plural([PluralCategory: String])
    }

    /// How numbers and dates are written in the language.
    struct Conventions: Sendable, Hashable {
        /// "." or ","
        var decimal: String
        /// "{n}%" or "{n} %" (with a no-break space).
        var percent: String
        /// "-" or "−" (U+2212, the typographic minus).
        var minus: String
        /// Dates: `full` for 2026-10-15, `month` for 2026-10, `year` for 2026; placeholders
        /// {iso}, {day}, {month}, {month_of} (the month as it follows a day: «октября»), {year}.
        var fullDate: String
        var monthDate: String
        var yearDate: String
        var months: [String]
        var monthsOf: [String]
    }

    /// The language code: "en", "ru".
    public let language: String
    /// The language's name in English ("Russian"), for messages.
    public let name: String
    /// The language's name in itself ("русский").
    public let nativeName: String
    /// How the language chooses the plural form of a counted text.
    public let plural: PluralRule
    let conventions: Conventions
    let entries: [String: Entry]
    /// Where each key was read (for the checks of a translation).
    let locations: [String: SourceLocation]

    /// The text for `key` with its placeholders filled. A missing key gives the key itself
    /// in brackets: the tests make sure every table has every key.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        switch entries[key] {
        case let .text(text)?: return values.isEmpty ? text : Self.fill(text, values)
        case let .plural(forms)?: return Self.fill(forms[.other] ?? "", values)
        case nil: return "[\(key)]"
        }
    }

    /// The text of `key`, with no placeholder filled.
    public subscript(_ key: String) -> String { text(key) }

    /// A counted text in the right plural form: `counted(5, "count.indicators")` gives
    /// "5 indicators", «5 показателей». `{n}` is the number, written in the language's style.
    public func counted(_ count: Int, _ key: String, _ values: [String: String] = [:]) -> String {
        form(key, category: plural.category(count), values.merging(["n": integer(count)]) { a, _ in a })
    }

    /// A counted text for a number as shown, which may have decimals: a number written with
    /// a decimal takes the `other` form, as CLDR says ("1.0 points", «1,5 показателя»).
    public func counted(_ value: Double, shown: String, _ key: String, _ values: [String: String] = [:]) -> String {
        let category = shown.contains(conventions.decimal) ? PluralCategory.other : plural.category(value)
        return form(key, category: category, values.merging(["n": shown]) { a, _ in a })
    }

    private func form(_ key: String, category: PluralCategory, _ values: [String: String]) -> String {
        switch entries[key] {
        case let .plural(forms)?: return Self.fill(forms[category] ?? forms[.other] ?? "", values)
        case let .text(text)?: return Self.fill(text, values)
        case nil: return "[\(key)]"
        }
    }

    /// Every key of the table.
    public var keys: [String] { entries.keys.sorted() }

    /// Fills `{name}` placeholders (a name is ASCII letters, digits and `_`); unknown names,
    /// and braces around anything else (`{status: partial}`), stay as they are.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        // By UTF-8 bytes, as `parts` reads them, into one buffer: a report fills about 450
        // texts, and joining substrings of the text cost more than the rest of the work.
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var rest = 0
            var search = 0
            while let open = bytes[search...].firstIndex(of: UInt8(ascii: "{")) {
                let afterOpen = open + 1
                let nameEnd = bytes[afterOpen...].firstIndex { !isNameByte($0) } ?? bytes.count
                if nameEnd > afterOpen, nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: "}") {
                    if let value = values[String(decoding: bytes[afterOpen..<nameEnd], as: UTF8.self)] {
                        out += bytes[rest..<open]
                        out += value.utf8
                    } else {
                        out += bytes[rest...nameEnd]  // an unknown name stays as it is, braces and all
                    }
                    rest = nameEnd + 1
                    search = rest
                } else {
                    search = afterOpen
                }
            }
            out += bytes[rest...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    /// The placeholder names a text uses: "{count} of {total}" → ["count", "total"].
    static func placeholders(in text: String) -> Set<String> {
        Set(parts(text).compactMap { if case let .placeholder(name) = $0 { return name } else { return nil } })
    }

    private enum Part { case literal(Substring), placeholder(String) }

    private static func parts(_ text: String) -> [Part] {
        // By UTF-8 bytes: braces and names are ASCII, so every index found is a character boundary.
        var parts: [Part] = []
        let utf8 = text.utf8
        var rest = utf8.startIndex
        var search = rest
        while let open = utf8[search...].firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = utf8.index(after: open)
            let nameEnd = utf8[afterOpen...].firstIndex { !isNameByte($0) } ?? utf8.endIndex
            if nameEnd > afterOpen, nameEnd < utf8.endIndex, utf8[nameEnd] == UInt8(ascii: "}") {
                parts.append(.literal(text[rest..<open]))
                parts.append(.placeholder(String(text[afterOpen..<nameEnd])))
                rest = utf8.index(after: nameEnd)
                search = rest
            } else {
                search = afterOpen
            }
        }
        parts.append(.literal(text[rest...]))
        return parts
    }
}

// MARK: - The tables bundled with cbm

/// A language asked for that cbm has no texts for.
public struct UnsupportedLanguage: Error, Sendable, CustomStringConvertible {
    /// The language asked for.
    public var language: String
    /// The languages cbm has texts for: code and English name.
    public var available: [StringTable.Language]

    /// What to say: the languages available, and how to add one.
    public var description: String {
        "cbm has no texts in the language `\(language.shortenedForMessage)`; it can write "
            + available.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            + ". To add a language, copy Sources/CBMKit/Resources/locales/en.yaml and translate it (docs/translating.md)."
    }
}

extension StringTable {
    /// What reading `Resources/locales` gave: the tables that read without a problem and have
    /// every text of English, and the problems of each language that did not.
    struct Bundle: Sendable {
        var tables: [String: StringTable] = [:]
        /// Problems by language code (or file name when the code could not be read).
        var problems: [String: [Diagnostic]] = [:]
    }

    /// The tables of every language in `Resources/locales`, read once. A damaged table makes
    /// its own language unavailable (with its problems as the error); the others still work.
    static let loaded: Bundle = {
        guard let directory else {
            return Bundle(problems: ["en": [.error(SourceLocation(file: "locales", line: 1, column: 1),
                                                   "the texts of cbm (locales/*.yaml) were not found next to the program; reinstall cbm")]])
        }
        return load(from: directory)
    }()

    /// Reads every `*.yaml` table of a folder and checks each against English.
    static func load(from directory: URL) -> Bundle {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var bundle = Bundle()
        for file in files {
            let code = String(file.dropLast(".yaml".count))
            let (table, found) = read(directory.appendingPathComponent(file), shownAs: "locales/\(file)")
            if let table, !found.hasErrors { bundle.tables[table.language] = table } else { bundle.problems[code, default: []] += found }
        }
        if let english = bundle.tables[LocalizedText.defaultLanguage] {
            for table in bundle.tables.values where table.language != english.language {
                let differences = table.differences(from: english)
                if differences.hasErrors {
                    bundle.tables[table.language] = nil
                    bundle.problems[table.language, default: []] += differences
                }
            }
        } else if bundle.problems[LocalizedText.defaultLanguage] == nil {
            bundle.problems[LocalizedText.defaultLanguage] = [.error(SourceLocation(file: "locales/en.yaml", line: 1, column: 1),
                                                                     "the English texts of cbm are missing; reinstall cbm")]
        }
        return bundle
    }

    /// Every table, or every problem of every table: what the tests check.
    static var bundled: Result<[String: StringTable], LoadError> {
        let problems = loaded.problems.values.flatMap { $0 }
        return problems.isEmpty ? .success(loaded.tables) : .failure(LoadError(problems))
    }

    /// The tables that can be used.
    static var usable: [String: StringTable] { loaded.tables }

    /// The codes and names of the languages cbm can write, English first.
    public static var availableLanguages: [Language] {
        Language.englishFirst(usable.values.map { Language(code: $0.language, name: $0.name, nativeName: $0.nativeName) })
    }

    /// The table of a language. Throws `UnsupportedLanguage` for a language cbm has no texts
    /// for (never falls back to English silently), and `LoadError` with the problems of a
    /// table that is damaged or lacks texts.
    public static func forLanguage(_ language: String) throws -> StringTable {
        if let table = alone(language) { return table }
        if let table = usable[language] { return table }
        if let problems = loaded.problems[language] { throw LoadError(problems) }
        throw UnsupportedLanguage(language: language, available: availableLanguages)
    }

    /// The English table, which every installation has (the tests read it).
    public static var english: StringTable {
        if let table = alone(LocalizedText.defaultLanguage) { return table }
        guard let table = usable[LocalizedText.defaultLanguage] else {
            fatalError("the English texts of cbm are damaged; reinstall cbm: " + (loaded.problems["en"] ?? []).map(\.description).joined(separator: "; "))
        }
        return table
    }
}

// MARK: - One language at a time

extension StringTable {
    /// The tables read one at a time by `alone(_:)`.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var checked: [String: StringTable?] = [:]
        private var read: [String: StringTable?] = [:]

        /// The table of `code` once checked (`checked: true`) or once read, made by `make` the
        /// first time it is asked for.
        func table(_ code: String, checked wantChecked: Bool, make: () -> StringTable?) -> StringTable? {
            if let known = lock.withLock({ wantChecked ? checked[code] : read[code] }) { return known }
            let table = make()
            lock.withLock { if wantChecked { checked[code] = table } else { read[code] = table } }
            return table
        }
    }
    private static let cache = Cache()

    /// The table in `<code>.yaml` as read, when it reads without a problem and declares that
    /// language, not yet checked against English (nil otherwise). Read once.
    static func readAlone(_ code: String) -> StringTable? {
        cache.table(code, checked: false) {
            guard isLanguageCode(code), let url = directory?.appendingPathComponent("\(code).yaml"), FileManager.default.fileExists(atPath: url.path) else { return nil }
            if let table = withPreparedForm(of: code, { fromPrepared($0, source: $1, file: "locales/\(code).yaml") }), table.language == code {
                return table
            }
            let (read, problems) = StringTable.read(url, shownAs: "locales/\(code).yaml")
            guard let read, !problems.hasErrors, read.language == code else { return nil }
            return read
        }
    }

    private static var directory: URL? { BundledResources.folder("locales") }

    /// `read` of the prepared form of `locales/CODE.yaml` and of that YAML
    /// (`PreparedForm.withFiles`); nil when either is missing or `read` gives nil.
    private static func withPreparedForm<T>(of code: String, _ read: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> T?) -> T? {
        guard let directory, let prepared = BundledResources.folder(PreparedForm.folder) else { return nil }
        return PreparedForm.withFiles(prepared: prepared.appendingPathComponent(preparedFileName(code: code)),
                                      source: directory.appendingPathComponent("\(code).yaml"), maxBytes: ReadLimits.standard.maxBytes, read)
    }

    /// The table of one language read on its own (with English, to check it against), when
    /// `<code>.yaml` reads without a problem, declares that language and has every text of
    /// English. A command writes in one language, and reading only that table (rather than
    /// every table, as `loaded` does) saves a few milliseconds on every run. Nil otherwise:
    /// `loaded` then gives the same table, or the problems to report.
    static func alone(_ code: String) -> StringTable? {
        cache.table(code, checked: true) {
            guard let read = readAlone(code) else { return nil }
            if code == LocalizedText.defaultLanguage { return read }
            guard let english = alone(LocalizedText.defaultLanguage), !read.differences(from: english).hasErrors else { return nil }
            return read
        }
    }

    /// The languages installed (`Resources/locales/*.yaml`), code and name, English first,
    /// read from the head of each file (`language:`, `name:`, `native_name:`) without reading
    /// the tables: for the help of `--language`. A damaged table is listed too (asking for its
    /// language then gives its problems). Falls back to `availableLanguages` when a head can't be read.
    public static var installedLanguages: [Language] { installed }

    /// Read once: ArgumentParser asks for the help of `--language` several times per run.
    private static let installed: [Language] = {
        guard let directory else { return availableLanguages }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }
        var found: [Language] = []
        for file in files {
            // From the prepared table's top when it is current (no YAML to parse), else the YAML's.
            let code = String(file.dropLast(".yaml".count))
            if let language = withPreparedForm(of: code, preparedLanguage), language.code == code {
                found.append(language)
                continue
            }
            guard let head = YAMLHeader.scalars(["language", "name", "native_name"], required: ["language", "name"],
                                                at: directory.appendingPathComponent(file)),
                  let code = head["language"], let name = head["name"], code + ".yaml" == file else { return availableLanguages }
            found.append(Language(code: code, name: name, nativeName: head["native_name"] ?? name))
        }
        return Language.englishFirst(found)
    }()
}
