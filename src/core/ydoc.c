/* ydoc.c - a defensive YAML document tree on top of libyaml's event parser. */
#include "ydoc.h"
#include "diag.h"
#include "fsutil.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct ynode *ynode_new(enum ynode_kind kind)
{
	struct ynode *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	return n;
}

struct ynode *ynode_new_scalar(const char *s, enum ystyle style)
{
	struct ynode *n = ynode_new(YNODE_SCALAR);
	n->len = strlen(s);
	n->str = xstrndup(s, n->len);
	n->style = style;
	return n;
}

void ynode_append(struct ynode *n, struct ynode *kid)
{
	n->kids = xrealloc(n->kids, (n->n + 1) * sizeof(*n->kids));
	n->kids[n->n++] = kid;
}

void ynode_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		ynode_free(n->kids[i]);
	free(n->kids);
	free(n->tag);
	free(n->str);
	free(n);
}

struct ynode *ynode_clone(const struct ynode *n)
{
	if (!n)
		return NULL;
	struct ynode *c = xmalloc(sizeof(*c));
	*c = *n;
	c->tag = n->tag ? xstrdup(n->tag) : NULL;
	c->str = n->str ? xstrndup(n->str, n->len) : NULL;
	c->kids = n->n ? xmalloc(n->n * sizeof(*c->kids)) : NULL;
	for (size_t i = 0; i < n->n; i++)
		c->kids[i] = ynode_clone(n->kids[i]);
	return c;
}

const char *ynode_kind_name(enum ynode_kind kind)
{
	switch (kind) {
	case YNODE_SCALAR: return "a scalar";
	case YNODE_SEQ: return "a list";
	case YNODE_MAP: return "a mapping";
	}
	return "?";
}

/* Line and column (1-based, in characters) of byte offset off in text. */
static void offset_position(const char *text, size_t len, size_t off,
			    unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static void parser_error(const yaml_parser_t *p, const char *file, const char *text,
			 size_t len, struct diag_list *dl)
{
	unsigned line, col;
	const char *problem = p->problem ? p->problem : "malformed YAML";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		diag_add(dl, DIAG_ERROR, file, 0, 0, "out of memory while parsing");
		return;
	case YAML_READER_ERROR:
		/* The reader reports a byte offset, not a mark. */
		offset_position(text, len, p->problem_offset, &line, &col);
		if (p->problem_value != -1)
			diag_add(dl, DIAG_ERROR, file, line, col, "%s (byte 0x%02X): the file must be UTF-8 text",
				 problem, (unsigned)p->problem_value & 0xFFu);
		else
			diag_add(dl, DIAG_ERROR, file, line, col, "%s: the file must be UTF-8 text", problem);
		return;
	default:
		break;
	}
	/* Scanner and parser errors: marks are 0-based. At the end of the
	 * stream, the useful place is where the unfinished construct began. */
	yaml_mark_t m = p->problem_mark;
	bool at_end = p->problem_mark.index >= len;
	if (p->context && at_end)
		m = p->context_mark;
	line = (unsigned)m.line + 1;
	col = (unsigned)m.column + 1;
	if (p->context) {
		diag_add(dl, DIAG_ERROR, file, line, col, "%s %s (started at line %u, column %u)",
			 p->context, problem, (unsigned)p->context_mark.line + 1,
			 (unsigned)p->context_mark.column + 1);
	} else {
		diag_add(dl, DIAG_ERROR, file, line, col, "%s", problem);
	}
}

struct builder {
	const char *file;
	struct diag_list *dl;
	struct ynode *stack[YDOC_MAX_DEPTH + 1];
	size_t depth;
	struct ynode *root;
	int docs;
};

static void set_mark(struct ynode *n, const yaml_event_t *ev)
{
	n->line = (unsigned)ev->start_mark.line + 1;
	n->col = (unsigned)ev->start_mark.column + 1;
}

/* Mapping keys must be scalars. */
static int check_key(struct builder *b, struct ynode *key)
{
	if (key->kind == YNODE_SCALAR)
		return 0;
	diag_add(b->dl, DIAG_ERROR, b->file, key->line, key->col,
		 "a mapping key must be a plain word, not %s", ynode_kind_name(key->kind));
	return -1;
}

