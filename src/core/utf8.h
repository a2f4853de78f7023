/* utf8.h - UTF-8 decoding, character boundaries and display widths.
 *
 * Invalid bytes are never fatal: each one counts as a single character of
 * width 1 (drawn as U+FFFD), so that a cursor can always move past it.
 * Widths come from wcwidth() in the current locale (as ncurses uses them).
 */
#ifndef LPCOACH_UTF8_H
#define LPCOACH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 when invalid. */
size_t utf8_valid_len(const char *s, size_t n);
/* Decode one character at s: returns its length (at least 1 when n > 0)
 * and stores the code point (UTF8_REPLACEMENT for an invalid byte). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Is s[0..n) valid UTF-8? On failure *bad is the first bad byte's offset. */
bool utf8_validate(const char *s, size_t n, size_t *bad);

/* Columns of a code point on a terminal: 0 (combining), 1 or 2. Control
 * characters count as 1 (they are drawn escaped). */
int utf8_cp_width(uint32_t cp);
/* Display columns of s[0..n). */
size_t utf8_width(const char *s, size_t n);
/* Number of characters in s[0..n). */
size_t utf8_count(const char *s, size_t n);
/* Offset of the character after / before the one at i. */
size_t utf8_next(const char *s, size_t n, size_t i);
size_t utf8_prev(const char *s, size_t i);
/* The longest prefix of s[0..n) that fits in cols columns, in bytes. */
size_t utf8_fit(const char *s, size_t n, size_t cols);

#endif
