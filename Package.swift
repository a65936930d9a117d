// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Meridian",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "meridian", targets: ["meridian"]),
        .executable(name: "meridian-bench", targets: ["meridian-bench"]),
        .library(name: "MeridianKit", targets: ["MeridianKit"]),
        .library(name: "MeridianTerminal", targets: ["MeridianTerminal"]),  // for the fuzz targets in Fuzz/
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only C in the house: ncursesw and a few macro wrappers.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // The model: reads TEAM, merges journals, answers time/board/on-call questions. No terminal code, no clock.
        .target(name: "MeridianKit"),
        // Cells, frame buffer, display width, styles, frame diffing. Knows nothing of teams or ncurses.
        .target(name: "MeridianTerminal"),
        // App state, actions, update, key map, themes and the four pane views.
        .target(name: "MeridianUI", dependencies: ["MeridianKit", "MeridianTerminal"]),
        // The one module that talks to ncurses.
        .target(name: "MeridianCurses", dependencies: ["CNCursesW", "MeridianTerminal"]),
        // Commands, config resolution, status rendering, the run loop.
        .target(name: "MeridianCLI", dependencies: [
            "MeridianKit", "MeridianUI", "MeridianCurses", "MeridianTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "meridian", dependencies: ["MeridianCLI"]),
        .executableTarget(name: "meridian-bench", dependencies: ["MeridianKit", "MeridianUI", "MeridianTerminal", "MeridianCLI"]),
        // How the tests run other programs (posix_spawn + waitpid, a deadline, no inherited fds).
        .target(name: "MeridianTestSupport", path: "Tests/MeridianTestSupport"),
        .testTarget(name: "MeridianKitTests", dependencies: ["MeridianKit", "MeridianTestSupport"]),
        .testTarget(name: "MeridianTerminalTests", dependencies: ["MeridianTerminal"]),
        .testTarget(name: "MeridianUITests", dependencies: ["MeridianUI", "MeridianKit", "MeridianTerminal", "MeridianTestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "MeridianCLITests", dependencies: ["MeridianCLI", "MeridianKit", "MeridianTestSupport"]),
    ]
)
