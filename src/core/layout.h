/* layout.h - word wrapping of text to a width in display columns.
 *
 * Each visual line is a byte range [start, end) of the text. A line that was
 * wrapped keeps the spaces it broke at (they hang past the width), so every
 * offset of the text except a newline falls in exactly one line; the offset
 * of a newline is the end of its line. Used by the CLI and by the editor's
 * cursor arithmetic.
 */
#ifndef LPCOACH_LAYOUT_H
#define LPCOACH_LAYOUT_H

#include <stddef.h>

struct layout_line {
	size_t start, end;
};

struct layout {
	struct layout_line *v;
	size_t n, cap;
};

#define LAYOUT_INIT { NULL, 0, 0 }

/* Wrap text[0..len) to width columns (at least 1), replacing l's lines. */
void layout_wrap(struct layout *l, const char *text, size_t len, size_t width);
void layout_release(struct layout *l);
/* The line that holds byte offset off (the last line for off == len). */
size_t layout_line_of(const struct layout *l, size_t off);

#endif
