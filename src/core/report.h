/* report.h - the pre-loop report: coverage, the loop plan, each story's
 * lint score and what to do next, rendered as text (for a terminal),
 * Markdown (to print the night before) or JSON (for scripts).
 */
#ifndef LPCOACH_REPORT_H
#define LPCOACH_REPORT_H

#include <stdbool.h>

struct buf;
struct coverage;

enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_JSON };

/* Append the report to out. color adds terminal colours to text. */
void report_render(const struct coverage *c, enum report_format fmt, bool color,
		   struct buf *out);
/* The one-line summary, e.g. "11/16 principles covered · focus 4/5 · plan 9/16". */
void report_summary(const struct coverage *c, struct buf *out);

#endif
