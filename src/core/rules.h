/* rules.h - lint rules, loaded from YAML files.
 *
 * A rules file holds a list under 'rules:'. Folders are loaded in order
 * (shipped rules/, then the user's); a rule whose id is already loaded
 * replaces it, and 'enabled: false' turns one off. A rule with 'when' (a
 * pattern or word list) applies only to stories where that matches. A rule that is invalid
 * (a missing field, a pattern that does not compile) is reported with its
 * file, line and column and left out; the others still load.
 *
 * A ruleset owns its rules, their compiled patterns and example stories;
 * ruleset_release() frees them all.
 */
#ifndef LPCOACH_RULES_H
#define LPCOACH_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "rx.h"
#include "story.h"

struct diag_list;

enum lint_level { LINT_SUGGESTION, LINT_WARNING, LINT_ERROR, LINT_NLEVELS };

enum rule_kind {
	RULE_EXISTENCE,    /* every match is a finding */
	RULE_REQUIRE,      /* a finding when the scope has no match */
	RULE_OCCURRENCE,   /* fewer than min or more than max matches */
	RULE_RATIO,        /* pattern against 'against': share of the first */
	RULE_LENGTH,       /* words (min, max) or share of the story (percent) */
	RULE_SUBSTITUTION, /* a weak phrase with a stronger suggestion */
	RULE_NKINDS
};

/* A scope is a story field, or the whole story. */
#define SCOPE_STORY STORY_NFIELDS

struct rule_example {
	struct story *story;
	bool flag;     /* must be flagged (true) or must pass */
	unsigned line, col; /* where the example is written */
};

struct rule {
	char *id;
	enum lint_level level;
	enum rule_kind kind;
	int scope;            /* enum story_field or SCOPE_STORY */
	char *message;        /* may use {match}, {suggestion}, {count}, ... */
	char **principles;    /* applies only to stories mapped to one of these */
	size_t n_principles;
	bool enabled;
	struct rx rx;         /* pattern or tokens (or swap keys) */
	char **tokens;        /* the word list rx was made from, if it was */
	size_t n_tokens;
	unsigned rx_flags;    /* RX_CASELESS, RX_UCP */
	struct rx against;    /* ratio: the other pattern */
	struct rx when;       /* applies only to stories where this matches (if set) */
	bool has_min, has_max;
	double min, max;      /* counts, words, or a ratio (0 to 1) */
	bool has_min_share, has_max_share;
	double min_share, max_share; /* length: percent of the story's words */
	long min_total;       /* ratio: fewer matches in all and it stays quiet */
	char **swap_from, **swap_to; /* substitution pairs */
	size_t n_swap;
	int probe;            /* follow-up type this weakness calls for, or -1 */
	struct rule_example *examples;
	size_t n_examples;
	char *file;           /* where it was defined */
	unsigned line, col;
};

struct ruleset {
	struct rule *v;
	size_t n;
};

#define RULESET_INIT { NULL, 0 }

/* Load every *.yaml of dir into rs (replacing rules with the same id).
 * A missing dir is fine when optional. Returns -1 when a file could not be
 * read or a rule was invalid (the valid rules are loaded all the same). */
int ruleset_load_dir(struct ruleset *rs, const char *dir, bool optional, struct diag_list *dl);
/* Load one rules file. */
int ruleset_load_file(struct ruleset *rs, const char *path, struct diag_list *dl);
/* The rules for a workspace, in order: <data>/rules (the shipped set),
 * <stories>/.lpcoach/rules (the user's, optional), then extra (--rules, may
 * be NULL). Returns -1 when something was invalid (reported in dl). */
int ruleset_load_all(struct ruleset *rs, const char *data_dir, const char *stories_dir,
		     const char *extra, struct diag_list *dl);
void ruleset_release(struct ruleset *rs);
const struct rule *ruleset_find(const struct ruleset *rs, const char *id);
size_t ruleset_enabled_count(const struct ruleset *rs);

const char *lint_level_name(enum lint_level l);
int lint_level_from_name(const char *name);
const char *rule_kind_name(enum rule_kind k);
const char *rule_scope_name(int scope);
/* Does the rule apply to a story with these principles? */
bool rule_applies(const struct rule *r, const struct story *s);

#endif
