/* cli.c - shared command-line plumbing. */
#include "cli.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/coverage.h"
#include "../core/lint.h"
#include "../core/rules.h"
#include "../core/workspace.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <unistd.h>

#ifndef LPCOACH_DATADIR
#define LPCOACH_DATADIR "/usr/local/share/lpcoach"
#endif
#ifndef LPCOACH_SRCDIR
#define LPCOACH_SRCDIR "."
#endif

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("lpcoach: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	fputs("lpcoach: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'lpcoach %s%s--help'.\n", cli->cmd ? cli->cmd : "",
		cli->cmd ? " " : "");
	return CLI_ERROR;
}

int cli_common_option(struct cli *cli, int c, char **argv)
{
	switch (c) {
	case 'S':
		cli->stories = optarg;
		return -1;
	case 'D':
		cli->data = optarg;
		return -1;
	case 'h':
		fputs(cli->usage, stdout);
		return CLI_OK;
	case ':':
		return cli_usage_error(cli, "option '%s' needs a value", argv[optind - 1]);
	default:
		if (optopt)
			return cli_usage_error(cli, "unknown option '-%c'", optopt);
		return cli_usage_error(cli, "unknown option '%s'", argv[optind - 1]);
	}
}

void cli_print_diags(const struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < dl->n; i++) {
		buf_adds(&b, "lpcoach: ");
		diag_format(&dl->v[i], &b);
		buf_addc(&b, '\n');
	}
	fflush(stdout);
	fwrite(b.s ? b.s : "", 1, b.len, stderr);
	buf_release(&b);
}

int cli_parse_format(const struct cli *cli, const char *s, unsigned allowed,
		     enum cli_format *out)
{
	static const struct {
		const char *name;
		enum cli_format f;
	} names[] = {
		{ "text", CLI_TEXT }, { "json", CLI_JSON }, { "markdown", CLI_MARKDOWN },
		{ "line", CLI_LINE }, { "ids", CLI_IDS }, { "html", CLI_HTML },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(s, names[i].name) == 0 && (allowed & names[i].f)) {
			*out = names[i].f;
			return 0;
		}
	}
	struct buf list = BUF_INIT;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(allowed & names[i].f))
			continue;
		if (list.len)
			buf_adds(&list, ", ");
		buf_adds(&list, names[i].name);
	}
	cli_usage_error(cli, "unknown format '%s' (one of: %s)", s, buf_cstr(&list));
	buf_release(&list);
	return -1;
}

int cli_open(const struct cli *cli, struct workspace *ws, unsigned flags,
	     struct diag_list *dl)
{
	struct workspace_opts o = {
		.stories = cli->stories,
		.data = cli->data,
		.installed = cli_installed_dir(),
		.source = cli_source_dir(),
		.flags = flags,
	};
	int rc = workspace_open(ws, &o, dl);
	if (ws->stories_created)
		cli_error("created the stories folder %s", ws->stories_dir);
	return rc;
}

void cli_out(const struct buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, stdout);
}

int cli_term_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	if (c && atoi(c) > 0)
		return atoi(c);
	return 80;
}

bool cli_color(void)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(STDOUT_FILENO) && !(nc && *nc);
}

int cli_capture(const char *const argv[], struct buf *out)
{
	int fd[2];
	if (pipe(fd) < 0)
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	char tmp[8192];
	ssize_t n;
	while ((n = read(fd[0], tmp, sizeof(tmp))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_add(out, tmp, (size_t)n);
	}
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int cli_parse_long(const struct cli *cli, const char *opt, const char *value, long min, long max,
		   long *out)
{
	char *end;
	errno = 0;
	long x = strtol(value, &end, 10);
	if (!*value || *end || errno || x < min || x > max) {
		cli_usage_error(cli, "%s takes a whole number from %ld to %ld, not '%s'", opt, min, max,
				value);
		return -1;
	}
	*out = x;
	return 0;
}

int cli_one_operand(const struct cli *cli, int argc, char **argv, const char *missing,
		    const char **arg)
{
	if (optind >= argc) {
		cli_usage_error(cli, "%s", missing);
		return -1;
	}
	if (optind + 1 < argc) {
		cli_usage_error(cli, "unexpected argument '%s'", argv[optind + 1]);
		return -1;
	}
	*arg = argv[optind];
	return 0;
}

const char *cli_installed_dir(void)
{
	return LPCOACH_DATADIR;
}

const char *cli_source_dir(void)
{
	return LPCOACH_SRCDIR;
}

int cli_coverage(const struct workspace *ws, const char *rules_dir, long target, long reuse,
		 struct ruleset *rules, struct coverage *cov, struct diag_list *dl)
{
	int rc = ruleset_load_all(rules, ws->data_dir, ws->stories_dir, rules_dir, dl);
	struct linter *l = lint_new(rules);
	if (!target)
		target = ws->config.target ? ws->config.target : 2;
	coverage_build(cov, &ws->cat, &ws->bank, l, (unsigned)target, (unsigned)reuse, dl);
	lint_free(l);
	return rc;
}
