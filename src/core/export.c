/* export.c - the printable cheat sheet. */
#include "export.h"
#include "buf.h"
#include "catalog.h"
#include "coverage.h"
#include "story.h"
#include "utf8.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *export_first_sentence(const char *text, size_t max)
{
	struct buf b = BUF_INIT;
	if (!text)
		return xstrdup("");
	while (*text == ' ' || *text == '\n')
		text++;
	size_t n = strlen(text), end = n;
	for (size_t i = 0; i < n; i++) {
		if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
		    (i + 1 == n || text[i + 1] == ' ' || text[i + 1] == '\n')) {
			end = i + 1;
			break;
		}
		if (text[i] == '\n' && i + 1 < n && text[i + 1] == '\n') {
			end = i;
			break;
		}
	}
	/* Newlines inside become spaces. */
	for (size_t i = 0; i < end; i++)
		buf_addc(&b, text[i] == '\n' ? ' ' : text[i]);
	if (utf8_count(b.s ? b.s : "", b.len) > max) {
		size_t cut = 0, chars = 0;
		while (cut < b.len && chars < max - 1) {
			cut = utf8_next(b.s, b.len, cut);
			chars++;
		}
		while (cut > 0 && b.s[cut - 1] != ' ')
			cut--;
		buf_truncate(&b, cut ? cut - 1 : 0);
		buf_adds(&b, "\xe2\x80\xa6");
	}
	return buf_detach(&b, NULL);
}

char *export_key_numbers(const char *text)
{
	struct buf b = BUF_INIT;
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; i < n;) {
		/* A token starts at a digit or a currency sign before a digit. */
		bool money = (unsigned char)text[i] == '$' || !strncmp(text + i, "\xe2\x82\xac", 3) ||
			     !strncmp(text + i, "\xc2\xa3", 2);
		size_t sign = text[i] == '$' ? 1 : money ? (text[i] == '\xc2' ? 2 : 3) : 0;
		bool starts = (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '(') &&
			      i + sign < n && isdigit((unsigned char)text[i + sign]);
		if (!starts) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && text[j] != ' ' && text[j] != '\n')
			j++;
		size_t e = j;
		while (e > i && strchr(".,;:)", text[e - 1]))
			e--;
		if (b.len)
			buf_adds(&b, ", ");
		buf_add(&b, text + i, e - i);
		/* A bare number takes up to two words after it, until a little
		 * word or punctuation: "6 hours", "4 breaking changes". */
		static const char *const stop[] = { "to", "from", "and", "or", "in", "on", "of", "the",
						    "a", "an", "by", "for", "with", "at", "after",
						    "before", "than", "that", "which", NULL };
		bool bare = true;
		for (size_t k = i + sign; k < e; k++)
			if (!isdigit((unsigned char)text[k]) && text[k] != ',' && text[k] != '.')
				bare = false;
		for (int words = 0; bare && e == j && words < 2 && j < n && text[j] == ' '; words++) {
			size_t w = j + 1, we = w;
			while (we < n && (isalpha((unsigned char)text[we]) || text[we] == '-'))
				we++;
			bool little = we == w;
			for (size_t k = 0; stop[k] && !little; k++)
				little = strlen(stop[k]) == we - w && strncasecmp(text + w, stop[k], we - w) == 0;
			if (little)
				break;
			buf_addc(&b, ' ');
			buf_add(&b, text + w, we - w);
			j = e = we;
		}
		i = j;
	}
	return buf_detach(&b, NULL);
}

static void html_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '&': buf_adds(out, "&amp;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		default: buf_addc(out, *s);
		}
	}
}

static void md_text(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("*_`[]<>|\\", *s))
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
}

static const char *const labels[] = { NULL, "S", "T", "A", "R", "L" };

static void story_md(struct buf *out, const struct story *s)
{
	buf_adds(out, "### ");
	md_text(out, story_title(s));
	buf_addf(out, " (`%s`)\n\n", s->id);
	for (int f = STORY_SITUATION; f <= STORY_RESULT; f++) {
		char *first = export_first_sentence(story_text(s, (enum story_field)f), 200);
		if (*first) {
			buf_addf(out, "- **%s** ", labels[f]);
			md_text(out, first);
			buf_addc(out, '\n');
		}
		free(first);
	}
	char *nums = export_key_numbers(story_text(s, STORY_RESULT));
	if (*nums) {
		buf_adds(out, "- **Numbers:** ");
		md_text(out, nums);
		buf_addc(out, '\n');
	}
	free(nums);
	buf_addc(out, '\n');
}

