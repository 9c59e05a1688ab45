import Foundation
import Testing
@testable import CBMKit

/// The Russian fixture: a bilingual questionnaire and checklist, and two assessments whose own
/// texts (country, agencies, evidence, comments) are Russian.
enum RussianFixture {
    static let questionnaires = Fixtures.url("ru/questionnaires").path
    static func path(_ name: String) -> String { Fixtures.url("ru/\(name)").path }

    static let loaded: (assessment: Assessment, catalog: Catalog) = {
        let loaded = try! Loader.assessment(at: path("ru-2026.yaml"), questionnaireDirectories: [questionnaires])
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        return (assessment, catalog)
    }()
}

@Suite("Questionnaire texts in every language")
struct TranslationTests {
    /// Every text of every bundled questionnaire, the archived versions included, has an
    /// English and a Russian version. (Fails until the translations of issue 17 are merged.)
    @Test func everyBundledTextHasEnglishAndRussian() throws {
        let catalog = Catalog.bundled().catalog
        #expect(catalog.entries.count >= 11)
        for language in ["en", "ru"] {
            let gaps = TranslationGaps(catalog.entries.map { ($0.questionnaire, $0.file) }, language: language)
            #expect(gaps.total > 5000)
            let byFile = Dictionary(grouping: gaps.missing, by: \.location.file).mapValues(\.count).sorted { $0.key < $1.key }
            #expect(gaps.missing.count == 0, "\(gaps.missing.count) texts lack `\(language)`: \(byFile.map { "\($0.key): \($0.value)" }.joined(separator: ", ")); first: \(gaps.missing.prefix(3).map { "\($0.location) \($0.what)" })")
        }
    }

    @Test func englishOnlyTextsAreCountedWithTheirPlace() throws {
        let catalog = Catalog.load(adding: [Fixtures.url("mini-maturity.yaml").path]).catalog
        let mini = try #require(catalog.questionnaire("mini"))
        let gaps = TranslationGaps([(mini, "mini-maturity.yaml")], language: "ru")
        // title, 3 indicators × (title, question, 5 levels), 4 next steps, 1 evidence, 2 dimension titles
        #expect(gaps.total == 1 + 2 + 3 * 7 + 4 + 1)
        #expect(gaps.missing.count == gaps.total)
        #expect(gaps.missing.first?.what == "mini: title")
        let question = try #require(gaps.missing.first { $0.what == "alpha.two: question" })
        #expect(question.location.file.hasSuffix("mini-maturity.yaml") && question.location.line == 19)
        let warning = try #require(gaps.warning(strings: try StringTable.forLanguage("ru")))
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("29 из 29"))
        #expect(warning.message.contains("mini-maturity.yaml:7 (alpha: title)"))
        let english = try #require(gaps.warning(strings: .english))
        #expect(english.message.hasPrefix("29 of the 29 texts of the questionnaires used have no Russian version and are shown in English, for example "))
        #expect(TranslationGaps([(mini, "mini-maturity.yaml")], language: "en").missing.isEmpty)
        // The fixture has no `scale:`: the standard scale's names come with cbm and are not
        // counted. A scale of its own, in English only, is five texts more that lack Russian.
        guard case var .maturity(maturity) = mini else { Issue.record("mini is not a maturity questionnaire"); return }
        #expect(!maturity.ownScale)
        maturity.scale = (1...5).map { ScaleLevel(level: $0, name: LocalizedText("Level \($0)")) }
        maturity.ownScale = true
        let own = TranslationGaps([(.maturity(maturity), "mini-maturity.yaml")], language: "ru")
        #expect(own.total == gaps.total + 5)
        #expect(own.missing.count == gaps.missing.count + 5)
        #expect(own.missing.contains { $0.what == "mini: scale 3 name" })
    }

    @Test func theBilingualFixtureIsComplete() {
        let gaps = TranslationGaps(paths: [RussianFixture.path("")], questionnaireDirectories: [], language: "ru")
        #expect(gaps.total > 60)
        #expect(gaps.missing.isEmpty)
    }

    @Test func standardScaleHasEveryLanguage() {
        for step in ScaleLevel.standard {
            #expect(step.name.languages == ["en", "ru"])
            #expect(step.summary?.languages == ["en", "ru"])
        }
        #expect(ScaleLevel.standard.map { $0.name.text(in: "ru") } == ["Фрагментарный", "Начальный", "Регламентированный", "Управляемый", "Оптимизированный"])
        #expect(ScaleLevel.standard.map { $0.name.text() } == ["Fragmented", "Initial", "Defined", "Managed", "Optimised"])
    }
}

