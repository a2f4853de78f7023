/* drill.c - weighted, spaced-repetition question scheduling. */
#include "drill.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "history.h"
#include "util.h"
#include "ydoc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int get_list(const struct ynode *root, const char *key, double *out, const char *path,
		    struct diag_list *dl)
{
	const struct ynode *v = ynode_get(root, key);
	if (!v || v->kind != YNODE_SEQ || v->n != DRILL_BOXES) {
		diag_add(dl, DIAG_ERROR, path, v ? v->line : 1, v ? v->col : 1,
			 "'%s' must be a list of %d numbers (boxes 1 to %d)", key, DRILL_BOXES,
			 DRILL_BOXES);
		return -1;
	}
	for (size_t i = 0; i < v->n; i++) {
		char *end;
		const struct ynode *it = v->kids[i];
		double x = it->kind == YNODE_SCALAR ? strtod(it->str, &end) : NAN;
		if (isnan(x) || *end || x < 0) {
			diag_add(dl, DIAG_ERROR, path, it->line, it->col,
				 "'%s' must hold numbers of 0 or more", key);
			return -1;
		}
		out[i] = x;
	}
	return 0;
}

static int get_num(const struct ynode *root, const char *key, double *out, const char *path,
		   struct diag_list *dl)
{
	const struct ynode *v = ynode_get(root, key);
	char *end;
	double x = v && v->kind == YNODE_SCALAR ? strtod(v->str, &end) : NAN;
	if (isnan(x) || *end || x < 0) {
		diag_add(dl, DIAG_ERROR, path, v ? v->line : 1, v ? v->col : 1,
			 "'%s' must be a number of 0 or more", key);
		return -1;
	}
	*out = x;
	return 0;
}

int drill_config_load(struct drill_config *cfg, const char *path, struct diag_list *dl)
{
	static const char *const keys[] = { "intervals_days", "box_weights", "new", "focus", "gap",
					    "overdue_cap", "not_due", "target_seconds", NULL };
	struct ynode *root;
	memset(cfg, 0, sizeof(*cfg));
	if (ydoc_load_file(path, 0, &root, NULL, NULL, dl) < 0)
		return -1;
	int rc = -1;
	if (!root || root->kind != YNODE_MAP) {
		diag_add(dl, DIAG_ERROR, path, 1, 1, "the drill settings must be a mapping");
		goto out;
	}
	ynode_warn_unknown_keys(root, keys, path, dl);
	if (get_list(root, "intervals_days", cfg->interval_days, path, dl) < 0 ||
	    get_list(root, "box_weights", cfg->box_weight, path, dl) < 0 ||
	    get_num(root, "new", &cfg->new_weight, path, dl) < 0 ||
	    get_num(root, "focus", &cfg->focus, path, dl) < 0 ||
	    get_num(root, "gap", &cfg->gap, path, dl) < 0 ||
	    get_num(root, "overdue_cap", &cfg->overdue_cap, path, dl) < 0 ||
	    get_num(root, "not_due", &cfg->not_due, path, dl) < 0 ||
	    ynode_get_int(root, "target_seconds", true, 10, 3600, path, dl, &cfg->target_seconds) < 0)
		goto out;
	rc = 0;
out:
	ynode_free(root);
	return rc;
}

uint64_t drill_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A uniform double in [0, 1). */
static double uniform(uint64_t *state)
{
	return (double)(drill_random(state) >> 11) * (1.0 / 9007199254740992.0);
}

/* The Leitner move for a rating. */
static unsigned next_box(unsigned box, int rating)
{
	if (box == 0)
		box = 1;
	switch (rating) {
	case 1: return 1;
	case 2: return box > 1 ? box - 1 : 1;
	case 3: return box < DRILL_BOXES ? box + 1 : DRILL_BOXES;
	case 4: return box + 2 < DRILL_BOXES ? box + 2 : DRILL_BOXES;
	default: return box;
	}
}

static void apply(struct drill_qstate *s, unsigned seconds, int rating, long long when)
{
	s->answers++;
	s->seconds_sum += seconds;
	s->last = when;
	if (rating >= 1 && rating <= 4) {
		s->rated++;
		s->rating_sum += (unsigned)rating;
		s->box = next_box(s->box, rating);
	} else if (s->box == 0) {
		s->box = 1;
	}
}

size_t drill_find(const struct drill *d, const struct question *q)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->q[i] == q)
			return i;
	return (size_t)-1;
}

