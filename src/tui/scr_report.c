/* scr_report.c - the pre-loop report, scrollable. */
#include "tui.h"
#include "../core/buf.h"
#include "../core/report.h"
#include "../core/utf8.h"
#include "../core/util.h"

#include <stdlib.h>
#include <string.h>

static void split_report(struct app *a)
{
	struct buf b = BUF_INIT;
	report_render(&a->cov, REPORT_TEXT, false, &b);
	const char *p = buf_cstr(&b);
	size_t cap = 16;
	a->report.lines = xcalloc(cap, sizeof(char *));
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (a->report.n == cap) {
			cap *= 2;
			a->report.lines = xrealloc(a->report.lines, cap * sizeof(char *));
		}
		a->report.lines[a->report.n++] = xstrndup(p, n);
		p += nl ? n + 1 : n;
	}
	buf_release(&b);
}

static void report_draw(struct app *a)
{
	if (!a->report.lines)
		split_report(a);
	draw_title(a, "Pre-loop report");
	int rows = a->rows - 3;
	size_t n = a->report.n;
	if (a->report.top + (size_t)rows > n)
		a->report.top = n > (size_t)rows ? n - (size_t)rows : 0;
	for (int r = 0; r < rows && a->report.top + (size_t)r < n; r++) {
		const char *line = a->report.lines[a->report.top + (size_t)r];
		enum style st = ST_NORMAL;
		if (line[0] && line[0] != ' ')
			st = ST_TITLE;
		else if (strstr(line, " no ") || strstr(line, "(0/") || strstr(line, "(1/"))
			st = ST_WARN;
		size_t skip = 0, len = strlen(line);
		for (size_t c = 0; c < a->report.left && skip < len; c++)
			skip = utf8_next(line, len, skip);
		draw_str(2 + r, 1, a->cols - 2, line + skip, st);
	}
	draw_footer(a, "j/k scroll  h/l sideways  PgUp/PgDn page  g/G top/bottom  q back  ? help");
}

static bool report_key(struct app *a, const struct key *k, enum action act)
{
	(void)k;
	if (pager_scroll(a, &a->report.top, act))
		return true;
	switch (act) {
	case ACT_BACK:
		app_back(a);
		return true;
	case ACT_LEFT:
		a->report.left = a->report.left > 8 ? a->report.left - 8 : 0;
		return true;
	case ACT_RIGHT:
		if (a->report.left < 200)
			a->report.left += 8;
		return true;
	default:
		return false;
	}
}

const struct screen_ops scr_report = { "report", report_draw, report_key, IN_REPORT };
