/* scr_drill.c - the drill: a question, a clock, cue cards for the stories
 * of its principle, follow-up probes, a rating, and a summary. The
 * scheduling and the log are the core's; this screen shows them. */
#include "tui.h"
#include "../core/bank.h"
#include "../core/buf.h"
#include "../core/catalog.h"
#include "../core/diag.h"
#include "../core/story.h"
#include "../core/util.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CARDS 9

static void next_question(struct app *a)
{
	struct drill_summary *s = &a->drill.sum;
	if (a->drill.count && s->asked >= (unsigned)a->drill.count) {
		a->drill.phase = DR_SUMMARY;
		return;
	}
	a->drill.q = drill_next(&a->drill.d, app_now(a));
	if (!a->drill.q) {
		a->drill.phase = DR_SUMMARY;
		return;
	}
	a->drill.started = app_now(a);
	a->drill.story = -1;
	a->drill.nfu = 0;
	a->drill.guessed_right = false;
	a->drill.guess_sel = 0;
	a->drill.phase = a->drill.hide ? DR_GUESS : DR_ASK;
	/* Cue cards: the stories mapped to the question's principle. */
	const char *pid = a->ws.cat.v[a->drill.q->principle].id;
	free(a->drill.cards);
	a->drill.cards = xcalloc(a->ws.bank.n + 1, sizeof(size_t));
	a->drill.n_cards = 0;
	for (size_t i = 0; i < a->ws.bank.n && a->drill.n_cards < MAX_CARDS; i++)
		if (story_has_principle(a->ws.bank.v[i], pid))
			a->drill.cards[a->drill.n_cards++] = i;
}

void app_start_drill(struct app *a)
{
	if (!a->drill.active) {
		a->drill.active = true;
		if (!a->drill.target)
			a->drill.target = a->ws.config.drill_seconds ? a->ws.config.drill_seconds
								     : a->drill_cfg.target_seconds;
		drill_summary_init(&a->drill.sum, &a->ws.cat, a->drill.target);
		/* The scheduler weighs gaps: tell it the current story counts. */
		for (size_t p = 0; p < a->ws.cat.n; p++)
			a->drill.d.stories[p] = (unsigned)a->cov.principles[p].n_stories;
		next_question(a);
	}
	app_push(a, SCR_DRILL);
}

void drill_close(struct app *a)
{
	if (!a->drill.active)
		return;
	drill_release(&a->drill.d);
	drill_summary_release(&a->drill.sum);
	free(a->drill.cards);
	a->drill.cards = NULL;
	a->drill.active = false;
}

static void answered(struct app *a)
{
	a->drill.stopped = app_now(a);
	int wanted[FOLLOWUP_NTYPES];
	size_t nw = 0;
	if (a->drill.story >= 0)
		nw = lint_probe_types(a->linter, a->ws.bank.v[a->drill.cards[a->drill.story]], wanted,
				      FOLLOWUP_NTYPES);
	a->drill.nfu = drill_followups(&a->drill.d, &a->ws.prompts,
				       a->ws.cat.v[a->drill.q->principle].id, wanted, nw, a->drill.fu, 2);
	a->drill.phase = DR_PROBES;
}

static void rate(struct app *a, int rating)
{
	const struct question *q = a->drill.q;
	unsigned secs = (unsigned)(a->drill.stopped - a->drill.started);
	const char *story = a->drill.story >= 0 ? a->ws.bank.v[a->drill.cards[a->drill.story]]->id : NULL;
	struct history_entry e = { app_now(a), q->id, a->ws.cat.v[q->principle].id, (char *)story,
				   secs, rating };
	struct diag_list dl = DIAG_LIST_INIT;
	if (history_append(&a->hist, a->log_path, &e, &dl) < 0)
		app_message(a, true, "the answer was not saved to the drill log: %s",
			    dl.n ? dl.v[0].msg : "error");
	diag_list_release(&dl);
	drill_answer(&a->drill.d, q, secs, rating, app_now(a));
	drill_summary_add(&a->drill.sum, q->principle, secs, rating);
	next_question(a);
}

static void draw_clock(struct app *a, int y)
{
	long long end = a->drill.phase == DR_ASK || a->drill.phase == DR_GUESS ? app_now(a) : a->drill.stopped;
	long el = (long)(end - a->drill.started);
	bool over = el > a->drill.target;
	draw_fmt(y, a->cols - 20, 19, over ? ST_BAD : ST_GOOD, "%ld:%02ld / %ld:%02ld%s", el / 60, el % 60,
		 a->drill.target / 60, a->drill.target % 60, over ? " over" : "");
}

