/* Unit tests: story.c, the story model and its YAML form. */
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

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "story.h"
#include "util.h"
#include "ydoc.h"

static const char sample[] =
	"title: Fixing the late partitions\n"
	"principles: [dive-deep, ownership]\n"
	"tags: [airflow]\n"
	"situation: |\n"
	"  Finance saw a gap.\n"
	"  It was 4% of revenue.\n"
	"task: |\n"
	"  Find the cause.\n"
	"action: |\n"
	"  I compared \xc3\xa9 totals.\n"
	"\n"
	"  I added a sensor.\n"
	"result: |\n"
	"  The gap went to zero.\n"
	"created: 2026-09-14\n"
	"updated: 2026-10-02\n";

static struct story *parse(const char *text, struct diag_list *dl)
{
	return story_parse("s/x.yaml", "x", text, strlen(text), dl);
}

static void test_parse(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse(sample, &dl);
	assert_non_null(s);
	assert_int_equal(dl.n, 0);
	assert_string_equal(s->id, "x");
	assert_string_equal(story_text(s, STORY_TITLE), "Fixing the late partitions");
	assert_int_equal(s->n_principles, 2);
	assert_string_equal(s->principles[1].id, "ownership");
	assert_int_equal(s->principles[1].line, 2);
	assert_int_equal(s->principles[1].col, 25);
	assert_string_equal(story_text(s, STORY_SITUATION), "Finance saw a gap.\nIt was 4% of revenue.\n");
	assert_null(story_text(s, STORY_LEARNED));
	assert_string_equal(s->created, "2026-09-14");
	assert_true(story_has_principle(s, "dive-deep"));
	assert_false(story_has_principle(s, "frugality"));
	story_free(s);
}

static void test_locate(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse(sample, &dl);
	unsigned line, col;
	/* "4%" on the second line of the situation: file line 6, column 3+7. */
	const char *sit = story_text(s, STORY_SITUATION);
	story_locate(s, STORY_SITUATION, (size_t)(strstr(sit, "4%") - sit), &line, &col);
	assert_int_equal(line, 6);
	assert_int_equal(col, 10);
	/* After a multibyte character, columns count characters. */
	const char *act = story_text(s, STORY_ACTION);
	story_locate(s, STORY_ACTION, (size_t)(strstr(act, "totals") - act), &line, &col);
	assert_int_equal(line, 10);
	assert_int_equal(col, 16);
	/* Past a blank line inside the block. */
	story_locate(s, STORY_ACTION, (size_t)(strstr(act, "sensor") - act), &line, &col);
	assert_int_equal(line, 12);
	assert_int_equal(col, 13);
	/* The title is a one-line plain scalar: exact columns. */
	story_locate(s, STORY_TITLE, 7, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 15);
	/* A missing section points at the story. */
	story_locate(s, STORY_LEARNED, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	story_free(s);
}

static void test_locate_indented_block(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse("title: t\nprinciples: [a]\naction: |2\n    I began.\n", &dl);
	unsigned line, col;
	assert_string_equal(story_text(s, STORY_ACTION), "  I began.\n");
	story_locate(s, STORY_ACTION, 2, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 5);
	story_free(s);
}

static void test_roundtrip_exact(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse(sample, &dl);
	struct buf b = BUF_INIT;
	assert_int_equal(story_to_yaml(s, &b, &dl), 0);
	assert_string_equal(buf_cstr(&b), sample);
	buf_release(&b);
	story_free(s);
}

static void test_roundtrip_unknown_keys(void **state)
{
	(void)state;
	const char *text =
		"company: Marlowe\n"
		"title: \"yes\"\n"
		"principles: [dive-deep]\n"
		"meta:\n  source: interview-prep\n  drafts: [1, 2]\n  quoted: '0012'\n"
		"situation: \"one line\\twith a tab\"\n"
		"action: |-\n  no final newline\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse(text, &dl);
	assert_non_null(s);
	struct buf b = BUF_INIT;
	assert_int_equal(story_to_yaml(s, &b, &dl), 0);
	struct story *t = parse(buf_cstr(&b), &dl);
	assert_non_null(t);
	assert_int_equal(dl.n, 0);
	assert_string_equal(story_text(t, STORY_TITLE), "yes"); /* quoted, not a boolean */
	assert_string_equal(story_text(t, STORY_SITUATION), "one line\twith a tab");
	assert_string_equal(story_text(t, STORY_ACTION), "no final newline");
	assert_non_null(t->extra);
	assert_int_equal(t->extra->n, 4);
	assert_string_equal(t->extra->kids[0]->str, "company");
	/* Unknown keys are written last. */
	assert_non_null(strstr(buf_cstr(&b), "company: Marlowe\nmeta:"));
	assert_string_equal(t->extra->kids[1]->str, "Marlowe");
	assert_string_equal(t->extra->kids[2]->str, "meta");
	const struct ynode *meta = t->extra->kids[3];
	assert_int_equal(meta->kind, YNODE_MAP);
	assert_string_equal(ynode_get(meta, "quoted")->str, "0012");
	assert_int_equal(ynode_get(meta, "quoted")->style, YSTYLE_SINGLE);
	assert_int_equal(ynode_get(meta, "drafts")->n, 2);
	/* Saving the reloaded story gives the same bytes again. */
	struct buf c = BUF_INIT;
	assert_int_equal(story_to_yaml(t, &c, &dl), 0);
	assert_string_equal(buf_cstr(&b), buf_cstr(&c));
	buf_release(&b);
	buf_release(&c);
	story_free(s);
	story_free(t);
}

static void test_bad_stories(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		unsigned line;
		const char *needle;
	} cases[] = {
		{ "", 1, "empty story file" },
		{ "- a\n- b\n", 1, "must be a mapping" },
		{ "title: [a]\n", 1, "'title' must be text, not a list" },
		{ "title: t\nprinciples: dive-deep\n", 2, "'principles' must be a list" },
		{ "title: t\nprinciples: [[a]]\n", 2, "must be a principle id" },
		{ "title: t\nsituation: {a: b}\n", 2, "'situation' must be text, not a mapping" },
		{ "title: t\ntags: [a, [b]]\n", 2, "each item of 'tags'" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct story *s = parse(cases[i].text, &dl);
		assert_null(s);
		assert_true(dl.n >= 1);
		size_t e = 0;
		while (dl.v[e].level != DIAG_ERROR)
			e++;
		if (!strstr(dl.v[e].msg, cases[i].needle))
			fail_msg("case %zu: '%s' not in '%s'", i, cases[i].needle, dl.v[e].msg);
		assert_int_equal(dl.v[e].line, cases[i].line);
		diag_list_release(&dl);
	}
}

static void test_warnings(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse("situtation: |\n  x\nprinciples: [a, a]\ncreated: last week\n", &dl);
	assert_non_null(s);
	assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dl.n; i++) {
		diag_format(&dl.v[i], &b);
		buf_addc(&b, '\n');
	}
	const char *all = buf_cstr(&b);
	assert_non_null(strstr(all, "s/x.yaml:1:1: warning: unknown key 'situtation' (kept as is): did you mean 'situation'?"));
	assert_non_null(strstr(all, "s/x.yaml:3:17: warning: principle 'a' is listed twice"));
	assert_non_null(strstr(all, "s/x.yaml:4:10: warning: 'created' should be a date"));
	assert_non_null(strstr(all, "has no 'title'"));
	assert_int_equal(s->n_principles, 1);
	buf_release(&b);
	diag_list_release(&dl);
	story_free(s);
}

