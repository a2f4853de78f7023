/* coverage.h - which principles the bank can answer, the loop plan, and
 * what to write next.
 *
 * coverage_build() lints every story (ready = no error-level finding),
 * counts the stories and ready stories of each principle (covered: at least
 * 'target' stories), solves the loop plan (plan.h), and collects
 * suggestions, most useful first:
 *   - write: principles the plan leaves short, focus principles first;
 *   - also-maps: a story whose text shows a gap principle's signals
 *     (principles/<id>.yaml 'signals') but is not mapped to it;
 *   - too-many: a story mapped to more than COVERAGE_MAX_PRINCIPLES;
 *   - almost-ready: drafts with the fewest errors, closest to ready.
 * The coverage owns its arrays and strings; it points into the catalog and
 * the bank, which must outlive it. coverage_release() frees it.
 */
#ifndef LPCOACH_COVERAGE_H
#define LPCOACH_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

struct bank;
struct catalog;
struct diag_list;
struct linter;
struct principle;
struct story;

#define COVERAGE_MAX_PRINCIPLES 3
#define COVERAGE_SIGNAL_HITS 2   /* distinct signals that suggest a mapping */
#define COVERAGE_ALMOST_READY 3  /* drafts listed as closest to ready */

struct cov_story {
	const struct story *story;
	int score;
	unsigned errors, warnings, suggestions;
	bool ready;
};

struct cov_principle {
	const struct principle *p;
	size_t *stories;   /* indices into coverage.stories */
	size_t n_stories, n_ready;
	bool covered;      /* n_stories >= target */
	size_t *plan;      /* stories the loop plan gives it */
	size_t n_plan;
	bool plan_covered; /* n_plan >= target */
};

enum suggestion_kind { SUGGEST_WRITE, SUGGEST_ALSO_MAPS, SUGGEST_TOO_MANY, SUGGEST_ALMOST_READY };

struct suggestion {
	enum suggestion_kind kind;
	size_t principle; /* index, or PLAN_NONE */
	size_t story;     /* index, or PLAN_NONE */
	char *text;       /* one line, ready to print */
};

struct coverage {
	unsigned target, reuse;
	struct cov_story *stories;
	size_t n_stories;
	struct cov_principle *principles; /* in catalog order */
	size_t n_principles;
	size_t covered, focus_total, focus_covered, plan_covered, plan_focus_covered;
	size_t ready;
	struct suggestion *suggestions;
	size_t n_suggestions;
};

/* Build the coverage of bank against cat. l lints the stories (with the
 * rules the user would see). Rules that hit limits are reported in dl. */
int coverage_build(struct coverage *c, const struct catalog *cat, const struct bank *bank,
		   struct linter *l, unsigned target, unsigned reuse, struct diag_list *dl);
void coverage_release(struct coverage *c);
/* True when every principle is covered and the plan covers them all. */
bool coverage_complete(const struct coverage *c);
const char *suggestion_kind_name(enum suggestion_kind k);

#endif
