/* buf.c - a growable byte buffer. */
#include "buf.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 < b->len)
		xmalloc((size_t)-1); /* overflow: out of memory */
	void *s = b->s;
	xgrow(&s, &b->cap, b->len + extra + 1, 1);
	b->s = s;
}

void buf_add(struct buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, data, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_pad(struct buf *b, char c, size_t n)
{
	buf_grow(b, n);
	memset(b->s + b->len, c, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, cp);
	va_end(cp);
	if (n < 0) {
		va_end(ap);
		return;
	}
	if ((size_t)n < sizeof(tmp)) {
		buf_add(b, tmp, (size_t)n);
	} else {
		buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
	va_end(ap);
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->s[len] = '\0';
	}
}

const char *buf_cstr(const struct buf *b)
{
	return b->s ? b->s : "";
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *s = b->s ? b->s : xstrdup("");
	if (len)
		*len = b->len;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void buf_release(struct buf *b)
{
	xfree(&b->s);
	b->len = b->cap = 0;
}
