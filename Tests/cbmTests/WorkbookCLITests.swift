import Foundation
import Testing
import ZIPFoundation

/// `cbm export-sheet` and `cbm import-sheet` with Excel workbooks, as a mission runs them.
@Suite("Workbook commands")
struct WorkbookCLITests {
    typealias Folder = InterviewCLITests.Folder

    private static let initArguments = [
        "init", "--country", "Республика Арвента", "--period", "2026", "--questionnaire", "cbm-core", "--questionnaire", "wto-tfa",
        "--agency", "customs=Государственный таможенный комитет", "-o", "arventa.yaml",
    ]

    @Test func workbookFromExportToImport() throws {
        let folder = Folder()
        #expect(try folder.run(Self.initArguments).status == 0)

        // The workbook is the default; importing it untouched changes nothing.
        let exported = try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("Wrote arventa-customs.xlsx: 144 questions for customs (Государственный таможенный комитет), 0 already answered."))
        #expect(exported.stdout.contains("save the workbook (.xlsx), then: cbm import-sheet arventa-customs.xlsx --into arventa.yaml"))
        #expect(try #require(folder.data("arventa-customs.xlsx")).starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let unchanged = try folder.run(["import-sheet", "arventa-customs.xlsx", "--into", "arventa.yaml"])
        #expect(unchanged.stdout.contains("No changes: arventa.yaml already holds every answer in the sheet (144 rows read)."), "\(unchanged.stderr)")

