import Foundation
import Testing

/// `cbm init`, `cbm export-sheet` and `cbm import-sheet` run as a mission would run them.
@Suite("Interview commands")
struct InterviewCLITests {
    /// A scratch folder for one test.
    final class Folder {
        let url: URL

        init() {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-interview-\(UUID().uuidString)")
            try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func data(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
        func text(_ name: String) -> String { String(decoding: data(name) ?? Data(), as: UTF8.self) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
        func write(_ name: String, _ text: String) { try! Data(text.utf8).write(to: url.appendingPathComponent(name)) }

        func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: url) }
    }

    private static let initArguments = [
        "init", "--country", "Республика Арвента", "--period", "2026", "--questionnaire", "cbm-core", "--questionnaire", "wto-tfa",
        "--agency", "customs=Государственный таможенный комитет", "--agency", "border-guard=State Border Service", "-o", "arventa.yaml",
    ]

    @Test func helpListsTheCommands() throws {
        let help = try CLI.run(["--help"])
        for command in ["init", "export-sheet", "import-sheet"] { #expect(help.stdout.contains(command)) }
        let importHelp = try CLI.run(["import-sheet", "--help"])
        #expect(importHelp.stdout.contains("--dry-run"))
        #expect(importHelp.stdout.contains("--no-backup"))
    }

    @Test func missionFromTemplateToFilledSheets() throws {
        let folder = Folder()

        // A template that validates and scores as unanswered.
        let created = try folder.run(Self.initArguments)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Wrote arventa.yaml with 144 questions (cbm-core: 82, wto-tfa: 62)"))
        let template = folder.text("arventa.yaml")
        #expect(template.contains("      # Question: "))
        #expect(template.contains("    - {id: customs, name: \"Государственный таможенный комитет\"}"))
        let valid = try folder.run(["validate", "arventa.yaml"])
        #expect(valid.status == 0, "\(valid.stdout)")
        #expect(valid.stdout.contains("The file is valid."))
        let json = try folder.run(["score", "arventa.yaml", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let maturity = try #require((object["maturity"] as? [[String: Any]])?.first)
        #expect(maturity["index"] is NSNull)

        // No overwriting without --force.
        let again = try folder.run(Self.initArguments)
        #expect(again.status == 1)
        #expect(again.stderr.contains("arventa.yaml already exists; give --force to replace it"))
        #expect(folder.text("arventa.yaml") == template)
        #expect(try folder.run(Self.initArguments + ["--force"]).status == 0)

        // Export and import without edits: nothing changes, the file is not touched.
        let exported = try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "-o", "customs.csv"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("Wrote customs.csv: 144 questions for customs (Государственный таможенный комитет), 0 already answered."))
        let sheet = try #require(folder.data("customs.csv"))
        #expect(sheet.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(folder.text("customs.csv").contains("\r\ncustoms,cbm-core,cbm-core/political-will.strategy,"))
        let unchanged = try folder.run(["import-sheet", "customs.csv", "--into", "arventa.yaml"])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("No changes: arventa.yaml already holds every answer in the sheet (144 rows read). The file was not rewritten."))
        #expect(!folder.exists("arventa.yaml.bak"))

        // A sheet saved by a European Excel: semicolons, CRLF, no byte-order mark, only some columns.
        folder.write("filled.csv", """
            agency;id;level or status;evidence;comment\r
            customs;cbm-core/political-will.strategy;3;"Постановление № 412; 2025";\r
            customs;wto-tfa/7.1;Partial;Road freight only;"say ""pilot"" next year"\r

            """)
        let before = folder.text("arventa.yaml")
        let dry = try folder.run(["import-sheet", "filled.csv", "--into", "arventa.yaml", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("added  cbm-core/political-will.strategy  level 3, evidence \"Постановление № 412; 2025\""))
        #expect(dry.stdout.contains("added  wto-tfa/7.1"))
        #expect(dry.stdout.contains("2 changes (2 added, 0 changed, 0 removed); 0 rows unchanged."))
        #expect(dry.stdout.contains("Nothing was written (--dry-run)."))
        #expect(folder.text("arventa.yaml") == before)
        #expect(!folder.exists("arventa.yaml.bak"))

        let imported = try folder.run(["import-sheet", "filled.csv", "--into", "arventa.yaml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Wrote arventa.yaml; the previous version is in arventa.yaml.bak."))
        #expect(folder.text("arventa.yaml.bak") == before)
        #expect(try folder.run(["validate", "arventa.yaml"]).status == 0)
        let score = try folder.run(["score", "arventa.yaml", "--format", "json"])
        #expect(score.stdout.contains("\"political-will.strategy\""))

        // The next export gives the filled values back.
        #expect(try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "-o", "customs.csv", "--force"]).status == 0)
        let reexported = folder.text("customs.csv")
        #expect(reexported.contains(",3,Постановление № 412; 2025,\r\n"))
        #expect(reexported.contains(",partial,Road freight only,\"say \"\"pilot\"\" next year\"\r\n"))
        // And importing it again changes nothing.
        let second = try folder.run(["import-sheet", "customs.csv", "--into", "arventa.yaml"])
        #expect(second.stdout.contains("No changes"))
    }

    @Test func badSheetIsReportedRowByRowAndChangesNothing() throws {
        let folder = Folder()
        #expect(try folder.run(Self.initArguments).status == 0)
        folder.write("bad.csv", """
            agency,id,level or status,evidence,comment
            customs,cbm-core/political-will.strategy,7,,
            customs,cbm-core/ict.singel-window,3,,
            police,wto-tfa/7.1,full,,

            """)
        let before = folder.text("arventa.yaml")
        let result = try folder.run(["import-sheet", "bad.csv", "--into", "arventa.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv:2:3: error: row 2, column C (level or status): expected a level from 1 to 5, `na` (not applicable) or `unknown`, found `7`"))
        #expect(result.stderr.contains("bad.csv:3:2: error: row 3, column B (id): `cbm-core` has no indicator `ict.singel-window`; did you mean `cbm-core/ict.single-window`?"))
        #expect(result.stderr.contains("bad.csv:4:1: error: row 4, column A (agency): the agency `police` is not declared in arventa.yaml"))
        #expect(result.stderr.contains("3 problems found; arventa.yaml was not changed."))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(folder.text("arventa.yaml") == before)
        #expect(!folder.exists("arventa.yaml.bak"))

        let missing = try folder.run(["import-sheet", "nothing.csv", "--into", "arventa.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nothing.csv:1:1: error: there is no such file; check the name"))
    }

    @Test func mistakesInTheOptionsAreExplained() throws {
        let folder = Folder()
        let result = try folder.run(["init", "--country", "Arventa", "--period", "2026 H1", "--questionnaire", "cbm-cor",
                                     "--agency", "customs"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: `--agency customs`: expected an id and a name joined by `=`"))
        #expect(result.stderr.contains("error: `--period`: expected a year such as 2026"))
        #expect(result.stderr.contains("error: `--questionnaire cbm-cor`: there is no questionnaire with this id; did you mean `cbm-core`?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)

        #expect(try folder.run(["init", "--country", "Arventa", "--period", "2026", "--questionnaire", "cbm-core"]).status == 0)
        #expect(folder.exists("arventa-2026.yaml"))
        let agency = try folder.run(["export-sheet", "arventa-2026.yaml", "--agency", "customs"])
        #expect(agency.status == 1)
        #expect(agency.stderr.contains("error: arventa-2026.yaml: the agency `customs` is not declared in the assessment; declare it under `assessment: agencies:`"))
    }
}
