extension YAMLNodeStore {
    /// A growable run of values in memory allocated by hand, which the composer appends to and
    /// the store then takes over as it is. With an `Array`, the store had to copy every node
    /// and text once more (and retain and release each text) when the file was composed.
    ///
    /// Not a value with copy semantics: copies share the memory, and exactly one owner frees
    /// it, with `free()` or by handing it to a `YAMLNodeStore`.
    struct Buffer<Element> {
        private(set) var base: UnsafeMutablePointer<Element>
        private(set) var count = 0
        private(set) var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        subscript(index: Int) -> Element {
            get { base[index] }
            nonmutating set { base[index] = newValue }
        }

        mutating func append(_ element: Element) {
            if count == capacity { grow() }
            (base + count).initialize(to: element)
            count += 1
        }

        /// Appends copies of `source`'s values (for trivial values such as bytes).
        mutating func append(contentsOf source: UnsafeBufferPointer<Element>) {
            while capacity - count < source.count { grow() }
            if let from = source.baseAddress { (base + count).initialize(from: from, count: source.count) }
            count += source.count
        }

        /// Appends the last `count - start` values of `other` and removes them from it.
        mutating func moveTail(of other: inout Buffer<Element>, from start: Int) {
            let moved = other.count - start
            while capacity - count < moved { grow() }
            (base + count).moveInitialize(from: other.base + start, count: moved)
            count += moved
            other.count = start
        }

        /// Room for at least `minimum` values.
        mutating func reserve(_ minimum: Int) {
            if minimum > capacity { grow(to: minimum) }
        }

        private mutating func grow(to newCapacity: Int? = nil) {
            capacity = newCapacity ?? capacity * 2
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
        }

        /// The values, for the store that takes the memory over.
        var values: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

        /// Destroys the values and keeps the memory.
        mutating func removeAll() {
            base.deinitialize(count: count)
            count = 0
        }

        /// Destroys the values and frees the memory.
        func free() {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// The buffers of one store.
    struct Buffers {
        var records: Buffer<Record>
        var children: Buffer<Int32>
        /// The texts of the scalars, one after the other, in UTF-8.
        var text: Buffer<UInt8>

        /// Empty buffers with room for a file of `size` bytes: about one node per 20 bytes in
        /// cbm files, and texts no longer than the file, so that they rarely grow.
        init(forBytes size: Int) {
            records = Buffer(capacity: size / 20)
            children = Buffer(capacity: size / 20)
            text = Buffer(capacity: size)
        }

        mutating func reserve(forBytes size: Int) {
            records.reserve(size / 20)
            children.reserve(size / 20)
            text.reserve(size)
        }

        /// How much memory they hold, in bytes.
        var allocatedBytes: Int {
            records.capacity * MemoryLayout<Record>.stride + children.capacity * MemoryLayout<Int32>.stride
                + text.capacity
        }

        mutating func removeAll() {
            records.removeAll()
            children.removeAll()
            text.removeAll()
        }

        func free() {
            records.free()
            children.free()
            text.free()
        }
    }
}
