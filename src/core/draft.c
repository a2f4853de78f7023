/* draft.c - the drafting session. */
#include "draft.h"
#include "bank.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "fsutil.h"
#include "util.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const step_names[DRAFT_NSTEPS] = {
	"Principles", "Title", "Situation", "Task", "Action", "Result", "Learned",
};

const char *draft_step_name(enum draft_step step)
{
	return step_names[step];
}

int draft_step_field(enum draft_step step)
{
	return step == DRAFT_PRINCIPLES ? -1 : (int)step - 1 + STORY_TITLE;
}

/* Picker order: gap principles first (focus before others), then the
 * covered ones (focus first), each group in catalog order. */
static void make_order(struct draft *d, const struct catalog *cat, const struct bank *bank,
		       unsigned target)
{
	d->order = xcalloc(cat->n + 1, sizeof(*d->order));
	d->n_order = 0;
	for (int pass = 0; pass < 4; pass++) {
		bool want_gap = pass < 2, want_focus = pass % 2 == 0;
		for (size_t p = 0; p < cat->n; p++) {
			bool gap = bank_count_principle(bank, cat->v[p].id) < target;
			if (gap == want_gap && cat->v[p].focus == want_focus)
				d->order[d->n_order++] = p;
		}
	}
	d->sel = 0;
}

static void init(struct draft *d, const char *stories_dir, const struct catalog *cat,
		 const struct bank *bank, unsigned target)
{
	memset(d, 0, sizeof(*d));
	d->cat = cat;
	d->stories_dir = xstrdup(stories_dir);
	make_order(d, cat, bank, target);
}

void draft_new(struct draft *d, const char *stories_dir, const struct catalog *cat,
	       const struct bank *bank, unsigned target, const char *const *ids, size_t n_ids)
{
	init(d, stories_dir, cat, bank, target);
	d->story = story_new("new");
	for (size_t i = 0; i < n_ids; i++)
		story_add_principle(d->story, ids[i]);
	d->step = n_ids ? DRAFT_TITLE : DRAFT_PRINCIPLES;
}

/* A deep copy through the YAML form, so unknown keys come along. */
static struct story *copy_story(const struct story *s)
{
	struct buf b = BUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *c = NULL;
	if (story_to_yaml(s, &b, &dl) == 0)
		c = story_parse(s->path ? s->path : s->id, s->id, b.s, b.len, &dl);
	if (!c)
		c = story_new(s->id);
	free(c->path);
	c->path = s->path ? xstrdup(s->path) : NULL;
	/* Keep the positions of the original for lint's line numbers. */
	for (int f = 0; f < STORY_NFIELDS; f++) {
		c->f[f].line = s->f[f].line;
		c->f[f].col = s->f[f].col;
		c->f[f].indent = s->f[f].indent;
		c->f[f].literal = s->f[f].literal;
		c->f[f].plain = s->f[f].plain;
	}
	c->stamp = s->stamp;
	buf_release(&b);
	diag_list_release(&dl);
	return c;
}

void draft_edit(struct draft *d, const char *stories_dir, const struct catalog *cat,
		const struct bank *bank, unsigned target, const struct story *s)
{
	init(d, stories_dir, cat, bank, target);
	d->story = copy_story(s);
	d->orig_id = xstrdup(s->id);
	d->step = DRAFT_TITLE;
}

void draft_release(struct draft *d)
{
	story_free(d->story);
	free(d->orig_id);
	free(d->stories_dir);
	free(d->order);
	memset(d, 0, sizeof(*d));
}

void draft_set_step(struct draft *d, enum draft_step step)
{
	if (step < DRAFT_NSTEPS)
		d->step = step;
}

void draft_next_step(struct draft *d)
{
	if (d->step + 1 < DRAFT_NSTEPS)
		d->step++;
}

void draft_prev_step(struct draft *d)
{
	if (d->step > 0)
		d->step--;
}

static void changed(struct draft *d)
{
	d->dirty = true;
	d->autosave_dirty = true;
}

void draft_set_text(struct draft *d, enum story_field f, const char *text)
{
	const char *old = story_text(d->story, f);
	/* Compare with what story_set_text would store. */
	struct story *probe = story_new("x");
	story_set_text(probe, f, text);
	const char *now = story_text(probe, f);
	bool same = (!old && !now) || (old && now && strcmp(old, now) == 0);
	story_free(probe);
	if (same)
		return;
	/* Positions in the old file no longer match the text. */
	story_set_text(d->story, f, text);
	changed(d);
}

void draft_toggle(struct draft *d, size_t k)
{
	if (k >= d->n_order)
		return;
	const char *id = d->cat->v[d->order[k]].id;
	if (story_has_principle(d->story, id))
		story_remove_principle(d->story, id);
	else
		story_add_principle(d->story, id);
	changed(d);
}

static void touch_dates(struct story *s)
{
	long long now = (long long)time(NULL);
	if (!s->created)
		story_set_date(&s->created, now);
	story_set_date(&s->updated, now);
}

