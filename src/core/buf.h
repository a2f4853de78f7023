/* buf.h - a growable byte buffer, always NUL-terminated once used.
 *
 * A struct buf owns its storage; buf_release() frees it, buf_detach() hands
 * it to the caller (who frees it). BUF_INIT is a valid empty buffer.
 */
#ifndef LPCOACH_BUF_H
#define LPCOACH_BUF_H

#include <stddef.h>

struct buf {
	char *s;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append c n times. */
void buf_pad(struct buf *b, char c, size_t n);
void buf_truncate(struct buf *b, size_t len);
/* The contents as a C string ("" for a never-used buffer); owned by b. */
const char *buf_cstr(const struct buf *b);
/* Take the storage: caller frees; b is left empty. */
char *buf_detach(struct buf *b, size_t *len);
void buf_release(struct buf *b);

#endif
