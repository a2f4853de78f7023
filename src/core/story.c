/* story.c - the story model, loaded from and saved to YAML. */
#include "story.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "utf8.h"
#include "util.h"
#include "ydoc.h"
#include "yemit.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const struct {
	const char *key, *name;
} fields[STORY_NFIELDS] = {
	[STORY_TITLE] = { "title", "Title" },
	[STORY_SITUATION] = { "situation", "Situation" },
	[STORY_TASK] = { "task", "Task" },
	[STORY_ACTION] = { "action", "Action" },
	[STORY_RESULT] = { "result", "Result" },
	[STORY_LEARNED] = { "learned", "Learned" },
};

/* Every key lpcoach reads in a story file; others are kept as they are. */
static const char *const known_keys[] = {
	"title", "principles", "tags", "situation", "task", "action",
	"result", "learned", "created", "updated", NULL,
};

static bool is_known_key(const char *k)
{
	for (size_t i = 0; known_keys[i]; i++)
		if (strcmp(known_keys[i], k) == 0)
			return true;
	return false;
}

const char *story_field_key(enum story_field f)
{
	return fields[f].key;
}

const char *story_field_name(enum story_field f)
{
	return fields[f].name;
}

int story_field_from_key(const char *key)
{
	for (int i = 0; i < STORY_NFIELDS; i++)
		if (strcmp(fields[i].key, key) == 0)
			return i;
	return -1;
}

struct story *story_new(const char *id)
{
	struct story *s = xcalloc(1, sizeof(*s));
	s->id = xstrdup(id);
	return s;
}

static void free_refs(struct story *s)
{
	for (size_t i = 0; i < s->n_principles; i++)
		free(s->principles[i].id);
	xfree(&s->principles);
	s->n_principles = 0;
}

void story_free(struct story *s)
{
	if (!s)
		return;
	free(s->id);
	free(s->path);
	for (int i = 0; i < STORY_NFIELDS; i++)
		free(s->f[i].text);
	free_refs(s);
	strv_free(s->tags, s->n_tags);
	free(s->created);
	free(s->updated);
	ynode_free(s->extra);
	free(s);
}

/* Byte offset of the start of 1-based line in text, or len. */
static size_t line_start(const char *text, size_t len, unsigned line)
{
	size_t off = 0;
	for (unsigned l = 1; l < line && off < len; off++)
		if (text[off] == '\n')
			l++;
	return off;
}

/* For a literal block whose header ('|') is at node n: the first content
 * line and its indentation, read from the raw file text. */
static void literal_position(const struct story *s, const struct ynode *n, const char *text,
			     size_t len, struct story_text *t)
{
	size_t h = line_start(text, len, n->line);
	unsigned explicit_indent = 0;
	/* The header: '|' then optional chomping and indentation indicators. */
	for (size_t i = h + n->col - 1 + 1; i < len && text[i] != '\n' && text[i] != ' '; i++)
		if (text[i] >= '1' && text[i] <= '9')
			explicit_indent = (unsigned)(text[i] - '0');
	t->literal = true;
	t->line = n->line + 1;
	if (explicit_indent) {
		t->indent = (s->col ? s->col - 1 : 0) + explicit_indent;
	} else {
		/* The first non-blank line fixes the indentation. */
		size_t off = line_start(text, len, t->line);
		t->indent = 0;
		while (off < len) {
			unsigned sp = 0;
			while (off + sp < len && text[off + sp] == ' ')
				sp++;
			if (off + sp < len && text[off + sp] != '\n') {
				t->indent = sp;
				break;
			}
			off += sp + 1;
		}
	}
	t->col = t->indent + 1;
}

