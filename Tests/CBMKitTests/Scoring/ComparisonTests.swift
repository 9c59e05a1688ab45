import Foundation
import Testing
@testable import CBMKit

/// A country's assessment of the `mini` questionnaire, each indicator answered with an agreed level.
private func card(_ country: String, period: String = "2026", levels: [String: Int], crossing: String = "",
                  catalog: Catalog = Fixtures.catalog) throws -> ScoreCard {
    let answers = levels.sorted { $0.key < $1.key }.map { "      \($0.key): \($0.value)" }.joined(separator: "\n")
    let yaml = """
    assessment:
      title: \(country) \(period)
      country: \(country)
      period: \(period)
    \(crossing)
    questionnaires:
      mini:
        answers:
    \(answers)
    """
    let (assessment, diagnostics) = assessmentResult(yaml, catalog: catalog)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    return Scorer.score(try #require(assessment), catalog: catalog)
}

private func crossingHeader(_ point: String, _ neighbour: String, _ facing: String) -> String {
    "  scope: crossing-point\n  crossing_point: \(point)\n  neighbour_country: \(neighbour)\n  facing_crossing_point: \(facing)"
}

/// Four countries of the `mini` questionnaire (alpha weight 2: one ×1, two ×3; beta weight 1).
///   Delta:  alpha 4, beta 3 → index (4×2 + 3) ÷ 3 = 11/3
///   Arlen:  alpha 3, beta 2 → 8/3
///   Bessa:  alpha 2, beta 4 → 8/3 (a tie with Arlen)
///   Corvo:  alpha (5 + 1×3) ÷ 4 = 2, beta 1 → 5/3
private func region() throws -> RegionalComparison {
    let inputs = try [
        ("a.yaml", card("Arlen", levels: ["alpha.one": 3, "alpha.two": 3, "beta.one": 2])),
        ("b.yaml", card("Bessa", levels: ["alpha.one": 2, "alpha.two": 2, "beta.one": 4])),
        ("c.yaml", card("Corvo", levels: ["alpha.one": 5, "alpha.two": 1, "beta.one": 1])),
        ("d.yaml", card("Delta", levels: ["alpha.one": 4, "alpha.two": 4, "beta.one": 3])),
    ].map { ComparisonBuilder.Input(card: $1, file: $0) }
    return try ComparisonBuilder(catalog: Fixtures.catalog).build(inputs)
}

private func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

@Suite("Comparison: quartiles and ranks, hand-computed")
struct SpreadTests {
    @Test func quartilesInterpolateAsQuartileInc() {
        // 1, 2, 3, 4: positions (n − 1) × p = 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25 (QUARTILE.INC gives the same).
        let four = Spread([4, 1, nil, 3, 2])
        #expect(four.count == 4)
        #expect(close(four.q1, 1.75) && close(four.median, 2.5) && close(four.q3, 3.25))
        #expect(four.min == 1 && four.max == 4)
        // Five values: positions 1, 2, 3 fall on values.
        let five = Spread([2.0, 2.5, 3.1, 3.4, 4.0])
        #expect(close(five.q1, 2.5) && close(five.median, 3.1) && close(five.q3, 3.4))
        // Two values: 1 and 3 → 1.5, 2, 2.5.
        let two = Spread([3, 1])
        #expect(close(two.q1, 1.5) && close(two.median, 2) && close(two.q3, 2.5))
        // One value is its own median and quartiles; none gives none.
        let one = Spread([2.2])
        #expect(one.q1 == 2.2 && one.median == 2.2 && one.q3 == 2.2)
        let none = Spread([nil, nil])
        #expect(none.count == 0 && none.median == nil && none.q1 == nil)
    }

    @Test func positionsAgainstTheMedianAndQuartiles() {
        let spread = Spread([1, 2, 3, 4])  // q1 1.75, median 2.5, q3 3.25
        #expect(spread.position(of: 4) == .topQuarter)
        #expect(spread.position(of: 3) == .aboveMedian)
        #expect(spread.position(of: 3.25) == .aboveMedian)
        #expect(spread.position(of: 2.5) == .atMedian)
        #expect(spread.position(of: 2) == .belowMedian)
        #expect(spread.position(of: 1) == .bottomQuarter)
        #expect(spread.position(of: nil) == nil)
    }

    @Test func equalScoresShareARankAndTheNextIsSkipped() {
        #expect(Ranking.ranks([3.1, 2.8, nil, 2.8, 2.5]) == [1, 2, nil, 2, 4])
        // Equal to within rounding error of a weighted mean is equal.
        #expect(Ranking.ranks([8.0 / 3, 2.0 + 2.0 / 3]) == [1, 1])
        #expect(Ranking.ranks([]) == [])
    }
}

@Suite("Comparison: several countries")
struct ComparisonBuilderTests {
    @Test func ranksIndexesAndOrder() throws {
        let comparison = try region()
        #expect(comparison.countries.map(\.country) == ["Delta", "Arlen", "Bessa", "Corvo"])
        #expect(comparison.countries.map(\.rank) == [1, 2, 2, 4])
        #expect(close(comparison.countries[0].card.maturity[0].index, 11.0 / 3))
        #expect(comparison.countries[3].ranks["mini"] == 4)
    }

    @Test func regionalMedianAndQuartilesPerDimension() throws {
        let mini = try #require(try region().maturity.first)
        let alpha = try #require(mini.dimensions.first { $0.id == "alpha" })
        // alpha: 4, 3, 2, 2 → sorted 2, 2, 3, 4: q1 2, median 2.5, q3 3.25.
        #expect(close(alpha.spread.q1, 2) && close(alpha.spread.median, 2.5) && close(alpha.spread.q3, 3.25))
        let beta = try #require(mini.dimensions.first { $0.id == "beta" })
        // beta: 3, 2, 4, 1 → 1.75, 2.5, 3.25.
        #expect(close(beta.spread.q1, 1.75) && close(beta.spread.median, 2.5) && close(beta.spread.q3, 3.25))
        // index: 5/3, 8/3, 8/3, 11/3 → q1 5/3 + 0.75 = 29/12, median 8/3, q3 8/3 + 0.25 = 35/12.
        #expect(close(mini.index.q1, 29.0 / 12) && close(mini.index.median, 8.0 / 3) && close(mini.index.q3, 35.0 / 12))
        #expect(mini.index.count == 4)
    }

    @Test func whereEachCountryStands() throws {
        let mini = try #require(try region().maturity.first)
        let delta = try #require(mini.standings.first { $0.country == "Delta" })
        #expect(delta.positions == ["alpha": .topQuarter, "beta": .aboveMedian])
        #expect(delta.above == 2 && delta.scored == 2 && delta.topQuarter == 1)
        let corvo = try #require(mini.standings.first { $0.country == "Corvo" })
        #expect(corvo.positions == ["alpha": .belowMedian, "beta": .bottomQuarter])
        #expect(ComparisonWording.standing(corvo) == "above the regional median in 0 of 2 dimensions, below it in 2 (1 in the bottom quarter)")
        #expect(ComparisonWording.standing(delta) == "above the regional median in 2 of 2 dimensions (1 in the top quarter), below it in 0")
    }

    @Test func weakestIndicatorsLowestMedianFirstTiesInQuestionnaireOrder() throws {
        let mini = try #require(try region().maturity.first)
        // alpha.one 3, 2, 5, 4 → 3.5; alpha.two 3, 2, 1, 4 → 2.5; beta.one 2, 4, 1, 3 → 2.5.
        #expect(mini.weakest.map(\.id) == ["alpha.two", "beta.one", "alpha.one"])
        #expect(close(mini.weakest[2].spread.median, 3.5))
    }

    @Test func latestPeriodOfEachCountryUnlessOneIsAskedFor() throws {
        let inputs = try [
            ("a-2025.yaml", card("Arlen", period: "2025", levels: ["alpha.one": 1])),
            ("a-2026.yaml", card("Arlen", period: "2026", levels: ["alpha.one": 2])),
            ("b-2025.yaml", card("Bessa", period: "2025", levels: ["alpha.one": 3])),
        ].map { ComparisonBuilder.Input(card: $1, file: $0) }
        let builder = ComparisonBuilder(catalog: Fixtures.catalog)
        let latest = try builder.build(inputs)
        #expect(Set(latest.countries.map(\.file)) == ["a-2026.yaml", "b-2025.yaml"])
        #expect(latest.leftOut.map(\.file) == ["a-2025.yaml"])
        #expect(latest.caveats.contains { if case .periodMix = $0 { return true } else { return false } })
        let asked = try builder.build(inputs, period: "2025")
        #expect(Set(asked.countries.map(\.file)) == ["a-2025.yaml", "b-2025.yaml"])
        #expect(throws: ComparisonError.noneForPeriod(period: "2024", periods: ["2025", "2026"])) { try builder.build(inputs, period: "2024") }
        let twice = inputs + [ComparisonBuilder.Input(card: inputs[1].card, file: "copy.yaml")]
        #expect(throws: ComparisonError.sameCountryTwice(country: "Arlen", period: "2026", files: ["a-2026.yaml", "copy.yaml"])) { try builder.build(twice) }
    }

    @Test func subIndexesMissingFromOlderVersionsAreSaid() throws {
        let comparison = try Loader.comparison(at: ["examples/arventa-2027.yaml", "examples/borovia-2026.yaml"].map(Repository.path)).comparison
        #expect(comparison.caveats.contains(.noSubIndexes(questionnaire: "cbm-core", countries: ["Kingdom of Borovia"])))
        let core = try #require(comparison.maturity.first)
        #expect(core.nationalIndex.count == 1 && core.index.count == 2)
    }

    @Test func versionMixIsMatchedByIDAndSaidPlainly() throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/kestria-2026.yaml"))
        let kestria = loaded.assessment
        let catalog = loaded.catalog
        let borovia = try Loader.assessment(at: Repository.path("examples/borovia-2026.yaml")).assessment
        let inputs = [ComparisonBuilder.Input(card: Scorer.score(kestria, catalog: catalog), file: "k.yaml"),
                      ComparisonBuilder.Input(card: Scorer.score(borovia, catalog: catalog), file: "b.yaml")]
        let comparison = try ComparisonBuilder(catalog: catalog).build(inputs)
        let core = try #require(comparison.maturity.first { $0.questionnaire == "cbm-core" })
        #expect(core.versions == ["2024.1", "2026.1"])
        // An item only one version has is compared among the countries that have it, and says so.
        let awareness = try #require(core.indicators.first { $0.id == "communication.public-awareness" })
        #expect(awareness.absentFrom == ["Kingdom of Borovia"] && awareness.spread.count == 1)
        // Scored by one country of two: not a regional weakness, however low.
        #expect(awareness.spread.median == 1 && !core.weakest.contains { $0.id == awareness.id })
        let passengers = try #require(core.indicators.first { $0.id == "procedures.passenger-processing" })
        #expect(passengers.absentFrom == ["Republic of Kestria"])
        let mix = comparison.caveats.compactMap { caveat -> [VersionChange]? in
            if case let .versionMix("cbm-core", _, changes) = caveat { return changes } else { return nil }
        }.first
        let changes = try #require(mix)
        #expect(changes.first?.removed.map(\.id) == ["communication.public-awareness"])
        #expect(Set(changes.first?.added.map(\.id) ?? []) == ["sustainability.change-management", "procedures.passenger-processing"])
        let text = comparison.caveats.map { ComparisonWording.caveat($0) }.joined(separator: "\n")
        #expect(text.contains("Republic of Kestria 2024.1"))
        #expect(text.contains("Sustainability and continual improvement is provisional"))
        #expect(text.contains("did not answer") == false)  // both answered cbm-core and wto-tfa only
    }
}

