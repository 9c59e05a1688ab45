import Foundation

/// Orders periods: "2024" < "2025-H1" < "2025-Q3" < "2025-10" < "2025-H2"… by year, then by
/// the month each part of the year starts (a whole year counts from January).
public enum PeriodOrder {
    /// The year, the month the period starts and its length in months: "2025-Q3" → (2025, 7, 3).
    static func startMonth(_ period: String) -> (year: Int, month: Int, span: Int) {
        let parts = period.split(separator: "-")
        let year = Int(parts.first ?? "") ?? 0
        guard parts.count > 1 else { return (year, 1, 12) }
        switch parts[1] {
        case "H1": return (year, 1, 6)
        case "H2": return (year, 7, 6)
        case "Q1": return (year, 1, 3)
        case "Q2": return (year, 4, 3)
        case "Q3": return (year, 7, 3)
        case "Q4": return (year, 10, 3)
        default: return (year, Int(parts[1]) ?? 1, 1)
        }
    }

    /// Whether period `a` comes before period `b` (by year, then start month, then the longer period first).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (startMonth(a), startMonth(b))
        if x.year != y.year { return x.year < y.year }
        if x.month != y.month { return x.month < y.month }
        if x.span != y.span { return x.span > y.span }
        return a < b
    }
}
