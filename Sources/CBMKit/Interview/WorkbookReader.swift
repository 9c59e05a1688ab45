import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the sheets of an `.xlsx` workbook as rows of text, as Excel, LibreOffice Calc or
/// openpyxl may have saved it: strings shared or inline (rich text included), numbers as
/// `3` or `3.0`, formulas by their last computed value, rows and cells in any order or with
/// gaps, hidden rows marked as such.
///
/// Bounded: the file, each part and all parts together have a size limit that is checked
/// while unpacking (a zip's own size fields are not trusted), and a sheet may hold at most
/// `Limits.maxFilledRows` rows with something in them. Never throws: problems come back
/// located, with what to do about them.
enum WorkbookReader {
    struct Limits: Sendable {
        var maxFileBytes = 20 * 1_048_576
        /// An agency's sheet is well under 1 MB, even with 10,000 characters of evidence on
        /// every row. libxml2, under XMLParser, gives up on parts of about 10 MB and more.
        var maxPartBytes = 8 * 1_048_576
        var maxTotalBytes = 64 * 1_048_576
        var maxEntries = 2_000
        var maxFilledRows = 5_000
        /// Cells right of this column are not read.
        var maxColumns = 64

        static let standard = Limits()
    }

    /// One sheet as read: its name, its rows with something in them, and which rows were hidden.
    struct Table: Sendable {
        var sheet: String
        var rows: [CSV.Row]
        var hiddenRows: Set<Int>
        var ignoredCells: Int
    }

    /// Whether the bytes start like a zip file (an `.xlsx`, `.ods` or `.docx`).
    static func isZip(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Whether the bytes start like an Office 97–2003 file (`.xls`).
    static func isLegacyOffice(_ data: Data) -> Bool { data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) }

    private struct Failure: Error { var message: String }

    static func read(_ data: Data, file: String, limits: Limits = .standard) -> (tables: [Table], diagnostics: [Diagnostic]) {
        do {
            return (try readTables(data, file: file, limits: limits), [])
        } catch let failure as Failure {
            return ([], [.error(SourceLocation(file: file, line: 1, column: 1), failure.message)])
        } catch {
            return ([], [.error(SourceLocation(file: file, line: 1, column: 1),
                                "this workbook cannot be opened (\(error)); open it in Excel or LibreOffice Calc, save it again as an Excel workbook (.xlsx) and import that")])
        }
    }

