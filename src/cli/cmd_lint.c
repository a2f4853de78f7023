/* cmd_lint.c - "lpcoach lint": check stories against the rules. */
#include "cli.h"
#include "../core/bank.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/fsutil.h"
#include "../core/json.h"
#include "../core/lint.h"
#include "../core/rules.h"
#include "../core/story.h"
#include "../core/util.h"
#include "../core/workspace.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: lpcoach lint [--format text|json|line] [--min-level LEVEL] [--rules DIR]\n"
	"                    [--no-exit] [--staged | PATH...]\n"
	"\n"
	"Check stories against the lint rules: the shipped set, the rules in\n"
	"<stories>/.lpcoach/rules/ and those in --rules DIR (a rule with the id of\n"
	"an earlier one replaces it). PATH is a story file or a folder of them;\n"
	"the default is the stories folder.\n"
	"\n"
	"  -f, --format FMT     text (default; grouped per story with its score),\n"
	"                       json, or line (file:line:col:level:rule:message,\n"
	"                       for editors' quickfix lists)\n"
	"  -l, --min-level LVL  report only findings at or above suggestion,\n"
	"                       warning or error\n"
	"  -r, --rules DIR      more rules, after the user's\n"
	"      --no-exit        exit 0 even when errors are found\n"
	"      --staged         lint the story files staged in git (their staged\n"
	"                       content), for a pre-commit hook\n"
	"      --stories DIR    the stories folder\n"
	"      --data DIR       the data folder (principles, prompts, rules)\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 no error-level finding, 1 error-level findings, 2 usage or\n"
	"data errors (a broken story or rule is reported; the rest is linted).\n";

struct linted {
	struct story *s;
	struct lint_report rep;
};

struct colors {
	const char *level[LINT_NLEVELS], *bold, *off;
};

static void set_colors(struct colors *c, bool on)
{
	const char *e = on ? "\033[1;31m" : "", *w = on ? "\033[1;33m" : "", *s = on ? "\033[36m" : "";
	c->level[LINT_ERROR] = e;
	c->level[LINT_WARNING] = w;
	c->level[LINT_SUGGESTION] = s;
	c->bold = on ? "\033[1m" : "";
	c->off = on ? "\033[0m" : "";
}

static const char *plural(unsigned n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void out_text(const struct linted *v, size_t n, enum lint_level min, bool color,
		     struct buf *out)
{
	struct colors c;
	unsigned tot[LINT_NLEVELS] = { 0 };
	set_colors(&c, color);
	for (size_t i = 0; i < n; i++) {
		const struct lint_report *r = &v[i].rep;
		unsigned shown[LINT_NLEVELS] = { 0 };
		for (size_t k = 0; k < r->n; k++)
			shown[r->v[k].level] += r->v[k].level >= min;
		buf_addf(out, "%s%s: score %d", c.bold, v[i].s->path, r->score);
		if (r->n == 0)
			buf_adds(out, " (clean)");
		else
			buf_addf(out, " (%u %s, %u %s, %u %s)", shown[LINT_ERROR],
				 plural(shown[LINT_ERROR], "error", "errors"), shown[LINT_WARNING],
				 plural(shown[LINT_WARNING], "warning", "warnings"), shown[LINT_SUGGESTION],
				 plural(shown[LINT_SUGGESTION], "suggestion", "suggestions"));
		buf_addf(out, "%s\n", c.off);
		for (size_t k = 0; k < r->n; k++) {
			const struct lint_finding *f = &r->v[k];
			if (f->level < min)
				continue;
			tot[f->level]++;
			buf_addf(out, "%s:%u:%u: %s%s%s: %s [%s]\n", v[i].s->path, f->line, f->col,
				 c.level[f->level], lint_level_name(f->level), c.off, f->message,
				 f->rule->id);
		}
	}
	buf_addf(out, "\n%zu %s linted: %u %s, %u %s, %u %s\n", n, n == 1 ? "story" : "stories",
		 tot[LINT_ERROR], plural(tot[LINT_ERROR], "error", "errors"), tot[LINT_WARNING],
		 plural(tot[LINT_WARNING], "warning", "warnings"), tot[LINT_SUGGESTION],
		 plural(tot[LINT_SUGGESTION], "suggestion", "suggestions"));
}

static void out_line(const struct linted *v, size_t n, enum lint_level min, struct buf *out)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v[i].rep.n; k++) {
			const struct lint_finding *f = &v[i].rep.v[k];
			if (f->level >= min)
				buf_addf(out, "%s:%u:%u:%s:%s:%s\n", v[i].s->path, f->line, f->col,
					 lint_level_name(f->level), f->rule->id, f->message);
		}
}

