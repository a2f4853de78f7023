/* rx.c - PCRE2 with JIT, limits and prefix-sharing word lists. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"
#include "buf.h"
#include "utf8.h"
#include "util.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rx_matcher {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;
};

struct rx_matcher *rx_matcher_new(void)
{
	struct rx_matcher *m = xcalloc(1, sizeof(*m));
	m->md = pcre2_match_data_create(16, NULL);
	m->mctx = pcre2_match_context_create(NULL);
	m->stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (!m->md || !m->mctx)
		xmalloc((size_t)-1); /* out of memory */
	pcre2_set_match_limit(m->mctx, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(m->mctx, RX_HEAP_LIMIT);
	if (m->stack)
		pcre2_jit_stack_assign(m->mctx, NULL, m->stack);
	return m;
}

void rx_matcher_free(struct rx_matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->stack);
	free(m);
}

static uint32_t options(unsigned flags)
{
	uint32_t o = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C;
	if (flags & RX_CASELESS)
		o |= PCRE2_CASELESS;
	if (flags & RX_UCP)
		o |= PCRE2_UCP;
	return o;
}

static void set_error(struct rx_error *err, int code, size_t offset, const char *pattern)
{
	PCRE2_UCHAR msg[sizeof(err->msg)];
	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		strcpy((char *)msg, "invalid pattern");
	strcpy(err->msg, (const char *)msg);
	/* PCRE2 reports a code-unit (byte) offset: give characters. */
	err->offset = pattern ? utf8_count(pattern, offset) : offset;
}

static void push(struct rx *rx, pcre2_code *code, bool jit)
{
	rx->code = xrealloc(rx->code, (rx->n + 1) * sizeof(*rx->code));
	rx->jit = xrealloc(rx->jit, (rx->n + 1) * sizeof(*rx->jit));
	rx->jit[rx->n] = jit;
	rx->code[rx->n++] = code;
}

/* One match attempt; the JIT's own entry point skips the checks
 * pcre2_match() makes on every call. */
static int match(const struct rx *rx, size_t k, const char *text, size_t len, size_t start,
		 struct rx_matcher *m)
{
	if (rx->jit[k])
		return pcre2_jit_match(rx->code[k], (PCRE2_SPTR)text, len, start, 0, m->md, m->mctx);
	return pcre2_match(rx->code[k], (PCRE2_SPTR)text, len, start, 0, m->md, m->mctx);
}

/* Compile one pattern; *too_large tells the caller to split a word list. */
static pcre2_code *compile(const char *pattern, size_t len, unsigned flags, struct rx_error *err,
			   bool *too_large, bool *jitted)
{
	int code;
	PCRE2_SIZE off;
	*too_large = false;
	*jitted = false;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, len, options(flags), &code, &off, NULL);
	if (!c) {
		*too_large = code == PCRE2_ERROR_PATTERN_TOO_LARGE;
		set_error(err, code, off, pattern);
		return NULL;
	}
	/* JIT where available; without it the interpreter runs under the
	 * same limits. LPCOACH_NO_JIT=1 turns it off (valgrind cannot follow
	 * JIT-generated code and reports false errors in it). */
	static int jit = -1;
	if (jit < 0) {
		const char *e = getenv("LPCOACH_NO_JIT");
		jit = !(e && *e && strcmp(e, "0") != 0);
	}
	if (jit)
		*jitted = pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0;
	return c;
}

int rx_compile(struct rx *rx, const char *pattern, unsigned flags, struct rx_error *err)
{
	bool big, jitted;
	memset(rx, 0, sizeof(*rx));
	if (utf8_count(pattern, strlen(pattern)) > RX_MAX_PATTERN) {
		err->offset = RX_MAX_PATTERN;
		snprintf(err->msg, sizeof(err->msg), "pattern longer than %d characters",
			 RX_MAX_PATTERN);
		return -1;
	}
	pcre2_code *c = compile(pattern, strlen(pattern), flags, err, &big, &jitted);
	if (!c)
		return -1;
	push(rx, c, jitted);
	return 0;
}

/* A trie of code points; the space character stands for "\s+". */
struct trie {
	uint32_t cp;
	bool end;
	struct trie **kids;
	size_t n;
};

static void trie_free(struct trie *t)
{
	for (size_t i = 0; i < t->n; i++)
		trie_free(t->kids[i]);
	free(t->kids);
	free(t);
}

static void trie_add(struct trie *t, const char *s, bool caseless)
{
	size_t len = strlen(s), i = 0;
	bool space = false;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == ' ' || cp == '\t' || cp == '\n') {
			space = true;
			continue;
		}
		if (space) { /* runs of white space become one space node */
			space = false;
			uint32_t sp = ' ';
			struct trie *k = NULL;
			for (size_t j = 0; j < t->n && !k; j++)
				if (t->kids[j]->cp == sp)
					k = t->kids[j];
			if (!k) {
				k = xcalloc(1, sizeof(*k));
				k->cp = sp;
				t->kids = xrealloc(t->kids, (t->n + 1) * sizeof(*t->kids));
				t->kids[t->n++] = k;
			}
			t = k;
		}
		if (caseless && cp < 0x80 && cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		struct trie *k = NULL;
		for (size_t j = 0; j < t->n && !k; j++)
			if (t->kids[j]->cp == cp)
				k = t->kids[j];
		if (!k) {
			k = xcalloc(1, sizeof(*k));
			k->cp = cp;
			t->kids = xrealloc(t->kids, (t->n + 1) * sizeof(*t->kids));
			t->kids[t->n++] = k;
		}
		t = k;
	}
	t->end = true;
}

