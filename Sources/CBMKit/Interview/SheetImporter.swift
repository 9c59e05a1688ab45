import Foundation

/// `cbm import-sheet`: reads an assessment file and a filled sheet, merges them, checks the
/// result, and rewrites the file safely.
///
/// Safe means: nothing is written when any row cannot be read; the file is not touched when
/// the sheet changes nothing; the new text is read back and must give exactly the merged
/// assessment before it is written; the previous version is kept as `FILE.bak`; the file is
/// replaced in one step (never half-written), and not at all if it changed meanwhile.
public enum SheetImporter {
    /// What an import did: the merge, whether the file was written, and what to print.
    public struct Outcome: Sendable {
        /// The sheet read.
        public var sheet: String
        /// The assessment file merged into.
        public var file: String
        /// The merge: the new assessment and every change.
        public var result: SheetMerge
        /// Whether it was a dry run (nothing written).
        public var dryRun: Bool
        /// Whether the assessment file was rewritten.
        public var written: Bool
        /// Where the previous version was kept, when the file was rewritten with a backup.
        public var backup: String?
        /// Warnings about the assessment file and the sheet, and comments that are not kept.
        public var warnings: [Diagnostic]
        /// What happened, in lines to print.
        public var report: String
    }

    /// Throws `LoadError` when the assessment or the sheet has problems (every one of them),
    /// `UsageError` when the file cannot be written.
    public static func run(
        sheet: String, into file: String, questionnaireDirectories: [String] = [], dryRun: Bool = false, backup: Bool = true
    ) throws -> Outcome {
        let loaded = try Loader.assessment(at: file, questionnaireDirectories: questionnaireDirectories)
        let (assessment, catalog) = (loaded.assessment, loaded.catalog)
        let target = URL(fileURLWithPath: file).resolvingSymlinksInPath()
        guard let original = FileManager.default.contents(atPath: target.path) else {
            throw UsageError("cannot read \(file)")
        }
        var isDirectory: ObjCBool = false
        // Not read at all when far larger than any sheet (the readers check their own limits).
        let sheetLimit = max(WorkbookReader.Limits.standard.maxFileBytes, ReadLimits.standard.maxBytes)
        if let size = (try? FileManager.default.attributesOfItem(atPath: sheet))?[.size] as? Int, size > sheetLimit {
            throw LoadError([.error(SourceLocation(file: sheet, line: 1, column: 1),
                String(format: "this file is %.0f MB; cbm reads sheets of up to %d MB (a sheet for one agency is well under 1 MB). Is it the right file?", Double(size) / 1_048_576, sheetLimit / 1_048_576))])
        }
        guard FileManager.default.fileExists(atPath: sheet, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: sheet) else {
            let what = isDirectory.boolValue ? "is a folder; give the sheet's file name" : "there is no such file; check the name"
            throw LoadError([.error(SourceLocation(file: sheet, line: 1, column: 1), what)])
        }
        let merge = SheetMerge.merge(data, file: sheet, into: assessment, assessmentFile: file, catalog: catalog)
        guard let result = merge.value else { throw LoadError(merge.diagnostics) }
        var warnings = loaded.warnings.warnings + result.warnings + [staleTitle(assessment, file: file, text: String(decoding: original, as: UTF8.self))].compactMap { $0 }
        var outcome = Outcome(sheet: sheet, file: file, result: result, dryRun: dryRun, written: false, backup: nil,
                              warnings: warnings, report: "")

        // Nothing to do: the file stays exactly as it is.
        if result.merged.withoutLocations == assessment.withoutLocations {
            outcome.report = (heading(outcome) + [
                "No changes: \(file) already holds every answer in the sheet (\(countedNoun(result.unchangedRows, "row")) read). The file was not rewritten.",
            ]).joined(separator: "\n")
            return outcome
        }

        // The new text, checked by reading it back.
        let originalText = String(decoding: original, as: UTF8.self)
        let guide = AssessmentWriter.guideLanguage(in: originalText).map {
            AssessmentWriter.Guide(catalog: catalog, language: $0, fileName: target.lastPathComponent)
        }
        let text = AssessmentWriter.yaml(result.merged, guide: guide)
        let limit = ReadLimits.standard.maxBytes
        if text.utf8.count > limit {
            // cbm could not read the file back: say so, rather than write it.
            throw UsageError(String(format: "%@ was not changed: with the answers of this sheet it would grow to %.1f MB, and cbm reads assessment files of up to %.0f MB. Keep long texts (such as evidence) short, or split the assessment (for example one file per questionnaire)",
                                        file, Double(text.utf8.count) / 1_048_576, Double(limit) / 1_048_576))
        }
        let readBack = YAMLReader.read(Data(text.utf8), file: file)
        let decoded = readBack.value.map { Loader.decodeAssessment($0, file: file, catalog: catalog, diagnostics: readBack.diagnostics) } ?? Loaded(nil, readBack.diagnostics)
        let (reread, problems) = (decoded.value, decoded.diagnostics)
        guard let reread, !problems.hasErrors, reread.withoutLocations == result.merged.withoutLocations else {
            throw UsageError("\(file) was not changed: the merged answers could not be written back faithfully (this is a fault in cbm; please report it with the sheet). " + problems.errors.map(\.message).prefix(3).joined(separator: "; "))
        }

        let lost = userComments(in: originalText, keptIn: text)
        if let example = lost.first {
            let whereKept = !backup ? "they will be lost (--no-backup)" : "the backup \(file).bak keeps them"
            warnings.append(.warning(SourceLocation(file: file, line: example.line, column: 1),
                "\(countedNoun(lost.count, "comment line")) of \(file) (such as `\(example.text.shortenedForMessage)`) \(lost.count == 1 ? "is" : "are") not kept: cbm rewrites the file in its standard layout; \(whereKept). Keep remarks in `note`, `evidence` or `comment` fields"))
            outcome.warnings = warnings
        }

        var lines = heading(outcome) + changeLines(result) + [summary(result)]
        if dryRun {
            lines.append("Nothing was written (--dry-run). Without --dry-run, cbm would rewrite \(file)" + (backup ? " and keep the previous version in \(file).bak." : "."))
            outcome.report = lines.joined(separator: "\n")
            return outcome
        }

        // Write: backup first, then the file, each in one step.
        guard FileManager.default.contents(atPath: target.path) == original else {
            throw UsageError("\(file) was changed by another program while the sheet was being imported; nothing was written. Import the sheet again")
        }
        if backup {
            let backupPath = target.path + ".bak"
            try OutputFile.replace(original, at: backupPath, permissionsFrom: target.path)
            outcome.backup = file + ".bak"
        }
        try OutputFile.replace(Data(text.utf8), at: target.path, permissionsFrom: target.path)
        outcome.written = true
        lines.append("Wrote \(file)" + (outcome.backup.map { "; the previous version is in \($0)." } ?? "."))
        outcome.report = lines.joined(separator: "\n")
        return outcome
    }

