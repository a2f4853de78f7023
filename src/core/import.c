/* import.c - stories written elsewhere, brought in. */
#include "import.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "story.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *word;
	enum story_field f;
} headings[] = {
	{ "situation", STORY_SITUATION }, { "s", STORY_SITUATION }, { "context", STORY_SITUATION },
	{ "task", STORY_TASK }, { "t", STORY_TASK }, { "action", STORY_ACTION },
	{ "actions", STORY_ACTION }, { "a", STORY_ACTION }, { "result", STORY_RESULT },
	{ "results", STORY_RESULT }, { "r", STORY_RESULT }, { "learned", STORY_LEARNED },
	{ "learning", STORY_LEARNED }, { "learnings", STORY_LEARNED }, { "lessons", STORY_LEARNED },
	{ "lesson", STORY_LEARNED }, { "l", STORY_LEARNED },
};

/* Trim spaces at both ends of [*s, *e). */
static void trim(const char **s, const char **e)
{
	while (*s < *e && isspace((unsigned char)**s))
		(*s)++;
	while (*e > *s && isspace((unsigned char)(*e)[-1]))
		(*e)--;
}

/* Is the line a heading? Then the section, and in *rest what follows it on
 * the same line ("Action: I did ..."). -1 otherwise. */
static int heading(const char *s, const char *e, const char **rest)
{
	const char *p = s;
	bool marked = false;
	while (p < e && (*p == '#' || *p == '*' || *p == '_' || *p == ' ')) {
		marked |= *p == '#' || *p == '*' || *p == '_';
		p++;
	}
	const char *w = p;
	while (p < e && isalpha((unsigned char)*p))
		p++;
	size_t n = (size_t)(p - w);
	const char *q = p;
	while (q < e && (*q == '*' || *q == '_' || *q == ' '))
		q++;
	bool colon = q < e && *q == ':';
	if (colon)
		q++;
	while (q < e && (*q == '*' || *q == '_'))
		q++;
	for (size_t i = 0; i < ARRAY_SIZE(headings); i++) {
		if (strlen(headings[i].word) != n || strncasecmp(w, headings[i].word, n) != 0)
			continue;
		/* One-letter headings need a colon: "S: ..." */
		if (n == 1 && !colon)
			return -1;
		const char *r = q;
		trim(&r, &e);
		if (!marked && !colon)
			return -1; /* a plain word on its own line is text */
		if (marked && !colon && r != e)
			return -1; /* "# Action heroes" is not a heading */
		*rest = r;
		return (int)headings[i].f;
	}
	return -1;
}

/* "Key: value" with the given key, case ignored. */
static const char *field(const char *s, const char *e, const char *key)
{
	const char *p = s;
	while (p < e && (*p == '*' || *p == '_' || *p == ' ' || *p == '-'))
		p++;
	size_t n = strlen(key);
	if ((size_t)(e - p) <= n || strncasecmp(p, key, n) != 0)
		return NULL;
	p += n;
	while (p < e && (*p == '*' || *p == '_'))
		p++;
	if (p >= e || *p != ':')
		return NULL;
	return p + 1;
}

static void add_principles(struct story *st, const char *s, const char *e,
			   const struct catalog *cat, const char *file, unsigned line,
			   struct diag_list *dl)
{
	while (s < e) {
		const char *c = memchr(s, ',', (size_t)(e - s));
		const char *end = c ? c : e;
		const char *a = s, *b = end;
		while (a < b && (isspace((unsigned char)*a) || *a == '*' || *a == '['))
			a++;
		while (b > a && (isspace((unsigned char)b[-1]) || b[-1] == '*' || b[-1] == ']'))
			b--;
		if (b > a) {
			char *name = xstrndup(a, (size_t)(b - a));
			const char *id = NULL;
			for (size_t p = 0; cat && p < cat->n && !id; p++)
				if (strcasecmp(cat->v[p].id, name) == 0 || strcasecmp(cat->v[p].name, name) == 0)
					id = cat->v[p].id;
			if (id)
				story_add_principle(st, id);
			else
				diag_add(dl, DIAG_WARNING, file, line, 0,
					 "unknown principle '%s' left out (see 'lpcoach principles')", name);
			free(name);
		}
		s = c ? c + 1 : e;
	}
}

struct story *import_parse(const char *file, const char *text, size_t len,
			   const struct catalog *cat, struct diag_list *dl)
{
	struct story *st = story_new("import");
	struct buf sec[STORY_NFIELDS];
	bool seen[STORY_NFIELDS] = { false };
	int cur = -1, found = 0;
	unsigned line = 0;
	char *title = NULL;
	for (int f = 0; f < STORY_NFIELDS; f++)
		sec[f] = (struct buf)BUF_INIT;

	for (const char *p = text; p < text + len;) {
		const char *nl = memchr(p, '\n', (size_t)(text + len - p));
		const char *e = nl ? nl : text + len;
		const char *s = p, *v, *rest;
		line++;
		p = nl ? nl + 1 : text + len;
		if (e > s && e[-1] == '\r')
			e--;
		int h = heading(s, e, &rest);
		if (h >= 0) {
			cur = h;
			found += !seen[h];
			seen[h] = true;
			if (rest < e)
				buf_add(&sec[h], rest, (size_t)(e - rest));
			if (rest < e)
				buf_addc(&sec[h], '\n');
			continue;
		}
		if (cur < 0) {
			/* Before the first section: title, principles, tags. */
			if ((v = field(s, e, "principles")) || (v = field(s, e, "principle"))) {
				add_principles(st, v, e, cat, file, line, dl);
			} else if ((v = field(s, e, "tags"))) {
				const char *a = v, *b = e;
				trim(&a, &b);
				while (a < b) {
					const char *c = memchr(a, ',', (size_t)(b - a));
					const char *te = c ? c : b, *ts = a;
					trim(&ts, &te);
					if (te > ts) {
						st->tags = xrealloc(st->tags, (st->n_tags + 1) * sizeof(char *));
						st->tags[st->n_tags++] = xstrndup(ts, (size_t)(te - ts));
					}
					a = c ? c + 1 : b;
				}
			} else if (!title && ((v = field(s, e, "title")) || (*s == '#' && s[1] != '#'))) {
				const char *a = v ? v : s, *b = e;
				while (!v && a < b && *a == '#')
					a++;
				trim(&a, &b);
				title = xstrndup(a, (size_t)(b - a));
			} else if (!title) {
				const char *a = s, *b = e;
				trim(&a, &b);
				if (b > a)
					title = xstrndup(a, (size_t)(b - a));
			}
			continue;
		}
		buf_add(&sec[cur], s, (size_t)(e - s));
		buf_addc(&sec[cur], '\n');
	}
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++) {
		story_set_text(st, (enum story_field)f, buf_cstr(&sec[f]));
		buf_release(&sec[f]);
	}
	if (title) {
		story_set_text(st, STORY_TITLE, title);
		free(title);
	}
	if (!found) {
		diag_add(dl, DIAG_ERROR, file, 0, 0,
			 "no STAR headings found: mark the sections as '## Situation', '## Task', "
			 "'## Action', '## Result' (or 'Situation:' ...)");
		story_free(st);
		return NULL;
	}
	return st;
}
