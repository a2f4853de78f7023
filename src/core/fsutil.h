/* fsutil.h - reading files with a size bound, and writing them safely.
 *
 * fs_write_atomic() is the only way lpcoach replaces a file: a temporary file
 * created exclusively (mode 0600) beside the target, written in full,
 * fsynced, closed, given the old file's mode, renamed over the target, and
 * the folder fsynced. A failure at any step leaves the old file as it was,
 * removes the temporary file and adds a diagnostic; an fsync is never
 * retried. Temporary names start with FS_TMP_PREFIX so that files left by a
 * killed writer can be cleaned with fs_clean_stale().
 */
#ifndef LPCOACH_FSUTIL_H
#define LPCOACH_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct diag_list;

#define FS_TMP_PREFIX ".lpcoach-tmp-"

/* Read a whole regular file of at most limit bytes into *data (caller
 * frees; NUL-terminated, *len excludes the NUL). */
int fs_read_file(const char *path, size_t limit, char **data, size_t *len,
		 struct diag_list *dl);

/* Replace path with data. A new file gets mode new_mode; an existing one
 * keeps its mode. */
int fs_write_atomic(const char *path, const void *data, size_t len, mode_t new_mode,
		    struct diag_list *dl);

/* Create dir and its missing parents with mode (applied exactly, whatever
 * the umask). An existing folder is left as it is. */
int fs_mkdir_p(const char *dir, mode_t mode, struct diag_list *dl);

/* Remove temporary files left in dir by an interrupted fs_write_atomic()
 * that are at least min_age seconds old (a live writer's file is younger).
 * Returns how many were removed. */
int fs_clean_stale(const char *dir, int min_age);

bool fs_is_dir(const char *path);
bool fs_exists(const char *path);

#endif
