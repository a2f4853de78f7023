/* scr_draft.c - drafting a story step by step: the principles, the title,
 * then each STAR section in an editor, with the section's prompts beside it
 * and live lint findings below. The text lives in the core's draft and
 * editor; this screen draws them and turns keys into their calls. */
#include "tui.h"
#include "../core/bank.h"
#include "../core/buf.h"
#include "../core/catalog.h"
#include "../core/diag.h"
#include "../core/fsutil.h"
#include "../core/prompts.h"
#include "../core/story.h"
#include "../core/utf8.h"
#include "../core/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Pane geometry for the current size. */
struct panes {
	int ex, ey, ew, eh; /* editor */
	int px, pw;         /* prompts */
	int ly, lh;         /* lint */
};

static struct panes panes(const struct app *a)
{
	struct panes p;
	p.ex = 1;
	p.ey = 4;
	p.ew = a->cols * 3 / 5 - 2;
	p.lh = 5;
	p.ly = a->rows - 1 - p.lh;
	p.eh = p.ly - p.ey - 1;
	p.px = p.ex + p.ew + 2;
	p.pw = a->cols - p.px - 1;
	return p;
}

static int field(const struct app *a)
{
	return draft_step_field(a->draft.d.step);
}

/* Load the current step's text into the editor. */
static void load_step(struct app *a)
{
	int f = field(a);
	const char *t = f >= 0 ? story_text(a->draft.d.story, (enum story_field)f) : NULL;
	size_t len = t ? strlen(t) : 0;
	/* The editor shows the text without its final newline. */
	char *copy = xstrndup(t ? t : "", len && t[len - 1] == '\n' ? len - 1 : len);
	editor_set_text(&a->draft.ed, copy);
	editor_mark_clean(&a->draft.ed);
	free(copy);
}

/* Copy the editor's text into the draft, and lint the draft again. */
void draft_sync(struct app *a)
{
	if (!a->draft.active)
		return;
	int f = field(a);
	if (f >= 0 && a->draft.ed.dirty) {
		draft_set_text(&a->draft.d, (enum story_field)f, editor_text(&a->draft.ed));
		editor_mark_clean(&a->draft.ed);
		a->draft.last_edit = app_now(a);
	}
	lint_report_release(&a->draft.rep);
	struct diag_list dl = DIAG_LIST_INIT;
	lint_story(a->linter, a->draft.d.story, &a->draft.rep, &dl);
	diag_list_release(&dl);
}

void app_open_draft(struct app *a)
{
	a->draft.active = true;
	a->draft.back = a->screen;
	editor_init(&a->draft.ed, NULL, (size_t)panes(a).ew);
	a->draft.last_autosave = app_now(a);
	app_push(a, SCR_DRAFT);
	load_step(a);
	draft_sync(a);
}

void app_open_draft_new(struct app *a, const char *const *ids, size_t n)
{
	if (a->draft.active)
		draft_close(a);
	draft_new(&a->draft.d, a->ws.stories_dir, &a->ws.cat, &a->ws.bank, a->target, ids, n);
	app_open_draft(a);
}

void app_open_draft_edit(struct app *a, const char *id)
{
	const struct story *s = id ? bank_find(&a->ws.bank, id) : NULL;
	if (!s) {
		app_message(a, true, "no story '%s' to edit", id ? id : "");
		return;
	}
	if (a->draft.active)
		draft_close(a);
	draft_edit(&a->draft.d, a->ws.stories_dir, &a->ws.cat, &a->ws.bank, a->target, s);
	app_open_draft(a);
}

void draft_close(struct app *a)
{
	if (!a->draft.active)
		return;
	editor_release(&a->draft.ed);
	draft_release(&a->draft.d);
	lint_report_release(&a->draft.rep);
	a->draft.active = false;
}

static void draw_steps(struct app *a)
{
	int x = 1;
	for (int s = 0; s < DRAFT_NSTEPS; s++) {
		int f = draft_step_field((enum draft_step)s);
		bool done = f < 0 ? a->draft.d.story->n_principles > 0
				  : story_text(a->draft.d.story, (enum story_field)f) != NULL;
		enum style st = s == (int)a->draft.d.step ? ST_SEL : done ? ST_GOOD : ST_DIM;
		x += draw_fmt(2, x, a->cols - x, st, "%s%s", done ? "\xe2\x9c\x93" : " ",
			      draft_step_name((enum draft_step)s));
		if (s + 1 < DRAFT_NSTEPS)
			x += draw_str(2, x, 3, " \xe2\x80\xba ", ST_DIM);
	}
}

