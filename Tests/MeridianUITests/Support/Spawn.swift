import Foundation
import MeridianTestSupport

/// Runs a program for the UI tests through `ChildProcess` (posix_spawn, waitpid on its pid, fds
/// 0–2 only, a deadline), stdin from /dev/null, stdout captured or discarded.
enum Spawn {
    @discardableResult
    static func run(_ arguments: [String], capture: Bool = true, deadline: Double = 120) -> (status: Int32, output: String) {
        let result = ChildProcess.run(arguments, deadline: deadline)
        return (result.code, capture ? result.out : "")
    }
}
