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
/* Meridian additions: wide-character cells with extended (int) colour pairs, mouse masks, newterm. */
static inline int mer_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }
static inline int mer_attr_set(WINDOW *w, attr_t attrs, int pair) { return wattr_set(w, attrs, 0, &pair); }
/* One cell: wch is a spacing character plus up to 4 combining marks, NUL-terminated. */
static inline int mer_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, 0, &pair) == ERR) return ERR;
    if (wmove(w, y, x) == ERR) return ERR;
    return wadd_wch(w, &cc);
}
static inline SCREEN *mer_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int mer_key_f(int n) { return KEY_F(n); }
static inline mmask_t mer_button_pressed(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_PRESSED); }
static inline mmask_t mer_button_released(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_RELEASED); }
static inline mmask_t mer_button_clicked(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_CLICKED); }
static inline int mer_cursor_visibility(int v) { return curs_set(v); }
#endif
