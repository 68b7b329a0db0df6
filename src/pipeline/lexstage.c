/*
 * lexstage.c - the LEX stage: lemma and part-of-speech candidates for
 * every token, from the lexicon (lex/lexicon.h).
 *
 * Candidates, not decisions: "forces" is NOUN|VERB here; choosing belongs
 * to the clause analysis that comes later.  Two additions the lexicon
 * cannot make alone: an unknown capitalised word is PROPN, and a known
 * noun written with a capital inside a sentence ("the Security Council")
 * also gets PROPN.  Lemmas point into the snapshot when they are its
 * strings and are copied into the doc's arena otherwise.
 */
#include <string.h>

#include "doc_impl.h"
#include "../lex/tview.h"

#define LEX_SCRATCH (TVIEW_MAX_WORD * 8 + 64)

static unsigned S_nonword_pos(uint16_t type)
{
    if (ANNAL_TOK_IS_NUMERIC(type))
        return ANNAL_POS_NUM;
    if (type == ANNAL_TOK_SYMBOL || type == ANNAL_TOK_URL ||
        type == ANNAL_TOK_EMAIL || type == ANNAL_TOK_HASHTAG ||
        type == ANNAL_TOK_HANDLE || type == ANNAL_TOK_OTHER)
        return ANNAL_POS_SYM;
    return ANNAL_POS_PUNCT;
}

static int S_in_snapshot(const annal_lexicon *lx, const char *p)
{
    const char *s = (const char *)lx->strs;
    return p >= s && p < s + lx->strs_len;
}

/* Lemma and POS of one word-like token. */
static annal_status S_word(annal_doc *doc, const annal_tview *v, size_t i,
                           int sentence_first)
{
    annal_token *t = &doc->toks.v[i];
    char low[TVIEW_MAX_WORD * 2 + 4], scratch[LEX_SCRATCH];
    annal_lex_info info;
    size_t n = annal_tview_lower(v, i, low, sizeof low);
    const char *lemma;

    if (!n) {   /* too long to look up: keep the text */
        t->pos = (t->flags & ANNAL_TF_CAP) ? ANNAL_POS_PROPN : ANNAL_POS_NOUN;
        t->lemma = doc->norm.text.p + t->nstart;
        t->lemma_len = (uint16_t)((t->nend - t->nstart) > 0xFFFF ? 0xFFFF : t->nend - t->nstart);
        return ANNAL_OK;
    }
    annal_lexicon_analyse(&doc->eng->lex, low, n, scratch, sizeof scratch, &info);
    t->pos = (uint16_t)info.pos;
    if (t->flags & ANNAL_TF_CAP) {
        if (!info.pos)
            t->pos = ANNAL_POS_PROPN;
        else if (!sentence_first && (info.pos & ANNAL_POS_NOUN))
            t->pos |= ANNAL_POS_PROPN;
    }
    lemma = info.lemma;
    if (!S_in_snapshot(&doc->eng->lex, lemma) &&
        !(lemma = annal_arena_strndup(&doc->arena, lemma, info.lemma_len)))
        return ANNAL_ENOMEM;
    t->lemma = lemma;
    t->lemma_len = (uint16_t)info.lemma_len;
    return ANNAL_OK;
}

annal_status annal_doc_lex(annal_doc *doc)
{
    annal_tview v = {doc->norm.text.p, doc->toks.v, doc->toks.n, &doc->eng->lex, NULL};

    for (size_t s = 0; s < doc->sents.n; s++) {
        const annal_sentence *se = &doc->sents.v[s];
        for (size_t i = se->first_token; i < se->first_token + se->ntokens; i++) {
            annal_token *t = &doc->toks.v[i];
            if (ANNAL_TOK_IS_WORDLIKE(t->type)) {
                if (S_word(doc, &v, i, i == se->first_token) != ANNAL_OK)
                    return ANNAL_ENOMEM;
                continue;
            }
            t->pos = (uint16_t)S_nonword_pos(t->type);
            t->lemma = doc->norm.text.p + t->nstart;
            t->lemma_len = (uint16_t)((t->nend - t->nstart) > 0xFFFF ? 0xFFFF : t->nend - t->nstart);
        }
    }
    return ANNAL_OK;
}
