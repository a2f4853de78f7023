/* config.h - the user's settings: $XDG_CONFIG_HOME/lpcoach/config.yaml
 * (~/.config/lpcoach/config.yaml), or $LPCOACH_CONFIG.
 *
 *   target: 2                 stories wanted per principle
 *   drill_seconds: 120        the drill's time target per answer
 *   focus: [dive-deep, ...]   the focus principles (instead of principles/)
 *   editor: vim               for Ctrl-E, instead of $VISUAL and $EDITOR
 *   stories: ~/prep/stories   the stories folder, after $LPCOACH_STORIES
 *
 * Every key is optional; command-line options override them. A missing
 * file is an empty configuration. struct config owns its strings;
 * config_release() frees them.
 */
#ifndef LPCOACH_CONFIG_H
#define LPCOACH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct catalog;
struct diag_list;

struct config {
	char *path;          /* the file read, or NULL when there was none */
	long target;         /* 0: not set */
	long drill_seconds;  /* 0: not set */
	char **focus;        /* NULL: not set */
	size_t n_focus;
	char *editor;
	char *stories;
};

/* The config file's path (caller frees); NULL when no home is known. */
char *config_path(void);
/* Load path (NULL: config_path()). Returns -1 on a broken file (reported;
 * the settings read so far are kept). */
int config_load(struct config *c, const char *path, struct diag_list *dl);
/* Apply 'focus' to the catalog, warning about unknown ids. */
void config_apply_focus(const struct config *c, struct catalog *cat, struct diag_list *dl);
void config_release(struct config *c);

#endif
