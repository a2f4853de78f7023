/* cmd_export.c - "lpcoach export": the printable cheat sheet, and
 * "lpcoach import": a story from text or Markdown. */
#include "cli.h"
#include "../core/bank.h"
#include "../core/buf.h"
#include "../core/coverage.h"
#include "../core/diag.h"
#include "../core/export.h"
#include "../core/fsutil.h"
#include "../core/import.h"
#include "../core/lint.h"
#include "../core/rules.h"
#include "../core/story.h"
#include "../core/util.h"
#include "../core/workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char export_usage[] =
	"usage: lpcoach export [--format markdown|html] [--output FILE] [--target N]\n"
	"\n"
	"A cheat sheet for the loop: one section per principle (focus principles\n"
	"first) with the stories the loop plan gives it, as short STAR bullets and\n"
	"their key numbers. HTML is one self-contained page that prints cleanly.\n"
	"\n"
	"  -f, --format FMT    markdown (default) or html\n"
	"  -o, --output FILE   write it to FILE (atomically) instead\n"
	"  -t, --target N      stories per principle (default: the config's, else 2)\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder\n"
	"  -h, --help          show this help\n";

int cmd_export(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "target", required_argument, NULL, 't' },
		CLI_COMMON_OPTIONS,
	};
	enum cli_format fmt = CLI_MARKDOWN;
	const char *output = NULL;
	long target = 0;
	int c, rc;

	cli->usage = export_usage;
	while ((c = getopt_long(argc, argv, ":f:o:t:h", opts, NULL)) != -1) {
		if (c == 'f') {
			if (cli_parse_format(cli, optarg, CLI_MARKDOWN | CLI_HTML, &fmt) < 0)
				return CLI_ERROR;
		} else if (c == 'o') {
			output = optarg;
		} else if (c == 't') {
			if (cli_parse_long(cli, "--target", optarg, 1, 16, &target) < 0)
				return CLI_ERROR;
		} else if ((rc = cli_common_option(cli, c, argv)) >= 0) {
			return rc;
		}
	}
	if (optind < argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);

	struct workspace ws;
	struct ruleset rules = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	rc = CLI_ERROR;
	if (cli_open(cli, &ws, 0, &dl) == 0) {
		struct coverage cov;
		cli_coverage(&ws, NULL, target, 1, &rules, &cov, &dl);
		export_render(&cov, fmt == CLI_HTML ? EXPORT_HTML : EXPORT_MARKDOWN, &out);
		coverage_release(&cov);
		if (!output)
			cli_out(&out);
		if (!output || fs_write_atomic(output, out.s, out.len, 0644, &dl) == 0)
			rc = ws.bank.n_broken ? CLI_ERROR : CLI_OK;
	}
	cli_print_diags(&dl);
	diag_list_release(&dl);
	buf_release(&out);
	ruleset_release(&rules);
	workspace_release(&ws);
	return rc;
}

static const char import_usage[] =
	"usage: lpcoach import [--principle ID]... [--id ID] [--force] [--dry-run] FILE|-\n"
	"\n"
	"Bring in a story written elsewhere, as plain text or Markdown with STAR\n"
	"headings ('## Situation', '## Task', '## Action', '## Result', '## Learned',\n"
	"or 'Situation:' ...). A '# Title' line (or the first line) is the title;\n"
	"'Principles: ...' and 'Tags: ...' lines before the first section are read\n"
	"too. The story is saved as <stories>/<id>.yaml; '-' reads standard input.\n"
	"\n"
	"  -p, --principle ID  map the story to this principle (repeatable)\n"
	"  -i, --id ID         the story's id (default: from its title)\n"
	"      --force         replace a story with the same id\n"
	"  -n, --dry-run       print the story's YAML instead of saving it\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder\n"
	"  -h, --help          show this help\n";

