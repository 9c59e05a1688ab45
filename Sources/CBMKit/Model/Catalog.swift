import Foundation

/// The questionnaires known to a run of the tool: the bundled ones, plus any from the
/// user's own folders (which replace a bundled one with the same id).
///
/// The bundled versions are kept on a `QuestionnaireShelf` and read only when used: a current
/// one when it is asked for by id, an older one (the `archive/` folder) when an assessment
/// names its version, and all of them when every entry is asked for (`entries`).
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

    /// The questionnaires added one by one (`add`): the user's own, in the order given.
    private var loaded: [Entry] = []
    /// The bundled versions, current and archived, each read when first asked for.
    var shelf: QuestionnaireShelf?

    /// An empty catalog.
    public init() {}

    /// Every questionnaire known, several versions of one id included: the current bundled
    /// versions (each replaced by a user's file of the same version, if one was given), the
    /// user's other files, then the archived versions. Reads every version on the shelf that
    /// is not read yet.
    public var entries: [Entry] {
        guard let shelf else { return loaded }
        func given(_ item: QuestionnaireShelf.Item) -> Entry? { loadedEntry(item.id, version: item.version) }
        func read(_ index: Int) -> Entry? {
            let item = shelf.items[index]
            return shelf.questionnaire(at: index).map { Entry(questionnaire: $0, file: item.file, isBundled: true) }
        }
        let current = shelf.items.indices.filter { shelf.items[$0].isCurrent }
        var result = current.compactMap { given(shelf.items[$0]) ?? read($0) }
        result += loaded.filter { entry in
            !current.contains { shelf.items[$0].id == entry.questionnaire.id && shelf.items[$0].version == entry.questionnaire.version }
        }
        result += shelf.items.indices.filter { !shelf.items[$0].isCurrent && given(shelf.items[$0]) == nil }.compactMap(read)
        return result
    }

    /// The file a version of a questionnaire was read from (or is on the shelf in), without
    /// reading a shelved version.
    public func file(of id: String, version: String) -> String? {
        if let entry = loadedEntry(id, version: version) { return entry.file }
        guard let shelf, let index = shelf.index(of: id, version: version) else { return nil }
        return shelf.items[index].file
    }

    /// The ids, each once: those of the current bundled questionnaires, then those the user
    /// added, in the order added. Reads no file.
    public var ids: [String] {
        var seen = Set<String>()
        let bundled = shelf?.items.filter(\.isCurrent).map(\.id) ?? []
        return (bundled + loaded.map(\.questionnaire.id)).filter { seen.insert($0).inserted }
    }

    /// The current version of each questionnaire.
    public var questionnaires: [Questionnaire] { ids.compactMap { questionnaire($0) } }

    /// The current version of a questionnaire: the newest of the user's own, if the user gave
    /// any with this id, else the newest bundled one.
    public func questionnaire(_ id: String) -> Questionnaire? { entry(id)?.questionnaire }

    /// The given version if it is known, else the current version. A bundled version is read
    /// the first time it is asked for.
    public func questionnaire(_ id: String, version: String?) -> Questionnaire? {
        if let version {
            if let exact = loadedEntry(id, version: version) {
                return exact.questionnaire
            }
            if let shelf, let index = shelf.index(of: id, version: version),
               let shelved = shelf.questionnaire(at: index) {
                return shelved
            }
        }
        return questionnaire(id)
    }

    /// The entry added with this id and version (`add`), if any; the shelf is not looked at.
    private func loadedEntry(_ id: String, version: String) -> Entry? {
        loaded.first { $0.questionnaire.id == id && $0.questionnaire.version == version }
    }

    /// The current version's entry: the newest of the user's own, if the user gave any with
    /// this id, else the newest bundled one (read now if it was not yet).
    public func entry(_ id: String) -> Entry? {
        let candidates = loaded.filter { $0.questionnaire.id == id }
        let mine = candidates.filter { !$0.isBundled }
        var preferred = mine.isEmpty ? candidates : mine
        if mine.isEmpty, let shelf,
           let index = shelf.items.indices.filter({ shelf.items[$0].isCurrent && shelf.items[$0].id == id })
               .max(by: { Self.isOlder(shelf.items[$0].version, than: shelf.items[$1].version) }),
           let current = shelf.questionnaire(at: index) {
            preferred.append(Entry(questionnaire: current, file: shelf.items[index].file, isBundled: true))
        }
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
