/* bench.c - in-process benchmarks of lpcoach's core.
 *
 *   bench DATA_DIR BANK_DIR
 *       DATA_DIR holds principles/, prompts/ and rules/ (the repository root);
 *       BANK_DIR is a stories folder (see gen.c). Prints one figure a line,
 *       "name<TAB>value<TAB>unit", each time figure the median of
 *       BENCH_RUNS runs (default 5):
 *         load      bank_load of the whole bank: seconds, MB/s of .yaml bytes
 *         lint      every story with the full shipped rule set, one thread:
 *                   MB/s of story text (the STAR sections) and stories/s
 *         live lint lint_story on one in-memory story of median length,
 *                   BENCH_LIVE_CALLS calls (default 2000): median and p99 in us
 *         report    coverage_build + report_render (text), loop plan included
 *
 *   bench --text BANK_DIR OUT_FILE [MAX]
 *       Write the STAR sections of the bank's stories (the first MAX in id
 *       order, default all) as plain text to OUT_FILE, for the peer tools.
 *       Prints "text_stories<TAB>N<TAB>stories" and "text_bytes<TAB>B<TAB>bytes".
 *
 * MB is 10^6 bytes. Nothing here asserts a speed: run.sh compares the
 * figures with their targets and prints a table.
 */
#include "bank.h"
#include "buf.h"
#include "catalog.h"
#include "coverage.h"
#include "diag.h"
#include "lint.h"
#include "report.h"
#include "rules.h"
#include "story.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile (0 < q <= 1) of v[0..n) by nearest rank; sorts v. */
static double quantile(double *v, size_t n, double q)
{
	if (n == 0)
		return 0.0;
	qsort(v, n, sizeof(*v), cmp_double);
	size_t k = (size_t)(q * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

/* The median of v[0..n); sorts v. */
static double median(double *v, size_t n)
{
	if (n == 0)
		return 0.0;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "bench: out of memory\n");
		exit(2);
	}
	return p;
}

static long env_long(const char *name, long def, long lo, long hi)
{
	const char *s = getenv(name);
	if (!s || !*s)
		return def;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end != '\0' || v < lo || v > hi) {
		fprintf(stderr, "bench: %s must be a number from %ld to %ld\n", name, lo, hi);
		exit(2);
	}
	return v;
}

static void figure(const char *name, double value, const char *unit)
{
	printf("%s\t%.6g\t%s\n", name, value, unit);
	fflush(stdout);
}

static void figure_count(const char *name, size_t value, const char *unit)
{
	printf("%s\t%zu\t%s\n", name, value, unit);
	fflush(stdout);
}

static void figure_fixed(const char *name, double value, int decimals, const char *unit)
{
	printf("%s\t%.*f\t%s\n", name, decimals, value, unit);
	fflush(stdout);
}

/* Sum of the sizes of the *.yaml files in dir, and their count. */
static int yaml_bytes(const char *dir, size_t *bytes, size_t *files)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	*bytes = *files = 0;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		char path[4096];
		struct stat st;
		if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path))
			continue;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			*bytes += (size_t)st.st_size;
			(*files)++;
		}
	}
	closedir(d);
	return 0;
}

/* Bytes of a story's STAR sections (situation to learned; the title left out). */
static size_t story_text_bytes(const struct story *s)
{
	size_t n = 0;
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, (enum story_field)f);
		if (t)
			n += strlen(t);
	}
	return n;
}

static void print_diags(const char *what, struct diag_list *dl, size_t max)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dl->n && i < max; i++) {
		buf_truncate(&b, 0);
		diag_format(&dl->v[i], &b);
		fprintf(stderr, "bench: %s: %s\n", what, buf_cstr(&b));
	}
	if (dl->n > max)
		fprintf(stderr, "bench: %s: ... and %zu more\n", what, dl->n - max);
	buf_release(&b);
}

/* ---- bench --text ---------------------------------------------------------- */

