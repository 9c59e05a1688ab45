/// Turns the YAML of a questionnaire file into a `Questionnaire`, reporting every problem.
/// Checks that need other files (links into other questionnaires) are done by `Catalog`.
struct QuestionnaireDecoder {
    let sink: DiagnosticSink

    static let topKeys = ["id", "kind", "version", "title", "summary", "notes", "default_target", "scale", "dimensions", "instrument", "sections"]
    static let maturityOnly: Set = ["default_target", "scale", "dimensions"]
    static let complianceOnly: Set = ["instrument", "sections"]
    static let dimensionKeys = ["id", "title", "summary", "weight", "indicators"]
    static let indicatorKeys = ["id", "title", "question", "guidance", "weight", "levels", "next_steps", "evidence", "references", "respondents", "scope"]
    static let sectionKeys = ["id", "title", "summary", "provisions"]
    static let provisionKeys = ["id", "title", "requirement", "obligation", "transitional", "guidance", "evidence", "references", "related"]
    static let referenceKeys = ["source", "ref", "url"]
    static let instrumentKeys = ["name", "body", "adopted", "in_force", "url"]
    static let scaleKeys = ["level", "name", "summary"]

    func decode(_ root: YAMLNode) -> Questionnaire? {
        guard let top = FieldReader(root, "the questionnaire", allowed: Self.topKeys, sink: sink) else { return nil }
        let id = top.identifier("id", required: true)
        let version = top.string("version", required: true, what: "for example \"2026.1\"")
        let title = top.text("title", required: true)
        let summary = top.text("summary")
        let notes = top.text("notes")

        guard let kindNode = top.node("kind", required: true, what: "`maturity` or `compliance`") else { return nil }
        guard let kindText = kindNode.scalar, let kind = QuestionnaireKind(rawValue: kindText) else {
            sink.error(kindNode.location, "expected `kind` to be `maturity` or `compliance`, found \(kindNode.kindDescription)")
            return nil
        }
        let misplaced = kind == .maturity ? Self.complianceOnly : Self.maturityOnly
        for key in misplaced.sorted() where top.values[key] != nil {
            sink.error(top.keyLocation(key)!, "`\(key)` belongs in a \(kind == .maturity ? "compliance" : "maturity") questionnaire, but this one is `kind: \(kind.rawValue)`")
        }

        switch kind {
        case .maturity:
            let defaultTarget = top.int("default_target", in: MaturityLevel.range) ?? 4
            let scale = top.node("scale").map(decodeScale) ?? ScaleLevel.standard
            let dimensions = decodeDimensions(top)
            if let dimensions { checkScopes(dimensions) }
            guard let id, let version, let title, let dimensions else { return nil }
            return .maturity(MaturityQuestionnaire(
                id: id, version: version, title: title, summary: summary, notes: notes,
                defaultTarget: defaultTarget, scale: scale, ownScale: top.node("scale") != nil, dimensions: dimensions))
        case .compliance:
            let instrument = top.node("instrument").flatMap(decodeInstrument)
            let sections = decodeSections(top)
            guard let id, let version, let title, let sections else { return nil }
            return .compliance(ComplianceQuestionnaire(
                id: id, version: version, title: title, summary: summary, notes: notes,
                instrument: instrument, sections: sections))
        }
    }

    // MARK: Maturity

    /// Scope is optional, but a questionnaire that declares it for one indicator declares it for
    /// all: an indicator without one would silently drop out of both sub-indexes.
    private func checkScopes(_ dimensions: [Dimension]) {
        let indicators = dimensions.flatMap(\.indicators)
        guard indicators.contains(where: { $0.scope != nil }) else { return }
        for indicator in indicators where indicator.scope == nil {
            guard let at = indicator.location else { continue }
            sink.warning(at, "indicator `\(indicator.id)` has no `scope`, while other indicators of this questionnaire have one; add `scope: national` or `scope: cross-border`, or it counts in neither sub-index")
        }
    }