static void out_json(const struct linted *v, size_t n, enum lint_level min, struct buf *out)
{
	struct json j;
	json_start(&j, out);
	json_obj_start(&j);
	json_key(&j, "findings");
	json_arr_start(&j);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v[i].rep.n; k++) {
			const struct lint_finding *f = &v[i].rep.v[k];
			if (f->level < min)
				continue;
			json_obj_start(&j);
			json_key(&j, "file");
			json_str(&j, v[i].s->path);
			json_key(&j, "story");
			json_str(&j, v[i].s->id);
			json_key(&j, "section");
			json_str(&j, f->field >= 0 ? story_field_key((enum story_field)f->field) : NULL);
			json_key(&j, "line");
			json_int(&j, f->line);
			json_key(&j, "column");
			json_int(&j, f->col);
			json_key(&j, "rule");
			json_str(&j, f->rule->id);
			json_key(&j, "level");
			json_str(&j, lint_level_name(f->level));
			json_key(&j, "message");
			json_str(&j, f->message);
			if (f->end > f->start) {
				json_key(&j, "match");
				const char *t = story_text(v[i].s, (enum story_field)f->field);
				char *m = xstrndup(t + f->start, f->end - f->start);
				json_str(&j, m);
				free(m);
			}
			json_obj_end(&j);
		}
	json_arr_end(&j);
	json_key(&j, "stories");
	json_arr_start(&j);
	for (size_t i = 0; i < n; i++) {
		const struct lint_report *r = &v[i].rep;
		json_obj_start(&j);
		json_key(&j, "id");
		json_str(&j, v[i].s->id);
		json_key(&j, "file");
		json_str(&j, v[i].s->path);
		json_key(&j, "score");
		json_int(&j, r->score);
		json_key(&j, "errors");
		json_int(&j, r->counts[LINT_ERROR]);
		json_key(&j, "warnings");
		json_int(&j, r->counts[LINT_WARNING]);
		json_key(&j, "suggestions");
		json_int(&j, r->counts[LINT_SUGGESTION]);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_finish(&j);
}

/* Load the stories named on the command line (files or folders). */
static void load_paths(struct bank *into, char **paths, int n, struct diag_list *dl)
{
	for (int i = 0; i < n; i++) {
		if (fs_is_dir(paths[i])) {
			struct bank b;
			if (bank_load(&b, paths[i], dl) == 0) {
				for (size_t k = 0; k < b.n; k++) {
					into->v = xrealloc(into->v, (into->n + 1) * sizeof(*into->v));
					into->v[into->n++] = b.v[k];
				}
				into->n_broken += b.n_broken;
				b.n = 0;
			} else {
				into->n_broken++;
			}
			bank_release(&b);
			continue;
		}
		struct story *s = story_load_file(paths[i], dl);
		if (s) {
			into->v = xrealloc(into->v, (into->n + 1) * sizeof(*into->v));
			into->v[into->n++] = s;
		} else {
			into->n_broken++;
		}
	}
}

/* The staged *.yaml files, as git has them staged (a partly staged file is
 * linted as it will be committed). Files under .lpcoach/ are not stories. */