static bool is_date(const char *s)
{
	/* YYYY-MM-DD */
	static const char shape[] = "dddd-dd-dd";
	for (size_t i = 0; i < sizeof(shape) - 1; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return false;
	}
	if (s[10] != '\0')
		return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void hint_unknown_key(const char *path, const struct ynode *k, struct diag_list *dl)
{
	for (size_t i = 0; known_keys[i]; i++) {
		if (str_distance(k->str, known_keys[i]) <= 2) {
			diag_add(dl, DIAG_WARNING, path, k->line, k->col,
				 "unknown key '%s' (kept as is): did you mean '%s'?", k->str,
				 known_keys[i]);
			return;
		}
	}
}

static int load_principles(struct story *s, const char *path, const struct ynode *v,
			   struct diag_list *dl)
{
	if (ynode_is_null(v))
		return 0;
	if (v->kind != YNODE_SEQ) {
		ynode_type_error(v, "principles", "a list of principle ids", path, dl);
		return -1;
	}
	s->principles = xcalloc(v->n + 1, sizeof(*s->principles));
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		if (it->kind != YNODE_SCALAR || ynode_is_null(it)) {
			diag_add(dl, DIAG_ERROR, path, it->line, it->col,
				 "each item of 'principles' must be a principle id, not %s",
				 ynode_kind_name(it->kind));
			return -1;
		}
		if (story_has_principle(s, it->str)) {
			diag_add(dl, DIAG_WARNING, path, it->line, it->col,
				 "principle '%s' is listed twice", it->str);
			continue;
		}
		struct story_ref *r = &s->principles[s->n_principles++];
		r->id = xstrdup(it->str);
		r->line = it->line;
		r->col = it->col;
	}
	return 0;
}

static int load_key(struct story *s, const char *path, const char *text, size_t len,
		    struct ynode *root, size_t i, struct diag_list *dl)
{
	const struct ynode *k = ynode_map_key(root, i);
	const struct ynode *v = ynode_map_value(root, i);
	int f = story_field_from_key(k->str);

	if (f >= 0) {
		if (ynode_is_null(v))
			return 0;
		if (v->kind != YNODE_SCALAR) {
			ynode_type_error(v, k->str, "text", path, dl);
			return -1;
		}
		struct story_text *t = &s->f[f];
		t->text = xstrndup(v->str, v->len);
		if (v->style == YSTYLE_LITERAL) {
			literal_position(s, v, text, len, t);
		} else {
			t->line = v->line;
			t->col = v->col;
			/* Exact columns only for a value written on one line. */
			t->plain = v->style == YSTYLE_PLAIN && v->end_line == v->line;
		}
		return 0;
	}
	if (strcmp(k->str, "principles") == 0)
		return load_principles(s, path, v, dl);
	if (strcmp(k->str, "tags") == 0)
		return ynode_is_null(v) ? 0 : ynode_as_strlist(v, "tags", path, dl, &s->tags, &s->n_tags);
	if (strcmp(k->str, "created") == 0 || strcmp(k->str, "updated") == 0) {
		char **dst = k->str[0] == 'c' ? &s->created : &s->updated;
		if (ynode_is_null(v))
			return 0;
		if (ynode_as_str(v, k->str, path, dl, dst) < 0)
			return -1;
		if (*dst && !is_date(*dst))
			diag_add(dl, DIAG_WARNING, path, v->line, v->col,
				 "'%s' should be a date written YYYY-MM-DD, not '%s'", k->str, *dst);
		return 0;
	}
	/* Unknown: kept as it is (moved to s->extra once all keys are read). */
	hint_unknown_key(path, k, dl);
	return 0;
}

/* Move the keys lpcoach does not know from root to s->extra, in order. */
static void keep_unknown(struct story *s, struct ynode *root)
{
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		if (is_known_key(root->kids[i]->str))
			continue;
		if (!s->extra)
			s->extra = ynode_new(YNODE_MAP);
		ynode_append(s->extra, root->kids[i]);
		ynode_append(s->extra, root->kids[i + 1]);
		root->kids[i] = root->kids[i + 1] = NULL;
	}
}

struct story *story_parse(const char *path, const char *id, const char *text,
			  size_t len, struct diag_list *dl)
{
	struct ynode *root;
	if (ydoc_parse(path, text, len, &root, dl) < 0)
		return NULL;
	if (!root || ynode_is_null(root)) {
		diag_add(dl, DIAG_ERROR, path, 1, 1,
			 "empty story file: a story needs at least a title and principles");
		ynode_free(root);
		return NULL;
	}
	if (root->kind != YNODE_MAP) {
		diag_add(dl, DIAG_ERROR, path, root->line, root->col,
			 "a story must be a mapping of keys (title, principles, situation, ...), not %s",
			 ynode_kind_name(root->kind));
		ynode_free(root);
		return NULL;
	}
	struct story *s = story_new(id);
	s->path = xstrdup(path);
	s->line = root->line;
	s->col = root->col;
	size_t n = ynode_map_size(root);
	for (size_t i = 0; i < n; i++) {
		if (load_key(s, path, text, len, root, i, dl) < 0) {
			story_free(s);
			ynode_free(root);
			return NULL;
		}
	}
	keep_unknown(s, root);
	ynode_free(root);
	if (!s->f[STORY_TITLE].text)
		diag_add(dl, DIAG_WARNING, path, s->line, s->col, "the story has no 'title'");
	if (!s->n_principles)
		diag_add(dl, DIAG_WARNING, path, s->line, s->col,
			 "the story is mapped to no principle ('principles: [...]')");
	return s;
}

