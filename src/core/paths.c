/* paths.c - locating the stories and data folders. */
#include "paths.h"
#include "diag.h"
#include "fsutil.h"
#include "util.h"

#include <stdlib.h>

char *paths_stories_dir(const char *option, struct diag_list *dl)
{
	const char *env;
	if (option) {
		if (*option)
			return xstrdup(option);
		diag_add(dl, DIAG_ERROR, NULL, 0, 0, "--stories needs a folder, not an empty value");
		return NULL;
	}
	if ((env = getenv("LPCOACH_STORIES")) && *env)
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) && *env == '/')
		return xasprintf("%s/lpcoach/stories", env);
	if ((env = getenv("HOME")) && *env)
		return xasprintf("%s/.local/share/lpcoach/stories", env);
	diag_add(dl, DIAG_ERROR, NULL, 0, 0,
		 "cannot find a stories folder: set HOME or LPCOACH_STORIES, or pass --stories DIR");
	return NULL;
}

static bool has_principles(const char *dir)
{
	char *p = path_join(dir, "principles");
	bool ok = fs_is_dir(p);
	free(p);
	return ok;
}

char *paths_data_dir(const char *option, const char *installed, const char *source,
		     struct diag_list *dl)
{
	const char *env = getenv("LPCOACH_DATA");
	if (option && !*option) {
		diag_add(dl, DIAG_ERROR, NULL, 0, 0, "--data needs a folder, not an empty value");
		return NULL;
	}
	const char *explicit = option ? option : env && *env ? env : NULL;
	if (explicit) {
		if (!has_principles(explicit)) {
			diag_add(dl, DIAG_ERROR, explicit, 0, 0,
				 "not a data folder: it has no principles/ folder");
			return NULL;
		}
		return xstrdup(explicit);
	}
	if (installed && has_principles(installed))
		return xstrdup(installed);
	if (source && has_principles(source))
		return xstrdup(source);
	diag_add(dl, DIAG_ERROR, NULL, 0, 0,
		 "cannot find lpcoach's data (principles, prompts, rules): looked in %s and %s; "
		 "pass --data DIR or set LPCOACH_DATA",
		 installed ? installed : "(none)", source ? source : "(none)");
	return NULL;
}
