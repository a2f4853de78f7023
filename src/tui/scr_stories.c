/* scr_stories.c - the story list: scores and counts, a principle filter
 * and a search. */
#include "tui.h"
#include "../core/bank.h"
#include "../core/catalog.h"
#include "../core/story.h"
#include "../core/utf8.h"
#include "../core/util.h"

#include <stdlib.h>
#include <string.h>

void stories_refresh(struct app *a)
{
	const struct coverage *c = &a->cov;
	const char *pid = a->stories.principle >= 0 ? a->ws.cat.v[a->stories.principle].id : NULL;
	free(a->stories.idx);
	a->stories.idx = xcalloc(c->n_stories + 1, sizeof(size_t));
	a->stories.n = 0;
	for (size_t i = 0; i < c->n_stories; i++)
		if (bank_story_matches(c->stories[i].story, pid, a->stories.query))
			a->stories.idx[a->stories.n++] = i;
	if (a->stories.sel >= a->stories.n)
		a->stories.sel = a->stories.n ? a->stories.n - 1 : 0;
}

static void stories_draw(struct app *a)
{
	const struct coverage *c = &a->cov;
	char title[256];
	snprintf(title, sizeof(title), "Stories%s%s%s%s%s (%zu of %zu)",
		 a->stories.principle >= 0 ? " - " : "",
		 a->stories.principle >= 0 ? a->ws.cat.v[a->stories.principle].name : "",
		 a->stories.query[0] ? "  search '" : "", a->stories.query,
		 a->stories.query[0] ? "'" : "", a->stories.n, c->n_stories);
	draw_title(a, title);
	int top = 2, rows = a->rows - 4;
	int pw = a->cols / 4, tw = a->cols - 4 - 20 - pw, xs = 2 + tw + 1;
	draw_str(top - 1, 2, tw, "TITLE", ST_TITLE);
	draw_str(top - 1, xs, a->cols - xs - 1, "SCORE   E   W   S  PRINCIPLES", ST_TITLE);
	if (a->stories.sel < a->stories.top)
		a->stories.top = a->stories.sel;
	if (a->stories.sel >= a->stories.top + (size_t)rows)
		a->stories.top = a->stories.sel - (size_t)rows + 1;
	for (int r = 0; r < rows && a->stories.top + (size_t)r < a->stories.n; r++) {
		size_t k = a->stories.top + (size_t)r;
		const struct cov_story *cs = &c->stories[a->stories.idx[k]];
		int y = top + r;
		bool sel = k == a->stories.sel;
		if (sel)
			draw_fill(y, 1, a->cols - 2, ST_SEL);
		draw_str(y, 2, tw, story_title(cs->story), sel ? ST_SEL : ST_NORMAL);
		draw_fmt(y, xs, 5, sel ? ST_SEL : cs->score >= 80 ? ST_GOOD : cs->score >= 50 ? ST_WARN : ST_BAD,
			 "%5d", cs->score);
		draw_fmt(y, xs + 6, 3, cs->errors ? ST_BAD : ST_DIM, "%3u", cs->errors);
		draw_fmt(y, xs + 10, 3, cs->warnings ? ST_WARN : ST_DIM, "%3u", cs->warnings);
		draw_fmt(y, xs + 14, 3, ST_DIM, "%3u", cs->suggestions);
		char pl[256] = "";
		for (size_t i = 0; i < cs->story->n_principles; i++) {
			strncat(pl, i ? ", " : "", sizeof(pl) - strlen(pl) - 1);
			strncat(pl, cs->story->principles[i].id, sizeof(pl) - strlen(pl) - 1);
		}
		draw_str(y, xs + 19, a->cols - xs - 20, pl, sel ? ST_SEL : ST_DIM);
	}
	if (a->stories.n == 0)
		draw_str(top + 1, 4, a->cols - 8,
			 c->n_stories ? "No story matches: c clears the filter." : "No stories yet: n drafts one.",
			 ST_DIM);
	if (a->stories.picking) {
		int h = (int)a->ws.cat.n + 3, w = 52, y0 = 2, x0 = (a->cols - w) / 2;
		for (int y = 0; y < h && y0 + y < a->rows - 1; y++)
			draw_fill(y0 + y, x0, w, ST_NORMAL);
		draw_str(y0, x0 + 2, w - 4, "Filter by principle (Enter chooses, Esc closes)", ST_TITLE);
		for (size_t p = 0; p <= a->ws.cat.n; p++) {
			bool sel = p == a->stories.pick_sel;
			const char *name = p == 0 ? "(all principles)" : a->ws.cat.v[p - 1].name;
			draw_fill(y0 + 1 + (int)p, x0 + 1, w - 2, sel ? ST_SEL : ST_NORMAL);
			draw_str(y0 + 1 + (int)p, x0 + 2, w - 4, name, sel ? ST_SEL : ST_NORMAL);
		}
	}
	if (a->stories.searching) {
		draw_fill(a->rows - 2, 0, a->cols, ST_NORMAL);
		int x = draw_str(a->rows - 2, 1, 10, "search: ", ST_KEY) + 1;
		draw_str(a->rows - 2, x, a->cols - x - 1, a->stories.query, ST_NORMAL);
	}
	draw_footer(a, "Enter read  e edit  n new  / search  p principle  c clear  q back  ? help");
}

