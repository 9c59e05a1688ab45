import Foundation

/// Turns the YAML of an assessment file into an `Assessment`, checking every answer
/// against the questionnaires it names.
struct AssessmentDecoder {
    let sink: DiagnosticSink
    let catalog: Catalog
    let file: String
    /// Whether only the problems are wanted (`cbm validate`): every check is made as usual,
    /// but the agencies' responses are not kept in the answers returned.
    var checksOnly = false

    static let topKeys = ["assessment", "questionnaires"]
    static let headerKeys = ["title", "country", "period", "scope", "crossing_point", "neighbour_country", "facing_crossing_point",
                             "date", "prepared_by", "notes", "agencies"]
    /// The header keys that only an assessment of one crossing point has.
    static let crossingPointKeys = ["crossing_point", "neighbour_country", "facing_crossing_point"]
    static let agencyKeys = ["id", "name"]
    static let answersKeys = ["version", "targets", "answers"]
    static let maturityAnswerKeys = ["consensus", "note", "responses", "level", "agency", "evidence", "comment"]
    static let complianceAnswerKeys = ["consensus", "note", "responses", "status", "agency", "evidence", "comment", "category", "date"]
    static let maturityResponseKeys = ["agency", "level", "evidence", "comment"]
    static let complianceResponseKeys = ["agency", "status", "evidence", "comment"]

    func decode(_ root: YAMLNode) -> Assessment? {
        guard let top = FieldReader(root, "the assessment file", allowed: Self.topKeys, sink: sink) else { return nil }
        guard let headerNode = top.node("assessment", required: true, what: "title, country, period and agencies"),
              let header = FieldReader(headerNode, "`assessment`", allowed: Self.headerKeys, sink: sink) else { return nil }
        let title = header.string("title", required: true)
        let country = header.string("country", required: true)
        var period = header.string("period", required: true, what: "a year such as 2026, or a half-year such as 2026-H1")?.uppercased()
        if let text = period, !isValidPeriod(text) {
            sink.error(header.node("period")!.location, "expected `period` to be a year such as 2026 (from \(plausibleYears.lowerBound) to \(plausibleYears.upperBound)), or 2026-H1, 2026-Q3 or 2026-05, found `\(text.shortenedForMessage)`")
            period = nil
        }
        let crossingPoint = decodeScope(header, country: country)
        let agencies = decodeAgencies(header)
        var answered: [QuestionnaireAnswers] = []
        if let node = top.node("questionnaires", required: true, what: "the answers, by questionnaire id") {
            if let pairs = node.mappingPairs {
                if pairs.isEmpty { sink.warning(node.location, "the assessment answers no questionnaire yet") }
                var seen = FirstOccurrences<String>()
                for pair in pairs {
                    guard let id = pair.key.scalar else {
                        sink.error(pair.key.location, "expected a questionnaire id such as `cbm-core`, found \(pair.key.kindDescription)")
                        continue
                    }
                    if let first = seen.earlierLine(of: id, at: pair.key.location) {
                        sink.error(pair.key.location, "the questionnaire `\(id)` appears twice under `questionnaires` (first at line \(first)); put all its answers in one place")
                        continue
                    }
                    if let answers = decodeAnswers(id: id, keyAt: pair.key.location, node: pair.value, agencies: agencies) {
                        answered.append(answers)
                    }
                }
            } else {
                sink.error(node.location, "expected `questionnaires` to be questionnaire ids each followed by its answers, found \(node.kindDescription)")
            }
        }
        guard let title, let country, let period else { return nil }
        return Assessment(title: title, country: country, period: period, date: header.date("date"),
                          preparedBy: header.string("prepared_by"), notes: header.string("notes"),
                          agencies: agencies, questionnaires: answered, file: file, crossingPoint: crossingPoint)
    }

