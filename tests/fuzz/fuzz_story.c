/* Fuzz the story loader. Whatever loads must save and load back to the
 * same story: a broken round trip aborts. */
#include "fuzz.h"
#include "buf.h"
#include "diag.h"
#include "story.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = story_parse("fuzz.yaml", "fuzz", (const char *)data, size, &dl);
	if (s) {
		/* Every location lint could ask for is inside the file. */
		for (int f = 0; f < STORY_NFIELDS; f++) {
			const char *t = story_text(s, (enum story_field)f);
			unsigned line, col;
			story_locate(s, (enum story_field)f, t ? strlen(t) : 0, &line, &col);
		}
		struct buf b = BUF_INIT;
		if (story_to_yaml(s, &b, &dl) == 0) {
			struct story *t = story_parse("again.yaml", "fuzz", b.s, b.len, &dl);
			if (!t)
				abort();
			for (int f = 0; f < STORY_NFIELDS; f++) {
				const char *x = story_text(s, (enum story_field)f);
				const char *y = story_text(t, (enum story_field)f);
				if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
					abort();
			}
			if (t->n_principles != s->n_principles)
				abort();
			story_free(t);
		}
		buf_release(&b);
		story_free(s);
	}
	diag_list_release(&dl);
	return 0;
}
