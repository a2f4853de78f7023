/* editor.h - the model of a multi-line text editor: text, cursor, wrapping.
 *
 * All the text and cursor arithmetic of the story drafting screen, and no
 * drawing: the UI calls one function per key and draws from the fields.
 * A struct editor owns its text and layout; editor_release() frees them
 * (after which the editor may be editor_init'ed again). Strings passed in
 * are copied; editor_text() returns storage owned by the editor, valid
 * until the next call that changes the text.
 *
 * The text is always valid UTF-8 with no control character other than
 * '\n': everything that comes in (editor_init, editor_set_text,
 * editor_insert) is sanitised - an invalid byte becomes U+FFFD, a tab four
 * spaces, "\r\n" and a lone "\r" a newline; other C0 and C1 controls and
 * DEL are dropped.
 *
 * Cursor and lines. The cursor is a byte offset on a character boundary.
 * Its visual row is layout_line_of(&e->lay, cursor) and its column is the
 * display width (utf8_width) of the text from that line's start to the
 * cursor. A wrapped line keeps the spaces it broke at, and its end offset
 * is also the next line's start: the cursor there belongs to the NEXT line
 * (column 0), as layout_line_of says. So the rightmost place on a wrapped
 * line is before its last character - normally the last hanging space - and
 * that is where editor_end and up/down put it. The end of a paragraph's
 * last line (its newline, or the end of the text) belongs to that line.
 * Inside hanging spaces, or after trailing spaces at the end of a
 * paragraph, the column can reach or pass the width: clamp it to width - 1
 * when drawing.
 *
 * Characters. Left, right, delete and up/down treat a character and the
 * zero-width characters that follow it (combining accents, variation
 * selectors) as one, so they never leave the cursor between "e" and its
 * accent; backspace removes one code point, so it takes an accent off
 * first. (A zero-width character right after a newline stands alone.)
 *
 * Vertical moves aim at e->goal, a display column set from the cursor by
 * the first vertical move after a horizontal move or an edit (which clear
 * it). On the target line the cursor goes to the last position whose
 * column does not pass the goal: a wide character straddling the goal
 * column is not entered, the cursor stops before it.
 */
#ifndef LPCOACH_EDITOR_H
#define LPCOACH_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "layout.h"

#define EDITOR_NO_GOAL ((size_t)-1)
#define EDITOR_TAB_SPACES 4

struct editor {
	struct buf text;   /* the text, UTF-8, always allocated */
	size_t cursor;     /* byte offset, always on a character boundary */
	size_t width;      /* wrap width in display columns (>= 1) */
	struct layout lay; /* the wrapped lines, kept up to date (n >= 1) */
	size_t goal;       /* display column wanted by up/down; EDITOR_NO_GOAL when none */
	size_t top;        /* first visual line shown (< lay.n) */
	bool dirty;        /* changed since editor_init or editor_mark_clean */
};

/* Start with text (NULL for none), sanitised; the cursor at its end, not
 * dirty. A width of 0 counts as 1. */
void editor_init(struct editor *e, const char *text, size_t width);
void editor_release(struct editor *e);
/* Replace the whole text (sanitised, NULL for none); cursor at the end,
 * top 0, dirty. */
void editor_set_text(struct editor *e, const char *text);
/* Re-wrap to width (0 counts as 1); the cursor stays on the same
 * character. Clears the goal. */
void editor_set_width(struct editor *e, size_t width);
/* Move the cursor to byte offset off, clamped to the text and moved back
 * to a character boundary. Clears the goal. */
void editor_set_cursor(struct editor *e, size_t off);

/* Edits. Each clears the goal and sets dirty when the text changes. */
/* Insert s[0..n), sanitised, at the cursor; the cursor moves past it. The
 * text is re-wrapped once, however long s is. */
void editor_insert(struct editor *e, const char *s, size_t n);
/* Insert one code point (sanitised like editor_insert: '\t' gives four
 * spaces, '\r' a newline, other controls nothing). */
void editor_insert_char(struct editor *e, uint32_t cp);
void editor_newline(struct editor *e);
/* Delete the code point before the cursor. */
void editor_backspace(struct editor *e);
/* Delete the character at the cursor with its zero-width marks. */
void editor_delete(struct editor *e);

/* Horizontal moves: each clears the goal. */
void editor_left(struct editor *e);
void editor_right(struct editor *e);
/* Start / end of the cursor's visual line (see above for wrapped lines). */
void editor_home(struct editor *e);
void editor_end(struct editor *e);
void editor_doc_start(struct editor *e);
void editor_doc_end(struct editor *e);
/* Words are runs of letters, digits, '_' and non-ASCII characters other
 * than punctuation and spaces; an apostrophe between two letters ("don't")
 * is part of the word. Left goes to the start of the word before the
 * cursor, right to the end of the word after it. */
void editor_word_left(struct editor *e);
void editor_word_right(struct editor *e);

/* Vertical moves, by visual line (the lines of a wrapped paragraph count),
 * keeping the goal column. Up from the first line goes to the start of the
 * text, down from the last line to its end. */
void editor_up(struct editor *e);
void editor_down(struct editor *e);
/* Move by rows - 1 visual lines (at least 1), keeping the goal column, and
 * scroll top by as many lines as the cursor moved; on the first / last
 * line, go to the start / end of the text. */
void editor_page_up(struct editor *e, size_t rows);
void editor_page_down(struct editor *e, size_t rows);

/* The cursor's visual row (a line of e->lay) and display column. */
void editor_cursor_pos(const struct editor *e, size_t *row, size_t *col);
/* Move top as little as possible so that the cursor's row is within
 * [top, top + rows) (rows 0 counts as 1); top never passes the last line. */
void editor_scroll(struct editor *e, size_t rows);

/* The text as a C string: never NULL; owned by e. */
const char *editor_text(const struct editor *e);
/* Visual lines (at least 1). */
size_t editor_line_count(const struct editor *e);
void editor_mark_clean(struct editor *e);

#endif
