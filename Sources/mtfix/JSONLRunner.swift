import Foundation
import MTFix

/// The JSON Lines mode of check and fix: streams every input line by line, repairs records in
/// bounded parallel batches, writes them to stdout in input order, and reports malformed lines
/// (with their line numbers) on stderr — passed through, or sent to the rejects file.
struct JSONLRunner {
    let repair: RecordRepair
    let jobs: Int
    let rejectsPath: String?
    let progress: Bool
    /// Hide the notes about records passed through without the field.
    let quiet: Bool

    /// Lines per batch and per worker; batches also close at `batchBytes` per worker.
    static let linesPerJob = 512
    static let bytesPerJob = 2 << 20

    /// Runs over `sources` (files or stdin) and returns the totals and exit status.
    func run(_ sources: [InputSource], status: inout ExitStatus) -> RunSummary {
        var summary = RunSummary()
        var rejects: UnsafeMutablePointer<FILE>?
        if let rejectsPath {
            guard let f = fopen(rejectsPath, "w") else {
                Terminal.error("\(rejectsPath): cannot open the rejects file: \(String(cString: strerror(errno)))")
                status.raise(2)
                return summary
            }
            rejects = f
        }
        defer { if let rejects { fclose(rejects) } }
        for source in sources {
            let fd: Int32 = source.path.map { open($0, O_RDONLY) } ?? STDIN_FILENO
            guard fd >= 0 else {
                Terminal.error("\(source.display): cannot read: \(String(cString: strerror(errno)))")
                summary.errors += 1
                status.raise(2)
                continue
            }
            defer { if source.path != nil { close(fd) } }
            var st = stat()
            let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
            let meter = ProgressMeter(enabled: progress, unit: "records", totalBytes: size)
            let reader = LineReader(fd: fd)
            var lineNo = 0
            var done = false
            while !done {
                var batch: [(line: [UInt8], terminated: Bool)] = []
                var bytes = 0
                while batch.count < Self.linesPerJob * jobs && bytes < Self.bytesPerJob * jobs {
                    guard let l = reader.next() else {
                        done = true
                        break
                    }
                    bytes += l.line.count + 1
                    batch.append(l)
                }
                let outcomes = Parallel.map(batch, jobs: jobs) { repair.process($0.line) }
                for (k, o) in outcomes.enumerated() {
                    lineNo += 1
                    summary.merge(o.summary)
                    if o.hasFindings { status.raise(1) }
                    var target = stdout
                    switch o.status {
                    case .repaired, .blank: break
                    case .skipped(let why) where !quiet:
                        Terminal.note("\(source.display):\(lineNo): \(why); passed through unchanged")
                    case .skipped: break
                    case .malformed(let m):
                        status.raise(2)
                        if let rejects {
                            target = rejects
                            Terminal.error("\(source.display):\(lineNo): malformed JSON (\(m)); written to \(rejectsPath!)")
                        } else {
                            Terminal.error("\(source.display):\(lineNo): malformed JSON (\(m)); passed through unchanged")
                        }
                    }
                    o.output.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, target) }
                    // A malformed last line without a newline still ends with one in the rejects file.
                    if batch[k].terminated || target == rejects { fputc(0x0A, target) }
                }
                meter.advance(units: batch.count, bytes: bytes)
            }
            meter.finish()
            if let e = reader.error {
                Terminal.error("\(source.display): read error after line \(lineNo): \(e)")
                summary.errors += 1
                status.raise(2)
            }
        }
        return summary
    }
}
