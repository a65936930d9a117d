import Foundation
import MeridianKit

/// Why a theme could not be chosen.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Finds a theme by name: a path to a `.toml` file, else `NAME.toml` in the search directories
/// (the user's `$XDG_CONFIG_HOME/meridian/themes` first, then a shipped `Themes/` folder), else the
/// compiled-in copy of a shipped theme. Every theme is read over the default.
public struct ThemeLoader: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The usual directories for this environment and executable.
    public static func standardDirectories(environment: [String: String], executable: String) -> [String] {
        var dirs: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/meridian/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/meridian/themes")
        }
        // A source checkout: .build/<config>/meridian → ../../Themes; an install: bin/../share/meridian/themes.
        let exeDir = (executable as NSString).deletingLastPathComponent
        dirs.append(((exeDir as NSString).appendingPathComponent("../../Themes") as NSString).standardizingPath)
        dirs.append(((exeDir as NSString).appendingPathComponent("../share/meridian/themes") as NSString).standardizingPath)
        return dirs
    }

    /// Names of the shipped themes.
    public static var builtinNames: [String] { BuiltinThemes.files.map(\.name) }

    /// The theme called `name` (nil: the default), with problems found in its file.
    public func load(_ name: String?) throws(ThemeError) -> (theme: Theme, problems: [Problem]) {
        guard let name, !name.isEmpty, name != "default" || !hasFile("default") else {
            return (Theme.default, [])
        }
        if name.hasSuffix(".toml") || name.contains("/") {
            guard let text = read(name) else { throw ThemeError(message: "Cannot read the theme file '\(name)'.") }
            return ThemeParser.parse(text, file: name, base: .default)
        }
        for dir in searchDirectories {
            let path = dir + "/" + name + ".toml"
            if let text = read(path) { return ThemeParser.parse(text, file: path, base: .default) }
        }
        if let builtin = BuiltinThemes.files.first(where: { $0.name == name }) {
            return ThemeParser.parse(builtin.text, file: name + ".toml", base: .default)
        }
        throw ThemeError(message: "Unknown theme '\(name)'; choose one of \(availableNames().joined(separator: ", ")), or give a path to a .toml file.")
    }

    /// Every theme name found in the search directories plus the shipped ones, sorted.
    public func availableNames() -> [String] {
        var names = Set(Self.builtinNames)
        for dir in searchDirectories {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where file.hasSuffix(".toml") && !file.hasPrefix(".") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    private func hasFile(_ name: String) -> Bool {
        searchDirectories.contains { FileManager.default.fileExists(atPath: $0 + "/" + name + ".toml") }
    }

    private func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