    private static func readTables(_ data: Data, file: String, limits: Limits) throws -> [Table] {
        let saveAgain = "open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx), or start again from the workbook `cbm export-sheet` writes"
        if isLegacyOffice(data) {
            throw Failure(message: "this is an Excel 97–2003 workbook (.xls), whatever its name says; cbm reads the newer format: open it in Excel and use Save As → \"Excel Workbook (*.xlsx)\" (in LibreOffice Calc: Save As → \"Excel 2007-365 (.xlsx)\"), then import the saved file")
        }
        guard isZip(data) else {
            throw Failure(message: "this is not an Excel workbook: an .xlsx file is a zip archive, and this file is not one (is it a CSV file or a document renamed to .xlsx?); \(saveAgain)")
        }
        if data.count > limits.maxFileBytes {
            throw Failure(message: "this workbook is \(megabytes(data.count)); cbm reads workbooks of up to \(megabytes(limits.maxFileBytes)) (a workbook for one agency is well under 1 MB). Is it the right file?")
        }
        // Read from a file of its own: ZIPFoundation's in-memory archive traps on some
        // damaged files (it reads past the end of its buffer); the file-backed one does not.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-workbook-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            // The zeros need to be twice the largest part that may be unpacked (see writePadded).
            try writePadded(data, to: temporary, zeros: 0)
            var largest = 0
            if let probe = try? Archive(url: temporary, accessMode: .read, pathEncoding: nil) {
                for (index, entry) in probe.enumerated() {
                    largest = max(largest, Int(min(entry.uncompressedSize, UInt64(limits.maxPartBytes))))
                    if index > limits.maxEntries { break }
                }
            }
            try writePadded(data, to: temporary, zeros: 2 * largest + 65_536)
        } catch {
            throw Failure(message: "cannot read the workbook: no room for a temporary copy in \(FileManager.default.temporaryDirectory.path)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: temporary, accessMode: .read)
        } catch {
            throw Failure(message: "this workbook is damaged: its zip archive cannot be read (\(error)); \(saveAgain)")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            entries[entry.path] = entry
            if entries.count > limits.maxEntries {
                throw Failure(message: "this workbook holds more than \(limits.maxEntries) files inside its zip archive, far more than a workbook has; is it the right file?")
            }
        }
        if entries["xl/workbook.xml"] == nil {
            if entries["content.xml"] != nil || entries["mimetype"] != nil {
                throw Failure(message: "this is an OpenDocument spreadsheet (.ods), not an Excel workbook; in LibreOffice Calc use Save As → \"Excel 2007-365 (.xlsx)\" and import the saved file")
            }
            if entries["word/document.xml"] != nil {
                throw Failure(message: "this is a Word document, not an Excel workbook; give the workbook that `cbm export-sheet` wrote")
            }
            throw Failure(message: "this zip archive is not an Excel workbook (it has no xl/workbook.xml); \(saveAgain)")
        }

        var unpacked = 0
        func part(_ path: String) throws -> Data? {
            guard let entry = entries[path] else { return nil }
            let tooBig = "the part \(path) of this workbook is larger than \(megabytes(limits.maxPartBytes)) once unpacked; a workbook for one agency is well under 1 MB, so this file holds something else (many thousands of rows?) or is damaged. Is it the right file?"
            if entry.uncompressedSize > UInt64(limits.maxPartBytes) { throw Failure(message: tooBig) }
            var bytes = Data()
            let damaged = "the part \(path) of this workbook is damaged"
            do {
                let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > Int(entry.uncompressedSize) {
                        throw Failure(message: "\(damaged) (it unpacks to more than the size the file records); \(saveAgain)")
                    }
                    if bytes.count > limits.maxPartBytes { throw Failure(message: tooBig) }
                    if unpacked + bytes.count > limits.maxTotalBytes {
                        throw Failure(message: "this workbook is larger than \(megabytes(limits.maxTotalBytes)) once unpacked; a workbook for one agency is well under 1 MB, so this file holds something else or is damaged. Is it the right file?")
                    }
                }
                if checksum != entry.checksum || bytes.count != Int(entry.uncompressedSize) {
                    throw Failure(message: "\(damaged) (its contents do not match the checksum the file records); \(saveAgain)")
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(message: "\(damaged) (\(error)); \(saveAgain)")
            }
            // XMLParser is only given well-formed UTF-8 (Excel writes nothing else): it may
            // stop the program on other bytes.
            if bytes.contains(0) || !String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes) {
                throw Failure(message: "\(damaged): it is not UTF-8 text as Excel and LibreOffice write it; \(saveAgain)")
            }
            unpacked += bytes.count
            if let marker = ["<!DOCTYPE", "<!ENTITY"].first(where: { bytes.range(of: Data($0.utf8)) != nil }) {
                throw Failure(message: "the part \(path) of this workbook declares \(marker == "<!DOCTYPE" ? "a document type" : "an entity"), which Excel and LibreOffice never write; cbm does not read such files. \(saveAgain.prefix(1).uppercased() + saveAgain.dropFirst())")
            }
            return bytes
        }

