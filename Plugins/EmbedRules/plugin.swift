import Foundation
import PackagePlugin

/// Build tool plugin: compiles the top-level `Rules/` folder into the `MTFixRules` module, so the
/// default rules ship inside the `mtfix` binary and work from any directory.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "rule-embedder")
        let rules = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        var inputs: [URL] = []
        if let e = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in e where url.pathExtension == "yml" { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding Rules/ (\(inputs.count) files)",
                executable: tool.url,
                arguments: [rules.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