static int export_text(const char *bank_dir, const char *out_path, size_t max)
{
	struct bank bank = BANK_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	if (bank_load(&bank, bank_dir, &dl) < 0) {
		print_diags("load", &dl, 5);
		return 2;
	}
	diag_list_release(&dl);
	FILE *f = fopen(out_path, "wb");
	if (!f) {
		fprintf(stderr, "bench: cannot write %s: %s\n", out_path, strerror(errno));
		bank_release(&bank);
		return 2;
	}
	size_t n = 0, bytes = 0;
	for (size_t i = 0; i < bank.n && n < max; i++, n++) {
		for (int k = STORY_FIRST_SECTION; k < STORY_NFIELDS; k++) {
			const char *t = story_text(bank.v[i], (enum story_field)k);
			if (!t)
				continue;
			size_t len = strlen(t);
			fwrite(t, 1, len, f);
			bytes += len;
			/* each section its own paragraph */
			if (len && t[len - 1] != '\n')
				fputc('\n', f);
			fputc('\n', f);
		}
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "bench: cannot write %s: %s\n", out_path, strerror(errno));
		bank_release(&bank);
		return 2;
	}
	printf("text_stories\t%zu\tstories\n", n);
	printf("text_bytes\t%zu\tbytes\n", bytes);
	bank_release(&bank);
	return 0;
}

/* ---- the benchmarks ---------------------------------------------------------- */

struct sized {
	size_t i, bytes;
};

static int cmp_sized(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;
	if (x->bytes != y->bytes)
		return (x->bytes > y->bytes) - (x->bytes < y->bytes);
	return (x->i > y->i) - (x->i < y->i);
}

/* A copy of s built in memory, as the editor holds a story being typed:
 * no path, no positions in a file. */
static struct story *in_memory_copy(const struct story *s)
{
	struct story *c = story_new(s->id);
	for (int f = 0; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, (enum story_field)f);
		if (t)
			story_set_text(c, (enum story_field)f, t);
	}
	const char **ids = xmalloc((s->n_principles + 1) * sizeof(*ids));
	for (size_t k = 0; k < s->n_principles; k++)
		ids[k] = s->principles[k].id;
	story_set_principles(c, ids, s->n_principles);
	free(ids);
	return c;
}

