/* Unit tests: ydoc.c, the defensive YAML tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "ydoc.h"

/* Parse text; on failure return the first diagnostic's line in *line. */
static struct ynode *parse(const char *text, struct diag_list *dl)
{
	struct ynode *root = NULL;
	int rc = ydoc_parse("t.yaml", text, strlen(text), &root, dl);
	if (rc < 0)
		assert_null(root);
	return root;
}

static void expect_error(const char *text, unsigned line, unsigned col, const char *needle)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct ynode *root = parse(text, &dl);
	assert_null(root);
	assert_true(dl.n >= 1);
	assert_int_equal(dl.v[0].level, DIAG_ERROR);
	assert_string_equal(dl.v[0].file, "t.yaml");
	if (line)
		assert_int_equal(dl.v[0].line, line);
	if (col)
		assert_int_equal(dl.v[0].col, col);
	if (!strstr(dl.v[0].msg, needle))
		fail_msg("'%s' not in '%s'", needle, dl.v[0].msg);
	diag_list_release(&dl);
}

static void test_tree_and_marks(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct ynode *r = parse("title: Hello\nlist: [a, b]\ntext: |\n  line one\n  line two\n", &dl);
	assert_non_null(r);
	assert_int_equal(dl.n, 0);
	assert_int_equal(r->kind, YNODE_MAP);
	assert_int_equal(ynode_map_size(r), 3);
	const struct ynode *t = ynode_get(r, "title");
	assert_string_equal(t->str, "Hello");
	assert_int_equal(t->line, 1);
	assert_int_equal(t->col, 8);
	const struct ynode *l = ynode_get(r, "list");
	assert_int_equal(l->kind, YNODE_SEQ);
	assert_true(l->flow);
	assert_int_equal(l->n, 2);
	assert_int_equal(l->kids[1]->col, 11);
	const struct ynode *x = ynode_get(r, "text");
	assert_int_equal(x->style, YSTYLE_LITERAL);
	assert_string_equal(x->str, "line one\nline two\n");
	assert_null(ynode_get(r, "missing"));
	ynode_free(r);
}

static void test_empty_document(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_null(parse("", &dl));
	assert_null(parse("# only a comment\n", &dl));
	assert_int_equal(dl.n, 0);
}

static void test_rejections(void **state)
{
	(void)state;
	expect_error("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first at line 1)");
	expect_error("a: &x 1\nb: *x\n", 1, 4, "anchors");
	expect_error("a: *x\n", 1, 4, "aliases");
	expect_error("a: 1\n---\nb: 2\n", 2, 1, "only one YAML document");
	expect_error("a:\n\t- b\n", 2, 1, "cannot start any token");
	expect_error("title: \"never closed\nnext: 1\n", 1, 8, "quoted scalar");
	expect_error("p: [a, b\n", 1, 4, "flow sequence");
	expect_error("a: \"nul \\0 here\"\n", 1, 4, "NUL");
	expect_error("? [a, b]\n: c\n", 1, 3, "mapping key");
	/* Invalid UTF-8: the reader's byte offset becomes line and column. */
	expect_error("a: 1\nb: ok \xff there\n", 2, 7, "UTF-8");
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_pad(&b, '[', 100000);
	expect_error(buf_cstr(&b), 1, YDOC_MAX_DEPTH + 1, "nesting deeper");
	buf_release(&b);
	/* 64 levels are fine. */
	buf_pad(&b, '[', YDOC_MAX_DEPTH);
	buf_pad(&b, ']', YDOC_MAX_DEPTH);
	struct diag_list dl = DIAG_LIST_INIT;
	struct ynode *r = parse(buf_cstr(&b), &dl);
	assert_non_null(r);
	ynode_free(r);
	buf_release(&b);
}

static void test_many_keys_are_cheap(void **state)
{
	(void)state;
	/* 50,000 distinct keys, then one duplicate: sorted, not quadratic. */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 50000; i++)
		buf_addf(&b, "k%d: %d\n", i, i);
	buf_adds(&b, "k17: again\n");
	expect_error(buf_cstr(&b), 50001, 1, "duplicate key 'k17' (first at line 18)");
	buf_release(&b);
}

static void test_typed_accessors(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct ynode *r = parse("s: text\nb: true\nn: 42\nl: [x, y]\nbad: [1]\nnul: ~\nq: \"7\"\n", &dl);
	char *s;
	bool b;
	long n;
	char **l;
	size_t ln;
	assert_int_equal(ynode_get_str(r, "s", true, "t.yaml", &dl, &s), 0);
	assert_string_equal(s, "text");
	free(s);
	assert_int_equal(ynode_get_bool(r, "b", true, "t.yaml", &dl, &b), 0);
	assert_true(b);
	assert_int_equal(ynode_get_int(r, "n", true, 0, 100, "t.yaml", &dl, &n), 0);
	assert_int_equal(n, 42);
	assert_int_equal(ynode_get_strlist(r, "l", true, "t.yaml", &dl, &l, &ln), 0);
	assert_int_equal(ln, 2);
	assert_string_equal(l[1], "y");
	free(l[0]);
	free(l[1]);
	free(l);
	assert_int_equal(dl.n, 0);

	/* Wrong types are reported at the value. */
	assert_int_equal(ynode_get_str(r, "bad", true, "t.yaml", &dl, &s), -1);
	assert_int_equal(dl.v[0].line, 5);
	assert_non_null(strstr(dl.v[0].msg, "'bad' must be text, not a list"));
	assert_int_equal(ynode_get_int(r, "n", true, 0, 10, "t.yaml", &dl, &n), -1);
	assert_int_equal(ynode_get_int(r, "q", true, 0, 10, "t.yaml", &dl, &n), -1); /* quoted */
	assert_int_equal(ynode_get_bool(r, "s", true, "t.yaml", &dl, &b), -1);
	assert_int_equal(ynode_get_str(r, "absent", true, "t.yaml", &dl, &s), -1);
	assert_non_null(strstr(dl.v[dl.n - 1].msg, "missing required key 'absent'"));
	/* Absent and null optional keys are fine. */
	size_t before = dl.n;
	assert_int_equal(ynode_get_str(r, "absent", false, "t.yaml", &dl, &s), 0);
	assert_null(s);
	assert_int_equal(ynode_get_str(r, "nul", false, "t.yaml", &dl, &s), 0);
	assert_null(s);
	assert_int_equal(dl.n, before);
	diag_list_release(&dl);
	ynode_free(r);
}

static void test_unknown_keys(void **state)
{
	(void)state;
	static const char *const known[] = { "a", "b", NULL };
	struct diag_list dl = DIAG_LIST_INIT;
	struct ynode *r = parse("a: 1\nc: 2\nb: 3\n", &dl);
	ynode_warn_unknown_keys(r, known, "t.yaml", &dl);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	assert_int_equal(dl.v[0].line, 2);
	diag_list_release(&dl);
	ynode_free(r);
}

static void test_clone(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct ynode *r = parse("a: !custom [1, {b: 'c'}]\n", &dl);
	struct ynode *c = ynode_clone(r);
	ynode_free(r);
	const struct ynode *a = ynode_get(c, "a");
	assert_string_equal(a->tag, "!custom");
	assert_int_equal(a->kids[1]->kind, YNODE_MAP);
	assert_int_equal(ynode_get(a->kids[1], "b")->style, YSTYLE_SINGLE);
	ynode_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_and_marks),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_rejections),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_many_keys_are_cheap),
		cmocka_unit_test(test_typed_accessors),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_clone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
