/* rules.c - loading and compiling lint rules. */
#include "rules.h"
#include "buf.h"
#include "diag.h"
#include "dirlist.h"
#include "fsutil.h"
#include "prompts.h"
#include "util.h"
#include "ydoc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const level_names[LINT_NLEVELS] = { "suggestion", "warning", "error" };
static const char *const kind_names[RULE_NKINDS] = {
	"existence", "require", "occurrence", "ratio", "length", "substitution",
};
static const char *const rule_keys[] = {
	"id", "level", "kind", "scope", "message", "principles", "ignorecase", "unicode",
	"enabled", "pattern", "tokens", "against", "min", "max", "min_share", "max_share",
	"min_total", "swap", "examples", "description", "when", "probe", NULL,
};

const char *lint_level_name(enum lint_level l)
{
	return level_names[l];
}

int lint_level_from_name(const char *name)
{
	for (int i = 0; i < LINT_NLEVELS; i++)
		if (strcmp(level_names[i], name) == 0)
			return i;
	return -1;
}

const char *rule_kind_name(enum rule_kind k)
{
	return kind_names[k];
}

const char *rule_scope_name(int scope)
{
	return scope == SCOPE_STORY ? "story" : story_field_key((enum story_field)scope);
}

bool rule_applies(const struct rule *r, const struct story *s)
{
	if (!r->enabled)
		return false;
	if (r->n_principles == 0)
		return true;
	for (size_t i = 0; i < r->n_principles; i++)
		if (story_has_principle(s, r->principles[i]))
			return true;
	return false;
}

static void rule_release(struct rule *r)
{
	free(r->id);
	free(r->message);
	strv_free(r->principles, r->n_principles);
	rx_release(&r->rx);
	strv_free(r->tokens, r->n_tokens);
	rx_release(&r->against);
	rx_release(&r->when);
	strv_free(r->swap_from, r->n_swap);
	strv_free(r->swap_to, r->n_swap);
	for (size_t i = 0; i < r->n_examples; i++)
		story_free(r->examples[i].story);
	free(r->examples);
	free(r->file);
	memset(r, 0, sizeof(*r));
}

void ruleset_release(struct ruleset *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		rule_release(&rs->v[i]);
	xfree(&rs->v);
	rs->n = 0;
}

const struct rule *ruleset_find(const struct ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].id, id) == 0)
			return &rs->v[i];
	return NULL;
}

size_t ruleset_enabled_count(const struct ruleset *rs)
{
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++)
		n += rs->v[i].enabled;
	return n;
}

/* Loading context for one rule. */
struct ctx {
	const char *path;
	const char *id;
	struct diag_list *dl;
};

static int fail(struct ctx *c, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct ctx *c, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(c->dl, DIAG_ERROR, c->path, at->line, at->col, "rule '%s': %s",
		 c->id ? c->id : "?", msg);
	free(msg);
	return -1;
}

static int get_number(struct ctx *c, const struct ynode *map, const char *key, bool *has,
		      double *out, double lo, double hi)
{
	const struct ynode *v = ynode_get(map, key);
	*has = false;
	if (!v)
		return 0;
	char *end;
	double x = v->kind == YNODE_SCALAR && v->style == YSTYLE_PLAIN && v->len ? strtod(v->str, &end) : NAN;
	if (isnan(x) || *end != '\0')
		return fail(c, v, "'%s' must be a number", key);
	if (x < lo || x > hi)
		return fail(c, v, "'%s' must be between %g and %g", key, lo, hi);
	*has = true;
	*out = x;
	return 0;
}

/* Compile the pattern (a string) or the token list at v into rx. */
static int compile_at(struct ctx *c, const struct ynode *v, const char *key, unsigned flags,
		      struct rx *rx)
{
	struct rx_error err;
	if (v->kind == YNODE_SCALAR && !ynode_is_null(v)) {
		if (rx_compile(rx, v->str, flags, &err) == 0)
			return 0;
		/* Point at the offending character when the pattern is written
		 * on one line in plain or single-quoted style. */
		unsigned col = v->col;
		if (v->style == YSTYLE_PLAIN)
			col += (unsigned)err.offset;
		else if (v->style == YSTYLE_SINGLE || v->style == YSTYLE_DOUBLE)
			col += 1 + (unsigned)err.offset;
		diag_add(c->dl, DIAG_ERROR, c->path, v->line, col,
			 "rule '%s': %s does not compile at offset %zu: %s", c->id, key, err.offset,
			 err.msg);
		return -1;
	}
	if (v->kind == YNODE_SEQ && v->n > 0) {
		char **toks;
		size_t n;
		if (ynode_as_strlist(v, key, c->path, c->dl, &toks, &n) < 0)
			return -1;
		int rc = rx_compile_tokens(rx, (const char *const *)toks, n, flags, &err);
		strv_free(toks, n);
		if (rc < 0)
			return fail(c, v, "%s do not compile: %s", key, err.msg);
		return 0;
	}
	return fail(c, v, "'%s' must be a pattern or a non-empty list of words", key);
}

