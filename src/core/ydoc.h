/* ydoc.h - a small, defensive YAML document tree built on libyaml events.
 *
 * Every YAML file lpcoach reads (stories, principles, prompts, rules) goes
 * through ydoc_parse(), which refuses what our files never need and what
 * would make a hostile file expensive: more than one document, anchors and
 * aliases, nesting deeper than YDOC_MAX_DEPTH, NUL characters in text,
 * non-scalar mapping keys and duplicate keys. Every node records its 1-based
 * line and column. Errors are appended to a diag_list with the file name.
 *
 * The typed accessors (ynode_get_*) report a wrong type or a missing
 * required key as a diagnostic at the offending node and return -1.
 */
#ifndef LPCOACH_YDOC_H
#define LPCOACH_YDOC_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;

#define YDOC_MAX_DEPTH 64
#define YDOC_MAX_FILE (1024 * 1024)

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

enum ystyle { YSTYLE_PLAIN, YSTYLE_SINGLE, YSTYLE_DOUBLE, YSTYLE_LITERAL, YSTYLE_FOLDED };

struct ynode {
	enum ynode_kind kind;
	unsigned line, col;   /* 1-based start of the node in the file */
	unsigned end_line;    /* scalars: the line where the value ends */
	enum ystyle style;    /* scalars: how it was written */
	bool flow;            /* sequences and mappings: [..] or {..} */
	char *tag;            /* explicit tag as written, or NULL */
	char *str;            /* scalars: the value, NUL-terminated */
	size_t len;
	struct ynode **kids;  /* sequence items; mapping: key, value, key, value... */
	size_t n;             /* number of kids */
};

/* Parse text (len bytes) of the file named file. On success *root is the
 * document's root node (NULL for an empty document) and 0 is returned; the
 * caller frees it with ynode_free(). On error, -1 and a diagnostic. */
int ydoc_parse(const char *file, const char *text, size_t len,
	       struct ynode **root, struct diag_list *dl);

/* Read and parse a file of at most limit bytes (0 means YDOC_MAX_FILE).
 * If text is not NULL it receives the file's contents (caller frees). */
int ydoc_load_file(const char *path, size_t limit, struct ynode **root,
		   char **text, size_t *len, struct diag_list *dl);

void ynode_free(struct ynode *n);
struct ynode *ynode_new_scalar(const char *s, enum ystyle style);
struct ynode *ynode_new(enum ynode_kind kind);
/* Append kid (owned by n from now on). */
void ynode_append(struct ynode *n, struct ynode *kid);
struct ynode *ynode_clone(const struct ynode *n);

const char *ynode_kind_name(enum ynode_kind kind);
/* Number of key/value pairs of a mapping. */
size_t ynode_map_size(const struct ynode *map);
const struct ynode *ynode_map_key(const struct ynode *map, size_t i);
const struct ynode *ynode_map_value(const struct ynode *map, size_t i);
/* The value under key, or NULL (also when map is not a mapping). */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
/* A plain scalar that YAML 1.1 reads as null ("", "~", "null"). */
bool ynode_is_null(const struct ynode *n);

/* Typed accessors. Each returns 0 when the key is absent (and not required)
 * or well typed, -1 after adding a diagnostic otherwise. Strings and lists
 * they return are the caller's to free. */
int ynode_get_str(const struct ynode *map, const char *key, bool required,
		  const char *file, struct diag_list *dl, char **out);
int ynode_get_bool(const struct ynode *map, const char *key, bool required,
		   const char *file, struct diag_list *dl, bool *out);
int ynode_get_int(const struct ynode *map, const char *key, bool required,
		  long min, long max, const char *file, struct diag_list *dl, long *out);
/* The text of scalar v; what names it in errors. */
int ynode_as_str(const struct ynode *v, const char *what, const char *file,
		 struct diag_list *dl, char **out);
/* A sequence of scalars at v. */
int ynode_as_strlist(const struct ynode *v, const char *what, const char *file,
		     struct diag_list *dl, char ***out, size_t *n);
/* The whole number in scalar v, between min and max; what names it in errors. */
int ynode_as_int(const struct ynode *v, const char *what, long min, long max,
		 const char *file, struct diag_list *dl, long *out);
/* A sequence of scalars; a missing key gives an empty list. */
int ynode_get_strlist(const struct ynode *map, const char *key, bool required,
		      const char *file, struct diag_list *dl, char ***out, size_t *n);
/* Report a wrong type at node n, e.g. "'title' must be text, not a list". */
void ynode_type_error(const struct ynode *n, const char *key, const char *want,
		      const char *file, struct diag_list *dl);
/* Warn about every key of map that is not in the NULL-terminated list. */
void ynode_warn_unknown_keys(const struct ynode *map, const char *const *known,
			     const char *file, struct diag_list *dl);

#endif
