import ArgumentParser
import Foundation
import MeridianKit

/// `meridian sync`: for a TEAM kept in git — commit my journal and member file, `git pull --rebase`,
/// push. Journals never conflict in git because each file has exactly one writer.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Commit my journal and member file, pull --rebase, push (TEAM kept in git).",
        discussion: "Only my own files are committed (journal/ME/DEVICE.jsonl, members/ME.toml); other local changes are left alone.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        var mine: [String] = []
        if let m = ctx.member {
            mine = ["members/\(m).toml"]
            if ctx.deviceOption != nil || SafeFiles.info(snapshot.path + "/journal/\(m)").kind == .directory {
                mine.insert("journal/\(m)/\(try ctx.device()).jsonl", at: 0)
            }
        }
        let teamPath = snapshot.path.hasPrefix("/") ? snapshot.path : FileManager.default.currentDirectoryPath + "/" + snapshot.path
        let report = try GitSync(teamPath: teamPath, environment: ctx.paths.environment).sync(files: mine, member: ctx.member)
        Output.out(report)
    }
}

/// The git steps of `meridian sync`, each failure one plain sentence (exit 2).
struct GitSync {
    let teamPath: String
    let git: GitRunner

    init(teamPath: String, environment: [String: String]) {
        self.teamPath = teamPath
        git = GitRunner(directory: teamPath, environment: environment)
    }

    /// Commits `files` (relative to TEAM, those that exist), pulls with rebase, pushes; returns a summary.
    func sync(files: [String], member: String?) throws(CLIError) -> String {
        let inside = git.run(["rev-parse", "--is-inside-work-tree"])
        guard inside.ok, inside.out.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            throw .usage("\(teamPath) is not inside a git work tree; `meridian sync` is only for teams kept in git (other sync tools need no command).")
        }
        let remotes = git.run(["remote"]).out.split(separator: "\n").map(String.init)
        guard !remotes.isEmpty else {
            throw .usage("The git repository holding \(teamPath) has no remote to sync with; add one with `git remote add origin URL`.")
        }
        guard let branch = nonEmpty(git.run(["symbolic-ref", "--quiet", "--short", "HEAD"]).out) else {
            throw .usage("The git repository holding \(teamPath) is not on a branch (detached HEAD); check out a branch first.")
        }
        let existing = files.filter { SafeFiles.info(teamPath + "/" + $0).kind == .file }
        var committed: [String] = []
        if !existing.isEmpty {
            try must(git.run(["add", "--"] + existing), "git add")
            let staged = git.run(["diff", "--cached", "--name-only", "--relative", "--"] + existing)
            committed = staged.out.split(separator: "\n").map(String.init)
            if !committed.isEmpty {
                let message = "meridian sync" + (member.map { ": \($0)" } ?? "")
                try must(git.run(["commit", "--quiet", "--no-verify", "-m", message, "--"] + existing), "git commit")
            }
        }
        let upstreamRemote = nonEmpty(git.run(["config", "--get", "branch.\(branch).remote"]).out)
        let remote = upstreamRemote ?? (remotes.contains("origin") ? "origin" : remotes[0])
        var pulled = false
        for attempt in 1...3 {
            let remoteHas = git.run(["ls-remote", "--exit-code", "--heads", remote, branch])
            if remoteHas.status != 0 && remoteHas.status != 2 {
                throw .usage("Cannot reach the git remote '\(remote)': \(remoteHas.firstLine).")
            }
            if remoteHas.ok {
                try pull(remote: remote, branch: branch)
                pulled = true
            }
            let push = git.run(["push", "--quiet"] + (upstreamRemote == nil ? ["-u"] : []) + [remote, "HEAD:refs/heads/\(branch)"])
            if push.ok { break }
            // Someone pushed in between: pull again and retry.
            if attempt == 3 { throw .usage("git push to '\(remote)' failed: \(push.firstLine).") }
        }
        var steps: [String] = []
        steps.append(committed.isEmpty ? "nothing new to commit" : "committed \(committed.joined(separator: ", "))")
        if pulled { steps.append("pulled") }
        steps.append("pushed to \(remote)/\(branch)")
        return "Synced: " + steps.joined(separator: "; ") + "."
    }

    private func pull(remote: String, branch: String) throws(CLIError) {
        let r = git.run(["pull", "--quiet", "--rebase", "--autostash", "--no-edit", remote, branch])
        guard r.ok else {
            let rebaseDir = git.run(["rev-parse", "--git-path", "rebase-merge"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
            let applyDir = git.run(["rev-parse", "--git-path", "rebase-apply"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
            let base = teamPath + "/"
            if [rebaseDir, applyDir].contains(where: { !$0.isEmpty && FileManager.default.fileExists(atPath: $0.hasPrefix("/") ? $0 : base + $0) }) {
                _ = git.run(["rebase", "--abort"])
            }
            throw .usage("git pull --rebase from '\(remote)' failed (\(r.firstLine)); your commit is kept locally and nothing was pushed.")
        }
    }

    private func must(_ r: GitRunner.Result, _ what: String) throws(CLIError) {
        guard r.ok else { throw .usage("\(what) failed: \(r.firstLine).") }
    }

    private func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
