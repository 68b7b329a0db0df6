/*
 * tview.h - a read-only view of one document's tokens for the extractors,
 * with the two lexicon questions they all ask: "what is this token?" and
 * "does a multi-word phrase start here?".
 *
 * Both look at the normalised text, lower-cased, with an abbreviation's
 * period dropped ("Jan." -> "jan").  Words longer than TVIEW_MAX_WORD bytes
 * are never looked up, so hostile input cannot make lookups expensive.
 *
 * The per-token cache (annal_tcache, filled once per document by
 * annal_tview_fill) makes both questions O(1) in the common case:
 *
 *   token     idx   flags            phr_idx   phr_n
 *   "more"    812   PHRASE|QUAL...   "more than"  2     <- longest key here
 *   "than"    0     0                0            0
 *   "70,000"  0     0                0            0
 *
 * Only words whose entries carry lexical flags are cached (plain WordNet
 * words read as having no entry here; the LEX stage reads the lexicon
 * directly).
 */
#ifndef ANNAL_LEX_TVIEW_H
#define ANNAL_LEX_TVIEW_H

#include "annal.h"
#include "lexicon.h"

#define TVIEW_MAX_WORD 48

typedef struct annal_tcache {
    uint32_t idx;       /* flagged entry number + 1, or 0 */
    uint32_t flags;     /* that entry's flags */
    uint32_t phr_idx;   /* entry number + 1 of the longest phrase key
                           starting here, or 0 */
    uint32_t phr_n;     /* its length in tokens */
} annal_tcache;

typedef struct annal_tview {
    const char *norm;
    const annal_token *toks;
    size_t n;
    const annal_lexicon *lx;
    const annal_tcache *cache;   /* per token, or NULL: look up on demand */
} annal_tview;

/* Completes cache[0..n), whose idx and flags the tokenizer filled: for
 * words that start phrases, the longest phrase key.  Only the tokens in
 * cand[0..ncand) are looked at (phrase starts are candidates,
 * text/tokenize.h); the tokenizer left phr_idx 0 everywhere. */
void annal_tview_fill_phrases(const annal_tview *v, annal_tcache *cache,
                              const uint32_t *cand, size_t ncand);

/* Lower-cased text of token i into out (>= TVIEW_MAX_WORD*2+4 bytes);
 * returns its length, or 0 if the token is too long. */
size_t annal_tview_lower(const annal_tview *v, size_t i, char *out,
                         size_t cap);
/* The entry of token i if it carries lexical flags; 0 if it has none. */
int annal_tview_entry(const annal_tview *v, size_t i, annal_lex_entry *e);
/* The lexical flags of token i (0 when it has no flagged entry). */
uint32_t annal_tview_flags_slow(const annal_tview *v, size_t i);
static inline uint32_t annal_tview_flags(const annal_tview *v, size_t i)
{
    if (i >= v->n)
        return 0;
    return v->cache ? v->cache[i].flags : annal_tview_flags_slow(v, i);
}
/* The longest phrase key (2+ words) starting at token i and ending before
 * token `end` whose entry has any of `flags`; returns its token count and
 * fills *e, or returns 0.  Single-word keys are not considered: use
 * annal_tview_entry for those. */
size_t annal_tview_phrase(const annal_tview *v, size_t i, size_t end,
                          uint32_t flags, annal_lex_entry *e);
/* 1 if token i's lower-cased text equals w[0..wlen) (w is lower case;
 * an abbreviation is compared without its period). */
static inline int annal_tview_is_n(const annal_tview *v, size_t i,
                                   const char *w, size_t wlen)
{
    const annal_token *t;
    const char *s;

    if (i >= v->n)
        return 0;
    t = &v->toks[i];
    if (t->nend - t->nstart - (t->type == ANNAL_TOK_ABBREV) != wlen)
        return 0;
    s = v->norm + t->nstart;
    for (size_t k = 0; k < wlen; k++) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[k])
            return 0;
    }
    return 1;
}

/* The same for a NUL-terminated w. */
int annal_tview_is(const annal_tview *v, size_t i, const char *w);

#endif
