/// The two sides of one border crossing, each assessed by its own country: for each indicator
/// both scores, the gap between them, and where each side's own agencies disagree.
public struct CrossingComparison: Sendable, Hashable {
    /// Scores this many levels apart (or more) on a cross-border indicator are flagged:
    /// cooperation across a border is shared, so both sides should see it alike.
    public static let flagGap = 2.0

    /// One side of the crossing: its country's assessment of its own crossing point.
    public struct Side: Sendable, Hashable {
        /// The side's score card.
        public var card: ScoreCard
        /// The side's assessment file.
        public var file: String
        /// The side's country.
        public var country: String { card.assessment.country }
        /// The side's crossing point.
        public var crossingPoint: String { card.assessment.crossingPoint?.name ?? "" }
        /// The period of the side's assessment.
        public var period: String { card.assessment.period }
    }

    /// One indicator seen from both sides.
    public struct Indicator: Sendable, Hashable {
        /// The indicator's id.
        public var id: String
        /// The indicator's title.
        public var title: String
        /// The id of its dimension.
        public var dimension: String
        /// National or cross-border, when the questionnaire says.
        public var scope: IndicatorScope?
        /// The two sides' scores and what they are made of, in the order of `sides`.
        public var sides: [IndicatorScore?]
        /// |first score − second score|; nil unless both sides scored the indicator.
        public var gap: Double?
        /// A cross-border indicator (or, where the questionnaire declares no scope, any
        /// indicator) whose two scores are `flagGap` or more apart.
        public var flagged: Bool
    }

    /// One maturity questionnaire answered by both sides: every indicator seen from both.
    public struct Maturity: Sendable, Hashable {
        /// The questionnaire's id.
        public var questionnaire: String
        /// The questionnaire's title.
        public var title: String
        /// The version each side answered.
        public var versions: [String]
        /// Whether the questionnaire says which indicators are cross-border.
        public var scopesDeclared: Bool
        /// In the order of the first side's questionnaire version, then any the other side alone has.
        public var indicators: [Indicator]
        /// The flagged indicators, in the order of `indicators`.
        public var flagged: [Indicator] { indicators.filter(\.flagged) }
    }

    /// The two sides: the one whose file comes first among the files given, then the side it faces.
    public var sides: [Side]
    /// Each maturity questionnaire both sides answered.
    public var maturity: [Maturity]
    /// Maturity questionnaires only one side answered.
    public var answeredByOneSide: [String]
}

extension CrossingComparison {
    /// Pairs two sides (already known to face each other).
    init(_ a: Side, _ b: Side) {
        sides = [a, b]
        var maturity: [Maturity] = []
        var oneSide: [String] = []
        for first in a.card.maturity {
            guard let second = b.card.maturity.first(where: { $0.questionnaire == first.questionnaire }) else {
                oneSide.append(first.questionnaire)
                continue
            }
            let scopesDeclared = first.declaresScope || second.declaresScope
            let secondByID = Dictionary(second.indicators.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            let firstIDs = Set(first.indicators.map(\.id))
            let pairs = first.indicators.map { ($0, secondByID[$0.id]) } + second.indicators.filter { !firstIDs.contains($0.id) }.map { (nil as IndicatorScore?, $0 as IndicatorScore?) }
            let indicators = pairs.map { left, right -> Indicator in
                let any = (left ?? right)!
                var gap: Double?
                if let x = left?.score, let y = right?.score { gap = abs(x - y) }
                let crossBorder = scopesDeclared ? (left?.scope ?? right?.scope) == .crossBorder : true
                return Indicator(id: any.id, title: any.title, dimension: any.dimension, scope: left?.scope ?? right?.scope,
                                 sides: [left, right], gap: gap,
                                 flagged: crossBorder && (gap.map { $0 >= Self.flagGap - 1e-9 } ?? false))
            }
            maturity.append(Maturity(questionnaire: first.questionnaire, title: first.title, versions: [first.version, second.version],
                                     scopesDeclared: scopesDeclared, indicators: indicators))
        }
        for second in b.card.maturity where !a.card.maturity.contains(where: { $0.questionnaire == second.questionnaire }) {
            oneSide.append(second.questionnaire)
        }
        self.maturity = maturity
        answeredByOneSide = oneSide
    }

    /// Pairs every crossing-point assessment with the one that faces it. Throws when a side
    /// has no partner among the inputs, when the partner names another post, or when two
    /// inputs claim the same side (the caller has already kept one period per side).
    static func pair(_ sides: [Side]) throws -> [CrossingComparison] {
        func key(_ country: String, _ point: String) -> String {
            CrossingPoint.normalized(country) + "\u{1F}" + CrossingPoint.normalized(point)
        }
        var byKey: [String: Side] = [:]
        for side in sides {
            let k = key(side.country, side.crossingPoint)
            if let other = byKey[k] {
                throw ComparisonError.sameSideTwice(country: side.country, crossingPoint: side.crossingPoint, period: side.period,
                                                    files: [other.file, side.file])
            }
            byKey[k] = side
        }
        var done = Set<String>()
        var result: [CrossingComparison] = []
        for side in sides where !done.contains(side.file) {
            guard let point = side.card.assessment.crossingPoint else { continue }
            guard let other = byKey[key(point.neighbourCountry, point.facingCrossingPoint)] else {
                throw ComparisonError.incompletePair(file: side.file, country: side.country, crossingPoint: point.name,
                                                     neighbour: point.neighbourCountry, facing: point.facingCrossingPoint)
            }
            let back = other.card.assessment.crossingPoint!
            guard CrossingPoint.sameName(back.neighbourCountry, side.country), CrossingPoint.sameName(back.facingCrossingPoint, point.name) else {
                throw ComparisonError.mismatchedPair(file: side.file, other: other.file,
                                                     expected: "\(side.country)'s \(point.name)",
                                                     found: "\(back.neighbourCountry)'s \(back.facingCrossingPoint)")
            }
            done.insert(side.file)
            done.insert(other.file)
            result.append(CrossingComparison(side, other))
        }
        return result
    }
}
