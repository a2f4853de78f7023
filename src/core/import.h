/* import.h - a story from plain text or Markdown with STAR headings.
 *
 * Recognised: a title ("# Title", or "Title: ..."), "Principles: a, b"
 * (ids or names), "Tags: x, y", and sections introduced by a heading
 * ("## Situation", "**Task**", "Action:", "R:"), each heading's text running
 * to the next heading. Situation, Task, Action, Result and Learned (also
 * "Learning", "Lessons") are known.
 */
#ifndef LPCOACH_IMPORT_H
#define LPCOACH_IMPORT_H

#include <stddef.h>

struct catalog;
struct diag_list;
struct story;

/* Parse text (named file, for messages) into a new story with id "import"
 * (caller frees). Principle names are matched against cat. Returns NULL
 * with an error when no STAR section is found. */
struct story *import_parse(const char *file, const char *text, size_t len,
			   const struct catalog *cat, struct diag_list *dl);

#endif
