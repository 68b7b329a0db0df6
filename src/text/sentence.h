/*
 * sentence.h - sentence boundaries over the token array.
 *
 * A sentence ends after a terminal token, together with the closing quotes
 * and brackets glued to it ("... occupied." or "... done.)"), when what
 * follows can start a sentence:
 *
 *   terminal token           ends the sentence when the next token ...
 *   .  !  ?  ?!              is not a lower-case word and not , ; : )
 *   ... (ellipsis)           is capitalised and a usual sentence opener,
 *   U.S. / Inc. / J. (weak)    or starts a new line
 *   a.m. / p.m. (STRONG)     is capitalised
 *   Mr. Gen. (title)         never
 *
 * A blank line always ends a sentence (headlines, bylines, paragraphs
 * without final punctuation).  A single line break does not: newswire text
 * is hard-wrapped.  A sentence longer than the limits (max_sentence_tokens,
 * max_sentence_bytes) is cut and flagged ANNAL_SF_FORCED_SPLIT.  The work
 * is one pass over the tokens, so nesting and length never cost more than
 * linear time.
 */
#ifndef ANNAL_TEXT_SENTENCE_H
#define ANNAL_TEXT_SENTENCE_H

#include "annal.h"
#include "../lex/lexicon.h"
#include "../lex/tview.h"

typedef struct annal_sentvec {
    annal_sentence *v;
    size_t n, cap;
    const annal_alloc *alloc;
} annal_sentvec;

/* Splits toks[0..n) (over the normalised text `norm`) into sentences;
 * cache[i] holds token i's lexical flags and cand[0..ncand) the boundary
 * candidates (both from the tokenizer, text/tokenize.h): only they can end
 * a sentence or a paragraph, so only they are visited.  *forced counts
 * limit-forced splits. */
annal_status annal_split_sentences(const char *norm, const annal_token *toks,
                                   const annal_tcache *cache, size_t n,
                                   const uint32_t *cand, size_t ncand,
                                   const annal_limits *lim,
                                   annal_sentvec *out, uint32_t *forced);

#endif
