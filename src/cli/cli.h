/* cli.h - what the subcommands share: options common to all of them,
 * opening the workspace, printing diagnostics and output, exit codes.
 *
 * The CLI is the program's edge: it prints, and it decides exit codes. It
 * holds no coaching logic; every command is a thin layer over src/core.
 */
#ifndef LPCOACH_CLI_H
#define LPCOACH_CLI_H

#include <getopt.h>
#include <stdbool.h>

struct buf;
struct diag_list;
struct workspace;

enum cli_exit {
	CLI_OK = 0,       /* success */
	CLI_FINDINGS = 1, /* findings or gaps (lint, report) */
	CLI_ERROR = 2,    /* usage or data errors */
};

enum cli_format { CLI_TEXT = 1, CLI_JSON = 2, CLI_MARKDOWN = 4, CLI_LINE = 8, CLI_IDS = 16, CLI_HTML = 32 };

struct cli {
	const char *stories; /* --stories DIR */
	const char *data;    /* --data DIR */
	const char *cmd;     /* the subcommand's name, for messages */
	const char *usage;   /* the subcommand's --help text */
};

/* Options every subcommand takes; put it last in an option table. */
#define CLI_COMMON_OPTIONS \
	{ "stories", required_argument, NULL, 'S' }, \
	{ "data", required_argument, NULL, 'D' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ NULL, 0, NULL, 0 }

/* Handle a getopt_long() result that the command did not: the common
 * options and errors. Returns -1 to go on, or an exit code to stop with
 * (after --help, or after printing a usage error). */
int cli_common_option(struct cli *cli, int c, char **argv);

/* Print "lpcoach: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a usage error and where to find help; returns CLI_ERROR. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print each diagnostic on stderr as "lpcoach: file:line:col: level: msg". */
void cli_print_diags(const struct diag_list *dl);
/* Parse a --format value among the allowed ones. */
int cli_parse_format(const struct cli *cli, const char *s, unsigned allowed,
		     enum cli_format *out);

/* Parse a whole number option value between min and max; a usage error
 * (printed) and -1 otherwise. */
int cli_parse_long(const struct cli *cli, const char *opt, const char *value, long min, long max,
		   long *out);
/* After the options: exactly one operand, returned in *arg; else a usage
 * error naming what is missing. */
int cli_one_operand(const struct cli *cli, int argc, char **argv, const char *missing,
		    const char **arg);
/* The compiled-in data folders: installed, and the source tree. */
const char *cli_installed_dir(void);
const char *cli_source_dir(void);

/* Open the workspace (flags from workspace.h); problems go to dl, for the
 * caller to print.
 * Returns 0, or -1 when the command cannot go on. */
int cli_open(const struct cli *cli, struct workspace *ws, unsigned flags,
	     struct diag_list *dl);

/* Run argv (no shell), appending its standard output to out; returns its
 * exit status, or -1 when it could not run. */
int cli_capture(const char *const argv[], struct buf *out);

struct coverage;
struct ruleset;
/* The coverage of the workspace's bank, linted with the workspace's rules
 * (and rules_dir, may be NULL); target 0 takes the config's, else 2.
 * Returns -1 when the rules had errors (the coverage is built all the
 * same; coverage_release() it and ruleset_release() the rules). */
int cli_coverage(const struct workspace *ws, const char *rules_dir, long target, long reuse,
		 struct ruleset *rules, struct coverage *cov, struct diag_list *dl);

/* Write b to standard output. */
void cli_out(const struct buf *b);
/* Colours on standard output: a terminal, and NO_COLOR unset or empty. */
bool cli_color(void);
/* Columns of the terminal on stdout, else $COLUMNS, else 80. */
int cli_term_width(void);

/* The terminal interface (cmd_tui.c): is there a terminal to draw on, and
 * the message naming the commands that need none (returns CLI_ERROR). */
bool cli_interactive(void);
int cli_no_terminal(void);
struct tui_options;
int cli_run_tui(const struct cli *cli, struct tui_options *o);

/* Commands. */
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_show(struct cli *cli, int argc, char **argv);
int cmd_principles(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_lint(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_drill(struct cli *cli, int argc, char **argv);
int cmd_tui(struct cli *cli, int argc, char **argv);
int cmd_new(struct cli *cli, int argc, char **argv);
int cmd_edit(struct cli *cli, int argc, char **argv);
int cmd_keys(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);

#endif
