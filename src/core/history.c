/* history.c - the drill log. */
#include "history.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *history_path(const char *stories_dir)
{
	return path_join(stories_dir, ".lpcoach/drill.log");
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

void history_format_time(long long t, char out[32])
{
	long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	long long secs = t - days * 86400;
	/* civil_from_days */
	long long z = days + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = (long long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	unsigned hs = (unsigned)secs;
	snprintf(out, 32, "%04d-%02u-%02uT%02u:%02u:%02uZ", (int)(y % 100000), m % 100, d % 100,
		 hs / 3600 % 100, hs / 60 % 60, hs % 60);
}

int history_parse_time(const char *s, long long *t)
{
	unsigned y, mo, d, h, mi, se;
	char z;
	int n = 0;
	if (sscanf(s, "%4u-%2u-%2uT%2u:%2u:%2u%c%n", &y, &mo, &d, &h, &mi, &se, &z, &n) != 7 ||
	    z != 'Z' || s[n] != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || se > 60)
		return -1;
	*t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}

static void push(struct history *h, const struct history_entry *e)
{
	void *v = h->v;
	xgrow(&v, &h->cap, h->n + 1, sizeof(*h->v));
	h->v = v;
	struct history_entry *d = &h->v[h->n++];
	*d = *e;
	d->question = xstrdup(e->question);
	d->principle = xstrdup(e->principle);
	d->story = e->story ? xstrdup(e->story) : NULL;
}

/* Split a line into tab-separated fields; returns how many. */
static size_t split(char *line, char **f, size_t max)
{
	size_t n = 0;
	for (char *p = line; n < max;) {
		f[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static int parse_line(char *line, struct history_entry *e)
{
	char *f[7];
	if (split(line, f, 7) != 6)
		return -1;
	char *end;
	if (history_parse_time(f[0], &e->time) < 0 || !*f[1] || !*f[2] || !*f[3])
		return -1;
	errno = 0;
	unsigned long secs = strtoul(f[4], &end, 10);
	if (*f[4] == '\0' || *end || errno || secs > 86400 * 7)
		return -1;
	int rating = 0;
	if (strcmp(f[5], "-") != 0) {
		if (f[5][0] < '1' || f[5][0] > '4' || f[5][1])
			return -1;
		rating = f[5][0] - '0';
	}
	e->question = f[1];
	e->principle = f[2];
	e->story = strcmp(f[3], "-") == 0 ? NULL : f[3];
	e->seconds = (unsigned)secs;
	e->rating = rating;
	return 0;
}

int history_load(struct history *h, const char *path, struct diag_list *dl)
{
	char *data;
	size_t len;
	struct diag_list quiet = DIAG_LIST_INIT;
	memset(h, 0, sizeof(*h));
	if (!fs_exists(path))
		return 0;
	if (fs_read_file(path, HISTORY_MAX_FILE, &data, &len, &quiet) < 0) {
		diag_move(dl, &quiet);
		return -1;
	}
	unsigned lineno = 0;
	for (char *p = data; p < data + len;) {
		char *nl = memchr(p, '\n', (size_t)(data + len - p));
		lineno++;
		if (!nl) {
			/* A last line with no newline was cut short by a crash
			 * (appends always end with one). */
			diag_add(dl, DIAG_WARNING, path, lineno, 1, "incomplete last record skipped");
			break;
		}
		*nl = '\0';
		struct history_entry e;
		if (*p && *p != '#') {
			if (parse_line(p, &e) == 0)
				push(h, &e);
			else
				diag_add(dl, DIAG_WARNING, path, lineno, 1,
					 "corrupt drill record skipped (expected: time, question, "
					 "principle, story, seconds, rating, separated by tabs)");
		}
		p = nl + 1;
	}
	free(data);
	return 0;
}

int history_append(struct history *h, const char *path, const struct history_entry *e,
		   struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	char when[32];
	int rc = -1;

	/* The log's folder: "<stories>/.lpcoach". */
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		if (fs_mkdir_p(dir, 0700, dl) < 0)
			goto out;
	}
	if (fs_exists(path) && fs_read_file(path, HISTORY_MAX_FILE, &data, &len, dl) < 0)
		goto out;
	if (len == 0)
		buf_adds(&b, "# lpcoach drill log: time, question, principle, story, seconds, rating\n");
	buf_add(&b, data, len);
	if (len && data[len - 1] != '\n')
		buf_addc(&b, '\n'); /* seal a torn last line so it stays one bad record */
	history_format_time(e->time, when);
	buf_addf(&b, "%s\t%s\t%s\t%s\t%u\t", when, e->question, e->principle,
		 e->story ? e->story : "-", e->seconds);
	if (e->rating)
		buf_addf(&b, "%d\n", e->rating);
	else
		buf_adds(&b, "-\n");
	if (fs_write_atomic(path, b.s, b.len, 0600, dl) < 0)
		goto out;
	push(h, e);
	rc = 0;
out:
	free(dir);
	free(data);
	buf_release(&b);
	return rc;
}

void history_release(struct history *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i].question);
		free(h->v[i].principle);
		free(h->v[i].story);
	}
	free(h->v);
	memset(h, 0, sizeof(*h));
}
