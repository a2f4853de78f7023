/* Unit tests: plan.c (the loop plan) against a brute-force optimum, and
 * coverage.c on crafted banks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "catalog.h"
#include "coverage.h"
#include "diag.h"
#include "lint.h"
#include "plan.h"
#include "report.h"
#include "buf.h"
#include "rules.h"
#include "story.h"
#include "util.h"

struct best {
	unsigned focus, covered, slots;
};

static bool lex_better(struct best a, struct best b)
{
	if (a.focus != b.focus)
		return a.focus > b.focus;
	if (a.covered != b.covered)
		return a.covered > b.covered;
	return a.slots > b.slots;
}

/* Try every way of giving each story a subset (of size <= reuse) of its
 * principles, and keep the best objective. */
static void brute(const struct plan_input *in, size_t i, unsigned *count, struct best *best)
{
	if (i == in->n_stories) {
		struct best b = { 0, 0, 0 };
		for (size_t p = 0; p < in->n_principles; p++) {
			unsigned c = count[p] < in->target ? count[p] : in->target;
			b.slots += c;
			if (count[p] >= in->target) {
				b.covered++;
				b.focus += in->focus[p];
			}
		}
		if (lex_better(b, *best))
			*best = b;
		return;
	}
	uint32_t m = in->masks[i];
	/* Every subset of m. */
	for (uint32_t sub = m;; sub = (sub - 1) & m) {
		unsigned bits = 0;
		for (uint32_t x = sub; x; x &= x - 1)
			bits++;
		if (bits <= in->reuse) {
			for (size_t p = 0; p < in->n_principles; p++)
				count[p] += (sub >> p) & 1;
			brute(in, i + 1, count, best);
			for (size_t p = 0; p < in->n_principles; p++)
				count[p] -= (sub >> p) & 1;
		}
		if (sub == 0)
			break;
	}
}

/* The plan is valid (each story maps to its principles, is used at most
 * reuse times and at most once per principle) and as good as brute force. */
static void check_plan(const struct plan_input *in)
{
	struct plan pl;
	assert_int_equal(plan_solve(in, &pl), 0);
	unsigned *uses = xcalloc(in->n_stories + 1, sizeof(unsigned));
	struct best got = { 0, 0, 0 };
	for (size_t p = 0; p < in->n_principles; p++) {
		unsigned filled = 0;
		for (size_t k = 0; k < in->target; k++) {
			size_t s = plan_slot(&pl, p, k);
			if (s == PLAN_NONE)
				continue;
			assert_true(s < in->n_stories);
			assert_true(in->masks[s] & (1u << p));
			for (size_t j = 0; j < k; j++)
				assert_true(plan_slot(&pl, p, j) != s);
			uses[s]++;
			filled++;
		}
		got.slots += filled;
		if (filled >= in->target) {
			got.covered++;
			got.focus += in->focus[p];
		}
	}
	for (size_t s = 0; s < in->n_stories; s++)
		assert_true(uses[s] <= in->reuse);
	assert_int_equal(got.focus, pl.focus_covered);
	assert_int_equal(got.covered, pl.principles_covered);
	assert_int_equal(got.slots, pl.slots_filled);

	unsigned count[PLAN_MAX_PRINCIPLES] = { 0 };
	struct best opt = { 0, 0, 0 };
	brute(in, 0, count, &opt);
	if (opt.focus != got.focus || opt.covered != got.covered || opt.slots != got.slots)
		fail_msg("plan (%u focus, %u covered, %u slots) but the optimum is (%u, %u, %u)",
			 got.focus, got.covered, got.slots, opt.focus, opt.covered, opt.slots);
	free(uses);
	plan_release(&pl);
}

static void test_greedy_trap(void **state)
{
	(void)state;
	/* Principle 0 is focus. Story 0 maps to {0,1}, story 1 to {0}, story 2
	 * to {1,2}, story 3 to {2}. Greedy in story order gives story 0 to
	 * principle 0 and then cannot cover 1; the optimum covers 0 with stories
	 * 0 and 1 only when the target is 2... here target 1: 0<-1, 1<-0, 2<-3. */
	bool focus[] = { true, false, false };
	uint32_t masks[] = { 0x3, 0x1, 0x6, 0x4 };
	struct plan_input in = { 3, focus, 4, masks, NULL, 1, 1 };
	check_plan(&in);
	struct plan pl;
	plan_solve(&in, &pl);
	assert_int_equal(pl.principles_covered, 3);
	plan_release(&pl);
}

