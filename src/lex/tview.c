/* tview.c - see tview.h. */
#include "tview.h"

#include <string.h>

#include "lexicon_impl.h"

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

int annal_tview_entry(const annal_tview *v, size_t i, annal_lex_entry *e)
{
    char low[TVIEW_MAX_WORD * 2 + 4];
    size_t n;

    if (i >= v->n || !ANNAL_TOK_IS_WORDLIKE(v->toks[i].type))
        return 0;
    n = annal_tview_lower(v, i, low, sizeof low);
    return n && annal_lexicon_find(v->lx, low, n, e);
}

size_t annal_tview_phrase(const annal_tview *v, size_t i, size_t end,
                          uint32_t flags, annal_lex_entry *e)
{
    char key[(TVIEW_MAX_WORD * 2 + 4) * ANNAL_LEX_MAX_PHRASE];
    size_t len = 0, best = 0, maxw = annal_lexicon_max_phrase(v->lx);
    annal_lex_entry first, cand;

    if (!annal_tview_entry(v, i, &first) || !(first.flags & ANNAL_LF_PHRASE))
        return 0;
    for (size_t k = 0; k < maxw && i + k < end; k++) {
        size_t n;
        if (!ANNAL_TOK_IS_WORDLIKE(v->toks[i + k].type))
            break;
        if (k)
            key[len++] = ' ';
        n = annal_tview_lower(v, i + k, key + len, sizeof key - len);
        if (!n)
            break;
        len += n;
        if (k && annal_lexicon_find(v->lx, key, len, &cand) &&
            (cand.flags & flags)) {
            best = k + 1;
            *e = cand;
        }
    }
    return best;
}

int annal_tview_is(const annal_tview *v, size_t i, const char *w)
{
    char low[TVIEW_MAX_WORD * 2 + 4];
    size_t n;

    if (i >= v->n)
        return 0;
    n = annal_tview_lower(v, i, low, sizeof low);
    return n && n == strlen(w) && memcmp(low, w, n) == 0;
}
