/* Unit tests: rx.c, rules.c and lint.c. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "lint.h"
#include "rules.h"
#include "rx.h"
#include "story.h"
#include "util.h"

static bool collect(void *ctx, size_t s, size_t e)
{
	struct buf *b = ctx;
	buf_addf(b, "[%zu,%zu)", s, e);
	return true;
}

static char *matches(const struct rx *rx, const char *text)
{
	struct rx_matcher *m = rx_matcher_new();
	struct buf b = BUF_INIT;
	long n = rx_each(rx, m, text, strlen(text), collect, &b);
	buf_addf(&b, "=%ld", n);
	rx_matcher_free(m);
	return buf_detach(&b, NULL);
}

static void test_tokens(void **state)
{
	(void)state;
	const char *toks[] = { "kind of", "kinda", "I think", "Kind  Of" };
	char *p = rx_tokens_pattern(toks, 4, true);
	/* Prefix shared: "kind" appears once. */
	assert_non_null(strstr(p, "kind(?:"));
	assert_null(strstr(strstr(p, "kind") + 4, "kind"));
	free(p);
	struct rx rx;
	struct rx_error err;
	assert_int_equal(rx_compile_tokens(&rx, toks, 4, RX_CASELESS, &err), 0);
	char *m = matches(&rx, "It was KIND \n of slow, kinda. mankind of; I  think");
	assert_string_equal(m, "[7,16)[23,28)[42,50)=3");
	free(m);
	rx_release(&rx);
	/* Punctuation in tokens is literal. */
	const char *t2[] = { "e.g.", "a+b" };
	assert_int_equal(rx_compile_tokens(&rx, t2, 2, 0, &err), 0);
	m = matches(&rx, "eXg. e.g. a+b aab");
	assert_string_equal(m, "[5,9)[10,13)=2");
	free(m);
	rx_release(&rx);
	assert_int_equal(rx_compile_tokens(&rx, NULL, 0, 0, &err), -1);
}

static void test_big_token_list_splits(void **state)
{
	(void)state;
	/* Tens of thousands of distinct words exceed one compiled pattern's
	 * 64K limit in Debian's PCRE2 build: the list is split, and every
	 * word still matches. */
	enum { N = 30000 };
	char **toks = xcalloc(N, sizeof(*toks));
	for (int i = 0; i < N; i++)
		toks[i] = xasprintf("w%dq%d", i * 7919 % 100003, i);
	struct rx rx;
	struct rx_error err;
	assert_int_equal(rx_compile_tokens(&rx, (const char *const *)toks, N, 0, &err), 0);
	assert_true(rx.n > 1);
	struct rx_matcher *m = rx_matcher_new();
	char *text = xasprintf("x %s y %s z", toks[0], toks[N - 1]);
	assert_int_equal(rx_each(&rx, m, text, strlen(text), NULL, NULL), 2);
	free(text);
	rx_matcher_free(m);
	rx_release(&rx);
	strv_free(toks, N);
}

static void test_compile_errors(void **state)
{
	(void)state;
	struct rx rx;
	struct rx_error err;
	assert_int_equal(rx_compile(&rx, "ab(cd", 0, &err), -1);
	assert_int_equal(err.offset, 5);
	assert_non_null(strstr(err.msg, "missing closing parenthesis"));
	/* Offsets count characters, not bytes. */
	assert_int_equal(rx_compile(&rx, "\xc3\xa9\xc3\xa9[", 0, &err), -1);
	assert_int_equal(err.offset, 3);
	/* \C is refused. */
	assert_int_equal(rx_compile(&rx, "a\\Cb", 0, &err), -1);
	/* An over-long pattern is refused before compiling. */
	struct buf b = BUF_INIT;
	buf_pad(&b, 'a', RX_MAX_PATTERN + 1);
	assert_int_equal(rx_compile(&rx, buf_cstr(&b), 0, &err), -1);
	assert_non_null(strstr(err.msg, "longer than"));
	buf_release(&b);
}

