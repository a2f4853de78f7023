/* lint.c - running rules over stories. */
#include "lint.h"
#include "buf.h"
#include "diag.h"
#include "story.h"
#include "utf8.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int level_weight[LINT_NLEVELS] = { 2, 6, 20 };

struct linter {
	const struct ruleset *rules;
	struct rx_matcher *m;
};

struct linter *lint_new(const struct ruleset *rules)
{
	struct linter *l = xcalloc(1, sizeof(*l));
	l->rules = rules;
	l->m = rx_matcher_new();
	return l;
}

void lint_free(struct linter *l)
{
	if (!l)
		return;
	rx_matcher_free(l->m);
	free(l);
}

void lint_report_release(struct lint_report *rep)
{
	for (size_t i = 0; i < rep->n; i++)
		free(rep->v[i].message);
	free(rep->v);
	memset(rep, 0, sizeof(*rep));
	rep->score = 100;
}

size_t lint_word_count(const char *t)
{
	size_t n = 0;
	bool in = false;
	for (; t && *t; t++) {
		bool sp = *t == ' ' || *t == '\n' || *t == '\t' || *t == '\r';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

size_t lint_story_words(const struct story *s)
{
	size_t n = 0;
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++)
		n += lint_word_count(story_text(s, f));
	return n;
}

/* Values a message may quote. */
struct vars {
	const char *match;
	size_t match_len;
	const char *suggestion;
	long count, against, words;
	double ratio, share;
	const struct rule *r;
};

static void quote_match(struct buf *b, const char *s, size_t n)
{
	/* At most 60 characters, white space folded to single spaces. */
	size_t chars = 0;
	bool sp = false;
	for (size_t i = 0; i < n;) {
		if (chars >= 60) {
			buf_adds(b, "...");
			return;
		}
		if (s[i] == '\n' || s[i] == '\t' || s[i] == ' ' || s[i] == '\r') {
			if (!sp)
				buf_addc(b, ' ');
			sp = true;
			i++;
			chars++;
			continue;
		}
		sp = false;
		size_t k = utf8_next(s, n, i);
		buf_add(b, s + i, k - i);
		i = k;
		chars++;
	}
}

static char *render(const struct vars *v)
{
	struct buf b = BUF_INIT;
	for (const char *p = v->r->message; *p;) {
		if (*p != '{') {
			buf_addc(&b, *p++);
			continue;
		}
		const char *e = strchr(p, '}');
		if (!e) {
			buf_adds(&b, p);
			break;
		}
		size_t n = (size_t)(e - p - 1);
		const char *name = p + 1;
#define IS(s) (n == strlen(s) && strncmp(name, s, n) == 0)
		if (IS("match") && v->match)
			quote_match(&b, v->match, v->match_len);
		else if (IS("suggestion") && v->suggestion)
			buf_adds(&b, v->suggestion);
		else if (IS("count"))
			buf_addf(&b, "%ld", v->count);
		else if (IS("against"))
			buf_addf(&b, "%ld", v->against);
		else if (IS("words"))
			buf_addf(&b, "%ld", v->words);
		else if (IS("ratio"))
			buf_addf(&b, "%.0f%%", v->ratio * 100);
		else if (IS("share"))
			buf_addf(&b, "%.0f%%", v->share);
		else if (IS("minutes"))
			buf_addf(&b, "%.1f", (double)v->words / 150.0);
		else if (IS("min"))
			buf_addf(&b, "%g", v->r->kind == RULE_LENGTH && v->r->has_min_share && !v->r->has_min
						  ? v->r->min_share : v->r->min);
		else if (IS("max"))
			buf_addf(&b, "%g", v->r->kind == RULE_LENGTH && v->r->has_max_share && !v->r->has_max
						  ? v->r->max_share : v->r->max);
		else
			buf_add(&b, p, n + 2); /* not a placeholder: as written */
#undef IS
		p = e + 1;
	}
	return buf_detach(&b, NULL);
}

static void add(struct lint_report *rep, const struct rule *r, const struct story *s, int field,
		size_t start, size_t end, const struct vars *v)
{
	void *vv = rep->v;
	xgrow(&vv, &rep->cap, rep->n + 1, sizeof(*rep->v));
	rep->v = vv;
	struct lint_finding *f = &rep->v[rep->n++];
	f->rule = r;
	f->level = r->level;
	f->field = field;
	f->start = start;
	f->end = end;
	if (field >= 0) {
		story_locate(s, (enum story_field)field, start, &f->line, &f->col);
	} else {
		f->line = s->line;
		f->col = s->col;
	}
	f->message = render(v);
	rep->counts[r->level]++;
}

/* The fields a scope covers. */
static int scope_fields(int scope, int *out)
{
	if (scope != SCOPE_STORY) {
		out[0] = scope;
		return 1;
	}
	for (int f = 0; f < STORY_NFIELDS; f++)
		out[f] = f;
	return STORY_NFIELDS;
}

static void limit_hit(const struct rule *r, const struct story *s, struct diag_list *dl)
{
	diag_add(dl, DIAG_ERROR, r->file, r->line, r->col,
		 "rule '%s' stopped on story '%s': its pattern hit the match limit (simplify it)",
		 r->id, s->id);
}

struct each_ctx {
	struct lint_report *rep;
	const struct rule *r;
	const struct story *s;
	int field;
	const char *text;
};

static const char *swap_for(const struct rule *r, const char *m, size_t n)
{
	/* Compare with white space folded, ignoring ASCII case. */
	for (size_t i = 0; i < r->n_swap; i++) {
		const char *a = r->swap_from[i], *b = m, *be = m + n;
		while (*a && b < be) {
			if (isspace((unsigned char)*a) && isspace((unsigned char)*b)) {
				while (isspace((unsigned char)*a))
					a++;
				while (b < be && isspace((unsigned char)*b))
					b++;
				continue;
			}
			if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
				break;
			a++;
			b++;
		}
		if (!*a && b == be)
			return r->swap_to[i];
	}
	return NULL;
}

static bool on_match(void *vctx, size_t start, size_t end)
{
	struct each_ctx *c = vctx;
	struct vars v = { .r = c->r, .match = c->text + start, .match_len = end - start };
	if (c->r->kind == RULE_SUBSTITUTION)
		v.suggestion = swap_for(c->r, c->text + start, end - start);
	add(c->rep, c->r, c->s, c->field, start, end, &v);
	return true;
}

/* Count matches of rx over the scope; -1 when a limit was hit. */
static long count_in(struct linter *l, const struct rx *rx, const struct story *s, int scope)
{
	int fields[STORY_NFIELDS];
	int nf = scope_fields(scope, fields);
	long total = 0;
	for (int i = 0; i < nf; i++) {
		const char *t = story_text(s, (enum story_field)fields[i]);
		if (!t)
			continue;
		long c = rx_each(rx, l->m, t, strlen(t), NULL, NULL);
		if (c < 0)
			return -1;
		total += c;
	}
	return total;
}

static bool scope_present(const struct story *s, int scope)
{
	if (scope != SCOPE_STORY)
		return story_text(s, (enum story_field)scope) != NULL;
	for (int f = 0; f < STORY_NFIELDS; f++)
		if (story_text(s, (enum story_field)f))
			return true;
	return false;
}

/* Where a finding about the whole scope points: the section's start, or
 * the story when the scope is the story or is missing. */
static int scope_anchor(const struct story *s, int scope)
{
	return scope != SCOPE_STORY && story_text(s, (enum story_field)scope) ? scope : -1;
}

void lint_rule(struct linter *l, const struct rule *r, const struct story *s,
	       struct lint_report *rep, struct diag_list *dl)
{
	int fields[STORY_NFIELDS];
	int nf = scope_fields(r->scope, fields);
	struct vars v = { .r = r };

	if (r->when.n) {
		long w = count_in(l, &r->when, s, SCOPE_STORY);
		if (w < 0) {
			limit_hit(r, s, dl);
			return;
		}
		if (w == 0)
			return;
	}

	switch (r->kind) {
	case RULE_EXISTENCE:
	case RULE_SUBSTITUTION:
		for (int i = 0; i < nf; i++) {
			const char *t = story_text(s, (enum story_field)fields[i]);
			if (!t)
				continue;
			struct each_ctx c = { rep, r, s, fields[i], t };
			if (rx_each(&r->rx, l->m, t, strlen(t), on_match, &c) < 0) {
				limit_hit(r, s, dl);
				return;
			}
		}
		return;
	case RULE_REQUIRE: {
		if (!scope_present(s, r->scope))
			return;
		for (int i = 0; i < nf; i++) {
			const char *t = story_text(s, (enum story_field)fields[i]);
			if (!t)
				continue;
			int m = rx_search(&r->rx, l->m, t, strlen(t));
			if (m == RX_LIMIT) {
				limit_hit(r, s, dl);
				return;
			}
			if (m == RX_MATCH)
				return;
		}
		add(rep, r, s, scope_anchor(s, r->scope), 0, 0, &v);
		return;
	}
	case RULE_OCCURRENCE: {
		if (!scope_present(s, r->scope))
			return;
		long c = count_in(l, &r->rx, s, r->scope);
		if (c < 0) {
			limit_hit(r, s, dl);
			return;
		}
		v.count = c;
		if ((r->has_min && (double)c < r->min) || (r->has_max && (double)c > r->max))
			add(rep, r, s, scope_anchor(s, r->scope), 0, 0, &v);
		return;
	}
	case RULE_RATIO: {
		if (!scope_present(s, r->scope))
			return;
		long a = count_in(l, &r->rx, s, r->scope);
		long b = a < 0 ? -1 : count_in(l, &r->against, s, r->scope);
		if (a < 0 || b < 0) {
			limit_hit(r, s, dl);
			return;
		}
		if (a + b < r->min_total || a + b == 0)
			return;
		v.count = a;
		v.against = b;
		v.ratio = (double)a / (double)(a + b);
		if ((r->has_max && v.ratio > r->max) || (r->has_min && v.ratio < r->min))
			add(rep, r, s, scope_anchor(s, r->scope), 0, 0, &v);
		return;
	}
	case RULE_LENGTH: {
		size_t total = lint_story_words(s);
		size_t w = 0;
		if (r->scope == SCOPE_STORY)
			w = total;
		else
			w = lint_word_count(story_text(s, (enum story_field)r->scope));
		v.words = (long)w;
		bool bad = (r->has_min && (double)w < r->min) || (r->has_max && (double)w > r->max);
		if (!bad && total > 0 && r->scope != SCOPE_STORY && (r->has_min_share || r->has_max_share)) {
			v.share = 100.0 * (double)w / (double)total;
			bad = (r->has_min_share && v.share < r->min_share) ||
			      (r->has_max_share && v.share > r->max_share);
		}
		if (bad)
			add(rep, r, s, scope_anchor(s, r->scope), 0, 0, &v);
		return;
	}
	case RULE_NKINDS:
		break;
	}
}

static int cmp_finding(const void *a, const void *b)
{
	const struct lint_finding *x = a, *y = b;
	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->level != y->level)
		return x->level > y->level ? -1 : 1;
	return strcmp(x->rule->id, y->rule->id);
}

