/* layout.c - word wrapping. */
#include "layout.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>

static void push(struct layout *l, size_t start, size_t end)
{
	void *v = l->v;
	xgrow(&v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v = v;
	l->v[l->n++] = (struct layout_line){ start, end };
}

static void wrap_paragraph(struct layout *l, const char *t, size_t ls, size_t pe, size_t width)
{
	size_t i = ls, w = 0, brk = 0;
	while (i < pe) {
		uint32_t cp;
		size_t n = utf8_decode(t + i, pe - i, &cp);
		size_t cw = (size_t)utf8_cp_width(cp);
		if (cp == ' ') { /* spaces hang at the end of a line */
			i += n;
			w += cw;
			brk = i;
			continue;
		}
		if (w + cw > width && i > ls) {
			size_t cut = brk > ls ? brk : i;
			push(l, ls, cut);
			ls = i = cut;
			w = 0;
			brk = 0;
			continue;
		}
		w += cw;
		i += n;
	}
	push(l, ls, pe);
}

void layout_wrap(struct layout *l, const char *text, size_t len, size_t width)
{
	size_t start = 0;
	if (width < 1)
		width = 1;
	l->n = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			wrap_paragraph(l, text, start, i, width);
			start = i + 1;
		}
	}
}

void layout_release(struct layout *l)
{
	xfree(&l->v);
	l->n = l->cap = 0;
}

size_t layout_line_of(const struct layout *l, size_t off)
{
	size_t lo = 0, hi = l->n;
	/* The last line whose start is <= off. */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (l->v[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