    /// `scope` and, for one crossing point, the keys naming it and the post it faces.
    private func decodeScope(_ header: FieldReader, country: String?) -> CrossingPoint? {
        var scope = AssessmentScope.country
        if let node = header.node("scope") {
            let text = node.scalar ?? ""
            if let value = AssessmentScope(rawValue: text.lowercased()) {
                scope = value
            } else {
                var message = "expected `scope` to be `country` (the whole country) or `crossing-point` (one border crossing point), found \(node.kindDescription)"
                if let suggestion = sink.suggestion(for: text, in: AssessmentScope.allCases.map(\.rawValue)) { message += "; did you mean `\(suggestion)`?" }
                sink.error(node.location, message)
                // Check the crossing-point keys as if they were meant, so their mistakes show too.
                scope = Self.crossingPointKeys.contains(where: header.has) ? .crossingPoint : .country
                if scope == .country { return nil }
            }
        }
        guard scope == .crossingPoint else {
            for key in Self.crossingPointKeys where header.has(key) {
                sink.error(header.keyLocation(key)!, "`\(key)` is only for the assessment of one border crossing point; add `scope: crossing-point` to the header, or remove `\(key)` if the assessment covers the whole country")
            }
            return nil
        }
        let name = header.string("crossing_point", required: true, what: "the name of the crossing point assessed, with `scope: crossing-point`")
        let neighbour = header.string("neighbour_country", required: true, what: "the country on the other side of the border, written as its own assessment writes `country`")
        let facing = header.string("facing_crossing_point", required: true, what: "the neighbour's crossing point that this one faces")
        for (key, value) in [("crossing_point", name), ("neighbour_country", neighbour), ("facing_crossing_point", facing)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty, let at = header.node(key)?.location {
                sink.error(at, "`\(key)` is empty; write a name")
            }
        }
        if let neighbour, let country, CrossingPoint.sameName(neighbour, country), let at = header.node("neighbour_country")?.location {
            sink.error(at, "`neighbour_country` is `\(neighbour.shortenedForMessage)`, the country assessed itself; write the country on the other side of the border")
        }
        guard let name, let neighbour, let facing else { return nil }
        return CrossingPoint(name: name, neighbourCountry: neighbour, facingCrossingPoint: facing)
    }

    private func decodeAgencies(_ header: FieldReader) -> [Agency] {
        guard let items = header.list("agencies") else { return [] }
        var agencies: [Agency] = []
        var ids = IDRegistry(sink: sink)
        for item in items {
            guard let fields = FieldReader(item, "an agency", allowed: Self.agencyKeys, sink: sink),
                  let id = fields.identifier("id", required: true) else { continue }
            ids.register(id, what: "agency", at: fields.node("id")!.location)
            let name = fields.named("agency `\(id)`").string("name", required: true, what: "its full name") ?? id
            agencies.append(Agency(id: id, name: name, location: item.location))
        }
        return agencies
    }

    private func decodeAnswers(id: String, keyAt: SourceLocation, node: YAMLNode, agencies: [Agency]) -> QuestionnaireAnswers? {
        let requestedVersion = node.mappingPairs?.first { $0.key.scalar == "version" }?.value.scalar
        guard let questionnaire = catalog.questionnaire(id, version: requestedVersion) else {
            var message = "there is no questionnaire with the id `\(id.shortenedForMessage)`"
            if let suggestion = sink.suggestion(for: id, in: catalog.ids) {
                message += "; did you mean `\(suggestion)`?"
            } else {
                message += "; known questionnaires: " + catalog.ids.map { "`\($0)`" }.joined(separator: ", ")
            }
            sink.error(keyAt, message + " (add your own with --questionnaires DIR)")
            return nil
        }
        let context = "the answers to `\(id)`"
        guard let fields = FieldReader(node, context, allowed: Self.answersKeys, sink: sink) else { return nil }
        let version = fields.string("version")
        if let version, version != questionnaire.version, let at = fields.node("version")?.location {
            let known = catalog.versions(of: id).joined(separator: ", ")
            sink.warning(at, "these answers were given to version \(version) of `\(id)`, which cbm does not have (it has \(known)); they are checked and scored against version \(questionnaire.version). Check that the answers still fit the questions, or add the older version with --questionnaires")
        }
        let targets = decodeTargets(fields, questionnaire: questionnaire)
        var answers: [Answer] = []
        if let answersNode = fields.node("answers") {
            guard let pairs = answersNode.mappingPairs else {
                sink.error(answersNode.location, "expected `answers` of `\(id)` to be item ids each followed by its answer, found \(answersNode.kindDescription)")
                return QuestionnaireAnswers(questionnaireID: id, version: version, targets: targets, location: node.location)
            }
            let itemIDs = questionnaire.itemIDs
            let known = Set(itemIDs)
            let declared = Set(agencies.map(\.id))
            let noun = questionnaire.kind == .maturity ? "indicator" : "provision"
            var seen = FirstOccurrences<String>(capacity: min(pairs.count, 1024))
            for pair in pairs {
                guard let itemID = pair.key.scalar else {
                    sink.error(pair.key.location, "expected an \(noun) id, found \(pair.key.kindDescription)")
                    continue
                }
                if let first = seen.earlierLine(of: itemID, line: pair.key.line) {
                    sink.error(pair.key.location, "`\(itemID)` is answered twice in `\(id)` (first at line \(first)); keep one answer and put each agency's view under `responses`")
                    continue
                }
                guard known.contains(itemID) else {
                    var message = "`\(id)` has no \(noun) `\(itemID.shortenedForMessage)`"
                    if let suggestion = sink.suggestion(for: itemID, in: itemIDs) { message += "; did you mean `\(suggestion)`?" }
                    sink.error(pair.key.location, message)
                    // Still check the answer itself, so that a wrong level inside is found now,
                    // not after the id is corrected.
                    _ = decodeAnswer(itemID: itemID, node: pair.value, kind: questionnaire.kind, agencies: agencies, declared: declared)
                    continue
                }
                if let answer = decodeAnswer(itemID: itemID, node: pair.value, kind: questionnaire.kind, agencies: agencies, declared: declared) {
                    answers.append(answer)
                }
            }
        }
        return QuestionnaireAnswers(questionnaireID: id, version: version, targets: targets, answers: answers, location: node.location)
    }

