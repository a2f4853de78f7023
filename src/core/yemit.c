/* yemit.c - YAML output through libyaml's emitter. */
#include "yemit.h"
#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "util.h"

#include <string.h>

static int write_handler(void *data, unsigned char *bytes, size_t size)
{
	buf_add(data, bytes, size);
	return 1;
}

static void emit(struct yemit *y, yaml_event_t *ev, int ok)
{
	if (y->failed) {
		if (ok)
			yaml_event_delete(ev);
		return;
	}
	if (!ok || !yaml_emitter_emit(&y->e, ev)) {
		y->failed = true;
		y->problem = y->e.problem ? y->e.problem : "cannot write YAML";
	}
}

void yemit_start(struct yemit *y, struct buf *out)
{
	yaml_event_t ev;
	memset(y, 0, sizeof(*y));
	y->out = out;
	if (!yaml_emitter_initialize(&y->e)) {
		y->failed = true;
		y->problem = "out of memory";
		return;
	}
	yaml_emitter_set_output(&y->e, write_handler, out);
	yaml_emitter_set_unicode(&y->e, 1);
	yaml_emitter_set_width(&y->e, -1);
	yaml_emitter_set_indent(&y->e, 2);
	yaml_emitter_set_break(&y->e, YAML_LN_BREAK);
	emit(y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
}

/* Would a plain scalar with this text read back as something other than
 * the same string (YAML 1.1 and 1.2 core schema)? */
static bool plain_is_ambiguous(const char *s)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
		"FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
		"off", "Off", "OFF", "y", "Y", "n", "N", ".nan", ".NaN", ".NAN",
		".inf", ".Inf", ".INF", "-.inf", "+.inf",
	};
	if (!*s)
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	/* Anything that starts like a number (digits, signs, dots) and is
	 * made of number characters only. */
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!*p)
		return false;
	for (; *p; p++)
		if (!strchr("0123456789._:eExXoObBabcdefABCDEF+-", *p))
			return false;
	return s[0] == '.' || s[0] == '+' || s[0] == '-' || (s[0] >= '0' && s[0] <= '9');
}

static yaml_scalar_style_t to_yaml_style(enum ystyle s)
{
	switch (s) {
	case YSTYLE_SINGLE: return YAML_SINGLE_QUOTED_SCALAR_STYLE;
	case YSTYLE_DOUBLE: return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	case YSTYLE_LITERAL: return YAML_LITERAL_SCALAR_STYLE;
	case YSTYLE_FOLDED: return YAML_FOLDED_SCALAR_STYLE;
	case YSTYLE_PLAIN: break;
	}
	return YAML_ANY_SCALAR_STYLE;
}

void yemit_text(struct yemit *y, const char *s, enum ystyle style)
{
	yaml_event_t ev;
	yaml_scalar_style_t st = to_yaml_style(style);
	if (style == YSTYLE_PLAIN && plain_is_ambiguous(s))
		st = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s,
						  (int)strlen(s), 1, 1, st));
}

void yemit_date(struct yemit *y, const char *s)
{
	yaml_event_t ev;
	emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s,
						  (int)strlen(s), 1, 1, YAML_PLAIN_SCALAR_STYLE));
}

