/* Fuzz the linter with the shipped rules on arbitrary text: the input,
 * split at NUL bytes, fills the title and the STAR sections. */
#include "fuzz.h"
#include "diag.h"
#include "lint.h"
#include "rules.h"
#include "story.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ruleset rs;
	static struct linter *l;
	if (!l) {
		struct diag_list dl = DIAG_LIST_INIT;
		char dir[512];
		snprintf(dir, sizeof(dir), "%s/rules", fuzz_data());
		ruleset_load_dir(&rs, dir, false, &dl);
		diag_list_release(&dl);
		l = lint_new(&rs);
	}
	struct story *s = story_new("fuzz");
	size_t start = 0;
	for (int f = 0; f < STORY_NFIELDS && start <= size; f++) {
		size_t end = start;
		while (end < size && data[end] != 0)
			end++;
		char *t = malloc(end - start + 1);
		memcpy(t, data + start, end - start);
		t[end - start] = '\0';
		s->f[f].text = t; /* raw bytes, invalid UTF-8 included */
		start = end + 1;
	}
	story_add_principle(s, size % 2 ? "dive-deep" : "ownership");
	story_add_principle(s, "bias-for-action");
	struct lint_report rep = LINT_REPORT_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	lint_story(l, s, &rep, &dl);
	for (size_t i = 0; i < rep.n; i++) {
		const struct lint_finding *fd = &rep.v[i];
		if (fd->field >= 0 && (fd->end < fd->start || fd->end > strlen(story_text(s, (enum story_field)fd->field))))
			abort(); /* a finding's span must lie in its text */
	}
	if (rep.score < 0 || rep.score > 100)
		abort();
	lint_report_release(&rep);
	diag_list_release(&dl);
	story_free(s);
	return 0;
}
