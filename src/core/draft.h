/* draft.h - drafting a story: the steps, a working copy, saving it, and the
 * recovery file that keeps an unsaved draft safe.
 *
 * A draft works on its own copy of the story; nothing in the bank changes
 * until draft_save() succeeds. The steps are: principles, title, then the
 * STAR sections and what was learned. While the user types, the draft is
 * autosaved to "<stories>/.lpcoach/draft.yaml" (a story file with two more
 * keys, 'draft-of' and 'draft-step'), which the next start offers to
 * recover. Saving checks that the story's file has not changed on disk
 * since it was opened and says so instead of overwriting it.
 *
 * A draft owns its working copy and strings; draft_release() frees them.
 */
#ifndef LPCOACH_DRAFT_H
#define LPCOACH_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "story.h"

struct bank;
struct catalog;
struct diag_list;

enum draft_step {
	DRAFT_PRINCIPLES,
	DRAFT_TITLE,
	DRAFT_SITUATION,
	DRAFT_TASK,
	DRAFT_ACTION,
	DRAFT_RESULT,
	DRAFT_LEARNED,
	DRAFT_NSTEPS
};

enum draft_save_status {
	DRAFT_SAVED,
	DRAFT_CONFLICT, /* the file changed on disk since it was opened */
	DRAFT_FAILED,   /* see the diagnostics; the text is still in the draft */
};

struct draft {
	const struct catalog *cat;
	struct story *story;   /* the working copy */
	char *orig_id;         /* the story being edited, NULL for a new one */
	char *stories_dir;
	enum draft_step step;
	bool dirty;            /* changed since opened or saved */
	bool autosave_dirty;   /* changed since the last autosave */
	size_t *order;         /* principles in picker order (catalog indices) */
	size_t n_order;
	size_t sel;            /* selected entry of order */
};

/* A new story; principles in ids (may be NULL) are chosen already. The
 * picker lists gaps (fewer than target stories) and focus principles first. */
void draft_new(struct draft *d, const char *stories_dir, const struct catalog *cat,
	       const struct bank *bank, unsigned target, const char *const *ids, size_t n_ids);
/* Edit a copy of s (which stays in the bank until saved). */
void draft_edit(struct draft *d, const char *stories_dir, const struct catalog *cat,
		const struct bank *bank, unsigned target, const struct story *s);
void draft_release(struct draft *d);

/* The field a text step edits (STORY_TITLE...), or -1 for the principles. */
int draft_step_field(enum draft_step step);
const char *draft_step_name(enum draft_step step);
void draft_set_step(struct draft *d, enum draft_step step);
void draft_next_step(struct draft *d);
void draft_prev_step(struct draft *d);

void draft_set_text(struct draft *d, enum story_field f, const char *text);
/* Toggle the principle at picker position k. */
void draft_toggle(struct draft *d, size_t k);

/* Save into the bank's folder (a new story gets an id from its title) and
 * put a copy in the bank. force overwrites a file changed on disk. */
enum draft_save_status draft_save(struct draft *d, struct bank *bank, bool force,
				  struct diag_list *dl);

/* Write the recovery file (only when there is something new to keep). */
int draft_autosave(struct draft *d, struct diag_list *dl);
/* The recovery file's path (caller frees). */
char *draft_recovery_path(const char *stories_dir);
/* Load a recovery file into d; returns -1 when there is none or it is
 * unreadable (then it is left on disk for the user). */
int draft_recover(struct draft *d, const char *stories_dir, const struct catalog *cat,
		  const struct bank *bank, unsigned target, struct diag_list *dl);
void draft_discard_recovery(const char *stories_dir);

#endif
