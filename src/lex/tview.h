/*
 * tview.h - a read-only view of one document's tokens for the extractors,
 * with the two lexicon questions they all ask: "what is this token?" and
 * "does a multi-word phrase start here?".
 *
 * Both look at the normalised text, lower-cased, with an abbreviation's
 * period dropped ("Jan." -> "jan").  Words longer than TVIEW_MAX_WORD bytes
 * are never looked up, so hostile input cannot make lookups expensive.
 */
#ifndef ANNAL_LEX_TVIEW_H
#define ANNAL_LEX_TVIEW_H

#include "annal.h"
#include "lexicon.h"

#define TVIEW_MAX_WORD 48

typedef struct annal_tview {
    const char *norm;
    const annal_token *toks;
    size_t n;
    const annal_lexicon *lx;
} annal_tview;

/* Lower-cased text of token i into out (>= TVIEW_MAX_WORD*2+4 bytes);
 * returns its length, or 0 if the token is too long. */
size_t annal_tview_lower(const annal_tview *v, size_t i, char *out,
                         size_t cap);
/* The entry of token i; 0 if it has none. */
int annal_tview_entry(const annal_tview *v, size_t i, annal_lex_entry *e);
/* The longest phrase key (2+ words) starting at token i and ending before
 * token `end` whose entry has any of `flags`; returns its token count and
 * fills *e, or returns 0.  Single-word keys are not considered: use
 * annal_tview_entry for those. */
size_t annal_tview_phrase(const annal_tview *v, size_t i, size_t end,
                          uint32_t flags, annal_lex_entry *e);
/* 1 if token i's lower-cased text equals w. */
int annal_tview_is(const annal_tview *v, size_t i, const char *w);

#endif
