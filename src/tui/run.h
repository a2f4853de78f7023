/* run.h - starting the terminal interface (for the command line). */
#ifndef LPCOACH_TUI_RUN_H
#define LPCOACH_TUI_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tui_start { TUI_HOME, TUI_NEW, TUI_EDIT, TUI_DRILL };

struct tui_options {
	const char *stories, *data;       /* as on the command line, may be NULL */
	const char *installed, *source;   /* compiled-in data folders */
	enum tui_start start;
	const char *const *principles;    /* TUI_NEW: chosen already; TUI_DRILL: only these */
	size_t n_principles;
	const char *edit_id;              /* TUI_EDIT */
	long count, seconds;              /* TUI_DRILL */
	bool hide_principle;
	uint64_t seed;
};

struct buf;

/* The key bindings of every screen, from the action table, as Markdown (for
 * the README and 'lpcoach keys'). */
void tui_keys_markdown(struct buf *out);

/* Run the interface; returns the exit status. Prints its own errors. */
int tui_run(const struct tui_options *o);

#endif
