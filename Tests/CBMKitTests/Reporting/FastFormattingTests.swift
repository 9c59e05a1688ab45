import Foundation
import Testing
@testable import CBMKit

@Suite("Numbers and escaping written fast, as before")
struct FastFormattingTests {
    /// `NumberFormatting.oneDecimal` rounds by itself; it must write what C's "%.1f" writes.
    @Test func oneDecimalIsPrintf() {
        var generator = SplitMix64(seed: 7)
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.05, -0.15, 2.25, 2.35, 1e14 + 0.05, -1e14, 999.95, 0.04999999999999999]
        for _ in 0..<20_000 {
            let tenths = Double(Int.random(in: -100_000...100_000, using: &generator))
            values.append((tenths + 0.5) / 10)  // halves, as near as doubles get
            values.append((tenths + 0.5) / 10 + Double.random(in: -1e-12...1e-12, using: &generator))
            values.append(Double.random(in: -1000...1000, using: &generator))
            values.append(Double(bitPattern: generator.next() & 0x3FFF_FFFF_FFFF_FFFF) .truncatingRemainder(dividingBy: 1e6))
        }
        for value in values where value.isFinite {
            #expect(NumberFormatting.oneDecimal(value) == NumberFormatting.printfOneDecimal(value), "\(value)")
        }
    }

    @Test func htmlEscapeLeavesPlainTextAlone() {
        #expect(HTML.escape("Plain text — Кириллица 2026") == "Plain text — Кириллица 2026")
        #expect(HTML.escape("a\u{85}b\u{9F}c\u{A0}d") == "abc\u{A0}d")
        #expect(HTML.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;")
    }
}
