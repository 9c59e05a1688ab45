import Foundation
import Testing
@testable import CBMKit

@Suite("Scoring: invariants over generated assessments")
struct ScoringPropertyTests {
    static let levels: [MaturityLevel] = [.level(1), .level(2), .level(3), .level(4), .level(5), .notApplicable, .unknown]

    static func randomAnswers(_ rng: inout SplitMix64) -> ([String: [MaturityLevel]], [String: MaturityLevel], [Target]) {
        var answers: [String: [MaturityLevel]] = [:]
        var consensus: [String: MaturityLevel] = [:]
        for indicator in mini.indicators.map(\.id) {
            let count = Int(rng.next() % 6)
            if count > 0 { answers[indicator] = (0..<count).map { _ in levels[Int(rng.next() % 7)] } }
            if rng.next() % 5 == 0 { consensus[indicator] = levels[Int(rng.next() % 7)] }
        }
        var targets: [Target] = []
        for id in ["alpha", "beta", "alpha.two"] where rng.next() % 2 == 0 {
            targets.append(Target(id: id, level: Int(rng.next() % 5) + 1))
        }
        return (answers, consensus, targets)
    }

    /// Every number of the card, without the order of the responses.
    static func numbers(_ card: ScoreCard) -> [String] {
        card.maturity.flatMap { m in
            ["index \(String(describing: m.index))"] + m.dimensions.flatMap { d in
                ["\(d.id) \(String(describing: d.score)) \(String(describing: d.coverage)) \(d.provisional) \(String(describing: d.gap))"]
                    + d.indicators.map { i in
                        "\(i.id) \(i.status) \(String(describing: i.score)) \(String(describing: i.gap)) \(String(describing: i.divergence)) \(i.consensusOutsideResponses)"
                    }
            }
        } + card.priorities.map { "\($0.rank) \($0.indicator) \($0.priority)" }
    }

    @Test(arguments: 0..<200)
    func invariantsHold(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let (answers, consensus, targets) = Self.randomAnswers(&rng)
        let card = Scorer.score(miniAssessment(answers, consensus: consensus, targets: targets), catalog: Fixtures.catalog)

        for dimension in card.maturity[0].dimensions {
            if let score = dimension.score { #expect((1...5).contains(score)) }
            if let gap = dimension.gap { #expect(gap >= 0) }
            if let coverage = dimension.coverage { #expect((0...1).contains(coverage)) }
            for indicator in dimension.indicators {
                if let score = indicator.score { #expect((1...5).contains(score)) }
                if let gap = indicator.gap { #expect(gap >= 0) }
                #expect((indicator.score == nil) == (indicator.status != .answered))
            }
        }
        if let index = card.maturity[0].index { #expect((1...5).contains(index)) }
        #expect(card.priorities.allSatisfy { $0.gap > 0 && $0.priority > 0 })
        #expect(zip(card.priorities, card.priorities.dropFirst()).allSatisfy { $0.priority >= $1.priority })

        // Permuting each indicator's responses changes nothing.
        var shuffled = answers
        for key in shuffled.keys { shuffled[key]!.shuffle(using: &rng) }
        let permuted = Scorer.score(miniAssessment(shuffled, consensus: consensus, targets: targets), catalog: Fixtures.catalog)
        #expect(Self.numbers(permuted) == Self.numbers(card))

        // Adding an `na` response to an answered indicator changes no score.
        var withNA = answers
        for (key, value) in withNA where value.contains(where: { $0.numeric != nil }) { withNA[key] = value + [.notApplicable] }
        let extended = Scorer.score(miniAssessment(withNA, consensus: consensus, targets: targets), catalog: Fixtures.catalog)
        #expect(Self.numbers(extended) == Self.numbers(card))

        // Answering an unanswered indicator `na` changes no score (only coverage).
        if let open = mini.indicators.map(\.id).first(where: { answers[$0] == nil && consensus[$0] == nil }) {
            var more = answers
            more[open] = [.notApplicable]
            let after = Scorer.score(miniAssessment(more, consensus: consensus, targets: targets), catalog: Fixtures.catalog)
            #expect(after.maturity[0].index == card.maturity[0].index)
            #expect(after.maturity[0].dimensions.map(\.score) == card.maturity[0].dimensions.map(\.score))
            #expect(after.priorities.map(\.indicator) == card.priorities.map(\.indicator))
        }
    }
}
