/// The trend report's template data: the page around the `TrendViewModel`.
struct TrendReportViewModel {
    var title: String
    var generator: String
    var pageHeaderCSS: String
    var language: String
    /// cbm's own texts in the report's language, for the templates (`{{{t.trend.…}}}`).
    var t: [String: Any]
    var trend: TrendViewModel
}
