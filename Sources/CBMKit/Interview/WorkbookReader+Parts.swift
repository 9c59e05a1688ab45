import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - Parts

extension WorkbookReader {

    /// An XMLParser delegate for one part; `stopped` when it aborted on purpose. Subclasses
    /// override the three callbacks (they are declared here so that calls reach the overrides).
    class PartParser: NSObject, XMLParserDelegate {
        var stopped = false
        /// Where the first XML error was found.
        var errorLine: Int?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if errorLine == nil { errorLine = parser.lineNumber }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {}

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {}

        func parser(_ parser: XMLParser, foundCharacters string: String) {}

        /// The element's name without its namespace prefix (`x:row` → `row`).
        static func local(_ name: String) -> String {
            name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
        }

        /// An attribute by its name without namespace prefix (`r:id` → `id`).
        static func attribute(_ attributes: [String: String], _ name: String) -> String? {
            if let value = attributes[name] { return value }
            return attributes.first { local($0.key) == name }?.value
        }
    }

    /// `xl/workbook.xml`: the sheets' names and relationship ids.
    final class SheetListParser: PartParser {
        var sheets: [(name: String, relationship: String)] = []

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard Self.local(elementName) == "sheet", let name = attributes["name"] else { return }
            sheets.append((name, attributes["r:id"] ?? Self.attribute(attributes, "id") ?? ""))
        }
    }

    /// `xl/_rels/workbook.xml.rels`: relationship id → target and type.
    final class RelationshipParser: PartParser {
        var targets: [String: (target: String, type: String)] = [:]

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard Self.local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            targets[id] = (target, attributes["Type"] ?? "")
        }
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text, runs joined, phonetic hints left out.
    final class SharedStringParser: PartParser {
        var strings: [String] = []
        private var current = ""
        private var inItem = false, inText = false, phonetic = 0

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch Self.local(elementName) {
            case "si": inItem = true; current = ""
            case "rPh": phonetic += 1
            case "t": inText = inItem && phonetic == 0
            default: break
            }
        }

        override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch Self.local(elementName) {
            case "si": strings.append(XMLText.decodedFromCell(current)); inItem = false
            case "rPh": phonetic -= 1
            case "t": inText = false
            default: break
            }
        }

        override func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }

    /// A worksheet part: the value of every cell, row by row.
    final class WorksheetParser: PartParser {
        let sharedStrings: [String]
        let limits: WorkbookReader.Limits
        var rows: [CSV.Row] = []
        var hiddenRows: Set<Int> = []
        var ignoredCells = 0
        var tooManyRows = false
        var badReference: String?

        private var rowNumber = 0
        private var rowHidden = false
        private var cells: [Int: String] = [:]
        private var column = -1
        private var cellType = ""
        private var value = ""
        private var inline = ""
        private var inValue = false, inInlineText = false, inInline = false, phonetic = 0

        init(sharedStrings: [String], limits: WorkbookReader.Limits) {
            self.sharedStrings = sharedStrings
            self.limits = limits
        }

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch Self.local(elementName) {
            case "row":
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                rowHidden = ["1", "true"].contains(attributes["hidden"] ?? "")
                cells = [:]
                column = -1
            case "c":
                if let reference = attributes["r"] {
                    guard let parsed = Self.columnIndex(reference) else {
                        badReference = reference
                        stop(parser)
                        return
                    }
                    column = parsed
                } else {
                    column += 1
                }
                cellType = attributes["t"] ?? "n"
                value = ""
                inline = ""
            case "v": inValue = true
            case "is": inInline = true
            case "rPh": phonetic += 1
            case "t": inInlineText = inInline && phonetic == 0
            default: break
            }
        }

        override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch Self.local(elementName) {
            case "v": inValue = false
            case "is": inInline = false
            case "rPh": phonetic -= 1
            case "t": inInlineText = false
            case "c":
                let text = cellText()
                guard !text.isEmpty else { return }
                if column >= limits.maxColumns { ignoredCells += 1; return }
                cells[column] = text
            case "row":
                guard !cells.isEmpty else { return }
                if rows.count >= limits.maxFilledRows {
                    tooManyRows = true
                    stop(parser)
                    return
                }
                let width = (cells.keys.max() ?? -1) + 1
                rows.append(CSV.Row(number: rowNumber, line: rowNumber, cells: (0..<width).map { cells[$0] ?? "" }))
                if rowHidden { hiddenRows.insert(rowNumber) }
            default: break
            }
        }

        override func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inInlineText { inline += string }
        }

        private func stop(_ parser: XMLParser) {
            stopped = true
            parser.abortParsing()
        }

        /// What the cell shows as text: the shared or inline string, or the value (a formula's
        /// last result); whole numbers without decimals (`3.0` → `3`).
        private func cellText() -> String {
            switch cellType {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else { return "" }
                return sharedStrings[index]
            case "inlineStr":
                return XMLText.decodedFromCell(inline)
            case "str":
                return XMLText.decodedFromCell(value)
            case "b":
                return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "n":
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                guard let number = Double(trimmed), number.isFinite else { return trimmed }
                if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
                // As Excel shows it: 15 significant digits (1.1000000000000001 → 1.1).
                return String(format: "%.15g", number)
            default:
                return value
            }
        }

        /// `M12` → 12 (zero-based column index), nil when it is not a cell reference.
        static func columnIndex(_ reference: String) -> Int? {
            var index = 0
            var letters = 0
            var digits = 0
            for scalar in reference.unicodeScalars {
                switch scalar {
                case "A"..."Z" where digits == 0:
                    index = index * 26 + Int(scalar.value - 64)
                    letters += 1
                case "a"..."z" where digits == 0:
                    index = index * 26 + Int(scalar.value - 96)
                    letters += 1
                case "$" where digits == 0:
                    continue
                case "0"..."9" where letters > 0:
                    digits += 1
                default:
                    return nil
                }
                if letters > 3 { return nil }
            }
            guard letters > 0, index <= 16_384 else { return nil }
            return index - 1
        }
    }
}
