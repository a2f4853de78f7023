/* story.h - one STAR story: the model, loading from and saving to YAML.
 *
 * A story lives in "<stories dir>/<id>.yaml". Sections are saved as literal
 * block scalars so that a line of the file is a line of the text. Keys that
 * lpcoach does not know are kept and written back unchanged.
 *
 * Ownership: a struct story owns every string and node in it; story_free()
 * releases them. Functions returning char * return memory the caller frees.
 */
#ifndef LPCOACH_STORY_H
#define LPCOACH_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct diag_list;
struct ynode;

/* The texts of a story, in the order they are written and drafted. */
enum story_field {
	STORY_TITLE,
	STORY_SITUATION,
	STORY_TASK,
	STORY_ACTION,
	STORY_RESULT,
	STORY_LEARNED,
	STORY_NFIELDS
};

#define STORY_FIRST_SECTION STORY_SITUATION

struct story_text {
	char *text;         /* NULL when absent */
	unsigned line, col; /* 1-based position in the file of the text's first
			       character (0 when not loaded from a file) */
	unsigned indent;    /* literal blocks: the indentation of the text */
	bool literal;       /* literal block: text line i is file line line + i */
	bool plain;         /* plain scalar on one line: columns are exact */
};

struct story_ref {
	char *id;
	unsigned line, col;
};

/* What the file looked like when loaded, to notice later edits by others. */
struct story_stamp {
	bool valid;
	uint64_t dev, ino, size;
	int64_t mtime_sec, mtime_nsec;
	uint64_t hash;
};

struct story {
	char *id;
	char *path;                 /* NULL until saved or loaded */
	struct story_text f[STORY_NFIELDS];
	struct story_ref *principles;
	size_t n_principles;
	char **tags;
	size_t n_tags;
	char *created, *updated;    /* "YYYY-MM-DD", or NULL */
	struct ynode *extra;        /* unknown top-level keys as a mapping, or NULL */
	unsigned line, col;         /* where the story's mapping starts */
	struct story_stamp stamp;
};

/* The YAML key of a field ("title", "situation", ...) and its display name. */
const char *story_field_key(enum story_field f);
const char *story_field_name(enum story_field f);
/* The field for a key, or -1. */
int story_field_from_key(const char *key);

/* A new empty story with the given id (caller frees with story_free). */
struct story *story_new(const char *id);
void story_free(struct story *s);

/* Load path; the id is the file name without ".yaml". Returns NULL (after
 * adding an error) when the file cannot be read or is not a valid story;
 * problems that do not stop loading are added as warnings. */
struct story *story_load_file(const char *path, struct diag_list *dl);
/* Parse text as a story file named path. */
struct story *story_parse(const char *path, const char *id, const char *text,
			  size_t len, struct diag_list *dl);

/* Serialize to YAML (appended to out). */
int story_to_yaml(const struct story *s, struct buf *out, struct diag_list *dl);
/* Write the story atomically to path (or s->path when path is NULL); new
 * files get mode 0600. On success s->path and s->stamp are updated. */
int story_save(struct story *s, const char *path, struct diag_list *dl);

/* Replace a field's text (copied). Trailing white space at line ends and
 * trailing blank lines are dropped; empty text makes the field absent. */
void story_set_text(struct story *s, enum story_field f, const char *text);
const char *story_text(const struct story *s, enum story_field f);
/* The title, or the id when there is none. */
const char *story_title(const struct story *s);
bool story_has_principle(const struct story *s, const char *id);
void story_add_principle(struct story *s, const char *id);
void story_remove_principle(struct story *s, const char *id);
void story_set_principles(struct story *s, const char *const *ids, size_t n);
void story_set_date(char **field, long long unix_time);

/* Where byte offset off of field f is in the story's file (1-based). For
 * text not in literal or one-line plain style, the start of the value. */
void story_locate(const struct story *s, enum story_field f, size_t off,
		  unsigned *line, unsigned *col);

/* A file name stem made from a title: lowercase ASCII letters, digits and
 * hyphens, at most 48 characters; "story" when nothing is left. */
char *story_slug(const char *title);

/* A fast 64-bit hash of data (FNV-1a over 8-byte words). */
uint64_t story_hash(const void *data, size_t len);
/* Has the file at s->path changed since s was loaded or saved? */
bool story_changed_on_disk(const struct story *s);

#endif
