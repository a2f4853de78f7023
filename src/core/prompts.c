/* prompts.c - the drafting coach's data. */
#include "prompts.h"
#include "catalog.h"
#include "diag.h"
#include "story.h"
#include "util.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_names[FOLLOWUP_NTYPES] = {
	"specificity", "ownership", "numbers", "depth", "counterfactual", "learning",
};

const char *followup_type_name(enum followup_type t)
{
	return type_names[t];
}

int followup_type_from_name(const char *name)
{
	for (int i = 0; i < FOLLOWUP_NTYPES; i++)
		if (strcmp(type_names[i], name) == 0)
			return i;
	return -1;
}

/* Load "<dir>/<name>" and return the list under its top-level key. */
static struct ynode *load_list(const char *dir, const char *name, const char *key,
			       char **path, const struct ynode **list, struct diag_list *dl)
{
	struct ynode *root;
	*path = path_join(dir, name);
	*list = NULL;
	if (ydoc_load_file(*path, 0, &root, NULL, NULL, dl) < 0)
		return NULL;
	const struct ynode *l = ynode_get(root, key);
	if (!l || l->kind != YNODE_SEQ) {
		diag_add(dl, DIAG_ERROR, *path, l ? l->line : 1, l ? l->col : 1,
			 "expected a list under '%s'", key);
		ynode_free(root);
		return NULL;
	}
	*list = l;
	return root;
}

static bool want_map(const struct ynode *n, const char *what, const char *path,
		     struct diag_list *dl)
{
	if (n->kind == YNODE_MAP)
		return true;
	diag_add(dl, DIAG_ERROR, path, n->line, n->col, "each %s must be a mapping, not %s", what,
		 ynode_kind_name(n->kind));
	return false;
}

static void check_principle_id(const struct catalog *cat, const struct ynode *entry,
			       const char *id, const char *path, struct diag_list *dl)
{
	if (!cat || catalog_index(cat, id) >= 0)
		return;
	const struct ynode *v = ynode_get(entry, "id");
	const char *hint = catalog_suggest(cat, id);
	diag_add(dl, DIAG_WARNING, path, v ? v->line : entry->line, v ? v->col : entry->col,
		 "unknown principle '%s'%s%s%s", id, hint ? " (did you mean '" : "",
		 hint ? hint : "", hint ? "'?)" : "");
}

static int load_sections(struct prompts *p, const char *dir, struct diag_list *dl)
{
	static const char *const keys[] = { "id", "name", "required", "share", "belongs",
					    "questions", NULL };
	char *path;
	const struct ynode *l;
	struct ynode *root = load_list(dir, "sections.yaml", "sections", &path, &l, dl);
	int rc = -1;
	if (!root)
		goto out;
	p->sections = xcalloc(l->n + 1, sizeof(*p->sections));
	for (size_t i = 0; i < l->n; i++) {
		const struct ynode *e = l->kids[i];
		struct section_prompt *s = &p->sections[p->n_sections++];
		if (!want_map(e, "section", path, dl))
			goto out;
		if (ynode_get_str(e, "id", true, path, dl, &s->id) < 0 ||
		    ynode_get_str(e, "name", true, path, dl, &s->name) < 0 ||
		    ynode_get_bool(e, "required", true, path, dl, &s->required) < 0 ||
		    ynode_get_str(e, "belongs", true, path, dl, &s->belongs) < 0 ||
		    ynode_get_strlist(e, "questions", true, path, dl, &s->questions,
				      &s->n_questions) < 0)
			goto out;
		ynode_warn_unknown_keys(e, keys, path, dl);
		int f = story_field_from_key(s->id);
		if (f < STORY_FIRST_SECTION) {
			const struct ynode *v = ynode_get(e, "id");
			diag_add(dl, DIAG_ERROR, path, v->line, v->col,
				 "unknown section '%s' (situation, task, action, result or learned)",
				 s->id);
			goto out;
		}
		const struct ynode *sh = ynode_get(e, "share");
		if (!sh || sh->kind != YNODE_SEQ || sh->n != 2) {
			diag_add(dl, DIAG_ERROR, path, sh ? sh->line : e->line, sh ? sh->col : e->col,
				 "'share' must be a list of two percentages, e.g. [10, 15]");
			goto out;
		}
		if (ynode_as_int(sh->kids[0], "share", 0, 100, path, dl, &s->share_min) < 0 ||
		    ynode_as_int(sh->kids[1], "share", 0, 100, path, dl, &s->share_max) < 0)
			goto out;
		if (s->share_min > s->share_max) {
			diag_add(dl, DIAG_ERROR, path, sh->line, sh->col,
				 "'share' must be [min, max] with min <= max");
			goto out;
		}
	}
	rc = 0;
out:
	ynode_free(root);
	free(path);
	return rc;
}

