/* config.c - the user's settings file. */
#include "config.h"
#include "catalog.h"
#include "diag.h"
#include "fsutil.h"
#include "util.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>

char *config_path(void)
{
	const char *e = getenv("LPCOACH_CONFIG");
	if (e && *e)
		return xstrdup(e);
	if ((e = getenv("XDG_CONFIG_HOME")) && *e == '/')
		return xasprintf("%s/lpcoach/config.yaml", e);
	if ((e = getenv("HOME")) && *e)
		return xasprintf("%s/.config/lpcoach/config.yaml", e);
	return NULL;
}

/* "~/x" -> "$HOME/x" (caller frees). */
static char *expand_home(const char *p)
{
	const char *home = getenv("HOME");
	if (p[0] == '~' && (p[1] == '/' || p[1] == '\0') && home)
		return xasprintf("%s%s", home, p + 1);
	return xstrdup(p);
}

int config_load(struct config *c, const char *path, struct diag_list *dl)
{
	static const char *const keys[] = { "target", "drill_seconds", "focus", "editor", "stories", NULL };
	memset(c, 0, sizeof(*c));
	char *p = path ? xstrdup(path) : config_path();
	if (!p || !fs_exists(p)) {
		free(p);
		return 0;
	}
	c->path = p;
	struct ynode *root;
	if (ydoc_load_file(p, 64 * 1024, &root, NULL, NULL, dl) < 0)
		return -1;
	int rc = 0;
	if (!root) {
		ynode_free(root);
		return 0; /* an empty file: nothing set */
	}
	if (root->kind != YNODE_MAP) {
		diag_add(dl, DIAG_ERROR, p, root->line, root->col,
			 "the configuration must be a mapping of settings (target, drill_seconds, "
			 "focus, editor, stories)");
		ynode_free(root);
		return -1;
	}
	ynode_warn_unknown_keys(root, keys, p, dl);
	char *stories = NULL;
	if (ynode_get_int(root, "target", false, 1, 16, p, dl, &c->target) < 0 ||
	    ynode_get_int(root, "drill_seconds", false, 10, 3600, p, dl, &c->drill_seconds) < 0 ||
	    ynode_get_str(root, "editor", false, p, dl, &c->editor) < 0 ||
	    ynode_get_str(root, "stories", false, p, dl, &stories) < 0)
		rc = -1;
	if (ynode_get(root, "focus") &&
	    ynode_get_strlist(root, "focus", false, p, dl, &c->focus, &c->n_focus) < 0)
		rc = -1;
	if (stories) {
		c->stories = expand_home(stories);
		free(stories);
	}
	ynode_free(root);
	return rc;
}

void config_apply_focus(const struct config *c, struct catalog *cat, struct diag_list *dl)
{
	if (!c->focus)
		return;
	for (size_t i = 0; i < c->n_focus; i++)
		if (catalog_index(cat, c->focus[i]) < 0)
			diag_add(dl, DIAG_WARNING, c->path, 0, 0, "focus: unknown principle '%s'",
				 c->focus[i]);
	for (size_t p = 0; p < cat->n; p++) {
		bool on = false;
		for (size_t i = 0; i < c->n_focus; i++)
			on |= strcmp(c->focus[i], cat->v[p].id) == 0;
		cat->v[p].focus = on;
	}
}

void config_release(struct config *c)
{
	free(c->path);
	strv_free(c->focus, c->n_focus);
	free(c->editor);
	free(c->stories);
	memset(c, 0, sizeof(*c));
}
