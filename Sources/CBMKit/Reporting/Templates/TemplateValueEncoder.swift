/// Turns an `Encodable` view model into a `TemplateValue` tree: structs become objects, arrays
/// lists. A `nil` field is left out (the synthesized `encode(to:)` skips it), so a template
/// sees it as missing, as Mustache does. View models only hold strings, numbers, booleans,
/// arrays and other view models; nothing here throws.
enum TemplateValueEncoder {
    static func encode<Value: Encodable>(_ value: Value) -> TemplateValue {
        let encoder = Node()
        try? value.encode(to: encoder)
        return encoder.value
    }

    /// One value being encoded, and the encoder that fills it.
    fileprivate final class Node: Encoder {
        enum Storage {
            case none
            case object(ObjectBox)
            case list(ListBox)
            case single(TemplateValue)
        }
        var storage: Storage = .none
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        var value: TemplateValue {
            switch storage {
            case .none: return .null
            case let .object(box): return .object(box.object)
            case let .list(box): return .list(box.items)
            case let .single(value): return value
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case let .object(box) = storage { return KeyedEncodingContainer(Keyed<Key>(box: box)) }
            let box = ObjectBox()
            storage = .object(box)
            return KeyedEncodingContainer(Keyed<Key>(box: box))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case let .list(box) = storage { return Unkeyed(box: box) }
            let box = ListBox()
            storage = .list(box)
            return Unkeyed(box: box)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: self) }
    }

    fileprivate final class ObjectBox { var object = TemplateObject() }
    fileprivate final class ListBox { var items: [TemplateValue] = [] }

    /// The value of a nested `Encodable`, with the common leaf types taken directly.
    fileprivate static func box<Value: Encodable>(_ value: Value) -> TemplateValue {
        switch value {
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .int(int)
        case let double as Double: return .double(double)
        default: return encode(value)
        }
    }

    fileprivate struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        var codingPath: [any CodingKey] { [] }

        private func set(_ value: TemplateValue, _ key: Key) {
            box.object.keys.append(key.stringValue)
            box.object.values.append(value)
        }

        mutating func encodeNil(forKey key: Key) { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) { set(.double(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) { set(.double(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) { set(.int(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: UInt, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) { set(.int(Int(value)), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(TemplateValueEncoder.box(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("view models encode nested values through encode(_:forKey:)")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("view models encode nested values through encode(_:forKey:)")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("view models have no superclass") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("view models have no superclass") }
    }

    fileprivate struct Unkeyed: UnkeyedEncodingContainer {
        let box: ListBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() { box.items.append(.null) }
        mutating func encode(_ value: Bool) { box.items.append(.bool(value)) }
        mutating func encode(_ value: String) { box.items.append(.string(value)) }
        mutating func encode(_ value: Double) { box.items.append(.double(value)) }
        mutating func encode(_ value: Int) { box.items.append(.int(value)) }
        mutating func encode(_ value: Float) { box.items.append(.double(Double(value))) }
        mutating func encode(_ value: Int8) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: Int16) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: Int32) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: Int64) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: UInt) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: UInt8) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: UInt16) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: UInt32) { box.items.append(.int(Int(value))) }
        mutating func encode(_ value: UInt64) { box.items.append(.int(Int(value))) }
        mutating func encode<T: Encodable>(_ value: T) { box.items.append(TemplateValueEncoder.box(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("view models encode nested values through encode(_:)")
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("view models encode nested values through encode(_:)")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("view models have no superclass") }
    }

    fileprivate struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { node.storage = .single(.null) }
        mutating func encode(_ value: Bool) { node.storage = .single(.bool(value)) }
        mutating func encode(_ value: String) { node.storage = .single(.string(value)) }
        mutating func encode(_ value: Double) { node.storage = .single(.double(value)) }
        mutating func encode(_ value: Int) { node.storage = .single(.int(value)) }
        mutating func encode(_ value: Float) { node.storage = .single(.double(Double(value))) }
        mutating func encode(_ value: Int8) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: Int16) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: Int32) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: Int64) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: UInt) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: UInt8) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: UInt16) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: UInt32) { node.storage = .single(.int(Int(value))) }
        mutating func encode(_ value: UInt64) { node.storage = .single(.int(Int(value))) }
        mutating func encode<T: Encodable>(_ value: T) { node.storage = .single(TemplateValueEncoder.box(value)) }
    }
}
