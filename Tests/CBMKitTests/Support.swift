import Foundation
import Testing
@testable import CBMKit

enum Fixtures {
    static let directory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func text(_ name: String) -> String { try! String(contentsOf: url(name), encoding: .utf8) }

    /// The bundled questionnaires plus the small test ones.
    static let catalog = Catalog.load(adding: [url("mini-maturity.yaml").path, url("mini-compliance.yaml").path]).catalog
}

/// Problems found in a questionnaire given as text (file name `q.yaml`).
func questionnaireDiagnostics(_ yaml: String, catalog: Catalog = Fixtures.catalog) -> [Diagnostic] {
    let loadedRoot = YAMLReader.read(Data(yaml.utf8), file: "q.yaml")
    let root = loadedRoot.value, read = loadedRoot.diagnostics
    guard let root else { return read }
    let loadedQuestionnaire = Loader.decodeQuestionnaire(root, diagnostics: read)
    let questionnaire = loadedQuestionnaire.value, found = loadedQuestionnaire.diagnostics
    guard let questionnaire else { return found }
    var catalog = catalog
    _ = catalog.add(questionnaire, file: "q.yaml", bundled: false)
    return found + catalog.checkLinks(in: questionnaire)
}

/// Problems found in an assessment given as text (file name `a.yaml`).
func assessmentDiagnostics(_ yaml: String, catalog: Catalog = Fixtures.catalog) -> [Diagnostic] {
    assessmentResult(yaml, catalog: catalog).1
}

func assessmentResult(_ yaml: String, catalog: Catalog = Fixtures.catalog) -> (Assessment?, [Diagnostic]) {
    let read = YAMLReader.read(Data(yaml.utf8), file: "a.yaml")
    guard let root = read.value else { return (nil, read.diagnostics) }
    let decoded = Loader.decodeAssessment(root, file: "a.yaml", catalog: catalog, diagnostics: read.diagnostics)
    return (decoded.value, decoded.diagnostics)
}

/// A copy of a fixture with one piece of text replaced (the replaced text must occur once).
func fixture(_ name: String, replacing old: String, with new: String) -> String {
    let text = Fixtures.text(name)
    precondition(text.components(separatedBy: old).count == 2, "`\(old)` must occur exactly once in \(name)")
    return text.replacingOccurrences(of: old, with: new)
}

/// A scratch folder, removed when the value is dropped by the test.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ contents: String) -> URL { write(name, Data(contents.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) -> URL {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file
    }
}

// MARK: - Repository files and the Arventa example

func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// The Arventa example, loaded once.
enum Example {
    static let loaded: (card: ScoreCard, catalog: Catalog) = {
        let example = try! Loader.assessment(at: Repository.path("examples/arventa-2026.yaml"))
        return (Scorer.score(example.assessment, catalog: example.catalog), example.catalog)
    }()
    static let html = try! ReportRenderer.render(loaded.card, catalog: loaded.catalog, format: .html)
    static let markdown = try! ReportRenderer.render(loaded.card, catalog: loaded.catalog, format: .md)
}

// MARK: - Seeded randomness

/// A small seeded random generator, so that "random" test data is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Scoring the mini fixture

