import Foundation
import Testing
import ZIPFoundation
@testable import CBMKit

@Suite("Agency workbook: damaged files")
struct WorkbookFuzzTests {
    /// Seeded damage to a real workbook (bytes changed, the file cut short): the import never
    /// crashes, and either reads the workbook or explains in one located message what is wrong.
    @Test func damagedWorkbooksAreReadOrExplained() throws {
        let exported = try WorkbookFixture.export()
        var resave = SpreadsheetResave(sheets: SpreadsheetResave.sheets(of: exported))
        resave.fill("mini/alpha.two", "2", evidence: "Plan")
        let saved = try resave.data()
        var random = SplitMix64(seed: 2026)
        var read = 0, refused = 0
        for round in 0..<400 {
            var bytes = [UInt8](round.isMultiple(of: 2) ? exported : saved)
            if round % 5 == 4 {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            } else {
                for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            let (result, diagnostics) = WorkbookFixture.merge(Data(bytes))
            if result != nil {
                read += 1
                #expect(!diagnostics.hasErrors)
            } else {
                refused += 1
                #expect(!diagnostics.errors.isEmpty, "round \(round)")
                for error in diagnostics.errors { #expect(error.location.file == "customs.xlsx" && error.location.line >= 1) }
            }
        }
        #expect(read + refused == 400)
        #expect(refused > 100, "most damage is noticed (\(read) read, \(refused) refused)")
    }

    /// Damage inside the XML (tags, quotes, references, invalid UTF-8) with correct zip
    /// checksums, as a program with a bug might write it: never a crash.
    @Test func damagedXMLIsReadOrExplained() throws {
        let exported = try WorkbookFixture.export()
        let source = try Archive(data: exported, accessMode: .read)
        var parts: [(String, [UInt8])] = []
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            parts.append((entry.path, [UInt8](bytes)))
        }
        let alphabet = Array("<>/=\"'&;:#x_ \n".utf8) + [0xC3, 0xFF, 0x80, 0xD0]
        var random = SplitMix64(seed: 7)
        var refused = 0
        for round in 0..<300 {
            var damaged = parts
            let target = [1, 2, 4, 5, 6].randomElement(using: &random)! % damaged.count
            for _ in 0..<Int.random(in: 1...4, using: &random) where !damaged[target].1.isEmpty {
                let at = Int.random(in: 0..<damaged[target].1.count, using: &random)
                if Bool.random(using: &random) {
                    damaged[target].1[at] = alphabet.randomElement(using: &random)!
                } else {
                    damaged[target].1.removeSubrange(at..<min(damaged[target].1.count, at + Int.random(in: 1...40, using: &random)))
                }
            }
            let archive = try Archive(accessMode: .create)
            for (path, bytes) in damaged {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            let (result, diagnostics) = WorkbookFixture.merge(try #require(archive.data))
            if result == nil {
                refused += 1
                #expect(!diagnostics.errors.isEmpty, "round \(round)")
            }
        }
        #expect(refused > 50, "\(refused) of 300 refused")
    }
}