@Suite("Comparison: the two sides of a crossing point")
struct CrossingPairTests {
    static func side(_ country: String, _ point: String, _ neighbour: String, _ facing: String, _ levels: [String: Int], file: String) throws -> ComparisonBuilder.Input {
        ComparisonBuilder.Input(card: try card(country, levels: levels, crossing: crossingHeader(point, neighbour, facing)), file: file)
    }

    @Test func bothSidesArePairedWithGapsAndDisagreements() throws {
        let inputs = [
            try Self.side("Arlen", "Dovrak", "Bessa", "Zelmar", ["alpha.one": 4, "alpha.two": 2, "beta.one": 3], file: "dovrak.yaml"),
            try Self.side("bessa", "zelmar", "Arlen", "Dovrak", ["alpha.one": 2, "alpha.two": 3, "beta.one": 3], file: "zelmar.yaml"),
            ComparisonBuilder.Input(card: try card("Arlen", levels: ["alpha.one": 3]), file: "arlen.yaml"),
        ]
        let comparison = try ComparisonBuilder(catalog: Fixtures.catalog).build(inputs)
        // The crossing-point assessments are not countries in the regional table.
        #expect(comparison.countries.map(\.file) == ["arlen.yaml"])
        let crossing = try #require(comparison.crossings.first)
        #expect(comparison.crossings.count == 1)
        #expect(crossing.sides.map(\.file) == ["dovrak.yaml", "zelmar.yaml"])
        let indicators = try #require(crossing.maturity.first).indicators
        #expect(indicators.map(\.gap) == [2, 1, 0])
        // `mini` declares no scope, so any indicator 2 levels apart is flagged.
        #expect(indicators.map(\.flagged) == [true, false, false])
        #expect(crossing.maturity[0].scopesDeclared == false)
    }

