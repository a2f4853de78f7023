/* cmd_drill.c - "lpcoach drill": rehearse with questions the scheduler picks.
 *
 * Line mode (--plain, or whenever standard input or output is not a
 * terminal): each question on a line "[principle-id] text"; one input line
 * is the answer, then the follow-up probes, indented, then one input line is
 * the rating. End of input ends the drill with its summary.
 */
#include "cli.h"
#include "../core/bank.h"
#include "../core/buf.h"
#include "../core/catalog.h"
#include "../core/diag.h"
#include "../core/drill.h"
#include "../core/history.h"
#include "../core/lint.h"
#include "../core/rules.h"
#include "../core/story.h"
#include "../core/util.h"
#include "../core/workspace.h"
#include "../tui/run.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"usage: lpcoach drill [--plain] [--count N] [--principle ID]... [--seed N]\n"
	"                     [--time SECONDS] [--hide-principle]\n"
	"       lpcoach drill --stats\n"
	"\n"
	"Rehearse: interview questions drawn at random, weighted toward the focus\n"
	"principles, principles with too few stories, questions you rated poorly\n"
	"and questions not asked for a while (prompts/drill.yaml). Each answer is\n"
	"rated 1 again, 2 hard, 3 good or 4 easy, and kept in the drill log\n"
	"(<stories>/.lpcoach/drill.log), which shapes the next drill.\n"
	"\n"
	"In line mode (--plain) each question is printed as '[principle] text';\n"
	"one input line is your answer (start it with a story id to record the\n"
	"story you told), then follow-up probes are printed, then one input line\n"
	"is the rating (1-4; empty skips it). End of input ends the drill.\n"
	"\n"
	"  -p, --plain           line mode (also when not on a terminal)\n"
	"  -n, --count N         ask N questions (default: until end of input)\n"
	"  -P, --principle ID    only this principle's questions (repeatable)\n"
	"  -s, --seed N          the same seed asks the same questions\n"
	"  -t, --time SECONDS    the target time per answer (default: the config's\n"
	"                        drill_seconds, else prompts/drill.yaml)\n"
	"  -H, --hide-principle  hide the principle: you guess it first, as in a\n"
	"                        real loop where nobody names it\n"
	"      --stats           what you have practised and what comes next\n"
	"      --stories DIR     the stories folder\n"
	"      --data DIR        the data folder\n"
	"  -h, --help            show this help\n";

struct opts {
	bool plain, hide, stats;
	long count, seconds;
	bool have_seed;
	unsigned long long seed;
	char **only;
	size_t n_only;
};

struct session {
	struct workspace ws;
	struct ruleset rules;
	struct linter *linter;
	struct drill_config cfg;
	struct history hist;
	char *log;
	struct drill drill;
	struct diag_list dl;
};

