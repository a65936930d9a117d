import Foundation
import MeridianKit

/// One benchmark line: a measured median against its target (nil value: not measured, with why).
struct Result {
    var name: String
    var value: Double?
    var unit: String
    var target: Double?
    var note: String

    var passed: Bool? { value.flatMap { v in target.map { v <= $0 } } }
}

/// Prints results as a table or as JSON.
enum Results {
    static func table(_ results: [Result], header: String) -> String {
        var out = header + "\n\n"
        let w = max(34, results.map(\.name.count).max() ?? 0)
        out += pad("measurement", w) + "  " + pad("median", 12) + "  " + pad("target", 10) + "  ok    note\n"
        out += String(repeating: "-", count: w + 48) + "\n"
        for r in results {
            let v = r.value.map { format($0) + " " + r.unit } ?? "TODO"
            let t = r.target.map { "≤ " + format($0) + " " + r.unit } ?? ""
            let ok = r.passed.map { $0 ? "yes" : "NO" } ?? "-"
            out += pad(r.name, w) + "  " + pad(v, 12) + "  " + pad(t, 10) + "  " + pad(ok, 4) + "  " + r.note + "\n"
        }
        return out
    }

    static func json(_ results: [Result], machine: [String: String]) -> String {
        var items: [String] = []
        for r in results {
            var fields = ["\"name\":\(quote(r.name))", "\"unit\":\(quote(r.unit))", "\"note\":\(quote(r.note))"]
            fields.append("\"median\":" + (r.value.map { String($0) } ?? "null"))
            fields.append("\"target\":" + (r.target.map { String($0) } ?? "null"))
            fields.append("\"ok\":" + (r.passed.map { String($0) } ?? "null"))
            items.append("{" + fields.joined(separator: ",") + "}")
        }
        let m = machine.sorted { $0.key < $1.key }.map { "\(quote($0.key)):\(quote($0.value))" }.joined(separator: ",")
        return "{\"machine\":{\(m)},\"results\":[\n  " + items.joined(separator: ",\n  ") + "\n]}\n"
    }

    static func format(_ v: Double) -> String {
        v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    static func quote(_ s: String) -> String {
        var out = ""
        JSONWriter.writeString(s, into: &out)
        return out
    }
}
