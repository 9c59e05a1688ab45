import Foundation
import Testing
@testable import CBMKit

@Suite("cbm compare in Russian")
struct RussianComparisonTests {
    static func comparison(_ language: String) throws -> RegionalComparison {
        try Loader.comparison(at: GeneratedFilesTests.comparisonFiles.map(Repository.path), language: language).comparison
    }

    static func latinWords(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }).map(String.init).filter { $0.contains { $0.isLetter } })
    }

    /// Every word in Latin letters that the compared assessments bring: names of countries and
    /// crossing points, assessment titles, file names, agencies, ids and versions, and the
    /// questionnaires' own titles (some keep a Latin abbreviation, such as SAFE).
    static func allowedWords(_ comparison: RegionalComparison) -> Set<String> {
        var texts = ["cbm-assess"]
        let cards = comparison.countries.map { ($0.card, $0.file) } + comparison.crossings.flatMap { $0.sides.map { ($0.card, $0.file) } }
        for (card, file) in cards {
            texts += [card.assessment.country, card.assessment.title, file]
            texts += card.assessment.agencies.map(\.id)
        }
        for crossing in comparison.crossings {
            texts += crossing.sides.flatMap { [$0.crossingPoint, $0.crossingPoint.uppercased()] }
            for m in crossing.maturity {
                texts += [m.questionnaire, m.title] + m.indicators.flatMap { [$0.id, $0.title] }
                texts += m.indicators.flatMap { $0.sides.flatMap { $0?.responses.compactMap(\.agency) ?? [] } }
            }
        }
        for m in comparison.maturity {
            texts += [m.questionnaire, m.title] + m.versions + (m.dimensions + m.weakest).flatMap { [$0.id, $0.title] }
        }
        for c in comparison.compliance {
            texts += [c.questionnaire, c.title] + c.versions + c.sections.flatMap { [$0.id, $0.title] }
        }
        for case let .versionMix(_, _, changes) in comparison.caveats {
            texts += changes.flatMap { $0.added.map(\.id) + $0.removed.map(\.id) + $0.renamed.map(\.id) }
        }
        return texts.reduce(into: Set<String>()) { $0.formUnion(latinWords($1)) }
    }

    @Test(arguments: [ReportFormat.html, .md])
    func noEnglishTemplateText(format: ReportFormat) throws {
        let comparison = try Self.comparison("ru")
        let text = RussianReportTests.visibleText(try ReportRenderer.renderComparison(comparison, format: format, language: "ru"))
        let english = Self.latinWords(text).subtracting(Self.allowedWords(comparison))
        #expect(english.isEmpty, "English in the Russian \(format) comparison: \(english.sorted())")
        for expected in ["Региональное сравнение скоординированного управления границами 2026", "Краткое изложение", "Методика",
                         "Региональная медиана и квартили", "Первый квартиль", "Пункты пропуска с обеих сторон границы",
                         "3 страны", "5 оценок", "70,2\u{A0}%", "выше региональной медианы по 6 из 10 направлений"] {
            #expect(text.contains(expected), "\(expected) missing in the Russian \(format) comparison")
        }
        #expect(!text.contains("2.6") && !text.contains("70.2"), "a decimal point in a Russian comparison")
    }

    @Test func textSummaryInRussian() throws {
        let comparison = try Self.comparison("ru")
        let text = comparison.terminalSummary(strings: try StringTable.forLanguage("ru"))
        #expect(text.hasPrefix("Региональное сравнение: 3 страны, 2026"))
        #expect(text.contains("Регион, медиана"))
        let english = Self.latinWords(text).subtracting(Self.allowedWords(comparison))
        #expect(english.isEmpty, "English in the Russian text summary: \(english.sorted())")
    }

    /// Every decimal figure of the English comparison is in the Russian one, as often, with a decimal comma.
    @Test(arguments: [ReportFormat.html, .md])
    func numbersAreTheSameInEnglishAndRussian(format: ReportFormat) throws {
        let english = RussianReportTests.visibleText(try ReportRenderer.renderComparison(try Self.comparison("en"), format: format))
        let russian = RussianReportTests.visibleText(try ReportRenderer.renderComparison(try Self.comparison("ru"), format: format, language: "ru"))
        func figures(_ text: String, decimal: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for match in text.matches(of: try! Regex(#"[−-]?\d+\#(decimal == "." ? "\\." : ",")\d+"#)) {
                counts[String(text[match.range]).replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "-", with: "−"), default: 0] += 1
            }
            return counts
        }
        let englishFigures = figures(english, decimal: ".")
        // Versions (2026.1) and the program's version keep their points in both languages.
        var russianFigures = figures(russian, decimal: ",")
        for (key, count) in figures(russian, decimal: ".") { russianFigures[key, default: 0] += count }
        #expect(englishFigures.values.reduce(0, +) > 300)
        let differing = Set(englishFigures.keys).union(russianFigures.keys).filter { englishFigures[$0] != russianFigures[$0] }.sorted()
        #expect(differing.isEmpty, "figures that differ: \(differing.prefix(20).map { "\($0): en \(englishFigures[$0] ?? 0), ru \(russianFigures[$0] ?? 0)" })")
    }
}