static void score(const struct ruleset *rules, struct lint_report *rep)
{
	unsigned *seen = xcalloc(rules->n + 1, sizeof(*seen));
	int s = 100;
	for (size_t i = 0; i < rep->n; i++) {
		size_t k = (size_t)(rep->v[i].rule - rules->v);
		if (k >= rules->n || seen[k]++ < LINT_SCORE_CAP)
			s -= level_weight[rep->v[i].level];
	}
	free(seen);
	rep->score = s < 0 ? 0 : s;
}

void lint_story(struct linter *l, const struct story *s, struct lint_report *rep,
		struct diag_list *dl)
{
	for (size_t i = 0; i < l->rules->n; i++) {
		const struct rule *r = &l->rules->v[i];
		if (rule_applies(r, s))
			lint_rule(l, r, s, rep, dl);
	}
	if (rep->n > 1)
		qsort(rep->v, rep->n, sizeof(*rep->v), cmp_finding);
	score(l->rules, rep);
}

size_t lint_check_examples(struct linter *l, const struct ruleset *rules, struct diag_list *dl)
{
	size_t bad = 0;
	for (size_t i = 0; i < rules->n; i++) {
		const struct rule *r = &rules->v[i];
		for (size_t k = 0; k < r->n_examples; k++) {
			const struct rule_example *e = &r->examples[k];
			struct lint_report rep = LINT_REPORT_INIT;
			struct diag_list quiet = DIAG_LIST_INIT;
			lint_rule(l, r, e->story, &rep, &quiet);
			bool flagged = rep.n > 0;
			if (flagged != e->flag) {
				diag_add(dl, DIAG_ERROR, r->file, e->line, e->col,
					 "rule '%s': this example should %s, but it %s", r->id,
					 e->flag ? "be flagged" : "pass",
					 e->flag ? "passes" : "is flagged");
				bad++;
			}
			diag_move(dl, &quiet);
			lint_report_release(&rep);
		}
	}
	return bad;
}

size_t lint_probe_types(struct linter *l, const struct story *s, int *out, size_t max)
{
	struct lint_report rep = LINT_REPORT_INIT;
	struct diag_list quiet = DIAG_LIST_INIT;
	size_t n = 0;
	lint_story(l, s, &rep, &quiet);
	for (int level = LINT_ERROR; level >= LINT_WARNING; level--)
		for (size_t i = 0; i < rep.n; i++) {
			int t = rep.v[i].rule->probe;
			if ((int)rep.v[i].level != level || t < 0)
				continue;
			bool dup = false;
			for (size_t k = 0; k < n; k++)
				dup |= out[k] == t;
			if (!dup && n < max)
				out[n++] = t;
		}
	lint_report_release(&rep);
	diag_list_release(&quiet);
	return n;
}