static int run(const char *data_dir, const char *bank_dir)
{
	const long runs = env_long("BENCH_RUNS", 5, 1, 1000);
	const long live_calls = env_long("BENCH_LIVE_CALLS", 2000, 10, 10000000);
	double *t = xmalloc((size_t)runs * sizeof(*t));
	double *t2 = xmalloc((size_t)runs * sizeof(*t2));
	double *t3 = xmalloc((size_t)runs * sizeof(*t3));
	struct diag_list dl = DIAG_LIST_INIT;
	int rc = 0;

	/* Data: the principle catalog and the full shipped rule set. */
	char path[4096];
	struct catalog cat = CATALOG_INIT;
	snprintf(path, sizeof(path), "%s/principles", data_dir);
	if (catalog_load(&cat, path, &dl) < 0) {
		print_diags("principles", &dl, 10);
		return 2;
	}
	diag_list_release(&dl);
	struct ruleset rules = RULESET_INIT;
	if (ruleset_load_all(&rules, data_dir, bank_dir, NULL, &dl) < 0) {
		print_diags("rules", &dl, 10);
		rc = 2; /* go on with the rules that loaded */
	}
	diag_list_release(&dl);
	if (rules.n == 0) {
		fprintf(stderr, "bench: no lint rule loaded from %s/rules\n", data_dir);
		catalog_release(&cat);
		return 2;
	}

	size_t yaml_total = 0, yaml_files = 0;
	if (yaml_bytes(bank_dir, &yaml_total, &yaml_files) < 0) {
		fprintf(stderr, "bench: cannot read %s: %s\n", bank_dir, strerror(errno));
		return 2;
	}
	figure_count("rules", ruleset_enabled_count(&rules), "rules");
	figure_count("bank_files", yaml_files, "files");
	figure_count("bank_bytes", yaml_total, "bytes");

	/* 1. Load. */
	struct bank bank = BANK_INIT;
	size_t broken_diags = 0;
	for (long r = 0; r < runs; r++) {
		if (r > 0)
			bank_release(&bank);
		bank = (struct bank)BANK_INIT;
		double t0 = now();
		int lr = bank_load(&bank, bank_dir, &dl);
		t[r] = now() - t0;
		if (lr < 0) {
			print_diags("load", &dl, 10);
			return 2;
		}
		broken_diags = diag_count(&dl, DIAG_ERROR);
		diag_list_release(&dl);
	}
	double load = median(t, (size_t)runs);
	figure("load_time", load, "s");
	figure("load_throughput", (double)yaml_total / 1e6 / load, "MB/s");
	figure_count("load_stories", bank.n, "stories");
	figure_count("load_broken", bank.n_broken, "files");
	if (broken_diags < bank.n_broken)
		fprintf(stderr, "bench: %zu broken files but only %zu load errors\n", bank.n_broken,
			broken_diags);
	if (bank.n == 0) {
		fprintf(stderr, "bench: no story loaded from %s\n", bank_dir);
		return 2;
	}

	size_t text_total = 0, words_total = 0;
	struct sized *sz = xmalloc(bank.n * sizeof(*sz));
	for (size_t i = 0; i < bank.n; i++) {
		sz[i].i = i;
		sz[i].bytes = story_text_bytes(bank.v[i]);
		text_total += sz[i].bytes;
		words_total += lint_story_words(bank.v[i]);
	}
	figure_count("text_bytes", text_total, "bytes");
	figure_fixed("words_per_story", (double)words_total / (double)bank.n, 0, "words");

	/* 2. Lint of the whole bank, one thread. */
	struct linter *l = lint_new(&rules);
	size_t findings = 0, limit_diags = 0;
	for (long r = 0; r < runs; r++) {
		findings = 0;
		double t0 = now();
		for (size_t i = 0; i < bank.n; i++) {
			struct lint_report rep = LINT_REPORT_INIT;
			lint_story(l, bank.v[i], &rep, &dl);
			findings += rep.n;
			lint_report_release(&rep);
		}
		t[r] = now() - t0;
		limit_diags = dl.n;
		diag_list_release(&dl);
	}
	double lint = median(t, (size_t)runs);
	figure("lint_time", lint, "s");
	figure("lint_throughput", (double)text_total / 1e6 / lint, "MB/s");
	figure("lint_rate", (double)bank.n / lint, "stories/s");
	figure_count("lint_findings", findings, "findings");
	if (limit_diags)
		fprintf(stderr, "bench: lint reported %zu diagnostics (match limits?) per run\n",
			limit_diags);

	/* Where the lint time goes: each rule alone over the bank (one run),
	 * the slowest first. */
	if (env_long("BENCH_RULE_TOP", 10, 0, 100000) > 0) {
		size_t top = (size_t)env_long("BENCH_RULE_TOP", 10, 0, 100000);
		struct sized *rt = xmalloc(rules.n * sizeof(*rt));
		double *rsec = xmalloc(rules.n * sizeof(*rsec));
		for (size_t k = 0; k < rules.n; k++) {
			const struct rule *ru = &rules.v[k];
			double t0 = now();
			for (size_t i = 0; i < bank.n; i++) {
				if (!rule_applies(ru, bank.v[i]))
					continue;
				struct lint_report rep = LINT_REPORT_INIT;
				lint_rule(l, ru, bank.v[i], &rep, &dl);
				lint_report_release(&rep);
			}
			rsec[k] = now() - t0;
			rt[k].i = k;
			rt[k].bytes = (size_t)(rsec[k] * 1e9); /* ns, to sort */
			diag_list_release(&dl);
		}
		qsort(rt, rules.n, sizeof(*rt), cmp_sized);
		for (size_t j = 0; j < rules.n && j < top; j++) {
			size_t k = rt[rules.n - 1 - j].i;
			printf("rule_time.%s\t%.1f\tms (%s, %s, %.0f%%)\n", rules.v[k].id, rsec[k] * 1e3,
			       rule_kind_name(rules.v[k].kind), rule_scope_name(rules.v[k].scope),
			       100.0 * rsec[k] / lint);
		}
		fflush(stdout);
		free(rt);
		free(rsec);
	}

	/* 3. Live lint: one story of median length, in memory. */
	qsort(sz, bank.n, sizeof(*sz), cmp_sized);
	const struct story *typical = bank.v[sz[bank.n / 2].i];
	struct story *live = in_memory_copy(typical);
	double *lt = xmalloc((size_t)live_calls * sizeof(*lt));
	for (long k = 0; k < 100; k++) { /* warm up caches and JIT stacks */
		struct lint_report rep = LINT_REPORT_INIT;
		lint_story(l, live, &rep, &dl);
		lint_report_release(&rep);
	}
	size_t live_findings = 0;
	for (long k = 0; k < live_calls; k++) {
		struct lint_report rep = LINT_REPORT_INIT;
		double t0 = now();
		lint_story(l, live, &rep, &dl);
		lt[k] = now() - t0;
		live_findings = rep.n;
		lint_report_release(&rep);
	}
	diag_list_release(&dl);
	printf("live_lint_story\t%s\tid\n", typical->id);
	figure_count("live_lint_words", lint_story_words(typical), "words");
	figure_count("live_lint_findings", live_findings, "findings");
	figure_count("live_lint_bytes", sz[bank.n / 2].bytes, "bytes");
	figure_fixed("live_lint_median", median(lt, (size_t)live_calls) * 1e6, 1, "us");
	figure_fixed("live_lint_p99", quantile(lt, (size_t)live_calls, 0.99) * 1e6, 1, "us");
	figure_fixed("live_lint_max", lt[live_calls - 1] * 1e6, 1, "us");
	story_free(live);
	free(lt);
	free(sz);

	/* 4. Coverage (lints every story, solves the loop plan) + text report. */
	size_t report_bytes = 0;
	for (long r = 0; r < runs; r++) {
		struct coverage cov;
		struct buf out = BUF_INIT;
		double t0 = now();
		coverage_build(&cov, &cat, &bank, l, 2, 1, &dl);
		double t1 = now();
		report_render(&cov, REPORT_TEXT, false, &out);
		double t2v = now();
		t[r] = t2v - t0;
		t2[r] = t1 - t0;
		t3[r] = t2v - t1;
		report_bytes = out.len;
		buf_release(&out);
		coverage_release(&cov);
		diag_list_release(&dl);
	}
	figure("coverage_time", median(t2, (size_t)runs), "s");
	figure("render_time", median(t3, (size_t)runs), "s");
	figure("report_time", median(t, (size_t)runs), "s");
	figure_count("report_bytes", report_bytes, "bytes");

	lint_free(l);
	bank_release(&bank);
	ruleset_release(&rules);
	catalog_release(&cat);
	free(t);
	free(t2);
	free(t3);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && argc <= 5 && strcmp(argv[1], "--text") == 0) {
		size_t max = (size_t)-1;
		if (argc == 5) {
			char *end;
			long v = strtol(argv[4], &end, 10);
			if (*argv[4] == '\0' || *end != '\0' || v < 1) {
				fprintf(stderr, "bench: MAX must be a positive number\n");
				return 2;
			}
			max = (size_t)v;
		}
		return export_text(argv[2], argv[3], max);
	}
	if (argc != 3 || argv[1][0] == '-') {
		fprintf(stderr, "usage: bench DATA_DIR BANK_DIR\n"
				"       bench --text BANK_DIR OUT_FILE [MAX]\n");
		return 2;
	}
	return run(argv[1], argv[2]);
}
