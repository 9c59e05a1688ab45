// Words of a YAML file told by their UTF-8 bytes, read in place (`YAMLNode.scalarBytes`),
// without making a `String` for each: keys, language codes and agency ids are compared and
// mostly dropped, and making (and checking) a string for each cost more than the comparison.
//
// Why comparing bytes gives the same answer as comparing strings: `String` equality is
// Unicode canonical equivalence, but every word compared this way is checked against ASCII
// text made of lowercase letters, digits, `-`, `_` and `.` (the keys a mapping allows, language
// codes, agency ids). A text canonically equivalent to such a word without having its bytes
// would need a character whose decomposition is one of those ASCII characters, and there is
// none (the only ones that decompose to ASCII give `K`, `;` and the backquote:
// `ByteTextTests` checks every Unicode scalar).

import Foundation

enum ByteText {
    /// Whether `bytes` are exactly the UTF-8 of `string`.
    @inline(__always)
    static func equals(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = string.utf8
        guard utf8.count == bytes.count else { return false }
        if let same = utf8.withContiguousStorageIfAvailable({ stored in
            bytes.count == 0 || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }) {
            return same
        }
        return utf8.elementsEqual(bytes)
    }

    /// A `String` of ASCII bytes (the caller has checked that each is below 0x80). Short ones,
    /// such as language codes, are made in place with no check of the UTF-8 (none is needed
    /// for ASCII); others as `String(decoding:as:)` makes them.
    static func asciiString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= 15 else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            _ = buffer.initialize(from: bytes)
            return bytes.count
        }
    }

    /// `isLanguageCode(_:)` of the text of `bytes`, without making it: `en`, `ru`, `pt-BR`,
    /// `zh-Hant`: 2 or 3 lowercase letters, then parts of 2 to 4 letters or digits after `-`.
    static func isLanguageCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var partLength = 0
        var isFirstPart = true
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                guard isFirstPart ? (2...3).contains(partLength) : (2...4).contains(partLength) else { return false }
                isFirstPart = false
                partLength = 0
                continue
            }
            let isLower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            let allowed = isFirstPart ? isLower
                : isLower || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard allowed else { return false }
            partLength += 1
        }
        return isFirstPart ? (2...3).contains(partLength) : (2...4).contains(partLength)
    }
}
