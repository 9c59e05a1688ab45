import Foundation
import Mustache

public enum ReportFormat: String, Sendable, CaseIterable {
    case html
    case md

    public var fileExtension: String { rawValue }
}

public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Renders the assessment-mission report from a `ScoreCard` with the templates bundled as
/// package resources.
public enum ReportRenderer {
    /// Escapes user text for GitHub-flavoured Markdown: inert HTML, no table breaks, no
    /// accidental emphasis, links, code or lists.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Markdown.escape(text) }
    }

    /// Used by every `.html` template (see `makeLibrary`) instead of Mustache's default escaping.
    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// The templates of one format (`html` or `md`), parsed when that format is first used:
    /// parsing takes longer than rendering a report, so a command parses only what it writes.
    private static let htmlLibrary = makeLibrary(format: "html")
    private static let markdownLibrary = makeLibrary(format: "md")

    private static func makeLibrary(format: String) -> Result<MustacheLibrary, ReportError> {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "CBM_HTML")
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            return .failure(ReportError(description: "the report templates were not found next to the program; reinstall cbm"))
        }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".\(format).mustache") {
            let url = directory.appendingPathComponent(file)
            do {
                var text = try String(contentsOf: url, encoding: .utf8)
                if format == "html" { text = "{{% CONTENT_TYPE: CBM_HTML}}" + text }
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                return .failure(ReportError(description: "the report template \(file) could not be read: \(error)"))
            }
        }
        return .success(library)
    }

    /// The mission report. With `trend` (built from this and earlier assessments), it gains
    /// a chapter on progress since the earliest one. Throws `UnsupportedLanguage` for a
    /// language cbm has no texts for.
    public static func render(
        _ card: ScoreCard, catalog: Catalog, format: ReportFormat, language: String = LocalizedText.defaultLanguage,
        trend: TrendReport? = nil
    ) throws -> String {
        let strings = try StringTable.forLanguage(language)
        var model = ReportModel(card: card, catalog: catalog, language: language, trend: trend)
        model.t = strings.templateTexts(html: format == .html, values: ["threshold": model.provisionalThreshold])
        return try render(model, template: "report.\(format.rawValue)")
    }

    /// The year-over-year report of several assessments of one country.
    public static func renderTrend(_ trend: TrendReport, format: ReportFormat, language: String = LocalizedText.defaultLanguage) throws -> String {
        let strings = try StringTable.forLanguage(language)
        let title = trend.periods.count > 1
            ? strings.text("trend.document_title_span", ["country": trend.country, "first": trend.periods.first!, "last": trend.periods.last!])
            : strings.text("trend.document_title", ["country": trend.country])
        let document = TrendDocument(title: title, generator: ReportModel.generatorName, pageHeaderCSS: ReportModel.cssString(title),
                                     language: language, t: strings.templateTexts(html: format == .html), trend: TrendModel(trend, strings: strings))
        return try render(document, template: "trend.\(format.rawValue)")
    }

    /// The comparison of several countries, and of the two sides of crossing points.
    /// Throws `UnsupportedLanguage` for a language cbm has no texts for.
    public static func renderComparison(_ comparison: RegionalComparison, format: ReportFormat,
                                        language: String = LocalizedText.defaultLanguage) throws -> String {
        let strings = try StringTable.forLanguage(language)
        let periods = Set(comparison.countries.map(\.period) + comparison.crossings.flatMap { $0.sides.map(\.period) }).sorted(by: PeriodOrder.precedes)
        let subject = strings.text(comparison.countries.isEmpty ? "compare.title_crossings" : "compare.title_region")
        let title = subject + (periods.isEmpty ? "" : " " + periods.joined(separator: ", "))
        let model = ComparisonViewModel(comparison, title: title, generator: ReportModel.generatorName, pageHeaderCSS: ReportModel.cssString(title),
                                        strings: strings, format: format)
        return try render(model, template: "compare.\(format.rawValue)")
    }

    static func render(_ model: Any, template: String) throws -> String {
        let library = try (template.hasSuffix(".md") ? markdownLibrary : htmlLibrary).get()
        guard let output = library.render(MustacheModel.value(of: model) ?? model, withTemplate: template) else {
            throw ReportError(description: "the report template \(template) is missing; reinstall cbm")
        }
        // Text, charts and all: no direction control in user text can reorder what is shown.
        return DirectionControls.shown(output)
    }

    /// The file name a report gets by default: `arventa-2026.html` for `arventa-2026.yaml`.
    public static func defaultOutputPath(for assessmentPath: String, format: ReportFormat) -> String {
        let url = URL(fileURLWithPath: assessmentPath)
        return url.deletingPathExtension().lastPathComponent + "." + format.fileExtension
    }
}