static void draw_picker(struct app *a, const struct panes *p)
{
	const struct draft *d = &a->draft.d;
	draw_str(p->ey - 1, p->ex, p->ew, "Which principles does this story show? (Space chooses)", ST_TITLE);
	int rows = p->ly - p->ey - 1;
	size_t top = d->sel >= (size_t)rows ? d->sel - (size_t)rows + 1 : 0;
	for (int r = 0; r < rows && top + (size_t)r < d->n_order; r++) {
		size_t k = top + (size_t)r;
		const struct principle *pr = &a->ws.cat.v[d->order[k]];
		const struct cov_principle *cp = &a->cov.principles[d->order[k]];
		bool on = story_has_principle(d->story, pr->id), sel = k == d->sel;
		int y = p->ey + r;
		if (sel)
			draw_fill(y, p->ex, p->ew, ST_SEL);
		draw_fmt(y, p->ex + 1, 4, sel ? ST_SEL : ST_NORMAL, "[%s]", on ? "x" : " ");
		draw_str(y, p->ex + 5, 2, pr->focus ? "*" : " ", ST_FOCUS);
		draw_str(y, p->ex + 7, p->ew - 22, pr->name, sel ? ST_SEL : ST_NORMAL);
		draw_fmt(y, p->ex + p->ew - 14, 14, cp->covered ? ST_DIM : ST_BAD, "%zu stor%s%s",
			 cp->n_stories, cp->n_stories == 1 ? "y" : "ies", cp->covered ? "" : " gap");
	}
	/* Beside it: what the selected principle is about. */
	const struct principle *pr = &a->ws.cat.v[d->order[d->sel]];
	int y = p->ey - 1;
	draw_str(y++, p->px, p->pw, pr->name, ST_TITLE);
	y += draw_wrapped(y, p->px, p->pw, 6, pr->summary, ST_NORMAL) + 1;
	draw_str(y++, p->px, p->pw, "Interviewers listen for:", ST_TITLE);
	for (size_t i = 0; i < pr->n_listen_for && y < p->ly - 1; i++) {
		draw_str(y, p->px, 2, "-", ST_DIM);
		y += draw_wrapped(y, p->px + 2, p->pw - 2, 2, pr->listen_for[i], ST_NORMAL);
	}
}

static void draw_editor(struct app *a, const struct panes *p)
{
	struct editor *e = &a->draft.ed;
	int f = field(a);
	size_t words = lint_word_count(editor_text(e)), total = lint_story_words(a->draft.d.story);
	const struct section_prompt *sp =
		f > STORY_TITLE ? prompts_section(&a->ws.prompts, story_field_key((enum story_field)f)) : NULL;
	if (sp && total)
		draw_fmt(p->ey - 1, p->ex, p->ew, ST_TITLE, "%s  %zu words, %zu%% of %zu (aim %ld-%ld%%)",
			 story_field_name((enum story_field)f), words, words * 100 / total, total,
			 sp->share_min, sp->share_max);
	else
		draw_fmt(p->ey - 1, p->ex, p->ew, ST_TITLE, "%s  %zu words",
			 story_field_name((enum story_field)f), words);
	if (editor_line_count(e) && (size_t)p->ew != e->width)
		editor_set_width(e, (size_t)p->ew);
	editor_scroll(e, (size_t)p->eh);
	const char *t = editor_text(e);
	for (int r = 0; r < p->eh && e->top + (size_t)r < e->lay.n; r++) {
		const struct layout_line *ln = &e->lay.v[e->top + (size_t)r];
		draw_text(p->ey + r, p->ex, p->ew, t + ln->start, ln->end - ln->start, ST_NORMAL);
	}
	if (!*t)
		draw_str(p->ey, p->ex, p->ew,
			 f == STORY_TITLE ? "(a short name you will remember the story by)"
					  : "(start typing; the prompts on the right help)", ST_DIM);
	/* The prompts for the section and the chosen principles. */
	int y = p->ey - 1;
	if (sp) {
		y += draw_wrapped(y, p->px, p->pw, (p->ly - y) / 2, sp->belongs, ST_NORMAL) + 1;
		for (size_t i = 0; i < sp->n_questions && y < p->ly - 1; i++) {
			draw_str(y, p->px, 2, "?", ST_KEY);
			y += draw_wrapped(y, p->px + 2, p->pw - 2, 3, sp->questions[i], ST_DIM);
		}
	} else {
		y += draw_wrapped(y, p->px, p->pw, 4,
				  "Give the story a short title you will recognise in the room.", ST_NORMAL) + 1;
	}
	for (size_t i = 0; i < a->draft.d.story->n_principles && y < p->ly - 2; i++) {
		const struct principle_prompt *pp =
			prompts_principle(&a->ws.prompts, a->draft.d.story->principles[i].id);
		const struct principle *pr = catalog_find(&a->ws.cat, a->draft.d.story->principles[i].id);
		if (!pp || !pr)
			continue;
		y++;
		draw_str(y++, p->px, p->pw, pr->name, ST_FOCUS);
		y += draw_wrapped(y, p->px, p->pw, p->ly - 1 - y, pp->hint, ST_DIM);
	}
	/* The cursor: the terminal's own, where the editor says. */
	size_t row, col;
	editor_cursor_pos(e, &row, &col);
	if (row >= e->top && row < e->top + (size_t)p->eh) {
		move(p->ey + (int)(row - e->top), p->ex + (int)(col < (size_t)p->ew ? col : (size_t)p->ew - 1));
		curs_set(1);
	}
}