void drill_init(struct drill *d, const struct catalog *cat, const struct drill_config *cfg,
		const unsigned *stories, unsigned target, const struct history *h,
		const char *const *only, size_t n_only, uint64_t seed)
{
	memset(d, 0, sizeof(*d));
	d->cat = cat;
	d->cfg = *cfg;
	d->target = target;
	d->rng = seed;
	d->stories = xcalloc(cat->n + 1, sizeof(*d->stories));
	for (size_t p = 0; p < cat->n; p++)
		d->stories[p] = stories ? stories[p] : 0;
	size_t total = catalog_question_count(cat);
	d->q = xcalloc(total + 1, sizeof(*d->q));
	d->st = xcalloc(total + 1, sizeof(*d->st));
	for (size_t p = 0; p < cat->n; p++) {
		bool in = n_only == 0;
		for (size_t k = 0; k < n_only; k++)
			in |= strcmp(only[k], cat->v[p].id) == 0;
		for (size_t j = 0; in && j < cat->v[p].n_questions; j++)
			d->q[d->n++] = &cat->v[p].questions[j];
	}
	/* Replay the log, in order; records of unknown questions are ignored. */
	for (size_t i = 0; h && i < h->n; i++) {
		const struct question *q = catalog_question(cat, h->v[i].question);
		size_t k = q ? drill_find(d, q) : (size_t)-1;
		if (k != (size_t)-1)
			apply(&d->st[k], h->v[i].seconds, h->v[i].rating, h->v[i].time);
	}
}

void drill_release(struct drill *d)
{
	free(d->q);
	free(d->st);
	free(d->stories);
	memset(d, 0, sizeof(*d));
}

double drill_weight(const struct drill *d, size_t i, long long now)
{
	const struct drill_qstate *s = &d->st[i];
	const struct principle *p = &d->cat->v[d->q[i]->principle];
	double w;
	if (s->box == 0) {
		w = d->cfg.new_weight;
	} else {
		w = d->cfg.box_weight[s->box - 1];
		double interval = d->cfg.interval_days[s->box - 1] * 86400.0;
		double waited = (double)(now - s->last);
		if (waited >= interval) {
			double over = interval > 0 ? (waited - interval) / interval : d->cfg.overdue_cap;
			w *= 1.0 + (over < d->cfg.overdue_cap ? over : d->cfg.overdue_cap);
		} else {
			w *= d->cfg.not_due;
		}
	}
	if (p->focus)
		w *= d->cfg.focus;
	unsigned have = d->stories[d->q[i]->principle];
	for (unsigned k = have; k < d->target; k++)
		w *= d->cfg.gap;
	return w;
}

const struct question *drill_next(struct drill *d, long long now)
{
	if (d->n == 0)
		return NULL;
	size_t left = 0;
	for (size_t i = 0; i < d->n; i++)
		left += !d->st[i].asked;
	if (left == 0) /* every eligible question asked: start a new round */
		for (size_t i = 0; i < d->n; i++)
			d->st[i].asked = false;
	double total = 0;
	for (size_t i = 0; i < d->n; i++)
		if (!d->st[i].asked)
			total += drill_weight(d, i, now);
	double x = uniform(&d->rng) * total;
	size_t pick = (size_t)-1;
	for (size_t i = 0; i < d->n; i++) {
		if (d->st[i].asked)
			continue;
		pick = i;
		x -= drill_weight(d, i, now);
		if (x < 0)
			break;
	}
	d->st[pick].asked = true;
	return d->q[pick];
}

void drill_answer(struct drill *d, const struct question *q, unsigned seconds, int rating,
		  long long now)
{
	size_t i = drill_find(d, q);
	if (i != (size_t)-1)
		apply(&d->st[i], seconds, rating, now);
}

static bool fits(const struct followup *f, const char *principle)
{
	if (f->n_principles == 0)
		return true;
	for (size_t k = 0; k < f->n_principles; k++)
		if (strcmp(f->principles[k], principle) == 0)
			return true;
	return false;
}

/* Pick one probe at random among those that fit: of type 'type' when it
 * is not negative, else specific to the principle (tier 1) or general
 * (tier 2); never of a type already taken. */
static const struct followup *pick(struct drill *d, const struct prompts *p,
				   const char *principle, int type, int tier, const bool *taken)
{
	size_t n = 0;
	const struct followup *chosen = NULL;
	for (size_t i = 0; i < p->n_followups; i++) {
		const struct followup *f = &p->followups[i];
		if (taken[f->type] || !fits(f, principle))
			continue;
		bool specific = f->n_principles > 0;
		if (type >= 0 ? (int)f->type != type : tier == 1 ? !specific : specific)
			continue;
		/* Reservoir sampling: each candidate equally likely. */
		if (drill_random(&d->rng) % ++n == 0)
			chosen = f;
	}
	return chosen;
}

size_t drill_followups(struct drill *d, const struct prompts *p, const char *principle,
		       const int *wanted, size_t n_wanted, const struct followup **out, size_t max)
{
	bool taken[FOLLOWUP_NTYPES] = { false };
	size_t n = 0;
	const struct followup *f;
	for (size_t k = 0; k < n_wanted && n < max; k++) {
		if (wanted[k] < 0 || wanted[k] >= FOLLOWUP_NTYPES || taken[wanted[k]])
			continue;
		if ((f = pick(d, p, principle, wanted[k], 0, taken))) {
			out[n++] = f;
			taken[f->type] = true;
		}
	}
	for (int tier = 1; tier <= 2 && n < max; tier++) {
		if ((f = pick(d, p, principle, -1, tier, taken))) {
			out[n++] = f;
			taken[f->type] = true;
		}
	}
	return n;
}

