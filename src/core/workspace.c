/* workspace.c - loading the data and stories folders. */
#include "workspace.h"
#include "diag.h"
#include "fsutil.h"
#include "paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int workspace_open(struct workspace *ws, const struct workspace_opts *o, struct diag_list *dl)
{
	memset(ws, 0, sizeof(*ws));
	config_load(&ws->config, NULL, dl);
	ws->data_dir = paths_data_dir(o->data, o->installed, o->source, dl);
	if (!ws->data_dir)
		return -1;
	char *pdir = path_join(ws->data_dir, "principles");
	int rc = catalog_load(&ws->cat, pdir, dl);
	free(pdir);
	if (rc < 0)
		return -1;
	config_apply_focus(&ws->config, &ws->cat, dl);
	if (o->flags & WS_PROMPTS) {
		char *dir = path_join(ws->data_dir, "prompts");
		prompts_load(&ws->prompts, dir, &ws->cat, dl);
		free(dir);
	}
	/* --stories, then $LPCOACH_STORIES, then the config, then the default. */
	const char *env = getenv("LPCOACH_STORIES");
	const char *want = o->stories ? o->stories
			 : env && *env ? NULL
			 : ws->config.stories;
	ws->stories_dir = paths_stories_dir(want, dl);
	if (!ws->stories_dir)
		return -1;
	bool explicit = want != NULL;
	if (!fs_is_dir(ws->stories_dir)) {
		if (explicit) {
			/* A folder named on the command line is not invented. */
			diag_add(dl, DIAG_ERROR, ws->stories_dir, 0, 0,
				 "no such stories folder (create it, or check --stories)");
			return -1;
		}
		if (fs_mkdir_p(ws->stories_dir, 0700, dl) < 0)
			return -1;
		ws->stories_created = true;
	}
	fs_clean_stale(ws->stories_dir, 60);
	if (o->flags & WS_NO_BANK)
		return 0;
	if (bank_load(&ws->bank, ws->stories_dir, dl) < 0)
		return -1;
	bank_check_principles(&ws->bank, &ws->cat, dl);
	return 0;
}

void workspace_release(struct workspace *ws)
{
	bank_release(&ws->bank);
	prompts_release(&ws->prompts);
	catalog_release(&ws->cat);
	config_release(&ws->config);
	free(ws->stories_dir);
	free(ws->data_dir);
	memset(ws, 0, sizeof(*ws));
}