static int load_swap(struct ctx *c, struct rule *r, const struct ynode *e, unsigned flags)
{
	const struct ynode *v = ynode_get(e, "swap");
	if (!v || v->kind != YNODE_MAP || v->n == 0)
		return fail(c, v ? v : e, "'swap' must map weak phrases to suggestions");
	size_t n = ynode_map_size(v);
	r->swap_from = xcalloc(n + 1, sizeof(char *));
	r->swap_to = xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		const struct ynode *val = ynode_map_value(v, i);
		if (val->kind != YNODE_SCALAR)
			return fail(c, val, "each suggestion in 'swap' must be text");
		r->swap_from[i] = xstrdup(ynode_map_key(v, i)->str);
		r->swap_to[i] = xstrdup(val->str);
		r->n_swap++;
	}
	struct rx_error err;
	if (rx_compile_tokens(&r->rx, (const char *const *)r->swap_from, r->n_swap, flags, &err) < 0)
		return fail(c, v, "'swap' does not compile: %s", err.msg);
	return 0;
}

/* Build the story an example describes. */
static struct story *example_story(struct ctx *c, const struct rule *r, const struct ynode *e)
{
	struct story *s = story_new("example");
	long repeat = 1;
	if (r->n_principles)
		story_add_principle(s, r->principles[0]);
	if (e->kind == YNODE_SCALAR) {
		int f = r->scope == SCOPE_STORY ? STORY_ACTION : r->scope;
		s->f[f].text = xstrdup(e->str);
		return s;
	}
	if (e->kind != YNODE_MAP) {
		fail(c, e, "an example is a sentence, or a mapping of sections");
		story_free(s);
		return NULL;
	}
	if (ynode_get(e, "repeat") &&
	    ynode_get_int(e, "repeat", false, 1, 10000, c->path, c->dl, &repeat) < 0) {
		story_free(s);
		return NULL;
	}
	for (size_t i = 0; i < ynode_map_size(e); i++) {
		const char *k = ynode_map_key(e, i)->str;
		const struct ynode *v = ynode_map_value(e, i);
		int f = story_field_from_key(k);
		if (f >= 0 && v->kind == YNODE_SCALAR) {
			struct buf b = BUF_INIT;
			for (long j = 0; j < repeat; j++) {
				if (j)
					buf_addc(&b, ' ');
				buf_add(&b, v->str, v->len);
			}
			s->f[f].text = buf_detach(&b, NULL);
		} else if (strcmp(k, "principles") == 0) {
			char **ids;
			size_t n;
			if (ynode_as_strlist(v, "principles", c->path, c->dl, &ids, &n) < 0) {
				story_free(s);
				return NULL;
			}
			story_set_principles(s, (const char *const *)ids, n);
			strv_free(ids, n);
		} else if (strcmp(k, "repeat") != 0) {
			fail(c, ynode_map_key(e, i), "unknown key '%s' in an example", k);
			story_free(s);
			return NULL;
		}
	}
	return s;
}

static int load_examples(struct ctx *c, struct rule *r, const struct ynode *v)
{
	static const char *const keys[] = { "flag", "pass", NULL };
	if (!v)
		return 0;
	if (v->kind != YNODE_MAP)
		return fail(c, v, "'examples' must be a mapping with 'flag' and 'pass' lists");
	ynode_warn_unknown_keys(v, keys, c->path, c->dl);
	for (int pass = 0; pass < 2; pass++) {
		const struct ynode *l = ynode_get(v, pass ? "pass" : "flag");
		if (!l)
			continue;
		if (l->kind != YNODE_SEQ)
			return fail(c, l, "'%s' must be a list of examples", pass ? "pass" : "flag");
		for (size_t i = 0; i < l->n; i++) {
			struct story *s = example_story(c, r, l->kids[i]);
			if (!s)
				return -1;
			r->examples = xrealloc(r->examples, (r->n_examples + 1) * sizeof(*r->examples));
			r->examples[r->n_examples++] =
				(struct rule_example){ s, !pass, l->kids[i]->line, l->kids[i]->col };
		}
	}
	return 0;
}

