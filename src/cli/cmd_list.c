/* cmd_list.c - "lpcoach list": the stories with their principles. */
#include "cli.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/json.h"
#include "../core/story.h"
#include "../core/utf8.h"
#include "../core/workspace.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: lpcoach list [--principle ID]... [--format text|json|ids]\n"
	"\n"
	"List the stories of the bank with their principles.\n"
	"\n"
	"  -p, --principle ID  only stories mapped to this principle (repeatable:\n"
	"                      stories mapped to any of them)\n"
	"  -f, --format FMT    text (default), json, or ids (one id per line)\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder (principles, prompts, rules)\n"
	"  -h, --help          show this help\n";

static bool wanted(const struct story *s, char **filter, size_t n)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (story_has_principle(s, filter[i]))
			return true;
	return false;
}

static size_t word_count(const struct story *s)
{
	size_t n = 0;
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, f);
		bool in = false;
		for (; t && *t; t++) {
			bool sp = *t == ' ' || *t == '\n' || *t == '\t';
			n += !sp && !in;
			in = !sp;
		}
	}
	return n;
}

static void list_json(const struct workspace *ws, char **filter, size_t nf, struct buf *out)
{
	struct json j;
	json_start(&j, out);
	json_obj_start(&j);
	json_key(&j, "stories_dir");
	json_str(&j, ws->stories_dir);
	json_key(&j, "stories");
	json_arr_start(&j);
	for (size_t i = 0; i < ws->bank.n; i++) {
		const struct story *s = ws->bank.v[i];
		if (!wanted(s, filter, nf))
			continue;
		json_obj_start(&j);
		json_key(&j, "id");
		json_str(&j, s->id);
		json_key(&j, "title");
		json_str(&j, story_text(s, STORY_TITLE));
		json_key(&j, "file");
		json_str(&j, s->path);
		json_key(&j, "principles");
		json_arr_start(&j);
		for (size_t k = 0; k < s->n_principles; k++)
			json_str(&j, s->principles[k].id);
		json_arr_end(&j);
		json_key(&j, "tags");
		json_arr_start(&j);
		for (size_t k = 0; k < s->n_tags; k++)
			json_str(&j, s->tags[k]);
		json_arr_end(&j);
		json_key(&j, "sections");
		json_arr_start(&j);
		for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++)
			if (story_text(s, f))
				json_str(&j, story_field_key(f));
		json_arr_end(&j);
		json_key(&j, "words");
		json_int(&j, (long long)word_count(s));
		json_key(&j, "created");
		json_str(&j, s->created);
		json_key(&j, "updated");
		json_str(&j, s->updated);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_finish(&j);
}

static void list_text(const struct workspace *ws, char **filter, size_t nf, struct buf *out)
{
	size_t idw = 2, shown = 0;
	for (size_t i = 0; i < ws->bank.n; i++) {
		const struct story *s = ws->bank.v[i];
		size_t w = utf8_width(s->id, strlen(s->id));
		if (wanted(s, filter, nf) && w > idw)
			idw = w;
	}
	for (size_t i = 0; i < ws->bank.n; i++) {
		const struct story *s = ws->bank.v[i];
		if (!wanted(s, filter, nf))
			continue;
		shown++;
		buf_adds(out, s->id);
		buf_pad(out, ' ', idw - utf8_width(s->id, strlen(s->id)) + 2);
		buf_adds(out, story_title(s));
		buf_adds(out, "  [");
		for (size_t k = 0; k < s->n_principles; k++)
			buf_addf(out, "%s%s", k ? ", " : "", s->principles[k].id);
		buf_adds(out, "]\n");
	}
	if (shown == 0 && ws->bank.n == 0 && ws->bank.n_broken == 0)
		buf_addf(out, "No stories yet in %s.\n", ws->stories_dir);
	else if (shown == 0 && ws->bank.n == 0)
		buf_addf(out, "No story in %s could be loaded.\n", ws->stories_dir);
	else if (shown == 0)
		buf_adds(out, "No story matches.\n");
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "principle", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
	};
	enum cli_format fmt = CLI_TEXT;
	char **filter = calloc((size_t)argc + 1, sizeof(*filter));
	size_t nf = 0;
	int c, rc = CLI_OK;

	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":p:f:h", opts, NULL)) != -1) {
		if (c == 'p') {
			filter[nf++] = optarg;
		} else if (c == 'f') {
			if (cli_parse_format(cli, optarg, CLI_TEXT | CLI_JSON | CLI_IDS, &fmt) < 0) {
				free(filter);
				return CLI_ERROR;
			}
		} else if ((rc = cli_common_option(cli, c, argv)) >= 0) {
			free(filter);
			return rc;
		}
	}
	if (optind < argc) {
		free(filter);
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	}

	struct workspace ws;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	rc = CLI_OK;
	if (cli_open(cli, &ws, 0, &dl) < 0) {
		rc = CLI_ERROR;
		goto out;
	}
	for (size_t i = 0; i < nf; i++) {
		if (catalog_index(&ws.cat, filter[i]) < 0) {
			const char *hint = catalog_suggest(&ws.cat, filter[i]);
			diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "unknown principle '%s'%s%s%s", filter[i],
				 hint ? " (did you mean '" : " (see 'lpcoach principles')",
				 hint ? hint : "", hint ? "'?)" : "");
			rc = CLI_ERROR;
			goto out;
		}
	}
	if (fmt == CLI_JSON)
		list_json(&ws, filter, nf, &out);
	else if (fmt == CLI_IDS)
		for (size_t i = 0; i < ws.bank.n; i++) {
			if (wanted(ws.bank.v[i], filter, nf))
				buf_addf(&out, "%s\n", ws.bank.v[i]->id);
		}
	else
		list_text(&ws, filter, nf, &out);
	cli_out(&out);
	if (ws.bank.n_broken)
		rc = CLI_ERROR;
out:
	cli_print_diags(&dl);
	if (ws.bank.n_broken)
		cli_error("%zu story file%s could not be loaded (shown above); the others are listed",
			  ws.bank.n_broken, ws.bank.n_broken == 1 ? "" : "s");
	diag_list_release(&dl);
	buf_release(&out);
	workspace_release(&ws);
	free(filter);
	return rc;
}