    @Test func onlyCrossBorderIndicatorsAreFlaggedWhenTheQuestionnaireSays() throws {
        var catalog = Fixtures.catalog
        let yaml = Fixtures.text("mini-maturity.yaml").replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"")
            .replacingOccurrences(of: "        title: One\n", with: "        title: One\n        scope: cross-border\n")
            .replacingOccurrences(of: "        title: Two\n", with: "        title: Two\n        scope: national\n")
            .replacingOccurrences(of: "        title: Beta one\n", with: "        title: Beta one\n        scope: national\n")
        let read = YAMLReader.read(Data(yaml.utf8), file: "scoped.yaml")
        let document = try #require(read.value)
        let scoped = try #require(Loader.decodeQuestionnaire(document, diagnostics: read.diagnostics).value)
        _ = catalog.add(scoped, file: "scoped.yaml", bundled: false)
        let a = ComparisonBuilder.Input(card: try card("Arlen", levels: ["alpha.one": 4, "alpha.two": 4, "beta.one": 1],
                                                        crossing: crossingHeader("P", "Bessa", "Q"), catalog: catalog), file: "p.yaml")
        let b = ComparisonBuilder.Input(card: try card("Bessa", levels: ["alpha.one": 1, "alpha.two": 1, "beta.one": 4],
                                                        crossing: crossingHeader("Q", "Arlen", "P"), catalog: catalog), file: "q.yaml")
        let crossing = try #require(try ComparisonBuilder(catalog: catalog).build([a, b]).crossings.first)
        #expect(crossing.maturity[0].scopesDeclared)
        #expect(crossing.maturity[0].indicators.map(\.flagged) == [true, false, false])
    }

    @Test func anIncompletePairIsAnError() throws {
        let lonely = try Self.side("Arlen", "Dovrak", "Bessa", "Zelmar", ["alpha.one": 4], file: "dovrak.yaml")
        let wrongPost = try Self.side("Bessa", "Ulvara", "Arlen", "Dovrak", ["alpha.one": 4], file: "ulvara.yaml")
        #expect(throws: ComparisonError.incompletePair(file: "dovrak.yaml", country: "Arlen", crossingPoint: "Dovrak", neighbour: "Bessa", facing: "Zelmar")) {
            try ComparisonBuilder(catalog: Fixtures.catalog).build([lonely, wrongPost])
        }
        let message = ComparisonError.incompletePair(file: "dovrak.yaml", country: "Arlen", crossingPoint: "Dovrak", neighbour: "Bessa", facing: "Zelmar").description
        #expect(message.contains("no file given assesses the other side (Bessa's crossing point Zelmar facing Dovrak)"))
    }

    @Test func twoFilesClaimingTheSameSideAreAnError() throws {
        let a = try Self.side("Arlen", "Dovrak", "Bessa", "Zelmar", ["alpha.one": 4], file: "dovrak.yaml")
        let b = try Self.side("Arlen", "DOVRAK", "Bessa", "Zelmar", ["alpha.one": 3], file: "dovrak-copy.yaml")
        let other = try Self.side("Bessa", "Zelmar", "Arlen", "Dovrak", ["alpha.one": 3], file: "zelmar.yaml")
        #expect(throws: ComparisonError.sameSideTwice(country: "Arlen", crossingPoint: "Dovrak", period: "2026", files: ["dovrak.yaml", "dovrak-copy.yaml"])) {
            try ComparisonBuilder(catalog: Fixtures.catalog).build([a, b, other])
        }
    }

    @Test func sidesThatDoNotNameEachOtherAreAnError() throws {
        let a = try Self.side("Arlen", "Dovrak", "Bessa", "Zelmar", ["alpha.one": 4], file: "dovrak.yaml")
        let b = try Self.side("Bessa", "Zelmar", "Arlen", "Ulvara", ["alpha.one": 3], file: "zelmar.yaml")
        #expect(throws: ComparisonError.mismatchedPair(file: "dovrak.yaml", other: "zelmar.yaml", expected: "Arlen's Dovrak", found: "Arlen's Ulvara")) {
            try ComparisonBuilder(catalog: Fixtures.catalog).build([a, b])
        }
    }

    @Test func aTrendDoesNotMixACountryAndOneOfItsCrossingPoints() throws {
        let files = ["examples/arventa-2025.yaml", "examples/crossing-dovrak-2026.yaml"].map(Repository.path)
        #expect(throws: UsageError.self) { try Loader.trend(at: files) }
        let card = try Loader.scoreCard(at: Repository.path("examples/crossing-dovrak-2026.yaml")).card
        #expect(card.terminalSummary().contains("Crossing point: Dovrak, facing Zelmar (Republic of Kestria)"))
    }

    @Test func theExampleCrossingPairs() throws {
        let comparison = try Loader.comparison(at: ["examples/crossing-dovrak-2026.yaml", "examples/crossing-zelmar-2026.yaml"].map(Repository.path)).comparison
        let crossing = try #require(comparison.crossings.first)
        #expect(crossing.sides.map(\.crossingPoint) == ["Dovrak", "Zelmar"])
        let joint = try #require(crossing.maturity.first?.indicators.first { $0.id == "international.joint-controls" })
        #expect(joint.gap == 2 && joint.flagged)
    }
}

