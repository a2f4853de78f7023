/* json.c - streaming JSON output. */
#include "json.h"
#include "buf.h"
#include "utf8.h"

#include <math.h>
#include <string.h>

void json_start(struct json *j, struct buf *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->first[0] = true;
}

static void indent(struct json *j)
{
	buf_addc(j->out, '\n');
	buf_pad(j->out, ' ', (size_t)j->depth * 2);
}

/* Separator and indentation before a value or a key. */
static void before(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (!j->first[j->depth])
			buf_addc(j->out, ',');
		indent(j);
	}
	j->first[j->depth] = false;
}

static void open_(struct json *j, char c)
{
	before(j);
	buf_addc(j->out, c);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->first[j->depth] = true;
}

static void close_(struct json *j, char c)
{
	bool empty = j->first[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (!empty)
		indent(j);
	buf_addc(j->out, c);
}

void json_obj_start(struct json *j) { open_(j, '{'); }
void json_obj_end(struct json *j) { close_(j, '}'); }
void json_arr_start(struct json *j) { open_(j, '['); }
void json_arr_end(struct json *j) { close_(j, ']'); }

void json_escape(struct buf *out, const char *s, size_t len)
{
	buf_addc(out, '"');
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': buf_adds(out, "\\\""); break;
			case '\\': buf_adds(out, "\\\\"); break;
			case '\n': buf_adds(out, "\\n"); break;
			case '\r': buf_adds(out, "\\r"); break;
			case '\t': buf_adds(out, "\\t"); break;
			default:
				if (c < 0x20 || c == 0x7F)
					buf_addf(out, "\\u%04x", c);
				else
					buf_addc(out, (char)c);
			}
			i++;
			continue;
		}
		size_t n = utf8_valid_len(s + i, len - i);
		if (n == 0) {
			buf_adds(out, "\\ufffd");
			i++;
		} else {
			buf_add(out, s + i, n);
			i += n;
		}
	}
	buf_addc(out, '"');
}

void json_key(struct json *j, const char *key)
{
	before(j);
	json_escape(j->out, key, strlen(key));
	buf_adds(j->out, ": ");
	j->after_key = true;
}

void json_str(struct json *j, const char *s)
{
	before(j);
	if (s)
		json_escape(j->out, s, strlen(s));
	else
		buf_adds(j->out, "null");
}

void json_int(struct json *j, long long v)
{
	before(j);
	buf_addf(j->out, "%lld", v);
}

void json_double(struct json *j, double v)
{
	before(j);
	if (isfinite(v))
		buf_addf(j->out, "%.4g", v);
	else
		buf_adds(j->out, "null");
}

void json_bool(struct json *j, bool v)
{
	before(j);
	buf_adds(j->out, v ? "true" : "false");
}

void json_null(struct json *j)
{
	before(j);
	buf_adds(j->out, "null");
}

void json_finish(struct json *j)
{
	buf_addc(j->out, '\n');
}
