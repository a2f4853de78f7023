/* bank.c - the story bank. */
#include "bank.h"
#include "catalog.h"
#include "diag.h"
#include "dirlist.h"
#include "fsutil.h"
#include "story.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A large bank is parsed by several threads, each over a contiguous range
 * of files with its own diagnostics, joined in file order afterwards. */
struct load_job {
	const struct dirlist *files;
	struct story **out;
	size_t from, to;
	struct diag_list dl;
};

static void *load_range(void *arg)
{
	struct load_job *j = arg;
	for (size_t i = j->from; i < j->to; i++)
		j->out[i] = story_load_file(j->files->paths[i], &j->dl);
	return NULL;
}

int bank_load(struct bank *b, const char *dir, struct diag_list *dl)
{
	enum { MAX_THREADS = 8, PER_THREAD = 250 };
	struct dirlist files;
	memset(b, 0, sizeof(*b));
	b->dir = xstrdup(dir);
	if (dirlist_yaml(&files, dir, dl) < 0)
		return -1;
	struct story **loaded = xcalloc(files.n + 1, sizeof(*loaded));
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 1 ? (size_t)cpus : 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if (n > files.n / PER_THREAD)
		n = files.n / PER_THREAD;
	if (n < 1)
		n = 1;
	struct load_job jobs[MAX_THREADS];
	pthread_t tid[MAX_THREADS];
	bool started[MAX_THREADS] = { false };
	for (size_t k = 0; k < n; k++) {
		jobs[k] = (struct load_job){ &files, loaded, files.n * k / n, files.n * (k + 1) / n,
					     DIAG_LIST_INIT };
		if (k > 0)
			started[k] = pthread_create(&tid[k], NULL, load_range, &jobs[k]) == 0;
	}
	load_range(&jobs[0]);
	for (size_t k = 1; k < n; k++) {
		if (started[k])
			pthread_join(tid[k], NULL);
		else
			load_range(&jobs[k]);
	}
	for (size_t k = 0; k < n; k++)
		diag_move(dl, &jobs[k].dl);
	b->v = xcalloc(files.n + 1, sizeof(*b->v));
	for (size_t i = 0; i < files.n; i++) {
		if (loaded[i])
			b->v[b->n++] = loaded[i];
		else
			b->n_broken++;
	}
	free(loaded);
	dirlist_release(&files);
	return 0;
}

void bank_release(struct bank *b)
{
	for (size_t i = 0; i < b->n; i++)
		story_free(b->v[i]);
	free(b->v);
	free(b->dir);
	memset(b, 0, sizeof(*b));
}

struct story *bank_find(const struct bank *b, const char *id)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i]->id, id) == 0)
			return b->v[i];
	return NULL;
}

void bank_put(struct bank *b, struct story *s)
{
	size_t i = 0;
	while (i < b->n && strcmp(b->v[i]->id, s->id) < 0)
		i++;
	if (i < b->n && strcmp(b->v[i]->id, s->id) == 0) {
		if (b->v[i] != s)
			story_free(b->v[i]);
		b->v[i] = s;
		return;
	}
	b->v = xrealloc(b->v, (b->n + 2) * sizeof(*b->v));
	memmove(&b->v[i + 1], &b->v[i], (b->n - i) * sizeof(*b->v));
	b->v[i] = s;
	b->n++;
}

size_t bank_count_principle(const struct bank *b, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += story_has_principle(b->v[i], id);
	return n;
}

void bank_check_principles(const struct bank *b, const struct catalog *c,
			   struct diag_list *dl)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct story *s = b->v[i];
		for (size_t j = 0; j < s->n_principles; j++) {
			const struct story_ref *r = &s->principles[j];
			if (catalog_index(c, r->id) >= 0)
				continue;
			const char *hint = catalog_suggest(c, r->id);
			if (hint)
				diag_add(dl, DIAG_WARNING, s->path, r->line, r->col,
					 "unknown principle '%s' (did you mean '%s'?)", r->id, hint);
			else
				diag_add(dl, DIAG_WARNING, s->path, r->line, r->col,
					 "unknown principle '%s' (see 'lpcoach principles')", r->id);
		}
	}
}

char *bank_new_id(const struct bank *b, const char *title)
{
	char *stem = story_slug(title);
	char *id = xstrdup(stem);
	for (unsigned k = 2;; k++) {
		char *name = xasprintf("%s.yaml", id);
		char *path = path_join(b->dir, name);
		bool taken = bank_find(b, id) || fs_exists(path);
		free(name);
		free(path);
		if (!taken)
			break;
		free(id);
		id = xasprintf("%s-%u", stem, k);
	}
	free(stem);
	return id;
}

static bool contains(const char *hay, const char *needle)
{
	if (!hay)
		return false;
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

bool bank_story_matches(const struct story *s, const char *principle, const char *query)
{
	if (principle && !story_has_principle(s, principle))
		return false;
	if (!query || !*query)
		return true;
	if (contains(s->id, query))
		return true;
	for (int f = 0; f < STORY_NFIELDS; f++)
		if (contains(story_text(s, (enum story_field)f), query))
			return true;
	return false;
}