@Suite("Assessment header: scope and crossing point")
struct CrossingPointHeaderTests {
    static let base = """
    assessment:
      title: T
      country: Arlen
      period: 2026
    %@
    questionnaires:
      mini:
        answers:
          alpha.one: 3
    """

    static func check(_ header: String) -> (Assessment?, [Diagnostic]) {
        assessmentResult(base.replacingOccurrences(of: "%@", with: header))
    }

    @Test func aCrossingPointIsRead() throws {
        let (assessment, diagnostics) = Self.check(crossingHeader("Dovrak", "Bessa", "Zelmar"))
        #expect(diagnostics.isEmpty)
        #expect(assessment?.header.crossingPoint == CrossingPoint(name: "Dovrak", neighbourCountry: "Bessa", facingCrossingPoint: "Zelmar"))
        #expect(assessment?.header.scope == .crossingPoint)
        let (whole, _) = Self.check("  scope: country")
        #expect(whole?.header.scope == .country && whole?.header.crossingPoint == nil)
    }

    @Test func mistakesAreLocated() {
        let (_, missing) = Self.check("  scope: crossing-point\n  crossing_point: Dovrak")
        #expect(missing.errors.map(\.location.line) == [2, 2])  // the header, which lacks them
        #expect(missing.errors.contains { $0.message.contains("has no `neighbour_country`") })
        #expect(missing.errors.contains { $0.message.contains("has no `facing_crossing_point`") })

        let (_, wrongScope) = Self.check("  scope: crossing")
        #expect(wrongScope.errors.count == 1)
        #expect(wrongScope.errors.first?.location == SourceLocation(file: "a.yaml", line: 5, column: 10))
        #expect(wrongScope.errors.first?.message.contains("did you mean `crossing-point`?") == true)

        let (_, noScope) = Self.check("  crossing_point: Dovrak")
        #expect(noScope.errors.first?.location == SourceLocation(file: "a.yaml", line: 5, column: 3))
        #expect(noScope.errors.first?.message.contains("add `scope: crossing-point`") == true)

        let (_, itself) = Self.check(crossingHeader("Dovrak", "arlen", "Zelmar"))
        #expect(itself.errors.map(\.location.line) == [7])
        #expect(itself.errors.first?.message.contains("the country assessed itself") == true)
    }

