import Foundation
import Testing
@testable import CBMKit

@Suite("Writing output files")
struct OutputFileTests {
    @Test func refusesToOverwriteWithoutForce() throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("report.html").path
        try OutputFile.write("first", to: path, overwrite: false)
        let refusal = #expect(throws: UsageError.self) { try OutputFile.write("second", to: path, overwrite: false) }
        #expect(refusal?.description == "\(path) already exists; give --force to replace it, or choose another name with -o")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try OutputFile.write("third", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third")
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["report.html"])
    }

    @Test func missingFolderIsExplained() {
        let error = #expect(throws: UsageError.self) { try OutputFile.write("x", to: "/nonexistent-folder/r.html", overwrite: false) }
        #expect(error?.description == "the folder /nonexistent-folder does not exist")
    }
}
