import Foundation

/// A value made on another thread, waited for where it is needed.
final class Promise<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func fulfil(_ value: T) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
