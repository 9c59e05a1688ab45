import Foundation
import Testing
import ZIPFoundation
@testable import CBMKit

@Suite("Agency workbook: files that are not one")
struct WorkbookRefusalTests {
    private func message(_ data: Data, file: String = "customs.xlsx") -> String {
        let merge = SheetMerge.merge(data, file: file, into: WorkbookFixture.mini, assessmentFile: "a.yaml", catalog: Fixtures.catalog)
        let diagnostics = merge.diagnostics
        #expect(merge.value == nil)
        #expect(diagnostics.errors.count == 1, "\(diagnostics)")
        return diagnostics.errors.first?.description ?? ""
    }

    private func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// A minimal workbook whose only sheet part is `sheet`.
    private func workbook(sheet: Data) throws -> Data {
        try zip([
            ("xl/workbook.xml", Data("<workbook xmlns=\"\(Workbook.mainNamespace)\" xmlns:r=\"\(Workbook.relationshipNamespace)\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    @Test func notAZipOrAnOldWorkbook() throws {
        #expect(message(Data("agency,id\ncustoms,x\n".utf8)).hasPrefix("customs.xlsx:1:1: error: this is not an Excel workbook: an .xlsx file is a zip archive, and this file is not one"))
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        #expect(message(xls).contains("this is an Excel 97–2003 workbook (.xls), whatever its name says"))
        #expect(message(xls, file: "customs.csv").contains("Excel 97–2003"))
        #expect(message(try zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data())])).contains("OpenDocument spreadsheet (.ods)"))
        #expect(message(try zip([("word/document.xml", Data("<w/>".utf8))])).contains("this is a Word document"))
        #expect(message(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])).contains("this workbook is damaged"))
    }

    @Test func noSheetWithTheColumns() throws {
        let sheet = Data("<worksheet xmlns=\"\(Workbook.mainNamespace)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Budget</t></is></c></row></sheetData></worksheet>".utf8)
        #expect(message(try workbook(sheet: sheet)) == "customs.xlsx:1:1: error: no sheet of this workbook has the columns cbm reads (agency, id, level or status, evidence, comment); its sheets are `Sheet1`. Start from the workbook `cbm export-sheet` writes, and keep its header rows")
    }

    @Test func brokenXMLAndDocumentTypes() throws {
        for broken in ["<worksheet><sheetData><row>", "<worksheet><sheetData><row></c></worksheet>", "<a>&undefined;</a>", "<a/", ""] {
            #expect(message(try workbook(sheet: Data(broken.utf8))).contains("the part xl/worksheets/sheet1.xml of this workbook is not well-formed XML at line 1"))
        }
        let entities = "<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><worksheet>&lol2;</worksheet>"
        #expect(message(try workbook(sheet: Data(entities.utf8))).contains("declares a document type, which Excel and LibreOffice never write"))
    }

    @Test func zipBombsStopAtTheLimit() throws {
        let started = Date()
        // Honest sizes: refused before unpacking.
        let big = Data(repeating: 0x20, count: 60 * 1_048_576)
        #expect(message(try workbook(sheet: big)).contains("the part xl/worksheets/sheet1.xml of this workbook is larger than 8 MB once unpacked"))
        // Sizes that lie: unpacking stops at the limit.
        var lying = try workbook(sheet: big)
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        var searchFrom = lying.startIndex
        while let found = lying.range(of: name, in: searchFrom..<lying.endIndex) {
            let start = found.lowerBound
            if lying[start - 46..<start - 42] == Data([0x50, 0x4B, 0x01, 0x02]) {         // central directory: size at 24
                lying.replaceSubrange(start - 46 + 24..<start - 46 + 28, with: [0xE8, 0x03, 0, 0])
            } else if lying[start - 30..<start - 26] == Data([0x50, 0x4B, 0x03, 0x04]) {  // local header: size at 22
                lying.replaceSubrange(start - 30 + 22..<start - 30 + 26, with: [0xE8, 0x03, 0, 0])
            }
            searchFrom = found.upperBound
        }
        #expect(message(lying).contains("the part xl/worksheets/sheet1.xml of this workbook is damaged (it unpacks to more than the size the file records)"))
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func aMillionRowsStopAtTheLimit() throws {
        var xml = [UInt8]("<worksheet xmlns=\"\(Workbook.mainNamespace)\"><sheetData>".utf8)
        xml.reserveCapacity(50_000_000)
        for row in 1...1_048_576 { xml += Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>1</v></c></row>".utf8) }
        xml += Array("</sheetData></worksheet>".utf8)
        let data = try workbook(sheet: Data(xml))
        let started = Date()
        #expect(message(data).contains("the part xl/worksheets/sheet1.xml of this workbook is larger than 8 MB once unpacked"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func filledRowsAreCounted() throws {
        var xml = "<worksheet xmlns=\"\(Workbook.mainNamespace)\"><sheetData>"
        for row in 1...200 { xml += "<row r=\"\(row)\"><c r=\"A\(row)\"><v>1</v></c></row><row r=\"\(row + 1000)\" ht=\"15\"/>" }
        xml += "</sheetData></worksheet>"
        var limits = WorkbookReader.Limits.standard
        limits.maxFilledRows = 150
        let (tables, diagnostics) = WorkbookReader.read(try workbook(sheet: Data(xml.utf8)), file: "big.xlsx", limits: limits)
        #expect(tables.isEmpty)
        #expect(diagnostics.map(\.description) == ["big.xlsx:1:1: error: the sheet `Sheet1` has more than 150 filled rows; an agency's sheet has one row per question (a few hundred at most). Is it the right file, or was something pasted into a whole column?"])
        limits.maxFilledRows = 200
        #expect(WorkbookReader.read(try workbook(sheet: Data(xml.utf8)), file: "big.xlsx", limits: limits).tables.first?.rows.count == 200)
    }
}