@Suite("Sheets, templates and documents in Russian")
struct RussianInterviewTests {
    @Test func russianSheetHasRussianHeadersAndReadsBack() throws {
        let (assessment, catalog) = RussianFixture.loaded
        let rows = try AgencySheet.rows(for: assessment, catalog: catalog, agency: "customs", language: "ru")
        #expect(rows[0].prefix(3) == ["ведомство", "вопросник", "идентификатор"])
        #expect(rows[0].last == "комментарий")
        let agreement = try #require(rows.first { $0[2] == "ru-mini/cooperation.agreement" })
        #expect(agreement[4] == "Соглашение о сотрудничестве")
        #expect(agreement[6] == "1 Фрагментарный: Соглашения нет.")
        #expect(agreement[11] == "1, 2, 3, 4, 5, неприменимо, неизвестно")
        let publication = try #require(rows.first { $0[2] == "ru-checklist/1.1" })
        #expect(publication[4] == "Публикация правил (обязательное)")
        #expect(agreement[12] == "3")
        #expect(AgencySheet.answerWord(.status(.full), try StringTable.forLanguage("ru")) == "полностью")
        #expect(AgencySheet.answerWord(.level(.notApplicable), try StringTable.forLanguage("ru")) == "неприменимо")
        // No English word of cbm's own in the Russian sheet (ids and file keys aside).
        let text = rows.flatMap { $0 }.joined(separator: "\n")
        for word in ["level", "status", "evidence", "answers allowed", "binding", "unknown", "partial", "full"] {
            #expect(!text.contains(word), "`\(word)` in the Russian sheet")
        }
        let csv = CSV.write(rows, separator: .semicolon)
        let merge = SheetMerge.merge(Data(csv.utf8), file: "customs.csv", into: assessment, assessmentFile: "ru-2026.yaml", catalog: catalog)
        let (merged, problems) = (merge.value, merge.diagnostics)
        #expect(problems.errors.isEmpty, "\(problems)")
        #expect(merged?.changes.isEmpty == true)
        #expect(merged?.unchangedRows == rows.count - 1)
    }

    @Test(arguments: [
        ("частично", "partial"), ("Полностью", "full"), ("выполнено полностью", "full"), ("пилот", "pilot"), ("НЕТ", "none"),
        ("н/п", "na"), ("неприменимо", "na"), ("неизвестно", "unknown"), ("partial", "partial"), ("N/A", "na"),
    ])
    func russianStatusWords(word: String, status: String) throws {
        let value = try SheetMerge.parseValue(word, kind: .compliance).get()
        #expect(value.description == status)
    }

    @Test func russianWordsForLevels() throws {
        #expect(try SheetMerge.parseValue("н/п", kind: .maturity).get().description == "na")
        #expect(try SheetMerge.parseValue("Неизвестно", kind: .maturity).get().description == "unknown")
        guard case let .failure(message) = SheetMerge.parseValue("частично", kind: .maturity) else {
            Issue.record("a status accepted as a level")
            return
        }
        #expect(message.text.contains("`частично` is a status (partial)"))
    }

    @Test func russianTemplateIsValidAndMarkedAsRussian() throws {
        let template = AssessmentTemplate(country: "Республика Арвента", period: "2026", questionnaireIDs: ["ru-mini", "ru-checklist"],
                                          agencies: [Agency(id: "customs", name: "Таможня")], language: "ru")
        let text = try template.yaml(catalog: RussianFixture.loaded.catalog, fileName: "arventa.yaml")
        #expect(text.contains("# Вопрос: Есть ли подписанное соглашение о сотрудничестве между пограничными ведомствами?"))
        #expect(text.contains("# 3 Регламентированный: Подписано и применяется в основных пунктах пропуска."))
        #expect(text.contains("title: \"Республика Арвента: оценка скоординированного управления границами, 2026\""))
        #expect(AssessmentWriter.guideLanguage(in: text) == "ru")
        #expect(AssessmentWriter.guideLanguage(in: try AssessmentTemplate(country: "A", period: "2026", questionnaireIDs: ["ru-mini"])
            .yaml(catalog: RussianFixture.loaded.catalog)) == "en")
        let read = YAMLReader.read(Data(text.utf8), file: "arventa.yaml")
        let decoded = Loader.decodeAssessment(try #require(read.value), file: "arventa.yaml", catalog: RussianFixture.loaded.catalog, diagnostics: read.diagnostics)
        let (assessment, found) = (decoded.value, decoded.diagnostics)
        #expect(assessment != nil && found.errors.isEmpty, "\(found)")
        // Every comment line is Russian apart from file keys, ids and commands.
        for line in text.split(separator: "\n") where line.hasPrefix("#") || line.hasPrefix("  #") || line.hasPrefix("      #") {
            for word in ["Question", "Evidence", "Requirement", "binding", "Answer each", "How to fill"] {
                #expect(!line.contains(word), "\(line)")
            }
        }
    }

    @Test func russianQuestionnaireDocument() throws {
        let q = try #require(RussianFixture.loaded.catalog.questionnaire("ru-checklist"))
        let text = QuestionnaireDocument.markdown(q, language: "ru")
        #expect(text.contains("**Документ:** Тестовое соглашение — ответственная организация: WTO, принят 27 ноября 2014\u{A0}г., вступил в силу 22 февраля 2017\u{A0}г."))
        #expect(text.contains("5 положений в 2 разделов") == false)
        #expect(text.contains("| Положение | Требование | Характер обязательства |"))
        let maturity = QuestionnaireDocument.markdown(try #require(RussianFixture.loaded.catalog.questionnaire("ru-mini")), language: "ru")
        #expect(maturity.contains("Всего 5 показателей."))
        #expect(maturity.contains("`cbm show ru-mini --language ru`"))
    }
}
