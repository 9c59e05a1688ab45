import Foundation
import Testing
@testable import CBMKit

@Suite("CSV")
struct CSVTests {
    @Test(arguments: CSV.Separator.allCases)
    func hostileCellsRoundTrip(_ separator: CSV.Separator) {
        let rows = [["a", "b", "c"], hostileTexts.filter { !$0.contains("\r") }, ["", "", ""], ["x;y", "x,y", "x\ty"]]
        let text = CSV.write(rows, separator: separator)
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(text.hasSuffix("\r\n"))
        let read = CSV.read(Data(text.utf8), file: "s.csv")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(read.separator == separator)
        #expect(read.rows.map(\.cells) == rows)
        #expect(read.rows.map(\.number) == [1, 2, 3, 4])
    }

    @Test func excelStyleSemicolonsWithCRLFAndNoByteOrderMark() {
        let text = "agency;id;evidence\r\ncustoms;\"cbm-core/a\";\"Decree; 2025\r\nsecond line\"\r\n\r\nborder-guard;x;\"say \"\"hi\"\"\"\r\n"
        let read = CSV.read(Data(text.utf8), file: "s.csv")
        #expect(read.diagnostics.isEmpty)
        #expect(read.separator == .semicolon)
        #expect(read.rows.map(\.cells) == [["agency", "id", "evidence"], ["customs", "cbm-core/a", "Decree; 2025\r\nsecond line"], [""],
                                           ["border-guard", "x", "say \"hi\""]])
        #expect(read.rows.map(\.line) == [1, 2, 4, 5])
    }

    @Test func oldMacLineEndsAndSeparatorLine() {
        let read = CSV.read(Data("sep=;\ra;b\rc;d".utf8), file: "s.csv")
        #expect(read.diagnostics.isEmpty)
        #expect(read.separator == .semicolon)
        #expect(read.rows.map(\.cells) == [["a", "b"], ["c", "d"]])
    }

    @Test func unclosedQuoteIsLocated() {
        let diagnostics = CSV.read(Data("a,b\nx,\"open\ny,z\n".utf8), file: "s.csv").diagnostics
        #expect(Interview.errors(diagnostics) == [
            "s.csv:2:2: error: row 2, column B: the quote that opens this cell (line 2 of the file) is never closed, so the rest of the file would be read as one cell; close it with \", and write a quote inside a cell as \"\"",
        ])
    }

    @Test func textAfterClosingQuoteIsLocated() {
        let diagnostics = CSV.read(Data("a,b\nx,\"quoted\" more\n".utf8), file: "s.csv").diagnostics
        #expect(diagnostics.first?.description.hasPrefix("s.csv:2:2: error: row 2, column B: text follows the closing quote") == true)
    }

    @Test func wrongEncodingsAreExplained() {
        let windows1251 = Data([0x61, 0x2C, 0x62, 0x0A, 0xD2, 0xE0, 0xEC, 0xEE, 0xE6, 0xED, 0xFF])  // "Таможня" in Windows-1251
        let one = CSV.read(windows1251, file: "s.csv").diagnostics
        #expect(one.first?.description.hasPrefix("s.csv:2:1: error: the sheet is not UTF-8 text at line 2") == true)
        #expect(one.first?.message.contains("CSV UTF-8") == true)
        let two = CSV.read(Data([0xFF, 0xFE, 0x61, 0x00]), file: "s.csv").diagnostics
        #expect(two.first?.message.contains("UTF-16") == true)
        let three = CSV.read(Data([0x50, 0x4B, 0x03, 0x04, 0x14]), file: "s.xlsx").diagnostics
        #expect(three.first?.message.contains("not a CSV file") == true)
    }

    @Test func columnNames() {
        #expect(CSV.columnName(0) == "A")
        #expect(CSV.columnName(25) == "Z")
        #expect(CSV.columnName(26) == "AA")
        #expect(CSV.columnName(27) == "AB")
    }
}
