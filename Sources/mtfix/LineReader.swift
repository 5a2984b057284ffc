import Foundation

/// Reads a file descriptor line by line in 1 MiB chunks, so memory does not grow with the stream:
/// only the current chunk and the current (possibly long) line are held.
final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var pos = 0
    private var eof = false
    private(set) var error: String?
    static let chunk = 1 << 20

    init(fd: Int32) { self.fd = fd }

    /// The next line without its `\n`, and whether it had one; nil at end of input.
    func next() -> (line: [UInt8], terminated: Bool)? {
        var start = pos
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[pos..<nl])
                pos = nl + 1
                return (line, true)
            }
            if eof {
                guard pos < buffer.count else { return nil }
                let line = Array(buffer[pos...])
                pos = buffer.count
                return (line, false)
            }
            // Keep the unfinished line, drop what was consumed, read more.
            start = buffer.count - pos
            buffer.removeFirst(pos)
            pos = 0
            fill()
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: Self.chunk)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, Self.chunk) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { error = String(cString: strerror(errno)) }
            if n <= 0 {
                eof = true
                return
            }
            buffer.append(contentsOf: chunk[0..<n])
            return
        }
    }
}
