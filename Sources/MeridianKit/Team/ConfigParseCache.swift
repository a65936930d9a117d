/// What each TOML file of a TEAM parsed to, kept between loads and keyed by the file's exact
/// bytes: every load reads the (small, capped) files, but parses only those whose bytes changed.
/// Besides saving time, this bounds memory on a long-running dashboard: TOMLKit 0.6.0 never frees
/// a parsed document (its `TOMLTable` has no deinit), so parsing every file on every reload grows.
/// Keyed on content, not on modification times, whose coarse clock can miss a quick same-size edit.
final class ConfigParseCache {
    private var entries: [String: (bytes: [UInt8], value: Any)] = [:]
    private var used: Set<String> = []

    init() {}

    /// Reads `relative` (at most `TeamConfigLoader.maxTOMLBytes`, never through a link) and returns
    /// the cached result when its bytes are unchanged, else `parse(bytes)`, then cached.
    func value<T>(for relative: String, teamPath: String, parse: (Result<[UInt8], SafeFiles.FileError>) -> T) -> T {
        used.insert(relative)
        let read = SafeFiles.read(teamPath + "/" + relative, limit: TeamConfigLoader.maxTOMLBytes)
        guard case .success(let bytes) = read else {
            entries[relative] = nil
            return parse(read)
        }
        if let hit = entries[relative], hit.bytes == bytes, let value = hit.value as? T { return value }
        let value = parse(read)
        entries[relative] = (bytes, value)
        return value
    }

    func beginPass() { used.removeAll(keepingCapacity: true) }

    /// Forgets files not seen in this pass (deleted or renamed).
    func endPass() { entries = entries.filter { used.contains($0.key) } }
}
