/* export.h - the cheat sheet for the loop: one section per principle with
 * its planned stories (from the loop plan) as short STAR bullets and their
 * key numbers; Markdown, or one self-contained HTML page that prints
 * cleanly (no scripts, no outside resources). */
#ifndef LPCOACH_EXPORT_H
#define LPCOACH_EXPORT_H

#include <stddef.h>

struct buf;
struct coverage;
struct story;

enum export_format { EXPORT_MARKDOWN, EXPORT_HTML };

void export_render(const struct coverage *c, enum export_format fmt, struct buf *out);

/* The first sentence of text, at most max characters (cut at a word, with
 * an ellipsis); caller frees. */
char *export_first_sentence(const char *text, size_t max);
/* The figures in text ("40%", "$18,000", "6 hours", "3x"), separated by
 * ", " (caller frees; "" when there are none). */
char *export_key_numbers(const char *text);

#endif
