import Foundation

/// Where things are when tests run: the package root, the built binary, and `../shared` if present.
public enum TestPaths {
    public static let packageRoot: URL = {
        // Tests/MTFixTestSupport/Support.swift → package root.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `../shared` beside the package, when the workplace provides it (tests that need it skip otherwise).
    public static let shared: URL? = {
        let u = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }()

    public static let corpora = packageRoot.appendingPathComponent("Corpora")

    /// The `mtfix` binary built alongside the tests (same build folder as the test bundle).
    public static let binary: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
        ]
        for c in candidates.compactMap({ $0 }) {
            for dir in [c, c.deletingLastPathComponent(), c.deletingLastPathComponent().deletingLastPathComponent()] {
                let b = dir.appendingPathComponent("mtfix")
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: b.path, isDirectory: &isDir), !isDir.boolValue { return b }
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/mtfix")
    }()
}

private final class Marker {}

/// What a process printed and how it ended.
public struct ProcessResult: Sendable {
    public let stdout: String
    public let stderr: String
    public let status: Int32
}

/// Runs an executable with arguments, optional stdin and environment additions; waits for it.
@discardableResult
public func runProcess(
    _ executable: URL, _ args: [String], stdin: Data? = nil, cwd: URL? = nil, env: [String: String] = [:]
) throws -> ProcessResult {
    let p = Process()
    p.executableURL = executable
    p.arguments = args
    if let cwd { p.currentDirectoryURL = cwd }
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    p.standardOutput = outPipe
    p.standardError = errPipe
    p.standardInput = inPipe
    try p.run()
    // Read both pipes concurrently so a large output cannot block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box()
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        outBox.data = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
        errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try? inPipe.fileHandleForWriting.close()
    p.waitUntilExit()
    group.wait()
    return ProcessResult(
        stdout: String(decoding: outBox.data, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self),
        status: p.terminationStatus)
}

/// Runs the built `mtfix`.
@discardableResult
public func mtfix(_ args: [String], stdin: String? = nil, cwd: URL? = nil, env: [String: String] = [:]) throws -> ProcessResult {
    try runProcess(TestPaths.binary, args, stdin: stdin.map { Data($0.utf8) }, cwd: cwd, env: env)
}

/// Runs a tool found on PATH (git, patch).
@discardableResult
public func runTool(_ name: String, _ args: [String], stdin: String? = nil, cwd: URL? = nil) throws -> ProcessResult {
    try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [name] + args, stdin: stdin.map { Data($0.utf8) }, cwd: cwd)
}

/// A fresh temporary folder, removed when the returned object is deinitialized... or at exit.
public func makeTempDir(_ name: String = "mtfix-test") throws -> URL {
    let u = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
}

/// Checks that `diff` applies with the real `git apply` and `patch -p1` to a copy of `original` stored
/// at `path` in a scratch repository, and that the result equals `expected`. Returns a problem or nil.
public func checkDiffApplies(_ diff: String, path: String, original: String, expected: String) throws -> String? {
    for tool in ["git", "patch"] {
        let dir = try makeTempDir("mtfix-apply")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(original.utf8).write(to: file)
        let r: ProcessResult
        if tool == "git" {
            try runTool("git", ["init", "-q", "."], cwd: dir)
            r = try runTool("git", ["apply", "-"], stdin: diff, cwd: dir)
        } else {
            r = try runTool("patch", ["-p1", "--quiet", "--no-backup-if-mismatch"], stdin: diff, cwd: dir)
        }
        if r.status != 0 { return "\(tool) refused the diff (\(r.status)): \(r.stderr)\(r.stdout)\n\(diff)" }
        let got = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        if got != expected { return "\(tool) applied the diff but the result differs from the expected text" }
    }
    return nil
}
