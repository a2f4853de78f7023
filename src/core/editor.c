/* editor.c - the text editor's model: editing, cursor moves, wrapping. */
#include "editor.h"
#include "utf8.h"
#include "util.h"

#include <string.h>

/* ---- sanitising ---------------------------------------------------------- */

/* Append s[0..n) to out as the editor stores text (see editor.h). */
static void sanitize(struct buf *out, const char *s, size_t n)
{
	static const char repl[] = "\xef\xbf\xbd"; /* U+FFFD */
	size_t i = 0;
	buf_grow(out, n);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			/* A run of printable ASCII in one copy. */
			size_t j = i + 1;
			while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
				j++;
			buf_add(out, s + i, j - i);
			i = j;
		} else if (c == '\n') {
			buf_addc(out, '\n');
			i++;
		} else if (c == '\r') {
			buf_addc(out, '\n');
			i++;
			if (i < n && s[i] == '\n')
				i++;
		} else if (c == '\t') {
			buf_pad(out, ' ', EDITOR_TAB_SPACES);
			i++;
		} else if (c < 0x80) {
			i++; /* other C0 controls and DEL */
		} else {
			size_t len = utf8_valid_len(s + i, n - i);
			uint32_t cp;
			if (len == 0) {
				buf_add(out, repl, 3);
				i++;
				continue;
			}
			utf8_decode(s + i, len, &cp);
			if (cp > 0x9F) /* C1 controls are dropped */
				buf_add(out, s + i, len);
			i += len;
		}
	}
}

/* ---- characters ---------------------------------------------------------- */

static uint32_t cp_at(const struct editor *e, size_t off)
{
	uint32_t cp = 0;
	if (off < e->text.len)
		utf8_decode(e->text.s + off, e->text.len - off, &cp);
	return cp;
}

static bool zero_width_at(const struct editor *e, size_t off)
{
	return off < e->text.len && utf8_cp_width(cp_at(e, off)) == 0;
}

/* The offset after the character at off and the zero-width characters
 * that follow it. A newline is a character of its own. */
static size_t cluster_next(const struct editor *e, size_t off)
{
	size_t len = e->text.len;
	if (off >= len)
		return len;
	if (e->text.s[off] == '\n')
		return off + 1;
	size_t i = utf8_next(e->text.s, len, off);
	while (i < len && zero_width_at(e, i))
		i = utf8_next(e->text.s, len, i);
	return i;
}

/* The start of the character before off, zero-width characters included
 * with the character they follow (never with a newline). */
static size_t cluster_prev(const struct editor *e, size_t off)
{
	const char *s = e->text.s;
	if (off == 0)
		return 0;
	if (off > e->text.len)
		return e->text.len;
	size_t p = utf8_prev(s, off);
	while (p > 0 && zero_width_at(e, p)) {
		size_t q = utf8_prev(s, p);
		if (s[q] == '\n')
			break;
		p = q;
	}
	return p;
}

