import ArgumentParser
import Foundation
import MTFix
import MTFixICU

/// Hidden: ICU sentence segmentation alone over the inputs, read the same way `check` reads them. It is
/// the speed ceiling `scripts/bench` compares the engine with; not part of the documented interface.
struct SegmentBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment-bench", abstract: "Time ICU sentence segmentation alone (for scripts/bench).",
        shouldDisplay: false)

    @Argument(help: "Files or directories.")
    var paths: [String] = []

    func run() throws {
        var errors: [String] = []
        var notes: [String] = []
        var sentences = 0
        var bytes = 0
        for source in Inputs.expand(paths, errors: &errors, notes: &notes) {
            guard let text = try? Inputs.read(source, lossy: true) else { continue }
            bytes += text.utf8.count
            let units = Array(text.utf16)
            sentences += ((try? Segmenter.boundaries(.sentence, locale: "en@ss=standard", in: units))?.count ?? 1) - 1
        }
        Terminal.out("\(bytes) bytes, \(sentences) sentences\n")
    }
}
