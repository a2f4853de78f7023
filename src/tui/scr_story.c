/* scr_story.c - reading one story, its lint findings listed and their
 * spans marked in the text. */
#include "tui.h"
#include "../core/bank.h"
#include "../core/buf.h"
#include "../core/catalog.h"
#include "../core/diag.h"
#include "../core/layout.h"
#include "../core/story.h"
#include "../core/utf8.h"

#include <string.h>

/* One line of the page: text from a field (for marking findings), or a
 * line of its own. */
struct pline {
	const char *s;
	size_t n;
	int field;  /* -1: not story text */
	size_t off; /* byte offset of s in the field's text */
	enum style st;
	char own[256];
};

static enum style level_style(enum lint_level l)
{
	return l == LINT_ERROR ? ST_BAD : l == LINT_WARNING ? ST_WARN : ST_SUGG;
}

static void draw_marked(const struct app *a, int y, int x, int w, const struct pline *pl)
{
	const struct lint_report *r = &a->view.rep;
	size_t i = 0;
	int col = x;
	while (i < pl->n && col < x + w) {
		size_t next = utf8_next(pl->s, pl->n, i);
		enum style st = pl->st;
		size_t at = pl->off + i;
		for (size_t k = 0; k < r->n; k++) {
			const struct lint_finding *f = &r->v[k];
			if (f->field == pl->field && f->end > f->start && at >= f->start && at < f->end &&
			    (st == pl->st || level_style(f->level) == ST_BAD))
				st = level_style(f->level) == ST_SUGG ? ST_MATCH : level_style(f->level);
		}
		col += draw_text(y, col, x + w - col, pl->s + i, next - i, st);
		i = next;
	}
}

static size_t build(struct app *a, const struct story *s, struct pline *v, size_t cap, int width)
{
	size_t n = 0;
	struct layout l = LAYOUT_INIT;
#define OWN(style, ...)                                                                   \
	do {                                                                              \
		if (n < cap) {                                                            \
			snprintf(v[n].own, sizeof(v[n].own), __VA_ARGS__);                \
			v[n].s = v[n].own;                                                \
			v[n].n = strlen(v[n].own);                                        \
			v[n].field = -1;                                                  \
			v[n].st = style;                                                  \
			n++;                                                              \
		}                                                                         \
	} while (0)
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < s->n_principles; i++) {
		const struct principle *p = catalog_find(&a->ws.cat, s->principles[i].id);
		buf_addf(&b, "%s%s%s", i ? ", " : "", p ? p->name : s->principles[i].id,
			 p && p->focus ? "*" : "");
	}
	const struct lint_report *r = &a->view.rep;
	OWN(ST_NORMAL, "Principles: %s", b.len ? buf_cstr(&b) : "(none)");
	OWN(ST_NORMAL, "Score %d: %u errors, %u warnings, %u suggestions   %s", r->score,
	    r->counts[LINT_ERROR], r->counts[LINT_WARNING], r->counts[LINT_SUGGESTION],
	    s->path ? s->path : "");
	buf_release(&b);
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, (enum story_field)f);
		OWN(ST_NORMAL, "%s", "");
		OWN(ST_TITLE, "%s", story_field_name((enum story_field)f));
		if (!t) {
			OWN(ST_DIM, "  (missing)");
			continue;
		}
		size_t len = strlen(t);
		while (len && t[len - 1] == '\n')
			len--;
		layout_wrap(&l, t, len, (size_t)width);
		for (size_t i = 0; i < l.n && n < cap; i++, n++) {
			v[n].s = t + l.v[i].start;
			v[n].n = l.v[i].end - l.v[i].start;
			v[n].field = f;
			v[n].off = l.v[i].start;
			v[n].st = ST_NORMAL;
		}
	}
	OWN(ST_NORMAL, "%s", "");
	OWN(ST_TITLE, "Findings (%zu)", r->n);
	for (size_t k = 0; k < r->n; k++) {
		const struct lint_finding *fd = &r->v[k];
		OWN(level_style(fd->level), "%-10s %-9s %s [%s]",
		    fd->field >= 0 ? story_field_name((enum story_field)fd->field) : "Story",
		    lint_level_name(fd->level), fd->message, fd->rule->id);
	}
	if (r->n == 0)
		OWN(ST_GOOD, "  none: this story is clean");
	layout_release(&l);
	return n;
#undef OWN
}

enum { PAGE_CAP = 4096 };
static struct pline page[PAGE_CAP];

static void story_draw(struct app *a)
{
	const struct story *s = a->view.id ? bank_find(&a->ws.bank, a->view.id) : NULL;
	if (!s) {
		draw_title(a, "Story");
		draw_str(2, 2, a->cols - 4, "This story is no longer in the bank.", ST_BAD);
		draw_footer(a, "q back");
		return;
	}
	draw_title(a, story_title(s));
	lint_report_release(&a->view.rep);
	struct diag_list dl = DIAG_LIST_INIT;
	lint_story(a->linter, s, &a->view.rep, &dl);
	diag_list_release(&dl);
	size_t n = build(a, s, page, PAGE_CAP, a->cols - 6);
	int rows = a->rows - 3;
	if (a->view.top + (size_t)rows > n)
		a->view.top = n > (size_t)rows ? n - (size_t)rows : 0;
	for (int r = 0; r < rows && a->view.top + (size_t)r < n; r++) {
		const struct pline *pl = &page[a->view.top + (size_t)r];
		int x = pl->field >= 0 ? 4 : 2;
		draw_marked(a, 2 + r, x, a->cols - x - 1, pl);
	}
	draw_footer(a, "j/k scroll  e edit  q back  ? help   (marked text: lint findings)");
}

static bool story_key(struct app *a, const struct key *k, enum action act)
{
	(void)k;
	if (pager_scroll(a, &a->view.top, act))
		return true;
	switch (act) {
	case ACT_BACK:
		app_back(a);
		return true;
	case ACT_EDIT:
		if (a->view.id)
			app_open_draft_edit(a, a->view.id);
		return true;
	default:
		return false;
	}
}

const struct screen_ops scr_story = { "story", story_draw, story_key, IN_STORY };
