import Foundation
import Testing
@testable import CBMKit

/// Every change printed in a trend output equals the difference of the values printed beside
/// it, in the text output, the Markdown and HTML reports (one model) and the summary sentences,
/// over the same 200 seeds as the scoring invariants.
@Suite("Trend: changes add up")
struct TrendArithmeticTests {
    static let levels: [MaturityLevel] = [.level(1), .level(2), .level(3), .level(4), .level(5), .notApplicable, .unknown]
    static let statuses: [ComplianceStatus] = [.full, .partial, .pilot, .none, .notApplicable, .unknown]
    static let indicators = ["alpha.one", "alpha.two", "beta.one"]

    static func input(_ period: String, _ rng: inout SplitMix64) -> Trend.Input {
        let agencies = (1...5).map { Agency(id: "a\($0)", name: "Agency \($0)") }
        var answers: [Answer] = []
        for indicator in indicators {
            let count = Int(rng.next() % 6)
            let responses = (0..<count).map { Response(agency: "a\($0 + 1)", value: .level(levels[Int(rng.next() % 7)])) }
            if !responses.isEmpty { answers.append(Answer(itemID: indicator, responses: responses)) }
        }
        var provisions: [Answer] = []
        for provision in ["1.1", "1.2"] where rng.next() % 4 != 0 {
            let count = Int(rng.next() % 4) + 1
            provisions.append(Answer(itemID: provision, responses: (0..<count).map {
                Response(agency: "a\($0 + 1)", value: .status(statuses[Int(rng.next() % 6)]))
            }))
        }
        let targets = rng.next() % 2 == 0 ? [Target(id: "alpha", level: Int(rng.next() % 5) + 1)] : []
        let assessment = Assessment(title: "Testland \(period)", country: "Testland", period: period, agencies: agencies, questionnaires: [
            QuestionnaireAnswers(questionnaireID: "mini", targets: targets, answers: answers),
            QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: provisions),
        ])
        return Trend.Input(card: Scorer.score(assessment, catalog: Fixtures.catalog), file: "testland-\(period).yaml")
    }

    /// "+0.86" → 86 hundredths; "−3.3 points" → −330; nil for "—".
    static func signedHundredths(_ text: String) -> Int64? {
        let body = text.replacingOccurrences(of: " points", with: "")
        if body == Format.missing { return nil }
        return Format.hundredths(body.hasPrefix("+") ? String(body.dropFirst()) : body)?.value
    }

    /// Checks one row: the values shown for the periods and the change shown after them.
    static func check(values: [String], change: String, where place: String) {
        let shown = values.filter { $0 != Format.missing }
        if values.last == Format.missing || shown.count < 2 {
            #expect(change == Format.missing, "\(place): change \(change) but the latest period shows no value: \(values)")
            return
        }
        let first = Format.hundredths(shown.first!)!.value, last = Format.hundredths(shown.last!)!.value
        #expect(signedHundredths(change) == last - first, "\(place): \(shown.first!) → \(shown.last!) shown with change \(change)")
    }

    @Test(arguments: 0..<200)
    func changesEqualTheDifferenceOfTheShownValues(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let periods = ["2024", "2025", "2026"]
        let trend = try Trend.build(periods.map { Self.input($0, &rng) }, catalog: Fixtures.catalog)
        let model = TrendModel(trend)

        // The tables of the HTML and Markdown reports (both are filled from this model).
        for m in model.maturity {
            for row in [m.index] + m.dimensions + m.indicators {
                Self.check(values: row.cells.map(\.text), change: row.change, where: "seed \(seed) \(row.id)")
                // Progress to target, from the shown values too.
                if row.progress.hasSuffix("%"), let target = Int64(row.target) {
                    let shown = row.cells.map(\.text).filter { $0 != Format.missing }
                    let first = Format.hundredths(shown.first!)!.value, last = Format.hundredths(shown.last!)!.value
                    let expected = Double(last - first) / Double(target * 100 - first) * 100
                    let printed = Double(row.progress.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: Format.minus, with: "-"))!
                    #expect(abs(printed - expected) <= 0.05 + 1e-9, "seed \(seed) \(row.id): progress \(row.progress) for \(shown) and target \(target)")
                }
                for part in row.regressionText.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                    let pieces = part.components(separatedBy: " in ")
                    let index = try #require(periods.firstIndex(of: pieces[1]))
                    let delta = Format.hundredths(row.cells[index].text)!.value - Format.hundredths(row.cells[index - 1].text)!.value
                    #expect(Self.signedHundredths(pieces[0]) == delta, "seed \(seed) \(row.id): drop \(part) for \(row.cells.map(\.text))")
                }
            }
        }
        for c in model.compliance {
            for row in [c.row] + c.sections {
                Self.check(values: row.cells.map(\.text), change: row.change, where: "seed \(seed) \(row.id)")
            }
        }

        // The Markdown as written: every table with a Change column.
        let markdown = try ReportRenderer.renderTrend(trend, format: .md)
        var header: [String]?
        for line in markdown.split(separator: "\n") {
            guard line.hasPrefix("|") else { header = nil; continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "") }
            if header == nil { header = cells; continue }
            guard let header, let changeColumn = header.firstIndex(of: "Change"), !cells[1].hasPrefix("---") else { continue }
            let columns = header.indices.filter { periods.contains(header[$0]) }
            Self.check(values: columns.map { cells[$0].replacingOccurrences(of: "*", with: "") }, change: cells[changeColumn], where: "seed \(seed) Markdown \(line)")
        }

        // The text output of `cbm trend`.
        let text = trend.terminalSummary()
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard let percentAt = words.firstIndex(where: { $0.hasSuffix("%") || Format.hundredths($0) != nil || $0 == Format.missing }),
                  words.count >= percentAt + 4, !words.contains("CHANGE") else { continue }
            let values = Array(words[percentAt..<(percentAt + 3)])
            guard values.allSatisfy({ $0 == Format.missing || Format.hundredths($0) != nil }) else { continue }
            Self.check(values: values, change: words[percentAt + 3], where: "seed \(seed) text \(line)")
        }

        // The summary sentences: "went from X to Y (Z)".
        for paragraph in model.summaryParagraphs {
            guard let range = paragraph.range(of: #"went from (\S+) to (\S+) \(([^)]+)\)"#, options: .regularExpression) else { continue }
            let parts = paragraph[range].dropFirst("went from ".count).split(separator: " ")
            let from = String(parts[0]), to = String(parts[2])
            let change = String(parts[3...].joined(separator: " ").dropFirst().dropLast())
            Self.check(values: [from, to], change: change, where: "seed \(seed) summary: \(paragraph)")
            #expect(from != to, "seed \(seed): \(paragraph)")
        }
    }

    @Test func unchangedIndexIsSaidInWords() throws {
        let one = Format.shownChange(from: "3.1", to: "3.1")
        #expect(one == "0.0")
        #expect(Format.shownChange(from: "2.1", to: "2.96") == "+0.86")
        #expect(Format.shownChange(from: "83.3%", to: "80.0%") == "−3.3")
        #expect(Format.shownChange(from: "—", to: "2.0") == nil)
    }
}