    private func decodeScale(_ node: YAMLNode) -> [ScaleLevel] {
        guard let items = node.sequenceItems else {
            sink.error(node.location, "expected `scale` to be a list of levels such as `- {level: 1, name: Fragmented}`, found \(node.kindDescription)")
            return ScaleLevel.standard
        }
        var levels: [ScaleLevel] = []
        for item in items {
            guard let fields = FieldReader(item, "a level of the scale", allowed: Self.scaleKeys, sink: sink) else { continue }
            guard let level = fields.int("level", in: MaturityLevel.range, required: true),
                  let name = fields.text("name", required: true) else { continue }
            if levels.contains(where: { $0.level == level }) {
                sink.error(item.location, "level \(level) is defined twice in `scale`")
                continue
            }
            levels.append(ScaleLevel(level: level, name: name, summary: fields.text("summary")))
        }
        let missing = MaturityLevel.range.filter { level in !levels.contains { $0.level == level } }
        if !missing.isEmpty {
            sink.error(node.location, "`scale` must name all five levels 1–5; missing: \(missing.map(String.init).joined(separator: ", "))")
            return ScaleLevel.standard
        }
        return levels.sorted { $0.level < $1.level }
    }

    private func decodeDimensions(_ top: FieldReader) -> [Dimension]? {
        guard let items = top.list("dimensions", required: true, what: "the list of dimensions") else { return nil }
        if items.isEmpty {
            sink.error(top.keyLocation("dimensions")!, "`dimensions` is empty; a maturity questionnaire needs at least one dimension")
        }
        var ids = IDRegistry(sink: sink)
        var dimensions: [Dimension] = []
        for item in items {
            guard let fields = FieldReader(item, describe(item, as: "dimension"), allowed: Self.dimensionKeys, sink: sink) else { continue }
            let id = fields.identifier("id", required: true)
            let context = id.map { "dimension `\($0)`" } ?? "a dimension"
            if let id, let at = fields.node("id")?.location { ids.register(id, what: "dimension", at: at) }
            let title = fields.text("title", required: true)
            let weight = fields.positiveNumber("weight") ?? 1
            var indicators: [Indicator] = []
            if let list = fields.list("indicators", required: true, what: "the list of indicators") {
                if list.isEmpty { sink.error(fields.keyLocation("indicators")!, "\(context) has an empty list of `indicators`") }
                for indicatorNode in list {
                    if let indicator = decodeIndicator(indicatorNode, ids: &ids) { indicators.append(indicator) }
                }
            }
            guard let id, let title else { continue }
            dimensions.append(Dimension(id: id, title: title, summary: fields.text("summary"), weight: weight,
                                        indicators: indicators, location: item.location))
        }
        return dimensions
    }

    private func decodeIndicator(_ node: YAMLNode, ids: inout IDRegistry) -> Indicator? {
        guard let fields = FieldReader(node, describe(node, as: "indicator"), allowed: Self.indicatorKeys, sink: sink) else { return nil }
        let id = fields.identifier("id", required: true)
        let name = id.map { "indicator `\($0)`" } ?? "an indicator"
        let named = fields.named(name)
        if let id, let at = named.node("id")?.location { ids.register(id, what: "indicator", at: at) }
        let title = named.text("title", required: true)
        let question = named.text("question", required: true)
        let weight = named.positiveNumber("weight") ?? 1
        let levels = decodeLevelMap(named, key: "levels", range: 1...5, required: true)
        let nextSteps = decodeLevelMap(named, key: "next_steps", range: 2...5, required: false)
        let references = named.list("references").map(decodeReferences) ?? []
        let respondents = named.stringList("respondents")?.compactMap { text, at in
            checkedIdentifier(text, at: at, sink: sink, what: "an agency id in `respondents` of \(name)")
        } ?? []
        var scope: IndicatorScope?
        if let value = named.node("scope") {
            scope = value.scalar.flatMap(IndicatorScope.init(rawValue:))
            if scope == nil {
                sink.error(value.location, "expected `scope` of \(name) to be `national` (a country can reach every level on its own) or `cross-border` (it needs a neighbour), found \(value.kindDescription)")
            }
        }
        guard let id, let title, let question, let levels else { return nil }
        return Indicator(id: id, title: title, question: question, guidance: named.text("guidance"), weight: weight,
                         levels: levels, nextSteps: nextSteps ?? [:], evidence: named.textList("evidence") ?? [],
                         references: references, respondents: respondents, scope: scope, location: node.location)
    }

