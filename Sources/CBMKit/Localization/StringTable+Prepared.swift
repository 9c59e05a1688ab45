import Foundation

/// The prepared form of a string table (`PreparedForm`): `locales/en.yaml` read on every run
/// without parsing its YAML. Used by `readAlone(_:)` when it was made from the very YAML
/// beside it; otherwise the YAML is read. The head is `CBMT`; then the language, its names,
/// the plural rule, the conventions, every entry by key, and every key's place.
/// **When `StringTable` gains or changes a field, write it here and raise `preparedVersion`.**
extension StringTable {
    static let preparedKind = Array("CBMT".utf8)
    static let preparedVersion: UInt8 = 1

    /// The name of the prepared form of `locales/CODE.yaml`: `locale-en.cbmt`.
    static func preparedFileName(code: String) -> String { "locale-\(code).cbmt" }

    /// This table's prepared form, read from the YAML text `source`.
    func prepared(source: Data) -> Data {
        var writer = source.withUnsafeBytes { PreparedForm.head(kind: Self.preparedKind, version: Self.preparedVersion, source: $0) }
        writer.string(language)
        writer.string(name)
        writer.string(nativeName)
        writer.string(plural.rawValue)
        for text in [conventions.decimal, conventions.percent, conventions.minus, conventions.fullDate, conventions.monthDate, conventions.yearDate] {
            writer.string(text)
        }
        writer.list(conventions.months) { $0.string($1) }
        writer.list(conventions.monthsOf) { $0.string($1) }
        writer.dictionary(entries, by: { $0 }) { writer, key, entry in
            writer.string(key)
            switch entry {
            case let .text(text):
                writer.bytes.append(0)
                writer.string(text)
            case let .plural(forms):
                writer.bytes.append(1)
                writer.dictionary(forms, by: \.rawValue) { $0.string($1.rawValue); $0.string($2) }
            }
        }
        writer.dictionary(locations, by: { $0 }) { $0.string($1); $0.location($2) }
        return Data(writer.bytes)
    }

    /// The table in a prepared form made from the YAML text `source` (nil when it was not, or
    /// is damaged). Places in it name `file`.
    static func fromPrepared(_ prepared: UnsafeRawBufferPointer, source: UnsafeRawBufferPointer, file: String) -> StringTable? {
        PreparedForm.read(prepared, kind: preparedKind, version: preparedVersion, source: source, file: file) { reader throws(PreparedForm.Damaged) in
            let language = try reader.string(), name = try reader.string(), nativeName = try reader.string()
            guard let plural = PluralRule(rawValue: try reader.string()) else { throw PreparedForm.Damaged() }
            let conventions = Conventions(
                decimal: try reader.string(), percent: try reader.string(), minus: try reader.string(),
                fullDate: try reader.string(), monthDate: try reader.string(), yearDate: try reader.string(),
                months: try reader.list { reader throws(PreparedForm.Damaged) in try reader.string() },
                monthsOf: try reader.list { reader throws(PreparedForm.Damaged) in try reader.string() })
            let entries = try reader.dictionary { reader throws(PreparedForm.Damaged) -> (String, Entry) in
                let key = try reader.string()
                switch try reader.byte() {
                case 0:
                    return (key, .text(try reader.string()))
                case 1:
                    return (key, .plural(try reader.dictionary { reader throws(PreparedForm.Damaged) in
                        guard let category = PluralCategory(rawValue: try reader.string()) else { throw PreparedForm.Damaged() }
                        return (category, try reader.string())
                    }))
                default:
                    throw PreparedForm.Damaged()
                }
            }
            let locations = try reader.dictionary { reader throws(PreparedForm.Damaged) -> (String, SourceLocation) in
                let key = try reader.string()
                guard let location = try reader.location() else { throw PreparedForm.Damaged() }
                return (key, location)
            }
            return StringTable(language: language, name: name, nativeName: nativeName, plural: plural, conventions: conventions,
                               entries: entries, locations: locations)
        }
    }

    /// The language and its names at the top of a prepared table made from `source`, without
    /// reading the rest: for the help of `--language`.
    static func preparedLanguage(_ prepared: UnsafeRawBufferPointer, source: UnsafeRawBufferPointer) -> Language? {
        PreparedForm.read(prepared, kind: preparedKind, version: preparedVersion, source: source, file: "", whole: false) { reader throws(PreparedForm.Damaged) in
            Language(code: try reader.string(), name: try reader.string(), nativeName: try reader.string())
        }
    }
}

extension PreparedForm.Writer {
    /// A place in the YAML the prepared form was made from: its line and column.
    mutating func location(_ location: SourceLocation?) {
        optional(location) { $0.int($1.line); $0.int($1.column) }
    }
}

extension PreparedForm.Reader {
    /// A place written by `Writer.location(_:)`, in the file the reader was given.
    mutating func location() throws(PreparedForm.Damaged) -> SourceLocation? {
        try optional { reader throws(PreparedForm.Damaged) in SourceLocation(file: reader.file, line: try reader.int(), column: try reader.int()) }
    }
}
