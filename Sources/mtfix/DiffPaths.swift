import Foundation

/// How `diff` names its inputs in `--- a/PATH` headers: paths normalised lexically (`desk/../incoming/x`
/// → `incoming/x`), relative to the current folder when every input lies inside it. When one lies
/// outside (`../incoming/x`, `/srv/copy/x`), every path is written relative to the nearest folder that
/// holds all inputs, and `note` says where to run `git apply` or `patch -p1`: dropping the `../` (as
/// mtfix once did) made a patch that applies to a different file, and `git apply` refuses `..` and
/// absolute paths.
struct DiffPaths {
    /// The folder the paths are relative to when it is not the current folder (absolute, normalised).
    let base: String?
    private let cwd: [String]
    private let baseParts: [String]
    private let stdinName: String?

    init(_ sources: [InputSource], stdinName: String?) {
        let cwd = Self.components(Self.currentFolder())
        self.cwd = cwd
        self.stdinName = stdinName
        let named = sources.compactMap { $0.path ?? stdinName }
        let absolute = named.map { Self.absolute($0, cwd: cwd) }
        if absolute.allSatisfy({ $0.count > cwd.count && $0.starts(with: cwd) }) {
            base = nil
            baseParts = cwd
            return
        }
        // The common folder of the inputs' folders.
        var common = absolute.first.map { Array($0.dropLast()) } ?? []
        for parts in absolute.dropFirst() {
            let folder = parts.dropLast()
            var k = 0
            while k < common.count && k < folder.count && common[k] == folder[k] { k += 1 }
            common.removeSubrange(k...)
        }
        baseParts = common
        base = "/" + common.joined(separator: "/")
    }

    /// The path in the headers, without the `a/` or `b/`.
    func path(for source: InputSource) -> String {
        guard let p = source.path ?? stdinName else { return "stdin" }
        return Self.absolute(p, cwd: cwd).dropFirst(baseParts.count).joined(separator: "/")
    }

    /// What the user must know to apply the diff, when its paths are not relative to the current folder.
    var note: String? {
        base.map { "diff paths are relative to \($0), since an input lies outside the current folder; apply the diff there (cd \($0) && git apply, or patch -p1)" }
    }

    /// The path's components from the root, with `.` and `..` resolved lexically (a `..` at the root stays there).
    static func absolute(_ path: String, cwd: [String]) -> [String] {
        var parts = path.hasPrefix("/") ? [] : cwd
        for c in components(path) {
            if c == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(c)
            }
        }
        return parts
    }

    /// The non-empty components other than `.`.
    static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    /// The current folder as the shell names it (`$PWD`, when it is the same folder as `getcwd`'s, so a
    /// path typed through a symbolic link to the folder still counts as inside), else `getcwd`'s.
    static func currentFolder() -> String {
        let physical = FileManager.default.currentDirectoryPath
        if let pwd = ProcessInfo.processInfo.environment["PWD"], pwd.hasPrefix("/") {
            var a = stat()
            var b = stat()
            if stat(pwd, &a) == 0, stat(physical, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino { return pwd }
        }
        return physical
    }
}