static int load_staged(struct bank *into, struct diag_list *dl)
{
	const char *const list[] = { "git", "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR",
			       "--", "*.yaml", NULL };
	struct buf names = BUF_INIT;
	if (cli_capture(list, &names) != 0) {
		diag_add(dl, DIAG_ERROR, NULL, 0, 0, "--staged: cannot ask git for the staged files "
			 "(is this a git repository?)");
		buf_release(&names);
		return -1;
	}
	for (size_t i = 0; i < names.len;) {
		const char *path = names.s + i;
		size_t n = strlen(path);
		i += n + 1;
		if (!n || strstr(path, ".lpcoach/"))
			continue;
		char *spec = xasprintf(":%s", path);
		const char *const show[] = { "git", "show", spec, NULL };
		struct buf blob = BUF_INIT;
		if (cli_capture(show, &blob) == 0) {
			const char *base = strrchr(path, '/');
			char *id = xstrdup(base ? base + 1 : path);
			id[strlen(id) - 5] = '\0';
			struct story *s = story_parse(path, id, blob.s ? blob.s : "", blob.len, dl);
			if (s) {
				into->v = xrealloc(into->v, (into->n + 1) * sizeof(*into->v));
				into->v[into->n++] = s;
			} else {
				into->n_broken++;
			}
			free(id);
		}
		buf_release(&blob);
		free(spec);
	}
	buf_release(&names);
	return 0;
}

int cmd_lint(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "min-level", required_argument, NULL, 'l' },
		{ "rules", required_argument, NULL, 'r' },
		{ "no-exit", no_argument, NULL, 'n' },
		{ "staged", no_argument, NULL, 'g' },
		CLI_COMMON_OPTIONS,
	};
	enum cli_format fmt = CLI_TEXT;
	enum lint_level min = LINT_SUGGESTION;
	const char *rules_dir = NULL;
	bool no_exit = false, staged = false;
	int c, rc;

	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":f:l:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_parse_format(cli, optarg, CLI_TEXT | CLI_JSON | CLI_LINE, &fmt) < 0)
				return CLI_ERROR;
			break;
		case 'l': {
			int l = lint_level_from_name(optarg);
			if (l < 0)
				return cli_usage_error(cli, "unknown level '%s' (suggestion, warning or error)",
						       optarg);
			min = (enum lint_level)l;
			break;
		}
		case 'r':
			rules_dir = optarg;
			break;
		case 'n':
			no_exit = true;
			break;
		case 'g':
			staged = true;
			break;
		default:
			if ((rc = cli_common_option(cli, c, argv)) >= 0)
				return rc;
		}
	}
	char **paths = argv + optind;
	int npaths = argc - optind;
	if (staged && npaths)
		return cli_usage_error(cli, "--staged lints what git has staged: no PATH with it");

	struct workspace ws;
	struct ruleset rules = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct bank named = BANK_INIT;
	struct linted *v = NULL;
	struct bank *bank = &ws.bank;
	bool data_error = false;
	unsigned errors = 0;

	rc = CLI_ERROR;
	if (cli_open(cli, &ws, npaths || staged ? WS_NO_BANK : 0, &dl) < 0)
		goto out;
	if (ruleset_load_all(&rules, ws.data_dir, ws.stories_dir, rules_dir, &dl) < 0)
		data_error = true;
	if (staged) {
		if (load_staged(&named, &dl) < 0)
			goto out;
		bank = &named;
	} else if (npaths) {
		load_paths(&named, paths, npaths, &dl);
		bank = &named;
	}
	struct linter *l = lint_new(&rules);
	v = xcalloc(bank->n + 1, sizeof(*v));
	for (size_t i = 0; i < bank->n; i++) {
		v[i].s = bank->v[i];
		v[i].rep = (struct lint_report)LINT_REPORT_INIT;
		lint_story(l, v[i].s, &v[i].rep, &dl);
		for (size_t k = 0; k < v[i].rep.n; k++)
			errors += v[i].rep.v[k].level == LINT_ERROR && min <= LINT_ERROR;
	}
	lint_free(l);
	if (fmt == CLI_JSON)
		out_json(v, bank->n, min, &out);
	else if (fmt == CLI_LINE)
		out_line(v, bank->n, min, &out);
	else
		out_text(v, bank->n, min, cli_color(), &out);
	cli_out(&out);
	data_error |= bank->n_broken > 0 || diag_count(&dl, DIAG_ERROR) > 0;
	rc = data_error ? CLI_ERROR : errors && !no_exit ? CLI_FINDINGS : CLI_OK;
	for (size_t i = 0; i < bank->n; i++)
		lint_report_release(&v[i].rep);
out:
	cli_print_diags(&dl);
	diag_list_release(&dl);
	free(v);
	buf_release(&out);
	bank_release(&named);
	ruleset_release(&rules);
	workspace_release(&ws);
	return rc;
}