    private func decodeTargets(_ fields: FieldReader, questionnaire: Questionnaire) -> [Target] {
        guard let node = fields.node("targets") else { return [] }
        guard let maturity = questionnaire.maturity else {
            sink.error(node.location, "`targets` can be set only for maturity questionnaires; `\(questionnaire.id)` is a compliance checklist")
            return []
        }
        guard let pairs = node.mappingPairs else {
            sink.error(node.location, "expected `targets` to be lines such as `ict: 4` (a dimension or indicator id and a level), found \(node.kindDescription)")
            return []
        }
        let ids = maturity.dimensions.map(\.id) + maturity.indicators.map(\.id)
        var targets: [Target] = []
        for pair in pairs {
            guard let id = pair.key.scalar else {
                sink.error(pair.key.location, "expected a dimension or indicator id, found \(pair.key.kindDescription)")
                continue
            }
            guard ids.contains(id) else {
                var message = "`\(questionnaire.id)` has no dimension or indicator `\(id.shortenedForMessage)` to set a target for"
                if let suggestion = sink.suggestion(for: id, in: ids) { message += "; did you mean `\(suggestion)`?" }
                sink.error(pair.key.location, message)
                continue
            }
            if targets.contains(where: { $0.id == id }) {
                sink.error(pair.key.location, "the target for `\(id)` is set twice; keep only one")
                continue
            }
            guard let text = pair.value.scalar, let level = NumberText.wholeNumber(text), MaturityLevel.range.contains(level) else {
                sink.error(pair.value.location, "expected the target for `\(id)` to be a level from 1 to 5, found \(pair.value.kindDescription)")
                continue
            }
            targets.append(Target(id: id, level: level, location: pair.key.location))
        }
        return targets
    }

