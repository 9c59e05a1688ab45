import Foundation
import Testing
@testable import CBMKit

@Suite("Scoring: hand-computed expectations")
struct ScoringExpectationTests {
    @Test func miniAssessmentMaturity() throws {
        let card = try miniCard()
        let m = try #require(card.maturity.first)
        let one = indicatorScore(card, "alpha.one")
        #expect(one.status == .answered)
        #expect(one.score == 3)           // the agreed consensus
        #expect(one.median == 2.5)        // customs 3, border guard 2
        #expect(one.divergence == 1)
        #expect(!one.divergent)
        #expect(one.target == 4)          // dimension target alpha: 4
        #expect(one.gap == 1)
        #expect(one.nextStep == "manage") // next_steps[4]
        let two = indicatorScore(card, "alpha.two")
        #expect(two.score == 2)
        #expect(two.gap == 2)
        let beta = indicatorScore(card, "beta.one")
        #expect(beta.status == .notApplicable)
        #expect(beta.score == nil)
        #expect(beta.gap == nil)
        #expect(beta.target == 5)         // indicator target beta.one: 5

        let alpha = m.dimensions[0]
        #expect(alpha.score == 2.25)      // (3×1 + 2×3) ÷ 4
        #expect(alpha.level == 2)
        #expect(alpha.coverage == 1)
        #expect(!alpha.provisional)
        #expect(alpha.gap == 1.75)
        let betaDimension = m.dimensions[1]
        #expect(betaDimension.score == nil)
        #expect(betaDimension.coverage == nil)
        #expect(betaDimension.notApplicableCount == 1)
        #expect(m.index == 2.25)          // only alpha has answers
        #expect(m.level == 2)
        #expect(m.levelName(m.level) == "Initial")
    }

    @Test func miniAssessmentPriorities() throws {
        let card = try miniCard()
        #expect(card.priorities.map(\.indicator) == ["alpha.two", "alpha.one"])
        #expect(card.priorities[0].priority == 12)  // gap 2 × weight 3 × dimension weight 2
        #expect(card.priorities[1].priority == 2)   // gap 1 × 1 × 2
        #expect(card.priorities.map(\.rank) == [1, 2])
        #expect(card.priorities[1].nextLevel == 4)
    }

    @Test func miniAssessmentCompliance() throws {
        let card = try miniCard()
        let c = try #require(card.compliance.first)
        #expect(c.rate == 5.0 / 6.0)         // partial 2 + full 3 of 6
        #expect(c.binding.rate == 2.0 / 3.0) // 1.1 partial
        #expect(c.bestEndeavour.rate == 1)   // 1.2 full
        #expect(c.coverage == 1)
        #expect(c.sections[0].rate == 5.0 / 6.0)
        #expect(c.notFullyMet.map(\.id) == ["1.1"])
        #expect(c.statusCounts[.partial] == 1)
        #expect(c.statusCounts[.full] == 1)
        #expect(c.provisions[0].category == "B")
    }

    @Test func textSummaryRoundsHalvesUp() throws {
        let text = try miniCard().terminalSummary()
        #expect(text.contains("Overall index: 2.3 — level 2 Initial"))
        #expect(text.contains("83.3%"))
        #expect(text.contains("alpha.two"))
    }
}

@Suite("Scoring: agreed not applicable")
struct ConsensusNotApplicableTests {
    @Test func consensusNotApplicableWinsOverAgencyLevels() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(3), .level(2)]], consensus: ["alpha.one": .notApplicable]), catalog: Fixtures.catalog)
        #expect(indicatorScore(card, "alpha.one").status == .notApplicable)
        #expect(indicatorScore(card, "alpha.one").score == nil)
    }

    @Test func consensusUnknownFallsBackToTheMedian() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(3), .level(2)]], consensus: ["alpha.one": .unknown]), catalog: Fixtures.catalog)
        #expect(indicatorScore(card, "alpha.one").score == 2.5)
    }

    @Test func complianceConsensusNotApplicable() {
        let answers = QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
            Answer(itemID: "1.1", consensus: .status(.notApplicable), responses: [Response(agency: "a", value: .status(.full))]),
        ])
        let score = Scorer.score(checklist, answers: answers)
        #expect(score.provisions[0].status == .notApplicable)
        #expect(score.summary.applicable == 1)
    }
}

/// The worked example of docs/scoring.md, checked against the code.
@Suite("Scoring: the worked example in docs/scoring.md")
struct ScoringWorkedExampleTests {
    @Test func politicalWillDimension() throws {
        let card = Example.loaded.card
        let dimension = try #require(card.maturity.first?.dimensions.first { $0.id == "political-will" })
        let scores = dimension.indicators.map(\.score)
        #expect(scores == [3, 3, nil, 3, 2, 3])
        #expect(dimension.indicators[0].consensus == 3)
        #expect(dimension.indicators[0].median == 2.5)
        #expect(dimension.indicators[2].status == .unanswered)
        #expect(dimension.score == 2.8)
        #expect(dimension.level == 2)
        #expect(dimension.coverage == 5.0 / 6.0)
        #expect(!dimension.provisional)
        #expect(abs(dimension.gap! - 1.2) < 1e-12)
        let stakeholder = try #require(card.priorities.first { $0.indicator == "political-will.stakeholder-engagement" })
        #expect(stakeholder.priority == 2)
        #expect(stakeholder.rank == 2)
        #expect(card.priorities[0].indicator == "procedures.joint-risk-management")
    }

    @Test func indexAndKyotoRate() throws {
        let card = Example.loaded.card
        let index = try #require(card.maturity.first?.index)
        #expect(NumberFormatting.score(index) == "2.6")
        #expect(abs(index - 2.5716666666666663) < 1e-12)
        let rkc = try #require(card.compliance.first { $0.questionnaire == "rkc-general-annex" })
        #expect(rkc.statusCounts[.full] == 36)
        #expect(rkc.statusCounts[.partial] == 9)
        #expect(rkc.statusCounts[.none] == 2)
        #expect(rkc.summary.applicable == 48)
        #expect(rkc.summary.answered == 47)
        #expect(rkc.rate == 126.0 / 141.0)
        #expect(NumberFormatting.percent(rkc.rate) == "89.4%")
        #expect(NumberFormatting.percent(rkc.coverage) == "97.9%")
        #expect(rkc.bestEndeavour.rate == nil)
    }
}
