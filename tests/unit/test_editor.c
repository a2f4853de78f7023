/* Unit tests: editor.c (the text editor's model: editing and cursor moves). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "editor.h"
#include "layout.h"
#include "utf8.h"

#define E_ACUTE   "\xc3\xa9"         /* é, 1 column */
#define ZHONG     "\xe4\xb8\xad"     /* 中, 2 columns */
#define WEN       "\xe6\x96\x87"     /* 文, 2 columns */
#define GRIN      "\xf0\x9f\x98\x80" /* 😀, 2 columns */
#define COMB      "\xcc\x81"         /* U+0301 combining acute, 0 columns */
#define REPL      "\xef\xbf\xbd"     /* U+FFFD */

/* ---- helpers ------------------------------------------------------------- */

/* Macros, so that a failure names the test's line. */
#define pos_is(e, row, col) do { \
	size_t r_ = 99, c_ = 99; \
	editor_cursor_pos((e), &r_, &c_); \
	assert_int_equal(r_, (row)); \
	assert_int_equal(c_, (col)); \
} while (0)

#define text_is(e, want) do { \
	assert_string_equal(editor_text(e), (want)); \
	assert_int_equal((e)->text.len, strlen(want)); \
} while (0)

/* Type s one code point at a time, as keys arrive. */
static void type(struct editor *e, const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		editor_insert_char(e, cp);
	}
}

static void repeat(struct editor *e, void (*move)(struct editor *), int times)
{
	for (int i = 0; i < times; i++)
		move(e);
}

/* Everything that must hold after any call. */
static void check_invariants(const struct editor *e)
{
	const char *s = editor_text(e);
	size_t len = e->text.len;
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	assert_true(utf8_validate(s, len, NULL));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		assert_true(c == '\n' || (c >= 0x20 && c != 0x7F));
	}
	/* The cursor: within the text, on a character boundary. */
	assert_true(e->cursor <= len);
	if (e->cursor < len)
		assert_true(utf8_valid_len(s + e->cursor, len - e->cursor) > 0);
	assert_true(e->width >= 1);

	/* The layout is up to date and covers the text. */
	struct layout fresh = LAYOUT_INIT;
	layout_wrap(&fresh, s, len, e->width);
	assert_int_equal(e->lay.n, fresh.n);
	assert_int_equal(editor_line_count(e), e->lay.n);
	assert_true(e->lay.n >= 1);
	for (size_t i = 0; i < fresh.n; i++) {
		assert_int_equal(e->lay.v[i].start, fresh.v[i].start);
		assert_int_equal(e->lay.v[i].end, fresh.v[i].end);
	}
	layout_release(&fresh);
	assert_int_equal(e->lay.v[0].start, 0);
	assert_int_equal(e->lay.v[e->lay.n - 1].end, len);
	for (size_t i = 0; i < e->lay.n; i++) {
		const struct layout_line *l = &e->lay.v[i];
		assert_true(l->start <= l->end);
		assert_null(memchr(s + l->start, '\n', l->end - l->start));
		if (i + 1 < e->lay.n) {
			size_t next = e->lay.v[i + 1].start;
			if (next != l->end) { /* a paragraph ends here */
				assert_int_equal(s[l->end], '\n');
				assert_int_equal(next, l->end + 1);
			} else {
				assert_true(l->end > l->start); /* wrapped lines progress */
			}
		}
	}

	/* The cursor's row and column. */
	size_t row, col;
	editor_cursor_pos(e, &row, &col);
	assert_int_equal(row, layout_line_of(&e->lay, e->cursor));
	const struct layout_line *l = &e->lay.v[row];
	assert_true(l->start <= e->cursor && e->cursor <= l->end);
	assert_int_equal(col, utf8_width(s + l->start, e->cursor - l->start));
	assert_true(e->top < e->lay.n);
}

/* ---- typing and deleting ------------------------------------------------- */