uint64_t story_hash(const void *data, size_t len)
{
	/* FNV-1a over 8-byte words (then the tail bytes): a content check, not
	 * a cryptographic hash. */
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h ^= w;
		h *= 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void stamp_file(struct story_stamp *st, const char *path, const void *data, size_t len)
{
	struct stat sb;
	memset(st, 0, sizeof(*st));
	if (stat(path, &sb) < 0)
		return;
	st->valid = true;
	st->dev = (uint64_t)sb.st_dev;
	st->ino = (uint64_t)sb.st_ino;
	st->size = (uint64_t)sb.st_size;
	st->mtime_sec = (int64_t)sb.st_mtim.tv_sec;
	st->mtime_nsec = (int64_t)sb.st_mtim.tv_nsec;
	st->hash = story_hash(data, len);
}

static char *id_from_path(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (str_has_suffix(b, ".yaml"))
		n -= 5;
	return xstrndup(b, n);
}

struct story *story_load_file(const char *path, struct diag_list *dl)
{
	char *data;
	size_t len;
	if (fs_read_file(path, YDOC_MAX_FILE, &data, &len, dl) < 0)
		return NULL;
	char *id = id_from_path(path);
	struct story *s = story_parse(path, id, data, len, dl);
	if (s)
		stamp_file(&s->stamp, path, data, len);
	free(id);
	free(data);
	return s;
}

bool story_changed_on_disk(const struct story *s)
{
	if (!s->path || !s->stamp.valid)
		return false;
	struct stat sb;
	if (stat(s->path, &sb) < 0)
		return true; /* deleted or moved away */
	if ((uint64_t)sb.st_size != s->stamp.size)
		return true;
	char *data;
	size_t len;
	struct diag_list dl = DIAG_LIST_INIT;
	bool changed = true;
	if (fs_read_file(s->path, YDOC_MAX_FILE, &data, &len, &dl) == 0) {
		changed = story_hash(data, len) != s->stamp.hash;
		free(data);
	}
	diag_list_release(&dl);
	return changed;
}

static void emit_list(struct buf *out, const char *key, char *const *v, size_t n)
{
	buf_addf(out, "%s: [", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(out, ", ");
		yemit_inline(out, v[i], true);
	}
	buf_adds(out, "]\n");
}

static void emit_date(struct buf *out, const char *key, const char *v)
{
	if (!v)
		return;
	buf_addf(out, "%s: ", key);
	if (is_date(v))
		buf_adds(out, v);
	else
		yemit_inline(out, v, false);
	buf_addc(out, '\n');
}

int story_to_yaml(const struct story *s, struct buf *out, struct diag_list *dl)
{
	/* Written directly, in a fixed order; keys lpcoach does not know go
	 * through libyaml's emitter, as they were read, at the end. */
	if (s->f[STORY_TITLE].text) {
		buf_adds(out, "title: ");
		yemit_inline(out, s->f[STORY_TITLE].text, false);
		buf_addc(out, '\n');
	}
	char **ids = xcalloc(s->n_principles + 1, sizeof(*ids));
	for (size_t i = 0; i < s->n_principles; i++)
		ids[i] = s->principles[i].id;
	emit_list(out, "principles", ids, s->n_principles);
	free(ids);
	if (s->n_tags)
		emit_list(out, "tags", s->tags, s->n_tags);
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++)
		if (s->f[f].text)
			yemit_block_field(out, fields[f].key, s->f[f].text);
	emit_date(out, "created", s->created);
	emit_date(out, "updated", s->updated);
	/* Unknown keys last: after a kept block (|+) libyaml must end the
	 * document with "...", and nothing may follow that. */
	if (s->extra && s->extra->n) {
		struct yemit y;
		yemit_start(&y, out);
		yemit_node(&y, s->extra);
		if (yemit_finish(&y, s->path, dl) < 0)
			return -1;
	}
	return 0;
}