void yemit_seq_start(struct yemit *y, bool flow)
{
	yaml_event_t ev;
	emit(y, &ev, yaml_sequence_start_event_initialize(
			     &ev, NULL, NULL, 1,
			     flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

void yemit_seq_end(struct yemit *y)
{
	yaml_event_t ev;
	emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
}

void yemit_map_start(struct yemit *y)
{
	yaml_event_t ev;
	emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
							 YAML_BLOCK_MAPPING_STYLE));
}

void yemit_map_end(struct yemit *y)
{
	yaml_event_t ev;
	emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
}

void yemit_node(struct yemit *y, const struct ynode *n)
{
	yaml_event_t ev;
	const yaml_char_t *tag = (const yaml_char_t *)n->tag;
	int implicit = n->tag == NULL;

	switch (n->kind) {
	case YNODE_SCALAR:
		emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, tag, (const yaml_char_t *)n->str,
							  (int)n->len, implicit, implicit,
							  to_yaml_style(n->style)));
		break;
	case YNODE_SEQ:
		emit(y, &ev, yaml_sequence_start_event_initialize(
				     &ev, NULL, tag, implicit,
				     n->flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
		for (size_t i = 0; i < n->n; i++)
			yemit_node(y, n->kids[i]);
		yemit_seq_end(y);
		break;
	case YNODE_MAP:
		emit(y, &ev, yaml_mapping_start_event_initialize(
				     &ev, NULL, tag, implicit,
				     n->flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
		for (size_t i = 0; i < n->n; i++)
			yemit_node(y, n->kids[i]);
		yemit_map_end(y);
		break;
	}
}

int yemit_finish(struct yemit *y, const char *file, struct diag_list *dl)
{
	yaml_event_t ev;
	emit(y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(y, &ev, yaml_stream_end_event_initialize(&ev));
	if (!y->failed && !yaml_emitter_flush(&y->e)) {
		y->failed = true;
		y->problem = "cannot write YAML";
	}
	yaml_emitter_delete(&y->e);
	if (y->failed) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "cannot write YAML: %s", y->problem);
		return -1;
	}
	return 0;
}

/* Characters YAML cannot carry unescaped: C0 and C1 controls (but tab and
 * newline), DEL, surrogates, U+FEFF, U+FFFE, U+FFFF, invalid UTF-8. */
static bool needs_escape(uint32_t cp, size_t len)
{
	if (len == 0)
		return true;
	if (cp < 0x20)
		return cp != '\t' && cp != '\n';
	return cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFEFF || cp == 0xFFFE ||
	       cp == 0xFFFF;
}

static void double_quoted(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	buf_addc(out, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_valid_len(s + i, n - i);
		size_t step = utf8_decode(s + i, n - i, &cp);
		if (cp == '"' || cp == '\\')
			buf_addf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			buf_adds(out, "\\n");
		else if (cp == '\t')
			buf_adds(out, "\\t");
		else if (len == 0)
			buf_adds(out, "\\uFFFD"); /* an invalid byte cannot be written */
		else if (needs_escape(cp, len))
			buf_addf(out, cp < 0x100 ? "\\x%02X" : "\\u%04X", cp);
		else
			buf_add(out, s + i, step);
		i += step;
	}
	buf_addc(out, '"');
}

static bool plain_ok(const char *s, bool in_flow)
{
	size_t n = strlen(s);
	if (n == 0 || plain_is_ambiguous(s) || strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) ||
	    s[n - 1] == ' ' || s[n - 1] == ':')
		return false;
	if (strstr(s, ": ") || strstr(s, " #"))
		return false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_valid_len(s + i, n - i);
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == '\n' || cp == '\t' || needs_escape(cp, len))
			return false;
		if (in_flow && strchr(",[]{}", (int)cp) && cp < 0x80)
			return false;
	}
	return true;
}

void yemit_inline(struct buf *out, const char *s, bool in_flow)
{
	if (plain_ok(s, in_flow))
		buf_adds(out, s);
	else
		double_quoted(out, s);
}

static bool literal_ok(const char *s)
{
	size_t n = strlen(s);
	if (strspn(s, "\n") == n) /* nothing but newlines: no block can say so */
		return false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_valid_len(s + i, n - i);
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == '\t' || needs_escape(cp, len) || cp == '\r')
			return false;
	}
	/* A line of spaces only would be read as indentation. */
	for (const char *p = s; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		size_t sp = 0;
		while (sp < len && p[sp] == ' ')
			sp++;
		if (len > 0 && sp == len)
			return false;
		p += e ? len + 1 : len;
	}
	return true;
}

void yemit_block_field(struct buf *out, const char *key, const char *text)
{
	buf_addf(out, "%s: ", key);
	if (!literal_ok(text)) {
		double_quoted(out, text);
		buf_addc(out, '\n');
		return;
	}
	size_t n = strlen(text), nl = 0;
	while (nl < n && text[n - 1 - nl] == '\n')
		nl++;
	/* The first line with text must not start with a space, or its
	 * indentation would be taken for the block's. */
	const char *first = text;
	while (*first == '\n')
		first++;
	buf_addc(out, '|');
	if (*first == ' ')
		buf_addc(out, '2');
	if (nl == 0)
		buf_addc(out, '-');
	else if (nl > 1)
		buf_addc(out, '+');
	buf_addc(out, '\n');
	/* Each line indented by two; the final newlines are the chomping's. */
	size_t body = n - (nl ? nl : 0);
	for (size_t i = 0; i < body;) {
		const char *e = memchr(text + i, '\n', body - i);
		size_t len = e ? (size_t)(e - (text + i)) : body - i;
		if (len)
			buf_adds(out, "  ");
		buf_add(out, text + i, len);
		buf_addc(out, '\n');
		i += len + 1;
		if (!e)
			break;
	}
	/* Kept trailing newlines beyond the first are empty lines. */
	for (size_t k = 1; k < nl; k++)
		buf_addc(out, '\n');
}
