import Foundation
import Testing
@testable import CBMKit

@Suite("Bundled folders")
struct BundledResourcesTests {
    /// The folders found beside the program are those Foundation's bundle finds.
    @Test(arguments: ["questionnaires", "locales", "templates", "prepared"])
    func theSameFolderAsTheBundleGives(name: String) throws {
        let found = try #require(BundledResources.folder(name))
        let expected = try #require(BundledResources.fromBundle(name))
        #expect(found.resolvingSymlinksInPath().standardizedFileURL.path == expected.resolvingSymlinksInPath().standardizedFileURL.path)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: found.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func aMissingFolderIsNil() {
        #expect(BundledResources.folder("no-such-folder") == nil)
        #expect(BundledResources.fromBundle("no-such-folder") == nil)
    }
}
