/* app.c - the terminal interface's lifecycle: setting up, the main loop,
 * moving between screens, dialogs, and leaving safely on any path. */
#include "tui.h"
#include "run.h"
#include "../core/buf.h"
#include "../core/bank.h"
#include "../core/catalog.h"
#include "../core/diag.h"
#include "../core/fsutil.h"
#include "../core/util.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct app *the_app; /* for the exit paths */

long long app_now(const struct app *a)
{
	return (long long)time(NULL) + a->clock_offset;
}

const struct screen_ops *app_screen(enum screen_id s)
{
	static const struct screen_ops *const ops[SCR_COUNT] = {
		[SCR_HOME] = &scr_home, [SCR_STORIES] = &scr_stories, [SCR_STORY] = &scr_story,
		[SCR_DRAFT] = &scr_draft, [SCR_DRILL] = &scr_drill, [SCR_REPORT] = &scr_report,
	};
	return ops[s];
}

void app_message(struct app *a, bool bad, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	a->message_bad = bad;
}

void app_push(struct app *a, enum screen_id s)
{
	if (a->depth < ARRAY_SIZE(a->stack))
		a->stack[a->depth++] = a->screen;
	a->screen = s;
}

void app_back(struct app *a)
{
	if (a->depth == 0) {
		a->quit = true;
		return;
	}
	a->screen = a->stack[--a->depth];
	if (a->screen == SCR_STORIES)
		stories_refresh(a);
}

void app_refresh_coverage(struct app *a)
{
	struct diag_list dl = DIAG_LIST_INIT;
	if (a->have_cov)
		coverage_release(&a->cov);
	coverage_build(&a->cov, &a->ws.cat, &a->ws.bank, a->linter, a->target, 1, &dl);
	a->have_cov = true;
	diag_list_release(&dl);
	/* The report screen shows the text form of the same report. */
	for (size_t i = 0; i < a->report.n; i++)
		free(a->report.lines[i]);
	free(a->report.lines);
	a->report.lines = NULL;
	a->report.n = 0;
}

/* Save what can be saved before leaving on a signal or an error. */
static void save_draft_now(struct app *a)
{
	if (!a->draft.active)
		return;
	struct diag_list dl = DIAG_LIST_INIT;
	draft_sync(a);
	draft_autosave(&a->draft.d, &dl);
	diag_list_release(&dl);
}

static void end_terminal(void)
{
	term_end();
}

static void oom_hook(void)
{
	term_end(); /* restore the terminal before the message */
}

static void draw_too_small(struct app *a)
{
	erase();
	const char *msg = "terminal too small";
	char need[64];
	snprintf(need, sizeof(need), "need %dx%d, have %dx%d", TUI_MIN_COLS, TUI_MIN_ROWS, a->cols,
		 a->rows);
	int y = a->rows / 2 - 1;
	if (y < 0)
		y = 0;
	draw_str(y, 0, a->cols, msg, ST_BAD);
	if (a->rows > 1)
		draw_str(y + 1, 0, a->cols, need, ST_NORMAL);
}

static void dialog_draw(struct app *a)
{
	int w = 64, h = 6, y0 = (a->rows - h) / 2, x0 = (a->cols - w) / 2;
	for (int y = 0; y < h; y++)
		draw_fill(y0 + y, x0, w, ST_SEL);
	draw_wrapped(y0 + 1, x0 + 2, w - 4, 2, a->dialog_text, ST_SEL);
	const char *keys = a->dialog == DLG_LEAVE_DRAFT ? "s save and leave   d discard   Esc keep editing"
			 : a->dialog == DLG_CONFLICT    ? "o overwrite it   Esc cancel (your text stays here)"
			 : a->dialog == DLG_RECOVER     ? "r recover the draft   d discard it"
							: "any key";
	draw_str(y0 + h - 2, x0 + 2, w - 4, keys, ST_SEL);
}

static void recover(struct app *a)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct draft d;
	if (draft_recover(&d, a->ws.stories_dir, &a->ws.cat, &a->ws.bank, a->target, &dl) < 0) {
		app_message(a, true, "the draft could not be read; it is kept in .lpcoach/draft.yaml");
		diag_list_release(&dl);
		return;
	}
	diag_list_release(&dl);
	if (a->draft.active)
		draft_close(a);
	a->draft.d = d;
	app_open_draft(a);
	app_message(a, false, "draft recovered: Ctrl-S saves it");
}

