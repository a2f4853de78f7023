/* cmd_tui.c - the commands that open the terminal interface: lpcoach with
 * no command, "lpcoach new" and "lpcoach edit". */
#include "cli.h"
#include "../core/buf.h"
#include "../tui/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static const char new_usage[] =
	"usage: lpcoach new [--principle ID]...\n"
	"\n"
	"Draft a new story in the terminal interface, step by step: principles,\n"
	"title, Situation, Task, Action, Result and Learned, with coaching prompts\n"
	"and live lint. --principle chooses principles up front (repeatable).\n"
	"\n"
	"  -p, --principle ID  a principle the story shows\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder\n"
	"  -h, --help          show this help\n";

static const char edit_usage[] =
	"usage: lpcoach edit ID\n"
	"\n"
	"Open a story in the terminal interface's editor.\n"
	"\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder\n"
	"  -h, --help          show this help\n";

bool cli_interactive(void)
{
	const char *script = getenv("LPCOACH_TUI_SCRIPT");
	if (script && *script)
		return true; /* headless tests */
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

int cli_no_terminal(void)
{
	cli_error("the interactive interface needs a terminal (standard input and output).\n"
		  "Without one, use the commands: list, show, principles, lint, report, check,\n"
		  "and 'drill --plain'. See 'lpcoach --help'.");
	return CLI_ERROR;
}

static int run(const struct cli *cli, struct tui_options *o)
{
	if (!cli_interactive())
		return cli_no_terminal();
	o->stories = cli->stories;
	o->data = cli->data;
	o->installed = cli_installed_dir();
	o->source = cli_source_dir();
	if (!o->seed)
		o->seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	fflush(stdout);
	return tui_run(o);
}

int cli_run_tui(const struct cli *cli, struct tui_options *o)
{
	return run(cli, o);
}

int cmd_tui(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct tui_options o = { .start = TUI_HOME };
	return run(cli, &o);
}

int cmd_new(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "principle", required_argument, NULL, 'p' },
		CLI_COMMON_OPTIONS,
	};
	const char **ids = calloc((size_t)argc + 1, sizeof(*ids));
	size_t n = 0;
	int c, rc;
	cli->usage = new_usage;
	while ((c = getopt_long(argc, argv, ":p:h", opts, NULL)) != -1) {
		if (c == 'p') {
			ids[n++] = optarg;
		} else if ((rc = cli_common_option(cli, c, argv)) >= 0) {
			free(ids);
			return rc;
		}
	}
	if (optind < argc) {
		free(ids);
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	}
	struct tui_options o = { .start = TUI_NEW, .principles = ids, .n_principles = n };
	rc = run(cli, &o);
	free(ids);
	return rc;
}

int cmd_edit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS };
	int c, rc;
	cli->usage = edit_usage;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1)
		if ((rc = cli_common_option(cli, c, argv)) >= 0)
			return rc;
	const char *id;
	if (cli_one_operand(cli, argc, argv, "which story? (see 'lpcoach list')", &id) < 0)
		return CLI_ERROR;
	struct tui_options o = { .start = TUI_EDIT, .edit_id = id };
	return run(cli, &o);
}

int cmd_keys(struct cli *cli, int argc, char **argv)
{
	static const char usage[] = "usage: lpcoach keys\n\nThe key bindings of the terminal "
				    "interface, screen by screen, as Markdown tables.\n\n"
				    "      --stories DIR   the stories folder\n"
				    "      --data DIR      the data folder\n"
				    "  -h, --help          show this help\n";
	static const struct option opts[] = { CLI_COMMON_OPTIONS };
	int c, rc;
	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1)
		if ((rc = cli_common_option(cli, c, argv)) >= 0)
			return rc;
	if (optind < argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	struct buf b = BUF_INIT;
	tui_keys_markdown(&b);
	cli_out(&b);
	buf_release(&b);
	return CLI_OK;
}
