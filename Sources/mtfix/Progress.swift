import Foundation

/// A one-line progress bar on stderr (done/total, MB/s, ETA), redrawn at most ten times a second and
/// erased at the end; it does nothing when disabled.
final class ProgressMeter {
    private let enabled: Bool
    private let unit: String
    private let totalUnits: Int?
    private let totalBytes: Int?
    private var units = 0
    private var bytes = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool, unit: String, totalUnits: Int? = nil, totalBytes: Int? = nil) {
        self.enabled = enabled
        self.unit = unit
        self.totalUnits = totalUnits
        self.totalBytes = totalBytes
    }

    func advance(units u: Int, bytes b: Int) {
        guard enabled else { return }
        units += u
        bytes += b
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw(now)
    }

    private func draw(_ now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed / 1_000_000
        var fraction: Double?
        if let t = totalBytes, t > 0 { fraction = min(Double(bytes) / Double(t), 1) } else if let t = totalUnits, t > 0 { fraction = min(Double(units) / Double(t), 1) }
        var line = ""
        if let f = fraction {
            let width = 24
            let filled = Int(f * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        }
        line += "\(units)" + (totalUnits.map { "/\($0)" } ?? "") + " \(unit)  " + String(format: "%.1f MB/s", rate)
        if let f = fraction, f > 0 {
            let eta = Int(elapsed / f - elapsed)
            line += String(format: "  ETA %d:%02d", eta / 60, eta % 60)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Erases the bar so later messages start on a clean line.
    func finish() {
        if enabled && drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