    private static func heading(_ outcome: Outcome) -> [String] {
        let result = outcome.result
        let names = result.agencies.map { id in
            result.merged.agency(id).map { "\(id) (\($0.name))" } ?? id
        }
        return ["Sheet \(outcome.sheet) — answers of \(names.joined(separator: ", ")) — into \(outcome.file):"]
    }

    private static func changeLines(_ result: SheetMerge) -> [String] {
        let several = result.agencies.count > 1
        let rows = result.changes.map { change in
            [change.kind.rawValue] + (several ? [change.agency] : []) + [AgencySheet.reference(change.questionnaire, change.item), change.details]
        }
        guard let first = rows.first else { return [] }
        let widths = first.indices.dropLast().map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { index, cell in
                index < widths.count ? cell + String(repeating: " ", count: widths[index] - cell.count) : cell
            }.joined(separator: "  ")
        }
    }

    private static func summary(_ result: SheetMerge) -> String {
        let count = { (kind: SheetMerge.Change.Kind) in result.changes.filter { $0.kind == kind }.count }
        return "\(countedNoun(result.changes.count, "change")) (\(count(.added)) added, \(count(.changed)) changed, \(count(.removed)) removed); \(countedNoun(result.unchangedRows, "row")) unchanged."
    }

    /// Comment lines of the original file that the rewritten text does not have: the user's
    /// own, as opposed to those cbm writes.
    static func userComments(in original: String, keptIn text: String) -> [(line: Int, text: String)] {
        func comments(_ text: String) -> [(line: Int, text: String)] {
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                let trimmed = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r\u{FEFF}")))
                return trimmed.hasPrefix("#") && trimmed != "#" ? (index + 1, trimmed) : nil
            }
        }
        let kept = Set(comments(text).map(\.text))
        let header = headerEnd(of: original)
        return comments(original).filter { $0.line > header && !kept.contains($0.text) }
    }

    /// The last line of the comments cbm writes at the top of a file (title, how to fill it
    /// in, the guide marker and the paragraph after it), 0 when the file has none. These are
    /// cbm's own, rewritten from the current title and file name, even in a copy of last
    /// year's file that still names last year.
    static func headerEnd(of text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let marker = "# The comments above each answer are written by cbm (language: "
        guard let at = lines.prefix(60).firstIndex(where: { $0.hasPrefix(marker) }),
              lines[..<at].allSatisfy({ $0.hasPrefix("#") || $0.trimmingCharacters(in: CharacterSet(charactersIn: " \r\u{FEFF}")).isEmpty }) else { return 0 }
        var end = at + 1
        while end < lines.count && lines[end].hasPrefix("#") { end += 1 }
        return end
    }

    /// A warning when the title names a year other than the period's, as in a copy of last
    /// year's file whose period was changed but not its title.
    static func staleTitle(_ assessment: Assessment, file: String, text: String) -> Diagnostic? {
        let period = assessment.header.period.prefix(4)
        guard period.count == 4, period.allSatisfy(\.isNumber) else { return nil }
        let years = assessment.header.title.split(whereSeparator: { !$0.isNumber }).filter { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
        guard !years.isEmpty, !years.contains(where: { $0 == period }) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.drop { $0 == " " }.hasPrefix("title:") }
        let column = index.map { lines[$0].prefix { $0 == " " }.count + 1 } ?? 1
        return .warning(SourceLocation(file: file, line: index.map { $0 + 1 } ?? 1, column: column),
            "the title “\(assessment.header.title.shortenedForMessage)” names \(years.joined(separator: ", ")) but the period is \(assessment.header.period); if this file is a copy of an earlier year's, change `title:` too")
    }
}
