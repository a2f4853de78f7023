/* workspace.h - everything a command works on: the data folder with its
 * principle catalog and prompts, and the stories folder with its bank.
 *
 * workspace_open() resolves both folders (see paths.h), loads what the
 * flags ask for, and collects every problem in the caller's diag_list.
 * It fails (-1) only when nothing useful can be done: no data folder, no
 * principle, or a stories folder that cannot be read. Broken story files
 * are reported and skipped. workspace_release() frees everything.
 */
#ifndef LPCOACH_WORKSPACE_H
#define LPCOACH_WORKSPACE_H

#include <stdbool.h>

#include "bank.h"
#include "catalog.h"
#include "config.h"
#include "prompts.h"

struct diag_list;

enum workspace_flags {
	WS_PROMPTS = 1 << 0, /* load prompts/ too */
	WS_NO_BANK = 1 << 1, /* find the stories folder, but load no story */
};

struct workspace_opts {
	const char *stories;   /* --stories, or NULL */
	const char *data;      /* --data, or NULL */
	const char *installed; /* compiled-in share folder */
	const char *source;    /* compiled-in source tree */
	unsigned flags;
};

struct workspace {
	char *stories_dir;
	char *data_dir;
	bool stories_created; /* the folder did not exist and was made */
	struct config config;
	struct catalog cat;
	struct prompts prompts;
	struct bank bank;
};

int workspace_open(struct workspace *ws, const struct workspace_opts *o, struct diag_list *dl);
void workspace_release(struct workspace *ws);

#endif
