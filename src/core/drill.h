/* drill.h - the drill's scheduler: which question to ask next.
 *
 * Each question has a Leitner box, replayed from the drill log. A draw is
 * random, weighted (prompts/drill.yaml says how, and documents it): toward
 * the focus principles, principles with fewer stories than the target,
 * questions in low boxes (rated poorly) and questions overdue. No question
 * repeats within a drill until every eligible one has been asked. The same
 * seed gives the same questions.
 *
 * A drill points into the catalog (which must outlive it) and owns the rest;
 * drill_release() frees it.
 */
#ifndef LPCOACH_DRILL_H
#define LPCOACH_DRILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prompts.h"

struct buf;
struct catalog;
struct diag_list;
struct history;
struct question;

#define DRILL_BOXES 5

struct drill_config {
	double interval_days[DRILL_BOXES];
	double box_weight[DRILL_BOXES];
	double new_weight, focus, gap, overdue_cap, not_due;
	long target_seconds;
};

/* Load "<data>/prompts/drill.yaml". */
int drill_config_load(struct drill_config *cfg, const char *path, struct diag_list *dl);

struct drill_qstate {
	unsigned box;       /* 1 to DRILL_BOXES; 0: never asked */
	long long last;     /* time of the last answer */
	unsigned answers, rated;
	unsigned rating_sum, seconds_sum;
	bool asked;         /* in this drill */
};

struct drill {
	const struct catalog *cat;
	struct drill_config cfg;
	const struct question **q; /* every eligible question */
	struct drill_qstate *st;   /* per entry of q */
	size_t n;
	unsigned *stories;         /* per principle: stories mapped to it */
	unsigned target;
	uint64_t rng;
};

/* Prepare a drill over the principles in only (NULL or empty: all), with
 * story counts per principle (indexed like the catalog), replaying the log. */
void drill_init(struct drill *d, const struct catalog *cat, const struct drill_config *cfg,
		const unsigned *stories, unsigned target, const struct history *h,
		const char *const *only, size_t n_only, uint64_t seed);
void drill_release(struct drill *d);

/* The next question (NULL when there is none), marked as asked. */
const struct question *drill_next(struct drill *d, long long now);
/* Record an answer (rating 0: skipped) in the drill's state. */
void drill_answer(struct drill *d, const struct question *q, unsigned seconds, int rating,
		  long long now);
/* The weight a question has now (for --stats and tests); 0 if not eligible. */
double drill_weight(const struct drill *d, size_t i, long long now);
/* The entry of q in d, or (size_t)-1. */
size_t drill_find(const struct drill *d, const struct question *q);

/* Up to max follow-up probes for a principle: first one of each wanted type
 * in order (a story's lint weaknesses, most severe first; may be none),
 * then one for the principle, then a general one; chosen at random with d's
 * generator, no type twice. */
size_t drill_followups(struct drill *d, const struct prompts *p, const char *principle,
		       const int *wanted, size_t n_wanted, const struct followup **out, size_t max);

/* What the log says of one principle's practice. */
struct drill_practice {
	unsigned answered, rated, rating_sum, seconds_sum;
	long long last; /* time of the last answer; 0 when never */
};

/* Per principle (indexed like the catalog; out has cat->n entries). */
void drill_practice_of(const struct catalog *cat, const struct history *h,
		       struct drill_practice *out);
/* The up to max questions the scheduler weighs most now, heaviest first,
 * as indices into d->q; returns how many. */
size_t drill_favoured(const struct drill *d, long long now, size_t *out, size_t max);
/* Why a question weighs what it does, in a few words. */
const char *drill_reason(const struct drill *d, size_t i);

/* What one drill covered, for its summary. */
struct drill_tally {
	unsigned asked, rated, rating_sum, seconds_sum;
};

struct drill_summary {
	struct drill_tally *per; /* per principle, like the catalog */
	unsigned asked, rated, seconds;
	long target;
};

void drill_summary_init(struct drill_summary *s, const struct catalog *cat, long target);
void drill_summary_add(struct drill_summary *s, size_t principle, unsigned seconds, int rating);
/* Append the summary: questions, average time against the target, ratings
 * per principle and the weakest principles. */
void drill_summary_render(const struct drill_summary *s, const struct catalog *cat,
			  struct buf *out);
void drill_summary_release(struct drill_summary *s);

/* A deterministic generator (splitmix64). */
uint64_t drill_random(uint64_t *state);

#endif
