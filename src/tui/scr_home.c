/* scr_home.c - the home screen: the principles as a coverage grid. */
#include "tui.h"
#include "../core/buf.h"
#include "../core/catalog.h"
#include "../core/report.h"

#include <string.h>

static void draw_bar(int y, int x, size_t have, unsigned target, enum style full)
{
	/* One block per story up to the target, then "+n"; dots for gaps. */
	int col = x;
	for (unsigned i = 0; i < target; i++)
		col += draw_str(y, col, 2, i < have ? "\xe2\x96\x88" : "\xc2\xb7",
				i < have ? full : ST_DIM);
	if (have > target)
		draw_fmt(y, col, 5, ST_DIM, "+%zu", have - target);
}

static void home_draw(struct app *a)
{
	const struct coverage *c = &a->cov;
	struct buf b = BUF_INIT;
	buf_adds(&b, "lpcoach  ");
	report_summary(c, &b);
	draw_title(a, buf_cstr(&b));
	buf_release(&b);
	draw_fmt(1, 2, a->cols - 4, ST_DIM, "%zu stories, %zu ready (no lint error); target %u per principle",
		 c->n_stories, c->ready, c->target);

	int y = 3, name_w = a->cols - 47;
	if (name_w > 46)
		name_w = 46;
	int xs = 5 + name_w + 1, xr = xs + 12, xp = xr + 13;
	draw_str(y, 5, name_w, "PRINCIPLE", ST_TITLE);
	draw_str(y, xs, 10, "STORIES", ST_TITLE);
	draw_str(y, xr, 10, "READY", ST_TITLE);
	draw_str(y++, xp, a->cols - xp - 1, "PLAN", ST_TITLE);
	for (size_t p = 0; p < c->n_principles && y < a->rows - 3; p++, y++) {
		const struct cov_principle *cp = &c->principles[p];
		bool sel = p == a->home.sel;
		if (sel)
			draw_fill(y, 1, a->cols - 2, ST_SEL);
		draw_str(y, 2, 2, cp->p->focus ? "*" : " ", ST_FOCUS);
		draw_str(y, 5, name_w, cp->p->name, sel ? ST_SEL : cp->p->focus ? ST_FOCUS : ST_NORMAL);
		draw_fmt(y, xs, 4, sel ? ST_SEL : ST_NORMAL, "%4zu", cp->n_stories);
		draw_bar(y, xs + 5, cp->n_stories, c->target, cp->covered ? ST_GOOD : ST_BAD);
		draw_fmt(y, xr, 4, sel ? ST_SEL : ST_NORMAL, "%4zu", cp->n_ready);
		draw_bar(y, xr + 5, cp->n_ready, c->target, cp->n_ready >= c->target ? ST_GOOD : ST_WARN);
		draw_str(y, xp, a->cols - xp - 1, cp->plan_covered ? "ok" : cp->covered ? "short" : "gap",
			 cp->plan_covered ? ST_GOOD : ST_BAD);
	}
	y++;
	draw_str(y, 2, a->cols - 4,
		 "* focus  \xe2\x96\x88 story  \xc2\xb7 missing  plan: ok, short (stories shared), gap",
		 ST_DIM);
	draw_footer(a, "s stories  n new story  d drill  r report  Enter principle's stories  ? help  q quit");
}

static bool home_key(struct app *a, const struct key *k, enum action act)
{
	(void)k;
	size_t n = a->cov.n_principles;
	switch (act) {
	case ACT_QUIT:
		a->quit = true;
		return true;
	case ACT_UP:
		if (a->home.sel > 0)
			a->home.sel--;
		return true;
	case ACT_DOWN:
		if (a->home.sel + 1 < n)
			a->home.sel++;
		return true;
	case ACT_TOP:
	case ACT_PGUP:
		a->home.sel = 0;
		return true;
	case ACT_BOTTOM:
	case ACT_PGDN:
		a->home.sel = n ? n - 1 : 0;
		return true;
	case ACT_OPEN:
		a->stories.principle = (int)a->home.sel;
		a->stories.query[0] = '\0';
		app_push(a, SCR_STORIES);
		stories_refresh(a);
		return true;
	case ACT_STORIES:
		a->stories.principle = -1;
		app_push(a, SCR_STORIES);
		stories_refresh(a);
		return true;
	case ACT_NEW:
		app_open_draft_new(a, NULL, 0);
		return true;
	case ACT_DRILL:
		if (!a->drill.active)
			drill_init(&a->drill.d, &a->ws.cat, &a->drill_cfg, NULL, a->target, &a->hist, NULL,
				   0, (uint64_t)app_now(a));
		app_start_drill(a);
		return true;
	case ACT_REPORT:
		app_push(a, SCR_REPORT);
		return true;
	default:
		return false;
	}
}

const struct screen_ops scr_home = { "home", home_draw, home_key, IN_HOME };
