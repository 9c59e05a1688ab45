import Foundation
import Testing
@testable import CBMKit

private func miniCard(_ yaml: String = Fixtures.text("mini-assessment.yaml")) throws -> ScoreCard {
    let (assessment, diagnostics) = assessmentResult(yaml)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    return Scorer.score(try #require(assessment), catalog: Fixtures.catalog)
}

private let mini = Fixtures.catalog.questionnaire("mini")!.maturity!
private let checklist = Fixtures.catalog.questionnaire("mini-checklist")!.compliance!

/// Builds answers to `mini` from a compact description: indicator → responses.
private func miniAssessment(_ answers: [String: [MaturityLevel]], consensus: [String: MaturityLevel] = [:], targets: [Target] = []) -> Assessment {
    let agencies = (1...6).map { Agency(id: "a\($0)", name: "Agency \($0)") }
    var list: [Answer] = []
    for indicator in mini.indicators.map(\.id) where answers[indicator] != nil || consensus[indicator] != nil {
        let responses = (answers[indicator] ?? []).enumerated().map { index, level in
            Response(agency: "a\(index + 1)", value: .level(level))
        }
        list.append(Answer(itemID: indicator, consensus: consensus[indicator].map(AnswerValue.level), responses: responses))
    }
    return Assessment(title: "t", country: "Testland", period: "2026", agencies: agencies,
                      questionnaires: [QuestionnaireAnswers(questionnaireID: "mini", targets: targets, answers: list)])
}

private func indicatorScore(_ card: ScoreCard, _ id: String) -> IndicatorScore {
    card.maturity[0].indicators.first { $0.id == id }!
}

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
        #expect(Format.score(2.25) == "2.3")
        #expect(Format.score(2.35) == "2.4")
        #expect(Format.percent(2.0 / 3.0) == "66.7%")
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
        #expect(Format.score(index) == "2.6")
        #expect(abs(index - 2.5716666666666663) < 1e-12)
        let rkc = try #require(card.compliance.first { $0.questionnaire == "rkc-general-annex" })
        #expect(rkc.statusCounts[.full] == 36)
        #expect(rkc.statusCounts[.partial] == 9)
        #expect(rkc.statusCounts[.none] == 2)
        #expect(rkc.summary.applicable == 48)
        #expect(rkc.summary.answered == 47)
        #expect(rkc.rate == 126.0 / 141.0)
        #expect(Format.percent(rkc.rate) == "89.4%")
        #expect(Format.percent(rkc.coverage) == "97.9%")
        #expect(rkc.bestEndeavour.rate == nil)
    }
}