static void search_key(struct app *a, const struct key *k)
{
	char *q = a->stories.query;
	size_t len = strlen(q);
	if (k->fn && (k->code == '\r' || k->code == KEY_ESC)) {
		a->stories.searching = false;
		if (k->code == KEY_ESC)
			q[0] = '\0';
	} else if (k->fn && k->code == KEY_BACKSPACE) {
		q[utf8_prev(q, len)] = '\0';
	} else if (!k->fn && k->ch >= 32 && len + 5 < sizeof(a->stories.query)) {
		len += utf8_encode(k->ch, q + len);
		q[len] = '\0';
	}
	a->stories.sel = 0;
	stories_refresh(a);
}

static void pick_key(struct app *a, enum action act, const struct key *k)
{
	size_t n = a->ws.cat.n + 1;
	if (act == ACT_UP && a->stories.pick_sel > 0)
		a->stories.pick_sel--;
	else if (act == ACT_DOWN && a->stories.pick_sel + 1 < n)
		a->stories.pick_sel++;
	else if (k->fn && k->code == '\r') {
		a->stories.principle = (int)a->stories.pick_sel - 1;
		a->stories.picking = false;
		a->stories.sel = 0;
		stories_refresh(a);
	} else if (k->fn && k->code == KEY_ESC)
		a->stories.picking = false;
}

static bool stories_key(struct app *a, const struct key *k, enum action act)
{
	if (a->stories.searching) {
		search_key(a, k);
		return true;
	}
	if (a->stories.picking) {
		pick_key(a, act, k);
		return true;
	}
	size_t n = a->stories.n, page = (size_t)(a->rows > 6 ? a->rows - 5 : 1);
	const struct story *cur = n ? a->cov.stories[a->stories.idx[a->stories.sel]].story : NULL;
	switch (act) {
	case ACT_BACK:
		app_back(a);
		return true;
	case ACT_UP:
		if (a->stories.sel)
			a->stories.sel--;
		return true;
	case ACT_DOWN:
		if (a->stories.sel + 1 < n)
			a->stories.sel++;
		return true;
	case ACT_TOP:
		a->stories.sel = 0;
		return true;
	case ACT_BOTTOM:
		a->stories.sel = n ? n - 1 : 0;
		return true;
	case ACT_PGUP:
		a->stories.sel = a->stories.sel > page ? a->stories.sel - page : 0;
		return true;
	case ACT_PGDN:
		a->stories.sel = a->stories.sel + page < n ? a->stories.sel + page : (n ? n - 1 : 0);
		return true;
	case ACT_OPEN:
		if (cur) {
			free(a->view.id);
			a->view.id = xstrdup(cur->id);
			a->view.top = 0;
			app_push(a, SCR_STORY);
		}
		return true;
	case ACT_EDIT:
		if (cur)
			app_open_draft_edit(a, cur->id);
		return true;
	case ACT_NEW: {
		const char *ids[1];
		size_t ni = 0;
		if (a->stories.principle >= 0)
			ids[ni++] = a->ws.cat.v[a->stories.principle].id;
		app_open_draft_new(a, ids, ni);
		return true;
	}
	case ACT_SEARCH:
		a->stories.searching = true;
		return true;
	case ACT_FILTER:
		a->stories.picking = true;
		a->stories.pick_sel = (size_t)(a->stories.principle + 1);
		return true;
	case ACT_CLEAR:
		a->stories.principle = -1;
		a->stories.query[0] = '\0';
		stories_refresh(a);
		return true;
	default:
		return false;
	}
}

const struct screen_ops scr_stories = { "stories", stories_draw, stories_key, IN_STORIES };
