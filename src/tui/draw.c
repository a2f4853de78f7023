/* draw.c - drawing helpers: UTF-8 text by display columns, styles that
 * carry meaning with or without colour, word-wrapped boxes. */
#include "tui.h"
#include "../core/buf.h"
#include "../core/layout.h"
#include "../core/utf8.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static attr_t attrs[ST_NSTYLES];
static bool utf8_ok;

void draw_init_styles(bool color)
{
	const char *cs = nl_langinfo(CODESET);
	utf8_ok = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	/* Without colour, meaning stays visible through bold, reverse and
	 * underline. */
	attr_t plain[ST_NSTYLES] = {
		[ST_NORMAL] = A_NORMAL, [ST_TITLE] = A_BOLD, [ST_FOCUS] = A_BOLD,
		[ST_GOOD] = A_NORMAL, [ST_BAD] = A_BOLD, [ST_WARN] = A_UNDERLINE,
		[ST_SUGG] = A_NORMAL, [ST_SEL] = A_REVERSE, [ST_DIM] = A_DIM,
		[ST_KEY] = A_BOLD, [ST_MATCH] = A_UNDERLINE,
	};
	memcpy(attrs, plain, sizeof(attrs));
	if (!color)
		return;
	static const short fg[ST_NSTYLES] = {
		[ST_NORMAL] = -1, [ST_TITLE] = COLOR_CYAN, [ST_FOCUS] = COLOR_YELLOW,
		[ST_GOOD] = COLOR_GREEN, [ST_BAD] = COLOR_RED, [ST_WARN] = COLOR_YELLOW,
		[ST_SUGG] = COLOR_CYAN, [ST_SEL] = -1, [ST_DIM] = -1, [ST_KEY] = COLOR_CYAN,
		[ST_MATCH] = COLOR_YELLOW,
	};
	for (int s = 1; s < ST_NSTYLES; s++) {
		if (fg[s] < 0)
			continue;
		init_pair((short)s, fg[s], -1);
		attrs[s] |= COLOR_PAIR(s);
	}
}

attr_t style_attr(enum style s)
{
	return attrs[s];
}

int draw_text(int y, int x, int w, const char *s, size_t n, enum style st)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	wchar_t buf[512];
	int used = 0;
	size_t nb = 0, i = 0;
	while (i < n && nb + 2 < sizeof(buf) / sizeof(buf[0])) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		int cw = utf8_cp_width(cp);
		/* Control characters and, outside a UTF-8 locale, anything not
		 * ASCII are drawn as a safe stand-in. */
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		else if (cp < 32 || cp == 127 || (cp >= 0x80 && cp < 0xA0))
			cp = '?';
		else if (!utf8_ok && cp >= 0x80)
			cp = '?', cw = 1;
		if (used + cw > w)
			break;
		buf[nb++] = (wchar_t)cp;
		used += cw;
	}
	buf[nb] = 0;
	attr_t a = attrs[st];
	attron(a);
	mvaddnwstr(y, x, buf, (int)nb);
	attroff(a);
	return used;
}

int draw_str(int y, int x, int w, const char *s, enum style st)
{
	return draw_text(y, x, w, s, strlen(s), st);
}

int draw_fmt(int y, int x, int w, enum style st, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	return draw_str(y, x, w, tmp, st);
}

void draw_fill(int y, int x, int w, enum style st)
{
	if (y < 0 || y >= LINES)
		return;
	attr_t a = attrs[st];
	attron(a);
	for (int i = 0; i < w && x + i < COLS; i++)
		mvaddch(y, x + i, ' ');
	attroff(a);
}

int draw_wrapped(int y, int x, int w, int h, const char *s, enum style st)
{
	struct layout l = LAYOUT_INIT;
	size_t len = strlen(s);
	while (len && s[len - 1] == '\n')
		len--;
	layout_wrap(&l, s, len, w > 0 ? (size_t)w : 1);
	int rows = 0;
	for (size_t i = 0; i < l.n && rows < h; i++, rows++)
		draw_text(y + rows, x, w, s + l.v[i].start, l.v[i].end - l.v[i].start, st);
	layout_release(&l);
	return rows;
}

void draw_title(struct app *a, const char *title)
{
	draw_fill(0, 0, a->cols, ST_SEL);
	draw_str(0, 1, a->cols - 2, title, ST_SEL);
}

void draw_footer(struct app *a, const char *keys)
{
	int y = a->rows - 1;
	draw_fill(y, 0, a->cols, ST_NORMAL);
	if (a->message[0]) {
		draw_str(y, 1, a->cols - 2, a->message, a->message_bad ? ST_BAD : ST_GOOD);
		return;
	}
	draw_str(y, 1, a->cols - 2, keys, ST_DIM);
}
