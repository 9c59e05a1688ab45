import Foundation
import ZIPFoundation
@testable import CBMKit

/// Writes workbooks the way spreadsheet programs save them, to test that the import reads
/// what Excel and LibreOffice write rather than only what cbm writes: a shared string table,
/// numbers as numbers (`3` or `3.0`), formulas with their last value, rows in any order,
/// hidden rows, empty rows that only carry formatting, sheets in another order, sheets added,
/// parts named with absolute paths and an `x:` namespace prefix.
struct SpreadsheetResave {
    struct Sheet {
        var name: String
        /// Row number → cells (nil for an empty cell).
        var rows: [(number: Int, cells: [String?])]
        var hiddenRows: Set<Int> = []
    }

    var sheets: [Sheet]
    /// Cells that hold whole numbers are written as numbers, with `.0` when this is set.
    var numbersWithDecimals = false
    /// Text cells as shared strings (Excel, LibreOffice, openpyxl) or inline (other programs).
    var sharedStrings = true
    /// Cell references whose value is written as a formula with this cached result.
    var formulas: [String: String] = [:]
    /// Empty formatted rows written after the data.
    var trailingEmptyRows = 0
    var prefixed = false

    /// The sheets of an exported workbook, as read back (every row, every cell as text).
    static func sheets(of data: Data) -> [Sheet] {
        WorkbookReader.read(data, file: "x.xlsx").tables.map { table in
            Sheet(name: table.sheet, rows: table.rows.map { ($0.number, $0.cells.map { $0.isEmpty ? nil : $0 }) })
        }
    }

    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let p = prefixed ? "x:" : ""
        let ns = prefixed ? "xmlns:x" : "xmlns"
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        var sheetParts: [String] = []
        for sheet in sheets {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)worksheet \(ns)=\"\(Workbook.mainNamespace)\"><\(p)sheetData>"
            for row in sheet.rows {
                xml += "<\(p)row r=\"\(row.number)\" spans=\"1:15\"" + (sheet.hiddenRows.contains(row.number) ? " hidden=\"1\"" : "") + ">"
                for (column, cell) in row.cells.enumerated() {
                    guard let cell else { continue }
                    let reference = CSV.columnName(column) + String(row.number)
                    let escaped = XMLText.escaped(XMLText.encodedForCell(cell))
                    if let cached = formulas[reference] {
                        xml += "<\(p)c r=\"\(reference)\" t=\"str\"><\(p)f>CONCATENATE(\"\(XMLText.escaped(cached))\")</\(p)f><\(p)v>\(XMLText.escaped(cached))</\(p)v></\(p)c>"
                    } else if let number = Int(cell), String(number) == cell, !(cell.first == "0" && cell.count > 1) {
                        xml += "<\(p)c r=\"\(reference)\" s=\"0\"><\(p)v>\(cell)\(numbersWithDecimals ? ".0" : "")</\(p)v></\(p)c>"
                    } else if sharedStrings {
                        let index = stringIndex[cell] ?? {
                            strings.append(cell)
                            stringIndex[cell] = strings.count - 1
                            return strings.count - 1
                        }()
                        xml += "<\(p)c r=\"\(reference)\" t=\"s\"><\(p)v>\(index)</\(p)v></\(p)c>"
                    } else {
                        xml += "<\(p)c r=\"\(reference)\" t=\"inlineStr\"><\(p)is><\(p)r><\(p)t xml:space=\"preserve\">\(escaped)</\(p)t></\(p)r></\(p)is></\(p)c>"
                    }
                }
                xml += "</\(p)row>"
            }
            let last = sheet.rows.map(\.number).max() ?? 0
            for number in stride(from: last + 1, through: last + trailingEmptyRows, by: 1) {
                xml += "<\(p)row r=\"\(number)\" ht=\"15\" customHeight=\"1\"/>"
            }
            sheetParts.append(xml + "</\(p)sheetData></\(p)worksheet>")
        }
        // Shared strings, with a phonetic hint that must not be read as text.
        let shared = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)sst \(ns)=\"\(Workbook.mainNamespace)\" count=\"\(strings.count)\">"
            + strings.map { "<\(p)si><\(p)t xml:space=\"preserve\">\(XMLText.escaped(XMLText.encodedForCell($0)))</\(p)t><\(p)rPh sb=\"0\" eb=\"1\"><\(p)t>ヨミ</\(p)t></\(p)rPh></\(p)si>" }.joined()
            + "</\(p)sst>"
        try add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        try add("xl/workbook.xml", "<?xml version=\"1.0\"?><\(p)workbook \(ns)=\"\(Workbook.mainNamespace)\" xmlns:r=\"\(Workbook.relationshipNamespace)\"><\(p)sheets>"
            + sheets.enumerated().map { "<\(p)sheet name=\"\(XMLText.escaped($1.name))\" sheetId=\"\($0 + 7)\" r:id=\"rel\($0)\"/>" }.joined()
            + "</\(p)sheets></\(p)workbook>")
        try add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map { "<Relationship Id=\"rel\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/part\($0).xml\"/>" }.joined()
            + (sharedStrings ? "<Relationship Id=\"relS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"strings/shared.xml\"/>" : "")
            + "</Relationships>")
        if sharedStrings { try add("xl/strings/shared.xml", shared) }
        for (index, part) in sheetParts.enumerated() { try add("xl/worksheets/part\(index).xml", part) }
        return try require(archive.data)
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw UsageError("missing value") }
    return value
}

extension SpreadsheetResave {
    /// Sets the answer, evidence and comment of the row whose id is `reference`.
    mutating func fill(_ reference: String, _ answer: String?, evidence: String? = nil, comment: String? = nil) {
        for s in sheets.indices {
            for r in sheets[s].rows.indices where sheets[s].rows[r].cells.count > AgencySheet.Column.id.rawValue
                && sheets[s].rows[r].cells[AgencySheet.Column.id.rawValue] == reference {
                var cells = sheets[s].rows[r].cells
                while cells.count < AgencySheet.Column.allCases.count { cells.append(nil) }
                cells[AgencySheet.Column.answer.rawValue] = answer
                cells[AgencySheet.Column.evidence.rawValue] = evidence
                cells[AgencySheet.Column.comment.rawValue] = comment
                sheets[s].rows[r].cells = cells
                return
            }
        }
        fatalError("no row \(reference)")
    }

    /// The sheet and row number of the row whose id is `reference`.
    func place(_ reference: String) -> (sheet: Int, row: Int)? {
        for (s, sheet) in sheets.enumerated() {
            if let row = sheet.rows.first(where: { $0.cells.count > AgencySheet.Column.id.rawValue && $0.cells[AgencySheet.Column.id.rawValue] == reference }) {
                return (s, row.number)
            }
        }
        return nil
    }
}
