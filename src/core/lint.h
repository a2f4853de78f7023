/* lint.h - running lint rules over a story, and its score.
 *
 * lint_story() runs every rule that applies to the story (its scope, its
 * principles) and collects findings with the byte range of the match in the
 * field's text and the line and column in the story's file. It works the
 * same on a story being edited in memory, which is what the editor's live
 * lint calls on every change.
 *
 * The score starts at 100 and loses, for each rule that fired, its level's
 * weight (error 20, warning 6, suggestion 2) for each finding, counting at
 * most LINT_SCORE_CAP findings of one rule; it never goes below 0.
 *
 * A linter owns its matching state (not thread-safe: one per thread). A
 * report owns its findings; lint_report_release() frees them.
 */
#ifndef LPCOACH_LINT_H
#define LPCOACH_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

struct diag_list;
struct story;

#define LINT_SCORE_CAP 3

struct lint_finding {
	const struct rule *rule;
	enum lint_level level;
	int field;          /* enum story_field; -1: the story as a whole */
	size_t start, end;  /* bytes of the match in the field's text */
	unsigned line, col; /* in the story's file (0 when not from a file) */
	char *message;
};

struct lint_report {
	struct lint_finding *v;
	size_t n, cap;
	unsigned counts[LINT_NLEVELS];
	int score;
	bool counts_only; /* set by the caller: no messages, no locations (faster) */
};

#define LINT_REPORT_INIT { NULL, 0, 0, { 0 }, 100, false }

struct linter;

struct linter *lint_new(const struct ruleset *rules);
const struct ruleset *lint_rules(const struct linter *l);
void lint_free(struct linter *l);

/* Lint s with every applicable rule, appending to rep (findings sorted by
 * field and position) and computing its score. A rule that hits a match
 * limit adds a diagnostic naming it and the story; the others still run. */
void lint_story(struct linter *l, const struct story *s, struct lint_report *rep,
		struct diag_list *dl);
/* Run one rule only (it must belong to l's ruleset or outlive the call). */
void lint_rule(struct linter *l, const struct rule *r, const struct story *s,
	       struct lint_report *rep, struct diag_list *dl);
void lint_report_release(struct lint_report *rep);

/* Run every rule against its examples; each disagreement is a diagnostic
 * at the example. Returns the number of disagreements. */
size_t lint_check_examples(struct linter *l, const struct ruleset *rules, struct diag_list *dl);

/* The follow-up probe types a story's weaknesses call for (rules with a
 * 'probe', findings of warning level or above), most severe first, without
 * repeats; returns how many (at most max). */
size_t lint_probe_types(struct linter *l, const struct story *s, int *out, size_t max);

/* Words (runs of non-space characters) in text; NULL counts 0. */
size_t lint_word_count(const char *text);
/* Words in the story's STAR sections (the title left out). */
size_t lint_story_words(const struct story *s);

#endif