static void test_type_ascii_utf8(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, NULL, 40);
	pos_is(&e, 0, 0);
	assert_false(e.dirty);
	type(&e, "ab");
	pos_is(&e, 0, 2);
	type(&e, E_ACUTE);
	pos_is(&e, 0, 3);
	assert_int_equal(e.cursor, 4);
	type(&e, ZHONG);
	pos_is(&e, 0, 5);
	type(&e, WEN);
	pos_is(&e, 0, 7);
	assert_int_equal(e.cursor, 10);
	type(&e, GRIN);
	pos_is(&e, 0, 9);
	assert_int_equal(e.cursor, 14);
	type(&e, "e");
	pos_is(&e, 0, 10);
	type(&e, COMB); /* the accent takes no column */
	pos_is(&e, 0, 10);
	assert_int_equal(e.cursor, 17);
	text_is(&e, "ab" E_ACUTE ZHONG WEN GRIN "e" COMB);
	assert_true(e.dirty);
	check_invariants(&e);

	/* Walking back: one stop per character, e + accent being one. */
	size_t cols[] = { 9, 7, 5, 3, 2, 1, 0, 0 };
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		editor_left(&e);
		pos_is(&e, 0, cols[i]);
		check_invariants(&e);
	}
	size_t fwd[] = { 1, 2, 3, 5, 7, 9, 10, 10 };
	for (size_t i = 0; i < sizeof(fwd) / sizeof(fwd[0]); i++) {
		editor_right(&e);
		pos_is(&e, 0, fwd[i]);
	}
	assert_int_equal(e.cursor, 17);
	editor_release(&e);
}

static void test_backspace_delete_multibyte(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, "a" ZHONG GRIN "e" COMB "b", 40);
	editor_mark_clean(&e);
	editor_left(&e);          /* before b */
	editor_backspace(&e);     /* takes the accent only */
	text_is(&e, "a" ZHONG GRIN "eb");
	pos_is(&e, 0, 6);
	assert_true(e.dirty);
	editor_backspace(&e);
	text_is(&e, "a" ZHONG GRIN "b");
	editor_backspace(&e);     /* the emoji, all four bytes */
	text_is(&e, "a" ZHONG "b");
	pos_is(&e, 0, 3);
	assert_int_equal(e.cursor, 4);
	editor_left(&e);          /* before 中 */
	editor_delete(&e);
	text_is(&e, "ab");
	pos_is(&e, 0, 1);
	check_invariants(&e);

	/* Delete takes a character with its combining marks. */
	editor_set_text(&e, "x" "e" COMB COMB "y");
	editor_doc_start(&e);
	editor_right(&e);
	editor_delete(&e);
	text_is(&e, "xy");
	pos_is(&e, 0, 1);
	editor_delete(&e);
	editor_delete(&e);        /* at the end: nothing */
	text_is(&e, "x");
	editor_backspace(&e);
	editor_backspace(&e);     /* at the start: nothing */
	text_is(&e, "");
	pos_is(&e, 0, 0);
	check_invariants(&e);
	editor_release(&e);
}

static void test_left_right_boundaries(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, "ab\ncd", 10);
	assert_int_equal(e.cursor, 5);
	editor_right(&e);
	assert_int_equal(e.cursor, 5);
	editor_left(&e);
	editor_left(&e);
	pos_is(&e, 1, 0);
	editor_left(&e);          /* across the newline, to the end of "ab" */
	pos_is(&e, 0, 2);
	assert_int_equal(e.cursor, 2);
	editor_right(&e);
	pos_is(&e, 1, 0);
	editor_doc_start(&e);
	editor_left(&e);
	assert_int_equal(e.cursor, 0);
	editor_doc_end(&e);
	assert_int_equal(e.cursor, 5);
	check_invariants(&e);

	/* A combining mark right after a newline is its own stop. */
	editor_set_text(&e, "a\n" COMB "b");
	editor_left(&e);
	editor_left(&e);
	assert_int_equal(e.cursor, 2);
	editor_left(&e);
	assert_int_equal(e.cursor, 1);
	editor_right(&e);
	editor_right(&e);
	assert_int_equal(e.cursor, 4);
	editor_release(&e);
}

static void test_newline_split(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, "hello world", 40);
	assert_false(e.dirty);
	repeat(&e, editor_left, 6);
	editor_newline(&e);
	text_is(&e, "hello\n world");
	pos_is(&e, 1, 0);
	assert_int_equal(editor_line_count(&e), 2);
	assert_true(e.dirty);
	editor_backspace(&e);     /* joins them again */
	text_is(&e, "hello world");
	pos_is(&e, 0, 5);
	editor_home(&e);
	editor_newline(&e);       /* at the start: an empty line before */
	text_is(&e, "\nhello world");
	pos_is(&e, 1, 0);
	editor_doc_end(&e);
	editor_newline(&e);       /* at the end: an empty line after */
	pos_is(&e, 2, 0);
	assert_int_equal(editor_line_count(&e), 3);
	check_invariants(&e);
	editor_release(&e);
}

/* ---- vertical moves ------------------------------------------------------ */

