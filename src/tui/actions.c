/* actions.c - the one table of key bindings. It decides what each key
 * does on each screen, lists the keys in the '?' help, and prints the key
 * list for the README and the man page ('lpcoach keys'). */
#include "tui.h"
#include "../core/buf.h"
#include "run.h"

#include <string.h>

#define CH(c) { false, 0, (uint32_t)(c) }
#define FN(c) { true, (c), 0 }
#define NOKEY { false, 0, 0 }

const struct binding tui_bindings[] = {
	/* Everywhere. */
	{ ACT_HELP, IN_LISTS | IN_DRILL, "?", { CH('?'), FN(KEY_F(1)), NOKEY }, "show the keys of this screen" },
	{ ACT_HELP, IN_TEXT, "F1", { FN(KEY_F(1)), NOKEY, NOKEY }, "show the keys of this screen" },
	{ ACT_REDRAW, IN_ALL, "Ctrl-L", { FN(KEY_CTRL('l')), NOKEY, NOKEY }, "redraw the screen" },
	{ ACT_QUIT, IN_HOME, "q", { CH('q'), NOKEY, NOKEY }, "quit" },
	{ ACT_BACK, IN_STORIES | IN_STORY | IN_REPORT, "q, Esc", { CH('q'), FN(KEY_ESC), NOKEY }, "go back" },
	/* Moving in lists and pages. */
	{ ACT_UP, IN_LISTS, "k, Up", { CH('k'), FN(KEY_UP), NOKEY }, "move up" },
	{ ACT_DOWN, IN_LISTS, "j, Down", { CH('j'), FN(KEY_DOWN), NOKEY }, "move down" },
	{ ACT_TOP, IN_LISTS, "g, Home", { CH('g'), FN(KEY_HOME), NOKEY }, "go to the top" },
	{ ACT_BOTTOM, IN_LISTS, "G, End", { CH('G'), FN(KEY_END), NOKEY }, "go to the bottom" },
	{ ACT_PGUP, IN_LISTS, "PgUp", { FN(KEY_PPAGE), NOKEY, NOKEY }, "page up" },
	{ ACT_PGDN, IN_LISTS, "PgDn", { FN(KEY_NPAGE), NOKEY, NOKEY }, "page down" },
	{ ACT_LEFT, IN_REPORT, "h, Left", { CH('h'), FN(KEY_LEFT), NOKEY }, "scroll left" },
	{ ACT_RIGHT, IN_REPORT, "l, Right", { CH('l'), FN(KEY_RIGHT), NOKEY }, "scroll right" },
	/* Home and the story list. */
	{ ACT_OPEN, IN_HOME, "Enter", { FN('\r'), NOKEY, NOKEY }, "the stories of the selected principle" },
	{ ACT_STORIES, IN_HOME, "s", { CH('s'), NOKEY, NOKEY }, "all stories" },
	{ ACT_NEW, IN_HOME | IN_STORIES, "n", { CH('n'), NOKEY, NOKEY }, "draft a new story" },
	{ ACT_DRILL, IN_HOME, "d", { CH('d'), NOKEY, NOKEY }, "drill: rehearse with questions" },
	{ ACT_REPORT, IN_HOME, "r", { CH('r'), NOKEY, NOKEY }, "the pre-loop report" },
	{ ACT_OPEN, IN_STORIES, "Enter", { FN('\r'), NOKEY, NOKEY }, "read the story with its lint findings" },
	{ ACT_EDIT, IN_STORIES | IN_STORY, "e", { CH('e'), NOKEY, NOKEY }, "edit the story" },
	{ ACT_SEARCH, IN_STORIES, "/", { CH('/'), NOKEY, NOKEY }, "search titles and text (Enter keeps, Esc clears)" },
	{ ACT_FILTER, IN_STORIES, "p", { CH('p'), NOKEY, NOKEY }, "filter by principle" },
	{ ACT_CLEAR, IN_STORIES, "c", { CH('c'), NOKEY, NOKEY }, "clear the filter and the search" },
	/* Drafting. */
	{ ACT_NEXT_STEP, IN_PICK | IN_TEXT, "Tab", { FN(KEY_TAB), NOKEY, NOKEY }, "next step" },
	{ ACT_PREV_STEP, IN_PICK | IN_TEXT, "Shift-Tab", { FN(KEY_BTAB), NOKEY, NOKEY }, "previous step" },
	{ ACT_TOGGLE, IN_PICK, "Space", { CH(' '), NOKEY, NOKEY }, "choose or drop the principle" },
	{ ACT_SAVE, IN_PICK | IN_TEXT, "Ctrl-S", { FN(KEY_CTRL('s')), NOKEY, NOKEY }, "save the story" },
	{ ACT_EXTERNAL, IN_TEXT, "Ctrl-E", { FN(KEY_CTRL('e')), NOKEY, NOKEY }, "edit this section in $VISUAL or $EDITOR" },
	{ ACT_BACK, IN_PICK | IN_TEXT, "Esc", { FN(KEY_ESC), NOKEY, NOKEY }, "leave (asks first when there are unsaved changes)" },
	{ ACT_LEFT, IN_TEXT, "Left", { FN(KEY_LEFT), NOKEY, NOKEY }, "cursor left" },
	{ ACT_RIGHT, IN_TEXT, "Right", { FN(KEY_RIGHT), NOKEY, NOKEY }, "cursor right" },
	{ ACT_UP, IN_TEXT, "Up", { FN(KEY_UP), NOKEY, NOKEY }, "cursor up a line" },
	{ ACT_DOWN, IN_TEXT, "Down", { FN(KEY_DOWN), NOKEY, NOKEY }, "cursor down a line" },
	{ ACT_WORD_LEFT, IN_TEXT, "Ctrl-Left", { FN(545), NOKEY, NOKEY }, "a word left" },
	{ ACT_WORD_RIGHT, IN_TEXT, "Ctrl-Right", { FN(560), NOKEY, NOKEY }, "a word right" },
	{ ACT_HOME, IN_TEXT, "Home, Ctrl-A", { FN(KEY_HOME), FN(KEY_CTRL('a')), NOKEY }, "start of the line" },
	{ ACT_END, IN_TEXT, "End", { FN(KEY_END), NOKEY, NOKEY }, "end of the line" },
	{ ACT_PGUP, IN_TEXT, "PgUp", { FN(KEY_PPAGE), NOKEY, NOKEY }, "page up" },
	{ ACT_PGDN, IN_TEXT, "PgDn", { FN(KEY_NPAGE), NOKEY, NOKEY }, "page down" },
	{ ACT_BACKSPACE, IN_TEXT, "Backspace", { FN(KEY_BACKSPACE), NOKEY, NOKEY }, "delete before the cursor" },
	{ ACT_DELETE, IN_TEXT, "Delete", { FN(KEY_DC), NOKEY, NOKEY }, "delete at the cursor" },
	{ ACT_NEWLINE, IN_TEXT, "Enter", { FN('\r'), NOKEY, NOKEY }, "new line (in the title: next step)" },
	/* Drill. */
	{ ACT_ANSWERED, IN_DRILL, "Enter", { FN('\r'), NOKEY, NOKEY }, "done answering: show the follow-ups" },
	{ ACT_PICK_STORY, IN_DRILL, "a-i", { NOKEY, NOKEY, NOKEY }, "pick the story you would tell (cue cards)" },
	{ ACT_RATE, IN_DRILL, "1-4", { NOKEY, NOKEY, NOKEY }, "rate the answer: 1 again, 2 hard, 3 good, 4 easy" },
	{ ACT_SKIP, IN_DRILL, "n", { CH('n'), NOKEY, NOKEY }, "skip this question" },
	{ ACT_END_DRILL, IN_DRILL, "q, Esc", { CH('q'), FN(KEY_ESC), NOKEY }, "end the drill with its summary (again: leave)" },
};

