/* dirlist.c - list a folder's YAML files. */
#include "dirlist.h"
#include "diag.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int dirlist_yaml(struct dirlist *l, const char *dir, struct diag_list *dl)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t n = 0, cap = 0;

	memset(l, 0, sizeof(*l));
	if (!d) {
		diag_add(dl, DIAG_ERROR, dir, 0, 0, "cannot open folder: %s", strerror(errno));
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !str_has_suffix(e->d_name, ".yaml") ||
		    strlen(e->d_name) == 5)
			continue;
		void *v = names;
		xgrow(&v, &cap, n + 1, sizeof(*names));
		names = v;
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	l->paths = xcalloc(n + 1, sizeof(*l->paths));
	l->stems = xcalloc(n + 1, sizeof(*l->stems));
	for (size_t i = 0; i < n; i++) {
		l->paths[i] = path_join(dir, names[i]);
		l->stems[i] = xstrndup(names[i], strlen(names[i]) - 5);
		free(names[i]);
	}
	free(names);
	l->n = n;
	return 0;
}

void dirlist_release(struct dirlist *l)
{
	strv_free(l->paths, l->n);
	strv_free(l->stems, l->n);
	memset(l, 0, sizeof(*l));
}