/* Width 10: "the quick " | "brown fox " | "jumps" || "over the " | "lazy dog" */
static const char fox[] = "the quick brown fox jumps\nover the lazy dog";

static void test_up_down_wrapped(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, fox, 10);
	assert_int_equal(editor_line_count(&e), 5);
	editor_doc_start(&e);
	repeat(&e, editor_right, 7);
	pos_is(&e, 0, 7);
	assert_int_equal(e.goal, EDITOR_NO_GOAL);
	editor_down(&e);
	pos_is(&e, 1, 7);
	assert_int_equal(e.goal, 7);
	assert_int_equal(e.cursor, 17);
	editor_down(&e);          /* "jumps" is shorter: its end */
	pos_is(&e, 2, 5);
	assert_int_equal(e.cursor, 25);
	editor_down(&e);          /* the next paragraph, back at the goal */
	pos_is(&e, 3, 7);
	assert_int_equal(e.cursor, 33);
	editor_down(&e);
	pos_is(&e, 4, 7);
	editor_down(&e);          /* down from the last line: the end */
	assert_int_equal(e.cursor, strlen(fox));
	pos_is(&e, 4, 8);
	editor_up(&e);
	pos_is(&e, 3, 7);
	editor_up(&e);
	editor_up(&e);
	editor_up(&e);
	pos_is(&e, 0, 7);
	editor_up(&e);            /* up from the first line: the start */
	assert_int_equal(e.cursor, 0);
	assert_int_equal(e.goal, 7);
	editor_down(&e);          /* the goal survives */
	pos_is(&e, 1, 7);
	check_invariants(&e);

	/* A goal past a wrapped line's end stops before its hanging space,
	 * which is the last position that is still on that line. */
	editor_end(&e);
	pos_is(&e, 1, 9);
	assert_int_equal(e.goal, EDITOR_NO_GOAL);
	editor_up(&e);
	pos_is(&e, 0, 9);
	assert_int_equal(e.cursor, 9);
	editor_right(&e);         /* after the hanging space: the next line */
	pos_is(&e, 1, 0);
	editor_left(&e);
	editor_down(&e);          /* the goal is 9 again */
	pos_is(&e, 1, 9);

	/* Horizontal moves and edits clear the goal. */
	editor_left(&e);
	assert_int_equal(e.goal, EDITOR_NO_GOAL);
	editor_down(&e);
	assert_int_equal(e.goal, 8);
	type(&e, "x");
	assert_int_equal(e.goal, EDITOR_NO_GOAL);
	check_invariants(&e);
	editor_release(&e);
}

static void test_goal_wide_straddle(void **state)
{
	(void)state;
	struct editor e;
	/* 中 spans columns 1-2 of the middle line. */
	editor_init(&e, "abcdef\na" ZHONG "b\nxyzxyz", 20);
	editor_doc_start(&e);
	repeat(&e, editor_right, 2);
	editor_down(&e);          /* goal 2 falls inside 中: stop before it */
	pos_is(&e, 1, 1);
	assert_int_equal(e.cursor, 8);
	editor_down(&e);          /* the goal is still 2 */
	pos_is(&e, 2, 2);
	editor_up(&e);
	editor_up(&e);
	pos_is(&e, 0, 2);
	/* Goal 3 is right after 中. */
	editor_right(&e);
	editor_down(&e);
	pos_is(&e, 1, 3);
	assert_int_equal(e.cursor, 11);

	/* Emoji and e + accent on the target line. */
	editor_set_text(&e, "0123456789\n" GRIN "e" COMB "x" GRIN "\n0123456789");
	editor_doc_start(&e);
	repeat(&e, editor_right, 3);
	editor_down(&e);          /* after the accent, never between */
	pos_is(&e, 1, 3);
	assert_int_equal(e.cursor, 11 + 4 + 3);
	editor_up(&e);
	editor_right(&e);         /* goal 5 is inside the second emoji */
	editor_right(&e);
	editor_down(&e);
	pos_is(&e, 1, 4);
	editor_down(&e);
	pos_is(&e, 2, 5);
	check_invariants(&e);
	editor_release(&e);
}