    private func decodeAnswer(itemID: String, node: YAMLNode, kind: QuestionnaireKind, agencies: [Agency], declared: Set<String>) -> Answer? {
        let valueKey = kind == .maturity ? "level" : "status"
        // Shortest form: `ict.single-window: 3` or `"7.1": partial`.
        if node.scalar != nil {
            guard let value = decodeValue(node, kind: kind, what: "the answer to `\(itemID)`") else { return nil }
            return Answer(itemID: itemID, responses: [Response(value: value, location: node.location)], location: node.location)
        }
        if node.isNull {
            sink.error(node.location, "`\(itemID)` has no answer; give a \(valueKey) (use `unknown` if it is not known yet) or remove the line")
            return nil
        }
        let allowed = kind == .maturity ? Self.maturityAnswerKeys : Self.complianceAnswerKeys
        guard let fields = FieldReader(node, context: .quoted("the answer to", itemID), allowed: allowed, sink: sink) else { return nil }
        var responses: [Response] = []
        if let list = fields.list("responses") {
            if fields.has(valueKey) {
                sink.error(fields.keyLocation(valueKey)!, "the answer to `\(itemID)` has both `\(valueKey)` and `responses`; give one \(valueKey) for the whole group, or one response per agency under `responses` (and the agreed one as `consensus`)")
            }
            // Room for the usual number of responses at once (not for every item of a huge,
            // probably broken, list).
            var seen = FirstOccurrences<String>(capacity: min(list.count, 64))
            responses.reserveCapacity(min(list.count, 64))
            let responseKeys = kind == .maturity ? Self.maturityResponseKeys : Self.complianceResponseKeys
            for item in list {
                guard let response = FieldReader(item, context: .quoted("a response to", itemID), allowed: responseKeys, sink: sink) else { continue }
                let agency = checkAgency(response, agencies: agencies, declared: declared, required: true)
                if let agency, let node = response.node("agency") {
                    if let first = seen.earlierLine(of: agency, line: node.line) {
                        sink.error(node.location, "the agency `\(agency)` answers `\(itemID)` twice (first at line \(first)); keep one response per agency")
                        continue
                    }
                }
                let value = response.node(valueKey, required: true, what: kind == .maturity ? "1 to 5, `na` or `unknown`" : "one of \(Self.statusList)")
                    .flatMap { decodeValue($0, kind: kind, what: "`\(valueKey)` of the response to `\(itemID)`") }
                guard value != nil else { continue }
                if checksOnly {
                    response.checkString("evidence")
                    response.checkString("comment")
                } else {
                    responses.append(Response(agency: agency, value: value, evidence: response.string("evidence"),
                                              comment: response.string("comment"), location: item.location))
                }
            }
        } else if let valueNode = fields.node(valueKey) {
            if let value = decodeValue(valueNode, kind: kind, what: "`\(valueKey)` of `\(itemID)`") {
                responses.append(Response(agency: checkAgency(fields, agencies: agencies, declared: declared, required: false), value: value,
                                          evidence: fields.string("evidence"), comment: fields.string("comment"), location: node.location))
            }
        } else if !fields.has("consensus") {
            sink.error(node.location, "the answer to `\(itemID)` has no `\(valueKey)`, `responses` or `consensus`; give at least one (use `unknown` if it is not known yet)")
        }
        if fields.values["responses"] != nil || fields.values[valueKey] == nil {
            for key in ["agency", "evidence", "comment"] where fields.has(key) {
                sink.error(fields.keyLocation(key)!, "`\(key)` of `\(itemID)` belongs inside each entry of `responses` (or next to `\(valueKey)` in the one-answer form)")
            }
        }
        let consensus = fields.node("consensus").flatMap { decodeValue($0, kind: kind, what: "`consensus` of `\(itemID)`") }
        var category: String?
        if let node = fields.node("category") {
            if let text = node.scalar?.uppercased(), ["A", "B", "C"].contains(text) {
                category = text
            } else {
                sink.error(node.location, "expected `category` of `\(itemID)` to be A, B or C (the category notified to the WTO), found \(node.kindDescription)")
            }
        }
        let note: String?
        if checksOnly { fields.checkString("note"); note = nil } else { note = fields.string("note") }
        return Answer(itemID: itemID, consensus: consensus, note: note, responses: responses,
                      category: category, date: fields.date("date"), location: node.location)
    }

    static let statusList = "`full`, `partial`, `pilot`, `none`, `na` or `unknown`"

