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
/// The format (`PreparedForm`): the head `CBMQ`, then the model field by field in
/// declaration order, places as line and column (the file is the name the YAML is shown by).
/// A maturity questionnaire without its own scale keeps none: it gets `ScaleLevel.standard`.
/// **When a model type gains or changes a field, write it in the `Writer` and `Reader`
/// extensions below and raise `formatVersion`**; the round-trip test compares every bundled
/// questionnaire.
enum PreparedQuestionnaire {
    static let magic = Array("CBMQ".utf8)
    static let formatVersion: UInt8 = 1

    /// The name of the prepared file of a questionnaire version: `cbm-core-2026.1.cbmq`.
    static func fileName(id: String, version: String) -> String { "\(id)-\(version).cbmq" }

    /// The prepared form of `questionnaire`, read from the YAML text `source`.
    static func encode(_ questionnaire: Questionnaire, source: Data) -> Data {
        var writer = source.withUnsafeBytes { PreparedForm.head(kind: magic, version: formatVersion, source: $0) }
        writer.questionnaire(questionnaire)
        return Data(writer.bytes)
    }

    /// The questionnaire in `prepared`, when it was made from the YAML text `source` by this
    /// format version; nil otherwise, or when it is damaged. Places in it name `file`.
    static func decode(_ prepared: UnsafeRawBufferPointer, source: UnsafeRawBufferPointer, file: String) -> Questionnaire? {
        PreparedForm.read(prepared, kind: magic, version: formatVersion, source: source, file: file) { reader throws(PreparedForm.Damaged) in
            try reader.questionnaire()
        }
    }
}

/// The values of a questionnaire, written field by field in declaration order.
extension PreparedForm.Writer {
    mutating func text(_ text: LocalizedText) {
        dictionary(text.translations, by: { $0 }) { $0.string($1); $0.string($2) }
    }

    mutating func levelTexts(_ texts: [Int: LocalizedText]) {
        dictionary(texts, by: { $0 }) { $0.int($1); $0.text($2) }
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

/// The values of a questionnaire, read in the order `PreparedForm.Writer` wrote them.
extension PreparedForm.Reader {
    mutating func text() throws(PreparedForm.Damaged) -> LocalizedText {
        LocalizedText(translations: try dictionary { reader throws(PreparedForm.Damaged) in (try reader.string(), try reader.string()) })
    }

    mutating func levelTexts() throws(PreparedForm.Damaged) -> [Int: LocalizedText] {
        try dictionary { reader throws(PreparedForm.Damaged) in (try reader.int(), try reader.text()) }
    }

    mutating func optionalText() throws(PreparedForm.Damaged) -> LocalizedText? { try optional { reader throws(PreparedForm.Damaged) in try reader.text() } }
    mutating func optionalString() throws(PreparedForm.Damaged) -> String? { try optional { reader throws(PreparedForm.Damaged) in try reader.string() } }

    mutating func reference() throws(PreparedForm.Damaged) -> Reference {
        Reference(source: try string(), ref: try optionalString(), url: try optionalString())
    }

    mutating func questionnaire() throws(PreparedForm.Damaged) -> Questionnaire {
        switch try byte() {
        case 0:
            var ownScale = false
            func scale(_ reader: inout PreparedForm.Reader) throws(PreparedForm.Damaged) -> [ScaleLevel] {
                ownScale = try reader.bool()
                guard ownScale else { return ScaleLevel.standard }
                return try reader.list { reader throws(PreparedForm.Damaged) in
                    ScaleLevel(level: try reader.int(), name: try reader.text(), summary: try reader.optionalText())
                }
            }
            return .maturity(MaturityQuestionnaire(
                id: try string(), version: try string(), title: try text(), summary: try optionalText(), notes: try optionalText(),
                defaultTarget: try int(), scale: try scale(&self), ownScale: ownScale,
                dimensions: try list { reader throws(PreparedForm.Damaged) in try reader.dimension() }))
        case 1:
            return .compliance(ComplianceQuestionnaire(
                id: try string(), version: try string(), title: try text(), summary: try optionalText(), notes: try optionalText(),
                instrument: try optional { reader throws(PreparedForm.Damaged) in
                    Instrument(name: try reader.text(), body: try reader.optionalString(), adopted: try reader.optionalString(),
                               inForce: try reader.optionalString(), url: try reader.optionalString())
                },
                sections: try list { reader throws(PreparedForm.Damaged) in try reader.section() }))
        default:
            throw PreparedForm.Damaged()
        }
    }

    mutating func dimension() throws(PreparedForm.Damaged) -> Dimension {
        Dimension(
            id: try string(), title: try text(), summary: try optionalText(), weight: try double(),
            indicators: try list { reader throws(PreparedForm.Damaged) in try reader.indicator() }, location: try location())
    }

    mutating func indicator() throws(PreparedForm.Damaged) -> Indicator {
        Indicator(
            id: try string(), title: try text(), question: try text(), guidance: try optionalText(), weight: try double(),
            levels: try levelTexts(), nextSteps: try levelTexts(),
            evidence: try list { reader throws(PreparedForm.Damaged) in try reader.text() },
            references: try list { reader throws(PreparedForm.Damaged) in try reader.reference() },
            respondents: try list { reader throws(PreparedForm.Damaged) in try reader.string() },
            scope: try optional { reader throws(PreparedForm.Damaged) in
                guard let scope = IndicatorScope(rawValue: try reader.string()) else { throw PreparedForm.Damaged() }
                return scope
            },
            location: try location())
    }

    mutating func obligation() throws(PreparedForm.Damaged) -> Obligation {
        guard let obligation = Obligation(rawValue: try string()) else { throw PreparedForm.Damaged() }
        return obligation
    }

    mutating func section() throws(PreparedForm.Damaged) -> ComplianceSection {
        ComplianceSection(
            id: try string(), title: try text(), summary: try optionalText(),
            provisions: try list { reader throws(PreparedForm.Damaged) in try reader.provision() }, location: try location())
    }

    mutating func provision() throws(PreparedForm.Damaged) -> Provision {
        Provision(
            id: try string(), title: try text(), requirement: try text(),
            obligation: try obligation(),
            transitional: try bool(), guidance: try optionalText(),
            evidence: try list { reader throws(PreparedForm.Damaged) in try reader.text() },
            references: try list { reader throws(PreparedForm.Damaged) in try reader.reference() },
            related: try list { reader throws(PreparedForm.Damaged) in
                IndicatorLink(questionnaire: try reader.string(), indicator: try reader.string(), location: try reader.location())
            },
            location: try location())
    }
}
