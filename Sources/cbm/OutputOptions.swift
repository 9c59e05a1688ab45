import ArgumentParser
import CBMKit

/// What `--output` says in one command's help: what the command writes and the default name.
protocol OutputHelp {
    /// The help of `-o, --output`.
    static var outputHelp: ArgumentHelp { get }
}

/// `-o, --output` and `--force`, shared by the commands that write a file. `Help` gives the
/// command's own help for `--output`.
struct OutputOptions<Help: OutputHelp>: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: Help.outputHelp, completion: Completion.anyFile)
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    /// Writes `text` atomically to the path given with `--output` (else `defaultPath`), or
    /// prints it for `-`. `inputs` are the files the command reads: the output never replaces
    /// one of them. `announce` adds "Wrote … (… KB)." after a file is written.
    /// Returns false when the text was printed (no "Wrote …" message should follow it).
    @discardableResult
    func write(_ text: String, defaultPath: String, inputs: [String], announce: Bool = true) throws -> Bool {
        let path = output ?? defaultPath
        if path == "-" {
            try emit(text, terminator: "")
            return false
        }
        try OutputFile.write(text, to: path, overwrite: force, inputs: inputs)
        if announce { try emit("Wrote \(path) (\(text.utf8.count / 1024) KB).") }
        return true
    }
}

/// The formats of the commands whose result is either printed (a summary or JSON) or written
/// as a report file.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, md
}

/// `--format`, `-o, --output` and `--force` of `cbm trend` and `cbm compare`: a summary or
/// JSON printed, or a report written to a file.
struct SummaryOrReportOptions<Help: OutputHelp>: ParsableArguments {
    @Option(help: "text or json (printed), html or md (a report file).")
    var format: SummaryFormat = .text

    @OptionGroup var file: OutputOptions<Help>

    /// Prints the summary or the JSON, or renders the report and writes it (`-` prints it).
    /// - Parameters:
    ///   - summary: The text summary, for `text`.
    ///   - json: The JSON, for `json`.
    ///   - report: Renders the report in a format, for `html` and `md`.
    ///   - defaultStem: The report's file name without extension, when `--output` is not given.
    ///   - inputs: The files the command reads: the output never replaces one of them.
    func deliver(summary: () -> String, json: () -> String, report: (ReportFormat) throws -> String,
                 defaultStem: String, inputs: [String]) throws {
        switch format {
        case .text: try emit(summary(), terminator: "")
        case .json: try emit(json(), terminator: "")
        case .html, .md:
            let reportFormat: ReportFormat = format == .html ? .html : .md
            try file.write(try report(reportFormat), defaultPath: "\(defaultStem).\(reportFormat.fileExtension)", inputs: inputs)
        }
    }
}
