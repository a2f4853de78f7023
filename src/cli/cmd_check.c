/* cmd_check.c - "lpcoach check": validate the data and the stories. */
#include "cli.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/lint.h"
#include "../core/rules.h"
#include "../core/workspace.h"

#include <stdio.h>

static const char usage[] =
	"usage: lpcoach check [--rules DIR]\n"
	"\n"
	"Validate the principles, prompts, lint rules, stories and the config file\n"
	"($LPCOACH_CONFIG, else $XDG_CONFIG_HOME/lpcoach/config.yaml, else\n"
	"~/.config/lpcoach/config.yaml): malformed YAML, missing fields, wrong\n"
	"types, unknown or duplicate ids, duplicate\n"
	"question ids, patterns that do not compile, and rules that disagree with\n"
	"their own examples (shipped and user rules alike). Each problem is\n"
	"printed as file:line:column: level: message.\n"
	"Exit status 0 when there is no problem, 2 when there is any (warnings\n"
	"included).\n"
	"\n"
	"  -r, --rules DIR     check these rules too, as lint would use them\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder (principles, prompts, rules)\n"
	"  -h, --help          show this help\n";

int cmd_check(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rules", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
	};
	const char *rules_dir = NULL;
	int c, rc;

	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":r:h", opts, NULL)) != -1) {
		if (c == 'r')
			rules_dir = optarg;
		else if ((rc = cli_common_option(cli, c, argv)) >= 0)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);

	struct workspace ws;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct ruleset rules = RULESET_INIT;
	int opened = cli_open(cli, &ws, WS_PROMPTS, &dl);
	if (opened == 0) {
		ruleset_load_all(&rules, ws.data_dir, ws.stories_dir, rules_dir, &dl);
		struct linter *l = lint_new(&rules);
		lint_check_examples(l, &rules, &dl);
		lint_free(l);
	}

	for (size_t i = 0; i < dl.n; i++) {
		diag_format(&dl.v[i], &out);
		buf_addc(&out, '\n');
	}
	if (opened == 0) {
		buf_addf(&out,
			 "checked %zu principles (%zu questions), %zu sections, %zu principle prompts, "
			 "%zu follow-ups, %zu rules, %zu stories",
			 ws.cat.n, catalog_question_count(&ws.cat), ws.prompts.n_sections,
			 ws.prompts.n_principles, ws.prompts.n_followups, rules.n,
			 ws.bank.n + ws.bank.n_broken);
	} else {
		buf_adds(&out, "check stopped early");
	}
	if (opened == 0 && ws.config.path)
		buf_addf(&out, ", config %s", ws.config.path);
	if (dl.n)
		buf_addf(&out, ": %zu problem%s\n", dl.n, dl.n == 1 ? "" : "s");
	else
		buf_adds(&out, ": no problems\n");
	cli_out(&out);
	rc = dl.n || opened < 0 ? CLI_ERROR : CLI_OK;
	diag_list_release(&dl);
	buf_release(&out);
	ruleset_release(&rules);
	workspace_release(&ws);
	return rc;
}
