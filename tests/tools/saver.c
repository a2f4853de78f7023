/* saver.c - a test tool that saves a story the way lpcoach does.
 *
 *   saver loop FILE   load FILE, then save it forever, alternating two
 *                     versions of its Action (the crash test kills it)
 *   saver once FILE   load FILE and save it once with the second version
 *   saver print A|B FILE   write what the version A or B of FILE looks like
 *
 * Exit 0 when the save succeeded, 1 with the error on stderr when not. */
#include "buf.h"
#include "diag.h"
#include "story.h"

#include <stdio.h>
#include <string.h>

static void version(struct story *s, int v)
{
	story_set_text(s, STORY_ACTION,
		       v ? "Version B: I rewrote the job, checked every row and shipped it.\n"
			 : "Version A: I profiled the job and found the skewed join.\n");
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4)
		return 2;
	const char *file = argv[argc - 1];
	struct diag_list dl = DIAG_LIST_INIT;
	struct story *s = story_load_file(file, &dl);
	if (!s) {
		fprintf(stderr, "saver: cannot load %s\n", file);
		return 2;
	}
	int rc = 0;
	if (strcmp(argv[1], "print") == 0) {
		struct buf b = BUF_INIT;
		version(s, argv[2][0] == 'B');
		story_to_yaml(s, &b, &dl);
		fwrite(b.s, 1, b.len, stdout);
		buf_release(&b);
	} else if (strcmp(argv[1], "once") == 0) {
		version(s, 1);
		if (story_save(s, NULL, &dl) < 0) {
			struct buf b = BUF_INIT;
			diag_format(&dl.v[0], &b);
			fprintf(stderr, "saver: %s\n", buf_cstr(&b));
			buf_release(&b);
			rc = 1;
		}
	} else {
		for (int i = 0;; i++) {
			version(s, i % 2);
			story_save(s, NULL, &dl);
			diag_list_release(&dl);
		}
	}
	story_free(s);
	diag_list_release(&dl);
	return rc;
}
