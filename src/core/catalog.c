/* catalog.c - the principle catalog. */
#include "catalog.h"
#include "diag.h"
#include "dirlist.h"
#include "util.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>

static const char *const principle_keys[] = {
	"id", "name", "focus", "order", "summary", "listen_for", "signals", "questions", NULL,
};

static void principle_release(struct principle *p)
{
	free(p->id);
	free(p->name);
	free(p->summary);
	strv_free(p->listen_for, p->n_listen_for);
	strv_free(p->signals, p->n_signals);
	for (size_t i = 0; i < p->n_questions; i++) {
		free(p->questions[i].id);
		free(p->questions[i].text);
	}
	free(p->questions);
	free(p->path);
	memset(p, 0, sizeof(*p));
}

static int load_questions(struct principle *p, const struct ynode *root, const char *path,
			  struct diag_list *dl)
{
	const struct ynode *qs = ynode_get(root, "questions");
	if (!qs) {
		diag_add(dl, DIAG_ERROR, path, root->line, root->col, "missing required key 'questions'");
		return -1;
	}
	if (qs->kind != YNODE_SEQ || qs->n == 0) {
		diag_add(dl, DIAG_ERROR, path, qs->line, qs->col,
			 "'questions' must be a non-empty list of {id, text}");
		return -1;
	}
	p->questions = xcalloc(qs->n, sizeof(*p->questions));
	for (size_t i = 0; i < qs->n; i++) {
		const struct ynode *q = qs->kids[i];
		struct question *dst = &p->questions[p->n_questions];
		static const char *const qkeys[] = { "id", "text", NULL };
		if (q->kind != YNODE_MAP) {
			diag_add(dl, DIAG_ERROR, path, q->line, q->col,
				 "each question must be a mapping with 'id' and 'text', not %s",
				 ynode_kind_name(q->kind));
			return -1;
		}
		if (ynode_get_str(q, "id", true, path, dl, &dst->id) < 0 ||
		    ynode_get_str(q, "text", true, path, dl, &dst->text) < 0) {
			free(dst->id);
			free(dst->text);
			memset(dst, 0, sizeof(*dst));
			return -1;
		}
		ynode_warn_unknown_keys(q, qkeys, path, dl);
		dst->line = q->line;
		p->n_questions++;
	}
	return 0;
}

static int load_principle(struct principle *p, const char *path, const char *stem,
			  struct diag_list *dl)
{
	struct ynode *root;
	int rc = -1;
	memset(p, 0, sizeof(*p));
	if (ydoc_load_file(path, 0, &root, NULL, NULL, dl) < 0)
		return -1;
	if (!root || root->kind != YNODE_MAP) {
		diag_add(dl, DIAG_ERROR, path, root ? root->line : 1, root ? root->col : 1,
			 "a principle file must be a mapping with id, name, focus, summary, "
			 "listen_for and questions");
		goto out;
	}
	p->path = xstrdup(path);
	p->order = 1000;
	if (ynode_get_str(root, "id", true, path, dl, &p->id) < 0 ||
	    ynode_get_str(root, "name", true, path, dl, &p->name) < 0 ||
	    ynode_get_bool(root, "focus", true, path, dl, &p->focus) < 0 ||
	    ynode_get_int(root, "order", false, 1, 1000, path, dl, &p->order) < 0 ||
	    ynode_get_str(root, "summary", true, path, dl, &p->summary) < 0 ||
	    ynode_get_strlist(root, "listen_for", true, path, dl, &p->listen_for,
			      &p->n_listen_for) < 0 ||
	    ynode_get_strlist(root, "signals", false, path, dl, &p->signals, &p->n_signals) < 0 ||
	    load_questions(p, root, path, dl) < 0)
		goto out;
	ynode_warn_unknown_keys(root, principle_keys, path, dl);
	if (strcmp(p->id, stem) != 0) {
		const struct ynode *v = ynode_get(root, "id");
		diag_add(dl, DIAG_ERROR, path, v->line, v->col,
			 "id '%s' does not match the file name (expected '%s')", p->id, stem);
		goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		principle_release(p);
	ynode_free(root);
	return rc;
}

static int cmp_order(const void *a, const void *b)
{
	const struct principle *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->id, y->id);
}