static int load_principles(struct prompts *p, const char *dir, const struct catalog *cat,
			   struct diag_list *dl)
{
	static const char *const keys[] = { "id", "hint", "details", NULL };
	char *path;
	const struct ynode *l;
	struct ynode *root = load_list(dir, "principles.yaml", "principles", &path, &l, dl);
	int rc = -1;
	if (!root)
		goto out;
	p->principles = xcalloc(l->n + 1, sizeof(*p->principles));
	for (size_t i = 0; i < l->n; i++) {
		const struct ynode *e = l->kids[i];
		struct principle_prompt *pp = &p->principles[p->n_principles++];
		if (!want_map(e, "principle", path, dl))
			goto out;
		if (ynode_get_str(e, "id", true, path, dl, &pp->id) < 0 ||
		    ynode_get_str(e, "hint", true, path, dl, &pp->hint) < 0 ||
		    ynode_get_strlist(e, "details", true, path, dl, &pp->details,
				      &pp->n_details) < 0)
			goto out;
		ynode_warn_unknown_keys(e, keys, path, dl);
		check_principle_id(cat, e, pp->id, path, dl);
	}
	rc = 0;
out:
	ynode_free(root);
	free(path);
	return rc;
}

static int load_followups(struct prompts *p, const char *dir, const struct catalog *cat,
			  struct diag_list *dl)
{
	static const char *const keys[] = { "id", "type", "principles", "text", NULL };
	char *path;
	const struct ynode *l;
	struct ynode *root = load_list(dir, "followups.yaml", "followups", &path, &l, dl);
	int rc = -1;
	if (!root)
		goto out;
	p->followups = xcalloc(l->n + 1, sizeof(*p->followups));
	for (size_t i = 0; i < l->n; i++) {
		const struct ynode *e = l->kids[i];
		struct followup *f = &p->followups[p->n_followups++];
		char *type = NULL;
		if (!want_map(e, "follow-up", path, dl))
			goto out;
		if (ynode_get_str(e, "id", true, path, dl, &f->id) < 0 ||
		    ynode_get_str(e, "type", true, path, dl, &type) < 0 ||
		    ynode_get_str(e, "text", true, path, dl, &f->text) < 0 ||
		    ynode_get_strlist(e, "principles", false, path, dl, &f->principles,
				      &f->n_principles) < 0) {
			free(type);
			goto out;
		}
		ynode_warn_unknown_keys(e, keys, path, dl);
		int t = followup_type_from_name(type);
		if (t < 0) {
			const struct ynode *v = ynode_get(e, "type");
			diag_add(dl, DIAG_ERROR, path, v->line, v->col,
				 "unknown follow-up type '%s' (specificity, ownership, numbers, depth, "
				 "counterfactual or learning)", type);
			free(type);
			goto out;
		}
		free(type);
		f->type = (enum followup_type)t;
		for (size_t j = 0; cat && j < f->n_principles; j++) {
			if (catalog_index(cat, f->principles[j]) < 0) {
				const struct ynode *v = ynode_get(e, "principles")->kids[j];
				diag_add(dl, DIAG_WARNING, path, v->line, v->col,
					 "unknown principle '%s'", f->principles[j]);
			}
		}
		for (size_t j = 0; j + 1 < p->n_followups; j++) {
			if (strcmp(p->followups[j].id, f->id) == 0) {
				diag_add(dl, DIAG_WARNING, path, e->line, e->col,
					 "duplicate follow-up id '%s'", f->id);
				break;
			}
		}
	}
	rc = 0;
out:
	ynode_free(root);
	free(path);
	return rc;
}

int prompts_load(struct prompts *p, const char *dir, const struct catalog *cat,
		 struct diag_list *dl)
{
	memset(p, 0, sizeof(*p));
	int a = load_sections(p, dir, dl);
	int b = load_principles(p, dir, cat, dl);
	int c = load_followups(p, dir, cat, dl);
	return a < 0 || b < 0 || c < 0 ? -1 : 0;
}

void prompts_release(struct prompts *p)
{
	for (size_t i = 0; i < p->n_sections; i++) {
		struct section_prompt *s = &p->sections[i];
		free(s->id);
		free(s->name);
		free(s->belongs);
		strv_free(s->questions, s->n_questions);
	}
	free(p->sections);
	for (size_t i = 0; i < p->n_principles; i++) {
		free(p->principles[i].id);
		free(p->principles[i].hint);
		strv_free(p->principles[i].details, p->principles[i].n_details);
	}
	free(p->principles);
	for (size_t i = 0; i < p->n_followups; i++) {
		free(p->followups[i].id);
		free(p->followups[i].text);
		strv_free(p->followups[i].principles, p->followups[i].n_principles);
	}
	free(p->followups);
	memset(p, 0, sizeof(*p));
}

const struct section_prompt *prompts_section(const struct prompts *p, const char *id)
{
	for (size_t i = 0; i < p->n_sections; i++)
		if (p->sections[i].id && strcmp(p->sections[i].id, id) == 0)
			return &p->sections[i];
	return NULL;
}

const struct principle_prompt *prompts_principle(const struct prompts *p, const char *id)
{
	for (size_t i = 0; i < p->n_principles; i++)
		if (p->principles[i].id && strcmp(p->principles[i].id, id) == 0)
			return &p->principles[i];
	return NULL;
}
