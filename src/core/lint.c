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

/* Word-list rules (existence and substitution rules made from 'tokens' or
 * 'swap', with the same scope and flags and no 'when') are matched in one
 * pass: their words are compiled together into one prefix-sharing
 * alternation, and a map from each word, normalised, to its rules says
 * which rules a match belongs to. Where two words of different rules
 * overlap in the text, the pass reports the longer, earlier one. */
struct word_rules {
	char *word;      /* normalised: ASCII case folded when caseless, spaces single */
	size_t *rules;   /* indices into the ruleset */
	size_t n;
};

struct word_group {
	int scope;
	unsigned flags;
	struct rx rx;
	struct word_rules *map; /* sorted by word */
	size_t n_map;
};

struct linter {
	const struct ruleset *rules;
	struct rx_matcher *m;
	struct word_group *groups;
	size_t n_groups;
	bool *grouped; /* per rule: matched by a group */
};

static char *normalise(const char *s, size_t n, bool fold)
{
	char *out = xmalloc(n + 1);
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = k > 0;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = (char)(fold && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	out[k] = '\0';
	return out;
}

static int cmp_word(const void *a, const void *b)
{
	return strcmp(((const struct word_rules *)a)->word, ((const struct word_rules *)b)->word);
}

static bool groupable(const struct rule *r)
{
	if (r->when.n || !(r->kind == RULE_EXISTENCE || r->kind == RULE_SUBSTITUTION))
		return false;
	return r->kind == RULE_SUBSTITUTION ? r->n_swap > 0 : r->n_tokens > 0;
}

static void add_word(struct word_group *g, const char *w, size_t rule)
{
	char *key = normalise(w, strlen(w), g->flags & RX_CASELESS);
	for (size_t i = 0; i < g->n_map; i++) {
		if (strcmp(g->map[i].word, key) == 0) {
			struct word_rules *e = &g->map[i];
			for (size_t k = 0; k < e->n; k++)
				if (e->rules[k] == rule) {
					free(key);
					return;
				}
			e->rules = xrealloc(e->rules, (e->n + 1) * sizeof(*e->rules));
			e->rules[e->n++] = rule;
			free(key);
			return;
		}
	}
	g->map = xrealloc(g->map, (g->n_map + 1) * sizeof(*g->map));
	g->map[g->n_map].word = key;
	g->map[g->n_map].rules = xmalloc(sizeof(size_t));
	g->map[g->n_map].rules[0] = rule;
	g->map[g->n_map].n = 1;
	g->n_map++;
}

static void build_groups(struct linter *l)
{
	const struct ruleset *rs = l->rules;
	l->grouped = xcalloc(rs->n + 1, sizeof(bool));
	for (size_t i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->v[i];
		if (!groupable(r))
			continue;
		struct word_group *g = NULL;
		for (size_t k = 0; k < l->n_groups && !g; k++)
			if (l->groups[k].scope == r->scope && l->groups[k].flags == r->rx_flags)
				g = &l->groups[k];
		if (!g) {
			l->groups = xrealloc(l->groups, (l->n_groups + 1) * sizeof(*l->groups));
			g = &l->groups[l->n_groups++];
			memset(g, 0, sizeof(*g));
			g->scope = r->scope;
			g->flags = r->rx_flags;
		}
		char **words = r->kind == RULE_SUBSTITUTION ? r->swap_from : r->tokens;
		size_t n = r->kind == RULE_SUBSTITUTION ? r->n_swap : r->n_tokens;
		for (size_t k = 0; k < n; k++)
			add_word(g, words[k], i);
		l->grouped[i] = true;
	}
	for (size_t k = 0; k < l->n_groups; k++) {
		struct word_group *g = &l->groups[k];
		const char **words = xcalloc(g->n_map + 1, sizeof(*words));
		for (size_t i = 0; i < g->n_map; i++)
			words[i] = g->map[i].word;
		struct rx_error err;
		if (rx_compile_tokens(&g->rx, words, g->n_map, g->flags, &err) < 0) {
			/* Cannot happen for words that compiled one rule at a time;
			 * if it does, those rules run on their own. */
			for (size_t i = 0; i < g->n_map; i++)
				for (size_t j = 0; j < g->map[i].n; j++)
					l->grouped[g->map[i].rules[j]] = false;
		}
		free(words);
		if (g->n_map > 1)
			qsort(g->map, g->n_map, sizeof(*g->map), cmp_word);
	}
}

const struct ruleset *lint_rules(const struct linter *l)
{
	return l->rules;
}

struct linter *lint_new(const struct ruleset *rules)
{
	struct linter *l = xcalloc(1, sizeof(*l));
	l->rules = rules;
	l->m = rx_matcher_new();
	build_groups(l);
	return l;
}

void lint_free(struct linter *l)
{
	if (!l)
		return;
	for (size_t k = 0; k < l->n_groups; k++) {
		struct word_group *g = &l->groups[k];
		for (size_t i = 0; i < g->n_map; i++) {
			free(g->map[i].word);
			free(g->map[i].rules);
		}
		free(g->map);
		rx_release(&g->rx);
	}
	free(l->groups);
	free(l->grouped);
	rx_matcher_free(l->m);
	free(l);
}

void lint_report_release(struct lint_report *rep)
{
	bool counts_only = rep->counts_only;
	for (size_t i = 0; i < rep->n; i++)
		free(rep->v[i].message);
	free(rep->v);
	memset(rep, 0, sizeof(*rep));
	rep->score = 100;
	rep->counts_only = counts_only;
}

size_t lint_word_count(const char *t)
{
	size_t n = 0;
	if (!t)
		return 0;
	/* Count the starts of words: a non-space after a space (or at the start). */
	unsigned char prev = ' ';
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		unsigned char c = *p;
		bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
		bool was = prev == ' ' || prev == '\n' || prev == '\t' || prev == '\r';
		n += !sp && was;
		prev = c;
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
			size_t run = strcspn(p, "{");
			buf_add(&b, p, run);
			p += run;
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
	rep->counts[r->level]++;
	if (rep->counts_only) {
		f->line = f->col = 0;
		f->message = NULL;
		return;
	}
	if (field >= 0) {
		story_locate(s, (enum story_field)field, start, &f->line, &f->col);
	} else {
		f->line = s->line;
		f->col = s->col;
	}
	f->message = render(v);
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

/* What every rule of one story may need, computed once. */
struct story_facts {
	size_t len[STORY_NFIELDS];   /* bytes of each text */
	size_t words[STORY_NFIELDS];
	size_t total;                /* words of the STAR sections */
};

static void facts_of(const struct story *s, struct story_facts *sf)
{
	sf->total = 0;
	for (int f = 0; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, (enum story_field)f);
		sf->len[f] = t ? strlen(t) : 0;
		sf->words[f] = lint_word_count(t);
		if (f >= STORY_FIRST_SECTION)
			sf->total += sf->words[f];
	}
}

/* Does rx match anywhere in the story? RX_MATCH, RX_NOMATCH or RX_LIMIT. */
static int search_story(struct linter *l, const struct rx *rx, const struct story *s,
			const struct story_facts *sf)
{
	for (int f = 0; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, (enum story_field)f);
		if (!t)
			continue;
		int m = rx_search(rx, l->m, t, sf->len[f]);
		if (m != RX_NOMATCH)
			return m;
	}
	return RX_NOMATCH;
}

