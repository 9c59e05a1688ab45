import Foundation

/// Compact binary forms of bundled files ("prepared" forms: the questionnaires,
/// `PreparedQuestionnaire`, and the string tables, `StringTable.prepared`), read instead of
/// parsing their YAML on every run, and the means to write and read them.
///
/// Every prepared file starts with a head: four letters naming what it holds, the format
/// version (one byte), and the length and fingerprint of the YAML text it was made from. A
/// reader checks the head against the YAML beside it: a prepared form is used only when it
/// was made from that very text by this format version, and otherwise (the YAML edited since,
/// the file damaged or missing) the YAML is read as always. After the head come the values,
/// written by `Writer` and read back by `Reader`: whole numbers as variable-length integers
/// (zigzag), texts as their UTF-8 length and bytes, `Double`s as their 8 bytes, optional
/// values behind a 0/1 byte, lists (and dictionaries, sorted by key) behind their count.
enum PreparedForm {
    /// The folder of the bundled resources that holds the prepared files.
    static let folder = "prepared"

    /// The head of a prepared file made from `source`, for `kind` (four letters) and `version`.
    static func head(kind: [UInt8], version: UInt8, source: UnsafeRawBufferPointer) -> Writer {
        var writer = Writer()
        writer.bytes += kind
        writer.bytes.append(version)
        writer.uint(UInt64(source.count))
        writer.fixed64(fingerprint(source))
        return writer
    }

    /// What `read` makes of `prepared`, when its head says it was made from `source` for
    /// `kind` and `version` and `read` takes it to its last byte (or anywhere, unless
    /// `whole`); nil otherwise (stale, damaged, another format). `file` is the name places
    /// are shown with.
    static func read<T>(_ prepared: UnsafeRawBufferPointer, kind: [UInt8], version: UInt8, source: UnsafeRawBufferPointer, file: String,
                        whole: Bool = true, _ read: (inout Reader) throws(Damaged) -> T) -> T? {
        var reader = Reader(bytes: prepared, file: file)
        do {
            guard try reader.take(kind.count).elementsEqual(kind), try reader.byte() == version,
                  try reader.uint() == UInt64(source.count), try reader.fixed64() == fingerprint(source) else { return nil }
            let value = try read(&reader)
            return !whole || reader.offset == prepared.count ? value : nil
        } catch {
            return nil
        }
    }

    /// `read` applied to the prepared file at `prepared` and the YAML file at `source`, both
    /// mapped into memory (`MappedFile`, up to `maxBytes`); nil when either can't be read or
    /// `read` gives nil.
    static func withFiles<T>(prepared: URL, source: URL, maxBytes: Int,
                             _ read: (_ prepared: UnsafeRawBufferPointer, _ source: UnsafeRawBufferPointer) -> T?) -> T? {
        let found = MappedFile.withBytes(of: prepared.path, maxBytes: maxBytes) { form in
            MappedFile.withBytes(of: source.path, maxBytes: maxBytes) { text in read(form, text) }
        }
        // nil at any level: a file missing, or nothing read.
        if case let value??? = found { return value }
        return nil
    }

    /// A 64-bit fingerprint of a text, to tell whether it changed: its words of 8 bytes mixed
    /// into four lanes in turn (for speed), each step reversible, so that changing any one
    /// word always changes its lane, and the lanes are then mixed together. Not a defence
    /// against deliberate collisions (whoever can edit the YAML can edit the prepared file
    /// too), only against using a prepared file after its YAML was edited.
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        func mix(_ hash: inout UInt64, _ word: UInt64) {
            hash = (hash ^ word) &* prime
            hash ^= hash >> 29
        }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB)
        var offset = 0
        while offset + 32 <= bytes.count {
            mix(&lanes.0, word(offset))
            mix(&lanes.1, word(offset + 8))
            mix(&lanes.2, word(offset + 16))
            mix(&lanes.3, word(offset + 24))
            offset += 32
        }
        var hash = UInt64(bytes.count)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { mix(&hash, lane) }
        while offset + 8 <= bytes.count {
            mix(&hash, word(offset))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        mix(&hash, tail)
        return hash
    }

    // MARK: Writing

    /// Writes values one after the other (see `PreparedForm`); each kind of file adds its own
    /// values in an extension.
    struct Writer {
        var bytes: [UInt8] = []

        mutating func uint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
        mutating func fixed64(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }

        mutating func string(_ value: String) {
            uint(UInt64(value.utf8.count))
            bytes += value.utf8
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            bool(value != nil)
            if let value { write(&self, value) }
        }

        mutating func list<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            uint(UInt64(values.count))
            for value in values { write(&self, value) }
        }

        /// A dictionary as the list of its pairs sorted by `order` (so that the same
        /// dictionary is always written the same way), each written by `write`.
        mutating func dictionary<Key, Value>(_ values: [Key: Value], by order: (Key) -> some Comparable,
                                             _ write: (inout Writer, Key, Value) -> Void) {
            list(values.sorted { order($0.key) < order($1.key) }) { write(&$0, $1.key, $1.value) }
        }
    }

    // MARK: Reading

    /// The file ends early, or holds something the writer never writes.
    struct Damaged: Error {}

    /// Reads what `Writer` wrote, checking every length against what is left.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        let file: String
        var offset = 0

        init(bytes: UnsafeRawBufferPointer, file: String) {
            self.bytes = bytes
            self.file = file
        }

        mutating func byte() throws(Damaged) -> UInt8 {
            guard offset < bytes.count else { throw Damaged() }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func take(_ count: Int) throws(Damaged) -> UnsafeRawBufferPointer {
            guard count <= bytes.count - offset else { throw Damaged() }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        }

        mutating func uint() throws(Damaged) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                guard shift < 64 else { throw Damaged() }
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
        }

        mutating func int() throws(Damaged) -> Int {
            let zigzag = try uint()
            return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
        }

        /// A count of things that take at least a byte each: never more than the bytes left.
        mutating func count() throws(Damaged) -> Int {
            let count = try uint()
            guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
            return Int(count)
        }

        mutating func bool() throws(Damaged) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw Damaged()
            }
        }

        mutating func fixed64() throws(Damaged) -> UInt64 {
            let word = try take(8)
            return word.reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }

        mutating func double() throws(Damaged) -> Double { Double(bitPattern: try fixed64()) }

        mutating func string() throws(Damaged) -> String {
            String(decoding: try take(try count()), as: UTF8.self)
        }

        mutating func optional<T>(_ read: (inout Reader) throws(Damaged) -> T) throws(Damaged) -> T? {
            try bool() ? try read(&self) : nil
        }

        mutating func list<T>(_ read: (inout Reader) throws(Damaged) -> T) throws(Damaged) -> [T] {
            let count = try count()
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try read(&self)) }
            return values
        }

        /// A dictionary written by `Writer.dictionary`, each pair read by `read`.
        mutating func dictionary<Key: Hashable, Value>(_ read: (inout Reader) throws(Damaged) -> (Key, Value)) throws(Damaged) -> [Key: Value] {
            let count = try count()
            var values = [Key: Value](minimumCapacity: count)
            for _ in 0..<count {
                let (key, value) = try read(&self)
                values[key] = value
            }
            return values
        }
    }
}