static void test_home_end_wrapped(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, fox, 10);
	editor_doc_start(&e);
	repeat(&e, editor_right, 3);
	editor_end(&e);           /* before the hanging space of "the quick " */
	assert_int_equal(e.cursor, 9);
	pos_is(&e, 0, 9);
	editor_end(&e);           /* stable */
	assert_int_equal(e.cursor, 9);
	editor_home(&e);
	assert_int_equal(e.cursor, 0);
	editor_set_cursor(&e, 12);
	editor_home(&e);
	pos_is(&e, 1, 0);
	assert_int_equal(e.cursor, 10);
	editor_end(&e);
	assert_int_equal(e.cursor, 19);
	editor_set_cursor(&e, 21);
	editor_end(&e);           /* a paragraph's last line: up to the newline */
	assert_int_equal(e.cursor, 25);
	pos_is(&e, 2, 5);
	editor_set_cursor(&e, 40);
	editor_home(&e);
	assert_int_equal(e.cursor, 35);
	editor_end(&e);
	assert_int_equal(e.cursor, strlen(fox));
	check_invariants(&e);

	/* A word broken inside: end stops before the line's last character. */
	editor_set_text(&e, "abcdefghijk");
	editor_set_width(&e, 5);
	editor_doc_start(&e);
	editor_end(&e);
	pos_is(&e, 0, 4);
	editor_down(&e);
	pos_is(&e, 1, 4);
	editor_down(&e);
	pos_is(&e, 2, 1);         /* "k" */

	/* Width 1 and wide characters. */
	editor_set_text(&e, ZHONG "a");
	editor_set_width(&e, 1);
	pos_is(&e, 1, 1);
	editor_left(&e);
	pos_is(&e, 1, 0);
	editor_up(&e);
	pos_is(&e, 0, 0);
	editor_end(&e);
	pos_is(&e, 0, 0);
	check_invariants(&e);
	editor_release(&e);
}

static void test_page_up_down(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < 30; i++)
		buf_addf(&b, "%sline %02d", i ? "\n" : "", i);
	struct editor e;
	editor_init(&e, buf_cstr(&b), 80);
	assert_int_equal(editor_line_count(&e), 30);
	editor_doc_start(&e);
	repeat(&e, editor_right, 3);
	editor_page_down(&e, 10);
	pos_is(&e, 9, 3);
	assert_int_equal(e.top, 9);
	editor_scroll(&e, 10);
	assert_int_equal(e.top, 9);
	editor_page_down(&e, 10);
	pos_is(&e, 18, 3);
	editor_page_down(&e, 10);
	pos_is(&e, 27, 3);
	editor_page_down(&e, 10); /* only two lines left */
	pos_is(&e, 29, 3);
	assert_int_equal(e.top, 29);
	editor_page_down(&e, 10); /* on the last line: the end */
	pos_is(&e, 29, 7);
	assert_int_equal(e.cursor, e.text.len);
	editor_page_up(&e, 10);   /* the goal column is kept */
	pos_is(&e, 20, 3);
	assert_int_equal(e.top, 20);
	editor_page_up(&e, 0);    /* rows 0 and 1 still move one line */
	pos_is(&e, 19, 3);
	editor_page_up(&e, 1);
	pos_is(&e, 18, 3);
	editor_page_up(&e, 2);
	pos_is(&e, 17, 3);
	editor_page_up(&e, 100);
	pos_is(&e, 0, 3);
	assert_int_equal(e.top, 0);
	editor_page_up(&e, 100);  /* on the first line: the start */
	assert_int_equal(e.cursor, 0);
	editor_page_down(&e, 100);
	pos_is(&e, 29, 3);
	check_invariants(&e);

	/* Across wrapped lines. */
	editor_set_text(&e, fox);
	editor_set_width(&e, 10);
	editor_doc_start(&e);
	repeat(&e, editor_right, 2);
	editor_page_down(&e, 4);
	pos_is(&e, 3, 2);
	editor_page_up(&e, 3);
	pos_is(&e, 1, 2);
	check_invariants(&e);
	editor_release(&e);
	buf_release(&b);
}

static void test_scroll(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < 30; i++)
		buf_addf(&b, "%d\n", i);
	struct editor e;
	editor_init(&e, buf_cstr(&b), 20);
	assert_int_equal(editor_line_count(&e), 31);
	editor_scroll(&e, 10);    /* cursor on row 30 */
	assert_int_equal(e.top, 21);
	editor_scroll(&e, 10);
	assert_int_equal(e.top, 21);
	repeat(&e, editor_up, 5);
	editor_scroll(&e, 10);    /* still visible: no move */
	assert_int_equal(e.top, 21);
	repeat(&e, editor_up, 5);
	editor_scroll(&e, 10);    /* row 20: one line up */
	assert_int_equal(e.top, 20);
	editor_doc_start(&e);
	editor_scroll(&e, 10);
	assert_int_equal(e.top, 0);
	editor_set_cursor(&e, 2 * 10);  /* "10" */
	editor_scroll(&e, 0);     /* 0 rows count as 1 */
	assert_int_equal(e.top, 10);
	/* Top past the last line (after a big delete) is pulled back. */
	e.top = 1000;
	editor_scroll(&e, 5);
	assert_true(e.top <= 10 && 10 < e.top + 5);
	editor_set_text(&e, "short");
	assert_int_equal(e.top, 0);
	editor_scroll(&e, 3);
	assert_int_equal(e.top, 0);
	check_invariants(&e);
	editor_release(&e);
	buf_release(&b);
}