const size_t tui_n_bindings = sizeof(tui_bindings) / sizeof(tui_bindings[0]);

static bool same(const struct key *a, const struct key *b)
{
	if (a->fn != b->fn)
		return false;
	return a->fn ? a->code == b->code : a->ch == b->ch && a->ch != 0;
}

enum action action_for(unsigned where, const struct key *k)
{
	for (size_t i = 0; i < tui_n_bindings; i++) {
		const struct binding *b = &tui_bindings[i];
		if (!(b->where & where))
			continue;
		for (size_t j = 0; j < 3; j++)
			if ((b->k[j].fn || b->k[j].ch) && same(&b->k[j], k))
				return b->action;
	}
	return ACT_NONE;
}

unsigned app_where(const struct app *a)
{
	if (a->screen == SCR_DRAFT)
		return a->draft.d.step == DRAFT_PRINCIPLES ? IN_PICK : IN_TEXT;
	return 1u << a->screen;
}

static size_t help_lines(const struct app *a, struct buf *b)
{
	unsigned where = app_where(a);
	size_t n = 0;
	for (size_t i = 0; i < tui_n_bindings; i++) {
		const struct binding *bd = &tui_bindings[i];
		if (!(bd->where & where))
			continue;
		buf_addf(b, "%-14s %s\n", bd->keys, bd->help);
		n++;
	}
	return n;
}

