/* dirlist.h - the "*.yaml" files of a folder, sorted by name.
 *
 * Hidden files and temporary files are skipped. The list owns its strings;
 * dirlist_release() frees them.
 */
#ifndef LPCOACH_DIRLIST_H
#define LPCOACH_DIRLIST_H

#include <stddef.h>

struct diag_list;

struct dirlist {
	char **paths; /* "dir/name.yaml" */
	char **stems; /* "name" */
	size_t n;
};

/* Returns -1 (with a diagnostic) when dir cannot be read. */
int dirlist_yaml(struct dirlist *l, const char *dir, struct diag_list *dl);
void dirlist_release(struct dirlist *l);

#endif