    /// `levels: {1: …, 2: …}`: keys are levels; for `levels` all five are required.
    private func decodeLevelMap(_ fields: FieldReader, key: String, range: ClosedRange<Int>, required: Bool) -> [Int: LocalizedText]? {
        guard let node = fields.node(key, required: required, what: "descriptors for levels \(range.lowerBound) to \(range.upperBound)") else { return nil }
        guard let pairs = node.mappingPairs else {
            sink.error(node.location, "expected `\(key)` of \(fields.context) to be lines `\(range.lowerBound): …` to `\(range.upperBound): …`, found \(node.kindDescription)")
            return nil
        }
        // Levels are 1 to 5: the line where each was first seen sits in a fixed list indexed
        // by level (0: not seen), and the usual key, one digit, is read from its byte.
        precondition(range.lowerBound >= 0 && range.upperBound < 8, "level maps hold levels 0 to 7")
        var firstLine = InlineArray<8, Int>(repeating: 0)
        var result: [Int: LocalizedText] = [:]
        result.reserveCapacity(range.count)
        for pair in pairs {
            let level: Int?
            if let bytes = pair.key.scalarBytes, bytes.count == 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[0]) {
                level = Int(bytes[0] - UInt8(ascii: "0"))  // what `NumberText.wholeNumber` says of one digit
            } else {
                level = pair.key.scalar.flatMap(NumberText.wholeNumber)
            }
            guard let level, range.contains(level) else {
                sink.error(pair.key.location, "expected the keys of `\(key)` in \(fields.context) to be levels \(range.lowerBound) to \(range.upperBound), found \(pair.key.kindDescription)")
                continue
            }
            if firstLine[level] != 0 {
                sink.error(pair.key.location, "level \(level) appears twice in `\(key)` of \(fields.context) (first at line \(firstLine[level])); keep only one")
                continue
            }
            firstLine[level] = pair.key.line
            if let value = localizedText(pair.value, what: "level \(level) of `\(key)` in \(fields.context)", sink: sink) {
                result[level] = value
            }
        }
        let missing = range.filter { firstLine[$0] == 0 }
        if required && !missing.isEmpty {
            let list = missing.map(String.init).joined(separator: ", ")
            sink.error(node.location, "\(fields.context) has no descriptor for level\(missing.count > 1 ? "s" : "") \(list) in `\(key)`; every indicator needs all five levels, 1 to 5")
        }
        return result
    }

    private func decodeReferences(_ items: YAMLItems) -> [Reference] {
        items.compactMap { item in
            if let text = item.scalar { return Reference(source: text) }
            guard let fields = FieldReader(item, "a reference", allowed: Self.referenceKeys, sink: sink),
                  let source = fields.string("source", required: true, what: "for example `WTO TFA`") else { return nil }
            return Reference(source: source, ref: fields.string("ref"), url: fields.string("url"))
        }
    }

    // MARK: Compliance

    private func decodeInstrument(_ node: YAMLNode) -> Instrument? {
        guard let fields = FieldReader(node, "`instrument`", allowed: Self.instrumentKeys, sink: sink),
              let name = fields.text("name", required: true) else { return nil }
        return Instrument(name: name, body: fields.string("body"), adopted: fields.date("adopted"),
                          inForce: fields.date("in_force"), url: fields.string("url"))
    }

    private func decodeSections(_ top: FieldReader) -> [ComplianceSection]? {
        guard let items = top.list("sections", required: true, what: "the list of sections") else { return nil }
        if items.isEmpty {
            sink.error(top.keyLocation("sections")!, "`sections` is empty; a compliance questionnaire needs at least one section")
        }
        var ids = IDRegistry(sink: sink)
        var sections: [ComplianceSection] = []
        for item in items {
            guard let fields = FieldReader(item, describe(item, as: "section"), allowed: Self.sectionKeys, sink: sink) else { continue }
            let id = fields.identifier("id", required: true)
            let context = id.map { "section `\($0)`" } ?? "a section"
            if let id, let at = fields.node("id")?.location { ids.register(id, what: "section", at: at) }
            let title = fields.text("title", required: true)
            var provisions: [Provision] = []
            if let list = fields.list("provisions", required: true, what: "the list of provisions") {
                if list.isEmpty { sink.error(fields.keyLocation("provisions")!, "\(context) has an empty list of `provisions`") }
                for provisionNode in list {
                    if let provision = decodeProvision(provisionNode, ids: &ids) { provisions.append(provision) }
                }
            }
            guard let id, let title else { continue }
            sections.append(ComplianceSection(id: id, title: title, summary: fields.text("summary"),
                                              provisions: provisions, location: item.location))
        }
        return sections
    }

    private func decodeProvision(_ node: YAMLNode, ids: inout IDRegistry) -> Provision? {
        guard let first = FieldReader(node, describe(node, as: "provision"), allowed: Self.provisionKeys, sink: sink) else { return nil }
        let id = first.identifier("id", required: true)
        let fields = first.named(id.map { "provision `\($0)`" } ?? "a provision")
        if let id, let at = fields.node("id")?.location { ids.register(id, what: "provision", at: at) }
        let title = fields.text("title", required: true)
        let requirement = fields.text("requirement", required: true)
        var obligation: Obligation?
        if let value = fields.node("obligation", required: true, what: "`binding`, `best-endeavour` or `guidance`") {
            obligation = value.scalar.flatMap(Obligation.init(rawValue:))
            if obligation == nil {
                sink.error(value.location, "expected `obligation` of \(fields.context) to be `binding`, `best-endeavour` or `guidance`, found \(value.kindDescription)")
            }
        }
        let related: [IndicatorLink] = fields.stringList("related")?.compactMap { text, at in
            guard let parts = Self.linkParts(text), !parts.questionnaire.isEmpty, !parts.indicator.isEmpty else {
                sink.error(at, "expected each link in `related` of \(fields.context) to be `questionnaire/indicator`, for example `cbm-core/ict.single-window`, found `\(text.shortenedForMessage)`")
                return nil
            }
            return IndicatorLink(questionnaire: parts.questionnaire, indicator: parts.indicator, location: at)
        } ?? []
        let references = fields.list("references").map(decodeReferences) ?? []
        guard let id, let title, let requirement, let obligation else { return nil }
        return Provision(id: id, title: title, requirement: requirement, obligation: obligation,
                         transitional: fields.bool("transitional") ?? false, guidance: fields.text("guidance"),
                         evidence: fields.textList("evidence") ?? [], references: references,
                         related: related, location: node.location)
    }
}

