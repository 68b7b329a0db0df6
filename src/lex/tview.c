/* tview.c - see tview.h. */
#include "tview.h"

#include <string.h>

#include "lexicon_impl.h"
#include "../core/le.h"

size_t annal_tview_lower(const annal_tview *v, size_t i, char *out,
                         size_t cap)
{
    const annal_token *t = &v->toks[i];
    size_t n = t->nend - t->nstart;

    if (t->type == ANNAL_TOK_ABBREV)
        n--;
    if (n == 0 || n > TVIEW_MAX_WORD || cap < n * 2 + 4)
        return 0;
    return annal_lowercase(v->norm + t->nstart, n, out, cap);
}

/* Flagged entry number + 1 of token i by lookup. */
static uint32_t S_lookup(const annal_tview *v, size_t i)
{
    const annal_token *t = &v->toks[i];
    size_t n;

    if (!ANNAL_TOK_IS_WORDLIKE(t->type))
        return 0;
    uint32_t flags;

    n = t->nend - t->nstart - (t->type == ANNAL_TOK_ABBREV);
    return annal_lexicon_flagged(v->lx, v->norm + t->nstart, n, &flags);
}

static uint32_t S_entry_flags(const annal_lexicon *lx, uint32_t idx)
{
    return annal_lexicon_entry_flags(lx, idx);
}

/* The longest phrase key starting at i and ending before `end` whose
 * flags include `flags` (any key when flags is 0): entry number + 1, and
 * its length in *ntok.  Every proper prefix of a phrase is in the table
 * with PHRASE set (dict/build.c), so the walk stops at the first miss. */
static uint32_t S_phrase_walk(const annal_tview *v, size_t i, size_t end,
                              uint32_t flags, size_t *ntok)
{
    char key[(TVIEW_MAX_WORD * 2 + 4) * ANNAL_LEX_MAX_PHRASE];
    size_t len = 0, maxw = annal_lexicon_max_phrase(v->lx);
    uint32_t best = 0, idx, kf;

    *ntok = 0;
    for (size_t k = 0; k < maxw && i + k < end; k++) {
        size_t n;
        if (!ANNAL_TOK_IS_WORDLIKE(v->toks[i + k].type))
            break;
        if (k && !(annal_tview_flags(v, i + k) & ANNAL_LF_INPHRASE))
            break;   /* no phrase key has this word after its first */
        if (k)
            key[len++] = ' ';
        n = annal_tview_lower(v, i + k, key + len, sizeof key - len);
        if (!n)
            break;
        len += n;
        if (!k)
            continue;
        /* Keys and prefixes that matter all carry flags (a prefix at
         * least PHRASE), so the flagged tables answer: a key without
         * flags could neither be the best nor lead further. */
        if (!(idx = annal_lexicon_flagged(v->lx, key, len, &kf)))
            break;
        if (flags ? (kf & flags) : (kf & ~ANNAL_LF_PHRASE)) {
            best = idx;
            *ntok = k + 1;
        }
        if (!(kf & ANNAL_LF_PHRASE))
            break;
    }
    return best;
}

void annal_tview_fill_phrases(const annal_tview *v, annal_tcache *cache,
                              const uint32_t *cand, size_t ncand)
{
    annal_tview with = *v;

    with.cache = cache;   /* phrase walks read the flags of later words */
    for (size_t k = 0; k < ncand; k++) {
        size_t i = cand[k], n = 0;
        if (i + 1 >= v->n || !(cache[i].flags & ANNAL_LF_PHRASE) ||
            !(cache[i + 1].flags & ANNAL_LF_INPHRASE))
            continue;
        cache[i].phr_idx = S_phrase_walk(&with, i, v->n, 0, &n);
        cache[i].phr_n = (uint32_t)n;
    }
}

uint32_t annal_tview_flags_slow(const annal_tview *v, size_t i)
{
    return S_entry_flags(v->lx, S_lookup(v, i));
}

int annal_tview_entry(const annal_tview *v, size_t i, annal_lex_entry *e)
{
    uint32_t idx;

    if (i >= v->n || !(idx = v->cache ? v->cache[i].idx : S_lookup(v, i)))
        return 0;
    annal_lexicon_entry_at(v->lx, idx - 1, e);
    return 1;
}

size_t annal_tview_phrase(const annal_tview *v, size_t i, size_t end,
                          uint32_t flags, annal_lex_entry *e)
{
    uint32_t idx;
    size_t k;

    if (i >= v->n || !(annal_tview_flags(v, i) & ANNAL_LF_PHRASE))
        return 0;
    if (v->cache) {
        const annal_tcache *c = &v->cache[i];
        if (!c->phr_idx)
            return 0;   /* no phrase key at all starts here */
        if (i + c->phr_n <= end && (S_entry_flags(v->lx, c->phr_idx) & flags)) {
            annal_lexicon_entry_at(v->lx, c->phr_idx - 1, e);
            return c->phr_n;
        }
    }
    /* A shorter key with these flags, or a phrase cut by `end`. */
    idx = S_phrase_walk(v, i, end, flags, &k);
    if (!idx)
        return 0;
    annal_lexicon_entry_at(v->lx, idx - 1, e);
    return k;
}

int annal_tview_is(const annal_tview *v, size_t i, const char *w)
{
    return annal_tview_is_n(v, i, w, strlen(w));
}
