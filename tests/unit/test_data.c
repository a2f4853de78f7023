/* Unit tests: catalog.c, prompts.c, bank.c and workspace.c, on the shipped
 * data and on crafted broken files. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "fsutil.h"
#include "prompts.h"
#include "story.h"
#include "util.h"
#include "workspace.h"

static char tmp[64];

static void write_file(const char *name, const char *text)
{
	struct diag_list dl = DIAG_LIST_INIT;
	char *p = path_join(tmp, name);
	assert_int_equal(fs_write_atomic(p, text, strlen(text), 0644, &dl), 0);
	free(p);
}

static int setup(void **state)
{
	(void)state;
	strcpy(tmp, "/tmp/lpcoach-unit.XXXXXX");
	return mkdtemp(tmp) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmp);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

static void test_shipped_catalog(void **state)
{
	(void)state;
	static const char *const ids[] = {
		"customer-obsession", "ownership", "invent-and-simplify", "are-right-a-lot",
		"learn-and-be-curious", "hire-and-develop-the-best",
		"insist-on-the-highest-standards", "think-big", "bias-for-action", "frugality",
		"earn-trust", "dive-deep", "have-backbone-disagree-and-commit", "deliver-results",
		"strive-to-be-earths-best-employer",
		"success-and-scale-bring-broad-responsibility",
	};
	static const char *const focus[] = { "dive-deep", "ownership", "bias-for-action",
					     "insist-on-the-highest-standards",
					     "learn-and-be-curious" };
	struct catalog c = CATALOG_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(catalog_load(&c, "principles", &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(c.n, 16);
	for (size_t i = 0; i < 16; i++) {
		/* In the canonical order. */
		assert_string_equal(c.v[i].id, ids[i]);
		bool is_focus = false;
		for (size_t k = 0; k < 5; k++)
			is_focus |= strcmp(focus[k], ids[i]) == 0;
		assert_int_equal(c.v[i].focus, is_focus);
		assert_true(c.v[i].n_questions >= (is_focus ? 16u : 12u));
		assert_true(c.v[i].n_listen_for >= 3 && c.v[i].n_listen_for <= 6);
		assert_non_null(c.v[i].summary);
		for (size_t q = 0; q < c.v[i].n_questions; q++)
			assert_int_equal(c.v[i].questions[q].principle, i);
	}
	assert_int_equal(catalog_focus_count(&c), 5);
	assert_string_equal(catalog_suggest(&c, "dive-deeep"), "dive-deep");
	assert_null(catalog_suggest(&c, "completely-different"));
	const struct question *q = catalog_question(&c, "dive-deep-01");
	assert_non_null(q);
	assert_string_equal(c.v[q->principle].id, "dive-deep");
	catalog_release(&c);
}

static void test_catalog_problems(void **state)
{
	(void)state;
	write_file("good.yaml", "id: good\nname: Good\nfocus: false\norder: 2\nsummary: s\n"
				"listen_for: [a]\nquestions:\n  - {id: q1, text: Tell me.}\n");
	write_file("twin.yaml", "id: twin\nname: Twin\nfocus: no\norder: 1\nsummary: s\n"
				"listen_for: [a]\nquestions:\n  - {id: q1, text: Again.}\n");
	write_file("wrongid.yaml", "id: other\nname: X\nfocus: true\nsummary: s\nlisten_for: [a]\n"
				   "questions:\n  - {id: q9, text: T}\n");
	write_file("badfocus.yaml", "id: badfocus\nname: X\nfocus: maybe\nsummary: s\n"
				    "listen_for: [a]\nquestions:\n  - {id: q8, text: T}\n");
	write_file("noq.yaml", "id: noq\nname: X\nfocus: true\nsummary: s\nlisten_for: [a]\n");
	struct catalog c = CATALOG_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(catalog_load(&c, tmp, &dl), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.v[0].id, "twin"); /* order 1 first */
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dl.n; i++) {
		diag_format(&dl.v[i], &b);
		buf_addc(&b, '\n');
	}
	const char *all = buf_cstr(&b);
	assert_non_null(strstr(all, "wrongid.yaml:1:5: error: id 'other' does not match the file name"));
	assert_non_null(strstr(all, "badfocus.yaml:3:8: error: 'focus' must be true or false"));
	assert_non_null(strstr(all, "noq.yaml:1:1: error: missing required key 'questions'"));
	assert_non_null(strstr(all, "warning: duplicate question id 'q1'"));
	buf_release(&b);
	diag_list_release(&dl);
	catalog_release(&c);
	/* A folder with no principle at all fails. */
	assert_int_equal(catalog_load(&c, "tests", &dl), -1);
	diag_list_release(&dl);
	assert_int_equal(catalog_load(&c, "/nonexistent", &dl), -1);
	diag_list_release(&dl);
	catalog_release(&c);
}

static void test_shipped_prompts(void **state)
{
	(void)state;
	struct catalog c = CATALOG_INIT;
	struct prompts p;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(catalog_load(&c, "principles", &dl), 0);
	assert_int_equal(prompts_load(&p, "prompts", &c, &dl), 0);
	assert_int_equal(dl.n, 0);
	static const char *const secs[] = { "situation", "task", "action", "result", "learned" };
	long total_min = 0;
	for (size_t i = 0; i < 5; i++) {
		const struct section_prompt *s = prompts_section(&p, secs[i]);
		assert_non_null(s);
		assert_true(s->n_questions >= 2 && s->n_questions <= 4);
		assert_int_equal(s->required, i < 4);
		total_min += s->share_min;
	}
	assert_true(total_min <= 100);
	assert_true(prompts_section(&p, "action")->share_min >= 50);
	for (size_t i = 0; i < c.n; i++)
		assert_non_null(prompts_principle(&p, c.v[i].id));
	assert_true(p.n_followups >= 30);
	size_t per_type[FOLLOWUP_NTYPES] = { 0 };
	for (size_t i = 0; i < p.n_followups; i++)
		per_type[p.followups[i].type]++;
	for (int t = 0; t < FOLLOWUP_NTYPES; t++)
		assert_true(per_type[t] >= 3);
	prompts_release(&p);
	catalog_release(&c);
}