static int cmp_key(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a;
	const struct ynode *y = *(const struct ynode *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->str, y->str, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Duplicate keys, found by sorting so that a huge mapping stays cheap. */
static int check_duplicates(struct builder *b, const struct ynode *map)
{
	size_t n = map->n / 2;
	if (n < 2)
		return 0;
	struct ynode **keys = xmalloc(n * sizeof(*keys));
	for (size_t i = 0; i < n; i++)
		keys[i] = map->kids[2 * i];
	qsort(keys, n, sizeof(*keys), cmp_key);
	int rc = 0;
	for (size_t i = 1; i < n && rc == 0; i++) {
		if (keys[i]->len == keys[i - 1]->len &&
		    memcmp(keys[i]->str, keys[i - 1]->str, keys[i]->len) == 0) {
			diag_add(b->dl, DIAG_ERROR, b->file, keys[i]->line, keys[i]->col,
				 "duplicate key '%s' (first at line %u)", keys[i]->str,
				 keys[i - 1]->line);
			rc = -1;
		}
	}
	free(keys);
	return rc;
}

/* Attach a finished node to its parent (or make it the root). */
static int attach(struct builder *b, struct ynode *n)
{
	if (b->depth == 0) {
		b->root = n;
		return 0;
	}
	struct ynode *parent = b->stack[b->depth - 1];
	if (parent->kind == YNODE_MAP && parent->n % 2 == 0 && check_key(b, n) < 0) {
		ynode_free(n);
		return -1;
	}
	ynode_append(parent, n);
	return 0;
}

static int reject_anchor(struct builder *b, const yaml_event_t *ev, const yaml_char_t *anchor)
{
	if (!anchor)
		return 0;
	diag_add(b->dl, DIAG_ERROR, b->file, (unsigned)ev->start_mark.line + 1,
		 (unsigned)ev->start_mark.column + 1,
		 "anchors (&%s) are not supported in lpcoach files", (const char *)anchor);
	return -1;
}

static char *tag_of(const yaml_char_t *tag, bool implicit)
{
	return tag && !implicit ? xstrdup((const char *)tag) : NULL;
}

static int handle_event(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->docs > 1) {
			diag_add(b->dl, DIAG_ERROR, b->file, (unsigned)ev->start_mark.line + 1,
				 (unsigned)ev->start_mark.column + 1,
				 "only one YAML document is allowed per file");
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		diag_add(b->dl, DIAG_ERROR, b->file, (unsigned)ev->start_mark.line + 1,
			 (unsigned)ev->start_mark.column + 1,
			 "aliases (*%s) are not supported in lpcoach files",
			 (const char *)ev->data.alias.anchor);
		return -1;
	case YAML_SCALAR_EVENT: {
		if (reject_anchor(b, ev, ev->data.scalar.anchor) < 0)
			return -1;
		size_t len = ev->data.scalar.length;
		if (memchr(ev->data.scalar.value, '\0', len)) {
			diag_add(b->dl, DIAG_ERROR, b->file, (unsigned)ev->start_mark.line + 1,
				 (unsigned)ev->start_mark.column + 1, "text contains a NUL character");
			return -1;
		}
		n = ynode_new(YNODE_SCALAR);
		set_mark(n, ev);
		n->end_line = (unsigned)ev->end_mark.line + 1;
		n->str = xstrndup((const char *)ev->data.scalar.value, len);
		n->len = len;
		switch (ev->data.scalar.style) {
		case YAML_SINGLE_QUOTED_SCALAR_STYLE: n->style = YSTYLE_SINGLE; break;
		case YAML_DOUBLE_QUOTED_SCALAR_STYLE: n->style = YSTYLE_DOUBLE; break;
		case YAML_LITERAL_SCALAR_STYLE: n->style = YSTYLE_LITERAL; break;
		case YAML_FOLDED_SCALAR_STYLE: n->style = YSTYLE_FOLDED; break;
		default: n->style = YSTYLE_PLAIN; break;
		}
		n->tag = tag_of(ev->data.scalar.tag,
				ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit);
		return attach(b, n);
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		if (reject_anchor(b, ev, seq ? ev->data.sequence_start.anchor
					   : ev->data.mapping_start.anchor) < 0)
			return -1;
		if (b->depth >= YDOC_MAX_DEPTH) {
			diag_add(b->dl, DIAG_ERROR, b->file, (unsigned)ev->start_mark.line + 1,
				 (unsigned)ev->start_mark.column + 1,
				 "nesting deeper than %d levels", YDOC_MAX_DEPTH);
			return -1;
		}
		n = ynode_new(seq ? YNODE_SEQ : YNODE_MAP);
		set_mark(n, ev);
		if (seq) {
			n->flow = ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
			n->tag = tag_of(ev->data.sequence_start.tag, ev->data.sequence_start.implicit);
		} else {
			n->flow = ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
			n->tag = tag_of(ev->data.mapping_start.tag, ev->data.mapping_start.implicit);
		}
		/* Keys are checked when the node is attached, so attach on end;
		 * a mapping key that is itself a collection is caught there. */
		b->stack[b->depth++] = n;
		return 0;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		n = b->stack[--b->depth];
		b->stack[b->depth] = NULL;
		if (n->kind == YNODE_MAP && check_duplicates(b, n) < 0) {
			ynode_free(n);
			return -1;
		}
		return attach(b, n);
	default:
		return 0;
	}
}

int ydoc_parse(const char *file, const char *text, size_t len,
	       struct ynode **root, struct diag_list *dl)
{
	yaml_parser_t parser;
	struct builder b = { .file = file, .dl = dl };
	int rc = 0;

	*root = NULL;
	/* A UTF-8 byte order mark (some editors write one) is not content. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!yaml_parser_initialize(&parser)) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "out of memory while parsing");
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&parser, file, text, len, dl);
			rc = -1;
			break;
		}
		bool done = ev.type == YAML_STREAM_END_EVENT;
		int r = handle_event(&b, &ev);
		yaml_event_delete(&ev);
		if (r < 0) {
			rc = -1;
			break;
		}
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	while (b.depth > 0)
		ynode_free(b.stack[--b.depth]);
	if (rc < 0) {
		ynode_free(b.root);
		return -1;
	}
	*root = b.root;
	return 0;
}

int ydoc_load_file(const char *path, size_t limit, struct ynode **root,
		   char **text, size_t *len, struct diag_list *dl)
{
	char *data;
	size_t n;

	*root = NULL;
	if (text)
		*text = NULL;
	if (fs_read_file(path, limit ? limit : YDOC_MAX_FILE, &data, &n, dl) < 0)
		return -1;
	int rc = ydoc_parse(path, data, n, root, dl);
	if (text && rc == 0) {
		*text = data;
		if (len)
			*len = n;
	} else {
		free(data);
	}
	return rc;
}

size_t ynode_map_size(const struct ynode *map)
{
	return map && map->kind == YNODE_MAP ? map->n / 2 : 0;
}

const struct ynode *ynode_map_key(const struct ynode *map, size_t i)
{
	return map->kids[2 * i];
}

const struct ynode *ynode_map_value(const struct ynode *map, size_t i)
{
	return map->kids[2 * i + 1];
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	return n && n->kind == YNODE_SCALAR && n->style == YSTYLE_PLAIN && !n->tag &&
	       (n->len == 0 || str_eq(n->str, "~") || str_eq(n->str, "null") ||
		str_eq(n->str, "Null") || str_eq(n->str, "NULL"));
}

static const char *kind_word(const struct ynode *n)
{
	if (n->kind == YNODE_SCALAR)
		return ynode_is_null(n) ? "empty" : "text";
	return n->kind == YNODE_SEQ ? "a list" : "a mapping";
}

void ynode_type_error(const struct ynode *n, const char *key, const char *want,
		      const char *file, struct diag_list *dl)
{
	diag_add(dl, DIAG_ERROR, file, n->line, n->col, "'%s' must be %s, not %s",
		 key, want, kind_word(n));
}

static int missing(const struct ynode *map, const char *key, bool required,
		   const char *file, struct diag_list *dl)
{
	if (!required)
		return 0;
	diag_add(dl, DIAG_ERROR, file, map ? map->line : 0, map ? map->col : 0,
		 "missing required key '%s'", key);
	return -1;
}

int ynode_as_str(const struct ynode *v, const char *what, const char *file,
		 struct diag_list *dl, char **out)
{
	*out = NULL;
	if (v->kind != YNODE_SCALAR || ynode_is_null(v)) {
		ynode_type_error(v, what, "text", file, dl);
		return -1;
	}
	*out = xstrndup(v->str, v->len);
	return 0;
}

int ynode_get_str(const struct ynode *map, const char *key, bool required,
		  const char *file, struct diag_list *dl, char **out)
{
	const struct ynode *v = ynode_get(map, key);
	*out = NULL;
	if (!v || (ynode_is_null(v) && !required))
		return missing(map, key, required && !v, file, dl);
	return ynode_as_str(v, key, file, dl, out);
}

int ynode_get_bool(const struct ynode *map, const char *key, bool required,
		   const char *file, struct diag_list *dl, bool *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "on" };
	static const char *const no[] = { "false", "False", "FALSE", "no", "No", "off" };
	const struct ynode *v = ynode_get(map, key);
	if (!v)
		return missing(map, key, required, file, dl);
	if (v->kind == YNODE_SCALAR && v->style == YSTYLE_PLAIN) {
		for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
			if (str_eq(v->str, yes[i])) {
				*out = true;
				return 0;
			}
			if (str_eq(v->str, no[i])) {
				*out = false;
				return 0;
			}
		}
	}
	ynode_type_error(v, key, "true or false", file, dl);
	return -1;
}

int ynode_as_int(const struct ynode *v, const char *what, long min, long max,
		 const char *file, struct diag_list *dl, long *out)
{
	if (v->kind == YNODE_SCALAR && v->style == YSTYLE_PLAIN && v->len > 0) {
		char *end;
		errno = 0;
		long x = strtol(v->str, &end, 10);
		if (*end == '\0' && errno == 0) {
			if (x < min || x > max) {
				diag_add(dl, DIAG_ERROR, file, v->line, v->col,
					 "'%s' must be between %ld and %ld, not %ld", what, min, max, x);
				return -1;
			}
			*out = x;
			return 0;
		}
	}
	ynode_type_error(v, what, "a whole number", file, dl);
	return -1;
}

int ynode_get_int(const struct ynode *map, const char *key, bool required,
		  long min, long max, const char *file, struct diag_list *dl, long *out)
{
	const struct ynode *v = ynode_get(map, key);
	if (!v)
		return missing(map, key, required, file, dl);
	return ynode_as_int(v, key, min, max, file, dl, out);
}

int ynode_as_strlist(const struct ynode *v, const char *what, const char *file,
		     struct diag_list *dl, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (v->kind != YNODE_SEQ) {
		ynode_type_error(v, what, "a list", file, dl);
		return -1;
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		if (it->kind != YNODE_SCALAR || ynode_is_null(it)) {
			diag_add(dl, DIAG_ERROR, file, it->line, it->col,
				 "each item of '%s' must be text, not %s", what, kind_word(it));
			return -1;
		}
	}
	char **list = xcalloc(v->n + 1, sizeof(*list));
	for (size_t i = 0; i < v->n; i++)
		list[i] = xstrndup(v->kids[i]->str, v->kids[i]->len);
	*out = list;
	*n = v->n;
	return 0;
}

int ynode_get_strlist(const struct ynode *map, const char *key, bool required,
		      const char *file, struct diag_list *dl, char ***out, size_t *n)
{
	const struct ynode *v = ynode_get(map, key);
	*out = NULL;
	*n = 0;
	if (!v || (ynode_is_null(v) && !required))
		return missing(map, key, required && !v, file, dl);
	return ynode_as_strlist(v, key, file, dl, out, n);
}

void ynode_warn_unknown_keys(const struct ynode *map, const char *const *known,
			     const char *file, struct diag_list *dl)
{
	for (size_t i = 0; i < ynode_map_size(map); i++) {
		const struct ynode *k = ynode_map_key(map, i);
		size_t j = 0;
		while (known[j] && strcmp(known[j], k->str) != 0)
			j++;
		if (!known[j])
			diag_add(dl, DIAG_WARNING, file, k->line, k->col, "unknown key '%s'", k->str);
	}
}
