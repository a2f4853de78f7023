/* Unit tests: buf.c, diag.c, json.c and fsutil.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "json.h"
#include "util.h"

static void test_buf(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_string_equal(buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.s));
	buf_truncate(&b, 4);
	assert_string_equal(buf_cstr(&b), "0,1,");
	buf_pad(&b, '-', 3);
	buf_addf(&b, "%s", "a long string that does not fit in the small buffer of buf_addf for sure, "
			    "no, really, it needs to be over two hundred and fifty six bytes long to "
			    "exercise the second path of the formatter, so here are some more words to "
			    "make it so, and then a few more.");
	assert_int_equal(b.len, strlen(b.s));
	size_t n;
	char *s = buf_detach(&b, &n);
	assert_int_equal(n, strlen(s));
	assert_null(b.s);
	free(s);
}

static void test_diag(void **state)
{
	(void)state;
	struct diag_list a = DIAG_LIST_INIT, b = DIAG_LIST_INIT;
	diag_add(&a, DIAG_ERROR, "f.yaml", 3, 7, "bad %s", "thing");
	diag_add(&b, DIAG_WARNING, "g.yaml", 0, 0, "odd");
	diag_add(&b, DIAG_WARNING, NULL, 0, 0, "general");
	diag_move(&a, &b);
	assert_int_equal(a.n, 3);
	assert_int_equal(b.n, 0);
	assert_int_equal(diag_count(&a, DIAG_WARNING), 2);
	struct buf out = BUF_INIT;
	for (size_t i = 0; i < a.n; i++) {
		diag_format(&a.v[i], &out);
		buf_addc(&out, '|');
	}
	assert_string_equal(buf_cstr(&out),
			    "f.yaml:3:7: error: bad thing|g.yaml: warning: odd|warning: general|");
	buf_release(&out);
	diag_list_release(&a);
}

static void test_json(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct json j;
	json_start(&j, &b);
	json_obj_start(&j);
	json_key(&j, "s");
	json_str(&j, "q\"\\\n\t\x01 caf\xc3\xa9 \xff");
	json_key(&j, "a");
	json_arr_start(&j);
	json_int(&j, -3);
	json_bool(&j, true);
	json_null(&j);
	json_str(&j, NULL);
	json_arr_end(&j);
	json_key(&j, "e");
	json_arr_start(&j);
	json_arr_end(&j);
	json_key(&j, "d");
	json_double(&j, 0.5);
	json_obj_end(&j);
	json_finish(&j);
	assert_string_equal(buf_cstr(&b),
			    "{\n  \"s\": \"q\\\"\\\\\\n\\t\\u0001 caf\xc3\xa9 \\ufffd\",\n"
			    "  \"a\": [\n    -3,\n    true,\n    null,\n    null\n  ],\n"
			    "  \"e\": [],\n  \"d\": 0.5\n}\n");
	buf_release(&b);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || strncmp(e->d_name, FS_TMP_PREFIX, 13) == 0;
	closedir(d);
	return n;
}

static void test_atomic_write(void **state)
{
	(void)state;
	char dir[] = "/tmp/lpcoach-unit.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = path_join(dir, "f.yaml");
	struct diag_list dl = DIAG_LIST_INIT;
	mode_t old = umask(0);
	assert_int_equal(fs_write_atomic(path, "one\n", 4, 0600, &dl), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* An existing file keeps its mode. */
	chmod(path, 0640);
	assert_int_equal(fs_write_atomic(path, "two\n", 4, 0600, &dl), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	umask(old);
	char *data;
	size_t len;
	assert_int_equal(fs_read_file(path, 100, &data, &len, &dl), 0);
	assert_string_equal(data, "two\n");
	free(data);
	assert_int_equal(count_entries(dir), 1); /* no temporary file left */
	assert_int_equal(dl.n, 0);

	/* The size limit. */
	assert_int_equal(fs_read_file(path, 3, &data, &len, &dl), -1);
	assert_non_null(strstr(dl.v[0].msg, "too large"));
	diag_list_release(&dl);

	/* A failed write leaves the old file: the target is a folder here. */
	char *sub = path_join(dir, "sub");
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(fs_write_atomic(sub, "x", 1, 0600, &dl), -1);
	assert_int_equal(count_entries(dir), 2);
	diag_list_release(&dl);
	/* In a folder that cannot be written, the error says so. */
	if (geteuid() != 0) {
		chmod(dir, 0500);
		assert_int_equal(fs_write_atomic(path, "three\n", 6, 0600, &dl), -1);
		assert_non_null(strstr(dl.v[0].msg, "the file on disk is unchanged"));
		chmod(dir, 0700);
		diag_list_release(&dl);
	}

	/* Stale temporary files are removed once old enough. */
	char *stale = path_join(dir, FS_TMP_PREFIX "f.yaml.abc123");
	FILE *f = fopen(stale, "w");
	fclose(f);
	assert_int_equal(fs_clean_stale(dir, 60), 0);
	assert_int_equal(fs_clean_stale(dir, 0), 1);
	assert_false(fs_exists(stale));

	/* mkdir -p with an exact mode. */
	char *deep = path_join(dir, "a/b/c");
	old = umask(077);
	assert_int_equal(fs_mkdir_p(deep, 0700, &dl), 0);
	umask(old);
	assert_true(fs_is_dir(deep));
	assert_int_equal(stat(deep, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);

	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(deep);
	free(stale);
	free(sub);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_diag),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_atomic_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
