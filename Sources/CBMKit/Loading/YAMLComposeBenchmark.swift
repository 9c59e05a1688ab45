import Foundation

/// For `Benchmarks/` only (`@_spi(Benchmarks) import CBMKit`): the floor "compose the same
/// YAML with no model" that `cbm report` is measured against.
@_spi(Benchmarks)
public enum YAMLComposeBenchmark {
    /// Reads and composes one file the way cbm does (checks included), with no model.
    /// - Returns: the number of nodes, or nil when the file has a problem.
    public static func compose(path: String) -> Int? {
        let loaded = Loader.readYAML(at: URL(fileURLWithPath: path), shownAs: path)
        guard let document = loaded.value, !loaded.diagnostics.hasErrors else { return nil }
        return document.store.nodeCount
    }
}