struct TrendDocument {
    var title: String
    var generator: String
    var pageHeaderCSS: String
    var language: String
    /// cbm's own texts in the report's language, for the templates (`{{{t.trend.…}}}`).
    var t: [String: Any]
    var trend: TrendModel
}

/// The report model as dictionaries and arrays, read by reflection once. Mustache looks up
/// every `{{name}}` in a struct by reflecting all of its fields (and those of every struct
/// around it, until it finds the name), which took half the time of a report; a dictionary
/// answers at once. Nil fields are left out, as Mustache treats them as missing anyway.
enum MustacheModel {
    static func value(of value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.flatMap { Self.value(of: $0.value) }
        case .struct?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = Self.value(of: child.value) { fields[label] = field }
            }
            return fields
        case .collection?:
            guard let array = value as? [Any] else { return value }
            return array.map { Self.value(of: $0) ?? NSNull() }
        default:
            return value
        }
    }
}

public enum Markdown {
    /// Makes untrusted text safe and literal in Markdown, including inside table cells.
    ///
    /// Works on Unicode scalars, as Markdown and HTML parsers do: a `<` or `|` that Swift
    /// joins with the character before or after it into one Character (after U+0600, before a
    /// combining accent) must still be escaped. Control characters are dropped.
    public static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        let leadingDigits = scalars.prefix { $0.properties.numericType != nil }.count
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "\r" where offset + 1 < scalars.count && scalars[offset + 1] == "\n": continue  // CRLF: one break, at the LF
            case "\n", "\r": out += "<br>"  // kept as an HTML break: a real one would end a table row or a list item
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "[", "]", "~", "$": out += "\\" + String(scalar)
            case "#", "-", "+", "=": out += offset == 0 ? "\\" + String(scalar) : String(scalar)
            case ".", ")":
                // "2026. " or "1) " at the start would turn the text into a numbered list.
                let next: Unicode.Scalar = offset + 1 < scalars.count ? scalars[offset + 1] : " "
                let listMarker = offset > 0 && offset == leadingDigits && next.properties.isWhitespace
                out += listMarker ? "\\" + String(scalar) : String(scalar)
            default:
                if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) { continue }
                if DirectionControls.isControl(scalar) {
                    // Shown, not obeyed; its brackets escaped, so that no link can follow.
                    out += "\\" + DirectionControls.mark(scalar).dropLast() + "\\]"
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Markdown {
    /// True when `escape` would return the text unchanged (most texts): no byte it changes,
    /// and no digit, `#`, `-`, `+` or `=` at the start.
    static func isPlain(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || "#-+=".utf8.contains(first) { return false }
        var mayHoldDirectionControl = false
        let plain = !text.utf8.contains { byte in
            if byte == 0xD8 || byte == 0xE2 { mayHoldDirectionControl = true }
            return byte < 0x20 && byte != 0x09 || byte == 0x7F || byte == 0xC2 || "<>&|\\`*_[]~$".utf8.contains(byte)
        }
        return plain && !(mayHoldDirectionControl && text.unicodeScalars.contains(where: DirectionControls.isControl))
    }
}

/// Escapes text for HTML by Unicode scalars. Mustache's own HTML escaping compares whole
/// Characters, so a `<` or `"` joined with its neighbour into one Character (after U+0600,
/// before a combining accent) passed through unescaped, and could open a tag or close an
/// attribute. Control characters, which HTML does not allow, are dropped.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // By UTF-8 bytes: every byte to change is ASCII (or a C1 control, C2 80–C2 9F), and
        // most texts have none, so they are returned as they are.
        let utf8 = text.utf8
        guard utf8.contains(where: { needsWork($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var previous: UInt8 = 0
        for byte in utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: continue  // control characters are not allowed in HTML
            case 0x80...0x9F where previous == 0xC2: out.removeLast()  // a C1 control character
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xC2: return true
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20 || byte == 0x7F
        }
    }
}

/// Writes output files so that a reader never sees half a file, nothing is overwritten unless
/// asked, and no input is ever overwritten.
///
/// What happens depends on what is at the path (links followed):
/// - nothing: the file is created, in one step;
/// - a regular file: refused, unless `overwrite`; then replaced in one step (a symbolic link
///   stays a link, to the new file), keeping the old file's permissions;
/// - a terminal, a device such as `/dev/null`, or a pipe: written to, as the shell's `>` would
///   (nothing is replaced, so `--force` is not needed);
/// - a folder, a socket, a disk (block device) or a link to nothing: refused.
/// A path that names one of `inputs` (the same file, however the path is spelled: compared
/// by device and inode) is always refused.
public enum OutputFile {
    public struct Exists: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) already exists; give --force to replace it, or choose another name with -o" }
    }

    /// The output would replace a file that the command reads.
    public struct SameAsInput: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var input: String
        public var description: String {
            let same = path == input ? "" : " (the same file as \(input))"
            return "\(path) is one of the files this command reads\(same); writing there would destroy it, even with --force. Choose another name with -o"
        }
    }

    public static func write(_ text: String, to path: String, overwrite: Bool, inputs: [String] = []) throws {
        try write(Data(text.utf8), to: path, overwrite: overwrite, inputs: inputs)
    }

    public static func write(_ data: Data, to path: String, overwrite: Bool, inputs: [String] = []) throws {
        var info = stat()
        var linkInfo = stat()
        let exists = stat(path, &info) == 0
        let isLink = lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK
        if exists {
            for input in inputs {
                var inputInfo = stat()
                if stat(input, &inputInfo) == 0, inputInfo.st_dev == info.st_dev, inputInfo.st_ino == info.st_ino {
                    throw SameAsInput(path: path, input: input)
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if !overwrite { throw Exists(path: path) }
                // Replace the file the path names: through a link, its target.
                let target = isLink ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
                try replace(data, at: target, shownAs: path, mode: info.st_mode & 0o7777)
            case S_IFCHR, S_IFIFO:
                try writeThrough(data, to: path)
            case S_IFDIR:
                throw ReportError(description: "\(path) is a folder; give a file name with -o")
            default:
                throw ReportError(description: "\(path) is not a file (it is a disk or a socket); cbm writes only to files, pipes and terminals. Choose another name with -o")
            }
            return
        }
        if isLink {
            throw ReportError(description: "\(path) is a link to a file that does not exist (\((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")); cbm does not create files through such links. Choose another name with -o")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError(description: "the folder \(directory.path) does not exist")
        }
        let temporary = try temporaryCopy(of: data, next: url, shownAs: path)
        defer { unlink(temporary) }
        // link() fails if the file appeared meanwhile: no check-then-write race.
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw Exists(path: path) }
            throw ReportError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `data` to a new hidden file next to `url`, and returns its path. Nothing is left
    /// behind when that fails (a full disk, a size limit).
    static func temporaryCopy(of data: Data, next url: URL, shownAs path: String, mode: mode_t = 0o666) throws -> String {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw ReportError(description: "cannot write in \(directory.path): \(String(cString: strerror(errno)))")
        }
        do {
            try writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw WriteFailure(code: errno) }
            guard close(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                throw ReportError(description: "cannot write \(path): \(String(cString: strerror(code)))")
            }
        } catch let failure as WriteFailure {
            close(descriptor)
            unlink(temporary)
            throw ReportError(description: "cannot write \(path): \(String(cString: strerror(failure.code)))"
                + (failure.code == ENOSPC || failure.code == EDQUOT ? "; free some space and try again (nothing was changed)" : ""))
        }
        return temporary
    }

    private static func replace(_ data: Data, at target: String, shownAs path: String, mode: mode_t) throws {
        let temporary = try temporaryCopy(of: data, next: URL(fileURLWithPath: target), shownAs: path, mode: mode)
        defer { unlink(temporary) }
        chmod(temporary, mode)  // open() applies the umask
        guard rename(temporary, target) == 0 else {
            throw ReportError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func writeThrough(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReportError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        do {
            try writeAll(data, to: descriptor)
        } catch let failure as WriteFailure {
            throw ReportError(description: "cannot write \(path): \(String(cString: strerror(failure.code)))")
        }
    }

    struct WriteFailure: Error { var code: Int32 }

    static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Foundation.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(code: errno)
                }
                left -= written
                pointer += written
            }
        }
    }
}