static void dialog_key(struct app *a, const struct key *k)
{
	enum dialog_kind d = a->dialog;
	uint32_t c = k->fn ? 0 : k->ch;
	bool esc = k->fn && k->code == KEY_ESC;
	a->dialog = DLG_NONE;
	switch (d) {
	case DLG_LEAVE_DRAFT:
		if (c == 's') {
			struct key save = { true, KEY_CTRL('s'), 0 };
			app_screen(SCR_DRAFT)->key(a, &save, ACT_SAVE);
			if (!a->draft.d.dirty) {
				draft_close(a);
				app_back(a);
			}
		} else if (c == 'd') {
			draft_discard_recovery(a->ws.stories_dir);
			draft_close(a);
			app_back(a);
			app_message(a, false, "draft discarded");
		} else if (!esc) {
			a->dialog = d;
		}
		break;
	case DLG_CONFLICT:
		if (c == 'o') {
			struct diag_list dl = DIAG_LIST_INIT;
			if (draft_save(&a->draft.d, &a->ws.bank, true, &dl) == DRAFT_SAVED) {
				app_refresh_coverage(a);
				app_message(a, false, "saved %s (overwrote the changes on disk)",
					    a->draft.d.story->path);
			} else {
				app_message(a, true, "not saved: %s", dl.n ? dl.v[0].msg : "error");
			}
			diag_list_release(&dl);
		}
		break;
	case DLG_RECOVER:
		if (c == 'r')
			recover(a);
		else if (c == 'd')
			draft_discard_recovery(a->ws.stories_dir);
		else
			a->dialog = d;
		break;
	default:
		break;
	}
}

static void draw(struct app *a)
{
	erase();
	if (a->cols < TUI_MIN_COLS || a->rows < TUI_MIN_ROWS) {
		draw_too_small(a);
	} else {
		app_screen(a->screen)->draw(a);
		if (a->help)
			help_draw(a);
		if (a->dialog)
			dialog_draw(a);
	}
	refresh();
}

static void handle_key(struct app *a, const struct key *k)
{
	if (k->fn && k->code == KEY_RESIZE) {
		getmaxyx(stdscr, a->rows, a->cols);
		return;
	}
	if (k->fn && k->code == 0)
		return; /* a tick */
	if (a->cols < TUI_MIN_COLS || a->rows < TUI_MIN_ROWS) {
		if (!k->fn && k->ch == 'q' && !a->draft.active)
			a->quit = true;
		return; /* nothing is drawn to act on */
	}
	if (a->dialog) {
		dialog_key(a, k);
		return;
	}
	enum action act = action_for(app_where(a), k);
	if (a->help) {
		help_key(a, act);
		return;
	}
	a->message[0] = '\0';
	if (act == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	if (act == ACT_HELP) {
		a->help = true;
		return;
	}
	app_screen(a->screen)->key(a, k, act);
}

static void tick(struct app *a)
{
	long long now = app_now(a);
	if (a->draft.active && a->draft.d.autosave_dirty &&
	    now - a->draft.last_autosave >= TUI_AUTOSAVE_SECONDS) {
		struct diag_list dl = DIAG_LIST_INIT;
		if (draft_autosave(&a->draft.d, &dl) < 0)
			app_message(a, true, "autosave failed: %s", dl.n ? dl.v[0].msg : "error");
		a->draft.last_autosave = now;
		diag_list_release(&dl);
	}
}

static int setup(struct app *a, const struct tui_options *o)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct workspace_opts wo = { o->stories, o->data, o->installed, o->source, WS_PROMPTS };
	int rc = -1;
	long holder;
	if (workspace_open(&a->ws, &wo, &dl) < 0)
		goto out;
	if (lock_acquire(&a->lock, a->ws.stories_dir, &holder, &dl) < 0)
		goto out;
	/* With the lock held no other lpcoach is writing here: every
	 * temporary file left is a killed writer's. */
	fs_clean_stale(a->ws.stories_dir, 0);
	ruleset_load_all(&a->rules, a->ws.data_dir, a->ws.stories_dir, NULL, &dl);
	a->linter = lint_new(&a->rules);
	char *cfg = path_join(a->ws.data_dir, "prompts/drill.yaml");
	int crc = drill_config_load(&a->drill_cfg, cfg, &dl);
	free(cfg);
	if (crc < 0)
		goto out;
	a->log_path = history_path(a->ws.stories_dir);
	history_load(&a->hist, a->log_path, &dl);
	a->target = a->ws.config.target ? (unsigned)a->ws.config.target : 2;
	for (size_t i = 0; i < o->n_principles; i++) {
		if (catalog_index(&a->ws.cat, o->principles[i]) < 0) {
			const char *hint = catalog_suggest(&a->ws.cat, o->principles[i]);
			diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "unknown principle '%s'%s%s%s",
				 o->principles[i], hint ? " (did you mean '" : "", hint ? hint : "",
				 hint ? "'?)" : "");
			goto out;
		}
	}
	if (o->start == TUI_EDIT && !bank_find(&a->ws.bank, o->edit_id)) {
		diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "no story '%s' in %s (see 'lpcoach list')",
			 o->edit_id, a->ws.stories_dir);
		goto out;
	}
	app_refresh_coverage(a);
	rc = 0;