static void test_pathological_pattern(void **state)
{
	(void)state;
	struct rx rx;
	struct rx_error err;
	assert_int_equal(rx_compile(&rx, "(a+)+$", 0, &err), 0);
	struct rx_matcher *m = rx_matcher_new();
	const char *text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
	assert_int_equal(rx_search(&rx, m, text, strlen(text)), RX_LIMIT);
	assert_int_equal(rx_each(&rx, m, text, strlen(text), NULL, NULL), RX_LIMIT);
	rx_matcher_free(m);
	rx_release(&rx);
}

static void test_invalid_utf8_text(void **state)
{
	(void)state;
	struct rx rx;
	struct rx_error err;
	assert_int_equal(rx_compile(&rx, "\\bI think\\b", 0, &err), 0);
	const char *text = "\xff\xfe I think \xc3 and I think";
	char *m = matches(&rx, text);
	assert_string_equal(m, "[3,10)[17,24)=2");
	free(m);
	rx_release(&rx);
}

/* Rules from a YAML text, loaded through a temporary file. */
static int load_rules(struct ruleset *rs, const char *yaml, struct diag_list *dl)
{
	char dir[] = "/tmp/lpcoach-rules-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = path_join(dir, "rules.yaml");
	struct diag_list io = DIAG_LIST_INIT;
	assert_int_equal(fs_write_atomic(path, yaml, strlen(yaml), 0600, &io), 0);
	int rc = ruleset_load_file(rs, path, dl);
	unlink(path);
	rmdir(dir);
	free(path);
	return rc;
}

static struct story *mk(const char *situation, const char *task, const char *action,
			const char *result, const char *principle)
{
	struct story *s = story_new("s");
	story_set_text(s, STORY_TITLE, "A title");
	if (situation)
		s->f[STORY_SITUATION].text = xstrdup(situation);
	if (task)
		s->f[STORY_TASK].text = xstrdup(task);
	if (action)
		s->f[STORY_ACTION].text = xstrdup(action);
	if (result)
		s->f[STORY_RESULT].text = xstrdup(result);
	if (principle)
		story_add_principle(s, principle);
	return s;
}

static struct lint_report run(const struct ruleset *rs, const struct story *s)
{
	struct lint_report rep = LINT_REPORT_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct linter *l = lint_new(rs);
	lint_story(l, s, &rep, &dl);
	assert_int_equal(dl.n, 0);
	lint_free(l);
	return rep;
}

static void test_kinds(void **state)
{
	(void)state;
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	int rc = load_rules(&rs,
		"rules:\n"
		"  - {id: ex, level: warning, kind: existence, scope: story, ignorecase: true,\n"
		"     tokens: [I think], message: \"'{match}' hedges\"}\n"
		"  - {id: req, level: error, kind: require, scope: result, pattern: '[0-9]',\n"
		"     message: no number}\n"
		"  - {id: occ, level: suggestion, kind: occurrence, scope: action, pattern: '\\bI\\b',\n"
		"     min: 2, message: 'I said {count} times'}\n"
		"  - {id: rat, level: warning, kind: ratio, scope: action, pattern: '\\bwe\\b', ignorecase: true,\n"
		"     against: [I], max: 0.5, message: '{count} we, {against} I, {ratio}'}\n"
		"  - {id: len, level: warning, kind: length, scope: situation, max_share: 35,\n"
		"     message: 'situation is {share}'}\n"
		"  - {id: sub, level: suggestion, kind: substitution, scope: story, ignorecase: true,\n"
		"     swap: {leveraged: used, spearheaded: led}, message: \"'{match}' -> '{suggestion}'\"}\n"
		"  - {id: dd, level: warning, kind: require, scope: story, principles: [dive-deep],\n"
		"     pattern: 'root cause', message: no root cause}\n"
		"  - {id: cond, level: warning, kind: length, scope: learned, min: 3,\n"
		"     when: mistake, message: 'learned has {words}'}\n",
		&dl);
	assert_int_equal(rc, 0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(rs.n, 8);

	struct story *s = mk("A long situation with many many words in it here.", "My task.",
			     "We did it, I think we did. We Leveraged it.", "It went well.",
			     "dive-deep");
	struct lint_report rep = run(&rs, s);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < rep.n; i++)
		buf_addf(&b, "%s:%d:%zu-%zu:%s|", rep.v[i].rule->id, rep.v[i].field, rep.v[i].start,
			 rep.v[i].end, rep.v[i].message);
	assert_string_equal(buf_cstr(&b),
		"dd:-1:0-0:no root cause|"
		"len:1:0-0:situation is 40%|"
		"rat:3:0-0:3 we, 1 I, 75%|"
		"occ:3:0-0:I said 1 times|"
		"ex:3:11-18:'I think' hedges|"
		"sub:3:30-39:'Leveraged' -> 'used'|"
		"req:4:0-0:no number|");
	assert_int_equal(rep.counts[LINT_ERROR], 1);
	assert_int_equal(rep.counts[LINT_WARNING], 4);
	assert_int_equal(rep.counts[LINT_SUGGESTION], 2);
	/* 100 - 20 - 4 * 6 - 2 * 2 */
	assert_int_equal(rep.score, 52);
	lint_report_release(&rep);
	buf_release(&b);

	/* The principle filter and the 'when' condition. */
	story_remove_principle(s, "dive-deep");
	free(s->f[STORY_ACTION].text);
	s->f[STORY_ACTION].text = xstrdup("It was my mistake, I admit. I fixed it. I did.");
	rep = run(&rs, s);
	bool dd = false, cond = false;
	for (size_t i = 0; i < rep.n; i++) {
		dd |= strcmp(rep.v[i].rule->id, "dd") == 0;
		cond |= strcmp(rep.v[i].rule->id, "cond") == 0;
	}
	assert_false(dd);
	assert_true(cond);
	lint_report_release(&rep);
	story_free(s);
	ruleset_release(&rs);
}

