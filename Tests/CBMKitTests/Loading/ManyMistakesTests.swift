import Foundation
import Testing
@testable import CBMKit

@Suite("Files with very many mistakes")
struct ManyMistakesTests {
    /// Every mistake is reported; "did you mean" is worked out for the first thousand only, so
    /// that a file of wrong ids is checked in seconds, not minutes.
    @Test func everyWrongIdIsReportedTheFirstThousandWithASuggestion() {
        var yaml = "assessment: {title: T, country: Testland, period: 2026}\nquestionnaires:\n  mini:\n    answers:\n"
        for n in 0..<1500 { yaml += "      alpha.onx\(n): 3\n" }
        let diagnostics = assessmentDiagnostics(yaml)
        #expect(diagnostics.count == 1500)
        #expect(diagnostics.filter { $0.message.contains("did you mean `alpha.one`?") }.count == 1000)
        #expect(diagnostics.allSatisfy { $0.message.hasPrefix("`mini` has no indicator `alpha.onx") })
    }

    @Test func undeclaredAgenciesAmongThousandsAreFoundQuickly() {
        var yaml = "assessment:\n  title: T\n  country: Testland\n  period: 2026\n  agencies:\n"
        for n in 0..<3000 { yaml += "    - {id: agency-\(n), name: A}\n" }
        yaml += "questionnaires:\n  mini:\n    answers:\n      alpha.one:\n        responses:\n"
        for n in 0..<3000 { yaml += "          - {agency: \(n % 2 == 0 ? "agency" : "agenci")-\(n), level: 3}\n" }
        let diagnostics = assessmentDiagnostics(yaml)
        #expect(diagnostics.count == 1500)
        #expect(diagnostics.first?.message.contains("and 2980 more") == true)
    }
}