struct qref {
	const struct question *q;
	const struct principle *p;
	size_t seq; /* definition order */
};

static int cmp_qref(const void *a, const void *b)
{
	const struct qref *x = a, *y = b;
	int c = strcmp(x->q->id, y->q->id);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Question ids must be unique across the catalog: sort them and report
 * every definition after the first. */
static void check_question_ids(const struct catalog *c, struct diag_list *dl)
{
	size_t n = catalog_question_count(c), k = 0;
	struct qref *v = xcalloc(n + 1, sizeof(*v));
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].n_questions; j++, k++)
			v[k] = (struct qref){ &c->v[i].questions[j], &c->v[i], k };
	qsort(v, n, sizeof(*v), cmp_qref);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		for (; j < n && strcmp(v[j].q->id, v[i].q->id) == 0; j++)
			diag_add(dl, DIAG_WARNING, v[j].p->path, v[j].q->line, 0,
				 "duplicate question id '%s' (first defined in %s:%u)", v[j].q->id,
				 v[i].p->path, v[i].q->line);
		i = j;
	}
	free(v);
}

int catalog_load(struct catalog *c, const char *dir, struct diag_list *dl)
{
	struct dirlist files;
	c->v = NULL;
	c->n = 0;
	if (dirlist_yaml(&files, dir, dl) < 0)
		return -1;
	c->v = xcalloc(files.n + 1, sizeof(*c->v));
	for (size_t i = 0; i < files.n; i++) {
		struct principle *p = &c->v[c->n];
		if (load_principle(p, files.paths[i], files.stems[i], dl) < 0)
			continue;
		if (catalog_index(c, p->id) >= 0) {
			diag_add(dl, DIAG_ERROR, p->path, 1, 1, "duplicate principle id '%s'", p->id);
			principle_release(p);
			continue;
		}
		for (size_t j = 0; j < p->n_questions; j++)
			p->questions[j].principle = c->n;
		c->n++;
	}
	dirlist_release(&files);
	qsort(c->v, c->n, sizeof(*c->v), cmp_order);
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].n_questions; j++)
			c->v[i].questions[j].principle = i;
	check_question_ids(c, dl);
	if (c->n == 0) {
		diag_add(dl, DIAG_ERROR, dir, 0, 0, "no principles found");
		catalog_release(c);
		return -1;
	}
	return 0;
}

void catalog_release(struct catalog *c)
{
	for (size_t i = 0; i < c->n; i++)
		principle_release(&c->v[i]);
	xfree(&c->v);
	c->n = 0;
}

int catalog_index(const struct catalog *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].id && strcmp(c->v[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct principle *catalog_find(const struct catalog *c, const char *id)
{
	int i = catalog_index(c, id);
	return i < 0 ? NULL : &c->v[i];
}

const char *catalog_suggest(const struct catalog *c, const char *id)
{
	const char *best = NULL;
	unsigned bd = 4;
	for (size_t i = 0; i < c->n; i++) {
		unsigned d = str_distance(id, c->v[i].id);
		if (d < bd) {
			bd = d;
			best = c->v[i].id;
		}
	}
	return best;
}

const struct question *catalog_question(const struct catalog *c, const char *qid)
{
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].n_questions; j++)
			if (strcmp(c->v[i].questions[j].id, qid) == 0)
				return &c->v[i].questions[j];
	return NULL;
}

size_t catalog_focus_count(const struct catalog *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->v[i].focus;
	return n;
}

size_t catalog_question_count(const struct catalog *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->v[i].n_questions;
	return n;
}