static void draw_lint(struct app *a, const struct panes *p)
{
	const struct lint_report *r = &a->draft.rep;
	draw_fmt(p->ly, 1, a->cols - 2, ST_TITLE, "Lint: score %d  %u errors, %u warnings, %u suggestions",
		 r->score, r->counts[LINT_ERROR], r->counts[LINT_WARNING], r->counts[LINT_SUGGESTION]);
	int y = p->ly + 1, cur = field(a);
	/* The section being written first, then the rest of the story; each
	 * by level, errors first. */
	for (int pass = 0; pass < 2; pass++)
	for (int level = LINT_ERROR; level >= LINT_SUGGESTION && y < a->rows - 1; level--)
		for (size_t i = 0; i < r->n && y < a->rows - 1; i++) {
			const struct lint_finding *f = &r->v[i];
			int where = f->field >= 0 ? f->field : f->rule->scope;
			if ((int)f->level != level || (pass == 0) != (where == cur))
				continue;
			enum style st = level == LINT_ERROR ? ST_BAD : level == LINT_WARNING ? ST_WARN : ST_SUGG;
			/* A finding about a missing section names that section. */
			int scope = f->field >= 0 ? f->field : f->rule->scope;
			int x = 2 + draw_fmt(y, 2, 20, st, "%-10s ",
					     scope < STORY_NFIELDS ? story_field_name((enum story_field)scope)
								   : "Story");
			draw_str(y++, x, a->cols - x - 1, f->message, level == LINT_SUGGESTION ? ST_DIM : ST_NORMAL);
		}
}

static void draft_draw(struct app *a)
{
	struct panes p = panes(a);
	const struct draft *d = &a->draft.d;
	char title[256];
	if (d->orig_id)
		snprintf(title, sizeof(title), "Editing %s%s", d->orig_id, d->dirty ? "  [modified]" : "");
	else
		snprintf(title, sizeof(title), "New story%s", d->dirty ? "  [not saved]" : "");
	curs_set(0);
	draw_title(a, title);
	draw_steps(a);
	if (d->step == DRAFT_PRINCIPLES)
		draw_picker(a, &p);
	draw_lint(a, &p);
	draw_footer(a, d->step == DRAFT_PRINCIPLES
			       ? "Space choose  Tab next  Ctrl-S save  Esc leave  ? help"
			       : "Tab next  Shift-Tab back  Ctrl-S save  Ctrl-E $EDITOR  Esc leave  F1 help");
	if (d->step != DRAFT_PRINCIPLES)
		draw_editor(a, &p); /* last: it places the cursor */
}

static void go_step(struct app *a, bool forward)
{
	draft_sync(a);
	if (forward)
		draft_next_step(&a->draft.d);
	else
		draft_prev_step(&a->draft.d);
	load_step(a);
}

static void save(struct app *a)
{
	struct diag_list dl = DIAG_LIST_INIT;
	draft_sync(a);
	switch (draft_save(&a->draft.d, &a->ws.bank, false, &dl)) {
	case DRAFT_SAVED:
		app_refresh_coverage(a);
		app_message(a, false, "saved %s", a->draft.d.story->path);
		break;
	case DRAFT_CONFLICT:
		a->dialog = DLG_CONFLICT;
		snprintf(a->dialog_text, sizeof(a->dialog_text),
			 "%s changed on disk since you opened it (another editor?). Overwrite it with "
			 "your version?", a->draft.d.story->path ? a->draft.d.story->path : "The story");
		break;
	case DRAFT_FAILED:
		app_message(a, true, "NOT saved (your text is kept here): %s",
			    dl.n ? dl.v[0].msg : "unknown error");
		break;
	}
	diag_list_release(&dl);
}

/* Edit the current section in $VISUAL or $EDITOR; any failure keeps the
 * text as it was. */
