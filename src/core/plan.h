/* plan.h - the loop plan: which story to tell for which principle.
 *
 * Interviewers in a loop compare notes, so each story should serve at most
 * 'reuse' principles (1 by default). Given which principles each story maps
 * to, plan_solve() finds an assignment that is optimal, lexicographically:
 *   1. the most focus principles with 'target' distinct stories,
 *   2. then the most principles with 'target' stories,
 *   3. then the most slots filled (each principle has 'target' slots).
 *
 * Algorithm. Stories that map to the same set of principles are
 * interchangeable, so they are merged into one group (capacity: members x
 * reuse; at most members per principle); whether a set P of principles can
 * all be covered is then a small max-flow problem (source -> groups ->
 * principles in P, each capped at target -> sink) that is feasible when the
 * flow reaches target x |P|. Feasibility is monotone (a subset of a feasible
 * set is feasible), so a branch and bound over the principles, focus first,
 * finds the lexicographically best set, pruning with the count still
 * reachable. The final flow saturates the chosen principles first and then
 * augments the others: augmenting paths never lower the flow into the sink,
 * so the chosen ones stay covered while the total slots become maximal.
 * Each group's flow is then dealt out to its members, preferred ones first,
 * none over 'reuse'. With 16 principles this is exact and takes well under
 * a millisecond for a bank of thousands of stories.
 */
#ifndef LPCOACH_PLAN_H
#define LPCOACH_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLAN_MAX_PRINCIPLES 32
#define PLAN_NONE ((size_t)-1)

struct plan_input {
	size_t n_principles;
	const bool *focus;     /* per principle */
	size_t n_stories;
	const uint32_t *masks; /* per story: bit p set when it maps to principle p */
	const size_t *order;   /* stories in order of preference (NULL: as given) */
	unsigned target, reuse;
};

struct plan {
	size_t n_principles;
	unsigned target;
	size_t *slots;     /* n_principles x target story indices, PLAN_NONE if empty */
	uint32_t covered;  /* principles with target stories */
	unsigned focus_covered, principles_covered, slots_filled;
};

/* Solve; returns 0, or -1 when the input is out of range (more than
 * PLAN_MAX_PRINCIPLES principles, target 0). The plan owns its slots. */
int plan_solve(const struct plan_input *in, struct plan *out);
void plan_release(struct plan *p);
/* Story index in slot k of principle p. */
size_t plan_slot(const struct plan *p, size_t principle, size_t k);

#endif
