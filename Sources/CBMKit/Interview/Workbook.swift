import Foundation
import ZIPFoundation

/// A spreadsheet workbook as cbm writes it: sheets of text cells with a few styles, column
/// widths, a frozen header, dropdown lists and sheet protection, saved as an Office Open XML
/// file (`.xlsx`) that Excel, LibreOffice Calc and openpyxl open.
///
/// Every cell is written as text (an inline string), never as a formula: a text that starts
/// with `=`, `+`, `-` or `@` is shown as it is and never run. Editable cells also get the
/// text number format (`@`), so that what a respondent types there stays text too.
struct Workbook: Sendable {
    /// How a cell looks; each is one entry of `cellXfs` in the styles part.
    enum Style: Int, Sendable {
        case plain = 0
        /// Wrapped, top-aligned, thin border, locked: question texts.
        case reading = 1
        /// Wrapped, top-aligned, yellow, unlocked and formatted as text: the answer columns.
        case answer = 2
        /// Bold on grey, wrapped: the column headers.
        case header = 3
        /// Large bold: the title of a sheet.
        case title = 4
        /// Wrapped without border: the instructions.
        case paragraph = 5
        /// Bold: a heading in the instructions.
        case bold = 6
    }

    struct Cell: Sendable {
        var text: String
        var style: Style
    }

    /// A dropdown list on a range of cells, with the message shown when something else is entered.
    struct ListValidation: Sendable {
        var range: String
        var values: [String]
        var errorTitle: String
        var error: String
        var promptTitle: String
        var prompt: String
    }

    struct Sheet: Sendable {
        var name: String
        /// Widths in characters, for columns A, B, …
        var columnWidths: [Double] = []
        /// Row by row; nil for an empty cell.
        var rows: [[Cell?]] = []
        /// Rows kept in view while scrolling (0: none).
        var frozenRows = 0
        var validations: [ListValidation] = []
        /// The range that gets filter buttons, such as `A4:O40`.
        var autoFilter: String?
        var protected = true
        /// The cell selected when the sheet is opened.
        var activeCell = "A1"
    }

    var sheets: [Sheet]

    // MARK: - Writing

    /// The workbook as the bytes of an `.xlsx` file.
    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        // A fixed date keeps the file the same from one export to the next.
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add("_rels/.rels", Self.packageRelationships)
        try add("xl/workbook.xml", workbookPart)
        try add("xl/_rels/workbook.xml.rels", workbookRelationships)
        try add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet, selected: index == 0))
        }
        guard let data = archive.data else { throw UsageError("the workbook could not be assembled in memory") }
        return data
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    private var contentTypes: String {
        Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets.indices.map {
                "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "</Types>"
    }

    private static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private var workbookPart: String {
        var filters = ""
        for (index, sheet) in sheets.enumerated() {
            guard let range = sheet.autoFilter else { continue }
            let absolute = range.split(separator: ":").map { reference in
                "$" + reference.prefix(while: \.isLetter) + "$" + reference.drop(while: \.isLetter)
            }.joined(separator: ":")
            filters += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + XMLText.escaped("'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'!" + absolute) + "</definedName>"
        }
        return Self.declaration + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
            + sheets.enumerated().map { index, sheet in
                "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            }.joined()
            + "</sheets>" + (filters.isEmpty ? "" : "<definedNames>\(filters)</definedNames>") + "</workbook>"
    }

    private var workbookRelationships: String {
        Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map {
                "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Fonts, fills, borders and the cell formats of `Style`, in the order of its raw values.
    private static let styles: String = {
        let border = "<border><left style=\"thin\"><color rgb=\"FFBFBFBF\"/></left><right style=\"thin\"><color rgb=\"FFBFBFBF\"/></right>"
            + "<top style=\"thin\"><color rgb=\"FFBFBFBF\"/></top><bottom style=\"thin\"><color rgb=\"FFBFBFBF\"/></bottom><diagonal/></border>"
        let wrap = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        let formats = [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\">\(wrap)</xf>",
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\">\(wrap)<protection locked=\"0\"/></xf>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">\(wrap)</xf>",
            "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">\(wrap)</xf>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
        ]
        return declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
            + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\(border)</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(formats.count)\">" + formats.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()

    /// One worksheet part. Elements follow the order the schema requires (Excel refuses others).
    static func worksheet(_ sheet: Sheet, selected: Bool) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        // Printed one page wide, as many pages long as needed.
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"\(sheet.activeCell)\" sqref=\"\(sheet.activeCell)\"/>"
        } else {
            xml += "<selection activeCell=\"\(sheet.activeCell)\" sqref=\"\(sheet.activeCell)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>" + sheet.columnWidths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (index, row) in sheet.rows.enumerated() {
            let number = index + 1
            let height = rowHeight(row, widths: sheet.columnWidths)
            xml += "<row r=\"\(number)\"" + (height > 15 ? " ht=\"\(height)\"" : "") + ">"
            for (column, cell) in row.enumerated() {
                guard let cell else { continue }
                let reference = CSV.columnName(column) + String(number)
                if cell.text.isEmpty {
                    xml += "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\"/>"
                } else {
                    xml += "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                        + XMLText.escaped(XMLText.encodedForCell(cell.text)) + "</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.protected {
            // Without a password; the respondent may still resize, filter and select.
            xml += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" autoFilter=\"0\"/>"
        }
        if let range = sheet.autoFilter { xml += "<autoFilter ref=\"\(range)\"/>" }
        if !sheet.validations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                xml += "<dataValidation type=\"list\" errorStyle=\"stop\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                    + " errorTitle=\"\(XMLText.escaped(String(validation.errorTitle.prefix(32))))\""
                    + " error=\"\(XMLText.escaped(String(validation.error.prefix(225))))\""
                    + " promptTitle=\"\(XMLText.escaped(String(validation.promptTitle.prefix(32))))\""
                    + " prompt=\"\(XMLText.escaped(String(validation.prompt.prefix(255))))\""
                    + " sqref=\"\(validation.range)\">"
                    + "<formula1>" + XMLText.escaped("\"" + validation.values.joined(separator: ",") + "\"") + "</formula1>"
                    + "</dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup orientation=\"landscape\" paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    /// A height (in points) at which every wrapped cell of the row shows its whole text:
    /// lines estimated from the text's length and the column's width, 15 points a line.
    /// Spreadsheet programs adjust it again when a cell is edited.
    static func rowHeight(_ row: [Cell?], widths: [Double]) -> Double {
        var lines = 1
        for (column, cell) in row.enumerated() {
            guard let cell, cell.style == .reading || cell.style == .answer || cell.style == .header || cell.style == .paragraph,
                  column < widths.count else { continue }
            let perLine = max(1, Int(widths[column] * 1.1) - 1)
            let count = cell.text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, paragraph in
                total + max(1, (paragraph.count + perLine - 1) / perLine)
            }
            lines = max(lines, count)
        }
        let title = row.contains { $0?.style == .title }
        return min(409, max(Double(lines) * 15, title ? 21 : 0))
    }
}