static void test_score_cap(void **state)
{
	(void)state;
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(load_rules(&rs, "rules:\n  - {id: e, level: error, kind: existence, "
					 "scope: action, pattern: x, message: m}\n", &dl), 0);
	struct story *s = mk(NULL, NULL, "x x x x x x x x x x", NULL, NULL);
	struct lint_report rep = run(&rs, s);
	assert_int_equal(rep.n, 10);
	assert_int_equal(rep.score, 100 - LINT_SCORE_CAP * 20);
	lint_report_release(&rep);
	story_free(s);
	ruleset_release(&rs);
}

static void test_rule_errors(void **state)
{
	(void)state;
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	int rc = load_rules(&rs,
		"rules:\n"
		"  - id: bad-pattern\n"
		"    level: warning\n"
		"    kind: existence\n"
		"    scope: action\n"
		"    pattern: foo(bar\n"
		"    message: m\n"
		"  - {id: bad-level, level: fatal, kind: existence, scope: action, pattern: a, message: m}\n"
		"  - {id: no-kind, level: error, scope: action, message: m}\n"
		"  - {id: bad-scope, level: error, kind: existence, scope: epilogue, pattern: a, message: m}\n"
		"  - {id: occ-no-bounds, level: error, kind: occurrence, scope: action, pattern: a, message: m}\n"
		"  - {id: ratio-range, level: error, kind: ratio, scope: action, pattern: a, against: b, max: 2, message: m}\n"
		"  - {id: good, level: error, kind: existence, scope: action, pattern: ok, message: m}\n",
		&dl);
	assert_int_equal(rc, -1);
	assert_int_equal(rs.n, 1);
	assert_string_equal(rs.v[0].id, "good");
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dl.n; i++) {
		diag_format(&dl.v[i], &b);
		buf_addc(&b, '\n');
	}
	const char *all = buf_cstr(&b);
	/* The pattern error points at the offending character. */
	assert_non_null(strstr(all, ".yaml:6:21: error: rule 'bad-pattern': pattern does not compile at offset 7"));
	assert_non_null(strstr(all, "rule 'bad-level': 'level' must be suggestion, warning or error"));
	assert_non_null(strstr(all, ":9:5: error: rule 'no-kind': missing required key 'kind'"));
	assert_non_null(strstr(all, "rule 'bad-scope': 'scope' must be"));
	assert_non_null(strstr(all, "rule 'occ-no-bounds': an occurrence rule needs 'min' or 'max'"));
	assert_non_null(strstr(all, "rule 'ratio-range': 'max' must be between 0 and 1"));
	buf_release(&b);
	diag_list_release(&dl);
	ruleset_release(&rs);
}