/* ---- words --------------------------------------------------------------- */

static void test_words(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, "Hello, world! don't stop", 80);
	editor_doc_start(&e);
	size_t right[] = { 5, 12, 19, 24, 24 };
	for (size_t i = 0; i < sizeof(right) / sizeof(right[0]); i++) {
		editor_word_right(&e);
		assert_int_equal(e.cursor, right[i]);
	}
	size_t left[] = { 20, 14, 7, 0, 0 };
	for (size_t i = 0; i < sizeof(left) / sizeof(left[0]); i++) {
		editor_word_left(&e);
		assert_int_equal(e.cursor, left[i]);
	}
	/* Non-ASCII letters and CJK are word characters; punctuation is not;
	 * an accent stays with its letter. Words cross newlines. */
	editor_set_text(&e, "caf" E_ACUTE " " ZHONG WEN "\xe3\x80\x82 cafe" COMB "\n  x");
	editor_doc_start(&e);
	editor_word_right(&e);
	assert_int_equal(e.cursor, 5);
	editor_word_right(&e);
	assert_int_equal(e.cursor, 12);  /* stops before the CJK full stop */
	editor_word_right(&e);
	assert_int_equal(e.cursor, 22);  /* after the accent */
	editor_word_right(&e);
	assert_int_equal(e.cursor, 26);
	editor_word_left(&e);
	assert_int_equal(e.cursor, 25);
	editor_word_left(&e);            /* across the newline */
	assert_int_equal(e.cursor, 16);
	pos_is(&e, 0, 12);
	editor_word_left(&e);
	assert_int_equal(e.cursor, 6);
	assert_int_equal(e.goal, EDITOR_NO_GOAL);
	/* A quote that is not inside a word is punctuation. */
	editor_set_text(&e, "'quoted' it's");
	editor_doc_start(&e);
	editor_word_right(&e);
	assert_int_equal(e.cursor, 7);
	editor_word_right(&e);
	assert_int_equal(e.cursor, 13);
	check_invariants(&e);
	editor_release(&e);
}

/* ---- width --------------------------------------------------------------- */

static void test_set_width(void **state)
{
	(void)state;
	static const char t[] = "the quick brown fox jumps over the lazy dog";
	struct editor e;
	editor_init(&e, t, 80);
	editor_set_cursor(&e, 16);       /* the 'f' of fox */
	pos_is(&e, 0, 16);
	struct { size_t width, row, col; } steps[] = {
		{ 10, 1, 6 }, { 5, 3, 0 }, { 1, 13, 0 }, { 0, 13, 0 }, { 19, 0, 16 },
		{ 16, 1, 0 }, { 18, 1, 0 }, { 80, 0, 16 },
	};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		editor_set_width(&e, steps[i].width);
		assert_int_equal(e.cursor, 16);
		assert_int_equal(editor_text(&e)[e.cursor], 'f');
		pos_is(&e, steps[i].row, steps[i].col);
		check_invariants(&e);
	}
	assert_false(e.dirty);           /* re-wrapping is no edit */

	/* Multibyte text: the cursor stays before the same character. */
	editor_set_text(&e, ZHONG WEN GRIN "e" COMB " " ZHONG);
	editor_left(&e);
	editor_left(&e);
	editor_left(&e);                 /* before e + accent */
	size_t at = e.cursor;
	for (size_t w = 1; w <= 12; w++) {
		editor_set_width(&e, w);
		assert_int_equal(e.cursor, at);
		assert_int_equal(editor_text(&e)[e.cursor], 'e');
		check_invariants(&e);
	}
	editor_set_width(&e, 3);         /* 中 | 文 | 😀 + "e " | 中 */
	pos_is(&e, 2, 2);
	editor_set_width(&e, 2);         /* 中 | 文 | 😀 | "e " | 中 */
	pos_is(&e, 3, 0);
	editor_release(&e);
}

/* ---- sanitising ---------------------------------------------------------- */

