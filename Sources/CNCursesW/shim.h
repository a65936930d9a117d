#ifndef MERIDIAN_CNCURSESW_SHIM_H
#define MERIDIAN_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t mer_a_bold(void) { return A_BOLD; }
static inline attr_t mer_a_dim(void) { return A_DIM; }
static inline attr_t mer_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mer_a_reverse(void) { return A_REVERSE; }
static inline attr_t mer_a_italic(void) { return A_ITALIC; }
static inline attr_t mer_a_normal(void) { return A_NORMAL; }
static inline int mer_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int mer_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int mer_wcwidth(wchar_t c) { return wcwidth(c); }
static inline WINDOW *mer_stdscr(void) { return stdscr; }
static inline int mer_colors(void) { return COLORS; }
static inline int mer_color_pairs(void) { return COLOR_PAIRS; }
#endif