static void test_prompt_problems(void **state)
{
	(void)state;
	write_file("sections.yaml", "sections:\n  - id: prologue\n    name: P\n    required: true\n"
				    "    share: [1, 2]\n    belongs: b\n    questions: [q]\n");
	write_file("principles.yaml", "principles:\n  - id: nope\n    hint: h\n    details: [d]\n");
	write_file("followups.yaml", "followups:\n  - id: f\n    type: vibes\n    text: t\n");
	struct catalog c = CATALOG_INIT;
	struct prompts p;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(catalog_load(&c, "principles", &dl), 0);
	assert_int_equal(prompts_load(&p, tmp, &c, &dl), -1);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dl.n; i++) {
		diag_format(&dl.v[i], &b);
		buf_addc(&b, '\n');
	}
	const char *all = buf_cstr(&b);
	assert_non_null(strstr(all, "sections.yaml:2:9: error: unknown section 'prologue'"));
	assert_non_null(strstr(all, "principles.yaml:2:9: warning: unknown principle 'nope'"));
	assert_non_null(strstr(all, "followups.yaml:3:11: error: unknown follow-up type 'vibes'"));
	buf_release(&b);
	diag_list_release(&dl);
	prompts_release(&p);
	catalog_release(&c);
}

static void test_bank_skips_broken(void **state)
{
	(void)state;
	write_file("b-good.yaml", "title: Good\nprinciples: [ownership]\nsituation: |\n  s\n");
	write_file("a-broken.yaml", "title: \"open\nprinciples: [x]\n");
	write_file("c-typo.yaml", "title: Typo\nprinciples: [ownershp]\n");
	write_file("notes.txt", "not a story");
	write_file(".hidden.yaml", "title: [hidden");
	struct catalog c = CATALOG_INIT;
	struct bank b;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(catalog_load(&c, "principles", &dl), 0);
	assert_int_equal(bank_load(&b, tmp, &dl), 0);
	assert_int_equal(b.n, 2);
	assert_int_equal(b.n_broken, 1);
	assert_string_equal(b.v[0]->id, "b-good");
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.v[0].file, "a-broken.yaml"));
	assert_int_equal(dl.v[0].line, 1);
	bank_check_principles(&b, &c, &dl);
	assert_int_equal(dl.n, 2);
	assert_int_equal(dl.v[1].line, 2);
	assert_int_equal(dl.v[1].col, 14);
	assert_non_null(strstr(dl.v[1].msg, "did you mean 'ownership'"));
	assert_int_equal(bank_count_principle(&b, "ownership"), 1);

	/* New ids avoid existing files, broken ones included. */
	char *id = bank_new_id(&b, "A broken");
	assert_string_equal(id, "a-broken-2");
	free(id);
	struct story *s = story_new("aa");
	bank_put(&b, s);
	assert_ptr_equal(b.v[0], s);
	assert_ptr_equal(bank_find(&b, "aa"), s);
	diag_list_release(&dl);
	bank_release(&b);
	catalog_release(&c);
}

static void test_workspace(void **state)
{
	(void)state;
	char *home = path_join(tmp, "home");
	char *stories = path_join(tmp, "xdg/lpcoach/stories");
	char *xdg = path_join(tmp, "xdg");
	setenv("HOME", home, 1);
	setenv("XDG_DATA_HOME", xdg, 1);
	unsetenv("LPCOACH_STORIES");
	unsetenv("LPCOACH_DATA");
	struct workspace ws;
	struct diag_list dl = DIAG_LIST_INIT;
	struct workspace_opts o = { .installed = "/nonexistent", .source = ".", .flags = WS_PROMPTS };
	mode_t old = umask(022);
	assert_int_equal(workspace_open(&ws, &o, &dl), 0);
	umask(old);
	assert_int_equal(dl.n, 0);
	assert_string_equal(ws.stories_dir, stories);
	assert_true(ws.stories_created);
	struct stat st;
	assert_int_equal(stat(stories, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(ws.cat.n, 16);
	assert_int_equal(ws.bank.n, 0);
	workspace_release(&ws);

	/* An explicit folder that does not exist is not created. */
	o.stories = "/nonexistent/stories";
	assert_int_equal(workspace_open(&ws, &o, &dl), -1);
	assert_non_null(strstr(dl.v[0].msg, "no such stories folder"));
	workspace_release(&ws);
	diag_list_release(&dl);
	/* $LPCOACH_STORIES beats XDG; --data must hold principles/. */
	o.stories = NULL;
	setenv("LPCOACH_STORIES", "stories", 1);
	assert_int_equal(workspace_open(&ws, &o, &dl), 0);
	assert_string_equal(ws.stories_dir, "stories");
	assert_true(ws.bank.n >= 12);
	workspace_release(&ws);
	o.data = "tests";
	assert_int_equal(workspace_open(&ws, &o, &dl), -1);
	workspace_release(&ws);
	diag_list_release(&dl);
	unsetenv("LPCOACH_STORIES");
	free(home);
	free(stories);
	free(xdg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_catalog),
		cmocka_unit_test_setup_teardown(test_catalog_problems, setup, teardown),
		cmocka_unit_test(test_shipped_prompts),
		cmocka_unit_test_setup_teardown(test_prompt_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bank_skips_broken, setup, teardown),
		cmocka_unit_test_setup_teardown(test_workspace, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
