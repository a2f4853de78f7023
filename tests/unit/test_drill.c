/* Unit tests: drill.c (the scheduler) and history.c (the drill log). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "diag.h"
#include "drill.h"
#include "fsutil.h"
#include "history.h"
#include "prompts.h"
#include "util.h"

static struct catalog cat;
static struct drill_config cfg;
static struct prompts prompts;

static int setup(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	int rc = catalog_load(&cat, "principles", &dl) | drill_config_load(&cfg, "prompts/drill.yaml", &dl) |
		 prompts_load(&prompts, "prompts", &cat, &dl);
	diag_list_release(&dl);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	catalog_release(&cat);
	prompts_release(&prompts);
	return 0;
}

/* Draw many questions (fresh drills, many seeds) and count per principle. */
static void draw_counts(const unsigned *stories, unsigned *per_principle, int rounds)
{
	memset(per_principle, 0, cat.n * sizeof(unsigned));
	for (int r = 0; r < rounds; r++) {
		struct drill d;
		drill_init(&d, &cat, &cfg, stories, 2, NULL, NULL, 0, (uint64_t)r * 7919 + 1);
		const struct question *q = drill_next(&d, 1000000);
		per_principle[q->principle]++;
		drill_release(&d);
	}
}

static void test_weighting_toward_focus_and_gaps(void **state)
{
	(void)state;
	unsigned stories[64], count[64];
	/* Every principle covered: focus principles come up more often. */
	for (size_t p = 0; p < cat.n; p++)
		stories[p] = 2;
	draw_counts(stories, count, 20000);
	double focus = 0, other = 0;
	size_t nf = 0, no = 0;
	for (size_t p = 0; p < cat.n; p++) {
		double per_q = (double)count[p] / (double)cat.v[p].n_questions;
		if (cat.v[p].focus) {
			focus += per_q;
			nf++;
		} else {
			other += per_q;
			no++;
		}
	}
	assert_true(focus / nf > 1.6 * (other / no));
	/* A gap principle (no story) comes up more than the same principle
	 * covered. */
	int frugality = catalog_index(&cat, "frugality");
	unsigned covered = count[frugality];
	stories[frugality] = 0;
	draw_counts(stories, count, 20000);
	assert_true(count[frugality] > 1.8 * covered);
}