static int parse_rule(struct ctx *c, struct rule *r, const struct ynode *e)
{
	static const char *const required[] = { "level", "kind", "scope", "message" };
	char *s = NULL;
	bool b;
	const struct ynode *v;

	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!ynode_get(e, required[i]))
			return fail(c, e, "missing required key '%s'", required[i]);

	if (ynode_get_str(e, "level", true, c->path, c->dl, &s) < 0)
		return -1;
	int level = lint_level_from_name(s);
	free(s);
	if (level < 0)
		return fail(c, ynode_get(e, "level"), "'level' must be suggestion, warning or error");
	r->level = (enum lint_level)level;

	if (ynode_get_str(e, "kind", true, c->path, c->dl, &s) < 0)
		return -1;
	int kind = -1;
	for (int k = 0; k < RULE_NKINDS; k++)
		if (strcmp(kind_names[k], s) == 0)
			kind = k;
	free(s);
	if (kind < 0)
		return fail(c, ynode_get(e, "kind"),
			    "'kind' must be existence, require, occurrence, ratio, length or substitution");
	r->kind = (enum rule_kind)kind;

	if (ynode_get_str(e, "scope", true, c->path, c->dl, &s) < 0)
		return -1;
	r->scope = strcmp(s, "story") == 0 ? SCOPE_STORY : story_field_from_key(s);
	free(s);
	if (r->scope < 0)
		return fail(c, ynode_get(e, "scope"),
			    "'scope' must be title, situation, task, action, result, learned or story");

	if (ynode_get_str(e, "message", true, c->path, c->dl, &r->message) < 0 ||
	    ynode_get_strlist(e, "principles", false, c->path, c->dl, &r->principles,
			      &r->n_principles) < 0)
		return -1;
	unsigned flags = 0;
	b = false;
	if (ynode_get_bool(e, "ignorecase", false, c->path, c->dl, &b) < 0)
		return -1;
	flags |= b ? RX_CASELESS : 0;
	b = false;
	if (ynode_get_bool(e, "unicode", false, c->path, c->dl, &b) < 0)
		return -1;
	flags |= b ? RX_UCP : 0;

	const struct ynode *pat = ynode_get(e, "pattern"), *toks = ynode_get(e, "tokens");
	bool wants_pattern = r->kind <= RULE_RATIO;
	if (wants_pattern) {
		if (!pat == !toks)
			return fail(c, e, "a %s rule needs 'pattern' or 'tokens' (one of them)",
				    kind_names[r->kind]);
		if (compile_at(c, pat ? pat : toks, pat ? "pattern" : "tokens", flags, &r->rx) < 0)
			return -1;
		if (toks && ynode_as_strlist(toks, "tokens", c->path, c->dl, &r->tokens, &r->n_tokens) < 0)
			return -1;
	} else if (pat || toks) {
		return fail(c, pat ? pat : toks, "a %s rule takes no pattern", kind_names[r->kind]);
	}

	if ((v = ynode_get(e, "when")) && compile_at(c, v, "when", flags, &r->when) < 0)
		return -1;
	r->probe = -1;
	if ((v = ynode_get(e, "probe"))) {
		r->probe = v->kind == YNODE_SCALAR ? followup_type_from_name(v->str) : -1;
		if (r->probe < 0)
			return fail(c, v, "'probe' must be specificity, ownership, numbers, depth, "
				    "counterfactual or learning");
	}

	double hi = r->kind == RULE_RATIO ? 1 : 1e9;
	if (get_number(c, e, "min", &r->has_min, &r->min, 0, hi) < 0 ||
	    get_number(c, e, "max", &r->has_max, &r->max, 0, hi) < 0 ||
	    get_number(c, e, "min_share", &r->has_min_share, &r->min_share, 0, 100) < 0 ||
	    get_number(c, e, "max_share", &r->has_max_share, &r->max_share, 0, 100) < 0)
		return -1;
	r->rx_flags = flags;
	r->min_total = 1;
	if (ynode_get_int(e, "min_total", false, 1, 1000000, c->path, c->dl, &r->min_total) < 0)
		return -1;

	switch (r->kind) {
	case RULE_OCCURRENCE:
		if (!r->has_min && !r->has_max)
			return fail(c, e, "an occurrence rule needs 'min' or 'max'");
		break;
	case RULE_RATIO:
		if (!(v = ynode_get(e, "against")))
			return fail(c, e, "a ratio rule needs 'against' (a pattern or a word list)");
		if (compile_at(c, v, "against", flags, &r->against) < 0)
			return -1;
		if (!r->has_min && !r->has_max)
			return fail(c, e, "a ratio rule needs 'min' or 'max' (between 0 and 1)");
		break;
	case RULE_LENGTH:
		if (!r->has_min && !r->has_max && !r->has_min_share && !r->has_max_share)
			return fail(c, e, "a length rule needs 'min', 'max', 'min_share' or 'max_share'");
		break;
	case RULE_SUBSTITUTION:
		if (load_swap(c, r, e, flags) < 0)
			return -1;
		break;
	default:
		break;
	}
	if (r->has_min && r->has_max && r->min > r->max)
		return fail(c, e, "'min' is larger than 'max'");
	return load_examples(c, r, ynode_get(e, "examples"));
}

