// MeridianTerminal
