import Foundation
import MeridianKit

/// The seam to MeridianKit's on-call engine.
public enum OncallModel {
    /// Now, next and gaps of a rotation at `t`; nil when the engine cannot answer.
    public static func summary(_ rotation: RotationConfig, at t: Date, _ snapshot: TeamSnapshot) -> OncallSummary? {
        nil
    }
}