static void test_focus_first(void **state)
{
	(void)state;
	/* Two stories both map to focus principle 0 and to principles 1 and 2.
	 * Covering the focus principle (target 2) uses both; the plan must
	 * prefer that over covering the two others. */
	bool focus[] = { true, false, false };
	uint32_t masks[] = { 0x7, 0x7 };
	struct plan_input in = { 3, focus, 2, masks, NULL, 2, 1 };
	struct plan pl;
	plan_solve(&in, &pl);
	assert_int_equal(pl.focus_covered, 1);
	assert_int_equal(pl.principles_covered, 1);
	assert_true(pl.covered & 1);
	plan_release(&pl);
	check_plan(&in);
	/* With reuse 2, both stories can serve two principles each. */
	in.reuse = 2;
	plan_solve(&in, &pl);
	assert_int_equal(pl.principles_covered, 2);
	assert_int_equal(pl.focus_covered, 1);
	plan_release(&pl);
	check_plan(&in);
}

static void test_raw_counts_lie(void **state)
{
	(void)state;
	/* Principles 0 and 1 both have two stories, the same two: raw counts say
	 * both are covered; the plan can cover only one. */
	bool focus[] = { false, false };
	uint32_t masks[] = { 0x3, 0x3 };
	struct plan_input in = { 2, focus, 2, masks, NULL, 2, 1 };
	struct plan pl;
	plan_solve(&in, &pl);
	assert_int_equal(pl.principles_covered, 1);
	assert_int_equal(pl.slots_filled, 2);
	plan_release(&pl);
}

static void test_random_against_brute_force(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int round = 0; round < 400; round++) {
		bool focus[5];
		uint32_t masks[7];
		size_t np = 2 + (size_t)(rand_r(&seed) % 4);
		size_t ns = 1 + (size_t)(rand_r(&seed) % 7);
		for (size_t p = 0; p < np; p++)
			focus[p] = rand_r(&seed) % 3 == 0;
		for (size_t s = 0; s < ns; s++)
			masks[s] = (uint32_t)rand_r(&seed) & ((1u << np) - 1);
		struct plan_input in = { np, focus, ns, masks, NULL,
					 1 + (unsigned)(rand_r(&seed) % 2),
					 1 + (unsigned)(rand_r(&seed) % 2) };
		check_plan(&in);
	}
}

static void test_preference_within_group(void **state)
{
	(void)state;
	/* Three interchangeable stories for one principle: the plan takes the
	 * preferred ones (order), not the first ones. */
	bool focus[] = { false };
	uint32_t masks[] = { 1, 1, 1 };
	size_t order[] = { 2, 0, 1 };
	struct plan_input in = { 1, focus, 3, masks, order, 2, 1 };
	struct plan pl;
	plan_solve(&in, &pl);
	assert_int_equal(plan_slot(&pl, 0, 0), 2);
	assert_int_equal(plan_slot(&pl, 0, 1), 0);
	plan_release(&pl);
}

static void test_large_bank_is_exact(void **state)
{
	(void)state;
	/* 16 principles, 5,000 stories: solvable at once, every principle
	 * covered. */
	enum { NP = 16, NS = 5000 };
	bool focus[NP] = { false };
	focus[1] = focus[4] = focus[6] = focus[8] = focus[11] = true;
	uint32_t *masks = xcalloc(NS, sizeof(*masks));
	unsigned seed = 7;
	for (size_t s = 0; s < NS; s++)
		masks[s] = (1u << (rand_r(&seed) % NP)) | (1u << (rand_r(&seed) % NP));
	struct plan_input in = { NP, focus, NS, masks, NULL, 2, 1 };
	struct plan pl;
	assert_int_equal(plan_solve(&in, &pl), 0);
	assert_int_equal(pl.principles_covered, NP);
	assert_int_equal(pl.focus_covered, 5);
	plan_release(&pl);
	free(masks);
	assert_int_equal(plan_solve(&(struct plan_input){ 40, focus, 0, NULL, NULL, 2, 1 }, &pl), -1);
}

