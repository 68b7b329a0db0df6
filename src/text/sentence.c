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

/* The splitter's state while it walks the candidates. */
typedef struct split {
    const char *norm;
    const annal_token *toks;
    const annal_tcache *cache;
    size_t n;
    const annal_limits *lim;
    annal_sentvec *out;
    uint32_t *forced;
    size_t first;            /* first token of the open sentence */
    size_t limit_tok;        /* the token index that would pass the token limit */
    uint64_t limit_end;      /* raw end offset that would pass the byte limit */
    uint32_t para, quotes, flags;
} split;

/* Opens a sentence at token `first` and computes its limits. */
static void S_open(split *sp, size_t first)
{
    sp->first = first;
    sp->limit_tok = first + sp->lim->max_sentence_tokens;
    sp->limit_end = (first < sp->n ? (uint64_t)sp->toks[first].start : 0) +
                    sp->lim->max_sentence_bytes;
}

/* Would the open sentence pass a limit if token j+1 joined it? */
static int S_over(const split *sp, size_t j)
{
    return j + 1 < sp->n && (j + 1 >= sp->limit_tok || sp->toks[j + 1].end > sp->limit_end);
}

/* Closes the open sentence after token `last`; the next one starts after
 * it (inside a quotation if an odd number of quotes were seen). */
static int S_close(split *sp, size_t last, uint32_t extra)
{
    if (S_push(sp->out, sp->toks, sp->first, last, sp->para, sp->flags | extra))
        return -1;
    S_open(sp, last + 1);
    sp->flags = (sp->quotes & 1) ? ANNAL_SF_IN_QUOTE : 0;
    return 0;
}

/* Cuts the open sentence inside the run of plain tokens [from, to) wherever
 * a limit is reached.  Limits grow with every token, so when the last token
 * of the run passes none, no token does. */
static int S_force_run(split *sp, size_t from, size_t to)
{
    while (from < to) {
        size_t j, probe = to - 1;
        if (probe + 1 >= sp->n)
            probe = sp->n >= 2 ? sp->n - 2 : 0;
        if (probe < from || !S_over(sp, probe))
            return 0;
        for (j = from; !S_over(sp, j); j++)
            ;
        (*sp->forced)++;
        if (S_close(sp, j, ANNAL_SF_FORCED_SPLIT))
            return -1;
        from = j + 1;
    }
    return 0;
}

/* One candidate token c: a paragraph start, a quotation mark, a possible
 * end of sentence.  Returns the last token it consumed, or SIZE_MAX when
 * out of memory. */
static size_t S_candidate(split *sp, size_t c)
{
    const annal_token *t = &sp->toks[c];
    int kind = BOUND_NONE;
    size_t last = c;

    if ((t->flags & ANNAL_TF_PARA_BEFORE) && c > 0) {
        if (c > sp->first && S_push(sp->out, sp->toks, sp->first, c - 1, sp->para, sp->flags))
            return SIZE_MAX;
        S_open(sp, c);
        sp->para++;
        sp->quotes = 0;
        sp->flags = 0;
    }
    sp->quotes += (uint32_t)S_is_dquote(sp->norm, t);
    if (S_maybe_terminal(t->type) &&
        (kind = S_terminal(sp->norm, t, sp->cache[c].flags)) != BOUND_NONE) {
        last = S_absorb(sp->norm, sp->toks, sp->n, c);
        for (size_t k = c + 1; k <= last; k++)
            sp->quotes += (uint32_t)S_is_dquote(sp->norm, &sp->toks[k]);
        if (last + 1 < sp->n &&
            !S_opens(sp->norm, &sp->toks[last + 1], kind, sp->cache[last + 1].flags)) {
            kind = BOUND_NONE;
            last = c;
        }
    }
    if (kind == BOUND_NONE && S_over(sp, last)) {
        (*sp->forced)++;
        return S_close(sp, last, ANNAL_SF_FORCED_SPLIT) ? SIZE_MAX : last;
    }
    if (kind != BOUND_NONE || last + 1 == sp->n)
        return S_close(sp, last, 0) ? SIZE_MAX : last;
    return last;
}

annal_status annal_split_sentences(const char *norm, const annal_token *toks,
                                   const annal_tcache *cache, size_t n,
                                   const uint32_t *cand, size_t ncand,
                                   const annal_limits *lim,
                                   annal_sentvec *out, uint32_t *forced)
{
    split sp = {norm, toks, cache, n, lim, out, forced, 0, 0, 0, 0, 0, 0};
    size_t i = 0, k = 0;

    out->n = 0;
    *forced = 0;
    S_open(&sp, 0);
    while (i < n) {
        size_t c, last;
        while (k < ncand && cand[k] < i)
            k++;
        c = k < ncand ? cand[k] : n;
        if (S_force_run(&sp, i, c))
            return ANNAL_ENOMEM;
        if (c == n)
            break;
        if ((last = S_candidate(&sp, c)) == SIZE_MAX)
            return ANNAL_ENOMEM;
        i = last + 1;
    }
    if (sp.first < n && S_close(&sp, n - 1, 0))
        return ANNAL_ENOMEM;
    return ANNAL_OK;
}
