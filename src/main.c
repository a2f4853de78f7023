/* main.c - lpcoach's entry point: global options and the command table. */
#include "cli/cli.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#ifndef LPCOACH_VERSION
#define LPCOACH_VERSION "0.0.0"
#endif

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "new", cmd_new, "draft a new story in the terminal interface" },
	{ "edit", cmd_edit, "edit a story in the terminal interface" },
	{ "list", cmd_list, "list the stories with their principles" },
	{ "show", cmd_show, "show one story, readable" },
	{ "principles", cmd_principles, "the 16 principles, focus marks and story counts" },
	{ "lint", cmd_lint, "check stories against the lint rules" },
	{ "report", cmd_report, "the pre-loop report: coverage, loop plan, what next" },
	{ "drill", cmd_drill, "rehearse: weighted questions, a clock, ratings, history" },
	{ "export", cmd_export, "a printable cheat sheet for the loop (Markdown or HTML)" },
	{ "import", cmd_import, "bring in a story from plain text or Markdown" },
	{ "check", cmd_check, "validate principles, prompts, rules and stories" },
	{ "keys", cmd_keys, "the terminal interface's keys, screen by screen" },
};

static void usage(FILE *f)
{
	fputs("usage: lpcoach [--stories DIR] [--data DIR] [COMMAND [OPTIONS]]\n"
	      "\n"
	      "With no command, lpcoach opens its terminal interface.\n"
	      "\n"
	      "A terminal coach for behavioral interviews built on the Leadership\n"
	      "Principles: draft STAR stories, check them, see which principles you\n"
	      "cannot answer yet, and rehearse.\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "Options:\n"
	      "  --stories DIR  the stories folder (default: $LPCOACH_STORIES, else the\n"
	      "                 config's 'stories', else $XDG_DATA_HOME/lpcoach/stories)\n"
	      "  --data DIR     the data folder with principles/, prompts/ and rules/\n"
	      "                 (default: $LPCOACH_DATA, else the installed data)\n"
	      "  -h, --help     show this help; 'lpcoach COMMAND --help' for a command\n"
	      "  --version      show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 findings or gaps, 2 usage or data errors.\n",
	      f);
}

/* Standard output may have failed (a full disk, a closed pipe): say so. */
static int finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		cli_error("cannot write the output: %s", strerror(e ? e : EIO));
		return CLI_ERROR;
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli = { 0 };
	int i = 1;

	setlocale(LC_ALL, "");
	/* Global options before the command. */
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return finish(CLI_OK);
		} else if (strcmp(a, "--version") == 0) {
			printf("lpcoach %s\n", LPCOACH_VERSION);
			return finish(CLI_OK);
		} else if (strcmp(a, "--stories") == 0 || strcmp(a, "--data") == 0) {
			if (i + 1 >= argc) {
				cli_error("option '%s' needs a value", a);
				fputs("Try 'lpcoach --help'.\n", stderr);
				return CLI_ERROR;
			}
			*(a[2] == 's' ? &cli.stories : &cli.data) = argv[++i];
		} else if (strncmp(a, "--stories=", 10) == 0) {
			cli.stories = a + 10;
		} else if (strncmp(a, "--data=", 7) == 0) {
			cli.data = a + 7;
		} else {
			cli_error("unknown option '%s'", a);
			fputs("Try 'lpcoach --help'.\n", stderr);
			return CLI_ERROR;
		}
	}
	if (i >= argc) /* no command: the terminal interface */
		return finish(cmd_tui(&cli, argc - i, argv + i));
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++) {
		if (strcmp(argv[i], commands[k].name) == 0) {
			cli.cmd = commands[k].name;
			optind = 1;
			return finish(commands[k].run(&cli, argc - i, argv + i));
		}
	}
	cli_error("unknown command '%s'", argv[i]);
	fputs("Try 'lpcoach --help'.\n", stderr);
	return CLI_ERROR;
}