static void test_override_and_disable(void **state)
{
	(void)state;
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(load_rules(&rs, "rules:\n"
		"  - {id: a, level: error, kind: existence, scope: action, pattern: x, message: one}\n"
		"  - {id: b, level: error, kind: existence, scope: action, pattern: y, message: two}\n", &dl), 0);
	assert_int_equal(load_rules(&rs, "rules:\n"
		"  - {id: a, level: warning, kind: existence, scope: action, pattern: z, message: new}\n"
		"  - {id: b, enabled: false}\n"
		"  - {id: nothing, enabled: false}\n", &dl), 0);
	assert_int_equal(rs.n, 2);
	const struct rule *a = ruleset_find(&rs, "a");
	assert_string_equal(a->message, "new");
	assert_int_equal(a->level, LINT_WARNING);
	assert_false(ruleset_find(&rs, "b")->enabled);
	assert_int_equal(ruleset_enabled_count(&rs), 1);
	assert_int_equal(dl.n, 1); /* "no such rule to turn off" */
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	diag_list_release(&dl);
	ruleset_release(&rs);
}

static void test_limit_reported(void **state)
{
	(void)state;
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(load_rules(&rs, "rules:\n"
		"  - {id: slow, level: error, kind: existence, scope: action, pattern: '(a+)+$', message: m}\n"
		"  - {id: fine, level: error, kind: existence, scope: action, pattern: '!', message: m}\n", &dl), 0);
	struct story *s = mk(NULL, NULL, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", NULL, NULL);
	struct lint_report rep = LINT_REPORT_INIT;
	struct linter *l = lint_new(&rs);
	lint_story(l, s, &rep, &dl);
	assert_int_equal(rep.n, 1);
	assert_string_equal(rep.v[0].rule->id, "fine");
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.v[0].msg, "rule 'slow' stopped on story 's'"));
	lint_free(l);
	lint_report_release(&rep);
	story_free(s);
	diag_list_release(&dl);
	ruleset_release(&rs);
}

static void test_shipped_rules(void **state)
{
	(void)state;
	static const char *const focus[] = { "dive-deep", "ownership", "bias-for-action",
					     "insist-on-the-highest-standards",
					     "learn-and-be-curious" };
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(ruleset_load_dir(&rs, "rules", false, &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_true(rs.n >= 25);
	for (size_t i = 0; i < rs.n; i++) {
		size_t flag = 0, pass = 0;
		for (size_t k = 0; k < rs.v[i].n_examples; k++)
			*(rs.v[i].examples[k].flag ? &flag : &pass) += 1;
		if (flag == 0 || pass == 0)
			fail_msg("rule %s needs a story that triggers it and one that does not", rs.v[i].id);
	}
	for (size_t f = 0; f < 5; f++) {
		size_t n = 0;
		for (size_t i = 0; i < rs.n; i++)
			for (size_t k = 0; k < rs.v[i].n_principles; k++)
				n += strcmp(rs.v[i].principles[k], focus[f]) == 0;
		if (n < 2)
			fail_msg("focus principle %s has %zu rules", focus[f], n);
	}
	struct linter *l = lint_new(&rs);
	assert_int_equal(lint_check_examples(l, &rs, &dl), 0);
	assert_int_equal(dl.n, 0);
	lint_free(l);
	ruleset_release(&rs);
}

static void test_word_count(void **state)
{
	(void)state;
	assert_int_equal(lint_word_count(NULL), 0);
	assert_int_equal(lint_word_count("  one two\n\nthree\tfour "), 4);
	struct story *s = mk("a b", NULL, "c d e", NULL, NULL);
	assert_int_equal(lint_story_words(s), 5); /* the title does not count */
	story_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_big_token_list_splits),
		cmocka_unit_test(test_compile_errors),
		cmocka_unit_test(test_pathological_pattern),
		cmocka_unit_test(test_invalid_utf8_text),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_score_cap),
		cmocka_unit_test(test_rule_errors),
		cmocka_unit_test(test_override_and_disable),
		cmocka_unit_test(test_limit_reported),
		cmocka_unit_test(test_shipped_rules),
		cmocka_unit_test(test_word_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
