import CICUShim

/// An ICU call that failed, with ICU's own error name and what mtfix was doing.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let status: Int32
    public let context: String

    public init(status: Int32, context: String) {
        self.status = status
        self.context = context
    }

    public var name: String { String(cString: mtf_error_name(status)) }
    public var description: String { "\(context): ICU error \(name)" }

    /// Throws when `status` is an ICU failure code.
    @inline(__always)
    static func check(_ status: Int32, _ context: @autoclosure () -> String) throws {
        if status > 0 { throw ICUError(status: status, context: context()) }
    }
}