static void test_sanitize(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, NULL, 40);
	editor_insert(&e, "a\tb", 3);
	text_is(&e, "a    b");
	pos_is(&e, 0, 6);
	editor_set_text(&e, NULL);
	editor_insert(&e, "x\r\ny\rz\n\r\n", 10);
	text_is(&e, "x\ny\nz\n\n");
	assert_int_equal(editor_line_count(&e), 5);
	editor_set_text(&e, NULL);
	editor_insert(&e, "\x01\x1b[31mred\x7f\x08!", 12);
	text_is(&e, "[31mred!");
	editor_set_text(&e, NULL);
	editor_insert(&e, "a\0b", 3);  /* a NUL is a control character too */
	text_is(&e, "ab");
	editor_set_text(&e, NULL);
	/* Invalid bytes: one U+FFFD each, one column each. */
	editor_insert(&e, "\xff" "a\xc3" "b\xe4\xb8" "\xc0\xaf" "\xed\xa0\x80", 11);
	text_is(&e, REPL "a" REPL "b" REPL REPL REPL REPL REPL REPL REPL);
	pos_is(&e, 0, 11);
	editor_set_text(&e, NULL);
	editor_insert(&e, "x\xc2\x85y\xc2\x9b" E_ACUTE, 8);  /* C1 controls */
	text_is(&e, "xy" E_ACUTE);
	/* Code points one at a time. */
	editor_set_text(&e, NULL);
	editor_insert_char(&e, '\t');
	editor_insert_char(&e, 0x07);
	editor_insert_char(&e, '\r');
	editor_insert_char(&e, 0xD800);    /* a surrogate */
	editor_insert_char(&e, 0x110000);  /* past Unicode */
	editor_insert_char(&e, 0x9F);
	editor_insert_char(&e, 0x4E2D);
	text_is(&e, "    \n" REPL REPL ZHONG);
	pos_is(&e, 1, 4);
	/* Whole texts too. */
	editor_set_text(&e, "t\tx\r\ny\x02");
	text_is(&e, "t    x\ny");
	struct editor f;
	editor_init(&f, "a\r\n\xff", 0);
	text_is(&f, "a\n" REPL);
	assert_false(f.dirty);
	assert_int_equal(f.width, 1);
	check_invariants(&f);
	editor_release(&f);
	/* An insert that is all control characters changes nothing. */
	editor_mark_clean(&e);
	editor_insert(&e, "\x01\x02", 2);
	editor_insert(&e, NULL, 0);
	editor_insert(&e, "", 0);
	assert_false(e.dirty);
	text_is(&e, "t    x\ny");
	/* The text may come from the editor itself. */
	editor_set_text(&e, editor_text(&e));
	text_is(&e, "t    x\ny");
	editor_doc_start(&e);
	editor_insert(&e, e.text.s, e.text.len);
	text_is(&e, "t    x\nyt    x\ny");
	check_invariants(&e);
	editor_release(&e);
}

/* ---- a big paste --------------------------------------------------------- */

static void test_paste_50k(void **state)
{
	(void)state;
	struct buf in = BUF_INIT, want = BUF_INIT;
	buf_adds(&want, "START ");
	for (int i = 0; in.len < 50 * 1024; i++) {
		buf_addf(&in, "Line %d: the quick brown fox " E_ACUTE " " ZHONG WEN " " GRIN
			 "\tend of a longer sentence that wraps\r\n", i);
		buf_addf(&want, "Line %d: the quick brown fox " E_ACUTE " " ZHONG WEN " " GRIN
			 "    end of a longer sentence that wraps\n", i);
	}
	buf_adds(&want, "END");
	struct editor e;
	editor_init(&e, "START END", 30);
	editor_set_cursor(&e, 6);
	clock_t t0 = clock();
	editor_insert(&e, in.s, in.len);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* Linear work takes milliseconds (tenths under valgrind); re-wrapping
	 * per character would take many seconds. */
	assert_true(secs < 2.0);
	text_is(&e, want.s);
	assert_int_equal(e.cursor, want.len - 3);
	assert_true(e.dirty);
	assert_true(editor_line_count(&e) > 1000);
	check_invariants(&e);
	editor_doc_start(&e);
	editor_page_down(&e, 50);
	check_invariants(&e);
	editor_doc_end(&e);
	editor_scroll(&e, 50);
	assert_int_equal(e.top, editor_line_count(&e) - 50);
	editor_release(&e);
	buf_release(&in);
	buf_release(&want);
}

/* ---- corner cases -------------------------------------------------------- */

