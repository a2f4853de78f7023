/* cmd_show.c - "lpcoach show ID": one story, readable. */
#include "cli.h"
#include "../core/buf.h"
#include "../core/catalog.h"
#include "../core/diag.h"
#include "../core/fsutil.h"
#include "../core/layout.h"
#include "../core/story.h"
#include "../core/util.h"
#include "../core/workspace.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: lpcoach show ID\n"
	"\n"
	"Show one story: its principles, tags, dates and every STAR section.\n"
	"ID is the story's file name without .yaml (see 'lpcoach list'), or\n"
	"the path of a story file.\n"
	"\n"
	"      --stories DIR   the stories folder\n"
	"      --data DIR      the data folder (principles, prompts, rules)\n"
	"  -h, --help          show this help\n";

static void wrapped(struct buf *out, const char *text, size_t width, size_t indent)
{
	struct layout l = LAYOUT_INIT;
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == '\n')
		len--;
	layout_wrap(&l, text, len, width > indent + 20 ? width - indent : 20);
	for (size_t i = 0; i < l.n; i++) {
		size_t s = l.v[i].start, e = l.v[i].end;
		while (e > s && text[e - 1] == ' ')
			e--;
		if (e > s)
			buf_pad(out, ' ', indent);
		buf_add(out, text + s, e - s);
		buf_addc(out, '\n');
	}
	layout_release(&l);
}

static void render(const struct workspace *ws, const struct story *s, struct buf *out)
{
	size_t width = (size_t)cli_term_width();
	if (width > 100)
		width = 100;
	const char *title = story_title(s);
	buf_addf(out, "%s\n", title);
	buf_addf(out, "  story       %s (%s)\n", s->id, s->path ? s->path : "not saved");
	buf_adds(out, "  principles  ");
	if (!s->n_principles)
		buf_adds(out, "(none)");
	for (size_t i = 0; i < s->n_principles; i++) {
		const struct principle *p = catalog_find(&ws->cat, s->principles[i].id);
		buf_addf(out, "%s%s%s", i ? ", " : "", p ? p->name : s->principles[i].id,
			 p ? (p->focus ? " (focus)" : "") : " (unknown)");
	}
	buf_addc(out, '\n');
	if (s->n_tags) {
		buf_adds(out, "  tags        ");
		for (size_t i = 0; i < s->n_tags; i++)
			buf_addf(out, "%s%s", i ? ", " : "", s->tags[i]);
		buf_addc(out, '\n');
	}
	if (s->created || s->updated)
		buf_addf(out, "  dates       created %s, updated %s\n", s->created ? s->created : "-",
			 s->updated ? s->updated : "-");
	for (int f = STORY_FIRST_SECTION; f < STORY_NFIELDS; f++) {
		const char *t = story_text(s, f);
		if (!t && f == STORY_LEARNED)
			continue;
		buf_addf(out, "\n%s\n", story_field_name(f));
		if (t)
			wrapped(out, t, width, 2);
		else
			buf_adds(out, "  (missing)\n");
	}
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS };
	int c, rc;

	cli->usage = usage;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1)
		if ((rc = cli_common_option(cli, c, argv)) >= 0)
			return rc;
	const char *want;
	if (cli_one_operand(cli, argc, argv, "which story? (see 'lpcoach list')", &want) < 0)
		return CLI_ERROR;

	struct workspace ws;
	struct diag_list dl = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct story *s = NULL;
	char *path = NULL;

	rc = CLI_ERROR;
	if (cli_open(cli, &ws, WS_NO_BANK, &dl) < 0)
		goto out;
	if (strchr(want, '/') || str_has_suffix(want, ".yaml")) {
		path = xstrdup(want);
	} else {
		char *name = xasprintf("%s.yaml", want);
		path = path_join(ws.stories_dir, name);
		free(name);
		if (!fs_exists(path)) {
			diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "no story '%s' in %s (see 'lpcoach list')",
				 want, ws.stories_dir);
			goto out;
		}
	}
	s = story_load_file(path, &dl);
	if (s) {
		struct bank one = { .v = &s, .n = 1 };
		bank_check_principles(&one, &ws.cat, &dl);
	}
	if (!s)
		goto out;
	render(&ws, s, &out);
	cli_out(&out);
	rc = CLI_OK;
out:
	cli_print_diags(&dl);
	diag_list_release(&dl);
	buf_release(&out);
	story_free(s);
	free(path);
	workspace_release(&ws);
	return rc;
}
