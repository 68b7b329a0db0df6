/*
 * header.h - the optional header and byline of a plain-text article.
 *
 *    date 2020-04-02 By Azernews        <- header: publication date, publisher
 *                                        (blank lines are skipped)
 *   By Akbar Mammadov                   <- byline: author
 *
 *   First paragraph of the body ...
 *
 * Both are optional and may be indented.  The header is recognised only on
 * the first non-blank line ("date" and "By" in any case); the byline only
 * on the first non-blank line after the header (or the first line when
 * there is no header), and only when it looks like a name: at most
 * HEADER_MAX_BYLINE_WORDS words, no sentence punctuation, capitalised.
 * "By Tuesday the troops had left." is body text, not a byline.
 */
#ifndef ANNAL_READ_HEADER_H
#define ANNAL_READ_HEADER_H

#include <stddef.h>
#include <stdint.h>

#include "annal.h"

typedef struct annal_header {
    size_t body_start;          /* first byte of the body */
    int has_date;
    annal_ymd published;
    size_t source_start, source_end;   /* publisher, empty if none */
    size_t author_start, author_end;   /* byline name, empty if none */
    int bad_date;               /* a header line with an impossible date */
} annal_header;

void annal_parse_header(const char *text, size_t len, annal_header *h);

#endif
