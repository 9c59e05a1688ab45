import Foundation

/// The prepared form of a bundled questionnaire: its model, as `Loader.loadQuestionnaire`
/// makes it from the YAML, written compactly, so that a run reads it without parsing the
/// YAML again (parsing is most of what a run costs; docs/performance.md).
///
/// A prepared file is only a faster way to the same questionnaire. It holds the length and
/// fingerprint of the YAML text it was made from, checked on every read: when the YAML has
/// been edited since, when the file is damaged or was made by another format version, it is
/// not used, and the YAML is read as always. `scripts/regenerate-reports` makes the files
/// (`cbm-bench prepare`), and `swift test` fails while one is out of date.
///
/// The format: `CBMQ`, the format version (one byte), the YAML's length and fingerprint, then
/// the model field by field in declaration order: whole numbers as variable-length integers
/// (zigzag), texts as their UTF-8 length and bytes, weights as the 8 bytes of their
/// `Double`, optional values behind a 0/1 byte, lists and dictionaries (sorted by key) behind
/// their count, places as line and column (the file is the name the YAML is shown by). A
/// maturity questionnaire without its own scale keeps none: it gets `ScaleLevel.standard`.
/// **When a model type gains or changes a field, write it in `Writer` and `Reader` below and
/// raise `formatVersion`**; the round-trip test compares every bundled questionnaire.
enum PreparedQuestionnaire {
    static let magic = Array("CBMQ".utf8)
    static let formatVersion: UInt8 = 1
    /// The folder of the bundled resources that holds the prepared files.
    static let folder = "prepared"

    /// The name of the prepared file of a questionnaire version: `cbm-core-2026.1.cbmq`.
    static func fileName(id: String, version: String) -> String { "\(id)-\(version).cbmq" }

    /// The prepared form of `questionnaire`, read from the YAML text `source`.
    static func encode(_ questionnaire: Questionnaire, source: Data) -> Data {
        var writer = Writer()
        writer.bytes += magic
        writer.bytes.append(formatVersion)
        writer.uint(UInt64(source.count))
        writer.fixed64(source.withUnsafeBytes(fingerprint))
        writer.questionnaire(questionnaire)
        return Data(writer.bytes)
    }

    /// The questionnaire in `prepared`, when it was made from the YAML text `source` by this
    /// format version; nil otherwise, or when it is damaged. Places in it name `file`.
    static func decode(_ prepared: UnsafeRawBufferPointer, source: UnsafeRawBufferPointer, file: String) -> Questionnaire? {
        var reader = Reader(bytes: prepared, file: file)
        do {
            guard try reader.take(magic.count).elementsEqual(magic), try reader.byte() == formatVersion,
                  try reader.uint() == UInt64(source.count), try reader.fixed64() == fingerprint(source) else { return nil }
            let questionnaire = try reader.questionnaire()
            return reader.offset == prepared.count ? questionnaire : nil
        } catch {
            return nil
        }
    }

