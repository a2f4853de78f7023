/* json.h - a small streaming JSON writer into a struct buf.
 *
 * Commas and indentation are handled by the writer: call json_key() before
 * each member of an object. Strings are escaped; invalid UTF-8 becomes
 * U+FFFD so that the output is always valid JSON.
 */
#ifndef LPCOACH_JSON_H
#define LPCOACH_JSON_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

#define JSON_MAX_DEPTH 32

struct json {
	struct buf *out;
	int depth;
	bool first[JSON_MAX_DEPTH];
	bool after_key;
};

void json_start(struct json *j, struct buf *out);
void json_obj_start(struct json *j);
void json_obj_end(struct json *j);
void json_arr_start(struct json *j);
void json_arr_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, long long v);
void json_double(struct json *j, double v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Finish the document with a newline. */
void json_finish(struct json *j);

/* Append s as a quoted, escaped JSON string. */
void json_escape(struct buf *out, const char *s, size_t len);

#endif
