/* bank.h - the story bank: every story file of a stories folder.
 *
 * A file that cannot be loaded is reported and skipped; the rest of the
 * bank still loads. The bank owns its stories (story_free on release).
 */
#ifndef LPCOACH_BANK_H
#define LPCOACH_BANK_H

#include <stdbool.h>
#include <stddef.h>

struct catalog;
struct diag_list;
struct story;

struct bank {
	char *dir;
	struct story **v; /* sorted by id */
	size_t n;
	size_t n_broken;  /* files that could not be loaded */
};

#define BANK_INIT { NULL, NULL, 0, 0 }

/* Load every "*.yaml" of dir. Returns -1 only when dir cannot be read. */
int bank_load(struct bank *b, const char *dir, struct diag_list *dl);
void bank_release(struct bank *b);

struct story *bank_find(const struct bank *b, const char *id);
/* Take ownership of s (replacing a story with the same id). */
void bank_put(struct bank *b, struct story *s);
/* Number of stories mapped to principle id. */
size_t bank_count_principle(const struct bank *b, const char *id);
/* Warn about principle ids that are not in the catalog, with location. */
void bank_check_principles(const struct bank *b, const struct catalog *c,
			   struct diag_list *dl);
/* Does s map to principle (NULL: any) and contain query (NULL or "": any)
 * in its id, title or text, ignoring ASCII case? */
bool bank_story_matches(const struct story *s, const char *principle, const char *query);
/* An id for a new story from its title that no file in the bank uses yet
 * (caller frees). */
char *bank_new_id(const struct bank *b, const char *title);

#endif
