/* catalog.h - the leadership principles and their question banks, loaded
 * from "<data dir>/principles/<id>.yaml".
 *
 * The catalog owns its principles and questions; pointers into it stay
 * valid until catalog_release(). Principles are kept in their 'order'.
 */
#ifndef LPCOACH_CATALOG_H
#define LPCOACH_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;

struct question {
	char *id;
	char *text;
	size_t principle; /* index into catalog.v */
	unsigned line;    /* where it is defined */
};

struct principle {
	char *id;
	char *name;
	bool focus;
	long order;
	char *summary;
	char **listen_for;
	size_t n_listen_for;
	char **signals;
	size_t n_signals;
	struct question *questions;
	size_t n_questions;
	char *path;
};

struct catalog {
	struct principle *v;
	size_t n;
};

#define CATALOG_INIT { NULL, 0 }

/* Load every *.yaml in dir. A file with errors is reported and skipped;
 * returns -1 when dir cannot be read or no principle loaded. */
int catalog_load(struct catalog *c, const char *dir, struct diag_list *dl);
void catalog_release(struct catalog *c);

/* Index of the principle with this id, or -1. */
int catalog_index(const struct catalog *c, const char *id);
const struct principle *catalog_find(const struct catalog *c, const char *id);
/* The closest principle id within a small edit distance, for hints; or NULL. */
const char *catalog_suggest(const struct catalog *c, const char *id);
const struct question *catalog_question(const struct catalog *c, const char *qid);
size_t catalog_focus_count(const struct catalog *c);
size_t catalog_question_count(const struct catalog *c);

#endif