static bool is_letter_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= 'a' && cp <= 'z') || cp == '_';
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)   /* C1, Latin-1 punctuation, signs */
		return false;
	if (cp >= 0x2000 && cp <= 0x206F)              /* general punctuation, spaces */
		return false;
	if (cp >= 0x3000 && cp <= 0x303F)              /* CJK spaces and punctuation */
		return false;
	if ((cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	    (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	    (cp >= 0xFF5B && cp <= 0xFF65))            /* full-width punctuation */
		return false;
	return true;
}

/* Is the character at off part of a word? */
static bool is_word_at(const struct editor *e, size_t off)
{
	if (off >= e->text.len)
		return false;
	uint32_t cp = cp_at(e, off);
	if (cp == '\'' || cp == 0x2019) {
		if (off == 0)
			return false;
		size_t next = cluster_next(e, off);
		return next < e->text.len && is_letter_cp(cp_at(e, cluster_prev(e, off))) &&
		       is_letter_cp(cp_at(e, next));
	}
	return is_letter_cp(cp);
}

/* ---- lines --------------------------------------------------------------- */

static void clamp_top(struct editor *e)
{
	if (e->top >= e->lay.n)
		e->top = e->lay.n - 1;
}

static void rewrap(struct editor *e)
{
	layout_wrap(&e->lay, e->text.s, e->text.len, e->width);
	clamp_top(e);
}

static size_t cursor_row(const struct editor *e)
{
	return layout_line_of(&e->lay, e->cursor);
}

static size_t cursor_col(const struct editor *e, size_t row)
{
	size_t start = e->lay.v[row].start;
	return utf8_width(e->text.s + start, e->cursor - start);
}

/* Is line r wrapped (its end the start of the next line)? */
static bool line_wrapped(const struct editor *e, size_t r)
{
	return r + 1 < e->lay.n && e->lay.v[r + 1].start == e->lay.v[r].end;
}

/* The rightmost cursor position that still belongs to line r. */
static size_t line_last(const struct editor *e, size_t r)
{
	size_t start = e->lay.v[r].start, end = e->lay.v[r].end;
	if (!line_wrapped(e, r))
		return end;
	size_t p = cluster_prev(e, end);
	return p < start ? start : p;
}

/* The last position of line r whose column does not pass col. */
static size_t line_offset_at(const struct editor *e, size_t r, size_t col)
{
	size_t i = e->lay.v[r].start, limit = line_last(e, r), w = 0;
	while (i < limit) {
		uint32_t cp;
		size_t n = utf8_decode(e->text.s + i, limit - i, &cp);
		size_t cw = (size_t)utf8_cp_width(cp);
		if (w + cw > col)
			break;
		w += cw;
		i += n;
	}
	/* Never stop between a character and its zero-width marks. */
	while (i < limit && zero_width_at(e, i))
		i = utf8_next(e->text.s, limit, i);
	return i;
}

static void ensure_goal(struct editor *e)
{
	if (e->goal == EDITOR_NO_GOAL)
		e->goal = cursor_col(e, cursor_row(e));
}

/* ---- lifetime ------------------------------------------------------------ */

void editor_init(struct editor *e, const char *text, size_t width)
{
	memset(e, 0, sizeof(*e));
	e->text = (struct buf)BUF_INIT;
	e->lay = (struct layout)LAYOUT_INIT;
	buf_add(&e->text, "", 0);
	if (text)
		sanitize(&e->text, text, strlen(text));
	e->width = width ? width : 1;
	e->cursor = e->text.len;
	e->goal = EDITOR_NO_GOAL;
	e->top = 0;
	e->dirty = false;
	rewrap(e);
}

void editor_release(struct editor *e)
{
	buf_release(&e->text);
	layout_release(&e->lay);
	e->cursor = e->top = 0;
	e->goal = EDITOR_NO_GOAL;
}

void editor_set_text(struct editor *e, const char *text)
{
	/* Sanitise into a new buffer: text may point into e->text. */
	struct buf clean = BUF_INIT;
	buf_add(&clean, "", 0);
	if (text)
		sanitize(&clean, text, strlen(text));
	buf_release(&e->text);
	e->text = clean;
	e->cursor = e->text.len;
	e->goal = EDITOR_NO_GOAL;
	e->top = 0;
	e->dirty = true;
	rewrap(e);
}

void editor_set_width(struct editor *e, size_t width)
{
	e->width = width ? width : 1;
	e->goal = EDITOR_NO_GOAL;
	rewrap(e);
}

void editor_set_cursor(struct editor *e, size_t off)
{
	if (off > e->text.len)
		off = e->text.len;
	while (off > 0 && off < e->text.len && ((unsigned char)e->text.s[off] & 0xC0) == 0x80)
		off--;
	e->cursor = off;
	e->goal = EDITOR_NO_GOAL;
}

/* ---- edits --------------------------------------------------------------- */

/* Replace text[from..to) with s[0..n) (already sanitised); no re-wrap. */
static void splice(struct editor *e, size_t from, size_t to, const char *s, size_t n)
{
	struct buf *b = &e->text;
	size_t del = to - from;
	if (n > del)
		buf_grow(b, n - del);
	memmove(b->s + from + n, b->s + to, b->len - to + 1); /* with the NUL */
	if (n)
		memcpy(b->s + from, s, n);
	b->len = b->len - del + n;
	if (del || n)
		e->dirty = true;
}

void editor_insert(struct editor *e, const char *s, size_t n)
{
	e->goal = EDITOR_NO_GOAL;
	if (!s || n == 0)
		return;
	struct buf clean = BUF_INIT;
	sanitize(&clean, s, n);
	if (clean.len) {
		splice(e, e->cursor, e->cursor, clean.s, clean.len);
		e->cursor += clean.len;
		rewrap(e);
	}
	buf_release(&clean);
}

void editor_insert_char(struct editor *e, uint32_t cp)
{
	char tmp[4];
	size_t n = utf8_encode(cp, tmp);
	editor_insert(e, tmp, n);
}

void editor_newline(struct editor *e)
{
	editor_insert(e, "\n", 1);
}

void editor_backspace(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	if (e->cursor == 0)
		return;
	size_t p = utf8_prev(e->text.s, e->cursor);
	splice(e, p, e->cursor, NULL, 0);
	e->cursor = p;
	rewrap(e);
}

void editor_delete(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	if (e->cursor >= e->text.len)
		return;
	splice(e, e->cursor, cluster_next(e, e->cursor), NULL, 0);
	rewrap(e);
}

/* ---- horizontal moves ---------------------------------------------------- */

void editor_left(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	e->cursor = cluster_prev(e, e->cursor);
}

void editor_right(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	e->cursor = cluster_next(e, e->cursor);
}

void editor_home(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	e->cursor = e->lay.v[cursor_row(e)].start;
}

void editor_end(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	e->cursor = line_last(e, cursor_row(e));
}

void editor_doc_start(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	e->cursor = 0;
}

void editor_doc_end(struct editor *e)
{
	e->goal = EDITOR_NO_GOAL;
	e->cursor = e->text.len;
}

void editor_word_left(struct editor *e)
{
	size_t i = e->cursor;
	e->goal = EDITOR_NO_GOAL;
	while (i > 0 && !is_word_at(e, cluster_prev(e, i)))
		i = cluster_prev(e, i);
	while (i > 0 && is_word_at(e, cluster_prev(e, i)))
		i = cluster_prev(e, i);
	e->cursor = i;
}

void editor_word_right(struct editor *e)
{
	size_t i = e->cursor, len = e->text.len;
	e->goal = EDITOR_NO_GOAL;
	while (i < len && !is_word_at(e, i))
		i = cluster_next(e, i);
	while (i < len && is_word_at(e, i))
		i = cluster_next(e, i);
	e->cursor = i;
}

/* ---- vertical moves ------------------------------------------------------ */

/* Move up or down by n visual lines, aiming at the goal column; returns
 * how many lines the cursor moved (0 when it went to the start or end of
 * the text instead). */
static size_t move_lines(struct editor *e, size_t n, bool up)
{
	size_t row = cursor_row(e), last = e->lay.n - 1, target;
	ensure_goal(e);
	if (up) {
		if (row == 0) {
			e->cursor = 0;
			return 0;
		}
		target = row > n ? row - n : 0;
	} else {
		if (row == last) {
			e->cursor = e->text.len;
			return 0;
		}
		target = last - row > n ? row + n : last;
	}
	e->cursor = line_offset_at(e, target, e->goal);
	return up ? row - target : target - row;
}

void editor_up(struct editor *e)
{
	move_lines(e, 1, true);
}

void editor_down(struct editor *e)
{
	move_lines(e, 1, false);
}

void editor_page_up(struct editor *e, size_t rows)
{
	size_t moved = move_lines(e, rows > 1 ? rows - 1 : 1, true);
	e->top = e->top > moved ? e->top - moved : 0;
}

void editor_page_down(struct editor *e, size_t rows)
{
	size_t moved = move_lines(e, rows > 1 ? rows - 1 : 1, false);
	e->top += moved;
	clamp_top(e);
}

/* ---- view ---------------------------------------------------------------- */

void editor_cursor_pos(const struct editor *e, size_t *row, size_t *col)
{
	size_t r = cursor_row(e);
	if (row)
		*row = r;
	if (col)
		*col = cursor_col(e, r);
}

void editor_scroll(struct editor *e, size_t rows)
{
	size_t row = cursor_row(e);
	if (rows == 0)
		rows = 1;
	clamp_top(e);
	if (row < e->top)
		e->top = row;
	else if (row - e->top >= rows)
		e->top = row - rows + 1;
}

const char *editor_text(const struct editor *e)
{
	return buf_cstr(&e->text);
}

size_t editor_line_count(const struct editor *e)
{
	return e->lay.n;
}

void editor_mark_clean(struct editor *e)
{
	e->dirty = false;
}
