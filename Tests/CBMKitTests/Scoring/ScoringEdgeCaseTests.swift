import Foundation
import Testing
@testable import CBMKit

@Suite("Scoring: edge cases")
struct ScoringEdgeCaseTests {
    @Test func allResponsesNotApplicable() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.notApplicable, .notApplicable]]), catalog: Fixtures.catalog)
        let one = indicatorScore(card, "alpha.one")
        #expect(one.status == .notApplicable)
        #expect(one.score == nil)
        #expect(one.divergence == nil)
        // alpha.two unanswered: coverage 0 of 1 applicable
        #expect(card.maturity[0].dimensions[0].coverage == 0)
        #expect(card.maturity[0].dimensions[0].provisional)
    }

    @Test func allResponsesUnknown() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.unknown, .unknown]]), catalog: Fixtures.catalog)
        #expect(indicatorScore(card, "alpha.one").status == .unanswered)
        #expect(indicatorScore(card, "alpha.one").score == nil)
    }

    @Test func mixOfNotApplicableAndUnknownIsUnanswered() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.notApplicable, .unknown]]), catalog: Fixtures.catalog)
        #expect(indicatorScore(card, "alpha.one").status == .unanswered)
    }

    @Test func evenNumberOfResponsesTakesTheMeanOfTheMiddleTwo() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(5), .level(2), .level(4), .level(3)]]), catalog: Fixtures.catalog)
        let one = indicatorScore(card, "alpha.one")
        #expect(one.score == 3.5)
        #expect(one.level == 3)
        #expect(one.divergence == 3)
        #expect(one.divergent)
    }

    @Test func consensusOutsideTheResponsesIsUsedAndNoted() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(2), .level(3)]], consensus: ["alpha.one": .level(5)]), catalog: Fixtures.catalog)
        let one = indicatorScore(card, "alpha.one")
        #expect(one.score == 5)
        #expect(one.consensusOutsideResponses)
        #expect(one.median == 2.5)
    }

    @Test func consensusWithoutResponses() {
        let card = Scorer.score(miniAssessment([:], consensus: ["alpha.one": .level(4)]), catalog: Fixtures.catalog)
        let one = indicatorScore(card, "alpha.one")
        #expect(one.score == 4)
        #expect(!one.consensusOutsideResponses)
        #expect(one.divergence == nil)
    }

    @Test func consensusNotApplicable() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.unknown]], consensus: ["alpha.one": .notApplicable]), catalog: Fixtures.catalog)
        #expect(indicatorScore(card, "alpha.one").status == .notApplicable)
    }

    @Test func dimensionWithNoAnswers() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(3)]]), catalog: Fixtures.catalog)
        let beta = card.maturity[0].dimensions[1]
        #expect(beta.score == nil)
        #expect(beta.gap == nil)
        #expect(beta.coverage == 0)
        #expect(beta.provisional)
        #expect(card.maturity[0].index == 3)  // beta has no answer, so only alpha counts
    }

    @Test func nothingAnsweredAtAll() {
        let card = Scorer.score(miniAssessment([:]), catalog: Fixtures.catalog)
        #expect(card.maturity[0].index == nil)
        #expect(card.maturity[0].level == nil)
        #expect(card.priorities.isEmpty)
        #expect(card.json.rendered().contains("\"index\": null"))
    }

    @Test func targetBelowCurrentLevelGivesNoGap() {
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(4)]], targets: [Target(id: "alpha.one", level: 2)]), catalog: Fixtures.catalog)
        let one = indicatorScore(card, "alpha.one")
        #expect(one.target == 2)
        #expect(one.gap == 0)
        #expect(!card.priorities.contains { $0.indicator == "alpha.one" })
    }

    @Test func indicatorTargetBeatsDimensionTargetBeatsDefault() {
        let a = miniAssessment(["alpha.one": [.level(1)], "alpha.two": [.level(1)], "beta.one": [.level(1)]],
                               targets: [Target(id: "alpha", level: 3), Target(id: "alpha.two", level: 5)])
        let card = Scorer.score(a, catalog: Fixtures.catalog)
        #expect(indicatorScore(card, "alpha.one").target == 3)
        #expect(indicatorScore(card, "alpha.two").target == 5)
        #expect(indicatorScore(card, "beta.one").target == 4)  // default_target
    }

    @Test func priorityTiesKeepQuestionnaireOrder() {
        // alpha.one (weight 1) gap 2 × 1 × 2 = 4; beta.one (weight 1, dimension weight 1) gap 4 × 1 × 1 = 4
        let card = Scorer.score(miniAssessment(["alpha.one": [.level(2)], "beta.one": [.level(0 + 1)]],
                                               targets: [Target(id: "beta.one", level: 5)]), catalog: Fixtures.catalog)
        #expect(card.priorities.map(\.priority) == [4, 4])
        #expect(card.priorities.map(\.indicator) == ["alpha.one", "beta.one"])
    }

    @Test func weightedMeanDoesNotDropALevelToRoundingError() {
        #expect(Scorer.level(2.9999999999999996) == 3)
        #expect(Scorer.level(2.99) == 2)
        #expect(NumberFormatting.score(2.25) == "2.3")
        #expect(NumberFormatting.score(2.35) == "2.4")
        #expect(NumberFormatting.percent(2.0 / 3.0) == "66.7%")
    }

    @Test func complianceMedianOfSeveralResponses() {
        let answers = QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
            Answer(itemID: "1.1", responses: [Response(agency: "a", value: .status(.full)), Response(agency: "b", value: .status(.partial))]),
            Answer(itemID: "1.2", responses: [Response(agency: "a", value: .status(.notApplicable))]),
        ])
        let score = Scorer.score(checklist, answers: answers)
        #expect(score.provisions[0].points == 2.5)
        #expect(score.provisions[0].consolidated == nil)  // between partial and full
        #expect(score.provisions[1].status == .notApplicable)
        #expect(score.rate == 2.5 / 3)
        #expect(score.summary.applicable == 1)
        #expect(score.bestEndeavour.rate == nil)
        #expect(score.bestEndeavour.coverage == nil)
    }

    /// Items with obligation `guidance` (not obligations on the country) are answered and shown,
    /// but never counted: not in the overall rate, not in a section rate, not in the status
    /// counts, not among the provisions not yet fully met.
    @Test func guidanceItemsAreExcludedFromEveryRate() throws {
        var withGuidance = checklist
        withGuidance.sections[0].provisions[1].obligation = .guidance
        let answers = QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
            Answer(itemID: "1.1", responses: [Response(value: .status(.full))]),
            Answer(itemID: "1.2", responses: [Response(value: .status(.none))]),
        ])
        let score = Scorer.score(withGuidance, answers: answers)
        #expect(score.rate == 1)
        #expect(score.summary.answered == 1 && score.summary.applicable == 1 && score.summary.total == 1)
        #expect(score.coverage == 1)
        #expect(score.sections[0].rate == 1)
        #expect(score.sections[0].summary.total == 1)
        #expect(score.bestEndeavour.rate == nil)
        #expect(score.guidance.answered == 1 && score.guidance.rate == 0)
        #expect(score.statusCounts[.none] == nil)
        #expect(score.notFullyMet.isEmpty)
        #expect(score.provisions[1].consolidated == ComplianceStatus.none)  // still recorded and shown
        // The same answers with the item counted as best-endeavour do pull the rate down.
        let counted = Scorer.score(checklist, answers: answers)
        #expect(counted.rate == 0.5)
        // JSON: the rate leaves the item out; the item itself is still listed.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(score.json.rendered().utf8)) as? [String: Any])
        #expect(object["guidance_provisions"] as? Int == 1)
        #expect(object["provisions_total"] as? Int == 2)
        #expect(object["rate"] as? Double == 1)
        let listed = try #require(object["provisions"] as? [[String: Any]])
        #expect(listed.map { $0["obligation"] as? String } == ["binding", "guidance"])
    }

    @Test func unknownComplianceStatusIsUnanswered() {
        let answers = QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
            Answer(itemID: "1.1", responses: [Response(value: .status(.unknown))]),
        ])
        let score = Scorer.score(checklist, answers: answers)
        #expect(score.provisions[0].status == .unanswered)
        #expect(score.rate == nil)
        #expect(score.coverage == 0)
    }
}
