import Foundation
import Testing
@testable import CBMKit

/// What became of one file handed to cbm: the model it loaded into, or the problems found.
struct LoadOutcome {
    var questionnaire: Questionnaire?
    var assessment: Assessment?
    var diagnostics: [Diagnostic]

    var loaded: Bool { (questionnaire != nil || assessment != nil) && !diagnostics.hasErrors }
}

/// Loads YAML bytes the way `cbm validate` does: a questionnaire or an assessment, told by its
/// keys, checked against `catalog` (and a loaded questionnaire's links against it too).
func loadAny(_ data: Data, file: String, catalog: Catalog) -> LoadOutcome {
    let loadedRoot = YAMLReader.read(data, file: file)
    let root = loadedRoot.value, read = loadedRoot.diagnostics
    guard let root else { return LoadOutcome(diagnostics: read) }
    switch Loader.kind(of: root) {
    case .questionnaire?:
        let loadedQuestionnaire = Loader.decodeQuestionnaire(root, diagnostics: read)
        let questionnaire = loadedQuestionnaire.value, found = loadedQuestionnaire.diagnostics
        guard let questionnaire else { return LoadOutcome(diagnostics: found) }
        var catalog = catalog
        _ = catalog.add(questionnaire, file: file, bundled: false)
        return LoadOutcome(questionnaire: questionnaire, diagnostics: found + catalog.checkLinks(in: questionnaire))
    case .assessment?:
        let loadedAssessment = Loader.decodeAssessment(root, file: file, catalog: catalog, diagnostics: read)
        let assessment = loadedAssessment.value, found = loadedAssessment.diagnostics
        return LoadOutcome(assessment: assessment, diagnostics: found)
    case nil:
        return LoadOutcome(diagnostics: read + [Loader.unknownKind(root)])
    }
}

/// The length of each line in characters (Unicode scalars, as cbm counts columns). Lines end
/// at LF, CRLF or a lone CR, as in text editors.
func lineLengths(of data: Data) -> [Int] {
    let text = String(decoding: data, as: UTF8.self)
    var lengths: [Int] = []
    var current = 0
    var previousCR = false
    for scalar in text.unicodeScalars {
        if scalar == "\n" {
            if !previousCR { lengths.append(current) }
            current = 0
            previousCR = false
        } else if scalar == "\r" {
            lengths.append(current)
            current = 0
            previousCR = true
        } else {
            current += 1
            previousCR = false
        }
    }
    lengths.append(current)
    return lengths
}

/// Why a diagnostic is not properly located in `file` (nil when it is): the file name must be
/// the one given, the line within the file (one past the last line is allowed: the end of the
/// file), the column at least 1 and at most one past the end of its line.
func locationProblem(_ diagnostic: Diagnostic, file: String, lines: [Int]) -> String? {
    let at = diagnostic.location
    guard at.file == file else { return "names the file \(at.file), not \(file)" }
    guard at.line >= 1, at.line <= lines.count + 1 else { return "line \(at.line) is outside the file (\(lines.count) lines)" }
    guard at.column >= 1 else { return "column \(at.column) is below 1" }
    let length = at.line <= lines.count ? lines[at.line - 1] : 0
    guard at.column <= length + 1 else { return "column \(at.column) is past the end of line \(at.line) (\(length) characters)" }
    return nil
}

/// Checks the promise every load keeps: a model without errors, or at least one error, and
/// every problem located within the file. Records an issue naming `label` otherwise.
func expectLoadedOrLocated(
    _ outcome: LoadOutcome, data: Data, file: String, label: @autoclosure () -> String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    if !outcome.loaded && !outcome.diagnostics.hasErrors {
        Issue.record("\(label()): no model and no error", sourceLocation: sourceLocation)
    }
    let lines = lineLengths(of: data)
    for diagnostic in outcome.diagnostics where diagnostic.location.file == file || diagnostic.isError {
        if let problem = locationProblem(diagnostic, file: file, lines: lines) {
            Issue.record("\(label()): \(problem): \(diagnostic)", sourceLocation: sourceLocation)
        }
    }
}

/// Asserts that an error at `line`:`column` says `text` (others may be there too).
@discardableResult
func expectError(
    _ diagnostics: [Diagnostic], at line: Int, _ column: Int, containing text: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let found = diagnostics.first { $0.isError && $0.location.line == line && $0.location.column == column && $0.message.contains(text) }
    #expect(found != nil, "expected an error at \(line):\(column) saying \(text), got:\n\(diagnostics.prefix(10).map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    return found
}

/// Scores a loaded assessment and writes everything cbm can write from it, in every format.
/// Returns the HTML and Markdown reports.
@discardableResult
func renderEverything(_ assessment: Assessment, catalog: Catalog) throws -> (html: String, markdown: String) {
    let card = Scorer.score(assessment, catalog: catalog)
    _ = card.json.rendered()
    _ = card.terminalSummary(topPriorities: 10)
    let html = try ReportRenderer.render(card, catalog: catalog, format: .html)
    let markdown = try ReportRenderer.render(card, catalog: catalog, format: .md)
    return (html, markdown)
}