func miniCard(_ yaml: String = Fixtures.text("mini-assessment.yaml")) throws -> ScoreCard {
    let (assessment, diagnostics) = assessmentResult(yaml)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    return Scorer.score(try #require(assessment), catalog: Fixtures.catalog)
}

let mini = Fixtures.catalog.questionnaire("mini")!.maturity!
let checklist = Fixtures.catalog.questionnaire("mini-checklist")!.compliance!

/// Builds answers to `mini` from a compact description: indicator → responses.
func miniAssessment(_ answers: [String: [MaturityLevel]], consensus: [String: MaturityLevel] = [:], targets: [Target] = []) -> Assessment {
    let agencies = (1...6).map { Agency(id: "a\($0)", name: "Agency \($0)") }
    var list: [Answer] = []
    for indicator in mini.indicators.map(\.id) where answers[indicator] != nil || consensus[indicator] != nil {
        let responses = (answers[indicator] ?? []).enumerated().map { index, level in
            Response(agency: "a\(index + 1)", value: .level(level))
        }
        list.append(Answer(itemID: indicator, consensus: consensus[indicator].map(AnswerValue.level), responses: responses))
    }
    return Assessment(title: "t", country: "Testland", period: "2026", agencies: agencies,
                      questionnaires: [QuestionnaireAnswers(questionnaireID: "mini", targets: targets, answers: list)])
}

func indicatorScore(_ card: ScoreCard, _ id: String) -> IndicatorScore {
    card.maturity[0].indicators.first { $0.id == id }!
}

// MARK: - Interview

// Shared by the tests of Sources/CBMKit/Interview: the assessment writer, `cbm init` templates, the CSV
// reader and writer, and agency sheets (export, import, round trips, every import error).

enum Interview {
    static let root = Repository.root

    /// The mini fixture assessment (agencies customs and border-guard; questionnaires mini and mini-checklist).
    static var mini: Assessment {
        let (assessment, diagnostics) = assessmentResult(Fixtures.text("mini-assessment.yaml"))
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        return assessment!
    }

    static func example(_ name: String) throws -> (Assessment, Catalog) {
        let loaded = try Loader.assessment(at: root.appendingPathComponent("examples/\(name)").path)
        return (loaded.assessment, loaded.catalog)
    }

    /// Writes the assessment and reads it back.
    static func reread(_ text: String, catalog: Catalog = Fixtures.catalog) -> (Assessment?, [Diagnostic]) {
        assessmentResult(text, catalog: catalog)
    }

    static func sheet(_ assessment: Assessment, agency: String, catalog: Catalog = Fixtures.catalog) throws(UsageError) -> [[String]] {
        try AgencySheet.rows(for: assessment, catalog: catalog, agency: agency)
    }

    static func merge(_ rows: [[String]], into assessment: Assessment, catalog: Catalog = Fixtures.catalog,
                      separator: CSV.Separator = .comma) -> (SheetMerge?, [Diagnostic]) {
        merge(Data(CSV.write(rows, separator: separator).utf8), into: assessment, catalog: catalog)
    }

    static func merge(_ data: Data, into assessment: Assessment, catalog: Catalog = Fixtures.catalog) -> (SheetMerge?, [Diagnostic]) {
        let merge = SheetMerge.merge(data, file: "sheet.csv", into: assessment, assessmentFile: "a.yaml", catalog: catalog)
        return (merge.value, merge.diagnostics)
    }

    /// Sets the answer cells of the row for `reference` (as a person fills them in).
    static func fill(_ rows: inout [[String]], _ reference: String, _ answer: String, evidence: String = "", comment: String = "") {
        guard let index = rows.firstIndex(where: { $0[AgencySheet.Column.id.rawValue] == reference }) else {
            Issue.record("no row \(reference)")
            return
        }
        rows[index][AgencySheet.Column.answer.rawValue] = answer
        rows[index][AgencySheet.Column.evidence.rawValue] = evidence
        rows[index][AgencySheet.Column.comment.rawValue] = comment
    }

    /// The answer cells (level or status, evidence, comment) of every row, as read back.
    static func answerCells(_ rows: [[String]]) -> [[String]] {
        rows.dropFirst().map { row in
            [row[0], row[2]] + [AgencySheet.Column.answer, .evidence, .comment].map { AgencySheet.unguarded(row[$0.rawValue]) }
        }
    }

    static func errors(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.errors.map(\.description) }
}

/// Texts that break naive YAML or CSV writers.
let hostileTexts = [
    "plain", "", " ", "  leading spaces", "trailing spaces  ", "key: value", "a # not a comment", "#hash first",
    "\"double\" and 'single' quotes", "'", "\"", "back\\slash \\n not a newline", "line one\nline two", "\n", "\n\nblank lines\n\n",
    "crlf\r\nline", "tab\there", "- dash first", "? question", ": colon first", "{flow: map}", "[a, b]", "&anchor *alias", "!tag",
    "| block", "> folded", "% directive", "@at", "`tick`", "yes", "no", "null", "~", "true", "3", "2026-10-15", "0x10", "1e3",
    "Таможня: «проверка» № 5 — ok", "日本語", "emoji 🚚", "nbsp\u{00A0}here", "bom\u{FEFF}inside", "ls\u{2028}ps\u{2029}",
    "zero\u{200B}width", "bidi\u{202E}reversed", "=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "'quoted", "''twice",
    String(repeating: "word ", count: 60), String(repeating: "long-word-without-spaces-", count: 12),
    "many   spaces   between   words " + String(repeating: "x ", count: 60), "---", "...", "--- document", "%YAML 1.1",
]
