/* cmd_report.c - "lpcoach report": the pre-loop report. */
#include "cli.h"
#include "../core/buf.h"
#include "../core/coverage.h"
#include "../core/diag.h"
#include "../core/fsutil.h"
#include "../core/lint.h"
#include "../core/report.h"
#include "../core/rules.h"
#include "../core/workspace.h"

#include <stdlib.h>
#include <unistd.h>

static const char usage[] =
	"usage: lpcoach report [--format text|markdown|json] [--output FILE]\n"
	"                      [--target N] [--reuse N] [--rules DIR]\n"
	"\n"
	"The pre-loop report: for each principle its stories, the ready ones (no\n"
	"error-level lint finding) and whether it is covered (at least N stories);\n"
	"a loop plan that gives each principle its own stories, told once each;\n"
	"each story's lint score; and what to write or fix next.\n"
	"\n"
	"  -f, --format FMT    text (default), markdown or json\n"
	"  -o, --output FILE   write the report to FILE (atomically) instead\n"
	"  -t, --target N      stories wanted per principle (default: the config's\n"
	"                      'target', else 2)\n"
	"  -u, --reuse N       principles one story may serve in the plan (default 1)\n"
	"  -r, --rules DIR     more lint rules, as for 'lpcoach lint'\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder (principles, prompts, rules)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 every principle covered and planned, 1 gaps remain,\n"
	"2 usage or data errors.\n";

int cmd_report(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "target", required_argument, NULL, 't' },
		{ "reuse", required_argument, NULL, 'u' },
		{ "rules", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
	};
	enum cli_format fmt = CLI_TEXT;
	const char *output = NULL, *rules_dir = NULL;
	long target = 0, reuse = 1; /* target 0: the config's, else 2 */
	int c, rc;

	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":f:o:t:u:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_parse_format(cli, optarg, CLI_TEXT | CLI_MARKDOWN | CLI_JSON, &fmt) < 0)
				return CLI_ERROR;
			break;
		case 'o':
			output = optarg;
			break;
		case 't':
			if (cli_parse_long(cli, "--target", optarg, 1, 16, &target) < 0)
				return CLI_ERROR;
			break;
		case 'u':
			if (cli_parse_long(cli, "--reuse", optarg, 1, 16, &reuse) < 0)
				return CLI_ERROR;
			break;
		case 'r':
			rules_dir = optarg;
			break;
		default:
			if ((rc = cli_common_option(cli, c, argv)) >= 0)
				return rc;
		}
	}
	if (optind < argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);

	struct workspace ws;
	struct ruleset rules = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct coverage cov;
	bool have_cov = false;

	rc = CLI_ERROR;
	if (cli_open(cli, &ws, 0, &dl) < 0)
		goto out;
	bool data_error = cli_coverage(&ws, rules_dir, target, reuse, &rules, &cov, &dl) < 0;
	have_cov = true;
	enum report_format rf = fmt == CLI_JSON ? REPORT_JSON : fmt == CLI_MARKDOWN ? REPORT_MARKDOWN
										    : REPORT_TEXT;
	bool color = !output && fmt == CLI_TEXT && cli_color();
	report_render(&cov, rf, color, &out);
	if (output) {
		if (fs_write_atomic(output, out.s, out.len, 0644, &dl) < 0)
			goto out;
	} else {
		cli_out(&out);
	}
	data_error |= ws.bank.n_broken > 0 || diag_count(&dl, DIAG_ERROR) > 0;
	rc = data_error ? CLI_ERROR : coverage_complete(&cov) ? CLI_OK : CLI_FINDINGS;
out:
	cli_print_diags(&dl);
	if (have_cov)
		coverage_release(&cov);
	diag_list_release(&dl);
	buf_release(&out);
	ruleset_release(&rules);
	workspace_release(&ws);
	return rc;
}
