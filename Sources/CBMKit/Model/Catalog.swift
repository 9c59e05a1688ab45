import Foundation

/// The questionnaires known to a run of the tool: the bundled ones, plus any from the
/// user's own folders (which replace a bundled one with the same id).
///
/// Older versions kept on a `QuestionnaireShelf` (the bundled `archive/` folder) are read only
/// when an assessment names one, or when every entry is asked for (`entries`).
public struct Catalog: Sendable {
    /// One questionnaire and the file it came from.
    public struct Entry: Sendable {
        /// The questionnaire.
        public var questionnaire: Questionnaire
        /// The file it was read from, as shown in messages.
        public var file: String
        /// Whether it was shipped with cbm.
        public var isBundled: Bool
        /// The file's real path (links resolved), to recognise one file given twice.
        public var path: String? = nil
    }

    /// The questionnaires read so far.
    private var loaded: [Entry] = []
    /// Older versions, read when first asked for.
    var shelf: QuestionnaireShelf?

    /// An empty catalog.
    public init() {}

    /// Every questionnaire known, several versions of one id included. Reads every version
    /// on the shelf that is not read yet.
    public var entries: [Entry] {
        guard let shelf else { return loaded }
        return loaded + shelf.items.indices.compactMap { index in
            let item = shelf.items[index]
            guard !loaded.contains(where: { $0.questionnaire.id == item.id && $0.questionnaire.version == item.version }) else { return nil }
            return shelf.questionnaire(at: index).map { Entry(questionnaire: $0, file: item.file, isBundled: true) }
        }
    }

    /// The file a version of a questionnaire was read from (or is on the shelf in), without
    /// reading a shelved version.
    public func file(of id: String, version: String) -> String? {
        if let entry = loaded.first(where: { $0.questionnaire.id == id && $0.questionnaire.version == version }) { return entry.file }
        return shelf?.items.first { $0.id == id && $0.version == version }?.file
    }

    /// The ids, each once, in the order they were first added.
    public var ids: [String] {
        var seen = Set<String>()
        return loaded.map(\.questionnaire.id).filter { seen.insert($0).inserted }
    }

    /// The current version of each questionnaire.
    public var questionnaires: [Questionnaire] { ids.compactMap { questionnaire($0) } }

    /// The current version of a questionnaire: the newest of the user's own, if the user gave
    /// any with this id, else the newest bundled one.
    public func questionnaire(_ id: String) -> Questionnaire? { entry(id)?.questionnaire }

    /// The given version if it is known, else the current version. A version on the shelf is
    /// read the first time it is asked for.
    public func questionnaire(_ id: String, version: String?) -> Questionnaire? {
        if let version {
            if let exact = loaded.first(where: { $0.questionnaire.id == id && $0.questionnaire.version == version }) {
                return exact.questionnaire
            }
            if let shelf, let index = shelf.items.firstIndex(where: { $0.id == id && $0.version == version }),
               let older = shelf.questionnaire(at: index) {
                return older
            }
        }
        return questionnaire(id)
    }

    /// The current version's entry: the newest of the user's own, if the user gave any with
    /// this id, else the newest bundled one.
    public func entry(_ id: String) -> Entry? {
        let candidates = loaded.filter { $0.questionnaire.id == id }
        let preferred = candidates.contains { !$0.isBundled } ? candidates.filter { !$0.isBundled } : candidates
        return preferred.max { Self.isOlder($0.questionnaire.version, than: $1.questionnaire.version) }
    }

    /// All known versions of a questionnaire, newest first.
    public func versions(of id: String) -> [String] {
        var versions = loaded.filter { $0.questionnaire.id == id }.map(\.questionnaire.version)
        for item in shelf?.items ?? [] where item.id == id && !versions.contains(item.version) { versions.append(item.version) }
        return versions.sorted { Self.isOlder($1, than: $0) }
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
        if let index = loaded.firstIndex(where: { $0.questionnaire.id == questionnaire.id && $0.questionnaire.version == questionnaire.version }) {
            let sameFile = loaded[index].file == file || (path != nil && loaded[index].path == path)
            if loaded[index].isBundled && !bundled || sameFile {
                loaded[index] = entry
                return nil
            }
            return .error(location ?? SourceLocation(file: file, line: 1, column: 1),
                          "the questionnaire `\(questionnaire.id)` version \(questionnaire.version) is already given by \(loaded[index].file); each version of a questionnaire must come from one file (change the `version:` of a revised copy)")
        }
        loaded.append(entry)
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
}