static void test_rating_schedules(void **state)
{
	(void)state;
	/* Two questions of one principle: one rated 4, one rated 1, an hour
	 * ago. The one rated 1 is far more likely to come first next time. */
	const struct principle *p = catalog_find(&cat, "frugality");
	struct history h = HISTORY_INIT;
	struct history_entry e1 = { 1000, p->questions[0].id, p->id, NULL, 60, 4 };
	struct history_entry e2 = { 1000, p->questions[1].id, p->id, NULL, 60, 1 };
	char *path = xstrdup("/tmp/lpcoach-hist-XXXXXX");
	assert_non_null(mkdtemp(path));
	char *log = history_path(path);
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(history_append(&h, log, &e1, &dl), 0);
	assert_int_equal(history_append(&h, log, &e2, &dl), 0);
	const char *only[] = { p->id };
	unsigned easy_first = 0, hard_first = 0;
	for (int r = 0; r < 2000; r++) {
		struct drill d;
		drill_init(&d, &cat, &cfg, NULL, 2, &h, only, 1, (uint64_t)r + 1);
		const struct question *q = drill_next(&d, 1000 + 3600);
		easy_first += q == &p->questions[0];
		hard_first += q == &p->questions[1];
		drill_release(&d);
	}
	assert_true(hard_first > 10 * (easy_first + 1));
	/* The easy one sits in box 3, the hard one in box 1. */
	struct drill d;
	drill_init(&d, &cat, &cfg, NULL, 2, &h, only, 1, 1);
	assert_int_equal(d.st[drill_find(&d, &p->questions[0])].box, 3);
	assert_int_equal(d.st[drill_find(&d, &p->questions[1])].box, 1);
	/* Once the easy one's interval has passed it weighs more than before. */
	size_t i = drill_find(&d, &p->questions[0]);
	assert_true(drill_weight(&d, i, 1000 + 10 * 86400) > 5 * drill_weight(&d, i, 1000 + 3600));
	drill_release(&d);
	history_release(&h);
	char *cmd = xasprintf("rm -rf '%s'", path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(log);
	free(path);
	diag_list_release(&dl);
}

static void test_no_repeat_and_seed(void **state)
{
	(void)state;
	const char *only[] = { "dive-deep" };
	const struct principle *p = catalog_find(&cat, "dive-deep");
	struct drill a, b;
	drill_init(&a, &cat, &cfg, NULL, 2, NULL, only, 1, 99);
	drill_init(&b, &cat, &cfg, NULL, 2, NULL, only, 1, 99);
	bool *seen = xcalloc(p->n_questions, sizeof(bool));
	for (size_t k = 0; k < p->n_questions; k++) {
		const struct question *q = drill_next(&a, 0);
		assert_ptr_equal(q, drill_next(&b, 0)); /* same seed, same questions */
		size_t idx = (size_t)(q - p->questions);
		assert_false(seen[idx]); /* no repeat until all were asked */
		seen[idx] = true;
	}
	/* Then a new round begins. */
	assert_non_null(drill_next(&a, 0));
	free(seen);
	drill_release(&a);
	drill_release(&b);
}

static void test_followups(void **state)
{
	(void)state;
	struct drill d;
	drill_init(&d, &cat, &cfg, NULL, 2, NULL, NULL, 0, 5);
	int wanted[] = { FOLLOWUP_NUMBERS, FOLLOWUP_DEPTH };
	for (int r = 0; r < 50; r++) {
		const struct followup *f[2];
		size_t n = drill_followups(&d, &prompts, "dive-deep", wanted, 2, f, 2);
		assert_int_equal(n, 2);
		assert_int_equal(f[0]->type, FOLLOWUP_NUMBERS); /* the most severe weakness first */
		assert_int_equal(f[1]->type, FOLLOWUP_DEPTH);
		for (size_t i = 0; i < n; i++) {
			bool fits = f[i]->n_principles == 0;
			for (size_t k = 0; k < f[i]->n_principles; k++)
				fits |= strcmp(f[i]->principles[k], "dive-deep") == 0;
			assert_true(fits);
		}
		/* Without a story: one probe for the principle, one general. */
		n = drill_followups(&d, &prompts, "dive-deep", NULL, 0, f, 2);
		assert_int_equal(n, 2);
		assert_true(f[0]->n_principles > 0);
		assert_int_equal(f[1]->n_principles, 0);
	}
	drill_release(&d);
}

static void test_history_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/lpcoach-hist-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *log = history_path(dir);
	struct diag_list dl = DIAG_LIST_INIT;
	struct history h = HISTORY_INIT;
	assert_int_equal(history_load(&h, log, &dl), 0); /* missing: empty */
	assert_int_equal(h.n, 0);
	struct history_entry e = { 1764000000, (char *)"dive-deep-01", (char *)"dive-deep", (char *)"late", 95, 3 };
	assert_int_equal(history_append(&h, log, &e, &dl), 0);
	e.story = NULL;
	e.rating = 0;
	assert_int_equal(history_append(&h, log, &e, &dl), 0);
	history_release(&h);

	/* Corrupt lines and a torn last record are skipped with warnings. */
	char *data;
	size_t len;
	assert_int_equal(fs_read_file(log, 1 << 20, &data, &len, &dl), 0);
	char *bad = xasprintf("%sgarbage line\n2026-13-01T00:00:00Z\tq\tp\t-\t1\t3\n%s\t2\n"
			      "2026-01-01T00:00:00Z\tdive-deep-02\tdive-deep\t-\t7\t9\n"
			      "2026-01-01T00:00:00Z\tdive-deep-0", data, "x\ty\tz\tw\t1");
	assert_int_equal(fs_write_atomic(log, bad, strlen(bad), 0600, &dl), 0);
	assert_int_equal(history_load(&h, log, &dl), 0);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.v[0].story, "late");
	assert_int_equal(h.v[0].seconds, 95);
	assert_null(h.v[1].story);
	assert_int_equal(h.v[1].rating, 0);
	assert_int_equal(dl.n, 5);
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	assert_int_equal(dl.v[0].line, 4);
	assert_non_null(strstr(dl.v[4].msg, "incomplete last record"));
	/* Appending after a torn record seals it as its own bad line. */
	e.story = (char *)"again";
	assert_int_equal(history_append(&h, log, &e, &dl), 0);
	history_release(&h);
	diag_list_release(&dl);
	assert_int_equal(history_load(&h, log, &dl), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.v[2].story, "again");
	history_release(&h);
	diag_list_release(&dl);
	free(bad);
	free(data);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(log);
}