static void story_html(struct buf *out, const struct story *s)
{
	buf_adds(out, "<article><h3>");
	html_escape(out, story_title(s));
	buf_adds(out, " <code>");
	html_escape(out, s->id);
	buf_adds(out, "</code></h3><ul>");
	for (int f = STORY_SITUATION; f <= STORY_RESULT; f++) {
		char *first = export_first_sentence(story_text(s, (enum story_field)f), 200);
		if (*first) {
			buf_addf(out, "<li><b>%s</b> ", labels[f]);
			html_escape(out, first);
			buf_adds(out, "</li>");
		}
		free(first);
	}
	char *nums = export_key_numbers(story_text(s, STORY_RESULT));
	if (*nums) {
		buf_adds(out, "<li class=\"num\"><b>Numbers</b> ");
		html_escape(out, nums);
		buf_adds(out, "</li>");
	}
	free(nums);
	buf_adds(out, "</ul></article>\n");
}

static const char css[] =
	"body{font:11pt/1.4 Georgia,'DejaVu Serif',serif;margin:2em auto;max-width:46em;color:#111}"
	"h1{font-size:18pt;margin:0 0 .2em}h2{font-size:13pt;border-bottom:1px solid #999;"
	"margin:1.4em 0 .4em}h3{font-size:11pt;margin:.6em 0 .2em}code{font-size:9pt;color:#555}"
	"ul{margin:.2em 0 .6em;padding-left:1.2em}li{margin:.1em 0}.focus{font-size:9pt;"
	"border:1px solid #111;padding:0 .3em;margin-left:.4em;vertical-align:middle}"
	".gap{color:#a00}.summary{color:#333}.num{color:#014}section{break-inside:avoid}"
	"@page{margin:1.6cm}@media print{body{margin:0;max-width:none}a{color:inherit}}";

void export_render(const struct coverage *c, enum export_format fmt, struct buf *out)
{
	bool html = fmt == EXPORT_HTML;
	if (html)
		buf_addf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
			      "<title>Loop cheat sheet</title><style>%s</style></head><body>\n"
			      "<h1>Loop cheat sheet</h1>\n<p class=\"summary\">", css);
	else
		buf_adds(out, "# Loop cheat sheet\n\n");
	buf_addf(out, "%zu of %zu principles planned with %u stor%s each; each story told once.",
		 c->plan_covered, c->n_principles, c->target, c->target == 1 ? "y" : "ies");
	buf_adds(out, html ? "</p>\n" : "\n\n");
	/* Focus principles first, then the others, in catalog order. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t p = 0; p < c->n_principles; p++) {
			const struct cov_principle *cp = &c->principles[p];
			if (cp->p->focus != (pass == 0))
				continue;
			if (html) {
				buf_adds(out, "<section><h2>");
				html_escape(out, cp->p->name);
				if (cp->p->focus)
					buf_adds(out, "<span class=\"focus\">focus</span>");
				buf_adds(out, "</h2>\n");
			} else {
				buf_addf(out, "## %s%s\n\n", cp->p->name, cp->p->focus ? " (focus)" : "");
			}
			for (size_t k = 0; k < cp->n_plan; k++) {
				const struct story *s = c->stories[cp->plan[k]].story;
				if (html)
					story_html(out, s);
				else
					story_md(out, s);
			}
			if (cp->n_plan < c->target) {
				const char *msg = cp->n_plan ? "One more story is still to write."
							     : "No story yet: write one before the loop.";
				if (html) {
					buf_addf(out, "<p class=\"gap\">%s Listen for: ", msg);
					for (size_t i = 0; i < cp->p->n_listen_for; i++) {
						if (i)
							buf_adds(out, "; ");
						html_escape(out, cp->p->listen_for[i]);
					}
					buf_adds(out, ".</p>\n");
				} else {
					buf_addf(out, "*%s* Listen for: ", msg);
					for (size_t i = 0; i < cp->p->n_listen_for; i++) {
						if (i)
							buf_adds(out, "; ");
						md_text(out, cp->p->listen_for[i]);
					}
					buf_adds(out, ".\n\n");
				}
			}
			if (html)
				buf_adds(out, "</section>\n");
		}
	if (html)
		buf_adds(out, "</body></html>\n");
}
