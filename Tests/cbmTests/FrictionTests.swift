import Foundation
import Testing

/// What a new user stumbled over on the command line (issue 15).
@Suite("Command-line friction")
struct FrictionTests {
    /// Runs bash's own completion for `words` (the last one being completed) with the script
    /// `cbm --generate-completion-script bash` prints.
    static func bashCompletions(_ words: [String]) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let script = """
        source <(cbm --generate-completion-script bash)
        COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
        COMPREPLY=(); _cbm cbm "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"; printf '%s\\n' "${COMPREPLY[@]}"
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CLI.root
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bashCompletesFilesQuestionnairesAndAgencies() throws {
        #expect(try Self.bashCompletions(["cbm", "show", "w"]).sorted() == ["wco-safe", "wto-tfa"])
        #expect(try Self.bashCompletions(["cbm", "export-sheet", "examples/arventa-2026.yaml", "--agency", "b"]) == ["border-guard"])
        #expect(try Self.bashCompletions(["cbm", "score", "examples/arventa-202"]).sorted()
                == ["examples/arventa-2024.yaml", "examples/arventa-2025.yaml", "examples/arventa-2026.yaml", "examples/arventa-2027.yaml"])
        #expect(try Self.bashCompletions(["cbm", "report", "examples/arventa-2026.yaml", "-o", "READ"]) == ["README.md"])
        #expect(try Self.bashCompletions(["cbm", "init", "--questionnaire", "wto"]) == ["wto-tfa"])
    }

    @Test func zshAndFishCompleteToo() throws {
        let zsh = try CLI.run(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains(":FILE:_files -g '\\''*.yaml *.yml'\\''"))
        #expect(zsh.contains("---completion show -- positional@0"))
        #expect(zsh.contains("---completion export-sheet -- --agency"))
        let fish = try CLI.run(["--generate-completion-script", "fish"]).stdout
        #expect(fish.contains("set -l exts \\'yaml\\' \\'yml\\'"))
        #expect(fish.contains("---completion export-sheet -- --agency"))
    }

    @Test func listMarksTheCurrentVersion() throws {
        let list = try CLI.run(["list"]).stdout
        let core = list.split(separator: "\n").filter { $0.hasPrefix("cbm-core ") }
        #expect(core.count >= 2)
        #expect(core.first?.contains(" current ") == true)
        #expect(core.dropFirst().allSatisfy { $0.contains(" older ") })
        #expect(list.contains("A new assessment answers the current version"))
    }

    @Test func didYouMean() throws {
        let show = try CLI.run(["show", "wto"])
        #expect(show.status == 1)
        #expect(show.stderr.contains("did you mean `wto-tfa`?"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-friction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: CLI.root.appendingPathComponent("examples/arventa-2026.yaml").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "agency: veterinary", with: "agency: vet")
        // A misspelt item id whose agreed level is also wrong: both are reported at once.
        text = text.replacingOccurrences(of: "      political-will.strategy:\n        consensus: 3", with: "      political-will.stratgy:\n        consensus: 6")
        let file = folder.appendingPathComponent("typos.yaml")
        try Data(text.utf8).write(to: file)
        let validate = try CLI.run(["validate", file.path])
        #expect(validate.stdout.contains("the agency `vet` is not declared under `assessment: agencies:`; did you mean `veterinary`?"))
        #expect(validate.stdout.contains("has no indicator `political-will.stratgy`; did you mean `political-will.strategy`?"))
        #expect(validate.stdout.contains("expected `consensus` of `political-will.stratgy` to be a level from 1 to 5"))
    }

    @Test func missingFileIsNotCountedAsZeroFiles() throws {
        let result = try CLI.run(["validate", "no-such-file.yaml"])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("in 0 files"))
        #expect(result.stdout.contains("1 error; no file was checked."))
    }

    @Test func helpExamplesNameFilesThatExist() throws {
        for command in ["validate", "score", "report", "trend", "show"] {
            let help = try CLI.run([command, "--help"]).stdout
            for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("examples/") && word.hasSuffix(".yaml") && !word.contains("*") {
                #expect(FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent(String(word)).path), "cbm \(command) --help names \(word)")
            }
        }
    }

    @Test func topZeroSaysHowManyGaps() throws {
        let result = try CLI.run(["score", "examples/arventa-2026.yaml", "--top", "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("gaps to target; not listed (--top 0)"))
        #expect(!result.stdout.contains("#  INDICATOR"))
    }

    @Test func separatorHelpNamesTab() throws {
        #expect(try CLI.run(["export-sheet", "--help"]).stdout.contains("or tab"))
        #expect(try CLI.run(["import-sheet", "--help"]).stdout.contains("commas, semicolons or tabs"))
    }

    @Test func usageErrorsExitWith64AsTheReadmeSays() throws {
        let result = try CLI.run(["bogus"])
        #expect(result.status == 64)
        let readme = try String(contentsOfFile: CLI.root.appendingPathComponent("README.md").path, encoding: .utf8)
        #expect(readme.contains("exits with status 64"))
    }

    @Test func copiedLastYearFileAndDeletedHeaderRow() throws {
        let folder = InterviewCLITests.Folder()
        _ = try folder.run(["init", "--country", "Arventa", "--period", "2025", "--questionnaire", "wto-tfa",
                            "--agency", "customs=State Customs Committee", "-o", "arventa-2025.yaml"])
        // As docs/assessment-format.md says: copy last year's file and change the period.
        folder.write("arventa-2026.yaml", folder.text("arventa-2025.yaml").replacingOccurrences(of: "period: \"2025\"", with: "period: \"2026\"")
            .replacingOccurrences(of: "period: 2025", with: "period: 2026"))
        #expect(try folder.run(["export-sheet", "arventa-2026.yaml", "--agency", "customs", "-o", "customs.csv"]).status == 0)
        // The agency answers one provision (a sheet cut down to the columns cbm reads).
        let header = "agency,questionnaire,id,level or status,evidence,comment"
        folder.write("customs.csv", header + "\r\ncustoms,wto-tfa,wto-tfa/1.1,full,Published on the portal,\r\n")
        let imported = try folder.run(["import-sheet", "customs.csv", "--into", "arventa-2026.yaml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("not kept"), "\(imported.stderr)")
        #expect(imported.stderr.contains("names 2025 but the period is 2026"))
        #expect(folder.text("arventa-2026.yaml").contains("--into arventa-2026.yaml`"))

        // The header row deleted: one error that says so, no warning per cell.
        folder.write("no-header.csv", "customs,wto-tfa,wto-tfa/1.1,partial,Published on the portal,\r\n")
        let broken = try folder.run(["import-sheet", "no-header.csv", "--into", "arventa-2026.yaml"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("the header row seems to have been deleted"))
        #expect(!broken.stderr.contains("warning"))
    }

    /// The README and docs link only to files in the repository, and the README's first
    /// command writes where `git status` does not look (.build/ is ignored).
    @Test func documentationLinksStayInTheRepository() throws {
        let root = CLI.root.standardizedFileURL
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        let pattern = try NSRegularExpression(pattern: #"\]\(([^)#\s]+)(#[^)]*)?\)"#)
        for file in ["README.md"] + docs {
            let url = root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                let resolved = url.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                #expect(resolved.path.hasPrefix(root.path + "/"), "\(file) links outside the repository: \(target)")
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(file) links to a missing file: \(target)")
            }
        }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("swift run cbm report examples/arventa-2026.yaml --output .build/arventa-2026.html --force"))
        #expect(!readme.contains("../shared"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("LICENSE").path))
    }
}
