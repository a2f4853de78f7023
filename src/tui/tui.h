/* tui.h - the terminal interface's shared parts: the app state, the
 * screens' ops table, keys and drawing helpers. Only src/tui/ includes it.
 *
 * Screens draw from state and turn keys into core calls; what a key does is
 * looked up in one action table (actions.c), which also drives the '?'
 * help and the key list in the README.
 */
#ifndef LPCOACH_TUI_H
#define LPCOACH_TUI_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/coverage.h"
#include "../core/draft.h"
#include "../core/drill.h"
#include "../core/editor.h"
#include "../core/history.h"
#include "../core/lint.h"
#include "../core/lock.h"
#include "../core/rules.h"
#include "../core/workspace.h"

#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24
#define TUI_AUTOSAVE_SECONDS 5

enum screen_id { SCR_HOME, SCR_STORIES, SCR_STORY, SCR_DRAFT, SCR_DRILL, SCR_REPORT, SCR_COUNT };

/* Where a binding applies: screens, plus the two modes of the draft. */
enum {
	IN_HOME = 1 << SCR_HOME,
	IN_STORIES = 1 << SCR_STORIES,
	IN_STORY = 1 << SCR_STORY,
	IN_PICK = 1 << SCR_DRAFT,     /* draft: the principles step */
	IN_DRILL = 1 << SCR_DRILL,
	IN_REPORT = 1 << SCR_REPORT,
	IN_TEXT = 1 << SCR_COUNT,     /* draft: a text step */
	IN_LISTS = IN_HOME | IN_STORIES | IN_STORY | IN_PICK | IN_REPORT,
	IN_ALL = (1 << (SCR_COUNT + 1)) - 1,
};

enum action {
	ACT_NONE,
	ACT_QUIT, ACT_BACK, ACT_HELP, ACT_REDRAW,
	ACT_UP, ACT_DOWN, ACT_TOP, ACT_BOTTOM, ACT_PGUP, ACT_PGDN,
	ACT_OPEN, ACT_STORIES, ACT_NEW, ACT_DRILL, ACT_REPORT, ACT_EDIT,
	ACT_SEARCH, ACT_FILTER, ACT_CLEAR,
	ACT_TOGGLE, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_SAVE, ACT_EXTERNAL,
	ACT_LEFT, ACT_RIGHT, ACT_HOME, ACT_END, ACT_BACKSPACE, ACT_DELETE, ACT_NEWLINE, ACT_WORD_LEFT, ACT_WORD_RIGHT,
	ACT_ANSWERED, ACT_RATE, ACT_SKIP, ACT_PICK_STORY, ACT_END_DRILL,
};

/* A key: a character (fn false, ch a code point) or a special key (fn true,
 * code an ncurses KEY_* value or a control code such as 19 for Ctrl-S). */
struct key {
	bool fn;
	int code;
	uint32_t ch;
};

#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27
#define KEY_TAB 9

struct binding {
	enum action action;
	unsigned where;
	const char *keys; /* as shown in help and docs */
	struct key k[3];
	const char *help;
};

enum style { ST_NORMAL, ST_TITLE, ST_FOCUS, ST_GOOD, ST_BAD, ST_WARN, ST_SUGG, ST_SEL, ST_DIM,
	     ST_KEY, ST_MATCH, ST_NSTYLES };

struct app;

struct screen_ops {
	const char *name;
	void (*draw)(struct app *a);
	/* Handle a key; false when it is not this screen's. */
	bool (*key)(struct app *a, const struct key *k, enum action act);
	unsigned where; /* for the help */
};

enum dialog_kind { DLG_NONE, DLG_LEAVE_DRAFT, DLG_CONFLICT, DLG_RECOVER, DLG_INFO };

struct app {
	struct workspace ws;
	struct ruleset rules;
	struct linter *linter;
	struct coverage cov;
	bool have_cov;
	struct folder_lock lock;
	struct drill_config drill_cfg;
	struct history hist;
	char *log_path;
	unsigned target;

