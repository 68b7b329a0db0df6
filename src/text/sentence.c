/* sentence.c - see sentence.h for the rules. */
#include "sentence.h"

#include <string.h>

#include "../core/alloc.h"


/* Boundary strengths: STRONG ends a sentence unless a lower-case word
 * follows; CAP (a.m., p.m.) before any capitalised word; WEAK (U.S.,
 * Inc., J.) only before a usual sentence opener or a line break. */
enum { BOUND_NONE, BOUND_STRONG, BOUND_WEAK, BOUND_CAP };

/* What kind of boundary token t can be. */
static int S_terminal(const char *norm, const annal_token *t, uint32_t lexflags)
{
    const char *s = norm + t->nstart;
    size_t n = t->nend - t->nstart;

    switch (t->type) {
    case ANNAL_TOK_PUNCT:
        if (n >= 3 && s[0] == '.')
            return BOUND_WEAK;      /* ellipsis */
        if (s[0] == '.' || s[0] == '!' || s[0] == '?')
            return BOUND_STRONG;
        return BOUND_NONE;
    case ANNAL_TOK_ACRONYM:
        if (s[n - 1] != '.')
            return BOUND_NONE;
        return (lexflags & ANNAL_LF_STRONG) ? BOUND_CAP : BOUND_WEAK;
    case ANNAL_TOK_INITIAL:
        return BOUND_WEAK;
    case ANNAL_TOK_ABBREV:
        if (lexflags & ANNAL_LF_TITLE)
            return BOUND_NONE;
        return (lexflags & ANNAL_LF_FINAL) ? BOUND_WEAK : BOUND_NONE;
    default:
        return BOUND_NONE;
    }
}

static int S_is_lower_word(const char *norm, const annal_token *t)
{
    unsigned char c = (unsigned char)norm[t->nstart];
    return ANNAL_TOK_IS_WORDLIKE(t->type) && !(t->flags & ANNAL_TF_CAP) &&
           c >= 'a' && c <= 'z';
}

/* Whether the token after a boundary candidate can open a sentence. */
static int S_opens(const char *norm, const annal_token *nx, int kind,
                   uint32_t lexflags)
{
    char c = norm[nx->nstart];

    if (nx->flags & ANNAL_TF_PARA_BEFORE)
        return 1;
    if (kind == BOUND_STRONG) {
        if (S_is_lower_word(norm, nx))
            return 0;
        return !(nx->type == ANNAL_TOK_PUNCT && strchr(",;:", c)) &&
               nx->type != ANNAL_TOK_CLOSE;
    }
    /* Weak: "U.S. The", or a line break after it; CAP: any capital. */
    if (nx->flags & ANNAL_TF_NEWLINE_BEFORE)
        return !S_is_lower_word(norm, nx);
    if (kind == BOUND_CAP)
        return (nx->flags & ANNAL_TF_CAP) != 0;
    return (nx->flags & ANNAL_TF_CAP) && (lexflags & ANNAL_LF_SENTSTART);
}

static int S_push(annal_sentvec *out, const annal_token *toks, size_t first,
                  size_t last, uint32_t para, uint32_t flags)
{
    void *p = out->v;
    annal_sentence *s;

    if (annal_grow(out->alloc, &p, &out->cap, sizeof *s, out->n + 1))
        return -1;
    out->v = p;
    s = &out->v[out->n++];
    s->start = toks[first].start;
    s->end = toks[last].end;
    s->first_token = (uint32_t)first;
    s->ntokens = (uint32_t)(last - first + 1);
    s->paragraph = para;
    s->flags = flags;
    return 0;
}

/* Index of the last token that belongs with terminal token i: closing
 * quotes and brackets written right after it. */
static size_t S_absorb(const char *norm, const annal_token *toks, size_t n,
                       size_t i)
{
    while (i + 1 < n && !(toks[i + 1].flags & ANNAL_TF_SPACE_BEFORE) &&
           (toks[i + 1].type == ANNAL_TOK_CLOSE ||
            toks[i + 1].type == ANNAL_TOK_QUOTE ||
            (toks[i + 1].type == ANNAL_TOK_PUNCT && strchr(".!?", norm[toks[i + 1].nstart]))))
        i++;
    return i;
}

/* Quotation marks counted for ANNAL_SF_IN_QUOTE: double quotes only
 * (single ones double as apostrophes). */
static int S_is_dquote(const char *norm, const annal_token *t)
{
    return t->type == ANNAL_TOK_QUOTE && norm[t->nstart] == '"';
}

/* Can token type end a sentence at all?  (Cheap filter before
 * S_terminal.) */
static int S_maybe_terminal(uint16_t type)
{
    return type == ANNAL_TOK_PUNCT || type == ANNAL_TOK_ACRONYM ||
           type == ANNAL_TOK_ABBREV || type == ANNAL_TOK_INITIAL;
}

annal_status annal_split_sentences(const char *norm, const annal_token *toks,
                                   const annal_tcache *cache, size_t n,
                                   const annal_limits *lim,
                                   annal_sentvec *out, uint32_t *forced)
{
    size_t first = 0;
    uint32_t para = 0, quotes = 0, flags = 0;

    out->n = 0;
    *forced = 0;
    for (size_t i = 0; i < n; i++) {
        const annal_token *t = &toks[i];
        int kind = BOUND_NONE;
        size_t last = i;

        if ((t->flags & ANNAL_TF_PARA_BEFORE) && i > 0) {
            if (i > first && S_push(out, toks, first, i - 1, para, flags))
                return ANNAL_ENOMEM;
            first = i;
            para++;
            quotes = 0;
            flags = 0;
        }
        if (i == first && (quotes & 1))
            flags |= ANNAL_SF_IN_QUOTE;
        quotes += (uint32_t)S_is_dquote(norm, t);
        if (S_maybe_terminal(t->type) &&
            (kind = S_terminal(norm, t, cache[i].flags)) != BOUND_NONE) {
            last = S_absorb(norm, toks, n, i);
            for (size_t k = i + 1; k <= last; k++)
                quotes += (uint32_t)S_is_dquote(norm, &toks[k]);
            if (last + 1 < n && !S_opens(norm, &toks[last + 1], kind, cache[last + 1].flags)) {
                kind = BOUND_NONE;
                last = i;
            }
        }
        if (kind == BOUND_NONE && last + 1 < n &&
            (last + 1 - first >= lim->max_sentence_tokens ||
             toks[last + 1].end - toks[first].start > lim->max_sentence_bytes)) {
            flags |= ANNAL_SF_FORCED_SPLIT;
            (*forced)++;
            kind = BOUND_STRONG;
        }
        if (kind != BOUND_NONE || last + 1 == n) {
            if (S_push(out, toks, first, last, para, flags))
                return ANNAL_ENOMEM;
            i = last;
            first = last + 1;
            flags = 0;
        }
    }
    return ANNAL_OK;
}