static void fmt_time(struct buf *b, unsigned secs)
{
	buf_addf(b, "%u:%02u", secs / 60, secs % 60);
}

void drill_summary_init(struct drill_summary *s, const struct catalog *cat, long target)
{
	memset(s, 0, sizeof(*s));
	s->per = xcalloc(cat->n + 1, sizeof(*s->per));
	s->target = target;
}

void drill_summary_add(struct drill_summary *s, size_t principle, unsigned seconds, int rating)
{
	struct drill_tally *t = &s->per[principle];
	s->asked++;
	s->seconds += seconds;
	t->asked++;
	t->seconds_sum += seconds;
	if (rating >= 1 && rating <= 4) {
		s->rated++;
		t->rated++;
		t->rating_sum += (unsigned)rating;
	}
}

void drill_summary_release(struct drill_summary *s)
{
	free(s->per);
	memset(s, 0, sizeof(*s));
}

static double avg(const struct drill_tally *t)
{
	return (double)t->rating_sum / (double)t->rated;
}

void drill_summary_render(const struct drill_summary *s, const struct catalog *cat,
			  struct buf *out)
{
	const struct drill_tally *t = s->per;
	buf_addf(out, "Drill over: %u question%s, %u rated", s->asked, s->asked == 1 ? "" : "s",
		 s->rated);
	if (s->asked) {
		buf_adds(out, ", average ");
		fmt_time(out, s->seconds / s->asked);
		buf_adds(out, " per answer (target ");
		fmt_time(out, (unsigned)s->target);
		buf_adds(out, ")");
	}
	buf_addc(out, '\n');
	if (!s->asked)
		return;
	int w = 9;
	for (size_t p = 0; p < cat->n; p++)
		if (t[p].asked && (int)strlen(cat->v[p].id) > w)
			w = (int)strlen(cat->v[p].id);
	buf_addf(out, "  %-*s  ASKED  AVG RATING  AVG TIME\n", w, "PRINCIPLE");
	for (size_t p = 0; p < cat->n; p++) {
		if (!t[p].asked)
			continue;
		buf_addf(out, "  %-*s  %5u  ", w, cat->v[p].id, t[p].asked);
		if (t[p].rated)
			buf_addf(out, "%10.1f  ", avg(&t[p]));
		else
			buf_adds(out, "         -  ");
		fmt_time(out, t[p].seconds_sum / t[p].asked);
		buf_addc(out, '\n');
	}
	/* Weakest: rated principles with the lowest average, below "good". */
	size_t *order = xcalloc(cat->n + 1, sizeof(*order)), n = 0;
	for (size_t p = 0; p < cat->n; p++)
		if (t[p].rated && avg(&t[p]) < 3.0)
			order[n++] = p;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && avg(&t[order[j]]) < avg(&t[order[j - 1]]); j--) {
			size_t x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	if (n) {
		buf_adds(out, "Weakest: ");
		for (size_t i = 0; i < n && i < 3; i++)
			buf_addf(out, "%s%s (%.1f)", i ? ", " : "", cat->v[order[i]].id, avg(&t[order[i]]));
		buf_addc(out, '\n');
	} else if (s->rated) {
		buf_adds(out, "No weak principle in this drill: every rating was good or easy.\n");
	}
	free(order);
}

void drill_practice_of(const struct catalog *cat, const struct history *h,
		       struct drill_practice *out)
{
	memset(out, 0, cat->n * sizeof(*out));
	for (size_t i = 0; h && i < h->n; i++) {
		const struct history_entry *e = &h->v[i];
		int p = catalog_index(cat, e->principle);
		if (p < 0)
			continue;
		struct drill_practice *dp = &out[p];
		dp->answered++;
		dp->seconds_sum += e->seconds;
		if (e->rating) {
			dp->rated++;
			dp->rating_sum += (unsigned)e->rating;
		}
		if (e->time > dp->last)
			dp->last = e->time;
	}
}

size_t drill_favoured(const struct drill *d, long long now, size_t *out, size_t max)
{
	/* A partial selection: max is small. */
	size_t k = 0;
	while (k < max && k < d->n) {
		size_t best = (size_t)-1;
		double bw = -1;
		for (size_t i = 0; i < d->n; i++) {
			bool used = false;
			for (size_t j = 0; j < k; j++)
				used |= out[j] == i;
			double w = used ? -1 : drill_weight(d, i, now);
			if (!used && w > bw) {
				best = i;
				bw = w;
			}
		}
		out[k++] = best;
	}
	return k;
}

const char *drill_reason(const struct drill *d, size_t i)
{
	const struct drill_qstate *st = &d->st[i];
	return st->box == 0 ? "never asked" : st->rated == 0 ? "asked, never rated"
		   : st->box <= 2 ? "rated low before" : "due for review";
}