    /// A 64-bit fingerprint of a text, to tell whether it changed: its words of 8 bytes mixed
    /// into four lanes in turn (for speed), each step reversible, so that changing any one
    /// word always changes its lane, and the lanes are then mixed together. Not a defence
    /// against deliberate collisions (whoever can edit the YAML can edit the prepared file
    /// too), only against using a prepared file after its YAML was edited.
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        func mix(_ hash: inout UInt64, _ word: UInt64) {
            hash = (hash ^ word) &* prime
            hash ^= hash >> 29
        }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB)
        var offset = 0
        while offset + 32 <= bytes.count {
            mix(&lanes.0, word(offset))
            mix(&lanes.1, word(offset + 8))
            mix(&lanes.2, word(offset + 16))
            mix(&lanes.3, word(offset + 24))
            offset += 32
        }
        var hash = UInt64(bytes.count)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { mix(&hash, lane) }
        while offset + 8 <= bytes.count {
            mix(&hash, word(offset))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        mix(&hash, tail)
        return hash
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []

        mutating func uint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
        mutating func fixed64(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }

        mutating func string(_ value: String) {
            uint(UInt64(value.utf8.count))
            bytes += value.utf8
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            bool(value != nil)
            if let value { write(&self, value) }
        }

        mutating func list<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            uint(UInt64(values.count))
            for value in values { write(&self, value) }
        }

        mutating func text(_ text: LocalizedText) {
            list(text.translations.sorted { $0.key < $1.key }) { $0.string($1.key); $0.string($1.value) }
        }

        mutating func levelTexts(_ texts: [Int: LocalizedText]) {
            list(texts.sorted { $0.key < $1.key }) { $0.int($1.key); $0.text($1.value) }
        }

        mutating func location(_ location: SourceLocation?) {
            optional(location) { $0.int($1.line); $0.int($1.column) }
        }

        mutating func reference(_ reference: Reference) {
            string(reference.source)
            optional(reference.ref) { $0.string($1) }
            optional(reference.url) { $0.string($1) }
        }

        mutating func questionnaire(_ questionnaire: Questionnaire) {
            switch questionnaire {
            case let .maturity(q):
                bytes.append(0)
                string(q.id)
                string(q.version)
                text(q.title)
                optional(q.summary) { $0.text($1) }
                optional(q.notes) { $0.text($1) }
                int(q.defaultTarget)
                // A questionnaire without `scale:` has the standard one, whose names come from
                // the installed texts (locales/): taken from them when read, as the YAML would be.
                bool(q.ownScale)
                if q.ownScale { list(q.scale) { $0.int($1.level); $0.text($1.name); $0.optional($1.summary) { $0.text($1) } } }
                list(q.dimensions) { $0.dimension($1) }
            case let .compliance(q):
                bytes.append(1)
                string(q.id)
                string(q.version)
                text(q.title)
                optional(q.summary) { $0.text($1) }
                optional(q.notes) { $0.text($1) }
                optional(q.instrument) { writer, instrument in
                    writer.text(instrument.name)
                    for field in [instrument.body, instrument.adopted, instrument.inForce, instrument.url] {
                        writer.optional(field) { $0.string($1) }
                    }
                }
                list(q.sections) { $0.section($1) }
            }
        }

        mutating func dimension(_ dimension: Dimension) {
            string(dimension.id)
            text(dimension.title)
            optional(dimension.summary) { $0.text($1) }
            fixed64(dimension.weight.bitPattern)
            list(dimension.indicators) { $0.indicator($1) }
            location(dimension.location)
        }

        mutating func indicator(_ indicator: Indicator) {
            string(indicator.id)
            text(indicator.title)
            text(indicator.question)
            optional(indicator.guidance) { $0.text($1) }
            fixed64(indicator.weight.bitPattern)
            levelTexts(indicator.levels)
            levelTexts(indicator.nextSteps)
            list(indicator.evidence) { $0.text($1) }
            list(indicator.references) { $0.reference($1) }
            list(indicator.respondents) { $0.string($1) }
            optional(indicator.scope) { $0.string($1.rawValue) }
            location(indicator.location)
        }

        mutating func section(_ section: ComplianceSection) {
            string(section.id)
            text(section.title)
            optional(section.summary) { $0.text($1) }
            list(section.provisions) { $0.provision($1) }
            location(section.location)
        }

        mutating func provision(_ provision: Provision) {
            string(provision.id)
            text(provision.title)
            text(provision.requirement)
            string(provision.obligation.rawValue)
            bool(provision.transitional)
            optional(provision.guidance) { $0.text($1) }
            list(provision.evidence) { $0.text($1) }
            list(provision.references) { $0.reference($1) }
            list(provision.related) { $0.string($1.questionnaire); $0.string($1.indicator); $0.location($1.location) }
            location(provision.location)
        }
    }

    // MARK: Reading

    /// The file ends early, or holds something the writer never writes.
    struct Damaged: Error {}

    /// Reads what `Writer` wrote, checking every length against what is left.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        let file: String
        var offset = 0

        init(bytes: UnsafeRawBufferPointer, file: String) {
            self.bytes = bytes
            self.file = file
        }

        mutating func byte() throws(Damaged) -> UInt8 {
            guard offset < bytes.count else { throw Damaged() }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func take(_ count: Int) throws(Damaged) -> UnsafeRawBufferPointer {
            guard count <= bytes.count - offset else { throw Damaged() }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        }

        mutating func uint() throws(Damaged) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                guard shift < 64 else { throw Damaged() }
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
        }

        mutating func int() throws(Damaged) -> Int {
            let zigzag = try uint()
            return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
        }

        /// A count of things that take at least a byte each: never more than the bytes left.
        mutating func count() throws(Damaged) -> Int {
            let count = try uint()
            guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
            return Int(count)
        }

        mutating func bool() throws(Damaged) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw Damaged()
            }
        }

        mutating func fixed64() throws(Damaged) -> UInt64 {
            let word = try take(8)
            return word.reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }

        mutating func double() throws(Damaged) -> Double { Double(bitPattern: try fixed64()) }

        mutating func string() throws(Damaged) -> String {
            String(decoding: try take(try count()), as: UTF8.self)
        }

        mutating func optional<T>(_ read: (inout Reader) throws(Damaged) -> T) throws(Damaged) -> T? {
            try bool() ? try read(&self) : nil
        }

        mutating func list<T>(_ read: (inout Reader) throws(Damaged) -> T) throws(Damaged) -> [T] {
            let count = try count()
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try read(&self)) }
            return values
        }

        mutating func text() throws(Damaged) -> LocalizedText {
            let count = try count()
            var translations = [String: String](minimumCapacity: count)
            for _ in 0..<count {
                let language = try string()
                translations[language] = try string()
            }
            return LocalizedText(translations: translations)
        }

        mutating func levelTexts() throws(Damaged) -> [Int: LocalizedText] {
            let count = try count()
            var texts = [Int: LocalizedText](minimumCapacity: count)
            for _ in 0..<count {
                let level = try int()
                texts[level] = try text()
            }
            return texts
        }

        mutating func location() throws(Damaged) -> SourceLocation? {
            try optional { reader throws(Damaged) in SourceLocation(file: reader.file, line: try reader.int(), column: try reader.int()) }
        }

        mutating func optionalText() throws(Damaged) -> LocalizedText? { try optional { reader throws(Damaged) in try reader.text() } }
        mutating func optionalString() throws(Damaged) -> String? { try optional { reader throws(Damaged) in try reader.string() } }

        mutating func reference() throws(Damaged) -> Reference {
            Reference(source: try string(), ref: try optionalString(), url: try optionalString())
        }

        mutating func questionnaire() throws(Damaged) -> Questionnaire {
            switch try byte() {
            case 0:
                var ownScale = false
                func scale(_ reader: inout Reader) throws(Damaged) -> [ScaleLevel] {
                    ownScale = try reader.bool()
                    guard ownScale else { return ScaleLevel.standard }
                    return try reader.list { reader throws(Damaged) in
                        ScaleLevel(level: try reader.int(), name: try reader.text(), summary: try reader.optionalText())
                    }
                }
                return .maturity(MaturityQuestionnaire(
                    id: try string(), version: try string(), title: try text(), summary: try optionalText(), notes: try optionalText(),
                    defaultTarget: try int(), scale: try scale(&self), ownScale: ownScale,
                    dimensions: try list { reader throws(Damaged) in try reader.dimension() }))
            case 1:
                return .compliance(ComplianceQuestionnaire(
                    id: try string(), version: try string(), title: try text(), summary: try optionalText(), notes: try optionalText(),
                    instrument: try optional { reader throws(Damaged) in
                        Instrument(name: try reader.text(), body: try reader.optionalString(), adopted: try reader.optionalString(),
                                   inForce: try reader.optionalString(), url: try reader.optionalString())
                    },
                    sections: try list { reader throws(Damaged) in try reader.section() }))
            default:
                throw Damaged()
            }
        }

        mutating func dimension() throws(Damaged) -> Dimension {
            Dimension(
                id: try string(), title: try text(), summary: try optionalText(), weight: try double(),
                indicators: try list { reader throws(Damaged) in try reader.indicator() }, location: try location())
        }

        mutating func indicator() throws(Damaged) -> Indicator {
            Indicator(
                id: try string(), title: try text(), question: try text(), guidance: try optionalText(), weight: try double(),
                levels: try levelTexts(), nextSteps: try levelTexts(),
                evidence: try list { reader throws(Damaged) in try reader.text() },
                references: try list { reader throws(Damaged) in try reader.reference() },
                respondents: try list { reader throws(Damaged) in try reader.string() },
                scope: try optional { reader throws(Damaged) in
                    guard let scope = IndicatorScope(rawValue: try reader.string()) else { throw Damaged() }
                    return scope
                },
                location: try location())
        }

        mutating func obligation() throws(Damaged) -> Obligation {
            guard let obligation = Obligation(rawValue: try string()) else { throw Damaged() }
            return obligation
        }

        mutating func section() throws(Damaged) -> ComplianceSection {
            ComplianceSection(
                id: try string(), title: try text(), summary: try optionalText(),
                provisions: try list { reader throws(Damaged) in try reader.provision() }, location: try location())
        }

        mutating func provision() throws(Damaged) -> Provision {
            Provision(
                id: try string(), title: try text(), requirement: try text(),
                obligation: try obligation(),
                transitional: try bool(), guidance: try optionalText(),
                evidence: try list { reader throws(Damaged) in try reader.text() },
                references: try list { reader throws(Damaged) in try reader.reference() },
                related: try list { reader throws(Damaged) in
                    IndicatorLink(questionnaire: try reader.string(), indicator: try reader.string(), location: try reader.location())
                },
                location: try location())
        }
    }
}

