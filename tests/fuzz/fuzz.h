/* fuzz.h - shared by the fuzz harnesses: a private folder for inputs that
 * loaders read from files, and the data folder of the repository.
 *
 * Each harness defines LLVMFuzzerTestOneInput(). Built with clang's
 * -fsanitize=fuzzer it is a libFuzzer target ('make fuzz'); built with
 * replay.c it runs saved inputs (the seed corpus and every crasher kept as
 * a regression) in 'make test'.
 */
#ifndef LPCOACH_FUZZ_H
#define LPCOACH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A folder of this process's own, made once. */
static inline const char *fuzz_dir(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/lpcoach-fuzz.%ld", (long)getpid());
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
		if (system(cmd) != 0)
			abort();
	}
	return dir;
}

/* Write data to <fuzz_dir>/<name>; returns the path (static storage). */
static inline const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	static char path[4][256];
	static int k;
	char *p = path[k++ % 4];
	snprintf(p, sizeof(path[0]), "%s/%s", fuzz_dir(), name);
	FILE *f = fopen(p, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return p;
}

/* The repository's data folder (principles, prompts, rules). */
static inline const char *fuzz_data(void)
{
	const char *d = getenv("LPCOACH_DATA");
	return d && *d ? d : LPCOACH_SRCDIR;
}

#endif
