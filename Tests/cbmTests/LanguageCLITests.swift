import Foundation
import Testing

/// `--language` on every command that writes for people.
@Suite("The cbm command in Russian")
struct LanguageCLITests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/CBMKitTests/Fixtures/ru").path

    @Test(arguments: [
        ["report", "examples/arventa-2026.yaml", "-o", "-"],
        ["trend", "examples/arventa-2025.yaml", "examples/arventa-2026.yaml"],
        ["show", "cbm-core"],
        ["export-sheet", "examples/arventa-2026.yaml", "--agency", "customs", "-o", "-"],
        ["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core", "-o", "/nonexistent/x.yaml"],
        ["validate", "examples/arventa-2026.yaml"],
    ])
    func anUnknownLanguageIsRefused(arguments: [String]) throws {
        let result = try CLI.run(arguments + ["--language", "fr"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cbm has no texts in the language `fr`; it can write en (English), ru (Russian, русский)"), "\(result.stderr)")
    }

    @Test func showInRussian() throws {
        let result = try CLI.run(["show", "cbm-core", "--language", "ru"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("## Шкала"))
        #expect(result.stdout.contains("| 3 | Регламентированный |"))
        // Untranslated texts are announced in one warning, never silently.
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count <= 1)
        if let warning = warnings.first { #expect(warning.contains("warning: Тексты вопросников без перевода на русский язык")) }
    }

    @Test func validateChecksATranslation() throws {
        let complete = try CLI.run(["validate", "--language", "ru", Self.fixtures])
        #expect(complete.status == 0, "\(complete.stdout)")
        #expect(complete.stdout.contains("texts checked has a Russian version (ru)"))
        let english = try CLI.run(["validate", "--language", "ru", "Tests/CBMKitTests/Fixtures/mini-compliance.yaml"])
        #expect(english.status == 1)
        #expect(english.stdout.contains("mini-compliance.yaml:10:9: error: 1.1: title: this text has no Russian version; write it as `{en: …, ru: …}`"), "\(english.stdout)")
        #expect(english.stdout.contains("8 of the 8 texts checked have no Russian version (ru)."))
    }

    /// `report`, `trend` and `compare` warn once, with the same count, about the texts of the
    /// questionnaires used that have no version in the language asked for; never in English.
    @Test func untranslatedTextsAreAnnouncedOnceByReportTrendAndCompare() throws {
        let folder = InterviewCLITests.Folder()
        let mini = try String(contentsOf: CLI.root.appendingPathComponent("Tests/CBMKitTests/Fixtures/mini-assessment.yaml"), encoding: .utf8)
        folder.write("testland-2025.yaml", mini.replacingOccurrences(of: "2026", with: "2025"))
        folder.write("testland-2026.yaml", mini)
        folder.write("otherland-2026.yaml", mini.replacingOccurrences(of: "Testland", with: "Otherland"))
        let questionnaires = ["mini-maturity.yaml", "mini-compliance.yaml"].flatMap {
            ["--questionnaires", CLI.root.appendingPathComponent("Tests/CBMKitTests/Fixtures/\($0)").path]
        }
        var counts: Set<String> = []
        for arguments in [["report", "testland-2026.yaml", "-o", "-"], ["trend", "testland-2025.yaml", "testland-2026.yaml"],
                          ["compare", "testland-2026.yaml", "otherland-2026.yaml"],
                          ["compare", "testland-2025.yaml", "testland-2026.yaml", "otherland-2026.yaml"]] {
            let russian = try folder.run(arguments + questionnaires + ["--language", "ru"])
            #expect(russian.status == 0, "\(arguments): \(russian.stderr)")
            let warnings = russian.stderr.split(separator: "\n").filter { $0.contains("warning: Тексты вопросников без перевода на русский язык") }
            #expect(warnings.count == 1, "\(arguments): \(russian.stderr)")
            if let warning = warnings.first, let count = warning.range(of: #"\d+ из \d+"#, options: .regularExpression) {
                counts.insert(String(warning[count]))
            }
            let english = try folder.run(arguments + questionnaires)
            #expect(english.status == 0 && !english.stderr.contains("warning:"), "\(arguments): \(english.stderr)")
        }
        // The same two questionnaires (each once), whatever the command and the number of files.
        #expect(counts.count == 1, "\(counts)")
    }

    /// A mission in Russian: template, sheet, answers in Russian words, merge.
    @Test func russianMission() throws {
        let folder = InterviewCLITests.Folder()
        let created = try folder.run(["init", "--country", "Республика Арвента", "--period", "2026", "--questionnaire", "ru-mini,ru-checklist",
                                      "--agency", "customs=Таможня", "--language", "ru", "--questionnaires", Self.fixtures + "/questionnaires",
                                      "-o", "arventa.yaml"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Записан файл arventa.yaml: 10 вопросов (ru-mini: 5, ru-checklist: 5)"), "\(created.stdout)")
        #expect(created.stderr.isEmpty)
        #expect(folder.text("arventa.yaml").contains("# Вопрос: Проводят ли ведомства совместный контроль в пунктах пропуска?"))

        let exported = try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "--language", "ru", "--questionnaires",
                                       Self.fixtures + "/questionnaires", "-o", "customs.csv"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("10 вопросов для ведомства customs (Таможня)"))
        var sheet = folder.text("customs.csv")
        #expect(sheet.contains("ведомство,вопросник,идентификатор"))
        // Fill two answers in Russian words, as an official would.
        sheet = sheet.replacingOccurrences(of: "ru-checklist/1.1,Публикация,", with: "ru-checklist/1.1,Публикация,")
        var lines = sheet.components(separatedBy: "\r\n")
        func fill(_ id: String, _ answer: String, _ evidence: String) {
            guard let index = lines.firstIndex(where: { $0.contains(",\(id),") }) else { Issue.record("no row \(id)"); return }
            var cells = lines[index].components(separatedBy: ",")
            cells[cells.count - 3] = answer
            cells[cells.count - 2] = evidence
            lines[index] = cells.joined(separator: ",")
        }
        fill("ru-checklist/1.1", "Частично", "Официальный вестник")
        fill("ru-checklist/1.2", "н/п", "")
        fill("ru-mini/training.joint", "3", "Программа обучения")
        folder.write("customs.csv", lines.joined(separator: "\r\n"))
        let imported = try folder.run(["import-sheet", "customs.csv", "--into", "arventa.yaml", "--questionnaires", Self.fixtures + "/questionnaires"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let merged = folder.text("arventa.yaml")
        #expect(merged.contains("{agency: customs, status: partial, evidence: \"Официальный вестник\"}"), "\(merged)")
        #expect(merged.contains("{agency: customs, status: na}"))
        #expect(merged.contains("{agency: customs, level: 3, evidence: \"Программа обучения\"}"))
        #expect(merged.contains("# Вопрос:"), "the comments stay in Russian when cbm rewrites the file")
    }
}