static void drill_draw(struct app *a)
{
	struct drill_summary *s = &a->drill.sum;
	char title[128];
	snprintf(title, sizeof(title), "Drill  question %u%s%ld  rated %u", s->asked + 1,
		 a->drill.count ? " of " : "", a->drill.count, s->rated);
	if (!a->drill.count)
		snprintf(title, sizeof(title), "Drill  question %u  rated %u", s->asked + 1, s->rated);
	if (a->drill.phase == DR_SUMMARY) {
		struct buf b = BUF_INIT;
		draw_title(a, "Drill summary");
		drill_summary_render(s, &a->ws.cat, &b);
		int y = 2;
		const char *p = buf_cstr(&b);
		while (*p && y < a->rows - 2) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			draw_text(y, 2, a->cols - 4, p, n, y == 2 ? ST_TITLE : ST_NORMAL);
			y++;
			p += nl ? n + 1 : n;
		}
		buf_release(&b);
		draw_footer(a, "q leave the drill");
		return;
	}
	draw_title(a, title);
	const struct question *q = a->drill.q;
	const struct principle *pr = &a->ws.cat.v[q->principle];
	bool hidden = a->drill.phase == DR_GUESS;
	draw_str(2, 2, a->cols - 24, hidden ? "Which principle does this question probe?" : pr->name,
		 hidden ? ST_WARN : ST_FOCUS);
	draw_clock(a, 2);
	int y = 4;
	y += draw_wrapped(y, 4, a->cols - 8, 5, q->text, ST_TITLE) + 1;
	if (hidden) {
		for (size_t i = 0; i < a->ws.cat.n && y < a->rows - 2; i++, y++) {
			bool sel = i == a->drill.guess_sel;
			if (sel)
				draw_fill(y, 4, 50, ST_SEL);
			draw_str(y, 5, 48, a->ws.cat.v[i].name, sel ? ST_SEL : ST_NORMAL);
		}
		draw_footer(a, "j/k choose  Enter guess  n skip  q end  ? help");
		return;
	}
	if (a->drill.phase == DR_ASK) {
		draw_str(y++, 4, a->cols - 8, "Which story would you tell? (a-i picks a card; Enter when you have answered aloud)",
			 ST_DIM);
		for (size_t i = 0; i < a->drill.n_cards && y < a->rows - 3; i++) {
			const struct story *st = a->ws.bank.v[a->drill.cards[i]];
			bool sel = (int)i == a->drill.story;
			if (sel)
				draw_fill(y, 4, a->cols - 8, ST_SEL);
			draw_fmt(y, 4, 4, ST_KEY, "%c)", (char)('a' + i));
			draw_str(y++, 8, a->cols - 12, story_title(st), sel ? ST_SEL : ST_NORMAL);
			const char *r = story_text(st, STORY_RESULT);
			if (r)
				draw_text(y++, 10, a->cols - 14, r, strcspn(r, "\n"), ST_DIM);
		}
		if (!a->drill.n_cards)
			draw_str(y, 4, a->cols - 8, "You have no story for this principle yet: answer from memory, then write one.",
				 ST_WARN);
		draw_footer(a, "a-i pick a story  Enter answered  n skip  q end  ? help");
		return;
	}
	/* Follow-ups, then the rating. */
	if (a->drill.guessed_right)
		draw_str(y++, 4, a->cols - 8, "You named the principle.", ST_GOOD);
	draw_str(y++, 4, a->cols - 8, "The interviewer follows up:", ST_DIM);
	for (size_t i = 0; i < a->drill.nfu && y < a->rows - 4; i++) {
		draw_fmt(y, 4, 18, ST_KEY, "(%s)", followup_type_name(a->drill.fu[i]->type));
		y += draw_wrapped(y, 22, a->cols - 26, 3, a->drill.fu[i]->text, ST_NORMAL) + 1;
	}
	draw_str(a->rows - 3, 4, a->cols - 8, "Rate the whole answer: 1 again  2 hard  3 good  4 easy", ST_TITLE);
	draw_footer(a, "1-4 rate  n skip  q end  ? help");
}

static bool drill_key(struct app *a, const struct key *k, enum action act)
{
	if (a->drill.phase == DR_SUMMARY) {
		if (act == ACT_END_DRILL || (k->fn && k->code == '\r')) {
			drill_close(a);
			app_back(a);
		}
		return true;
	}
	if (act == ACT_END_DRILL) {
		a->drill.phase = DR_SUMMARY;
		return true;
	}
	if (act == ACT_SKIP) {
		next_question(a);
		return true;
	}
	switch (a->drill.phase) {
	case DR_GUESS:
		if (k->fn && k->code == KEY_DOWN)
			act = ACT_DOWN;
		if (k->fn && k->code == KEY_UP)
			act = ACT_UP;
		if (!k->fn && k->ch == 'j' && a->drill.guess_sel + 1 < a->ws.cat.n)
			a->drill.guess_sel++;
		else if (!k->fn && k->ch == 'k' && a->drill.guess_sel)
			a->drill.guess_sel--;
		else if (act == ACT_DOWN && a->drill.guess_sel + 1 < a->ws.cat.n)
			a->drill.guess_sel++;
		else if (act == ACT_UP && a->drill.guess_sel)
			a->drill.guess_sel--;
		else if (act == ACT_ANSWERED) {
			a->drill.guessed_right = a->drill.guess_sel == a->drill.q->principle;
			app_message(a, !a->drill.guessed_right, "%s: it probes %s",
				    a->drill.guessed_right ? "Right" : "Not quite",
				    a->ws.cat.v[a->drill.q->principle].name);
			a->drill.phase = DR_ASK;
		}
		return true;
	case DR_ASK:
		if (!k->fn && k->ch >= 'a' && k->ch < 'a' + a->drill.n_cards) {
			int i = (int)(k->ch - 'a');
			a->drill.story = a->drill.story == i ? -1 : i;
		} else if (act == ACT_ANSWERED) {
			answered(a);
		}
		return true;
	case DR_PROBES:
		if (!k->fn && k->ch >= '1' && k->ch <= '4')
			rate(a, (int)(k->ch - '0'));
		return true;
	default:
		return false;
	}
}

const struct screen_ops scr_drill = { "drill", drill_draw, drill_key, IN_DRILL };
