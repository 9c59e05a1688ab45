import Foundation

/// The outcome of checking files: every problem found, and the files looked at.
public struct ValidationReport: Sendable {
    public var files: [String] = []
    public var questionnaires: [String] = []
    public var assessments: [String] = []
    public var diagnostics: [Diagnostic] = []

    public var errorCount: Int { diagnostics.errors.count }
    public var warningCount: Int { diagnostics.warnings.count }
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
        return parts.joined(separator: " and ") + " in \(count)" + (errorCount == 0 ? " (warnings do not make a file invalid)." : ".")
    }
}

public enum Validator {
    /// Checks questionnaire and assessment files (or every .yaml file in the given folders).
    /// Questionnaires among `paths` and in `questionnaireDirectories` are added to the bundled
    /// ones, so that an assessment can be checked together with the questionnaire it answers.
    public static func validate(paths: [String], questionnaireDirectories: [String] = []) -> ValidationReport {
        var report = ValidationReport()
        var (catalog, catalogDiagnostics) = Catalog.load(adding: questionnaireDirectories)
        report.diagnostics += catalogDiagnostics

        var pendingAssessments: [(YAMLNode, String, [Diagnostic])] = []
        var addedQuestionnaires: [Questionnaire] = []
        var seen = Set<String>()
        for path in paths {
            let (files, problems) = Loader.expand(path)
            report.diagnostics += problems
            for url in files {
                let shown = Loader.displayPath(url, given: path)
                guard seen.insert(url.standardizedFileURL.path).inserted else { continue }
                report.files.append(shown)
                let (root, readProblems) = Loader.readYAML(at: url, shownAs: shown)
                guard let root else {
                    report.diagnostics += readProblems
                    continue
                }
                switch Loader.kind(of: root) {
                case .questionnaire?:
                    report.questionnaires.append(shown)
                    let (questionnaire, found) = Loader.decodeQuestionnaire(root, diagnostics: readProblems)
                    report.diagnostics += found
                    if let questionnaire {
                        if let problem = catalog.add(questionnaire, file: shown, bundled: false, location: root.location,
                                                     path: url.resolvingSymlinksInPath().path) {
                            report.diagnostics.append(problem)
                        }
                        addedQuestionnaires.append(questionnaire)
                    }
                case .assessment?:
                    report.assessments.append(shown)
                    pendingAssessments.append((root, shown, readProblems))
                case nil:
                    report.diagnostics += readProblems + [Loader.unknownKind(root)]
                }
            }
        }
        for questionnaire in addedQuestionnaires {
            report.diagnostics += catalog.checkLinks(in: questionnaire)
        }
        for (root, shown, readProblems) in pendingAssessments {
            report.diagnostics += Loader.decodeAssessment(root, file: shown, catalog: catalog, diagnostics: readProblems).1
        }
        var seenDiagnostics = Set<Diagnostic>()
        report.diagnostics = report.diagnostics.filter { seenDiagnostics.insert($0).inserted }.sortedByLocation()
        return report
    }
}
