import Foundation
import Testing

/// Runs the built `cbm` program as a user would, from the repository root.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        // CBM_BINARY runs these tests against another build (for example, the one before a fix).
        if let path = ProcessInfo.processInfo.environment["CBM_BINARY"] { return URL(fileURLWithPath: path) }
        // The test bundle sits in the build products folder, next to the `cbm` executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cbm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/cbm")
    }

    final class Collected: @unchecked Sendable { var data = Data() }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `cbm` (or another program, such as a shell around it) and waits for it; with
    /// `stdoutTo`, its standard output goes to that file (such as /dev/full) instead of being
    /// collected.
    static func run(_ arguments: [String], in directory: URL = root, executable: URL? = nil, stdoutTo: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        if let stdoutTo {
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutTo))
            out.fileHandleForWriting.closeFile()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        try process.run()
        // Standard error is read on another thread: a program that fills one pipe while the
        // other is read would otherwise wait for ever.
        let errData = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

@Suite("The cbm command")
struct CLITests {
    @Test func helpSpeaksToUsers() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for command in ["validate", "list", "score"] { #expect(result.stdout.contains(command)) }
        let validate = try CLI.run(["validate", "--help"])
        #expect(validate.stdout.contains("Exit status: 0 when there are no errors"))
    }

    @Test func validateBundledQuestionnairesAndExamples() throws {
        let result = try CLI.run(["validate", "examples/", "questionnaires/"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("are valid"))
    }

    @Test func validateFromAnotherFolderFindsBundledQuestionnaires() throws {
        let tmp = FileManager.default.temporaryDirectory
        let example = CLI.root.appendingPathComponent("examples/arventa-2026.yaml").path
        let result = try CLI.run(["validate", example], in: tmp)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func threeMistakesAreAllReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = """
        assessment:
          title: Testland 2026
          country: Testland
          period: 2026
          agencies:
            - {id: customs, name: Customs}
        questionnaires:
          cbm-core:
            answers:
              ict.single-window: {level: 7}
              ict.singel-window: 3
              legal.appeals: {agency: police, level: 2}
        """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("three.yaml"))
        let result = try CLI.run(["validate", "three.yaml"], in: dir)
        #expect(result.status == 1)
        let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "\(result.stdout)")
        #expect(result.stdout.contains("three.yaml:10:34: error: expected `level` of `ict.single-window` to be a level from 1 to 5"))
        #expect(result.stdout.contains("three.yaml:11:7: error: `cbm-core` has no indicator `ict.singel-window`; did you mean `ict.single-window`?"))
        #expect(result.stdout.contains("three.yaml:12:31: error: the agency `police` is not declared"))
        #expect(result.stdout.contains("3 errors in 1 file."))
    }

    @Test func listShowsCounts() throws {
        let result = try CLI.run(["list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cbm-core"))
        #expect(result.stdout.contains("10 dimensions"))
        #expect(result.stdout.contains("wto-tfa"))
        #expect(result.stdout.contains("provisions"))
    }

    @Test func scoreTextAndJSON() throws {
        let text = try CLI.run(["score", "examples/arventa-2026.yaml"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Overall index:"))
        #expect(text.stdout.contains("Convention compliance"))
        #expect(text.stdout.contains("Top priorities"))
        let json = try CLI.run(["score", "examples/arventa-2026.yaml", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["assessment"] as? [String: Any])?["country"] as? String == "Republic of Arventa")
        #expect((object["maturity"] as? [Any])?.count == 1)
        #expect((object["compliance"] as? [Any])?.count == 4)
    }

    @Test func badFileEndsInALocatedMessageNotACrash() throws {
        let result = try CLI.run(["score", "Tests/CBMKitTests/Fixtures/mini-maturity.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("mini-maturity.yaml:1:1: error: this is a questionnaire, not an assessment"))
        #expect(!result.stderr.contains("Fatal error"))
        let missing = try CLI.run(["score", "no-such-file.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-file.yaml:1:1: error: there is no such file"))
    }
}