enum Adversarial {
    static let directory = Fixtures.url("adversarial")

    static func data(_ relative: String) -> Data { try! Data(contentsOf: directory.appendingPathComponent(relative)) }
    static func text(_ relative: String) -> String { String(decoding: data(relative), as: UTF8.self) }

    /// The bundled questionnaires, the small test ones and the two complete ones of
    /// `adversarial/complete/`.
    static let catalog: Catalog = {
        var catalog = Fixtures.catalog
        for name in ["maturity", "compliance"] {
            let file = "complete/\(name).yaml"
            let outcome = loadAny(data(file), file: file, catalog: catalog)
            precondition(outcome.loaded, "\(file): \(outcome.diagnostics)")
            _ = catalog.add(outcome.questionnaire!, file: file, bundled: false)
        }
        return catalog
    }()
}

/// One field of a block-style YAML file (the files of `adversarial/complete/` write one value
/// per line): where its value is, and which lines belong to it.
struct YAMLField: CustomStringConvertible {
    /// 0-based index of the line that holds the key (or the list item).
    var line: Int
    /// The key, or nil for a list item without one (`- text`, or a whole `- key: …` item).
    var key: String?
    /// The keys of the mappings around it, outermost first.
    var path: [String]
    /// Where its value starts on the line (0-based, in characters), and how many lines after
    /// `line` belong to it (a nested block).
    var valueStart: Int
    var blockLines: Int
    var isScalar: Bool

    var parent: String? { path.last }
    var description: String { (path + [key ?? "-"]).joined(separator: ".") + " (line \(line + 1))" }

    /// Keys whose value is free text: any scalar is a valid value.
    static let textKeys: Set = ["title", "summary", "notes", "question", "guidance", "name", "requirement", "note", "comment",
                                "evidence", "prepared_by", "country", "source", "ref", "url", "body", "version", "en", "ru"]

    /// True when any scalar is a valid value here: text, and items of text lists.
    var isFreeText: Bool {
        if let key, Self.textKeys.contains(key) { return true }
        if let parent, ["levels", "next_steps"].contains(parent) { return key != nil }
        if key == nil, let parent, ["evidence", "references"].contains(parent) { return true }  // `- WTO TFA` is a reference
        return false
    }

    /// Every field of a block-style YAML text, including each list item as a whole.
    static func fields(of text: String) -> [YAMLField] {
        let lines = text.components(separatedBy: "\n")
        var fields: [YAMLField] = []
        var stack: [(column: Int, key: String)] = []
        func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func blockLength(after index: Int, deeperThan column: Int) -> Int {
            var count = 0
            for next in lines[(index + 1)...] {
                let trimmed = next.drop { $0 == " " }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { count += 1; continue }
                guard indentation(next) > column else { break }
                count += 1
            }
            // Trailing blank lines belong to what follows.
            var end = index + count
            while end > index, lines[end].allSatisfy({ $0 == " " }) { end -= 1; count -= 1 }
            return count
        }
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var column = indentation(line)
            var rest = Substring(trimmed)
            if rest.hasPrefix("- ") {
                let dash = column
                stack.removeAll { $0.column >= dash + 1 }
                let path = stack.map(\.key)
                column += 2
                rest = rest.dropFirst(2)
                if rest.contains(": ") || rest.hasSuffix(":") {
                    // The whole item (a mapping) as one field.
                    fields.append(YAMLField(line: index, key: nil, path: path, valueStart: dash + 2,
                                            blockLines: blockLength(after: index, deeperThan: dash + 1), isScalar: false))
                } else {
                    fields.append(YAMLField(line: index, key: nil, path: path, valueStart: column, blockLines: 0, isScalar: true))
                    continue
                }
            }
            guard let colon = rest.range(of: ": ")?.lowerBound ?? (rest.hasSuffix(":") ? rest.index(before: rest.endIndex) : nil) else { continue }
            let key = String(rest[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            stack.removeAll { $0.column >= column }
            let path = stack.map(\.key)
            let valueStart = column + rest.distance(from: rest.startIndex, to: colon) + 2
            if rest.hasSuffix(":") {
                fields.append(YAMLField(line: index, key: key, path: path, valueStart: valueStart - 1,
                                        blockLines: blockLength(after: index, deeperThan: column), isScalar: false))
                stack.append((column, key))
            } else {
                fields.append(YAMLField(line: index, key: key, path: path, valueStart: valueStart, blockLines: 0, isScalar: true))
            }
        }
        return fields
    }

    /// The text with this field's value (and its nested lines) replaced by `value`, written
    /// after `key: ` or `- `. Returns the text and the 1-based line and column of the value.
    func replacing(in text: String, with value: String) -> (text: String, line: Int, column: Int) {
        var lines = text.components(separatedBy: "\n")
        let head = String(lines[line].prefix(valueStart))
        let separator = head.hasSuffix(":") ? " " : ""
        lines[line] = head + separator + value
        lines.removeSubrange((line + 1)..<(line + 1 + blockLines))
        return (lines.joined(separator: "\n"), line + 1, head.count + separator.count + 1)
    }
}