static struct story *mk(const char *id, const char *principles, const char *action,
			const char *result)
{
	struct story *s = story_new(id);
	story_set_text(s, STORY_TITLE, id);
	story_set_text(s, STORY_SITUATION, "The nightly load at our company finished late every week that spring.");
	story_set_text(s, STORY_TASK, "I had to make it finish before the analysts started work.");
	story_set_text(s, STORY_ACTION, action);
	story_set_text(s, STORY_RESULT, result);
	char *copy = xstrdup(principles);
	for (char *t = strtok(copy, ","); t; t = strtok(NULL, ","))
		story_add_principle(s, t);
	free(copy);
	return s;
}

static void test_coverage(void **state)
{
	(void)state;
	struct catalog cat = CATALOG_INIT;
	struct ruleset rules = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(catalog_load(&cat, "principles", &dl), 0);
	assert_int_equal(ruleset_load_dir(&rules, "rules", false, &dl), 0);
	struct bank b = BANK_INIT;
	const char *good = "I profiled the job, found the skewed join on customer id, and rewrote it. "
			   "I compared the output row by row with the old table before switching, "
			   "and I added an alert so the next slow run would page me.";
	bank_put(&b, mk("a", "ownership,dive-deep", good, "The load went from six hours to 40 minutes."));
	bank_put(&b, mk("b", "ownership,dive-deep", good, "The load went from six hours to 40 minutes."));
	bank_put(&b, mk("c", "frugality,ownership,dive-deep,think-big", good, "Things went well for the whole team after that change."));
	struct linter *l = lint_new(&rules);
	struct coverage cov;
	assert_int_equal(coverage_build(&cov, &cat, &b, l, 2, 1, &dl), 0);
	assert_int_equal(cov.n_stories, 3);
	assert_int_equal(cov.ready, 2); /* c has no number in its result */
	const struct cov_principle *own = &cov.principles[catalog_index(&cat, "ownership")];
	const struct cov_principle *dd = &cov.principles[catalog_index(&cat, "dive-deep")];
	assert_int_equal(own->n_stories, 3);
	assert_int_equal(own->n_ready, 2);
	assert_true(own->covered && dd->covered);
	/* Three stories, two focus principles wanting two each: only one can be
	 * planned; ready stories are preferred. */
	assert_int_equal(cov.plan_focus_covered, 1);
	assert_int_equal(cov.covered, 2);
	assert_false(coverage_complete(&cov));
	bool too_many = false, almost = false, write_focus_first = false;
	for (size_t i = 0; i < cov.n_suggestions; i++) {
		const struct suggestion *g = &cov.suggestions[i];
		too_many |= g->kind == SUGGEST_TOO_MANY && strcmp(cov.stories[g->story].story->id, "c") == 0;
		almost |= g->kind == SUGGEST_ALMOST_READY && strstr(g->text, "'c' is 1 error from ready");
		if (i == 0)
			write_focus_first = g->kind == SUGGEST_WRITE && cat.v[g->principle].focus;
	}
	assert_true(too_many);
	assert_true(almost);
	assert_true(write_focus_first);

	struct buf out = BUF_INIT;
	report_summary(&cov, &out);
	assert_string_equal(buf_cstr(&out), "2/16 principles covered \xc2\xb7 focus 2/5 \xc2\xb7 plan 1/16");
	buf_release(&out);
	coverage_release(&cov);
	lint_free(l);
	bank_release(&b);
	ruleset_release(&rules);
	catalog_release(&cat);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_greedy_trap),
		cmocka_unit_test(test_focus_first),
		cmocka_unit_test(test_raw_counts_lie),
		cmocka_unit_test(test_random_against_brute_force),
		cmocka_unit_test(test_preference_within_group),
		cmocka_unit_test(test_large_bank_is_exact),
		cmocka_unit_test(test_coverage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
