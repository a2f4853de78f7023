/* coverage.c - coverage counts, the loop plan and suggestions. */
#include "coverage.h"
#include "bank.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "lint.h"
#include "rx.h"
#include "story.h"
#include "util.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const kind_names[] = { "write", "also-maps", "too-many", "almost-ready" };

const char *suggestion_kind_name(enum suggestion_kind k)
{
	return kind_names[k];
}

static void suggest(struct coverage *c, enum suggestion_kind kind, size_t p, size_t s,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void suggest(struct coverage *c, enum suggestion_kind kind, size_t p, size_t s,
		    const char *fmt, ...)
{
	va_list ap;
	c->suggestions = xrealloc(c->suggestions, (c->n_suggestions + 1) * sizeof(*c->suggestions));
	struct suggestion *g = &c->suggestions[c->n_suggestions++];
	g->kind = kind;
	g->principle = p;
	g->story = s;
	va_start(ap, fmt);
	g->text = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Stories in order of preference for the plan: ready first, then by
 * score, then by id. */
static const struct coverage *sort_ctx;

static int cmp_pref(const void *a, const void *b)
{
	const struct cov_story *x = &sort_ctx->stories[*(const size_t *)a];
	const struct cov_story *y = &sort_ctx->stories[*(const size_t *)b];
	if (x->ready != y->ready)
		return x->ready ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->story->id, y->story->id);
}

static void solve_plan(struct coverage *c, const struct catalog *cat)
{
	bool *focus = xcalloc(cat->n + 1, sizeof(*focus));
	uint32_t *masks = xcalloc(c->n_stories + 1, sizeof(*masks));
	size_t *order = xcalloc(c->n_stories + 1, sizeof(*order));
	for (size_t p = 0; p < cat->n && p < PLAN_MAX_PRINCIPLES; p++)
		focus[p] = cat->v[p].focus;
	for (size_t i = 0; i < c->n_stories; i++) {
		const struct story *s = c->stories[i].story;
		for (size_t k = 0; k < s->n_principles; k++) {
			int p = catalog_index(cat, s->principles[k].id);
			if (p >= 0 && p < PLAN_MAX_PRINCIPLES)
				masks[i] |= 1u << p;
		}
		order[i] = i;
	}
	sort_ctx = c;
	if (c->n_stories > 1)
		qsort(order, c->n_stories, sizeof(*order), cmp_pref);
	sort_ctx = NULL;
	struct plan_input in = {
		.n_principles = cat->n < PLAN_MAX_PRINCIPLES ? cat->n : PLAN_MAX_PRINCIPLES,
		.focus = focus,
		.n_stories = c->n_stories,
		.masks = masks,
		.order = order,
		.target = c->target,
		.reuse = c->reuse,
	};
	struct plan plan;
	if (plan_solve(&in, &plan) == 0) {
		for (size_t p = 0; p < in.n_principles; p++) {
			struct cov_principle *cp = &c->principles[p];
			cp->plan = xcalloc(c->target + 1, sizeof(size_t));
			for (size_t k = 0; k < c->target; k++)
				if (plan_slot(&plan, p, k) != PLAN_NONE)
					cp->plan[cp->n_plan++] = plan_slot(&plan, p, k);
			cp->plan_covered = cp->n_plan >= c->target;
		}
		plan_release(&plan);
	}
	free(focus);
	free(masks);
	free(order);
}

/* Distinct signal words found in a story's text. */
#define MAX_HITS 8
struct hits {
	const char *text;
	char *words[MAX_HITS];
	size_t n;
};

static bool on_signal(void *ctx, size_t start, size_t end)
{
	struct hits *h = ctx;
	char *w = xstrndup(h->text + start, end - start);
	for (char *p = w; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	for (size_t i = 0; i < h->n; i++) {
		if (strcmp(h->words[i], w) == 0) {
			free(w);
			return true;
		}
	}
	h->words[h->n++] = w;
	return h->n < MAX_HITS;
}

static void hits_release(struct hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->words[i]);
	h->n = 0;
}

static void count_signals(const struct rx *rx, struct rx_matcher *m, const struct story *s,
			  struct hits *h)
{
	for (int f = 0; f < STORY_NFIELDS && h->n < MAX_HITS; f++) {
		const char *t = story_text(s, (enum story_field)f);
		if (!t)
			continue;
		h->text = t;
		rx_each(rx, m, t, strlen(t), on_signal, h);
	}
}

static void suggest_write(struct coverage *c, const struct catalog *cat)
{
	/* Focus principles first, then the others, each in catalog order. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t p = 0; p < c->n_principles; p++) {
			const struct cov_principle *cp = &c->principles[p];
			if (cp->plan_covered || cp->p->focus != (pass == 0))
				continue;
			size_t need = c->target - cp->n_plan;
			if (cp->covered)
				suggest(c, SUGGEST_WRITE, p, PLAN_NONE,
					"Write %zu more %s stor%s: its %zu stories are needed for other "
					"principles in the plan",
					need, cat->v[p].name, need == 1 ? "y" : "ies", cp->n_stories);
			else
				suggest(c, SUGGEST_WRITE, p, PLAN_NONE, "Write %zu %s stor%s%s",
					need, cat->v[p].name, need == 1 ? "y" : "ies",
					cp->p->focus ? " (a focus principle)" : "");
		}
	}
}

static void suggest_also_maps(struct coverage *c, const struct catalog *cat)
{
	struct rx_matcher *m = rx_matcher_new();
	for (size_t p = 0; p < c->n_principles; p++) {
		const struct principle *pr = &cat->v[p];
		if (c->principles[p].plan_covered || pr->n_signals == 0)
			continue;
		struct rx rx;
		struct rx_error err;
		if (rx_compile_tokens(&rx, (const char *const *)pr->signals, pr->n_signals,
				      RX_CASELESS, &err) < 0)
			continue;
		for (size_t i = 0; i < c->n_stories; i++) {
			const struct story *s = c->stories[i].story;
			if (story_has_principle(s, pr->id))
				continue;
			struct hits h = { 0 };
			count_signals(&rx, m, s, &h);
			if (h.n >= COVERAGE_SIGNAL_HITS) {
				struct buf b = BUF_INIT;
				for (size_t k = 0; k < h.n && k < 3; k++)
					buf_addf(&b, "%s'%s'", k ? ", " : "", h.words[k]);
				suggest(c, SUGGEST_ALSO_MAPS, p, i,
					"'%s' may also show %s (it mentions %s): map it if it fits",
					s->id, pr->name, buf_cstr(&b));
				buf_release(&b);
			}
			hits_release(&h);
		}
		rx_release(&rx);
	}
	rx_matcher_free(m);
}

static void suggest_too_many(struct coverage *c)
{
	for (size_t i = 0; i < c->n_stories; i++) {
		const struct story *s = c->stories[i].story;
		if (s->n_principles > COVERAGE_MAX_PRINCIPLES)
			suggest(c, SUGGEST_TOO_MANY, PLAN_NONE, i,
				"'%s' is mapped to %zu principles: keep the %d it shows best, so it "
				"can be told with conviction",
				s->id, s->n_principles, COVERAGE_MAX_PRINCIPLES);
	}
}

static int cmp_draft(const void *a, const void *b)
{
	const struct cov_story *x = &sort_ctx->stories[*(const size_t *)a];
	const struct cov_story *y = &sort_ctx->stories[*(const size_t *)b];
	if (x->errors != y->errors)
		return x->errors < y->errors ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->story->id, y->story->id);
}

static void suggest_almost_ready(struct coverage *c)
{
	size_t *drafts = xcalloc(c->n_stories + 1, sizeof(*drafts)), n = 0;
	for (size_t i = 0; i < c->n_stories; i++)
		if (!c->stories[i].ready)
			drafts[n++] = i;
	sort_ctx = c;
	if (n > 1)
		qsort(drafts, n, sizeof(*drafts), cmp_draft);
	sort_ctx = NULL;
	for (size_t k = 0; k < n && k < COVERAGE_ALMOST_READY; k++) {
		const struct cov_story *cs = &c->stories[drafts[k]];
		suggest(c, SUGGEST_ALMOST_READY, PLAN_NONE, drafts[k],
			"'%s' is %u error%s from ready (score %d): see 'lpcoach lint %s'",
			cs->story->id, cs->errors, cs->errors == 1 ? "" : "s", cs->score,
			cs->story->path ? cs->story->path : cs->story->id);
	}
	free(drafts);
}

/* Linting every story is the report's main cost; large banks are split
 * between threads, each with a linter of its own (a linter's matching
 * state is not shared). */
struct lint_job {
	struct coverage *c;
	struct linter *l;
	size_t from, to;
	struct diag_list dl;
};

static void *lint_range(void *arg)
{
	struct lint_job *j = arg;
	for (size_t i = j->from; i < j->to; i++) {
		struct cov_story *cs = &j->c->stories[i];
		struct lint_report rep = LINT_REPORT_INIT;
		rep.counts_only = true; /* the coverage needs counts and the score */
		lint_story(j->l, cs->story, &rep, &j->dl);
		cs->score = rep.score;
		cs->errors = rep.counts[LINT_ERROR];
		cs->warnings = rep.counts[LINT_WARNING];
		cs->suggestions = rep.counts[LINT_SUGGESTION];
		cs->ready = cs->errors == 0;
		lint_report_release(&rep);
	}
	return NULL;
}

static void lint_all(struct coverage *c, struct linter *l, struct diag_list *dl)
{
	enum { MAX_THREADS = 8, PER_THREAD = 500 };
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 1 ? (size_t)cpus : 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if (n > c->n_stories / PER_THREAD)
		n = c->n_stories / PER_THREAD;
	if (n < 1)
		n = 1;
	struct lint_job jobs[MAX_THREADS];
	pthread_t tid[MAX_THREADS];
	bool started[MAX_THREADS] = { false };
	for (size_t k = 0; k < n; k++) {
		jobs[k] = (struct lint_job){ c, k ? lint_new(lint_rules(l)) : l, c->n_stories * k / n,
					     c->n_stories * (k + 1) / n, DIAG_LIST_INIT };
		if (k > 0)
			started[k] = pthread_create(&tid[k], NULL, lint_range, &jobs[k]) == 0;
	}
	lint_range(&jobs[0]);
	for (size_t k = 1; k < n; k++) {
		if (started[k])
			pthread_join(tid[k], NULL);
		else
			lint_range(&jobs[k]); /* no thread: do it here */
		lint_free(jobs[k].l);
	}
	for (size_t k = 0; k < n; k++)
		diag_move(dl, &jobs[k].dl);
	for (size_t i = 0; i < c->n_stories; i++)
		c->ready += c->stories[i].ready;
}

int coverage_build(struct coverage *c, const struct catalog *cat, const struct bank *bank,
		   struct linter *l, unsigned target, unsigned reuse, struct diag_list *dl)
{
	memset(c, 0, sizeof(*c));
	c->target = target ? target : 2;
	c->reuse = reuse ? reuse : 1;
	c->n_stories = bank->n;
	c->stories = xcalloc(bank->n + 1, sizeof(*c->stories));
	for (size_t i = 0; i < bank->n; i++)
		c->stories[i].story = bank->v[i];
	lint_all(c, l, dl);
	c->n_principles = cat->n;
	c->principles = xcalloc(cat->n + 1, sizeof(*c->principles));
	for (size_t p = 0; p < cat->n; p++) {
		struct cov_principle *cp = &c->principles[p];
		cp->p = &cat->v[p];
		cp->stories = xcalloc(bank->n + 1, sizeof(size_t));
		for (size_t i = 0; i < bank->n; i++) {
			if (!story_has_principle(bank->v[i], cp->p->id))
				continue;
			cp->stories[cp->n_stories++] = i;
			cp->n_ready += c->stories[i].ready;
		}
		cp->covered = cp->n_stories >= c->target;
	}
	solve_plan(c, cat);
	for (size_t p = 0; p < cat->n; p++) {
		const struct cov_principle *cp = &c->principles[p];
		c->covered += cp->covered;
		c->plan_covered += cp->plan_covered;
		if (cp->p->focus) {
			c->focus_total++;
			c->focus_covered += cp->covered;
			c->plan_focus_covered += cp->plan_covered;
		}
	}
	suggest_write(c, cat);
	suggest_also_maps(c, cat);
	suggest_too_many(c);
	suggest_almost_ready(c);
	return 0;
}

void coverage_release(struct coverage *c)
{
	for (size_t i = 0; i < c->n_principles; i++) {
		free(c->principles[i].stories);
		free(c->principles[i].plan);
	}
	free(c->principles);
	free(c->stories);
	for (size_t i = 0; i < c->n_suggestions; i++)
		free(c->suggestions[i].text);
	free(c->suggestions);
	memset(c, 0, sizeof(*c));
}

bool coverage_complete(const struct coverage *c)
{
	return c->covered == c->n_principles && c->plan_covered == c->n_principles;
}