static void every_call(struct editor *e)
{
	editor_left(e);
	editor_right(e);
	editor_up(e);
	editor_down(e);
	editor_home(e);
	editor_end(e);
	editor_page_up(e, 0);
	editor_page_down(e, 0);
	editor_page_up(e, 3);
	editor_page_down(e, 3);
	editor_word_left(e);
	editor_word_right(e);
	editor_doc_start(e);
	editor_doc_end(e);
	editor_scroll(e, 0);
	editor_scroll(e, 2);
	editor_set_cursor(e, (size_t)-1);
	check_invariants(e);
}

static void test_empty_and_newlines(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, NULL, 0);
	text_is(&e, "");
	assert_int_equal(editor_line_count(&e), 1);
	pos_is(&e, 0, 0);
	every_call(&e);
	editor_backspace(&e);
	editor_delete(&e);
	assert_false(e.dirty);
	pos_is(&e, 0, 0);
	editor_release(&e);

	editor_init(&e, "\n\n\n", 1);
	assert_int_equal(editor_line_count(&e), 4);
	pos_is(&e, 3, 0);
	editor_up(&e);
	pos_is(&e, 2, 0);
	assert_int_equal(e.cursor, 2);
	editor_end(&e);
	assert_int_equal(e.cursor, 2);
	editor_home(&e);
	assert_int_equal(e.cursor, 2);
	editor_up(&e);
	editor_up(&e);
	pos_is(&e, 0, 0);
	editor_down(&e);
	pos_is(&e, 1, 0);
	editor_delete(&e);
	text_is(&e, "\n\n");
	editor_word_right(&e);
	assert_int_equal(e.cursor, 2);
	editor_word_left(&e);
	assert_int_equal(e.cursor, 0);
	every_call(&e);
	editor_release(&e);

	/* Width 1: every character its own line, spaces hanging. */
	editor_init(&e, "a b  " ZHONG GRIN "\n\n" COMB "x", 1);
	every_call(&e);
	editor_doc_start(&e);
	for (int i = 0; i < 20; i++) {
		editor_down(&e);
		check_invariants(&e);
	}
	assert_int_equal(e.cursor, e.text.len);
	for (int i = 0; i < 20; i++) {
		editor_left(&e);
		editor_up(&e);
		check_invariants(&e);
	}
	editor_release(&e);

	/* Spaces only: one line whose spaces hang past the width. */
	editor_init(&e, "      ", 3);
	assert_int_equal(editor_line_count(&e), 1);
	pos_is(&e, 0, 6);
	every_call(&e);
	editor_release(&e);
}

static void test_dirty(void **state)
{
	(void)state;
	struct editor e;
	editor_init(&e, "abc", 10);
	assert_false(e.dirty);
	every_call(&e);
	editor_set_width(&e, 2);
	assert_false(e.dirty);
	editor_insert_char(&e, 'x');
	assert_true(e.dirty);
	editor_mark_clean(&e);
	assert_false(e.dirty);
	editor_backspace(&e);
	assert_true(e.dirty);
	editor_mark_clean(&e);
	editor_doc_end(&e);
	editor_delete(&e);
	assert_false(e.dirty);
	editor_newline(&e);
	assert_true(e.dirty);
	editor_mark_clean(&e);
	editor_set_text(&e, "abc");
	assert_true(e.dirty);
	assert_int_equal(e.cursor, 3);
	assert_int_equal(e.top, 0);
	editor_release(&e);
}

