/* report.c - rendering the pre-loop report. */
#include "report.h"
#include "buf.h"
#include "catalog.h"
#include "coverage.h"
#include "json.h"
#include "story.h"
#include "utf8.h"

#include <string.h>

void report_summary(const struct coverage *c, struct buf *out)
{
	buf_addf(out, "%zu/%zu principles covered \xc2\xb7 focus %zu/%zu \xc2\xb7 plan %zu/%zu",
		 c->covered, c->n_principles, c->focus_covered, c->focus_total, c->plan_covered,
		 c->n_principles);
}

struct style {
	const char *bold, *good, *bad, *focus, *off;
};

static void pad_to(struct buf *b, const char *s, size_t width)
{
	size_t w = utf8_width(s, strlen(s));
	buf_adds(b, s);
	buf_pad(b, ' ', w < width ? width - w : 1);
}

static void story_list(const struct coverage *c, const size_t *idx, size_t n, struct buf *out)
{
	if (n == 0)
		buf_adds(out, "-");
	for (size_t i = 0; i < n; i++)
		buf_addf(out, "%s%s", i ? ", " : "", c->stories[idx[i]].story->id);
}

static void render_text(const struct coverage *c, bool color, struct buf *out)
{
	struct style st = { "", "", "", "", "" };
	if (color)
		st = (struct style){ "\033[1m", "\033[32m", "\033[31m", "\033[1;33m", "\033[0m" };
	size_t namew = 9;
	for (size_t p = 0; p < c->n_principles; p++) {
		size_t w = utf8_width(c->principles[p].p->name, strlen(c->principles[p].p->name));
		if (w > namew)
			namew = w;
	}
	buf_addf(out, "%sPre-loop report%s: %zu stories (%zu ready), target %u per principle, "
		      "each story used %s\n",
		 st.bold, st.off, c->n_stories, c->ready, c->target,
		 c->reuse == 1 ? "once" : c->reuse == 2 ? "at most twice" : "a few times");
	buf_adds(out, st.bold);
	report_summary(c, out);
	buf_addf(out, "%s\n\n", st.off);

	buf_adds(out, "   ");
	pad_to(out, "PRINCIPLE", namew + 2);
	buf_adds(out, "STORIES  READY  COVERED  PLAN\n");
	for (size_t p = 0; p < c->n_principles; p++) {
		const struct cov_principle *cp = &c->principles[p];
		buf_addf(out, " %s%s%s ", st.focus, cp->p->focus ? "*" : " ", st.off);
		pad_to(out, cp->p->name, namew + 2);
		buf_addf(out, "%7zu  %5zu  %s%-7s%s  ", cp->n_stories, cp->n_ready,
			 cp->covered ? st.good : st.bad, cp->covered ? "yes" : "no", st.off);
		if (!cp->plan_covered)
			buf_addf(out, "%s(%zu/%u)%s ", st.bad, cp->n_plan, c->target, st.off);
		story_list(c, cp->plan, cp->n_plan, out);
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n * focus principle\n");

	/* Principles whose counts look fine but the plan cannot cover. */
	size_t shown = 0;
	for (size_t p = 0; p < c->n_principles; p++) {
		const struct cov_principle *cp = &c->principles[p];
		if (!cp->covered || cp->plan_covered)
			continue;
		if (!shown++)
			buf_addf(out, "\n%sShort in the plan although the counts look fine%s\n", st.bold,
				 st.off);
		buf_addf(out, "  %s: %zu stories, but only %zu left for it once each story is told once\n",
			 cp->p->name, cp->n_stories, cp->n_plan);
	}

	buf_addf(out, "\n%sStories%s\n", st.bold, st.off);
	size_t idw = 2;
	for (size_t i = 0; i < c->n_stories; i++) {
		size_t w = utf8_width(c->stories[i].story->id, strlen(c->stories[i].story->id));
		if (w > idw)
			idw = w;
	}
	buf_adds(out, "  ");
	pad_to(out, "ID", idw + 2);
	buf_adds(out, "SCORE  ERRORS  PRINCIPLES\n");
	for (size_t i = 0; i < c->n_stories; i++) {
		const struct cov_story *cs = &c->stories[i];
		buf_adds(out, "  ");
		pad_to(out, cs->story->id, idw + 2);
		buf_addf(out, "%5d  %s%6u%s  ", cs->score, cs->errors ? st.bad : "", cs->errors,
			 cs->errors ? st.off : "");
		for (size_t k = 0; k < cs->story->n_principles; k++)
			buf_addf(out, "%s%s", k ? ", " : "", cs->story->principles[k].id);
		buf_addc(out, '\n');
	}
	if (c->n_stories == 0)
		buf_adds(out, "  (none yet)\n");

	buf_addf(out, "\n%sWhat to do next%s\n", st.bold, st.off);
	for (size_t i = 0; i < c->n_suggestions; i++)
		buf_addf(out, "  - %s\n", c->suggestions[i].text);
	if (c->n_suggestions == 0)
		buf_adds(out, "  Nothing: every principle is covered and every story is ready.\n");
}

/* Markdown table cells must not contain '|' or line breaks. */
static void md_cell(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			buf_adds(out, "\\|");
		else if (*s == '\n')
			buf_addc(out, ' ');
		else
			buf_addc(out, *s);
	}
}

