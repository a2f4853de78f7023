/* diag.h - diagnostics: errors and warnings as values, with a location.
 *
 * The core never prints and never exits: a function that can fail appends a
 * struct diag to the caller's diag_list (file, 1-based line and column, and a
 * message) and returns -1. The list owns every string in it.
 * Line 0 means "the whole file"; column 0 means "the whole line".
 */
#ifndef LPCOACH_DIAG_H
#define LPCOACH_DIAG_H

#include <stddef.h>

struct buf;

enum diag_level {
	DIAG_WARNING, /* loaded, but something is wrong (check fails on it) */
	DIAG_ERROR,   /* could not be loaded or done */
};

struct diag {
	enum diag_level level;
	char *file; /* may be NULL */
	unsigned line, col;
	char *msg;
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
};

#define DIAG_LIST_INIT { NULL, 0, 0 }

void diag_add(struct diag_list *dl, enum diag_level level, const char *file,
	      unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Append "file:line:col: level: message" (parts that are unset are left out). */
void diag_format(const struct diag *d, struct buf *out);
size_t diag_count(const struct diag_list *dl, enum diag_level level);
/* Move every diagnostic of src to the end of dst; src is left empty. */
void diag_move(struct diag_list *dst, struct diag_list *src);
void diag_list_release(struct diag_list *dl);
const char *diag_level_name(enum diag_level level);

#endif