        // A second assessment gets answers through CSV; its workbook carries them into the first.
        let template = folder.text("arventa.yaml")
        folder.write("filled.yaml", template)
        folder.write("filled.csv", """
            agency,id,level or status,evidence,comment
            customs,cbm-core/political-will.strategy,3,"Постановление № 412
            вторая строка","=not a formula"
            customs,wto-tfa/7.1,partial,@road freight,-only pilots

            """)
        #expect(try folder.run(["import-sheet", "filled.csv", "--into", "filled.yaml"]).status == 0)
        #expect(try folder.run(["export-sheet", "filled.yaml", "--agency", "customs", "-o", "filled.xlsx"]).status == 0)
        let dry = try folder.run(["import-sheet", "filled.xlsx", "--into", "arventa.yaml", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("added  cbm-core/political-will.strategy  level 3, evidence \"Постановление № 412 вторая строка\", comment \"=not a formula\""))
        #expect(dry.stdout.contains("2 changes (2 added, 0 changed, 0 removed); 142 rows unchanged."))
        #expect(folder.text("arventa.yaml") == template)
        #expect(!folder.exists("arventa.yaml.bak"))
        let imported = try folder.run(["import-sheet", "filled.xlsx", "--into", "arventa.yaml"])
        #expect(imported.stdout.contains("Wrote arventa.yaml; the previous version is in arventa.yaml.bak."), "\(imported.stderr)")
        #expect(folder.text("arventa.yaml.bak") == template)
        #expect(folder.text("arventa.yaml") == folder.text("filled.yaml").replacingOccurrences(of: "filled.yaml", with: "arventa.yaml"))

        // A damaged workbook changes nothing.
        let whole = try #require(folder.data("filled.xlsx"))
        try whole.prefix(whole.count / 2).write(to: folder.url.appendingPathComponent("damaged.xlsx"))
        let after = folder.text("arventa.yaml")
        let damaged = try folder.run(["import-sheet", "damaged.xlsx", "--into", "arventa.yaml"])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("damaged.xlsx:1:1: error: this workbook is damaged"), "\(damaged.stderr)")
        #expect(damaged.stderr.contains("1 problem found; arventa.yaml was not changed."))
        #expect(folder.text("arventa.yaml") == after)
        #expect(folder.text("arventa.yaml.bak") == template)
    }

    @Test func formatFollowsTheNameOrTheOption() throws {
        let folder = Folder()
        #expect(try folder.run(Self.initArguments).status == 0)
        #expect(try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "--format", "csv"]).status == 0)
        #expect(folder.text("arventa-customs.csv").hasPrefix("\u{FEFF}agency,questionnaire,id,"))
        #expect(try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "-o", "semi", "--separator", "semicolon"]).status == 0)
        #expect(folder.text("semi").hasPrefix("\u{FEFF}agency;questionnaire;id;"))
        #expect(try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "-o", "book", "--format", "xlsx"]).status == 0)
        #expect(try #require(folder.data("book")).starts(with: [0x50, 0x4B]))

        let clash = try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "-o", "c.csv", "--format", "xlsx"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("-o c.csv names a .csv file, but --format is xlsx"))
        let separator = try folder.run(["export-sheet", "arventa.yaml", "--agency", "customs", "-o", "c.xlsx", "--separator", "semicolon"])
        #expect(separator.status == 1)
        #expect(separator.stderr.contains("--separator applies to CSV sheets only"))
        #expect(!folder.exists("c.csv") && !folder.exists("c.xlsx"))
    }

    /// Runs cbm with at most 400 MB of address space (`ulimit -v`): a run that needed more
    /// would fail to allocate and crash instead of exiting with its status.
    private static func bounded(_ arguments: [String], in folder: URL) throws -> (result: CLI.Result, seconds: Double) {
        let started = Date()
        let result = try CLI.run(["-c", "ulimit -v 400000 && exec \"$0\" \"$@\"", CLI.binary.path] + arguments, in: folder, executable: URL(fileURLWithPath: "/bin/sh"))
        return (result, Date().timeIntervalSince(started))
    }

    @Test func hostileWorkbooksEndFastInLittleMemory() throws {
        let folder = Folder()
        #expect(try folder.run(Self.initArguments).status == 0)
        func workbook(_ name: String, sheet: Data) throws {
            let archive = try Archive(url: folder.url.appendingPathComponent(name), accessMode: .create)
            let parts: [(String, Data)] = [
                ("xl/workbook.xml", Data("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
                ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
                ("xl/worksheets/sheet1.xml", sheet),
            ]
            for (path, bytes) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
        // A gigabyte of spaces, compressed to about a megabyte, made without holding it in memory.
        func bomb(_ name: String) throws {
            try workbook(name, sheet: Data("<worksheet/>".utf8))
            let archive = try Archive(url: folder.url.appendingPathComponent(name), accessMode: .update)
            try archive.remove(try #require(archive["xl/worksheets/sheet1.xml"]))
            let spaces = Data(repeating: 0x20, count: 1 << 16)
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: 1 << 30, compressionMethod: .deflate) { (_: Int64, size: Int) in
                spaces.prefix(size)
            }
        }
        var rows = [UInt8]("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".utf8)
        for row in 1...1_048_576 { rows += Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>1</v></c></row>".utf8) }
        rows += Array("</sheetData></worksheet>".utf8)
        try workbook("rows.xlsx", sheet: Data(rows))
        try bomb("bomb.xlsx")
        folder.write("renamed.xlsx", "agency,id\ncustoms,x\n")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 4096)).write(to: folder.url.appendingPathComponent("old.xlsx"))
        let before = folder.text("arventa.yaml")
        let expected = [
            "rows.xlsx": "rows.xlsx:1:1: error: the part xl/worksheets/sheet1.xml of this workbook is larger than 8 MB once unpacked",
            "bomb.xlsx": "bomb.xlsx:1:1: error: the part xl/worksheets/sheet1.xml of this workbook is larger than 8 MB once unpacked",
            "renamed.xlsx": "renamed.xlsx:1:1: error: this is not an Excel workbook: an .xlsx file is a zip archive, and this file is not one",
            "old.xlsx": "old.xlsx:1:1: error: this is an Excel 97–2003 workbook (.xls), whatever its name says",
        ]
        for (name, message) in expected {
            let (run, seconds) = try Self.bounded(["import-sheet", name, "--into", "arventa.yaml"], in: folder.url)
            #expect(run.status == 1, "\(name): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(seconds < 10, "\(name): \(seconds) s")
        }
        #expect(folder.text("arventa.yaml") == before)
    }

    /// Whether the acceptance script can run here: python3 with openpyxl, and LibreOffice.
    static let acceptanceTools: Bool = {
        let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        guard soffice.contains(where: FileManager.default.isExecutableFile(atPath:)) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openpyxl"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: acceptanceTools, "skipped: needs soffice (Debian package libreoffice-calc-nogui) and python3 with openpyxl; .ci/run installs both"),
          .timeLimit(.minutes(5)))
    func workbookSurvivesOpenpyxlAndLibreOffice() throws {
        let process = Process()
        process.executableURL = CLI.root.appendingPathComponent("scripts/workbook-acceptance")
        process.arguments = [CLI.binary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("All workbook checks passed (24 filled rows through openpyxl and through LibreOffice Calc)."), "\(text)")
    }
}