/// For `cbm-bench prepare` (run by `scripts/regenerate-reports`) and the tests: makes the
/// prepared forms of the bundled questionnaires (`PreparedQuestionnaire`).
@_spi(Benchmarks)
public enum QuestionnairePreparation {
    /// One prepared file: its name in the `prepared` folder and its bytes.
    public struct File: Sendable, Equatable {
        public var name: String
        public var data: Data
    }

    /// The prepared form of every questionnaire file in `directory` (subfolders included),
    /// each read from its YAML, in the order of the file names.
    /// - Throws: `LoadError` with every problem, when a file has an error.
    public static func files(ofQuestionnairesIn directory: URL) throws -> [File] {
        var files: [File] = []
        var problems: [Diagnostic] = []
        for url in Loader.yamlFiles(in: directory) {
            let shown = "bundled:" + url.lastPathComponent
            let loaded = Loader.loadQuestionnaire(at: url, shownAs: shown)
            guard let questionnaire = loaded.valueWithoutErrors, let source = Loader.readWhole(url) else {
                problems += loaded.diagnostics.isEmpty ? [.error(SourceLocation(file: shown, line: 1, column: 1), "cannot be read")] : loaded.diagnostics
                continue
            }
            files.append(File(name: PreparedQuestionnaire.fileName(id: questionnaire.id, version: questionnaire.version),
                              data: PreparedQuestionnaire.encode(questionnaire, source: source)))
        }
        if problems.hasErrors { throw LoadError(problems) }
        return files
    }

    /// Writes the prepared form of every questionnaire in `directory` into `output` (made
    /// when missing), each file replaced in one step, and removes the prepared files of
    /// questionnaires that are no longer there.
    /// - Returns: the names of the files written.
    public static func write(questionnairesIn directory: URL, to output: URL) throws -> [String] {
        let files = try files(ofQuestionnairesIn: directory)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        for file in files { try file.data.write(to: output.appendingPathComponent(file.name), options: .atomic) }
        let kept = Set(files.map(\.name))
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where name.hasSuffix(".cbmq") && !kept.contains(name) {
            try FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
        return files.map(\.name)
    }
}
