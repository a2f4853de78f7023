/* Fuzz the rule loader: an arbitrary rules file, then lint a story with
 * whatever loaded and check the rules' examples. Hostile patterns must end
 * within the match limits. */
#include "fuzz.h"
#include "diag.h"
#include "lint.h"
#include "rules.h"
#include "story.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ruleset rs = RULESET_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	ruleset_load_file(&rs, fuzz_file("rules.yaml", data, size), &dl);
	struct story *s = story_new("fuzz");
	story_set_text(s, STORY_TITLE, "A story about a pipeline");
	story_set_text(s, STORY_SITUATION, "The nightly load was late, I think, by 3 hours.");
	story_set_text(s, STORY_ACTION, "We profiled it; I found the skew and fixed it. aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!");
	story_set_text(s, STORY_RESULT, "It ran 40% faster.");
	story_add_principle(s, "dive-deep");
	struct linter *l = lint_new(&rs);
	struct lint_report rep = LINT_REPORT_INIT;
	lint_story(l, s, &rep, &dl);
	lint_check_examples(l, &rs, &dl);
	lint_report_release(&rep);
	lint_free(l);
	story_free(s);
	ruleset_release(&rs);
	diag_list_release(&dl);
	return 0;
}
