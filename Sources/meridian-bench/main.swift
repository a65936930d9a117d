import Foundation
import MeridianCLI
import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

// meridian-bench: generates the big team and measures the performance goals of issue 7.
// Usage: meridian-bench [--team DIR | --generate DIR] [--scale N] [--runs N] [--json [FILE]] [--generate-only]

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("meridian-bench: \(error)\n\n\(BenchOptions.usage)\n".utf8))
    exit(2)
}
if options.help {
    print(BenchOptions.usage)
    exit(0)
}
let bench = Bench(options: options)
exit(bench.run())
