/*
 * tokenize.h - turns the scanner's raw tokens into annal_tokens.
 *
 * On top of scan.re it:
 *   - splits clitics off words: Kalbajar's -> Kalbajar + 's, don't ->
 *     do + n't (Penn Treebank convention), O'Brien stays whole;
 *   - joins a word with its abbreviation period when the lexicon marks the
 *     word ABBR (Gen. Jan. St.) and a single capital with its period (J.);
 *   - trims trailing punctuation off URLs and e-mail addresses;
 *   - sets case, hyphen, digit and whitespace flags;
 *   - maps every span back to the raw document (normalize.h);
 *   - fills each token's lexicon cache entry (flagged entry and flags).
 * A document yields at most `max_tokens` tokens; the rest is dropped and
 * *truncated is set so the caller can warn.
 */
#ifndef ANNAL_TEXT_TOKENIZE_H
#define ANNAL_TEXT_TOKENIZE_H

#include "annal.h"
#include "normalize.h"
#include "../lex/lexicon.h"
#include "../lex/tview.h"

/* Tokens and, in step with them, each token's lexicon cache entry
 * (lex/tview.h): the tokenizer looks every word up in the table of
 * flagged words while it still has the word's bytes at hand. */
typedef struct annal_tokvec {
    annal_token *v;
    annal_tcache *cache;
    size_t n, cap, cache_cap;
    uint32_t *cand;          /* extraction candidates, increasing */
    size_t ncand, cand_cap;
    uint32_t *bcand;         /* boundary candidates, increasing */
    size_t nbcand, bcand_cap;
    const annal_alloc *alloc;
} annal_tokvec;

/* Candidates are the tokens a later pass over the whole document has to
 * look at; each pass visits only its own list:
 *   boundary (bcand)   possible sentence ends: . ! ? and abbreviations,
 *                      acronyms, initials; double quotes (quotation
 *                      state); tokens after a blank line    (sentence.c)
 *   extraction (cand)  possible starts of dates and quantities: numeric
 *                      tokens, digits with letters (3bn), hyphenated
 *                      words (mid-April, twenty-seven), words with date,
 *                      number, phrase or range flags        (extract/)
 * annal_token_candidacy() returns ANNAL_CAND_* bits for a token. */
enum { ANNAL_CAND_BOUNDARY = 1, ANNAL_CAND_EXTRACT = 2 };
unsigned annal_token_candidacy(const char *norm, const annal_token *t,
                               uint32_t lexflags);

annal_status annal_tokenize(const annal_norm *norm, const annal_lexicon *lx,
                            size_t max_tokens, annal_tokvec *out,
                            int *truncated);

#endif
