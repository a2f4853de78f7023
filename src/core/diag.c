/* diag.c - diagnostics as values. */
#include "diag.h"
#include "buf.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_add(struct diag_list *dl, enum diag_level level, const char *file,
	      unsigned line, unsigned col, const char *fmt, ...)
{
	void *v = dl->v;
	xgrow(&v, &dl->cap, dl->n + 1, sizeof(*dl->v));
	dl->v = v;
	struct diag *d = &dl->v[dl->n++];
	va_list ap;
	va_start(ap, fmt);
	d->msg = xvasprintf(fmt, ap);
	va_end(ap);
	d->level = level;
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
}

const char *diag_level_name(enum diag_level level)
{
	return level == DIAG_ERROR ? "error" : "warning";
}

void diag_format(const struct diag *d, struct buf *out)
{
	if (d->file) {
		buf_adds(out, d->file);
		if (d->line) {
			buf_addf(out, ":%u", d->line);
			if (d->col)
				buf_addf(out, ":%u", d->col);
		}
		buf_adds(out, ": ");
	}
	buf_addf(out, "%s: %s", diag_level_name(d->level), d->msg);
}

size_t diag_count(const struct diag_list *dl, enum diag_level level)
{
	size_t n = 0;
	for (size_t i = 0; i < dl->n; i++)
		n += dl->v[i].level == level;
	return n;
}

void diag_move(struct diag_list *dst, struct diag_list *src)
{
	void *v = dst->v;
	xgrow(&v, &dst->cap, dst->n + src->n, sizeof(*dst->v));
	dst->v = v;
	if (src->n)
		memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
	dst->n += src->n;
	free(src->v);
	src->v = NULL;
	src->n = src->cap = 0;
}

void diag_list_release(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	xfree(&dl->v);
	dl->n = dl->cap = 0;
}