/* Add r to the set, replacing a rule with the same id. */
static void put_rule(struct ruleset *rs, struct rule *r)
{
	for (size_t i = 0; i < rs->n; i++) {
		if (strcmp(rs->v[i].id, r->id) == 0) {
			rule_release(&rs->v[i]);
			rs->v[i] = *r;
			return;
		}
	}
	rs->v = xrealloc(rs->v, (rs->n + 1) * sizeof(*rs->v));
	rs->v[rs->n++] = *r;
}

static int load_rule(struct ruleset *rs, const char *path, const struct ynode *e,
		     struct diag_list *dl)
{
	struct rule r = { 0 };
	struct ctx c = { path, NULL, dl };
	bool enabled = true;

	if (e->kind != YNODE_MAP) {
		diag_add(dl, DIAG_ERROR, path, e->line, e->col, "each rule must be a mapping, not %s",
			 ynode_kind_name(e->kind));
		return -1;
	}
	if (ynode_get_str(e, "id", true, path, dl, &r.id) < 0)
		return -1;
	c.id = r.id;
	if (ynode_get_bool(e, "enabled", false, path, dl, &enabled) < 0) {
		free(r.id);
		return -1;
	}
	/* "{id: x, enabled: false}" turns off a rule loaded before. */
	if (!enabled && !ynode_get(e, "kind")) {
		for (size_t i = 0; i < rs->n; i++) {
			if (strcmp(rs->v[i].id, r.id) == 0) {
				rs->v[i].enabled = false;
				free(r.id);
				return 0;
			}
		}
		diag_add(dl, DIAG_WARNING, path, e->line, e->col, "rule '%s': no such rule to turn off",
			 r.id);
		free(r.id);
		return 0;
	}
	ynode_warn_unknown_keys(e, rule_keys, path, dl);
	r.enabled = enabled;
	r.file = xstrdup(path);
	r.line = e->line;
	r.col = e->col;
	if (parse_rule(&c, &r, e) < 0) {
		rule_release(&r);
		return -1;
	}
	put_rule(rs, &r);
	return 0;
}

int ruleset_load_file(struct ruleset *rs, const char *path, struct diag_list *dl)
{
	struct ynode *root;
	if (ydoc_load_file(path, 0, &root, NULL, NULL, dl) < 0)
		return -1;
	const struct ynode *l = ynode_get(root, "rules");
	if (!l || l->kind != YNODE_SEQ) {
		diag_add(dl, DIAG_ERROR, path, root ? root->line : 1, root ? root->col : 1,
			 "a rules file must have a list under 'rules:'");
		ynode_free(root);
		return -1;
	}
	int rc = 0;
	/* Ids must be unique within one file; across files, later wins. */
	for (size_t i = 0; i < l->n; i++) {
		const struct ynode *id = ynode_get(l->kids[i], "id");
		for (size_t j = 0; id && id->kind == YNODE_SCALAR && j < i; j++) {
			const struct ynode *other = ynode_get(l->kids[j], "id");
			if (other && other->kind == YNODE_SCALAR && strcmp(other->str, id->str) == 0) {
				diag_add(dl, DIAG_WARNING, path, id->line, id->col,
					 "rule '%s' is defined twice in this file (first at line %u)",
					 id->str, other->line);
				break;
			}
		}
		if (load_rule(rs, path, l->kids[i], dl) < 0)
			rc = -1;
	}
	ynode_free(root);
	return rc;
}

int ruleset_load_dir(struct ruleset *rs, const char *dir, bool optional, struct diag_list *dl)
{
	if (optional && !fs_is_dir(dir))
		return 0;
	struct dirlist files;
	if (dirlist_yaml(&files, dir, dl) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < files.n; i++)
		if (ruleset_load_file(rs, files.paths[i], dl) < 0)
			rc = -1;
	dirlist_release(&files);
	return rc;
}

int ruleset_load_all(struct ruleset *rs, const char *data_dir, const char *stories_dir,
		     const char *extra, struct diag_list *dl)
{
	int rc = 0;
	char *shipped = path_join(data_dir, "rules");
	if (ruleset_load_dir(rs, shipped, false, dl) < 0)
		rc = -1;
	free(shipped);
	if (stories_dir) {
		char *user = path_join(stories_dir, ".lpcoach/rules");
		if (ruleset_load_dir(rs, user, true, dl) < 0)
			rc = -1;
		free(user);
	}
	if (extra && ruleset_load_dir(rs, extra, false, dl) < 0)
		rc = -1;
	return rc;
}