extension QuestionnaireDecoder {
    /// The two sides of a link `questionnaire/indicator`, nil unless it has exactly one `/`
    /// (the sides may be empty). ASCII text, the usual kind, is cut at the byte of its `/`;
    /// other text is split by characters, as `String.split` does (there a `/` followed by a
    /// combining mark is not a `/`).
    static func linkParts(_ text: String) -> (questionnaire: String, indicator: String)? {
        // One pass over the bytes: where the last `/` is and how many there are, or nil
        // (split by characters) at the first byte that is not ASCII.
        let scan: (slash: Int, slashes: Int)?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var slash = -1, slashes = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "/") { slash = index; slashes += 1 }
            }
            return (slash, slashes)
        }
        if let scan, let (slash, slashes) = scan {
            guard slashes == 1 else { return nil }
            let utf8 = text.utf8
            let at = utf8.index(utf8.startIndex, offsetBy: slash)
            return (String(text[..<at]), String(text[utf8.index(after: at)...]))
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}

/// Remembers ids seen in one file and reports the second use of any.
struct IDRegistry {
    let sink: DiagnosticSink
    private var seen: [String: (what: String, at: SourceLocation)] = [:]

    init(sink: DiagnosticSink) { self.sink = sink }

    mutating func register(_ id: String, what: String, at location: SourceLocation) {
        if let first = seen[id] {
            sink.error(location, "the id `\(id)` is used twice: this \(what) and the \(first.what) at line \(first.at.line), column \(first.at.column); ids must be unique in the file")
            return
        }
        seen[id] = (what, location)
    }

    func contains(_ id: String) -> Bool { seen[id] != nil }
}
