/* Fuzz the prompts loader: the input, split at NUL bytes, is sections.yaml,
 * principles.yaml and followups.yaml. */
#include "fuzz.h"
#include "catalog.h"
#include "diag.h"
#include "prompts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog cat;
	static int loaded;
	if (!loaded) {
		struct diag_list dl = DIAG_LIST_INIT;
		char dir[512];
		snprintf(dir, sizeof(dir), "%s/principles", fuzz_data());
		catalog_load(&cat, dir, &dl);
		diag_list_release(&dl);
		loaded = 1;
	}
	static const char *const names[] = { "sections.yaml", "principles.yaml", "followups.yaml" };
	size_t start = 0;
	for (int k = 0; k < 3; k++) {
		size_t end = start;
		while (end < size && data[end] != 0)
			end++;
		fuzz_file(names[k], data + (start < size ? start : size), end > start ? end - start : 0);
		start = end + 1;
	}
	struct prompts p;
	struct diag_list dl = DIAG_LIST_INIT;
	prompts_load(&p, fuzz_dir(), &cat, &dl);
	prompts_section(&p, "action");
	prompts_principle(&p, "dive-deep");
	prompts_release(&p);
	diag_list_release(&dl);
	return 0;
}
