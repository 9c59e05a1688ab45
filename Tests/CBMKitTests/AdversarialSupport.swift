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