out:
	/* Problems loading (a broken story, a corrupt log line) are printed
	 * before the screen takes over; fatal ones end here. */
	for (size_t i = 0; i < dl.n; i++) {
		struct buf b = BUF_INIT;
		diag_format(&dl.v[i], &b);
		fprintf(stderr, "lpcoach: %s\n", buf_cstr(&b));
		buf_release(&b);
	}
	diag_list_release(&dl);
	return rc;
}

static void teardown(struct app *a)
{
	if (a->draft.active)
		draft_close(a);
	if (a->drill.active)
		drill_close(a);
	lint_report_release(&a->view.rep);
	free(a->view.id);
	free(a->stories.idx);
	for (size_t i = 0; i < a->report.n; i++)
		free(a->report.lines[i]);
	free(a->report.lines);
	if (a->have_cov)
		coverage_release(&a->cov);
	lint_free(a->linter);
	ruleset_release(&a->rules);
	history_release(&a->hist);
	free(a->log_path);
	lock_release(&a->lock);
	workspace_release(&a->ws);
}

int tui_run(const struct tui_options *o)
{
	struct app app;
	struct app *a = &app;
	const char *why;
	memset(a, 0, sizeof(*a));
	a->stories.principle = -1;
	a->lock.fd = -1;
	the_app = a;
	if (setup(a, o) < 0) {
		teardown(a);
		return 2;
	}
	if (term_init(a, &why) < 0) {
		fprintf(stderr, "lpcoach: cannot start the interface: %s\n", why);
		teardown(a);
		return 2;
	}
	atexit(end_terminal);
	util_set_oom_hook(oom_hook);

	char *rec = draft_recovery_path(a->ws.stories_dir);
	bool has_draft = fs_exists(rec);
	free(rec);

	switch (o->start) {
	case TUI_NEW:
		app_open_draft_new(a, o->principles, o->n_principles);
		break;
	case TUI_EDIT:
		app_open_draft_edit(a, o->edit_id);
		break;
	case TUI_DRILL:
		a->drill.count = o->count;
		a->drill.target = o->seconds ? o->seconds : a->ws.config.drill_seconds;
		a->drill.hide = o->hide_principle;
		drill_init(&a->drill.d, &a->ws.cat, &a->drill_cfg, NULL, a->target, &a->hist,
			   o->principles, o->n_principles, o->seed);
		app_start_drill(a);
		break;
	case TUI_HOME:
		break;
	}
	if (has_draft) {
		a->dialog = DLG_RECOVER;
		snprintf(a->dialog_text, sizeof(a->dialog_text),
			 "A draft was not saved last time (lpcoach was closed or killed while you "
			 "were writing). Recover it?");
	}

	int status = 0;
	while (!a->quit) {
		if (term_signal) {
			save_draft_now(a);
			status = 128 + term_signal;
			break;
		}
		draw(a);
		struct key k;
		int r = term_read(a, &k, 250);
		if (r < 0) { /* the end of a test script: as a SIGTERM */
			save_draft_now(a);
			break;
		}
		if (r > 0)
			handle_key(a, &k);
		tick(a);
	}
	term_end();
	teardown(a);
	the_app = NULL;
	return status;
}
