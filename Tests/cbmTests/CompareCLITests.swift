import Foundation
import Testing

@Suite("cbm compare")
struct CompareCLITests {
    static let region = ["examples/arventa-2026.yaml", "examples/borovia-2026.yaml", "examples/kestria-2026.yaml"]

    @Test func comparesCountriesInText() throws {
        let result = try CLI.run(["compare"] + Self.region)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Regional comparison of 3 countries, 2026"))
        #expect(result.stdout.contains("Regional median"))
        #expect(result.stdout.contains("The countries answered different versions of cbm-core"))
    }

    @Test func jsonFollowsTheScoreJSON() throws {
        let result = try CLI.run(["compare", "--format", "json"] + Self.region)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "cbm-comparison")
        let countries = try #require(object["countries"] as? [[String: Any]])
        #expect(countries.map { $0["rank"] as? Int } == [1, 2, 3])
        let regional = try #require(object["regional"] as? [String: Any])
        let maturity = try #require((regional["maturity"] as? [[String: Any]])?.first)
        let dimension = try #require((maturity["dimensions"] as? [[String: Any]])?.first)
        #expect(Set(["id", "median", "q1", "q3"]).isSubset(of: dimension.keys))
    }

    @Test func anIncompleteCrossingIsRefused() throws {
        let result = try CLI.run(["compare", "examples/crossing-dovrak-2026.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no file given assesses the other side"))
        #expect(!result.stderr.contains("Fatal"))
    }

    @Test func writesTheReportWithoutOverwriting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbm-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = (Self.region + ["examples/crossing-dovrak-2026.yaml", "examples/crossing-zelmar-2026.yaml"]).map { CLI.root.appendingPathComponent($0).path }
        let first = try CLI.run(["compare", "--format", "html"] + files, in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("comparison.html"), encoding: .utf8)
        #expect(html.contains("Crossing points seen from both sides"))
        let again = try CLI.run(["compare", "--format", "html"] + files, in: dir)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
    }
}
