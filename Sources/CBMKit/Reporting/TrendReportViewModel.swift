/// The trend report's template data: the page around the `TrendViewModel`.
struct TrendReportViewModel {
    var title: String
    var generator: String
    var pageHeaderCSS: String
    var language: String
    var trend: TrendViewModel
}