static void test_set_text(void **state)
{
	(void)state;
	struct story *s = story_new("n");
	story_set_text(s, STORY_ACTION, "I did it.   \nThen more.\t\n\n\n");
	assert_string_equal(story_text(s, STORY_ACTION), "I did it.\nThen more.\n");
	story_set_text(s, STORY_ACTION, "  \n \n");
	assert_null(story_text(s, STORY_ACTION));
	story_set_text(s, STORY_TITLE, "A title\nover two lines  ");
	assert_string_equal(story_text(s, STORY_TITLE), "A title over two lines");
	assert_string_equal(story_title(s), "A title over two lines");
	story_add_principle(s, "ownership");
	story_add_principle(s, "dive-deep");
	story_add_principle(s, "ownership");
	assert_int_equal(s->n_principles, 2);
	story_remove_principle(s, "ownership");
	assert_int_equal(s->n_principles, 1);
	assert_string_equal(s->principles[0].id, "dive-deep");
	story_set_date(&s->created, 0);
	assert_string_equal(s->created, "1970-01-01");
	story_free(s);
}

static void test_slug(void **state)
{
	(void)state;
	char *a = story_slug("Tracing a 4% revenue gap -- to late partitions!");
	assert_string_equal(a, "tracing-a-4-revenue-gap-to-late-partitions");
	char *b = story_slug("Zo\xc3\xab's caf\xc3\xa9 migration");
	assert_string_equal(b, "zos-caf-migration");
	char *c = story_slug("\xe4\xb8\xad\xe6\x96\x87");
	assert_string_equal(c, "story");
	char *d = story_slug("a very long title that keeps going and going and going past the limit");
	assert_true(strlen(d) <= 48);
	free(a);
	free(b);
	free(c);
	free(d);
}

