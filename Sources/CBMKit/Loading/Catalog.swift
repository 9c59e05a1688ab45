import Foundation

/// The questionnaires known to a run of the tool: the bundled ones, plus any from the
/// user's own folders (which replace a bundled one with the same id).
public struct Catalog: Sendable {
    public struct Entry: Sendable {
        public var questionnaire: Questionnaire
        /// The file it was read from, as shown in messages.
        public var file: String
        public var isBundled: Bool
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public var ids: [String] { entries.map(\.questionnaire.id) }
    public var questionnaires: [Questionnaire] { entries.map(\.questionnaire) }

    public func questionnaire(_ id: String) -> Questionnaire? {
        entries.first { $0.questionnaire.id == id }?.questionnaire
    }

    public func entry(_ id: String) -> Entry? { entries.first { $0.questionnaire.id == id } }

    /// Adds a questionnaire. A user's questionnaire replaces a bundled one with the same id;
    /// two user files with the same id are an error, reported at the second.
    public mutating func add(_ questionnaire: Questionnaire, file: String, bundled: Bool, location: SourceLocation? = nil) -> Diagnostic? {
        let entry = Entry(questionnaire: questionnaire, file: file, isBundled: bundled)
        if let index = entries.firstIndex(where: { $0.questionnaire.id == questionnaire.id }) {
            if entries[index].isBundled && !bundled || entries[index].file == file {
                entries[index] = entry
                return nil
            }
            return .error(location ?? SourceLocation(file: file, line: 1, column: 1),
                          "the questionnaire id `\(questionnaire.id)` is already used by \(entries[index].file); each questionnaire needs its own id")
        }
        entries.append(entry)
        return nil
    }

    /// Checks what a questionnaire cannot check alone: every `related:` link of a compliance
    /// provision names a maturity questionnaire and indicator that exist.
    public func checkLinks(in questionnaire: Questionnaire) -> [Diagnostic] {
        guard let compliance = questionnaire.compliance else { return [] }
        var diagnostics: [Diagnostic] = []
        for provision in compliance.provisions {
            for link in provision.related {
                let at = link.location ?? provision.location ?? SourceLocation(file: "?", line: 1, column: 1)
                guard let target = self.questionnaire(link.questionnaire) else {
                    var message = "`related` link `\(link.text)` of provision `\(provision.id)` names no known questionnaire"
                    if let suggestion = closestMatch(to: link.questionnaire, in: ids) { message += "; did you mean `\(suggestion)/\(link.indicator)`?" }
                    diagnostics.append(.error(at, message))
                    continue
                }
                guard let maturity = target.maturity else {
                    diagnostics.append(.error(at, "`related` link `\(link.text)` of provision `\(provision.id)` points into `\(link.questionnaire)`, which is a compliance checklist; links go to maturity indicators"))
                    continue
                }
                if maturity.indicator(link.indicator) == nil {
                    var message = "`related` link `\(link.text)` of provision `\(provision.id)`: `\(link.questionnaire)` has no indicator `\(link.indicator)`"
                    if let suggestion = closestMatch(to: link.indicator, in: maturity.indicators.map(\.id)) {
                        message += "; did you mean `\(link.questionnaire)/\(suggestion)`?"
                    }
                    diagnostics.append(.error(at, message))
                }
            }
        }
        return diagnostics
    }

    /// The questionnaires shipped with the tool (package resources), found wherever the
    /// binary is run from.
    public static func bundled() -> (catalog: Catalog, diagnostics: [Diagnostic]) {
        guard let directory = bundledDirectory else {
            return (Catalog(), [.error(SourceLocation(file: "questionnaires", line: 1, column: 1),
                "the bundled questionnaires were not found next to the program; reinstall cbm, or give your own with --questionnaires DIR")])
        }
        var catalog = Catalog()
        var diagnostics: [Diagnostic] = []
        for url in Loader.yamlFiles(in: directory) {
            let shown = "bundled:" + url.lastPathComponent
            let (questionnaire, found) = Loader.loadQuestionnaire(at: url, shownAs: shown)
            diagnostics += found
            if let questionnaire, let problem = catalog.add(questionnaire, file: shown, bundled: true) {
                diagnostics.append(problem)
            }
        }
        return (catalog, diagnostics)
    }

    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "questionnaires", withExtension: nil)
    }

    /// The bundled questionnaires plus those in the given folders or files.
    /// Problems in any of them are returned; the questionnaires that loaded are kept.
    public static func load(adding paths: [String]) -> (catalog: Catalog, diagnostics: [Diagnostic]) {
        var (catalog, diagnostics) = bundled()
        var added: [Questionnaire] = []
        for path in paths {
            let (files, missing) = Loader.expand(path)
            diagnostics += missing
            for url in files {
                let shown = Loader.displayPath(url, given: path)
                let (questionnaire, found) = Loader.loadQuestionnaire(at: url, shownAs: shown)
                diagnostics += found
                if let questionnaire {
                    if let problem = catalog.add(questionnaire, file: shown, bundled: false) { diagnostics.append(problem) }
                    added.append(questionnaire)
                }
            }
        }
        for questionnaire in added { diagnostics += catalog.checkLinks(in: questionnaire) }
        return (catalog, diagnostics)
    }
}