void help_draw(struct app *a)
{
	struct buf b = BUF_INIT;
	size_t n = help_lines(a, &b);
	int w = 70, h = (int)n + 4;
	if (h > a->rows - 2)
		h = a->rows - 2;
	int y0 = (a->rows - h) / 2, x0 = (a->cols - w) / 2;
	for (int y = 0; y < h; y++)
		draw_fill(y0 + y, x0, w, ST_NORMAL);
	draw_fmt(y0, x0 + 2, w - 4, ST_TITLE, "Keys: %s", app_screen(a->screen)->name);
	const char *p = buf_cstr(&b);
	size_t line = 0;
	int y = y0 + 2;
	while (*p && y < y0 + h - 1) {
		const char *nl = strchr(p, '\n');
		if (line++ >= a->help_top) {
			draw_text(y, x0 + 2, 14, p, 14, ST_KEY);
			draw_text(y, x0 + 17, w - 19, p + 15, (size_t)(nl - p) - 15, ST_NORMAL);
			y++;
		}
		p = nl + 1;
	}
	draw_str(y0 + h - 1, x0 + 2, w - 4, "any key closes this help", ST_DIM);
	buf_release(&b);
}

bool help_key(struct app *a, enum action act)
{
	if (act == ACT_DOWN) {
		a->help_top++;
		return true;
	}
	if (act == ACT_UP && a->help_top) {
		a->help_top--;
		return true;
	}
	a->help = false;
	a->help_top = 0;
	return true;
}

void tui_keys_markdown(struct buf *out)
{
	static const struct {
		unsigned where;
		const char *title;
	} groups[] = {
		{ IN_HOME, "Home" }, { IN_STORIES, "Stories" }, { IN_STORY, "Reading a story" },
		{ IN_PICK, "Drafting: the principles step" }, { IN_TEXT, "Drafting: the text steps" },
		{ IN_DRILL, "Drill" }, { IN_REPORT, "Report" },
	};
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		buf_addf(out, "%s%s:\n\n| key | action |\n| --- | --- |\n", g ? "\n" : "", groups[g].title);
		for (size_t i = 0; i < tui_n_bindings; i++) {
			const struct binding *b = &tui_bindings[i];
			if (b->where & groups[g].where)
				buf_addf(out, "| %s | %s |\n", b->keys, b->help);
		}
	}
}

bool pager_scroll(const struct app *a, size_t *top, enum action act)
{
	size_t page = (size_t)(a->rows > 4 ? a->rows - 4 : 1);
	switch (act) {
	case ACT_UP:
		if (*top)
			(*top)--;
		return true;
	case ACT_DOWN:
		(*top)++;
		return true;
	case ACT_TOP:
		*top = 0;
		return true;
	case ACT_BOTTOM:
		*top = (size_t)-1 / 2;
		return true;
	case ACT_PGUP:
		*top = *top > page ? *top - page : 0;
		return true;
	case ACT_PGDN:
		*top += page;
		return true;
	default:
		return false;
	}
}