static void run_kind(struct linter *l, const struct rule *r, const struct story *s,
		     const struct story_facts *sf, struct lint_report *rep, struct diag_list *dl);

/* A rule's 'when' is checked only once the rule has found something: most
 * stories pass most rules, and the condition is the costlier part. */
static void run_rule(struct linter *l, const struct rule *r, const struct story *s,
		     const struct story_facts *sf, struct lint_report *rep, struct diag_list *dl)
{
	size_t before = rep->n;
	run_kind(l, r, s, sf, rep, dl);
	if (!r->when.n || rep->n == before)
		return;
	int w = search_story(l, &r->when, s, sf);
	if (w == RX_MATCH)
		return;
	if (w == RX_LIMIT)
		limit_hit(r, s, dl);
	while (rep->n > before) {
		struct lint_finding *f = &rep->v[--rep->n];
		rep->counts[f->level]--;
		free(f->message);
	}
}

static void run_kind(struct linter *l, const struct rule *r, const struct story *s,
		     const struct story_facts *sf, struct lint_report *rep, struct diag_list *dl)
{
	int fields[STORY_NFIELDS];
	int nf = scope_fields(r->scope, fields);
	struct vars v = { .r = r };

	switch (r->kind) {
	case RULE_EXISTENCE:
	case RULE_SUBSTITUTION:
		for (int i = 0; i < nf; i++) {
			const char *t = story_text(s, (enum story_field)fields[i]);
			if (!t)
				continue;
			struct each_ctx c = { rep, r, s, fields[i], t };
			if (rx_each(&r->rx, l->m, t, sf->len[fields[i]], on_match, &c) < 0) {
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
			int m = rx_search(&r->rx, l->m, t, sf->len[fields[i]]);
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
		size_t total = sf->total;
		size_t w = r->scope == SCOPE_STORY ? total : sf->words[r->scope];
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

void lint_rule(struct linter *l, const struct rule *r, const struct story *s,
	       struct lint_report *rep, struct diag_list *dl)
{
	struct story_facts sf;
	facts_of(s, &sf);
	run_rule(l, r, s, &sf, rep, dl);
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

struct group_ctx {
	struct linter *l;
	const struct word_group *g;
	struct lint_report *rep;
	const struct story *s;
	int field;
	const char *text;
};

static bool on_group_match(void *vctx, size_t start, size_t end)
{
	struct group_ctx *c = vctx;
	char *key = normalise(c->text + start, end - start, c->g->flags & RX_CASELESS);
	struct word_rules probe = { key, NULL, 0 };
	const struct word_rules *e = bsearch(&probe, c->g->map, c->g->n_map, sizeof(*c->g->map), cmp_word);
	free(key);
	for (size_t k = 0; e && k < e->n; k++) {
		const struct rule *r = &c->l->rules->v[e->rules[k]];
		if (!rule_applies(r, c->s))
			continue;
		struct vars v = { .r = r, .match = c->text + start, .match_len = end - start };
		if (r->kind == RULE_SUBSTITUTION)
			v.suggestion = swap_for(r, c->text + start, end - start);
		add(c->rep, r, c->s, c->field, start, end, &v);
	}
	return true;
}

static void run_groups(struct linter *l, const struct story *s, const struct story_facts *sf,
		       struct lint_report *rep, struct diag_list *dl)
{
	for (size_t k = 0; k < l->n_groups; k++) {
		const struct word_group *g = &l->groups[k];
		if (!g->rx.n)
			continue;
		int fields[STORY_NFIELDS];
		int nf = scope_fields(g->scope, fields);
		for (int i = 0; i < nf; i++) {
			const char *t = story_text(s, (enum story_field)fields[i]);
			if (!t)
				continue;
			struct group_ctx c = { l, g, rep, s, fields[i], t };
			if (rx_each(&g->rx, l->m, t, sf->len[fields[i]], on_group_match, &c) < 0) {
				diag_add(dl, DIAG_ERROR, NULL, 0, 0,
					 "word lists stopped on story '%s': the match limit was hit", s->id);
				break;
			}
		}
	}
}

void lint_story(struct linter *l, const struct story *s, struct lint_report *rep,
		struct diag_list *dl)
{
	struct story_facts sf;
	facts_of(s, &sf);
	run_groups(l, s, &sf, rep, dl);
	for (size_t i = 0; i < l->rules->n; i++) {
		const struct rule *r = &l->rules->v[i];
		if (!l->grouped[i] && rule_applies(r, s))
			run_rule(l, r, s, &sf, rep, dl);
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
