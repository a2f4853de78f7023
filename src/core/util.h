/* util.h - allocation helpers and small string utilities.
 *
 * Out of memory is the one failure the core does not return as a value:
 * the x* allocators call the hook set with util_set_oom_hook() (the program
 * edge uses it to restore the terminal) and then abort(). They never return
 * NULL. Every pointer they return is owned by the caller, who frees it.
 */
#ifndef LPCOACH_UTIL_H
#define LPCOACH_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void util_set_oom_hook(void (*hook)(void));

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *v (of *cap elements of size elem) so that it holds at least need. */
void xgrow(void **v, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* Free *pp and set it to NULL. */
void xfree(void *pp);

/* Free a NULL-terminated or counted array of strings and the array. */
void strv_free(char **v, size_t n);

bool str_eq(const char *a, const char *b);
bool str_has_suffix(const char *s, const char *suffix);
/* Path join: "dir/name" without doubling the slash. Caller frees. */
char *path_join(const char *dir, const char *name);



/* Levenshtein distance of two short strings (capped at 255 bytes each);
 * for "did you mean" hints. */
unsigned str_distance(const char *a, const char *b);

#endif
