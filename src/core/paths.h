/* paths.h - where lpcoach finds its data and the user's stories.
 *
 * Stories: --stories DIR, else $LPCOACH_STORIES, else
 * $XDG_DATA_HOME/lpcoach/stories (~/.local/share/lpcoach/stories).
 * Data (principles, prompts, rules): --data DIR, else $LPCOACH_DATA, else
 * the installed share folder, else the source tree lpcoach was built in.
 * Returned strings are the caller's to free.
 */
#ifndef LPCOACH_PATHS_H
#define LPCOACH_PATHS_H

struct diag_list;

/* The stories folder; NULL (with an error) when no home can be found. */
char *paths_stories_dir(const char *option, struct diag_list *dl);
/* The data folder: the first candidate that has a principles/ folder.
 * installed and source are the compiled-in locations. */
char *paths_data_dir(const char *option, const char *installed, const char *source,
		     struct diag_list *dl);

#endif