static char *read_line(FILE *in)
{
	struct buf b = BUF_INIT;
	int c;
	while ((c = getc(in)) != EOF && c != '\n')
		buf_addc(&b, (char)c);
	if (c == EOF && b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	while (b.len && (b.s[b.len - 1] == '\r' || b.s[b.len - 1] == ' '))
		buf_truncate(&b, b.len - 1);
	return buf_detach(&b, NULL);
}

static void fmt_time(struct buf *b, unsigned secs)
{
	buf_addf(b, "%u:%02u", secs / 60, secs % 60);
}

static unsigned story_counts_init(const struct workspace *ws, unsigned *counts)
{
	for (size_t p = 0; p < ws->cat.n; p++)
		counts[p] = (unsigned)bank_count_principle(&ws->bank, ws->cat.v[p].id);
	return 0;
}

/* The story an answer line names: its first word, if that is a story id. */
static const struct story *named_story(const struct bank *b, const char *answer)
{
	size_t n = 0;
	while (answer[n] && !isspace((unsigned char)answer[n]) && answer[n] != ':')
		n++;
	char *word = xstrndup(answer, n);
	const struct story *s = bank_find(b, word);
	free(word);
	return s;
}

static bool guess_matches(const struct principle *p, const char *guess)
{
	if (strcasecmp(guess, p->id) == 0 || strcasecmp(guess, p->name) == 0)
		return true;
	return *guess && str_distance(guess, p->id) <= 2;
}

static int run_plain(struct session *s, const struct opts *o)
{
	const struct catalog *cat = &s->ws.cat;
	struct drill_summary sum;
	bool tty = isatty(STDIN_FILENO);
	drill_summary_init(&sum, cat, o->seconds ? o->seconds
					  : s->ws.config.drill_seconds ? s->ws.config.drill_seconds
								     : s->cfg.target_seconds);
	FILE *in = stdin;

	printf("Drill%s: answer in one line, then rate it 1 again, 2 hard, 3 good, 4 easy "
	       "(empty skips). End of input ends the drill.\n", o->hide ? " (principles hidden)" : "");
	while (o->count == 0 || sum.asked < (unsigned)o->count) {
		long long now = (long long)time(NULL);
		const struct question *q = drill_next(&s->drill, now);
		if (!q)
			break;
		const struct principle *p = &cat->v[q->principle];
		if (o->hide) {
			printf("[?] %s\n", q->text);
			if (tty)
				fputs("principle> ", stdout);
			fflush(stdout);
			char *guess = read_line(in);
			if (!guess)
				break;
			if (guess_matches(p, guess))
				printf("    Right: %s.\n", p->name);
			else
				printf("    It probes %s (%s).\n", p->name, p->id);
			free(guess);
		} else {
			printf("[%s] %s\n", p->id, q->text);
		}
		if (tty)
			fputs("answer> ", stdout);
		fflush(stdout);
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		char *answer = read_line(in);
		if (!answer)
			break;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		unsigned secs = (unsigned)(t1.tv_sec - t0.tv_sec);

		const struct story *told = named_story(&s->ws.bank, answer);
		int wanted[FOLLOWUP_NTYPES];
		size_t n_wanted = told ? lint_probe_types(s->linter, told, wanted, FOLLOWUP_NTYPES) : 0;
		const struct followup *fu[2];
		size_t nfu = drill_followups(&s->drill, &s->ws.prompts, p->id, wanted, n_wanted, fu, 2);
		for (size_t i = 0; i < nfu; i++)
			printf("    Follow-up (%s): %s\n", followup_type_name(fu[i]->type), fu[i]->text);
		if (tty)
			fputs("rating 1-4> ", stdout);
		fflush(stdout);
		char *r = read_line(in);
		int rating = 0;
		if (r && r[0] >= '1' && r[0] <= '4' && r[1] == '\0')
			rating = r[0] - '0';
		else if (r && *r)
			printf("    (not a rating: '%s'; recorded without one)\n", r);

		struct history_entry e = { now, q->id, p->id, told ? told->id : NULL, secs, rating };
		if (history_append(&s->hist, s->log, &e, &s->dl) < 0) {
			cli_print_diags(&s->dl);
			diag_list_release(&s->dl);
			cli_error("the answer was not saved to the drill log");
		}
		drill_answer(&s->drill, q, secs, rating, now);
		drill_summary_add(&sum, q->principle, secs, rating);
		free(answer);
		free(r);
		if (!r)
			break;
	}
	struct buf out = BUF_INIT;
	buf_addc(&out, '\n');
	drill_summary_render(&sum, cat, &out);
	cli_out(&out);
	buf_release(&out);
	drill_summary_release(&sum);
	return CLI_OK;
}

static void stats(struct session *s, struct buf *out)
{
	const struct catalog *cat = &s->ws.cat;
	long long now = (long long)time(NULL);
	struct drill_practice *pr = xcalloc(cat->n + 1, sizeof(*pr));
	drill_practice_of(cat, &s->hist, pr);
	buf_adds(out, "  PRINCIPLE                                     ANSWERED  AVG RATING  AVG TIME  LAST PRACTISED\n");
	for (size_t p = 0; p < cat->n; p++) {
		buf_addf(out, "%s %-44s %9u  ", cat->v[p].focus ? "*" : " ", cat->v[p].id, pr[p].answered);
		if (pr[p].rated)
			buf_addf(out, "%10.1f  ", (double)pr[p].rating_sum / pr[p].rated);
		else
			buf_adds(out, "         -  ");
		if (pr[p].answered) {
			char when[32];
			buf_pad(out, ' ', 4);
			fmt_time(out, pr[p].seconds_sum / pr[p].answered);
			history_format_time(pr[p].last, when);
			when[10] = '\0';
			buf_addf(out, "  %s\n", when);
		} else {
			buf_adds(out, "       -  never\n");
		}
	}
	free(pr);
	size_t top[5];
	size_t k = drill_favoured(&s->drill, now, top, 5);
	buf_adds(out, "\n* focus principle\n\nNext drill favours:\n");
	for (size_t j = 0; j < k; j++) {
		const struct question *q = s->drill.q[top[j]];
		buf_addf(out, "  [%s] %s (%s, weight %.1f)\n", cat->v[q->principle].id, q->text,
			 drill_reason(&s->drill, top[j]), drill_weight(&s->drill, top[j], now));
	}
}

int cmd_drill(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "plain", no_argument, NULL, 'p' },
		{ "count", required_argument, NULL, 'n' },
		{ "principle", required_argument, NULL, 'P' },
		{ "seed", required_argument, NULL, 's' },
		{ "time", required_argument, NULL, 't' },
		{ "hide-principle", no_argument, NULL, 'H' },
		{ "stats", no_argument, NULL, 'T' },
		CLI_COMMON_OPTIONS,
	};
	struct opts o = { 0 };
	int c, rc;
	char *end;

	o.only = xcalloc((size_t)argc + 1, sizeof(*o.only));
	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":pn:P:s:t:Hh", options, NULL)) != -1) {
		rc = -1;
		switch (c) {
		case 'p': o.plain = true; break;
		case 'H': o.hide = true; break;
		case 'T': o.stats = true; break;
		case 'P': o.only[o.n_only++] = optarg; break;
		case 'n':
			if (cli_parse_long(cli, "--count", optarg, 1, 100000, &o.count) < 0)
				rc = CLI_ERROR;
			break;
		case 't':
			if (cli_parse_long(cli, "--time", optarg, 10, 3600, &o.seconds) < 0)
				rc = CLI_ERROR;
			break;
		case 's':
			o.seed = strtoull(optarg, &end, 10);
			o.have_seed = true;
			if (!*optarg || *end)
				rc = cli_usage_error(cli, "--seed takes a whole number, not '%s'", optarg);
			break;
		default:
			rc = cli_common_option(cli, c, argv);
		}
		if (rc >= 0) {
			free(o.only);
			return rc;
		}
	}
	if (optind < argc) {
		free(o.only);
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	}

	if (!o.stats && !o.plain && cli_interactive()) {
		struct tui_options t = {
			.start = TUI_DRILL,
			.principles = (const char *const *)o.only,
			.n_principles = o.n_only,
			.count = o.count,
			.seconds = o.seconds,
			.hide_principle = o.hide,
			.seed = o.have_seed ? (uint64_t)o.seed : 0,
		};
		rc = cli_run_tui(cli, &t);
		free(o.only);
		return rc;
	}
	struct session s;
	memset(&s, 0, sizeof(s));
	rc = CLI_ERROR;
	if (cli_open(cli, &s.ws, WS_PROMPTS, &s.dl) < 0)
		goto out;
	for (size_t i = 0; i < o.n_only; i++) {
		if (catalog_index(&s.ws.cat, o.only[i]) < 0) {
			const char *hint = catalog_suggest(&s.ws.cat, o.only[i]);
			diag_add(&s.dl, DIAG_ERROR, NULL, 0, 0, "unknown principle '%s'%s%s%s", o.only[i],
				 hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
			goto out;
		}
	}
	char *cfg_path = path_join(s.ws.data_dir, "prompts/drill.yaml");
	int cfg_rc = drill_config_load(&s.cfg, cfg_path, &s.dl);
	free(cfg_path);
	if (cfg_rc < 0)
		goto out;
	ruleset_load_all(&s.rules, s.ws.data_dir, s.ws.stories_dir, NULL, &s.dl);
	s.linter = lint_new(&s.rules);
	s.log = history_path(s.ws.stories_dir);
	if (history_load(&s.hist, s.log, &s.dl) < 0)
		goto out;
	/* Problems so far (corrupt log lines, broken stories) are warnings here. */
	cli_print_diags(&s.dl);
	diag_list_release(&s.dl);

	unsigned *counts = xcalloc(s.ws.cat.n + 1, sizeof(*counts));
	story_counts_init(&s.ws, counts);
	uint64_t seed = o.have_seed ? (uint64_t)o.seed : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	unsigned target = s.ws.config.target ? (unsigned)s.ws.config.target : 2;
	drill_init(&s.drill, &s.ws.cat, &s.cfg, counts, target, &s.hist, (const char *const *)o.only,
		   o.n_only, seed);
	free(counts);

	if (o.stats) {
		struct buf out = BUF_INIT;
		stats(&s, &out);
		cli_out(&out);
		buf_release(&out);
		rc = CLI_OK;
	} else {
		rc = run_plain(&s, &o);
	}
out:
	cli_print_diags(&s.dl);
	diag_list_release(&s.dl);
	drill_release(&s.drill);
	history_release(&s.hist);
	free(s.log);
	lint_free(s.linter);
	ruleset_release(&s.rules);
	workspace_release(&s.ws);
	free(o.only);
	return rc;
}
