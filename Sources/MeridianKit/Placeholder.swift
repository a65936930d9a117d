// MeridianKit