static void emit_cp(struct buf *b, uint32_t cp)
{
	char tmp[4];
	if (cp == ' ') {
		buf_adds(b, "\\s+");
	} else if (cp < 0x80 && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
				  (cp >= '0' && cp <= '9'))) {
		buf_addf(b, "\\x{%x}", cp); /* any other ASCII is matched literally */
	} else {
		buf_add(b, tmp, utf8_encode(cp, tmp));
	}
}

static void trie_emit(const struct trie *t, struct buf *b)
{
	/* A chain of single children is written out plainly. */
	while (t->n == 1 && !t->end) {
		t = t->kids[0];
		emit_cp(b, t->cp);
	}
	if (t->n == 0)
		return;
	bool group = t->n > 1 || t->end;
	if (group)
		buf_adds(b, "(?:");
	for (size_t i = 0; i < t->n; i++) {
		if (i)
			buf_addc(b, '|');
		emit_cp(b, t->kids[i]->cp);
		trie_emit(t->kids[i], b);
	}
	if (group)
		buf_adds(b, t->end ? ")?" : ")");
}

static int cmp_cp(const void *a, const void *b)
{
	uint32_t x = (*(struct trie *const *)a)->cp, y = (*(struct trie *const *)b)->cp;
	return x < y ? -1 : x > y;
}

static void trie_sort(struct trie *t)
{
	if (t->n > 1)
		qsort(t->kids, t->n, sizeof(*t->kids), cmp_cp);
	for (size_t i = 0; i < t->n; i++)
		trie_sort(t->kids[i]);
}

char *rx_tokens_pattern(const char *const *tokens, size_t n, bool caseless)
{
	struct trie *root = xcalloc(1, sizeof(*root));
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		if (tokens[i][0])
			trie_add(root, tokens[i], caseless);
	trie_sort(root);
	/* Whole words: no letter, digit or underscore on either side. */
	buf_adds(&b, "(?<![\\w])(?:");
	for (size_t i = 0; i < root->n; i++) {
		if (i)
			buf_addc(&b, '|');
		emit_cp(&b, root->kids[i]->cp);
		trie_emit(root->kids[i], &b);
	}
	buf_adds(&b, ")(?![\\w])");
	trie_free(root);
	return buf_detach(&b, NULL);
}

static int compile_tokens(struct rx *rx, const char *const *tokens, size_t n, unsigned flags,
			  struct rx_error *err)
{
	char *p = rx_tokens_pattern(tokens, n, flags & RX_CASELESS);
	bool big, jitted;
	pcre2_code *c = compile(p, strlen(p), flags, err, &big, &jitted);
	free(p);
	if (c) {
		push(rx, c, jitted);
		return 0;
	}
	if (!big || n < 2)
		return -1;
	/* Too large for one compiled pattern: split the list in two. */
	size_t h = n / 2;
	if (compile_tokens(rx, tokens, h, flags, err) < 0)
		return -1;
	return compile_tokens(rx, tokens + h, n - h, flags, err);
}

int rx_compile_tokens(struct rx *rx, const char *const *tokens, size_t n, unsigned flags,
		      struct rx_error *err)
{
	memset(rx, 0, sizeof(*rx));
	if (n == 0) {
		err->offset = 0;
		snprintf(err->msg, sizeof(err->msg), "the token list is empty");
		return -1;
	}
	if (compile_tokens(rx, tokens, n, flags, err) < 0) {
		rx_release(rx);
		return -1;
	}
	return 0;
}

void rx_release(struct rx *rx)
{
	for (size_t i = 0; i < rx->n; i++)
		pcre2_code_free(rx->code[i]);
	free(rx->code);
	free(rx->jit);
	memset(rx, 0, sizeof(*rx));
}

long rx_each(const struct rx *rx, struct rx_matcher *m, const char *text, size_t len,
	     rx_match_fn fn, void *ctx)
{
	long count = 0;
	for (size_t k = 0; k < rx->n; k++) {
		size_t pos = 0;
		while (pos <= len) {
			int rc = match(rx, k, text, len, pos, m);
			if (rc == PCRE2_ERROR_NOMATCH)
				break;
			if (rc < 0)
				return RX_LIMIT;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
			size_t s = ov[0], e = ov[1];
			count++;
			if (fn && !fn(ctx, s, e))
				return count;
			/* An empty match moves on by one character. */
			pos = e > s ? e : utf8_next(text, len, e);
			if (e == len && e == s)
				break;
		}
	}
	return count;
}

int rx_search(const struct rx *rx, struct rx_matcher *m, const char *text, size_t len)
{
	for (size_t k = 0; k < rx->n; k++) {
		int rc = match(rx, k, text, len, 0, m);
		if (rc >= 0)
			return RX_MATCH;
		if (rc != PCRE2_ERROR_NOMATCH)
			return RX_LIMIT;
	}
	return RX_NOMATCH;
}
