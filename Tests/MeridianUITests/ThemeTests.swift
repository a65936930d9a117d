import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// Themes: shipped files, the compiled-in default, fallbacks and problems with lines.
@Suite struct ThemeTests {
    let themesDir = Fixture.packageRoot.appendingPathComponent("Themes").path

    @Test func compiledInCopiesEqualTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDir).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files.count >= 3)
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.files.map(\.name)))
        for builtin in BuiltinThemes.files {
            let text = try String(contentsOfFile: themesDir + "/\(builtin.name).toml", encoding: .utf8)
            #expect(builtin.text + "\n" == text, "BuiltinThemes.\(builtin.name) differs from Themes/\(builtin.name).toml")
        }
    }

    @Test func shippedThemesDefineEveryRoleWithoutProblems() throws {
        let loader = ThemeLoader(searchDirectories: [themesDir])
        for name in ["default", "light", "solarized-dark"] {
            let (theme, problems) = try loader.load(name)
            #expect(problems.isEmpty, "\(name): \(problems)")
            let text = try String(contentsOfFile: themesDir + "/\(name).toml", encoding: .utf8)
            for role in ThemeRole.allCases { #expect(text.contains("\n\(role.key) = "), "\(name) lacks \(role.key)") }
            #expect(theme.name == name)
        }
        // The light theme really is light: a bright surface, dark text.
        let light = try loader.load("light").theme
        #expect(light.color(.surface) == TermColor(hex: "#ffffff"))
    }

    @Test func missingRolesFallBackToTheDefault() throws {
        let (theme, problems) = ThemeParser.parse("name = \"tiny\"\n[colors]\nwarning = \"#010203\"\n", file: "tiny.toml", base: .default)
        #expect(problems.isEmpty)
        #expect(theme.color(.warning) == .rgb(1, 2, 3))
        #expect(theme.color(.danger) == Theme.default.color(.danger))
        #expect(theme.name == "tiny")
    }

    @Test func badValuesAreProblemsWithTheirLines() {
        let text = "name = \"bad\"\n[colors]\nprimary = \"#12345\"\nsparkle = \"red\"\nmuted = 7\nfocus_border = \"bright-cyan\"\n"
        let (theme, problems) = ThemeParser.parse(text, file: "bad.toml", base: .default)
        #expect(problems.map(\.line) == [5, 3, 4])  // keys in sorted order: muted, primary, sparkle
        #expect(problems.map(\.description).allSatisfy { $0.hasPrefix("bad.toml:") })
        #expect(theme.color(.primary) == Theme.default.color(.primary))
        #expect(theme.color(.focusBorder) == .ansi(14))
        let broken = ThemeParser.parse("[colors\nx=", file: "broken.toml", base: .default)
        #expect(broken.problems.count == 1 && broken.problems[0].line != nil)
        #expect(broken.theme.colors == Theme.default.colors)
    }

    @Test func unknownThemeNamesTheChoices() {
        let loader = ThemeLoader(searchDirectories: [])
        #expect(throws: ThemeError.self) { try loader.load("no-such-theme") }
        do {
            _ = try loader.load("no-such-theme")
        } catch {
            #expect(error.message.contains("light") && error.message.contains("solarized-dark"))
        }
        // Without any directory the shipped themes still load (compiled in).
        #expect((try? loader.load("solarized-dark"))?.theme.name == "solarized-dark")
    }

    @Test func userDirectoryWinsAndPathsWork() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name = \"mine\"\n[colors]\naccent = \"#ff0000\"\n".write(toFile: dir + "/light.toml", atomically: true, encoding: .utf8)
        let loader = ThemeLoader(searchDirectories: [dir, themesDir])
        #expect(try loader.load("light").theme.color(.accent) == .rgb(255, 0, 0))
        #expect(try loader.load(dir + "/light.toml").theme.name == "mine")
    }

    @Test func colourTextForms() {
        #expect(ColorText.parse("#FFaa00") == .rgb(255, 170, 0))
        #expect(ColorText.parse("default") == .default)
        #expect(ColorText.parse("196") == .indexed(196))
        #expect(ColorText.parse("3") == .ansi(3))
        #expect(ColorText.parse("bright-black") == .ansi(8))
        #expect(ColorText.parse("256") == nil && ColorText.parse("#abc") == nil && ColorText.parse("purpleish") == nil)
    }

    @Test func monochromeUsesAttributesOnly() {
        let mono = Theme.default.monochromed()
        for role in ThemeRole.allCases {
            #expect(mono.style(role).fg == .default && mono.style(role).bg == .default)
        }
        #expect(mono.selected.attrs.contains(.reverse))
    }
}
