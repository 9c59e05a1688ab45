import Foundation
import Testing

/// Faults found by testing with hostile conditions (issue 14), checked on the built program:
/// write errors on standard output, outputs that would replace an input or a special file,
/// temporary files left on a full disk, `-o -`, control characters in `init`, huge sheets.
@Suite("Reliability of the cbm command")
struct ReliabilityCLITests {
    typealias Folder = InterviewCLITests.Folder

    static let examples = CLI.root.appendingPathComponent("examples")
    static let example = examples.appendingPathComponent("arventa-2026.yaml").path
    static let years = ["2024", "2025", "2026"].map { examples.appendingPathComponent("arventa-\($0).yaml").path }

    /// A folder holding a copy of the 2026 example as a.yaml and of the 2024 one as b.yaml.
    static func folderWithAssessments() throws -> Folder {
        let folder = Folder()
        try FileManager.default.copyItem(atPath: example, toPath: folder.path("a.yaml"))
        try FileManager.default.copyItem(atPath: years[0], toPath: folder.path("b.yaml"))
        return folder
    }

    static func hiddenFiles(_ folder: Folder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
    }

    // MARK: Fault 2: write errors on standard output

    @Test(arguments: [
        ["report", example, "-o", "-"],
        ["report", example, "--format", "md", "-o", "-"],
        ["score", example],
        ["score", example, "--format", "json"],
        ["trend"] + years,
        ["trend"] + years + ["--format", "json"],
        ["trend"] + years + ["--format", "html", "-o", "-"],
        ["show", "cbm-core"],
        ["list"],
        ["validate", example],
        ["export-sheet", example, "--agency", "customs", "-o", "-"],
        ["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core", "-o", "-"],
        ["--help"],
    ])
    func aFullStandardOutputIsAnError(arguments: [String]) throws {
        let folder = Folder()
        let result = try CLI.run(arguments, in: folder.url, stdoutTo: "/dev/full")
        #expect(result.status == 1, "cbm \(arguments.joined(separator: " ")) >/dev/full: \(result.stderr)")
        #expect(result.stderr.contains("could not write its output (No space left on device)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func theMessageAfterWritingAFileCountsToo() throws {
        let folder = Folder()
        let result = try CLI.run(["report", Self.example, "-o", "r.html"], in: folder.url, stdoutTo: "/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.contains("could not write its output"))
    }

    // MARK: Fault 8: `-o -` prints, for every command with -o

    @Test func dashPrintsForInitAndExportSheet() throws {
        let folder = Folder()
        let created = try folder.run(["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core",
                                      "--agency", "customs=State Customs Committee", "-o", "-"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("assessment:\n"))
        #expect(!created.stdout.contains("Wrote "))
        #expect(!folder.exists("-"))
        folder.write("a.yaml", created.stdout)
        #expect(try folder.run(["validate", "a.yaml"]).status == 0)

        let sheet = try folder.run(["export-sheet", "a.yaml", "--agency", "customs", "-o", "-"])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stdout.hasPrefix("\u{FEFF}agency,"))
        #expect(!sheet.stdout.contains("Wrote "))
        #expect(!folder.exists("-"))
    }

    // MARK: Fault 3: an output never replaces an input, or a special file

    @Test func anOutputThatIsAnInputIsRefusedHoweverItIsSpelled() throws {
        let folder = try Self.folderWithAssessments()
        try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.yaml"), withDestinationPath: "a.yaml")
        try FileManager.default.linkItem(atPath: folder.path("a.yaml"), toPath: folder.path("hard.yaml"))
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("Tests/CBMKitTests/Fixtures/mini-maturity.yaml").path,
                                         toPath: folder.path("q.yaml"))
        try FileManager.default.copyItem(atPath: folder.path("q.yaml"), toPath: folder.path("sub/q2.yaml"))
        let a = folder.text("a.yaml"), b = folder.text("b.yaml"), q = folder.text("q.yaml")
        let cases: [[String]] = [
            ["report", "a.yaml", "-o", "a.yaml", "--force"],
            ["report", "a.yaml", "-o", "./a.yaml", "--force"],
            ["report", "a.yaml", "-o", "sub/../a.yaml", "--force"],
            ["report", "a.yaml", "-o", folder.path("a.yaml"), "--force"],
            ["report", "a.yaml", "-o", "link.yaml", "--force"],
            ["report", "a.yaml", "-o", "hard.yaml", "--force"],
            ["report", "link.yaml", "--format", "md", "-o", "a.yaml", "--force"],
            ["report", "a.yaml", "--baseline", "b.yaml", "-o", "b.yaml", "--force"],
            ["export-sheet", "a.yaml", "--agency", "customs", "-o", "a.yaml", "--force"],
            ["export-sheet", "a.yaml", "--agency", "customs", "-o", "hard.yaml"],
            ["trend", "b.yaml", "a.yaml", "--format", "html", "-o", "./b.yaml", "--force"],
            ["trend", "b.yaml", "a.yaml", "--format", "md", "-o", "a.yaml"],
            ["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core",
             "--questionnaires", "q.yaml", "-o", "q.yaml", "--force"],
            ["report", "a.yaml", "--questionnaires", "sub", "-o", "sub/q2.yaml", "--force"],
        ]
        for arguments in cases {
            let result = try folder.run(arguments)
            #expect(result.status == 1, "cbm \(arguments.joined(separator: " ")): \(result.stdout)")
            #expect(result.stderr.contains("is one of the files this command reads"), "cbm \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        #expect(folder.text("a.yaml") == a)
        #expect(folder.text("b.yaml") == b)
        #expect(folder.text("q.yaml") == q)
        #expect(folder.text("sub/q2.yaml") == q)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.yaml")) == "a.yaml")
        #expect(try Self.hiddenFiles(folder).isEmpty)
    }

    @Test func forceReplacesTheFileALinkPointsToAndKeepsTheLink() throws {
        let folder = try Self.folderWithAssessments()
        folder.write("real.html", "old report")
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.html"), withDestinationPath: "real.html")
        let result = try folder.run(["report", "a.yaml", "-o", "link.html", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.html")) == "real.html")
        #expect(folder.text("real.html").hasPrefix("<!DOCTYPE html>"))

        try FileManager.default.createSymbolicLink(atPath: folder.path("dangling.html"), withDestinationPath: "missing/nothing.html")
        let dangling = try folder.run(["report", "a.yaml", "-o", "dangling.html", "--force"])
        #expect(dangling.status == 1)
        #expect(dangling.stderr.contains("dangling.html is a link to a file that does not exist"), "\(dangling.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("dangling.html")) == "missing/nothing.html")
    }

    @Test func devicesAndPipesAreWrittenToNotReplaced() throws {
        let folder = try Self.folderWithAssessments()
        // A link to a device: the device gets the report, the link stays.
        try FileManager.default.createSymbolicLink(atPath: folder.path("null.html"), withDestinationPath: "/dev/null")
        for extra in [[], ["--force"]] {
            let result = try folder.run(["report", "a.yaml", "-o", "null.html"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("null.html")) == "/dev/null")
        }
        var device = stat()
        #expect(stat("/dev/null", &device) == 0 && device.st_mode & S_IFMT == S_IFCHR)

        // A named pipe: the program reading it gets the report, the pipe stays a pipe.
        #expect(mkfifo(folder.path("pipe.md"), 0o600) == 0)
        let reader = PipeReader(path: folder.path("pipe.md"))
        let result = try folder.run(["report", "a.yaml", "--format", "md", "-o", "pipe.md", "--force"])
        let received = reader.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(received.contains("Republic of Arventa"))
        var pipe = stat()
        #expect(lstat(folder.path("pipe.md"), &pipe) == 0 && pipe.st_mode & S_IFMT == S_IFIFO)
        #expect(try Self.hiddenFiles(folder).isEmpty)
    }

    /// Reads a named pipe on another thread until every writer has closed it.
    final class PipeReader: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        /// A write end held open by the test (Linux opens a pipe for reading and writing at
        /// once), so that the reader opens at once and ends when the test lets go, whether or
        /// not cbm ever wrote into the pipe.
        private let holder: Int32

        init(path: String) {
            holder = open(path, O_RDWR)
            Thread.detachNewThread { [self] in
                if let handle = FileHandle(forReadingAtPath: path) { data = handle.readDataToEndOfFile() }
                done.signal()
            }
        }

        /// What was read; call it after the writer has finished.
        func finish() -> String {
            close(holder)
            _ = done.wait(timeout: .now() + 30)
            return String(decoding: data, as: UTF8.self)
        }
    }

    // MARK: Fault 8: temporary files on a full disk

    /// Runs cbm with files limited to `kilobytes` (a full disk, as far as cbm can tell).
    static func runWithFileLimit(_ kilobytes: Int, _ arguments: [String], in folder: Folder) throws -> CLI.Result {
        // SIGXFSZ ignored: writing past the limit then fails with EFBIG, as a full disk fails with ENOSPC.
        let script = "trap '' XFSZ; ulimit -f \(kilobytes * 2); exec \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CLI.binary.path] + arguments
        process.currentDirectoryURL = folder.url
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func aFullDiskLeavesNoTemporaryFiles() throws {
        let folder = try Self.folderWithAssessments()
        let report = try Self.runWithFileLimit(8, ["report", "a.yaml", "-o", "r.html"], in: folder)
        #expect(report.status == 1)
        #expect(report.stderr.contains("cannot write r.html: File too large"), "\(report.stderr)")
        #expect(!folder.exists("r.html"))
        #expect(try Self.hiddenFiles(folder).isEmpty)

        // import-sheet: the backup cannot be written; nothing changes, nothing is left.
        folder.write("customs.csv", "agency,id,level or status,evidence,comment\ncustoms,cbm-core/political-will.strategy,1,Evidence changed by a test,\n")
        #expect(try folder.run(["import-sheet", "customs.csv", "--into", "a.yaml", "--dry-run"]).stdout.contains("1 change"))
        let before = folder.text("a.yaml")
        let imported = try Self.runWithFileLimit(8, ["import-sheet", "customs.csv", "--into", "a.yaml"], in: folder)
        #expect(imported.status == 1, "\(imported.stdout)")
        #expect(imported.stderr.contains("File too large"), "\(imported.stderr)")
        #expect(folder.text("a.yaml") == before)
        #expect(!folder.exists("a.yaml.bak"))
        #expect(try Self.hiddenFiles(folder).isEmpty)
    }

    // MARK: Fault 8: init with a control character

    @Test func initRefusesControlCharacters() throws {
        let folder = Folder()
        for (option, value) in [("--country", "Arv\u{7}enta"), ("--title", "A\u{1B}[31m title"), ("--prepared-by", "Group\u{1F}")] {
            var arguments = ["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core", "-o", "a.yaml"]
            if option == "--country" { arguments[2] = value } else { arguments += [option, value] }
            let result = try folder.run(arguments)
            #expect(result.status == 1, "\(option): \(result.stdout)")
            #expect(result.stderr.contains("`\(option)`: the text contains an invisible control character"), "\(result.stderr)")
            #expect(!folder.exists("a.yaml"))
        }
        let agency = try folder.run(["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core",
                                     "--agency", "customs=State\u{7} Customs", "-o", "a.yaml"])
        #expect(agency.status == 1)
        #expect(agency.stderr.contains("`--agency customs=State\\u{7} Customs`: the text contains an invisible control character"), "\(agency.stderr)")
        #expect(!folder.exists("a.yaml"))
    }

    // MARK: Fault 8: a sheet with very many wrong rows

    @Test func manyWrongRowsArePrintedUpToALimitWithTheCount() throws {
        let folder = try Self.folderWithAssessments()
        var sheet = "agency,id,level or status,evidence,comment\n"
        for n in 0..<5000 { sheet += "customs,cbm-core/no-such-indicator-\(n),3,,\n" }
        folder.write("wrong.csv", sheet)
        let before = folder.text("a.yaml")
        let result = try folder.run(["import-sheet", "wrong.csv", "--into", "a.yaml"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count <= 103, "\(lines.count) lines")
        #expect(lines.filter { $0.contains(": error: row ") }.count == 100)
        #expect(result.stderr.contains("… and 4,900 more problems (not shown)."), "\(lines.suffix(3))")
        #expect(result.stderr.contains("5000 problems found; a.yaml was not changed."))
        #expect(folder.text("a.yaml") == before)
    }
}
