/// Limits that keep a hostile or broken file from hanging the tool or exhausting memory.
public struct ReadLimits: Sendable {
    /// Largest file read, in bytes. The full bundled questionnaires are well under 1 MB.
    public var maxBytes: Int = 10 * 1024 * 1024
    /// Deepest nesting of lists and mappings. Our formats need fewer than 10 levels.
    public var maxDepth: Int = 64

    /// The standard limits.
    public init() {}
    /// The limits every command uses.
    public static let standard = ReadLimits()
}
