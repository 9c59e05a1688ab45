import Foundation
import Testing

/// Issue 14, fault 1: the 10 MB limit holds for input that has no size to check beforehand.
/// Each command runs the built `cbm` under a shell with a 1 GB memory limit and a time limit;
/// before the fix, `cbm` read these streams to the end and ran out of memory.
@Suite("Reading at most 10 MB from devices, pipes and standard input")
struct BoundedReadTests {
    /// Runs `script` in bash with `$CBM` set to the built program, memory and time bounded.
    private func bounded(_ script: String) throws -> CLI.Result {
        try CLI.run(["-c", "ulimit -v 1048576; export CBM='\(CLI.binary.path)'; timeout 60 bash -c \"\(script)\""],
                    executable: URL(fileURLWithPath: "/bin/bash"))
    }

    private func expectTooLarge(_ result: CLI.Result, file: String) {
        #expect(result.status == 1, "exit status \(result.status): \(result.stderr)")
        #expect(result.stdout.contains("\(file):1:1: error: this file is larger than 10 MB; cbm reads files of up to 10 MB"),
                "\(result.stdout)\(result.stderr)")
    }

    @Test func aDeviceThatNeverEnds() throws {
        expectTooLarge(try bounded("\\$CBM validate /dev/zero"), file: "/dev/zero")
    }

    @Test func aPipe() throws {
        let result = try bounded("\\$CBM validate <(yes 'a: 1')")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("error: this file is larger than 10 MB"), "\(result.stdout)\(result.stderr)")
    }

    @Test func standardInputFedByAPipe() throws {
        expectTooLarge(try bounded("yes 'a: 1' | \\$CBM validate /dev/stdin"), file: "/dev/stdin")
    }

    @Test func aShortStreamIsStillRead() throws {
        let example = CLI.root.appendingPathComponent("examples/arventa-2026.yaml").path
        let result = try bounded("cat '\(example)' | \\$CBM validate /dev/stdin")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
