import Foundation

/// Comma-separated values as spreadsheet programs read and write them (RFC 4180): cells
/// that hold the separator, a quote or a line break are put in double quotes, and a quote
/// inside is doubled.
///
/// Files are written in UTF-8 with a byte-order mark, which tells Excel and LibreOffice
/// that the text is UTF-8 (otherwise Cyrillic turns into nonsense), and CRLF line ends.
/// They are read with or without the mark, with `,`, `;` (what Excel saves where the comma
/// is the decimal sign) or tab between cells, and with CRLF, LF or CR line ends.
public enum CSV {
    /// What separates the cells of a sheet.
    public enum Separator: String, Sendable, Hashable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"

        /// The separator's name, as `--separator` takes it.
        public var name: String {
            switch self {
            case .comma: return "comma"
            case .semicolon: return "semicolon"
            case .tab: return "tab"
            }
        }

        /// "," or "comma", ";" or "semicolon", "tab".
        public init?(name: String) {
            switch name.lowercased() {
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "\t", "tab": self = .tab
            default: return nil
            }
        }
    }

    /// One row of a sheet: its number as a spreadsheet program shows it (the first row is 1),
    /// the line of the file where it starts, and its cells.
    public struct Row: Sendable, Hashable {
        /// The row's number as a spreadsheet program shows it (the first row is 1).
        public var number: Int
        /// The line of the file where the row starts.
        public var line: Int
        /// The row's cells, as read.
        public var cells: [String]

        /// A row of a sheet.
        public init(number: Int, line: Int, cells: [String]) {
            self.number = number
            self.line = line
            self.cells = cells
        }

        /// The cell in column `index` (from 0), or an empty text when the row is shorter.
        public subscript(_ index: Int) -> String { cells.indices.contains(index) ? cells[index] : "" }

        /// Whether every cell is empty or blank.
        public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    static let byteOrderMark = "\u{FEFF}"

    /// The text of a CSV file: byte-order mark, one line per row, CRLF line ends.
    public static func write(_ rows: [[String]], separator: Separator = .comma) -> String {
        byteOrderMark + rows.map { row in
            row.map { field($0, separator: separator) }.joined(separator: separator.rawValue)
        }.joined(separator: "\r\n") + "\r\n"
    }

    /// One cell, in quotes when it holds the separator, a quote or a line break, or starts or
    /// ends with a space (which some programs would otherwise drop).
    public static func field(_ text: String, separator: Separator) -> String {
        let needsQuotes = text.unicodeScalars.contains {
            $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == separator.rawValue.unicodeScalars.first!
        } || text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// "A" for the first column, "Z" for the 26th, "AA" for the 27th: as spreadsheets name them.
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// A CSV file as read: its rows, the separator found between cells, and the problems found.
    public struct Contents: Sendable {
        /// The rows read, in the order of the file (when there is an error, those read before it,
        /// or none).
        public var rows: [Row]
        /// The separator found between cells (`,` when the file could not be read).
        public var separator: Separator
        /// Every problem found, located at the row (line) and column (cell number) where it is.
        public var diagnostics: [Diagnostic]
    }

    /// Reads a CSV file. Never throws: problems come back located at the row (line) and
    /// column (cell number) where they are, with what to do about them.
    public static func read(_ data: Data, file: String, limits: ReadLimits = .standard) -> Contents {
        func error(_ line: Int, _ column: Int, _ message: String) -> Contents {
            Contents(rows: [], separator: .comma, diagnostics: [.error(SourceLocation(file: file, line: line, column: column), message)])
        }
        if data.count > limits.maxBytes {
            let size = String(format: "%.1f MB", Double(data.count) / 1_048_576)
            return error(1, 1, "this file is \(size); cbm reads sheets of up to \(limits.maxBytes / 1_048_576) MB (a sheet for one agency is well under 1 MB). Is it the right file?")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return error(1, 1, "this sheet is saved as UTF-16 (\"Unicode Text\"); save it as CSV in UTF-8: in Excel, Save As → \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, Save As → Text CSV, character set \"Unicode (UTF-8)\"")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return error(1, 1, "this is a spreadsheet workbook (.xlsx, .xls or .ods), not a CSV file; in the spreadsheet program use Save As → \"CSV UTF-8 (Comma delimited)\" (Excel) or Text CSV (LibreOffice)")
        }
        if let problem = encodingProblem(bytes) {
            return error(problem.line, problem.column, problem.message)
        }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var parser = Parser(scalars: scalars, file: file)
        return parser.run()
    }

    private static func encodingProblem(_ bytes: [UInt8]) -> (line: Int, column: Int, message: String)? {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 {
                    return (line, column, "this looks like a binary file, not a CSV text file (it contains a zero byte at line \(line)); check that you chose the right file")
                }
                if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            var length = 0
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
            }
            if valid, length == 3 {
                let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                valid = scalar >= 0x800 && !(0xD800...0xDFFF).contains(scalar)
            } else if valid, length == 4 {
                let scalar = (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                valid = (0x10000...0x10FFFF).contains(scalar)
            }
            guard valid else {
                return (line, column, "the sheet is not UTF-8 text at line \(line) (it was probably saved as \"CSV (Comma delimited)\", which uses the Windows code page and garbles Cyrillic); save it again as \"CSV UTF-8 (Comma delimited)\" in Excel, or with the character set \"Unicode (UTF-8)\" in LibreOffice")
            }
            index += length
            column += 1
        }
        return nil
    }

    /// Splits the text into rows and cells, one character at a time.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        let file: String
        var index = 0
        var line = 1

        init(scalars: [Unicode.Scalar], file: String) {
            self.scalars = scalars
            self.file = file
        }

        private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// Consumes a line end (CRLF, LF or CR) if there is one here.
        private mutating func lineEnd() -> Bool {
            guard let c = current else { return false }
            if c == "\r" {
                index += 1
                if current == "\n" { index += 1 }
                line += 1
                return true
            }
            if c == "\n" {
                index += 1
                line += 1
                return true
            }
            return false
        }

        /// `sep=;` on the first line, which Excel writes and reads to name the separator.
        private mutating func separatorLine() -> Separator? {
            guard scalars.count >= 5, String(String.UnicodeScalarView(scalars[0..<4])).lowercased() == "sep=",
                  let separator = Separator(rawValue: String(scalars[4])) else { return nil }
            var end = 5
            while end < scalars.count, scalars[end] == " " { end += 1 }
            guard end == scalars.count || scalars[end] == "\r" || scalars[end] == "\n" else { return nil }
            index = end
            _ = lineEnd()
            return separator
        }

        /// The separator used in the first row: the one of `,` `;` and tab that occurs most
        /// often outside quotes (a comma when there is none).
        private func detectSeparator() -> Separator {
            var counts: [Separator: Int] = [:]
            var quoted = false
            var position = index
            while position < scalars.count {
                let c = scalars[position]
                if c == "\"" {
                    quoted.toggle()
                } else if !quoted {
                    if c == "\n" || c == "\r" { break }
                    if let separator = Separator(rawValue: String(c)) { counts[separator, default: 0] += 1 }
                }
                position += 1
            }
            return Separator.allCases.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }.flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil } ?? .comma
        }

        mutating func run() -> Contents {
            let separator = separatorLine() ?? detectSeparator()
            let separatorScalar = separator.rawValue.unicodeScalars.first!
            var rows: [Row] = []
            var diagnostics: [Diagnostic] = []
            while index < scalars.count {
                let number = rows.count + 1
                let startLine = line
                var cells: [String] = []
                var rowDone = false
                while !rowDone {
                    let cellNumber = cells.count + 1
                    var cell = String.UnicodeScalarView()
                    if current == "\"" {
                        let openLine = line
                        index += 1
                        var closed = false
                        while let c = current {
                            if c == "\"" {
                                if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                                    cell.append("\"")
                                    index += 2
                                    continue
                                }
                                index += 1
                                closed = true
                                break
                            }
                            if c == "\n" || (c == "\r" && !(index + 1 < scalars.count && scalars[index + 1] == "\n")) { line += 1 }
                            cell.append(c)
                            index += 1
                        }
                        if !closed {
                            diagnostics.append(.error(SourceLocation(file: file, line: number, column: cellNumber),
                                "row \(number), column \(columnName(cellNumber - 1)): the quote that opens this cell (line \(openLine) of the file) is never closed, so the rest of the file would be read as one cell; close it with \", and write a quote inside a cell as \"\""))
                            return Contents(rows: rows, separator: separator, diagnostics: diagnostics)
                        }
                        // Spaces after the closing quote are tolerated; anything else is not.
                        while let c = current, c == " " || (c == "\t" && separator != .tab) { index += 1 }
                        if let c = current, c != separatorScalar, c != "\r", c != "\n" {
                            diagnostics.append(.error(SourceLocation(file: file, line: number, column: cellNumber),
                                "row \(number), column \(columnName(cellNumber - 1)): text follows the closing quote of the cell (`\(String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 20)])).shortenedForMessage)`); a cell that starts with a quote must end with one, and a quote inside it is written \"\""))
                            return Contents(rows: rows, separator: separator, diagnostics: diagnostics)
                        }
                    } else {
                        while let c = current, c != separatorScalar, c != "\r", c != "\n" {
                            cell.append(c)
                            index += 1
                        }
                    }
                    cells.append(String(cell))
                    if current == separatorScalar {
                        index += 1
                    } else {
                        _ = lineEnd()
                        rowDone = true
                    }
                }
                rows.append(Row(number: number, line: startLine, cells: cells))
            }
            return Contents(rows: rows, separator: separator, diagnostics: diagnostics)
        }
    }
}
