/* Unit tests: utf8.c and layout.c (text layout and cursor arithmetic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "layout.h"
#include "utf8.h"

static void test_valid_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_valid_len("a", 1), 1);
	assert_int_equal(utf8_valid_len("\xc3\xa9", 2), 2);          /* é */
	assert_int_equal(utf8_valid_len("\xe4\xb8\xad", 3), 3);      /* 中 */
	assert_int_equal(utf8_valid_len("\xf0\x9f\x98\x80", 4), 4);  /* 😀 */
	assert_int_equal(utf8_valid_len("\xff", 1), 0);
	assert_int_equal(utf8_valid_len("\xc3", 1), 0);              /* truncated */
	assert_int_equal(utf8_valid_len("\xc0\xaf", 2), 0);          /* overlong */
	assert_int_equal(utf8_valid_len("\xed\xa0\x80", 3), 0);      /* surrogate */
	assert_int_equal(utf8_valid_len("\xf4\x90\x80\x80", 4), 0);  /* > U+10FFFF */
}

static void test_decode_encode(void **state)
{
	(void)state;
	uint32_t cp;
	char out[4];
	assert_int_equal(utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(utf8_encode(0x20AC, out), 3);
	assert_memory_equal(out, "\xe2\x82\xac", 3);
	assert_int_equal(utf8_decode("\xff" "a", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_encode(0x1F600, out), 4);
	assert_memory_equal(out, "\xf0\x9f\x98\x80", 4);
	size_t bad = 99;
	assert_true(utf8_validate("caf\xc3\xa9", 5, &bad));
	assert_false(utf8_validate("ab\xffz", 4, &bad));
	assert_int_equal(bad, 2);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("abc", 3), 3);
	assert_int_equal(utf8_width("caf\xc3\xa9", 5), 4);
	assert_int_equal(utf8_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4); /* 中文 */
	assert_int_equal(utf8_width("\xf0\x9f\x98\x80", 4), 2);         /* emoji */
	assert_int_equal(utf8_width("e\xcc\x81", 3), 1);                /* e + combining acute */
	assert_int_equal(utf8_width("\xff", 1), 1);
	assert_int_equal(utf8_count("a\xc3\xa9\xe4\xb8\xad", 6), 3);
	/* Fit: a wide character that does not fit whole is left out. */
	assert_int_equal(utf8_fit("a\xe4\xb8\xad", 4, 2), 1);
	assert_int_equal(utf8_fit("a\xe4\xb8\xad", 4, 3), 4);
}

static void test_next_prev(void **state)
{
	(void)state;
	const char *s = "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xff" "b";
	size_t n = strlen(s), i = 0, stops[8], k = 0;
	while (i < n) {
		stops[k++] = i;
		i = utf8_next(s, n, i);
	}
	assert_int_equal(k, 6);
	size_t want[] = { 0, 1, 3, 6, 10, 11 };
	for (size_t j = 0; j < k; j++)
		assert_int_equal(stops[j], want[j]);
	/* Walking back visits the same boundaries, the lone 0xFF included. */
	i = n;
	for (size_t j = k; j-- > 0;) {
		i = utf8_prev(s, i);
		assert_int_equal(i, want[j]);
	}
	assert_int_equal(utf8_prev(s, 0), 0);
	assert_int_equal(utf8_next(s, n, n), n);
}

static void lines_are(const char *text, size_t width, const char *const *want, size_t n)
{
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, text, strlen(text), width);
	assert_int_equal(l.n, n);
	for (size_t i = 0; i < n; i++) {
		size_t len = l.v[i].end - l.v[i].start;
		assert_int_equal(len, strlen(want[i]));
		assert_memory_equal(text + l.v[i].start, want[i], len);
	}
	layout_release(&l);
}

static void test_wrap_words(void **state)
{
	(void)state;
	const char *a[] = { "the quick ", "brown fox" };
	lines_are("the quick brown fox", 10, a, 2);
	const char *b[] = { "one", "", "two" };
	lines_are("one\n\ntwo", 10, b, 3);
	/* A word longer than the width is broken inside. */
	const char *c[] = { "abcde", "fghij", "k" };
	lines_are("abcdefghijk", 5, c, 3);
	const char *d[] = { "" };
	lines_are("", 10, d, 1);
	/* Wide characters count two columns. */
	const char *e[] = { "\xe4\xb8\xad\xe6\x96\x87", "\xe5\xad\x97" };
	lines_are("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 4, e, 2);
	/* Width 1 with a wide character still makes progress. */
	const char *f[] = { "\xe4\xb8\xad", "a" };
	lines_are("\xe4\xb8\xad" "a", 1, f, 2);
}

static void test_line_of(void **state)
{
	(void)state;
	const char *t = "the quick brown fox\njumps";
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, t, strlen(t), 10);
	assert_int_equal(l.n, 3);
	assert_int_equal(layout_line_of(&l, 0), 0);
	assert_int_equal(layout_line_of(&l, 9), 0);   /* the hanging space */
	assert_int_equal(layout_line_of(&l, 10), 1);  /* 'b' */
	assert_int_equal(layout_line_of(&l, 19), 1);  /* the newline ends line 1 */
	assert_int_equal(layout_line_of(&l, 20), 2);
	assert_int_equal(layout_line_of(&l, strlen(t)), 2);
	layout_release(&l);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_len),
		cmocka_unit_test(test_decode_encode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_next_prev),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_line_of),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