static void render_markdown(const struct coverage *c, struct buf *out)
{
	buf_adds(out, "# Pre-loop report\n\n**");
	report_summary(c, out);
	buf_addf(out, "**\n\n%zu stories, %zu ready; target %u stories per principle; each story "
		      "told at most %u time%s in the loop.\n\n",
		 c->n_stories, c->ready, c->target, c->reuse, c->reuse == 1 ? "" : "s");
	buf_adds(out, "## Principles\n\n| | Principle | Stories | Ready | Covered | Plan |\n"
		      "|---|---|---:|---:|---|---|\n");
	for (size_t p = 0; p < c->n_principles; p++) {
		const struct cov_principle *cp = &c->principles[p];
		buf_addf(out, "| %s | ", cp->p->focus ? "\xe2\x98\x85" : "");
		md_cell(out, cp->p->name);
		buf_addf(out, " | %zu | %zu | %s | ", cp->n_stories, cp->n_ready,
			 cp->covered ? "yes" : "**no**");
		if (!cp->plan_covered)
			buf_addf(out, "**%zu/%u**%s", cp->n_plan, c->target, cp->n_plan ? " " : "");
		for (size_t k = 0; k < cp->n_plan; k++)
			buf_addf(out, "%s`%s`", k ? ", " : "", c->stories[cp->plan[k]].story->id);
		buf_adds(out, " |\n");
	}
	buf_adds(out, "\n\xe2\x98\x85 focus principle\n\n## Loop plan\n\n");
	for (size_t p = 0; p < c->n_principles; p++) {
		const struct cov_principle *cp = &c->principles[p];
		buf_adds(out, "- **");
		md_cell(out, cp->p->name);
		buf_adds(out, "**: ");
		if (cp->n_plan == 0)
			buf_adds(out, "*no story yet*");
		for (size_t k = 0; k < cp->n_plan; k++) {
			const struct story *s = c->stories[cp->plan[k]].story;
			buf_addf(out, "%s", k ? "; " : "");
			md_cell(out, story_title(s));
			buf_addf(out, " (`%s`)", s->id);
		}
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n## Stories\n\n| Story | Score | Errors | Principles |\n|---|---:|---:|---|\n");
	for (size_t i = 0; i < c->n_stories; i++) {
		const struct cov_story *cs = &c->stories[i];
		buf_addf(out, "| `%s` | %d | %u | ", cs->story->id, cs->score, cs->errors);
		for (size_t k = 0; k < cs->story->n_principles; k++)
			buf_addf(out, "%s%s", k ? ", " : "", cs->story->principles[k].id);
		buf_adds(out, " |\n");
	}
	buf_adds(out, "\n## What to do next\n\n");
	for (size_t i = 0; i < c->n_suggestions; i++) {
		buf_adds(out, "- ");
		md_cell(out, c->suggestions[i].text);
		buf_addc(out, '\n');
	}
	if (c->n_suggestions == 0)
		buf_adds(out, "Nothing: every principle is covered and every story is ready.\n");
}

static void id_list(struct json *j, const struct coverage *c, const size_t *idx, size_t n)
{
	json_arr_start(j);
	for (size_t i = 0; i < n; i++)
		json_str(j, c->stories[idx[i]].story->id);
	json_arr_end(j);
}

static void render_json(const struct coverage *c, struct buf *out)
{
	struct json j;
	json_start(&j, out);
	json_obj_start(&j);
	json_key(&j, "summary");
	json_obj_start(&j);
	json_key(&j, "principles");
	json_int(&j, (long long)c->n_principles);
	json_key(&j, "covered");
	json_int(&j, (long long)c->covered);
	json_key(&j, "focus_total");
	json_int(&j, (long long)c->focus_total);
	json_key(&j, "focus_covered");
	json_int(&j, (long long)c->focus_covered);
	json_key(&j, "plan_covered");
	json_int(&j, (long long)c->plan_covered);
	json_key(&j, "plan_focus_covered");
	json_int(&j, (long long)c->plan_focus_covered);
	json_key(&j, "stories");
	json_int(&j, (long long)c->n_stories);
	json_key(&j, "ready");
	json_int(&j, (long long)c->ready);
	json_key(&j, "target");
	json_int(&j, c->target);
	json_key(&j, "reuse");
	json_int(&j, c->reuse);
	json_obj_end(&j);

	json_key(&j, "principles");
	json_arr_start(&j);
	for (size_t p = 0; p < c->n_principles; p++) {
		const struct cov_principle *cp = &c->principles[p];
		json_obj_start(&j);
		json_key(&j, "id");
		json_str(&j, cp->p->id);
		json_key(&j, "name");
		json_str(&j, cp->p->name);
		json_key(&j, "focus");
		json_bool(&j, cp->p->focus);
		json_key(&j, "stories");
		id_list(&j, c, cp->stories, cp->n_stories);
		json_key(&j, "ready");
		json_arr_start(&j);
		for (size_t k = 0; k < cp->n_stories; k++)
			if (c->stories[cp->stories[k]].ready)
				json_str(&j, c->stories[cp->stories[k]].story->id);
		json_arr_end(&j);
		json_key(&j, "covered");
		json_bool(&j, cp->covered);
		json_key(&j, "plan");
		id_list(&j, c, cp->plan, cp->n_plan);
		json_key(&j, "plan_covered");
		json_bool(&j, cp->plan_covered);
		json_obj_end(&j);
	}
	json_arr_end(&j);

	json_key(&j, "stories");
	json_arr_start(&j);
	for (size_t i = 0; i < c->n_stories; i++) {
		const struct cov_story *cs = &c->stories[i];
		json_obj_start(&j);
		json_key(&j, "id");
		json_str(&j, cs->story->id);
		json_key(&j, "principles");
		json_arr_start(&j);
		for (size_t k = 0; k < cs->story->n_principles; k++)
			json_str(&j, cs->story->principles[k].id);
		json_arr_end(&j);
		json_key(&j, "score");
		json_int(&j, cs->score);
		json_key(&j, "errors");
		json_int(&j, cs->errors);
		json_key(&j, "ready");
		json_bool(&j, cs->ready);
		json_obj_end(&j);
	}
	json_arr_end(&j);

	json_key(&j, "suggestions");
	json_arr_start(&j);
	for (size_t i = 0; i < c->n_suggestions; i++) {
		const struct suggestion *g = &c->suggestions[i];
		json_obj_start(&j);
		json_key(&j, "kind");
		json_str(&j, suggestion_kind_name(g->kind));
		json_key(&j, "principle");
		json_str(&j, g->principle != PLAN_NONE ? c->principles[g->principle].p->id : NULL);
		json_key(&j, "story");
		json_str(&j, g->story != PLAN_NONE ? c->stories[g->story].story->id : NULL);
		json_key(&j, "text");
		json_str(&j, g->text);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_finish(&j);
}

void report_render(const struct coverage *c, enum report_format fmt, bool color,
		   struct buf *out)
{
	switch (fmt) {
	case REPORT_TEXT:
		render_text(c, color, out);
		break;
	case REPORT_MARKDOWN:
		render_markdown(c, out);
		break;
	case REPORT_JSON:
		render_json(c, out);
		break;
	}
}
