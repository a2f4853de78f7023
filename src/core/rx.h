/* rx.h - PCRE2 patterns as lint uses them: compiled once, with JIT, in UTF
 * mode, safe against hostile patterns and text.
 *
 * Every pattern is compiled with PCRE2_UTF, PCRE2_MATCH_INVALID_UTF (invalid
 * UTF-8 in a story never matches and never breaks matching),
 * PCRE2_NEVER_BACKSLASH_C and, on request, PCRE2_CASELESS and PCRE2_UCP.
 * Matching runs under match, depth and heap limits, so a pathological
 * pattern ends in an error (RX_LIMIT) instead of a hang. A word list too big
 * for one compiled pattern is split into several.
 *
 * struct rx owns its compiled patterns; rx_release() frees them.
 */
#ifndef LPCOACH_RX_H
#define LPCOACH_RX_H

#include <stdbool.h>
#include <stddef.h>

#define RX_MAX_PATTERN 8192   /* characters in a user's pattern */
#define RX_MATCH_LIMIT 100000 /* backtracking steps per match call */
#define RX_DEPTH_LIMIT 2000
#define RX_HEAP_LIMIT 8192    /* KiB */

enum rx_flags {
	RX_CASELESS = 1 << 0,
	RX_UCP = 1 << 1, /* Unicode properties for \w, \d, \b */
};

struct rx {
	void **code; /* pcre2_code * */
	bool *jit;   /* per code: compiled by the JIT */
	size_t n;
};

struct rx_error {
	size_t offset; /* in the pattern, in characters */
	char msg[160];
};

/* Compile a pattern. Returns -1 and fills err when it does not compile. */
int rx_compile(struct rx *rx, const char *pattern, unsigned flags, struct rx_error *err);
/* Compile a word list as one alternation (or a few) sharing prefixes, each
 * token a whole word or phrase; a space in a token matches any white space. */
int rx_compile_tokens(struct rx *rx, const char *const *tokens, size_t n, unsigned flags,
		      struct rx_error *err);
/* The pattern text rx_compile_tokens() would compile (caller frees). */
char *rx_tokens_pattern(const char *const *tokens, size_t n, bool caseless);
void rx_release(struct rx *rx);

enum { RX_NOMATCH = 0, RX_MATCH = 1, RX_LIMIT = -1 };

/* Per-thread matching state: match data, limits and a JIT stack. */
struct rx_matcher;
struct rx_matcher *rx_matcher_new(void);
void rx_matcher_free(struct rx_matcher *m);

/* Call fn for every match of rx in text[0..len), in order within each
 * compiled piece; fn returns false to stop. Returns the number of matches,
 * or RX_LIMIT when a limit was hit (matches found before it were given). */
typedef bool (*rx_match_fn)(void *ctx, size_t start, size_t end);
long rx_each(const struct rx *rx, struct rx_matcher *m, const char *text, size_t len,
	     rx_match_fn fn, void *ctx);
/* Does rx match anywhere? RX_MATCH, RX_NOMATCH or RX_LIMIT. */
int rx_search(const struct rx *rx, struct rx_matcher *m, const char *text, size_t len);

#endif
