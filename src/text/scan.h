/*
 * scan.h - the generated tokenizer (scan.re -> scan.c, re2c 3, UTF-8).
 *
 * annal_scan_next() reads the normalised text (NUL-terminated; the NUL is
 * the only sentinel, normalisation turns every other NUL into a space) and
 * returns the next raw token: its type, its span in the normalised text,
 * and what whitespace came before it.  It knows nothing of abbreviations,
 * clitics or sentences: tokenize.c refines its output.
 *
 * Token grammar (see scan.re for the exact rules):
 *   word     alnum runs joined by inner hyphens or apostrophes, with at
 *            least one letter: Kalbajar's  Nagorno-Karabakh  Mi-24  don't
 *   number   511  60,000  1.5  .5  (a comma must be followed by 3 digits)
 *   ordinal  27th 1st 2nd 3rd      decade  1990s '90s 1990's
 *   isodate  2016-04-02 2016/4/2   time  10:30 10:30:15
 *   acronym  U.S.  U.N.  e.g.  a.m.
 *   url, email, @handle, #hashtag
 *   punct    . , ; : ... ?! ;  dash - -- ; quote " ' ` ; brackets
 *   other    one code point
 */
#ifndef ANNAL_TEXT_SCAN_H
#define ANNAL_TEXT_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Raw token kinds from the scanner; tokenize.c maps them to
 * annal_token_type. */
enum annal_scan_kind {
    ANNAL_SCAN_END = 0,
    ANNAL_SCAN_WORD,
    ANNAL_SCAN_ACRONYM,
    ANNAL_SCAN_NUMBER,
    ANNAL_SCAN_ORDINAL,
    ANNAL_SCAN_DECADE,
    ANNAL_SCAN_ISODATE,
    ANNAL_SCAN_TIME,
    ANNAL_SCAN_URL,
    ANNAL_SCAN_EMAIL,
    ANNAL_SCAN_HANDLE,
    ANNAL_SCAN_HASHTAG,
    ANNAL_SCAN_CLITIC,
    ANNAL_SCAN_PUNCT,
    ANNAL_SCAN_ELLIPSIS,
    ANNAL_SCAN_DASH,
    ANNAL_SCAN_QUOTE,
    ANNAL_SCAN_OPEN,
    ANNAL_SCAN_CLOSE,
    ANNAL_SCAN_SYMBOL,
    ANNAL_SCAN_OTHER,
    ANNAL_SCAN_WORD_LOWER,   /* [a-z]+ : a plain word, flags known */
    ANNAL_SCAN_WORD_CAP      /* [A-Z][a-z]+ : a capitalised word */
};

/* Whitespace seen before a token. */
enum {
    ANNAL_WS_SPACE = 1u << 0,
    ANNAL_WS_NEWLINE = 1u << 1,
    ANNAL_WS_BLANKLINE = 1u << 2
};

typedef struct annal_scan_tok {
    uint32_t start, end;   /* normalised offsets */
    int kind;              /* enum annal_scan_kind */
    unsigned ws;           /* ANNAL_WS_* before the token */
} annal_scan_tok;

/* Scans from s[*pos]; s must be NUL-terminated at s[len].  Fills *out and
 * advances *pos past the token.  Returns out->kind (ANNAL_SCAN_END at the
 * end of the text). */
int annal_scan_next(const char *s, size_t len, size_t *pos,
                    annal_scan_tok *out);

#endif