        // The sheets, in the workbook's order, and where each one's part is.
        guard let workbookXML = try part("xl/workbook.xml") else { throw Failure(message: "the workbook has no xl/workbook.xml") }
        let sheets = try parse(workbookXML, path: "xl/workbook.xml", into: SheetListParser()).sheets
        let relationships = try part("xl/_rels/workbook.xml.rels").map { try parse($0, path: "xl/_rels/workbook.xml.rels", into: RelationshipParser()).targets } ?? [:]
        var sharedStrings: [String] = []
        let sharedPath = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target) } ?? "xl/sharedStrings.xml"
        if let xml = try part(sharedPath) {
            sharedStrings = try parse(xml, path: sharedPath, into: SharedStringParser()).strings
        }

        var tables: [Table] = []
        for sheet in sheets {
            let path = relationships[sheet.relationship].map { resolve($0.target) } ?? ""
            guard let xml = try part(path) else { continue }  // a chart sheet or a missing part: nothing to read
            let parser = try parse(xml, path: path, into: WorksheetParser(sharedStrings: sharedStrings, limits: limits))
            if parser.tooManyRows {
                throw Failure(message: "the sheet `\(sheet.name.shortenedForMessage)` has more than \(limits.maxFilledRows) filled rows; an agency's sheet has one row per question (a few hundred at most). Is it the right file, or was something pasted into a whole column?")
            }
            if let bad = parser.badReference {
                throw Failure(message: "the sheet `\(sheet.name.shortenedForMessage)` has a cell with the impossible reference `\(bad.shortenedForMessage)`; \(saveAgain)")
            }
            tables.append(Table(sheet: sheet.name, rows: parser.rows.sorted { $0.number < $1.number }, hiddenRows: parser.hiddenRows,
                                ignoredCells: parser.ignoredCells))
        }
        return tables
    }

    /// Writes the zip followed by `zeros` zero bytes, then its end record again.
    ///
    /// ZIPFoundation 0.9.20 inflates an entry until its compressed stream says it has ended,
    /// reading on past the entry; when a damaged stream reaches the end of the file, it loops
    /// for ever (`Data.decode` in Data+Compression.swift). Zeros are no ending: an inflater
    /// fed them stops with an error, or puts out at least one byte for every two read, so
    /// that an entry's output passes its recorded size (at most `maxPartBytes`, which `part`
    /// refuses to pass) well before the zeros run out. The end record is repeated last,
    /// where zip readers look for it; its offsets count from the start of the file and stay
    /// right. A zip without a plain end record (Zip64, or none found) is written as it is.
    static func writePadded(_ data: Data, to url: URL, zeros: Int) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard zeros > 0, let end = endRecord(of: data) else { return }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        let block = Data(count: 1 << 20)
        var left = zeros
        while left > 0 {
            try handle.write(contentsOf: block.prefix(left))
            left -= block.count
        }
        try handle.write(contentsOf: end)
    }

    /// The zip's end-of-central-directory record (without its comment), or nil when there
    /// is none in the last 64 KB or the zip is a Zip64 one.
    static func endRecord(of data: Data) -> Data? {
        let bytes = [UInt8](data.suffix(22 + 65_535))
        guard bytes.count >= 22 else { return nil }
        var index = bytes.count - 22
        while index >= 0, !(bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 0x05 && bytes[index + 3] == 0x06) {
            index -= 1
        }
        guard index >= 0 else { return nil }
        if index >= 20, bytes[index - 20..<index - 16].elementsEqual([0x50, 0x4B, 0x06, 0x07]) { return nil }
        return Data(bytes[index..<index + 20] + [0, 0])
    }

    /// A relationship target as a path inside the zip: `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`.
    private static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    private static func parse<P: PartParser>(_ data: Data, path: String, into delegate: P) throws -> P {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // On Linux, parse() may return true after an error; the error is reported all the same.
        let parsed = parser.parse()
        // It also reports nothing for a part of fewer than 4 bytes, which cannot hold an element.
        if !delegate.stopped, !parsed || parser.parserError != nil || delegate.errorLine != nil || data.count < 4 {
            let code = (parser.parserError as NSError?).map { " (XML error \($0.code))" } ?? ""
            throw Failure(message: "the part \(path) of this workbook is not well-formed XML at line \(max(1, delegate.errorLine ?? parser.lineNumber))\(code); open the workbook in Excel or LibreOffice Calc, save it again as an Excel workbook (.xlsx) and import that")
        }
        return delegate
    }

    private static func megabytes(_ count: Int) -> String {
        String(format: "%.0f MB", Double(count) / 1_048_576)
    }
}
