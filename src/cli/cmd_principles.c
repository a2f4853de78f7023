/* cmd_principles.c - "lpcoach principles": the catalog with story counts. */
#include "cli.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/json.h"
#include "../core/utf8.h"
#include "../core/workspace.h"

#include <string.h>

static const char usage[] =
	"usage: lpcoach principles [--format text|json|ids]\n"
	"\n"
	"List the leadership principles in order, the focus principles marked\n"
	"with '*', with how many stories map to each and how many questions\n"
	"the drill can ask about it.\n"
	"\n"
	"  -f, --format FMT    text (default), json, or ids (one id per line)\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder (principles, prompts, rules)\n"
	"  -h, --help          show this help\n";

static void principles_text(const struct workspace *ws, struct buf *out)
{
	size_t namew = 9, idw = 2;
	for (size_t i = 0; i < ws->cat.n; i++) {
		const struct principle *p = &ws->cat.v[i];
		size_t w = utf8_width(p->name, strlen(p->name));
		if (w > namew)
			namew = w;
		if (strlen(p->id) > idw)
			idw = strlen(p->id);
	}
	buf_adds(out, "   PRINCIPLE");
	buf_pad(out, ' ', namew - 9 + 2);
	buf_adds(out, "ID");
	buf_pad(out, ' ', idw - 2 + 2);
	buf_adds(out, "STORIES  QUESTIONS\n");
	for (size_t i = 0; i < ws->cat.n; i++) {
		const struct principle *p = &ws->cat.v[i];
		buf_adds(out, p->focus ? " * " : "   ");
		buf_adds(out, p->name);
		buf_pad(out, ' ', namew - utf8_width(p->name, strlen(p->name)) + 2);
		buf_adds(out, p->id);
		buf_pad(out, ' ', idw - strlen(p->id) + 2);
		buf_addf(out, "%7zu  %9zu\n", bank_count_principle(&ws->bank, p->id),
			 p->n_questions);
	}
	buf_addf(out, "\n* focus principle (%zu of %zu): prepare more stories for these\n",
		 catalog_focus_count(&ws->cat), ws->cat.n);
}

static void principles_json(const struct workspace *ws, struct buf *out)
{
	struct json j;
	json_start(&j, out);
	json_arr_start(&j);
	for (size_t i = 0; i < ws->cat.n; i++) {
		const struct principle *p = &ws->cat.v[i];
		json_obj_start(&j);
		json_key(&j, "id");
		json_str(&j, p->id);
		json_key(&j, "name");
		json_str(&j, p->name);
		json_key(&j, "focus");
		json_bool(&j, p->focus);
		json_key(&j, "stories");
		json_int(&j, (long long)bank_count_principle(&ws->bank, p->id));
		json_key(&j, "questions");
		json_int(&j, (long long)p->n_questions);
		json_key(&j, "summary");
		json_str(&j, p->summary);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_finish(&j);
}

int cmd_principles(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
	};
	enum cli_format fmt = CLI_TEXT;
	int c, rc;

	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
		if (c == 'f') {
			if (cli_parse_format(cli, optarg, CLI_TEXT | CLI_JSON | CLI_IDS, &fmt) < 0)
				return CLI_ERROR;
		} else if ((rc = cli_common_option(cli, c, argv)) >= 0) {
			return rc;
		}
	}
	if (optind < argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);

	struct workspace ws;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	rc = CLI_ERROR;
	if (cli_open(cli, &ws, 0, &dl) == 0) {
		if (fmt == CLI_JSON)
			principles_json(&ws, &out);
		else if (fmt == CLI_IDS)
			for (size_t i = 0; i < ws.cat.n; i++)
				buf_addf(&out, "%s\n", ws.cat.v[i].id);
		else
			principles_text(&ws, &out);
		cli_out(&out);
		rc = ws.bank.n_broken ? CLI_ERROR : CLI_OK;
	}
	cli_print_diags(&dl);
	diag_list_release(&dl);
	buf_release(&out);
	workspace_release(&ws);
	return rc;
}
