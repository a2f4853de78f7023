/* Fuzz the principle loader with one arbitrary principle file. */
#include "fuzz.h"
#include "catalog.h"
#include "diag.h"

#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[96];
	snprintf(dir, sizeof(dir), "%s/principles", fuzz_dir());
	mkdir(dir, 0700);
	char name[128];
	snprintf(name, sizeof(name), "principles/dive-deep.yaml");
	fuzz_file(name, data, size);
	struct catalog c = CATALOG_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	if (catalog_load(&c, dir, &dl) == 0) {
		catalog_focus_count(&c);
		catalog_question(&c, "dive-deep-01");
		catalog_suggest(&c, "dive-deeep");
	}
	catalog_release(&c);
	diag_list_release(&dl);
	return 0;
}
