/// The identifier rules of SPEC §1: member, rotation and device ids, and task ids.
public enum Identifiers {
    /// `^[a-z0-9][a-z0-9_-]{0,31}$` — members, rotations and devices.
    public static func isValidName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 32 else { return false }
        for (i, c) in u.enumerated() {
            let alnum = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            if i == 0 { if !alnum { return false } } else if !(alnum || c == 0x5F || c == 0x2D) { return false }
        }
        return true
    }

    /// Task ids: 1–32 characters of `A-Z a-z 0-9 . _ -`.
    public static func isValidTaskID(_ s: String) -> Bool {
        let u = s.utf8
        guard !u.isEmpty, u.count <= 32 else { return false }
        return u.allSatisfy { c in
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x2D
        }
    }
}
