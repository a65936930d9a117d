// swift-tools-version:6.1
// libFuzzer targets for Meridian. A separate package, so the main package's `swift build` and
// `swift test` never build them. Build and run with `scripts/fuzz.sh` (see its header).
import PackageDescription

let kit: Target.Dependency = .product(name: "MeridianKit", package: "Meridian")

let package = Package(
    name: "MeridianFuzz",
    dependencies: [
        .package(name: "Meridian", path: ".."),
    ],
    targets: [
        // EventDecoder.decode and JSONParser.parse on one journal line.
        .executableTarget(name: "FuzzEventDecoder", dependencies: [kit]),
        // TOML text to MemberProfile / RotationConfig / TeamSettings.
        .executableTarget(name: "FuzzTeamConfig", dependencies: [kit]),
        // HourRange.parse, WeeklyHours.parseSpec, ShiftLength.parse, DaySet.parse.
        .executableTarget(name: "FuzzHours", dependencies: [kit]),
        // TextSanitizer.clean: nothing unsafe survives, and cleaning is idempotent.
        .executableTarget(name: "FuzzSanitizer", dependencies: [.product(name: "MeridianTerminal", package: "Meridian")]),
    ]
)
