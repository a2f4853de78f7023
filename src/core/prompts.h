/* prompts.h - the drafting coach: what belongs in each STAR section, what
 * makes a story show each principle, and the bank of follow-up probes.
 * Loaded from "<data dir>/prompts/": sections.yaml, principles.yaml and
 * followups.yaml.
 *
 * struct prompts owns everything in it; prompts_release() frees it.
 */
#ifndef LPCOACH_PROMPTS_H
#define LPCOACH_PROMPTS_H

#include <stdbool.h>
#include <stddef.h>

struct catalog;
struct diag_list;

struct section_prompt {
	char *id; /* situation, task, action, result, learned */
	char *name;
	bool required;
	long share_min, share_max; /* percent of the answer */
	char *belongs;
	char **questions;
	size_t n_questions;
};

struct principle_prompt {
	char *id;
	char *hint;
	char **details;
	size_t n_details;
};

enum followup_type {
	FOLLOWUP_SPECIFICITY,
	FOLLOWUP_OWNERSHIP,
	FOLLOWUP_NUMBERS,
	FOLLOWUP_DEPTH,
	FOLLOWUP_COUNTERFACTUAL,
	FOLLOWUP_LEARNING,
	FOLLOWUP_NTYPES
};

struct followup {
	char *id;
	enum followup_type type;
	char **principles; /* empty: any principle */
	size_t n_principles;
	char *text;
};

struct prompts {
	struct section_prompt *sections;
	size_t n_sections;
	struct principle_prompt *principles;
	size_t n_principles;
	struct followup *followups;
	size_t n_followups;
};

#define PROMPTS_INIT { 0 }

/* Load the three files of dir. Principle ids are checked against cat when
 * it is not NULL. Returns -1 when a file is missing or broken. */
int prompts_load(struct prompts *p, const char *dir, const struct catalog *cat,
		 struct diag_list *dl);
void prompts_release(struct prompts *p);

/* The prompt of a section key ("action") or principle id, or NULL. */
const struct section_prompt *prompts_section(const struct prompts *p, const char *id);
const struct principle_prompt *prompts_principle(const struct prompts *p, const char *id);
const char *followup_type_name(enum followup_type t);
/* The type for a name, or -1. */
int followup_type_from_name(const char *name);

#endif
