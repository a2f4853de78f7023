/* yemit.h - writing YAML into a buffer through libyaml's emitter.
 *
 * Calls are made in document order; the first failure is remembered and
 * reported by yemit_finish(), so callers need not check each call.
 * Text is written as UTF-8, unescaped, with no line folding.
 */
#ifndef LPCOACH_YEMIT_H
#define LPCOACH_YEMIT_H

#include <stdbool.h>
#include <yaml.h>

#include "ydoc.h"

struct buf;
struct diag_list;

struct yemit {
	yaml_emitter_t e;
	struct buf *out;
	bool failed;
	const char *problem;
};

/* Scalars written directly (libyaml's emitter escapes every character
 * beyond U+FFFF, such as emoji, and would turn a section into one escaped
 * line). Both read back as exactly the same text. */
/* s on one line: plain when that reads back unchanged, else double-quoted.
 * in_flow: the scalar is an item of a [flow, list]. */
void yemit_inline(struct buf *out, const char *s, bool in_flow);
/* "key: |" and text as a literal block indented by two spaces, with the
 * chomping and indentation indicators it needs; when no literal block can
 * hold the text exactly, "key: " and a double-quoted scalar. */
void yemit_block_field(struct buf *out, const char *key, const char *text);

void yemit_start(struct yemit *y, struct buf *out);
/* A scalar written from lpcoach's own data: plain where that reads back as
 * the same text, quoted where YAML would read it as a number, boolean or
 * null, literal block (|) when style is YSTYLE_LITERAL and the text allows. */
void yemit_text(struct yemit *y, const char *s, enum ystyle style);
/* A date (YYYY-MM-DD) as a plain scalar. */
void yemit_date(struct yemit *y, const char *s);
void yemit_seq_start(struct yemit *y, bool flow);
void yemit_seq_end(struct yemit *y);
void yemit_map_start(struct yemit *y);
void yemit_map_end(struct yemit *y);
/* Emit a node read by ydoc, keeping its styles and tags. */
void yemit_node(struct yemit *y, const struct ynode *n);
/* End the document; 0 on success, -1 with a diagnostic naming file. */
int yemit_finish(struct yemit *y, const char *file, struct diag_list *dl);

#endif
