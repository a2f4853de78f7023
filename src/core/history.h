/* history.h - the drill log: one line per answered question, in
 * "<stories dir>/.lpcoach/drill.log".
 *
 * A record is tab-separated: the time (UTC, 2026-11-24T05:00:00Z), question
 * id, principle id, the story told ("-" for none), seconds taken and the
 * rating (1 to 4; "-" when skipped). Lines starting with '#' are comments.
 * A corrupt line is skipped with a warning naming it; it is never fatal.
 * Appending rewrites the file atomically, so a crash leaves the old log or
 * the new one, never a torn line.
 *
 * A history owns its entries; history_release() frees them.
 */
#ifndef LPCOACH_HISTORY_H
#define LPCOACH_HISTORY_H

#include <stddef.h>

struct diag_list;

#define HISTORY_MAX_FILE (64 * 1024 * 1024)

struct history_entry {
	long long time; /* seconds since the epoch, UTC */
	char *question;
	char *principle;
	char *story;    /* NULL when none */
	unsigned seconds;
	int rating;     /* 1 to 4, or 0 when skipped */
};

struct history {
	struct history_entry *v;
	size_t n, cap;
};

#define HISTORY_INIT { NULL, 0, 0 }

/* The log's path for a stories folder (caller frees). */
char *history_path(const char *stories_dir);
/* Load path; a missing file is an empty history. Returns -1 only when the
 * file exists but cannot be read. */
int history_load(struct history *h, const char *path, struct diag_list *dl);
/* Append e to the log at path (creating its folder, mode 0700) and to h. */
int history_append(struct history *h, const char *path, const struct history_entry *e,
		   struct diag_list *dl);
void history_release(struct history *h);

/* "2026-11-24T05:00:00Z" <-> seconds since the epoch. */
void history_format_time(long long t, char out[32]);
int history_parse_time(const char *s, long long *t);

#endif