int story_save(struct story *s, const char *path, struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	const char *target = path ? path : s->path;
	int rc = -1;
	if (!target) {
		diag_add(dl, DIAG_ERROR, NULL, 0, 0, "story '%s' has no file to save to", s->id);
		return -1;
	}
	if (story_to_yaml(s, &b, dl) < 0)
		goto out;
	if (fs_write_atomic(target, b.s, b.len, 0600, dl) < 0)
		goto out;
	if (target != s->path) {
		free(s->path);
		s->path = xstrdup(target);
	}
	stamp_file(&s->stamp, s->path, b.s, b.len);
	rc = 0;
out:
	buf_release(&b);
	return rc;
}

void story_set_text(struct story *s, enum story_field f, const char *text)
{
	struct story_text *t = &s->f[f];
	struct buf b = BUF_INIT;
	size_t keep = 0; /* length up to the last non-blank line */

	for (const char *p = text ? text : ""; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t m = n;
		while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t' || p[m - 1] == '\r'))
			m--;
		if (f == STORY_TITLE && b.len && m) /* a title is one line */
			buf_addc(&b, ' ');
		buf_add(&b, p, m);
		if (m)
			keep = b.len;
		if (f != STORY_TITLE)
			buf_addc(&b, '\n');
		p += nl ? n + 1 : n;
	}
	buf_truncate(&b, keep);
	free(t->text);
	memset(t, 0, sizeof(*t));
	if (keep == 0) {
		buf_release(&b);
		return;
	}
	if (f != STORY_TITLE)
		buf_addc(&b, '\n');
	t->text = buf_detach(&b, NULL);
}

const char *story_text(const struct story *s, enum story_field f)
{
	return s->f[f].text;
}

const char *story_title(const struct story *s)
{
	return s->f[STORY_TITLE].text ? s->f[STORY_TITLE].text : s->id;
}

bool story_has_principle(const struct story *s, const char *id)
{
	for (size_t i = 0; i < s->n_principles; i++)
		if (strcmp(s->principles[i].id, id) == 0)
			return true;
	return false;
}

void story_add_principle(struct story *s, const char *id)
{
	if (story_has_principle(s, id))
		return;
	s->principles = xrealloc(s->principles, (s->n_principles + 1) * sizeof(*s->principles));
	s->principles[s->n_principles++] = (struct story_ref){ xstrdup(id), 0, 0 };
}

void story_remove_principle(struct story *s, const char *id)
{
	for (size_t i = 0; i < s->n_principles; i++) {
		if (strcmp(s->principles[i].id, id) != 0)
			continue;
		free(s->principles[i].id);
		memmove(&s->principles[i], &s->principles[i + 1],
			(s->n_principles - i - 1) * sizeof(*s->principles));
		s->n_principles--;
		return;
	}
}

void story_set_principles(struct story *s, const char *const *ids, size_t n)
{
	free_refs(s);
	for (size_t i = 0; i < n; i++)
		story_add_principle(s, ids[i]);
}

void story_set_date(char **field, long long unix_time)
{
	time_t t = (time_t)unix_time;
	struct tm tm;
	char tmp[32];
	if (!localtime_r(&t, &tm) || !strftime(tmp, sizeof(tmp), "%Y-%m-%d", &tm))
		return;
	free(*field);
	*field = xstrdup(tmp);
}

void story_locate(const struct story *s, enum story_field f, size_t off,
		  unsigned *line, unsigned *col)
{
	const struct story_text *t = &s->f[f];
	if (!t->line || !t->text) {
		*line = t->line ? t->line : s->line;
		*col = t->line ? t->col : s->col;
		return;
	}
	size_t len = strlen(t->text);
	if (off > len)
		off = len;
	if (t->literal) {
		unsigned k = 0;
		size_t ls = 0;
		for (size_t i = 0; i < off; i++)
			if (t->text[i] == '\n') {
				k++;
				ls = i + 1;
			}
		*line = t->line + k;
		*col = t->indent + 1 + (unsigned)utf8_count(t->text + ls, off - ls);
	} else if (t->plain) {
		*line = t->line;
		*col = t->col + (unsigned)utf8_count(t->text, off);
	} else {
		*line = t->line;
		*col = t->col;
	}
}

char *story_slug(const char *title)
{
	struct buf b = BUF_INIT;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)title; *p && b.len < 48; p++) {
		if (isalnum(*p) && *p < 0x80) {
			if (dash && b.len)
				buf_addc(&b, '-');
			dash = false;
			buf_addc(&b, (char)tolower(*p));
		} else if (*p != '\'' && *p < 0x80) { /* other characters are dropped */
			dash = true;
		}
	}
	if (!b.len)
		buf_adds(&b, "story");
	return buf_detach(&b, NULL);
}