static int read_input(const char *name, char **data, size_t *len, struct diag_list *dl)
{
	if (strcmp(name, "-") != 0)
		return fs_read_file(name, 1024 * 1024, data, len, dl);
	struct buf b = BUF_INIT;
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), stdin)) > 0 && b.len < 1024 * 1024)
		buf_add(&b, tmp, n);
	*data = buf_detach(&b, len);
	return 0;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "principle", required_argument, NULL, 'p' },
		{ "id", required_argument, NULL, 'i' },
		{ "force", no_argument, NULL, 'F' },
		{ "dry-run", no_argument, NULL, 'n' },
		CLI_COMMON_OPTIONS,
	};
	const char **ids = xcalloc((size_t)argc + 1, sizeof(*ids));
	size_t n_ids = 0;
	const char *want_id = NULL;
	bool force = false, dry = false;
	int c, rc;

	cli->usage = import_usage;
	while ((c = getopt_long(argc, argv, ":p:i:nh", opts, NULL)) != -1) {
		rc = -1;
		switch (c) {
		case 'p': ids[n_ids++] = optarg; break;
		case 'i': want_id = optarg; break;
		case 'F': force = true; break;
		case 'n': dry = true; break;
		default: rc = cli_common_option(cli, c, argv);
		}
		if (rc >= 0) {
			free(ids);
			return rc;
		}
	}
	const char *file;
	if (cli_one_operand(cli, argc, argv, "which file? ('-' reads standard input)", &file) < 0) {
		free(ids);
		return CLI_ERROR;
	}
	struct workspace ws;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	char *data = NULL, *path = NULL;
	size_t len;
	struct story *s = NULL;
	rc = CLI_ERROR;
	if (cli_open(cli, &ws, 0, &dl) < 0 || read_input(file, &data, &len, &dl) < 0)
		goto out;
	s = import_parse(strcmp(file, "-") ? file : "<stdin>", data, len, &ws.cat, &dl);
	if (!s)
		goto out;
	for (size_t i = 0; i < n_ids; i++) {
		if (catalog_index(&ws.cat, ids[i]) < 0) {
			diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "unknown principle '%s' (see 'lpcoach principles')", ids[i]);
			goto out;
		}
		story_add_principle(s, ids[i]);
	}
	/* The new id comes from the title (story_title() falls back to the id,
	 * so it is made before the old id is freed). */
	const char *title = story_text(s, STORY_TITLE);
	char *new_id = want_id ? xstrdup(want_id) : bank_new_id(&ws.bank, title ? title : "imported story");
	free(s->id);
	s->id = new_id;
	if (strchr(s->id, '/') || s->id[0] == '.' || !s->id[0]) {
		diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "'%s' cannot be a story id (a file name)", s->id);
		goto out;
	}
	story_set_date(&s->created, (long long)time(NULL));
	story_set_date(&s->updated, (long long)time(NULL));
	char *name = xasprintf("%s.yaml", s->id);
	path = path_join(ws.stories_dir, name);
	free(name);
	if (dry) {
		story_to_yaml(s, &out, &dl);
		cli_out(&out);
		rc = CLI_OK;
		goto out;
	}
	if (fs_exists(path) && !force) {
		diag_add(&dl, DIAG_ERROR, path, 0, 0, "a story with this id exists (use --id or --force)");
		goto out;
	}
	if (story_save(s, path, &dl) < 0)
		goto out;
	printf("imported %s (", path);
	const char *sep = "";
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++)
		if (story_text(s, (enum story_field)f)) {
			printf("%s%s", sep, story_field_key((enum story_field)f));
			sep = ", ";
		}
	printf(")\n");
	if (!s->n_principles)
		cli_error("the story is mapped to no principle yet: use --principle, or 'lpcoach edit %s'", s->id);
	rc = CLI_OK;
out:
	cli_print_diags(&dl);
	diag_list_release(&dl);
	buf_release(&out);
	story_free(s);
	free(data);
	free(path);
	free(ids);
	workspace_release(&ws);
	return rc;
}