    @Test func initStartsACrossingPointAssessment() throws {
        let point = CrossingPoint(name: "Dovrak", neighbourCountry: "Bessa", facingCrossingPoint: "Zelmar")
        let template = AssessmentTemplate(country: "Arlen", period: "2026", questionnaireIDs: ["mini"], crossingPoint: point)
        #expect(template.defaultFileName() == "dovrak-2026.yaml")
        let (assessment, diagnostics) = assessmentResult(try template.yaml(catalog: Fixtures.catalog))
        #expect(diagnostics.isEmpty)
        #expect(assessment?.header.crossingPoint == point)
        #expect(assessment?.header.title == "Dovrak crossing point (Arlen) CBM assessment 2026")
        let itself = AssessmentTemplate(country: "Arlen", period: "2026", questionnaireIDs: ["mini"],
                                        crossingPoint: CrossingPoint(name: "Dovrak", neighbourCountry: "arlen", facingCrossingPoint: ""))
        #expect(throws: UsageError.self) { try itself.assessment(catalog: Fixtures.catalog) }
    }

    @Test func theScopeIsWrittenBackAndInTheJSON() throws {
        let (assessment, _) = Self.check(crossingHeader("Dovrak", "Bessa", "Zelmar"))
        let written = AssessmentWriter.yaml(try #require(assessment))
        #expect(written.contains("  scope: crossing-point\n  crossing_point: \"Dovrak\"\n  neighbour_country: \"Bessa\"\n"))
        let (reread, diagnostics) = assessmentResult(written)
        #expect(diagnostics.isEmpty)
        #expect(reread?.header.crossingPoint == assessment?.header.crossingPoint)
        let json = Scorer.score(try #require(assessment), catalog: Fixtures.catalog).json.rendered()
        #expect(json.contains("\"scope\": \"crossing-point\""))
        #expect(json.contains("\"facing_crossing_point\": \"Zelmar\""))
    }
}