enum draft_save_status draft_save(struct draft *d, struct bank *bank, bool force,
				  struct diag_list *dl)
{
	struct story *orig = d->orig_id ? bank_find(bank, d->orig_id) : NULL;
	if (orig && !force && story_changed_on_disk(orig))
		return DRAFT_CONFLICT;
	if (fs_mkdir_p(d->stories_dir, 0700, dl) < 0)
		return DRAFT_FAILED;
	char *path;
	if (orig && orig->path) {
		path = xstrdup(orig->path);
	} else {
		const char *title = story_text(d->story, STORY_TITLE);
		char *id = bank_new_id(bank, title ? title : "untitled story");
		free(d->story->id);
		d->story->id = id;
		char *name = xasprintf("%s.yaml", id);
		path = path_join(d->stories_dir, name);
		free(name);
	}
	char *old_updated = d->story->updated ? xstrdup(d->story->updated) : NULL;
	bool had_created = d->story->created != NULL;
	touch_dates(d->story);
	if (story_save(d->story, path, dl) < 0) {
		/* Nothing changed on disk: put the dates back as they were. */
		free(d->story->updated);
		d->story->updated = old_updated;
		if (!had_created)
			xfree(&d->story->created);
		free(path);
		return DRAFT_FAILED;
	}
	free(old_updated);
	free(path);
	/* The bank gets a fresh copy, loaded back from disk so that its
	 * positions (for lint) match the file. */
	struct story *fresh = story_load_file(d->story->path, dl);
	if (!fresh)
		fresh = copy_story(d->story);
	bank_put(bank, fresh);
	free(d->orig_id);
	d->orig_id = xstrdup(fresh->id);
	d->story->stamp = fresh->stamp;
	d->dirty = false;
	draft_discard_recovery(d->stories_dir);
	d->autosave_dirty = false;
	return DRAFT_SAVED;
}

char *draft_recovery_path(const char *stories_dir)
{
	return path_join(stories_dir, ".lpcoach/draft.yaml");
}

int draft_autosave(struct draft *d, struct diag_list *dl)
{
	if (!d->autosave_dirty)
		return 0;
	char *dir = path_join(d->stories_dir, ".lpcoach");
	char *path = draft_recovery_path(d->stories_dir);
	struct buf b = BUF_INIT;
	int rc = -1;
	if (fs_mkdir_p(dir, 0700, dl) < 0)
		goto out;
	/* The draft with two keys saying what it is a draft of. */
	struct ynode *saved = d->story->extra;
	struct ynode *extra = saved ? ynode_clone(saved) : ynode_new(YNODE_MAP);
	ynode_append(extra, ynode_new_scalar("draft-of", YSTYLE_PLAIN));
	ynode_append(extra, ynode_new_scalar(d->orig_id ? d->orig_id : "", YSTYLE_DOUBLE));
	ynode_append(extra, ynode_new_scalar("draft-step", YSTYLE_PLAIN));
	ynode_append(extra, ynode_new_scalar(step_names[d->step], YSTYLE_PLAIN));
	d->story->extra = extra;
	rc = story_to_yaml(d->story, &b, dl);
	d->story->extra = saved;
	ynode_free(extra);
	if (rc == 0)
		rc = fs_write_atomic(path, b.s, b.len, 0600, dl);
	if (rc == 0)
		d->autosave_dirty = false;
out:
	buf_release(&b);
	free(dir);
	free(path);
	return rc;
}

/* Take the draft keys out of a recovered story's unknown keys. */
static char *take_key(struct story *s, const char *key)
{
	char *val = NULL;
	if (!s->extra)
		return NULL;
	for (size_t i = 0; i + 1 < s->extra->n; i += 2) {
		if (strcmp(s->extra->kids[i]->str, key) != 0)
			continue;
		if (s->extra->kids[i + 1]->kind == YNODE_SCALAR)
			val = xstrdup(s->extra->kids[i + 1]->str);
		ynode_free(s->extra->kids[i]);
		ynode_free(s->extra->kids[i + 1]);
		memmove(&s->extra->kids[i], &s->extra->kids[i + 2],
			(s->extra->n - i - 2) * sizeof(*s->extra->kids));
		s->extra->n -= 2;
		break;
	}
	if (s->extra->n == 0) {
		ynode_free(s->extra);
		s->extra = NULL;
	}
	return val;
}

int draft_recover(struct draft *d, const char *stories_dir, const struct catalog *cat,
		  const struct bank *bank, unsigned target, struct diag_list *dl)
{
	char *path = draft_recovery_path(stories_dir);
	if (!fs_exists(path)) {
		free(path);
		return -1;
	}
	struct story *s = story_load_file(path, dl);
	free(path);
	if (!s)
		return -1;
	init(d, stories_dir, cat, bank, target);
	char *of = take_key(s, "draft-of");
	char *step = take_key(s, "draft-step");
	const struct story *orig = of && *of ? bank_find(bank, of) : NULL;
	free(s->id);
	free(s->path);
	s->path = NULL;
	if (orig) {
		s->id = xstrdup(orig->id);
		s->path = orig->path ? xstrdup(orig->path) : NULL;
		s->stamp = orig->stamp;
		d->orig_id = xstrdup(orig->id);
	} else {
		s->id = xstrdup("new");
	}
	for (int f = 0; f < STORY_NFIELDS; f++)
		s->f[f].line = s->f[f].col = 0;
	d->story = s;
	d->step = DRAFT_TITLE;
	for (int k = 0; step && k < DRAFT_NSTEPS; k++)
		if (strcmp(step, step_names[k]) == 0)
			d->step = (enum draft_step)k;
	free(of);
	free(step);
	d->dirty = true; /* not saved yet */
	d->autosave_dirty = false;
	return 0;
}

void draft_discard_recovery(const char *stories_dir)
{
	char *path = draft_recovery_path(stories_dir);
	unlink(path);
	free(path);
}