static void test_save_and_stamp(void **state)
{
	(void)state;
	char dir[] = "/tmp/lpcoach-unit.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = path_join(dir, "x.yaml");
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = parse(sample, &dl);
	mode_t old = umask(0);
	assert_int_equal(story_save(s, path, &dl), 0);
	umask(old);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_false(story_changed_on_disk(s));

	struct story *t = story_load_file(path, &dl);
	assert_non_null(t);
	assert_string_equal(story_text(t, STORY_ACTION), story_text(s, STORY_ACTION));
	/* Someone else edits the file: same size, different bytes. */
	char *data;
	size_t len;
	assert_int_equal(fs_read_file(path, 1 << 20, &data, &len, &dl), 0);
	data[len - 3] = data[len - 3] == '1' ? '2' : '1';
	FILE *f = fopen(path, "w");
	fwrite(data, 1, len, f);
	fclose(f);
	free(data);
	assert_true(story_changed_on_disk(t));
	unlink(path);
	assert_true(story_changed_on_disk(t));
	assert_int_equal(dl.n, 0);
	story_free(s);
	story_free(t);
	rmdir(dir);
	free(path);
}

static void test_roundtrip_random(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "Z", " ", "  ", "\n", "\n\n", "\t", "\"", "'", "\\", ":", ": ", " #", "#", "-",
		"- ", "[", "]", ",", "{", "|", ">", "&", "*", "!", "%", "@", "`", "yes", "null",
		"12", "0x1F", "~", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xef\xbb\xbf",
		"\x01", "\x7f", "\xc2\x85", "\r", "e\xcc\x81", "...", "---",
	};
	unsigned seed = 42;
	for (int round = 0; round < 3000; round++) {
		struct story *s = story_new("r");
		for (int f = 0; f < STORY_NFIELDS; f++) {
			struct buf b = BUF_INIT;
			int n = rand_r(&seed) % 12;
			for (int i = 0; i < n; i++)
				buf_adds(&b, pieces[rand_r(&seed) % ARRAY_SIZE(pieces)]);
			if (b.len && (f != STORY_TITLE || rand_r(&seed) % 2))
				s->f[f].text = buf_detach(&b, NULL);
			buf_release(&b);
		}
		story_add_principle(s, rand_r(&seed) % 2 ? "dive-deep" : "a, b");
		s->extra = ynode_new(YNODE_MAP);
		ynode_append(s->extra, ynode_new_scalar("note", YSTYLE_PLAIN));
		ynode_append(s->extra, ynode_new_scalar("kept \xf0\x9f\x98\x80", YSTYLE_DOUBLE));
		s->created = xstrdup("2026-01-02");
		struct diag_list dl = DIAG_LIST_INIT;
		struct buf y = BUF_INIT;
		assert_int_equal(story_to_yaml(s, &y, &dl), 0);
		struct story *t = story_parse("r.yaml", "r", y.s, y.len, &dl);
		if (!t)
			fail_msg("round %d does not load back:\n%s\n%s", round, buf_cstr(&y),
				 dl.n ? dl.v[0].msg : "");
		for (int f = 0; f < STORY_NFIELDS; f++) {
			const char *a = story_text(s, f), *b = story_text(t, f);
			if (!(a == b || (a && b && strcmp(a, b) == 0)))
				fail_msg("round %d, field %d differs:\n%s", round, f, buf_cstr(&y));
		}
		assert_string_equal(t->principles[0].id, s->principles[0].id);
		assert_string_equal(t->created, "2026-01-02");
		assert_string_equal(ynode_get(t->extra, "note")->str, "kept \xf0\x9f\x98\x80");
		story_free(t);
		story_free(s);
		buf_release(&y);
		diag_list_release(&dl);
	}
}

static void test_emoji_stays_readable(void **state)
{
	(void)state;
	struct story *s = story_new("e");
	story_set_text(s, STORY_TITLE, "Caf\xc3\xa9 \xf0\x9f\x98\x80");
	story_set_text(s, STORY_ACTION, "I shipped it \xf0\x9f\x9a\x80\nThen I slept.");
	struct buf y = BUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(story_to_yaml(s, &y, &dl), 0);
	assert_string_equal(buf_cstr(&y), "title: Caf\xc3\xa9 \xf0\x9f\x98\x80\nprinciples: []\n"
					  "action: |\n  I shipped it \xf0\x9f\x9a\x80\n  Then I slept.\n");
	buf_release(&y);
	story_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_locate),
		cmocka_unit_test(test_locate_indented_block),
		cmocka_unit_test(test_roundtrip_exact),
		cmocka_unit_test(test_roundtrip_unknown_keys),
		cmocka_unit_test(test_bad_stories),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_set_text),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_save_and_stamp),
		cmocka_unit_test(test_roundtrip_random),
		cmocka_unit_test(test_emoji_stays_readable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Random texts (ASCII, UTF-8 up to emoji, spaces, newlines, tabs, control
 * characters, quotes) survive a save and a load exactly. */
