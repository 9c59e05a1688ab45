import Foundation
import Testing
@testable import CBMKit

@Suite("Reports in Russian")
struct RussianReportTests {
    /// The Russian report of the fixture whose questionnaires and free texts are Russian.
    static func render(_ format: ReportFormat, baseline: Bool = false) throws -> String {
        let (assessment, catalog) = RussianFixture.loaded
        let card = Scorer.score(assessment, catalog: catalog, language: "ru")
        var trend: TrendSeries?
        if baseline {
            trend = try Loader.trend(at: [RussianFixture.path("ru-2025.yaml"), RussianFixture.path("ru-2026.yaml")],
                                     questionnaireDirectories: [RussianFixture.questionnaires], language: "ru").trend
        }
        return try ReportRenderer.render(card, catalog: catalog, format: format, language: "ru", trend: trend)
    }

    static func renderTrend(_ format: ReportFormat) throws -> String {
        let trend = try Loader.trend(at: [RussianFixture.path("ru-2025.yaml"), RussianFixture.path("ru-2026.yaml")],
                                     questionnaireDirectories: [RussianFixture.questionnaires], language: "ru").trend
        return try ReportRenderer.renderTrend(trend, format: format, language: "ru")
    }

    /// What a reader sees: no style sheet, tags, link targets or anchors.
    static func visibleText(_ document: String) -> String {
        var text = document.replacingOccurrences(of: #"(?s)<style.*?</style>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<a id="[^"]*"></a>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\]\(#[^)]*\)"#, with: "]", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        return text
    }

    /// Every word in Latin letters that the fixture itself brings: ids of questionnaires,
    /// dimensions, indicators, sections, provisions and agencies, the sources cited, the body
    /// of the instrument, the WTO category, and the program's name.
    static var allowedLatinWords: Set<String> {
        let (assessment, catalog) = RussianFixture.loaded
        var words: Set<String> = ["cbm-assess", "B"]
        func add(_ text: String) {
            for word in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }) { words.insert(String(word)) }
        }
        for agency in assessment.header.agencies { add(agency.id) }
        for id in ["ru-mini", "ru-checklist"] {
            guard let q = catalog.questionnaire(id) else { continue }
            add(q.id)
            switch q {
            case let .maturity(m):
                for d in m.dimensions { add(d.id); for i in d.indicators { add(i.id); i.references.forEach { add($0.citation) } } }
            case let .compliance(c):
                c.instrument?.body.map(add)
                for s in c.sections { add(s.id); for p in s.provisions { add(p.id); p.references.forEach { add($0.citation) } } }
            }
        }
        return words
    }

    @Test(arguments: [(ReportFormat.html, false), (.md, false), (.html, true), (.md, true)])
    func noEnglishTemplateText(format: ReportFormat, baseline: Bool) throws {
        let text = Self.visibleText(try Self.render(format, baseline: baseline))
        let latin = Set(text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }).map(String.init)
            .filter { $0.contains { $0.isLetter } })
        #expect(latin.subtracting(Self.allowedLatinWords).isEmpty, "English in the Russian \(format) report: \(latin.subtracting(Self.allowedLatinWords).sorted())")
        // Some of the Russian template text, and Russian numbers and dates.
        for expected in ["Краткое изложение", "Методика", "Анализ разрывов и дорожная карта", "Приложение А — Все ответы",
                         "15 октября 2026\u{A0}г.", "53,3\u{A0}%", "Балл 2,5 (Начальный)"] {
            #expect(text.contains(expected), "\(expected) missing in the \(format) report")
        }
        #expect(!text.contains("2.5") && !text.contains("53.3"), "a decimal point in a Russian report")
    }

    @Test(arguments: [ReportFormat.html, .md])
    func trendReportHasNoEnglishTemplateText(format: ReportFormat) throws {
        let text = Self.visibleText(try Self.renderTrend(format))
        let latin = Set(text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }).map(String.init)
            .filter { $0.contains { $0.isLetter } })
        #expect(latin.subtracting(Self.allowedLatinWords).isEmpty, "English in the Russian trend report: \(latin.subtracting(Self.allowedLatinWords).sorted())")
        #expect(text.contains("+33,3\u{A0}п.\u{A0}п."))
        #expect(text.contains("2 оценки, с 2025 по 2026"))
    }

    @Test func trendTerminalSummaryInRussian() throws {
        let trend = try Loader.trend(at: [RussianFixture.path("ru-2025.yaml"), RussianFixture.path("ru-2026.yaml")],
                                     questionnaireDirectories: [RussianFixture.questionnaires], language: "ru").trend
        let text = trend.terminalSummary(strings: try StringTable.forLanguage("ru"))
        #expect(text.hasPrefix("Изменения, Республика Арвента: 2025, 2026"))
        #expect(text.contains("Межведомственное сотрудничество   1,5   2,5       +1,0     4         40\u{A0}%"))
    }

    @Test func scoreSummaryInRussian() throws {
        let (assessment, catalog) = RussianFixture.loaded
        let text = Scorer.score(assessment, catalog: catalog, language: "ru").terminalSummary(strings: try StringTable.forLanguage("ru"))
        #expect(text.contains("Страна: Республика Арвента   Период: 2026   Дата: 15 октября 2026\u{A0}г."))
        #expect(text.contains("Общий индекс: 2,7 — уровень 2 Начальный"))
        #expect(text.contains("Оценки ведомств расходятся на 2 уровня и более по 1 показателю:"))
        #expect(text.contains("Главные приоритеты (4 из 4 разрывов до целевого уровня)"))
        #expect(text.contains("ru-checklist        53,3\u{A0}%        66,7\u{A0}%            33,3\u{A0}%  100\u{A0}%                1/2/1/1"))
    }

    /// The figures of the example are the same in English and in Russian: every decimal number
    /// of one report is in the other, as often, once written with a decimal comma.
    @Test(arguments: [ReportFormat.html, .md])
    func numbersAreTheSameInEnglishAndRussian(format: ReportFormat) throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/arventa-2026.yaml"))
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let english = try ReportRenderer.render(Scorer.score(assessment, catalog: catalog), catalog: catalog, format: format)
        let russian = try ReportRenderer.render(Scorer.score(assessment, catalog: catalog, language: "ru"), catalog: catalog, format: format, language: "ru")
        func figures(_ text: String, decimal: Character) -> [String: Int] {
            var counts: [String: Int] = [:]
            let pattern = decimal == "." ? #"[−-]?\d+\.\d+"# : #"[−-]?\d+,\d+"#
            let visible = Self.visibleText(text)
            for match in visible.matches(of: try! Regex(pattern)) {
                counts[String(visible[match.range]).replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "-", with: "−"), default: 0] += 1
            }
            return counts
        }
        // Questionnaire texts and references ("Art. 7.1") hold decimal points in both languages.
        let englishFigures = figures(english, decimal: ".")
        var russianFigures = figures(russian, decimal: ",")
        for (key, count) in figures(russian, decimal: ".") { russianFigures[key, default: 0] += count }
        var englishAll = englishFigures
        for (key, count) in figures(english, decimal: ",") where !key.isEmpty { englishAll[key, default: 0] += count }
        #expect(englishAll.values.reduce(0, +) > 500)
        let differing = Set(englishAll.keys).union(russianFigures.keys).filter { englishAll[$0] != russianFigures[$0] }.sorted()
        #expect(differing.isEmpty, "figures that differ: \(differing.prefix(20).map { "\($0): en \(englishAll[$0] ?? 0), ru \(russianFigures[$0] ?? 0)" })")
    }
}
