import Foundation

/// The outcome of checking files: every problem found, and the files looked at.
public struct ValidationReport: Sendable {
    /// Every file checked, in the order checked.
    public var files: [String] = []
    /// The files that are questionnaires.
    public var questionnaires: [String] = []
    /// The files that are assessments.
    public var assessments: [String] = []
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic] = []

    /// How many errors were found.
    public var errorCount: Int { diagnostics.errors.count }
    /// How many warnings were found.
    public var warningCount: Int { diagnostics.warnings.count }
    /// Whether no error was found (warnings do not make a file invalid).
    public var isClean: Bool { errorCount == 0 }

    /// "All 3 files are valid." / "2 errors and 1 warning in 3 files."
    public var summary: String {
        let count = files.count == 1 ? "1 file" : "\(files.count) files"
        if diagnostics.isEmpty {
            return files.count == 1 ? "The file is valid." : "All \(count) are valid."
        }
        var parts: [String] = []
        if errorCount > 0 { parts.append(errorCount == 1 ? "1 error" : "\(errorCount) errors") }
        if warningCount > 0 { parts.append(warningCount == 1 ? "1 warning" : "\(warningCount) warnings") }
        if files.isEmpty { return parts.joined(separator: " and ") + "; no file was checked." }
        return parts.joined(separator: " and ") + " in \(count)" + (errorCount == 0 ? " (warnings do not make a file invalid)." : ".")
    }
}

/// Checks questionnaire and assessment files, as `cbm validate` does.
public enum Validator {
    /// What checking one file found.
    private enum FileResult: Sendable {
        case questionnaire(Questionnaire?, [Diagnostic], SourceLocation)
        /// The ids under `questionnaires:`, and whether any was unknown to the catalog used.
        case assessment([Diagnostic], answers: Set<String>, unknownAnswered: Bool)
        case other([Diagnostic])
    }

    /// Checks questionnaire and assessment files (or every .yaml file in the given folders).
    /// Questionnaires among `paths` and in `questionnaireDirectories` are added to the bundled
    /// ones, so that an assessment can be checked together with the questionnaire it answers.
    ///
    /// Files are read on every processor core, each once, and no more than one file per core
    /// is held in memory: assessments are checked against the questionnaires known at the
    /// start, and those that answer a questionnaire found among the files are read again.
    public static func validate(paths: [String], questionnaireDirectories: [String] = []) -> ValidationReport {
        var report = ValidationReport()
        let questionnaires = Catalog.load(adding: questionnaireDirectories)
        var catalog = questionnaires.catalog
        report.diagnostics += questionnaires.diagnostics

        var files: [(url: URL, shown: String)] = []
        var seen = Set<String>()
        for path in paths {
            let (found, problems) = Loader.expand(path)
            report.diagnostics += problems
            for url in found where seen.insert(url.standardizedFileURL.path).inserted {
                files.append((url, Loader.displayPath(url, given: path)))
            }
        }

        let initial = catalog
        // By id only: reading the current version of each would cost more than the check.
        let knownIDs = Set(initial.ids)
        let toCheck = files
        let results = Loader.concurrentMap(toCheck.count) { index in
            check(toCheck[index].url, shown: toCheck[index].shown, catalog: initial, knownIDs: knownIDs)
        }

        var addedQuestionnaires: [Questionnaire] = []
        var addedIDs = Set<String>()
        for (file, result) in zip(files, results) {
            report.files.append(file.shown)
            switch result {
            case let .questionnaire(questionnaire, found, location):
                report.questionnaires.append(file.shown)
                report.diagnostics += found
                if let questionnaire {
                    if let problem = catalog.add(questionnaire, file: file.shown, bundled: false, location: location,
                                                 path: file.url.resolvingSymlinksInPath().path) {
                        report.diagnostics.append(problem)
                    }
                    addedQuestionnaires.append(questionnaire)
                    addedIDs.insert(questionnaire.id)
                }
            case .assessment:
                report.assessments.append(file.shown)
            case let .other(found):
                report.diagnostics += found
            }
        }
        for questionnaire in addedQuestionnaires {
            report.diagnostics += catalog.checkLinks(in: questionnaire)
        }
        // Assessments that may read differently with the questionnaires found among the files.
        var again: [Int] = []
        if !addedIDs.isEmpty {
            for (index, result) in results.enumerated() {
                if case let .assessment(_, answers, unknownAnswered) = result, unknownAnswered || !answers.isDisjoint(with: addedIDs) {
                    again.append(index)
                }
            }
        }
        let final = catalog
        let checkAgain = again.map { toCheck[$0] }
        let rechecked = Loader.concurrentMap(checkAgain.count) { n in
            Loader.loadAssessment(at: checkAgain[n].url, shownAs: checkAgain[n].shown, catalog: final).diagnostics
        }
        let recheckedByIndex = Dictionary(uniqueKeysWithValues: zip(again, rechecked))
        for (index, result) in results.enumerated() {
            if case let .assessment(found, _, _) = result { report.diagnostics += recheckedByIndex[index] ?? found }
        }
        var seenDiagnostics = Set<Diagnostic>()
        report.diagnostics = report.diagnostics.filter { seenDiagnostics.insert($0).inserted }.sortedByLocation()
        return report
    }

    /// - Parameter knownIDs: `catalog.ids`, made once for all the files.
    private static func check(_ url: URL, shown: String, catalog: Catalog, knownIDs: Set<String>) -> FileResult {
        let read = Loader.readYAML(at: url, shownAs: shown)
        let readProblems = read.diagnostics
        guard let document = read.value else { return .other(readProblems) }
        switch Loader.kind(of: document) {
        case .questionnaire?:
            let decoded = Loader.decodeQuestionnaire(document, diagnostics: readProblems)
            return .questionnaire(decoded.value, decoded.diagnostics, document.read(\.location))
        case .assessment?:
            let answers = document.read { root in
                let answered = root.mappingPairs?.first { $0.key.scalar == "questionnaires" }?.value.mappingPairs
                return Set(answered?.compactMap { $0.key.scalar } ?? [])
            }
            let found = Loader.checkAssessment(document, file: shown, catalog: catalog, diagnostics: readProblems)
            return .assessment(found, answers: answers, unknownAnswered: !answers.isSubset(of: knownIDs))
        case nil:
            return .other(readProblems + [Loader.unknownKind(document)])
        }
    }
}
