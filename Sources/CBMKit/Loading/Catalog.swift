import Foundation

/// The questionnaires known to a run of the tool: the bundled ones, plus any from the
/// user's own folders (which replace a bundled one with the same id).
public struct Catalog: Sendable {
    public struct Entry: Sendable {
        public var questionnaire: Questionnaire
        /// The file it was read from, as shown in messages.
        public var file: String
        public var isBundled: Bool
        /// The file's real path (links resolved), to recognise one file given twice.
        public var path: String? = nil
    }

    /// Every questionnaire known, several versions of one id included.
    public private(set) var entries: [Entry] = []

    public init() {}

    /// The ids, each once, in the order they were first added.
    public var ids: [String] {
        var seen = Set<String>()
        return entries.map(\.questionnaire.id).filter { seen.insert($0).inserted }
    }

    /// The current version of each questionnaire.
    public var questionnaires: [Questionnaire] { ids.compactMap { questionnaire($0) } }

    /// The current version of a questionnaire: the newest of the user's own, if the user gave
    /// any with this id, else the newest bundled one.
    public func questionnaire(_ id: String) -> Questionnaire? { entry(id)?.questionnaire }

    /// The given version if it is known, else the current version.
    public func questionnaire(_ id: String, version: String?) -> Questionnaire? {
        if let version, let exact = entries.first(where: { $0.questionnaire.id == id && $0.questionnaire.version == version }) {
            return exact.questionnaire
        }
        return questionnaire(id)
    }

    public func entry(_ id: String) -> Entry? {
        let candidates = entries.filter { $0.questionnaire.id == id }
        let preferred = candidates.contains { !$0.isBundled } ? candidates.filter { !$0.isBundled } : candidates
        return preferred.max { Self.isOlder($0.questionnaire.version, than: $1.questionnaire.version) }
    }

    /// All known versions of a questionnaire, newest first.
    public func versions(of id: String) -> [String] {
        entries.filter { $0.questionnaire.id == id }.map(\.questionnaire.version)
            .sorted { Self.isOlder($1, than: $0) }
    }

    /// Compares versions such as "2025.1" and "2026.10" number by number.
    public static func isOlder(_ a: String, than b: String) -> Bool {
        let left = a.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        let right = b.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        if left != right { return left.lexicographicallyPrecedes(right) }
        return a < b
    }

    /// Adds a questionnaire. Versions of one id live side by side (an assessment answered to
    /// an older version is scored with that version). A user's questionnaire replaces a bundled
    /// one with the same id and version; two user files with the same id and version are an
    /// error, reported at the second.
    public mutating func add(_ questionnaire: Questionnaire, file: String, bundled: Bool, location: SourceLocation? = nil, path: String? = nil) -> Diagnostic? {
        let entry = Entry(questionnaire: questionnaire, file: file, isBundled: bundled, path: path)
        if let index = entries.firstIndex(where: { $0.questionnaire.id == questionnaire.id && $0.questionnaire.version == questionnaire.version }) {
            let sameFile = entries[index].file == file || (path != nil && entries[index].path == path)
            if entries[index].isBundled && !bundled || sameFile {
                entries[index] = entry
                return nil
            }
            return .error(location ?? SourceLocation(file: file, line: 1, column: 1),
                          "the questionnaire `\(questionnaire.id)` version \(questionnaire.version) is already given by \(entries[index].file); each version of a questionnaire must come from one file (change the `version:` of a revised copy)")
        }
        entries.append(entry)
        return nil
    }

    /// Checks what a questionnaire cannot check alone: every `related:` link of a compliance
    /// provision names a maturity questionnaire and indicator that exist.
    public func checkLinks(in questionnaire: Questionnaire) -> [Diagnostic] {
        guard let compliance = questionnaire.compliance else { return [] }
        var diagnostics: [Diagnostic] = []
        var suggestionsLeft = 1000  // as in `DiagnosticSink.suggestion(for:in:)`
        func suggestion(_ word: String, _ candidates: @autoclosure () -> [String]) -> String? {
            guard suggestionsLeft > 0 else { return nil }
            suggestionsLeft -= 1
            return closestMatch(to: word, in: candidates())
        }
        for provision in compliance.provisions {
            for link in provision.related {
                let at = link.location ?? provision.location ?? SourceLocation(file: "?", line: 1, column: 1)
                guard let target = self.questionnaire(link.questionnaire) else {
                    var message = "`related` link `\(link.text)` of provision `\(provision.id)` names no known questionnaire"
                    if let suggestion = suggestion(link.questionnaire, ids) { message += "; did you mean `\(suggestion)/\(link.indicator)`?" }
                    diagnostics.append(.error(at, message))
                    continue
                }
                guard let maturity = target.maturity else {
                    diagnostics.append(.error(at, "`related` link `\(link.text)` of provision `\(provision.id)` points into `\(link.questionnaire)`, which is a compliance checklist; links go to maturity indicators"))
                    continue
                }
                if maturity.indicator(link.indicator) == nil {
                    var message = "`related` link `\(link.text)` of provision `\(provision.id)`: `\(link.questionnaire)` has no indicator `\(link.indicator)`"
                    if let suggestion = suggestion(link.indicator, maturity.indicators.map(\.id)) {
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
        // One after the other: on two threads the files are read no faster (one is much larger
        // than the others), and starting threads costs more than it saves.
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
                    if let problem = catalog.add(questionnaire, file: shown, bundled: false, path: url.resolvingSymlinksInPath().path) { diagnostics.append(problem) }
                    added.append(questionnaire)
                }
            }
        }
        for questionnaire in added { diagnostics += catalog.checkLinks(in: questionnaire) }
        return (catalog, diagnostics)
    }
}
