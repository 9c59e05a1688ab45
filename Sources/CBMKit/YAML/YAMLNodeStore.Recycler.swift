import Foundation

extension YAMLNodeStore {
    /// The buffers of stores that are gone, kept for the next files read (a few sets, as many
    /// as files are read at once). Freed, they went back to the system and came again, page by
    /// page, for every file: `cbm validate` of many files spent a twentieth of its time on the
    /// page faults.
    final class Recycler: @unchecked Sendable {
        static let shared = Recycler()

        private let lock = NSLock()
        private var kept: [Buffers] = []
        /// Memory files were read into, kept for the next files like the buffers.
        private var keptBytes: [UnsafeMutableRawBufferPointer] = []
        /// How many sets are kept: two for each processor core.
        private let keptSets = 2 * ProcessInfo.processInfo.activeProcessorCount
        /// The largest set kept: the buffers of an unusually large file are freed.
        private let largestKept = 8 << 20

        /// Empty buffers for a file of `size` bytes: kept ones when there are.
        func take(forBytes size: Int) -> Buffers {
            let reused = lock.withLock { kept.popLast() }
            guard var buffers = reused else { return Buffers(forBytes: size) }
            buffers.reserve(forBytes: size)
            return buffers
        }

        /// Takes buffers back: empties them and keeps them, or frees them.
        func give(_ buffers: Buffers) {
            var buffers = buffers
            buffers.removeAll()
            let keep = buffers.allocatedBytes <= largestKept && lock.withLock {
                guard kept.count < keptSets else { return false }
                kept.append(buffers)
                return true
            }
            if !keep { buffers.free() }
        }
    
        /// Memory for reading a file of at least `size` bytes: kept memory when there is.
        func takeBytes(_ size: Int) -> UnsafeMutableRawBufferPointer {
            if let kept = lock.withLock({ keptBytes.popLast() }) {
                if kept.count >= size { return kept }
                kept.deallocate()
            }
            return .allocate(byteCount: size, alignment: 16)
        }

        /// Takes back memory a file was read into: keeps or frees it.
        func giveBytes(_ bytes: UnsafeMutableRawBufferPointer) {
            let keep = bytes.count <= largestKept && lock.withLock {
                guard keptBytes.count < keptSets else { return false }
                keptBytes.append(bytes)
                return true
            }
            if !keep { bytes.deallocate() }
        }
    }
}
