import ArgumentParser
import Foundation
import KatalogCore
import KatalogPipeline
import KatalogWriters

/// `katalog rules`: the rule catalog, as a list or as the Markdown of docs/rules.md.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the finding codes Katalog emits, with default severities and explanations.",
        discussion: "`katalog rules --markdown > docs/rules.md` regenerates the rule reference (a test checks it is current)."
    )

    @Flag(name: .long, help: "Print the Markdown of docs/rules.md.")
    var markdown = false

    func run() throws {
        if markdown {
            FileHandle.standardOutput.write(Data(RulesMarkdown.render().utf8))
            return
        }
        for info in RuleCatalog.all {
            print("\(info.code.rawValue.padding(toLength: 34, withPad: " ", startingAt: 0)) \(info.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(info.title)")
        }
    }
}
