import Foundation
import MTFixTestSupport
import Testing

/// Drives `mtfix review` in a real terminal (a private tmux server) and checks what it writes.
@Suite("review: in a terminal (tmux)", .serialized)
struct ReviewTerminalTests {
    /// A private tmux server (its own socket) running one command in a detached pane. Commands go
    /// through system(3): Foundation's Process did not reap the tmux client that forks the server.
    final class Tmux {
        let socket = "mtfix-test-\(UUID().uuidString.prefix(8))"
        let scratch: URL
        init() throws { scratch = try makeTempDir("mtfix-tmux") }

        @discardableResult
        func tmux(_ args: String) -> Int32 { system("tmux -L \(socket) \(args) </dev/null >/dev/null 2>&1") }

        func start(_ command: String) {
            let file = scratch.appendingPathComponent("cmd.sh")
            try? Data(command.utf8).write(to: file)
            tmux("new-session -d -s t -x 140 -y 60 'sh \(file.path)'")
        }
        func send(_ keys: String...) { tmux("send-keys -t t " + keys.joined(separator: " ")) }
        func screen() -> String {
            let out = scratch.appendingPathComponent("screen.txt")
            system("tmux -L \(socket) capture-pane -p -S -200 -t t >'\(out.path)' 2>/dev/null </dev/null")
            return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        }
        /// Waits until the screen shows `text` (up to 15 s); returns the screen.
        @discardableResult
        func wait(for text: String) -> String {
            for _ in 0..<150 {
                let s = screen()
                if s.contains(text) { return s }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return screen()
        }
        deinit { tmux("kill-server") }
    }

    static var haveTmux: Bool { system("tmux -V >/dev/null 2>&1 </dev/null") == 0 }

    @Test func acceptTwoRejectRestInATerminal() throws {
        guard Self.haveTmux else { return }
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("story.txt")
        try Data(threeHunkArticle.utf8).write(to: file)
        let tmux = try Tmux()
        tmux.start("cd '\(dir.path)' && '\(TestPaths.binary.path)' review story.txt; echo EXIT=$?; sleep 60")
        tmux.wait(for: "(1/3) Apply")
        tmux.send("y", "Enter")
        tmux.wait(for: "(2/3) Apply")
        tmux.send("y", "Enter")
        tmux.wait(for: "(3/3) Apply")
        tmux.send("n", "Enter")
        let screen = tmux.wait(for: "EXIT=")
        #expect(screen.contains("2 hunks applied in 1 file, 1 not applied"))
        #expect(screen.contains("EXIT=0"))
        let text = try String(contentsOf: file, encoding: .utf8)
        let expected = threeHunkArticle.replacingOccurrences(of: "Fish &amp; chips.", with: "Fish & chips.")
            .replacingOccurrences(of: "he said. Added.", with: "he added.")
        #expect(text == expected)
    }

    @Test func editorEditsTheHunk() throws {
        guard Self.haveTmux else { return }
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("story.txt")
        try Data("Fish &amp; chips.\n".utf8).write(to: file)
        let tmux = try Tmux()
        tmux.start("cd '\(dir.path)' && EDITOR='sed -i s/chips/fries/' '\(TestPaths.binary.path)' review story.txt; echo EXIT=$?; sleep 60")
        tmux.wait(for: "(1/1) Apply")
        tmux.send("e", "Enter")
        tmux.wait(for: "EXIT=")
        #expect(try String(contentsOf: file, encoding: .utf8) == "Fish & fries.\n")
    }

    @Test func refusesWithoutATerminal() throws {
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("story.txt")
        try Data("Fish &amp; chips.\n".utf8).write(to: file)
        let r = try mtfix(["review", file.path], stdin: "y\n")
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: review is interactive and stdin is not a terminal; use 'mtfix diff' and 'mtfix apply' in scripts\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "Fish &amp; chips.\n")
    }
}
