/// The shipped themes, compiled in so that `--theme NAME` works wherever the binary is.
/// Generated from `Themes/*.toml`; a test checks that each copy equals its file byte for byte.
enum BuiltinThemes {
    /// File name stem → TOML text, `default` first.
    static let files: [(name: String, text: String)] = [
        ("default", #"""
# Meridian's default theme: works on dark and light terminals alike (text and surface use the
# terminal's own colours). Every role missing from another theme falls back to this file.
# Colours: "#rrggbb", "default", a palette index 0-255, or an ANSI name ("red", "bright-blue").
name = "default"

[colors]
text = "default"
muted = "#8a8a8a"
primary = "#5fafff"
accent = "#d787ff"
success = "#5fd75f"
warning = "#ffaf00"
danger = "#ff5f5f"
surface = "default"
selection = "#005f87"
selection_text = "#ffffff"
border = "#6c6c6c"
focus_border = "#5fafff"
title = "#87d7ff"
header = "#303030"
header_text = "#e4e4e4"
working = "#5faf5f"
off_hours = "#4e4e4e"
away = "#d7af5f"
time_off = "#af5f87"
now = "#ff8700"
overlap = "#5fd7d7"
"""#),
        ("light", #"""
# A light theme: dark text on a white surface.
name = "light"

[colors]
text = "#1c1c1c"
muted = "#6c6c6c"
primary = "#005faf"
accent = "#870087"
success = "#008700"
warning = "#af5f00"
danger = "#d70000"
surface = "#ffffff"
selection = "#afd7ff"
selection_text = "#000000"
border = "#a8a8a8"
focus_border = "#005faf"
title = "#005f87"
header = "#e4e4e4"
header_text = "#1c1c1c"
working = "#5faf5f"
off_hours = "#dadada"
away = "#d7af00"
time_off = "#d787af"
now = "#d75f00"
overlap = "#00afaf"
"""#),
        ("solarized-dark", #"""
# Solarized dark (Ethan Schoonover's palette).
name = "solarized-dark"

[colors]
text = "#839496"
muted = "#586e75"
primary = "#268bd2"
accent = "#6c71c4"
success = "#859900"
warning = "#b58900"
danger = "#dc322f"
surface = "#002b36"
selection = "#073642"
selection_text = "#eee8d5"
border = "#586e75"
focus_border = "#2aa198"
title = "#93a1a1"
header = "#073642"
header_text = "#93a1a1"
working = "#859900"
off_hours = "#073642"
away = "#b58900"
time_off = "#d33682"
now = "#cb4b16"
overlap = "#2aa198"
"""#),
    ]
}
