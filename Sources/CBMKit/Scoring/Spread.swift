/// How the values of several countries spread: median and quartiles, lowest and highest.
///
/// Quartiles are computed as a spreadsheet's `QUARTILE.INC` (and `PERCENTILE.INC`) computes
/// them, by linear interpolation between the sorted values: for the share p (0.25, 0.5, 0.75)
/// of n values x₁ ≤ … ≤ xₙ, the position is h = (n − 1) × p + 1 and the quartile is
/// x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋+1 − x⌊h⌋). The median (p = 0.5) is then the usual median. One
/// value is its own median and quartiles. See docs/scoring.md, "Comparing countries".
public struct Spread: Sendable, Hashable {
    /// How many values (countries with a score).
    public var count: Int
    public var median: Double?
    /// First quartile: a quarter of the values are at or below it.
    public var q1: Double?
    /// Third quartile: a quarter of the values are at or above it.
    public var q3: Double?
    public var min: Double?
    public var max: Double?

    /// The spread of the given values; `nil` values (no score) are left out.
    public init(_ values: [Double?]) {
        let sorted = values.compactMap { $0 }.sorted()
        count = sorted.count
        median = Self.quartile(sorted, 0.5)
        q1 = Self.quartile(sorted, 0.25)
        q3 = Self.quartile(sorted, 0.75)
        min = sorted.first
        max = sorted.last
    }

    /// `QUARTILE.INC`-style interpolation at share `p` of already sorted values.
    public static func quartile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        guard lower + 1 < sorted.count, fraction > 0 else { return sorted[lower] }
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }

    /// Where a value stands against this spread.
    public func position(of value: Double?) -> Position? {
        guard let value, let median, let q1, let q3 else { return nil }
        let tolerance = 1e-9
        if abs(value - median) <= tolerance { return .atMedian }
        if value > median { return value > q3 + tolerance ? .topQuarter : .aboveMedian }
        return value < q1 - tolerance ? .bottomQuarter : .belowMedian
    }

    /// A value's place among the region's: above the third quartile, between the median and
    /// the third quartile, at the median, between the first quartile and the median, or below
    /// the first quartile.
    public enum Position: String, Sendable, Hashable {
        case topQuarter = "top-quarter"
        case aboveMedian = "above-median"
        case atMedian = "at-median"
        case belowMedian = "below-median"
        case bottomQuarter = "bottom-quarter"

        public var isAbove: Bool { self == .topQuarter || self == .aboveMedian }
        public var isBelow: Bool { self == .bottomQuarter || self == .belowMedian }
    }
}

/// Ranks by a score, highest first. Equal scores (to within 10⁻⁹) share a rank and the next
/// rank is skipped, as a spreadsheet's `RANK.EQ` does: 3.1, 2.8, 2.8, 2.5 rank 1, 2, 2, 4.
/// No score, no rank.
public enum Ranking {
    public static func ranks(_ scores: [Double?]) -> [Int?] {
        scores.map { score in
            guard let score else { return nil }
            return 1 + scores.filter { other in other.map { $0 > score + 1e-9 } ?? false }.count
        }
    }
}