static void external_editor(struct app *a)
{
	/* The config's editor, then $VISUAL, then $EDITOR, as git does. */
	const char *ed = a->ws.config.editor;
	if (!ed || !*ed)
		ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/lpcoach-edit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) { /* mode 0700 */
		app_message(a, true, "cannot make a folder for the editor: %s", strerror(errno));
		free(dir);
		return;
	}
	char *path = path_join(dir, "section.txt");
	struct diag_list dl = DIAG_LIST_INIT;
	const char *before = editor_text(&a->draft.ed);
	if (fs_write_atomic(path, before, strlen(before), 0600, &dl) < 0) {
		app_message(a, true, "cannot write the section for the editor");
		goto out;
	}
	/* As git does: the editor setting is shell text, the file its argument. */
	char *cmd = xasprintf("%s \"$@\"", ed);
	term_suspend();
	pid_t pid = fork();
	int status = -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	term_resume(a);
	char *after;
	size_t len;
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* Through the shell, a killed editor shows as an exit status over 128. */
		bool killed = WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) > 128);
		app_message(a, true, "the editor failed (%s); your text is unchanged",
			    pid < 0 ? "could not start" : killed ? "killed" : "non-zero exit");
	} else if (fs_read_file(path, 1 << 20, &after, &len, &dl) < 0) {
		app_message(a, true, "the editor left no readable file; your text is unchanged");
	} else {
		while (len && after[len - 1] == '\n')
			after[--len] = '\0';
		if (strcmp(after, before) == 0) {
			app_message(a, false, "no change from the editor");
		} else {
			editor_set_text(&a->draft.ed, after);
			draft_sync(a);
			app_message(a, false, "text from the editor taken in");
		}
		free(after);
	}
out:
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	diag_list_release(&dl);
}

static bool picker_key(struct app *a, enum action act)
{
	struct draft *d = &a->draft.d;
	switch (act) {
	case ACT_UP:
		if (d->sel)
			d->sel--;
		return true;
	case ACT_DOWN:
		if (d->sel + 1 < d->n_order)
			d->sel++;
		return true;
	case ACT_TOP:
	case ACT_PGUP:
		d->sel = 0;
		return true;
	case ACT_BOTTOM:
	case ACT_PGDN:
		d->sel = d->n_order ? d->n_order - 1 : 0;
		return true;
	case ACT_TOGGLE:
		draft_toggle(d, d->sel);
		draft_sync(a);
		return true;
	default:
		return false;
	}
}

static bool text_key(struct app *a, const struct key *k, enum action act)
{
	struct editor *e = &a->draft.ed;
	size_t rows = (size_t)panes(a).eh;
	switch (act) {
	case ACT_LEFT: editor_left(e); return true;
	case ACT_RIGHT: editor_right(e); return true;
	case ACT_UP: editor_up(e); return true;
	case ACT_DOWN: editor_down(e); return true;
	case ACT_HOME: editor_home(e); return true;
	case ACT_END: editor_end(e); return true;
	case ACT_WORD_LEFT: editor_word_left(e); return true;
	case ACT_WORD_RIGHT: editor_word_right(e); return true;
	case ACT_PGUP: editor_page_up(e, rows); return true;
	case ACT_PGDN: editor_page_down(e, rows); return true;
	case ACT_BACKSPACE: editor_backspace(e); break;
	case ACT_DELETE: editor_delete(e); break;
	case ACT_NEWLINE:
		if (field(a) == STORY_TITLE) {
			go_step(a, true);
			return true;
		}
		editor_newline(e);
		break;
	case ACT_EXTERNAL:
		external_editor(a);
		return true;
	default:
		if (k->fn || k->ch < 32)
			return false;
		editor_insert_char(e, k->ch);
	}
	draft_sync(a);
	return true;
}

static bool draft_key(struct app *a, const struct key *k, enum action act)
{
	switch (act) {
	case ACT_NEXT_STEP:
		go_step(a, true);
		return true;
	case ACT_PREV_STEP:
		go_step(a, false);
		return true;
	case ACT_SAVE:
		save(a);
		return true;
	case ACT_BACK:
		draft_sync(a);
		if (a->draft.d.dirty) {
			a->dialog = DLG_LEAVE_DRAFT;
			snprintf(a->dialog_text, sizeof(a->dialog_text),
				 "This story has changes that are not saved.");
		} else {
			draft_discard_recovery(a->ws.stories_dir);
			draft_close(a);
			curs_set(0);
			app_back(a);
		}
		return true;
	default:
		break;
	}
	if (a->draft.d.step == DRAFT_PRINCIPLES)
		return picker_key(a, act);
	return text_key(a, k, act);
}

const struct screen_ops scr_draft = { "draft", draft_draw, draft_key, IN_PICK | IN_TEXT };