/* ---- random operations --------------------------------------------------- */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	/* xorshift64*: the same sequence everywhere. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32) % n;
}

static const char *const snippets[] = {
	"a", "b", " ", "  ", "word", "hello world ", "\n", "\n\n", "\t", "\r\n", "\r",
	E_ACUTE, ZHONG, WEN, GRIN, "e" COMB, COMB, ZHONG WEN GRIN,
	"\x01", "\x1b[1m", "\x7f", "\xff", "\xc3", "\xe4\xb8", "\xc2\x85", "don't ",
	"supercalifragilisticexpialidocious", "x\ty\r\nz", "\xed\xa0\x80", "\xef\xbf\xbd",
	"Line one\nLine two is a bit longer than the width\n", "      ",
};

static void test_random_ops(void **state)
{
	(void)state;
	struct editor e;
	rng_state = 0x9E3779B97F4A7C15ULL;
	editor_init(&e, "seed text\nwith two lines", 12);
	for (int step = 0; step < 20000; step++) {
		size_t before_row, before_col, row, col;
		size_t old_cursor = e.cursor, old_len = e.text.len;
		editor_cursor_pos(&e, &before_row, &before_col);
		uint32_t op = rnd(30);
		switch (op) {
		case 0: case 1: case 2: case 3: {
			const char *s = snippets[rnd((uint32_t)(sizeof(snippets) / sizeof(snippets[0])))];
			editor_insert(&e, s, strlen(s));
			assert_true(e.cursor >= old_cursor);
			assert_int_equal(e.text.len - old_len, e.cursor - old_cursor);
			assert_int_equal(e.goal, EDITOR_NO_GOAL);
			break;
		}
		case 4: {
			uint32_t cps[] = { 'a', ' ', '\t', '\n', '\r', 0, 0x1b, 0x7f, 0x85, 0xe9,
					   0x301, 0x4e2d, 0x1f600, 0xd800, 0x110000, 0xfffd };
			uint32_t cp = rnd(4) ? cps[rnd(16)] : rnd(0x110100);
			editor_insert_char(&e, cp);
			break;
		}
		case 5:
			editor_newline(&e);
			assert_int_equal(e.text.len, old_len + 1);
			break;
		case 6: case 7:
			editor_backspace(&e);
			assert_true(e.cursor <= old_cursor);
			assert_int_equal(old_len - e.text.len, old_cursor - e.cursor);
			break;
		case 8:
			editor_delete(&e);
			assert_int_equal(e.cursor, old_cursor);
			break;
		case 9: case 10:
			editor_left(&e);
			assert_true(e.cursor < old_cursor || old_cursor == 0);
			break;
		case 11: case 12:
			editor_right(&e);
			assert_true(e.cursor > old_cursor || old_cursor == e.text.len);
			break;
		case 13: case 14: case 15:
		case 16: case 17: case 18: {
			bool up = op < 16;
			size_t goal = e.goal == EDITOR_NO_GOAL ? before_col : e.goal;
			if (up)
				editor_up(&e);
			else
				editor_down(&e);
			assert_int_equal(e.goal, goal);
			editor_cursor_pos(&e, &row, &col);
			if (up && before_row == 0) {
				assert_int_equal(e.cursor, 0);
			} else if (!up && before_row == e.lay.n - 1) {
				assert_int_equal(e.cursor, e.text.len);
			} else {
				assert_int_equal(row, up ? before_row - 1 : before_row + 1);
				assert_true(col <= goal);
			}
			break;
		}
		case 19:
			editor_home(&e);
			editor_cursor_pos(&e, &row, &col);
			assert_int_equal(row, before_row);
			assert_int_equal(col, 0);
			break;
		case 20:
			editor_end(&e);
			editor_cursor_pos(&e, &row, &col);
			assert_int_equal(row, before_row);
			assert_true(col >= before_col);
			break;
		case 21: {
			size_t rows = rnd(12);
			if (rnd(2))
				editor_page_up(&e, rows);
			else
				editor_page_down(&e, rows);
			break;
		}
		case 22:
			if (rnd(2))
				editor_word_left(&e);
			else
				editor_word_right(&e);
			break;
		case 23:
			editor_set_width(&e, rnd(40));
			assert_int_equal(e.cursor, old_cursor);
			break;
		case 24:
			editor_set_cursor(&e, rnd((uint32_t)e.text.len + 3));
			break;
		case 25:
			if (rnd(2))
				editor_doc_start(&e);
			else
				editor_doc_end(&e);
			break;
		case 26:
			editor_mark_clean(&e);
			break;
		case 27:
			/* Keep the text small enough to check quickly. */
			if (e.text.len > 3000 || rnd(50) == 0)
				editor_set_text(&e, rnd(4) ? "fresh start\n" : NULL);
			break;
		default:
			break;
		}
		check_invariants(&e);
		size_t rows = 1 + rnd(8);
		editor_scroll(&e, rows);
		editor_cursor_pos(&e, &row, &col);
		assert_true(e.top < e.lay.n);
		assert_true(e.top <= row && row < e.top + rows);
	}
	editor_release(&e);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_ascii_utf8),
		cmocka_unit_test(test_backspace_delete_multibyte),
		cmocka_unit_test(test_left_right_boundaries),
		cmocka_unit_test(test_newline_split),
		cmocka_unit_test(test_up_down_wrapped),
		cmocka_unit_test(test_goal_wide_straddle),
		cmocka_unit_test(test_home_end_wrapped),
		cmocka_unit_test(test_page_up_down),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_set_width),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_paste_50k),
		cmocka_unit_test(test_empty_and_newlines),
		cmocka_unit_test(test_dirty),
		cmocka_unit_test(test_random_ops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
