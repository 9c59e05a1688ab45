import Foundation

/// The folders cbm ships beside the program (`questionnaires`, `locales`, `templates`,
/// `prepared`), as `Bundle.module.url(forResource:withExtension:)` finds them, but without
/// setting up Foundation's bundles on every run when the folder is where SwiftPM puts it:
/// `cbm-assess_CBMKit.resources` next to the program (Linux). Anywhere else, `Bundle.module`.
enum BundledResources {
    /// `cbm-assess_CBMKit.resources` beside the running program, when there is one.
    private static let besideProgram: String? = {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink("/proc/self/exe", &buffer, 4096)
        guard count > 0 else { return nil }
        let program = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = program.lastIndex(of: "/") else { return nil }
        let folder = String(program[..<slash]) + "/cbm-assess_CBMKit.resources"
        var status = stat()
        return stat(folder, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR ? folder : nil
        #else
        return nil
        #endif
    }()

    /// The bundled folder `name`, or nil when it is missing.
    static func folder(_ name: String) -> URL? {
        if let besideProgram {
            let path = besideProgram + "/" + name
            var status = stat()
            return stat(path, &status) == 0 ? URL(fileURLWithPath: path, isDirectory: true) : nil
        }
        return fromBundle(name)
    }

    /// The bundled folder `name` as Foundation's bundle of CBMKit finds it: the way taken
    /// when there is no folder beside the program (the tests hold the two to the same folder).
    static func fromBundle(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil)
    }
}
