/* utf8.c - UTF-8 and display widths. */
#include "utf8.h"

#include <wchar.h>

size_t utf8_valid_len(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	size_t len;
	uint32_t min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	uint32_t cp = c & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = utf8_valid_len(str, n);
	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (len == 0) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len == 1) {
		*cp = s[0];
		return 1;
	}
	uint32_t c = s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++)
		c = (c << 6) | (s[i] & 0x3F);
	*cp = c;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_validate(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		size_t l = utf8_valid_len(s + i, n - i);
		if (l == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += l;
	}
	return true;
}

int utf8_cp_width(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F)
		return 1;
	if (cp < 0x7F)
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

size_t utf8_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)utf8_cp_width(cp);
	}
	return w;
}

size_t utf8_count(const char *s, size_t n)
{
	size_t c = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		c++;
	}
	return c;
}

size_t utf8_next(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return n;
	uint32_t cp;
	return i + utf8_decode(s + i, n - i, &cp);
}

size_t utf8_prev(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	/* Step back over at most three continuation bytes, then check that
	 * the sequence found really ends at i; otherwise the byte is lone. */
	size_t j = i - 1, k = 0;
	while (j > 0 && k < 3 && ((unsigned char)s[j] & 0xC0) == 0x80) {
		j--;
		k++;
	}
	if (utf8_valid_len(s + j, i - j) == i - j)
		return j;
	return i - 1;
}

size_t utf8_fit(const char *s, size_t n, size_t cols)
{
	size_t w = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)utf8_cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += l;
	}
	return i;
}