	enum screen_id screen;
	enum screen_id stack[8];
	size_t depth;
	int rows, cols;
	bool quit;
	char message[256];
	bool message_bad;
	long long clock_offset; /* headless tests move the clock */

	bool help;
	size_t help_top;
	enum dialog_kind dialog;
	char dialog_text[256];

	struct {
		size_t sel;
	} home;
	struct {
		size_t *idx, n, sel, top;
		int principle; /* catalog index filter, -1 for all */
		char query[128];
		bool searching;
		bool picking;  /* choosing a principle filter */
		size_t pick_sel;
	} stories;
	struct {
		char *id;
		size_t top;
		struct lint_report rep;
	} view;
	struct {
		bool active;
		struct draft d;
		struct editor ed;
		struct lint_report rep;
		long long last_autosave;
		long long last_edit;
		enum screen_id back;
	} draft;
	struct {
		bool active;
		struct drill d;
		const struct question *q;
		long long started, stopped;
		enum { DR_ASK, DR_GUESS, DR_PROBES, DR_SUMMARY } phase;
		bool hide;
		long target;
		int story;          /* picked cue card, -1 none */
		size_t guess_sel;
		bool guessed_right;
		const struct followup *fu[2];
		size_t nfu;
		struct drill_summary sum;
		size_t *cards, n_cards;
		long count;         /* questions to ask, 0: until q */
	} drill;
	struct {
		char **lines;
		size_t n, top, left;
	} report;
};

/* app.c */
long long app_now(const struct app *a);
void app_push(struct app *a, enum screen_id s);
void app_back(struct app *a);
void app_message(struct app *a, bool bad, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void app_refresh_coverage(struct app *a);
const struct screen_ops *app_screen(enum screen_id s);
/* Open the draft screen on a->draft.d (set up by the caller). */
void app_open_draft(struct app *a);
void app_open_draft_new(struct app *a, const char *const *ids, size_t n);
void app_open_draft_edit(struct app *a, const char *id);
void app_start_drill(struct app *a);

/* term.c */
int term_init(struct app *a, const char **why);
void term_end(void);
/* 1 with a key, 0 on timeout, -1 when the key script ended. */
int term_read(struct app *a, struct key *k, int timeout_ms);
bool term_headless(void);
void term_dump(struct app *a);
extern volatile int term_signal;
void term_suspend(void);
void term_resume(struct app *a);

/* actions.c */
extern const struct binding tui_bindings[];
extern const size_t tui_n_bindings;
enum action action_for(unsigned where, const struct key *k);
unsigned app_where(const struct app *a);
void help_draw(struct app *a);
bool help_key(struct app *a, enum action act);
/* Move a pager's first line for the scrolling actions (the drawing clamps
 * it to the text); false for any other action. */
bool pager_scroll(const struct app *a, size_t *top, enum action act);

/* draw.c */
void draw_init_styles(bool color);
attr_t style_attr(enum style s);
/* Draw s[0..n) at (y, x) in at most w columns; returns columns used. */
int draw_text(int y, int x, int w, const char *s, size_t n, enum style st);
int draw_str(int y, int x, int w, const char *s, enum style st);
int draw_fmt(int y, int x, int w, enum style st, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void draw_fill(int y, int x, int w, enum style st);
/* Word-wrapped text in a box; returns the rows used (at most h). */
int draw_wrapped(int y, int x, int w, int h, const char *s, enum style st);
void draw_footer(struct app *a, const char *keys);
void draw_title(struct app *a, const char *title);

/* Screens. */
extern const struct screen_ops scr_home, scr_stories, scr_story, scr_draft, scr_drill, scr_report;
void stories_refresh(struct app *a);
void draft_sync(struct app *a);
void draft_close(struct app *a);
void drill_close(struct app *a);

#endif