static void test_practice_and_favoured(void **state)
{
	(void)state;
	const struct principle *p = catalog_find(&cat, "frugality");
	struct history_entry v[3] = {
		{ 100, p->questions[0].id, p->id, NULL, 60, 4 },
		{ 300, p->questions[1].id, p->id, NULL, 30, 1 },
		{ 200, p->questions[1].id, p->id, NULL, 90, 0 },
	};
	struct history h = { v, 3, 3 };
	struct drill_practice *pr = xcalloc(cat.n, sizeof(*pr));
	drill_practice_of(&cat, &h, pr);
	size_t k = (size_t)catalog_index(&cat, "frugality");
	assert_int_equal(pr[k].answered, 3);
	assert_int_equal(pr[k].rated, 2);
	assert_int_equal(pr[k].rating_sum, 5);
	assert_int_equal(pr[k].seconds_sum, 180);
	assert_int_equal(pr[k].last, 300);
	assert_int_equal(pr[0].answered, 0);
	free(pr);
	const char *only[] = { p->id };
	struct drill d;
	drill_init(&d, &cat, &cfg, NULL, 2, &h, only, 1, 1);
	size_t top[3];
	assert_int_equal(drill_favoured(&d, 400, top, 3), 3);
	/* Heaviest first, all distinct; the question rated 1 leads. */
	assert_ptr_equal(d.q[top[0]], &p->questions[1]);
	assert_true(drill_weight(&d, top[0], 400) >= drill_weight(&d, top[1], 400));
	assert_true(drill_weight(&d, top[1], 400) >= drill_weight(&d, top[2], 400));
	assert_true(top[0] != top[1] && top[1] != top[2] && top[0] != top[2]);
	assert_string_equal(drill_reason(&d, top[0]), "rated low before");
	assert_string_equal(drill_reason(&d, drill_find(&d, &p->questions[5])), "never asked");
	drill_release(&d);
}

static void test_time(void **state)
{
	(void)state;
	char s[32];
	history_format_time(0, s);
	assert_string_equal(s, "1970-01-01T00:00:00Z");
	history_format_time(1764000000, s);
	assert_string_equal(s, "2025-11-24T16:00:00Z");
	long long t;
	assert_int_equal(history_parse_time("2025-11-24T16:00:00Z", &t), 0);
	assert_int_equal(t, 1764000000);
	assert_int_equal(history_parse_time("2024-02-29T23:59:59Z", &t), 0);
	history_format_time(t, s);
	assert_string_equal(s, "2024-02-29T23:59:59Z");
	assert_int_equal(history_parse_time("2025-11-24 16:00:00", &t), -1);
	assert_int_equal(history_parse_time("2025-11-24T16:00:00Zjunk", &t), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weighting_toward_focus_and_gaps),
		cmocka_unit_test(test_rating_schedules),
		cmocka_unit_test(test_no_repeat_and_seed),
		cmocka_unit_test(test_followups),
		cmocka_unit_test(test_history_file),
		cmocka_unit_test(test_practice_and_favoured),
		cmocka_unit_test(test_time),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