    /// ASCII text of up to eight bytes, lowercased and packed into a number, so that the few
    /// words an answer may be are told apart without making strings; nil for other text.
    static func packedLowercaseASCII(_ text: String) -> UInt64? {
        let utf8 = text.utf8
        guard utf8.count <= 8 else { return nil }
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for byte in utf8 {
            guard byte != 0 && byte < 0x80 else { return nil }  // (a zero byte would pack as nothing)
            packed |= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) << shift
            shift += 8
        }
        return packed
    }

    /// The answers written most often, by their packed form (`packedLowercaseASCII`).
    private static let packedLevels: [(UInt64, MaturityLevel)] = {
        let words: [(String, MaturityLevel)] = MaturityLevel.range.map { ("\($0)", .level($0)) }
            + [("na", .notApplicable), ("n/a", .notApplicable), ("unknown", .unknown)]
        return words.map { (packedLowercaseASCII($0.0)!, $0.1) }
    }()
    private static let packedStatuses: [(UInt64, ComplianceStatus)] = {
        let words: [(String, ComplianceStatus)] = ComplianceStatus.allCases.map { ($0.rawValue, $0) } + [("n/a", .notApplicable)]
        return words.map { (packedLowercaseASCII($0.0)!, $0.1) }
    }()

    private func decodeValue(_ node: YAMLNode, kind: QuestionnaireKind, what: @autoclosure () -> String) -> AnswerValue? {
        let text = node.scalar ?? ""
        // The usual answers (`3`, `full`, `NA`), by bytes; anything else takes the general way below.
        if let packed = Self.packedLowercaseASCII(text) {
            switch kind {
            case .maturity:
                if let level = Self.packedLevels.first(where: { $0.0 == packed }) { return .level(level.1) }
            case .compliance:
                if let status = Self.packedStatuses.first(where: { $0.0 == packed }) { return .status(status.1) }
            }
        }
        switch kind {
        case .maturity:
            switch text.lowercased() {
            case "na", "n/a": return .level(.notApplicable)
            case "unknown": return .level(.unknown)
            default:
                if let value = NumberText.wholeNumber(text), MaturityLevel.range.contains(value) { return .level(.level(value)) }
                var message = "expected \(what()) to be a level from 1 to 5, `na` (not applicable) or `unknown`, found \(node.kindDescription)"
                if let number = Double(text), number >= 1, number <= 5, number.rounded() == number {
                    message += "; write the level as one digit, such as `\(Int(number))`"
                } else if let number = Double(text), number.rounded() != number {
                    message += what().hasPrefix("`consensus`")
                        ? "; the agreed level is a whole number"
                        : "; levels are whole numbers (where agencies differ, give each agency's level under `responses` and the agreed one as `consensus`)"
                }
                sink.error(node.location, message)
                return nil
            }
        case .compliance:
            if let status = ComplianceStatus(rawValue: text.lowercased()) { return .status(status) }
            if text.lowercased() == "n/a" { return .status(.notApplicable) }
            var message = "expected \(what()) to be \(Self.statusList), found \(node.kindDescription)"
            if let suggestion = sink.suggestion(for: text, in: ComplianceStatus.allCases.map(\.rawValue)) {
                message += "; did you mean `\(suggestion)`?"
            }
            sink.error(node.location, message)
            return nil
        }
    }

    private func checkAgency(_ fields: FieldReader, agencies: [Agency], declared: Set<String>, required: Bool) -> String? {
        guard let node = fields.node("agency", required: required, what: "the id of an agency declared under `assessment: agencies:`"),
              let value = fields.textNode("agency", required: false, what: nil) else { return nil }
        // The usual handful of agencies: the id is found among them by its bytes and theirs is
        // returned, with no `String` made and hashed for every response (`ByteText`: ids are
        // lowercase ASCII). Many agencies: by the set.
        if agencies.count <= 32, let bytes = value.scalarBytes {
            if let agency = agencies.first(where: { ByteText.equals($0.id, bytes) }) { return agency.id }
        } else if let id = value.scalar, declared.contains(id) {
            return id
        }
        let id = value.scalar ?? ""
        var message = "the agency `\(id.shortenedForMessage)` is not declared under `assessment: agencies:`"
        if let suggestion = sink.suggestion(for: id, in: agencies.map(\.id)) {
            message += "; did you mean `\(suggestion)`?"
        } else if agencies.isEmpty {
            message += "; declare it there as `- {id: \(id), name: …}`"
        } else {
            message += "; declared agencies: " + agencies.prefix(20).map { "`\($0.id)`" }.joined(separator: ", ")
                + (agencies.count > 20 ? " and \(agencies.count - 20) more" : "")
        }
        sink.error(node.location, message)
        return nil
    }
}
