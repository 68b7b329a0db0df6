/*
 * normalize.h - from the document's raw bytes to analysable text.
 *
 * The normalised text is valid UTF-8 in which typographic variants become
 * their plain ASCII form so later stages see one spelling:
 *
 *   curly and angle quotes   ‘ ’ ‚ ‛ ′ ʼ  -> '      “ ” „ ‟ ″ « » ‹ › -> "
 *   hyphens, en dash, minus  ‐ ‑ ‒ – −    -> -      em dash, bar — ―  -> --
 *   ellipsis …               -> ...       no-break and other spaces     -> ' '
 *   soft hyphen, zero-width characters, BOM, bidi controls  -> removed
 *   NUL and other control characters                         -> ' '
 *   CR LF -> ' ' '\n'; lone CR -> '\n'; U+2028 -> '\n'; U+2029 -> "\n\n"
 *   Arabic-Indic, Persian and Devanagari digits -> 0-9; fullwidth ASCII -> ASCII
 *   letters followed by combining marks          -> NFC (utf8proc)
 *   ill-formed UTF-8                             -> U+FFFD (counted)
 *
 * Offsets are never lost.  Every place where the normalised text differs
 * in length or content from the raw text is recorded as a segment
 *
 *   raw   ..Kalbajar’s occupation..      the ’ is 3 bytes E2 80 99
 *   norm  ..Kalbajar's occupation..      the ' is 1 byte
 *   seg   {nstart = 8, nlen = 1, rstart = 8, rlen = 3}   (relative example)
 *
 * and annal_norm_map_start/end() translate a normalised offset back: a
 * token's start maps to the start of the raw bytes it came from, its end to
 * their end, and text between segments maps one to one.  Deleted
 * characters are segments with nlen = 0; they attach to nothing.
 */
#ifndef ANNAL_TEXT_NORMALIZE_H
#define ANNAL_TEXT_NORMALIZE_H

#include "annal.h"
#include "../core/buf.h"

/* Zero bytes guaranteed after the normalised text's terminating NUL, so
 * that readers may load eight bytes at any offset up to its end. */
#define ANNAL_NORM_PAD 8

typedef struct annal_norm_seg {
    uint32_t nstart, nlen;  /* in the normalised text */
    uint32_t rstart, rlen;  /* in the raw text */
} annal_norm_seg;

typedef struct annal_norm {
    annal_buf text;          /* the normalised text, NUL-terminated and
                                then padded (ANNAL_NORM_PAD) */
    annal_norm_seg *segs;    /* sorted by nstart */
    size_t nsegs, segs_cap;
    uint32_t base;           /* raw offset of normalised offset 0 */
    uint32_t bad_utf8;       /* ill-formed sequences replaced */
    uint32_t first_bad;      /* raw offset of the first of them */
    uint32_t controls;       /* NUL and control characters replaced */
} annal_norm;

void annal_norm_init(annal_norm *n, const annal_alloc *a);
void annal_norm_free(annal_norm *n);

/* Normalises raw[start..end) into n (previous contents are dropped).
 * Returns ANNAL_OK or ANNAL_ENOMEM. */
annal_status annal_normalize(annal_norm *n, const char *raw, size_t start,
                             size_t end);

/* Maps a normalised offset to the raw text.  *cursor (start it at 0) makes
 * a run of increasing queries O(1) each; any order is still correct. */
uint32_t annal_norm_map_start(const annal_norm *n, uint32_t off,
                              size_t *cursor);
uint32_t annal_norm_map_end(const annal_norm *n, uint32_t off,
                            size_t *cursor);

#endif
