/// How a `meridian` process ends: output written, then `exit` (in `MeridianMain`), with the OS
/// reclaiming memory in one go. A loaded big team is hundreds of thousands of objects; releasing
/// them one by one cost about 8 % of a cold `status --json`.
enum ProcessExit {
    /// Keeps `object` alive until the process exits, so nothing spends time freeing it. For
    /// what a command loads once per process (the team), never for anything made in a loop.
    static func keepUntilExit(_ object: AnyObject) {
        _ = Unmanaged.passRetained(object)
    }
}
