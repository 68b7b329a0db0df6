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
#define CLOSED_POS (ANNAL_POS_DET | ANNAL_POS_PRON | ANNAL_POS_PREP | ANNAL_POS_AUX | \
                    ANNAL_POS_CONJ | ANNAL_POS_SCONJ | ANNAL_POS_PART)

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
    /* "ca" and "wo" before "n't" are only can and will (not calcium). */
    if ((info.pos & ANNAL_POS_AUX) && i + 1 < doc->toks.n &&
        doc->toks.v[i + 1].type == ANNAL_TOK_CLITIC &&
        doc->norm.text.p[doc->toks.v[i + 1].nstart] == 'n')
        t->pos = ANNAL_POS_AUX;
    if (t->flags & ANNAL_TF_CAP) {
        if (!info.pos)
            t->pos = ANNAL_POS_PROPN;
        else if (!sentence_first && (info.pos & ANNAL_POS_NOUN) && !(info.pos & CLOSED_POS))
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
        int first_word = 1;   /* no word seen yet: "(Police" starts it */
        for (size_t i = se->first_token; i < se->first_token + se->ntokens; i++) {
            annal_token *t = &doc->toks.v[i];
            if (ANNAL_TOK_IS_WORDLIKE(t->type)) {
                if (S_word(doc, &v, i, first_word) != ANNAL_OK)
                    return ANNAL_ENOMEM;
                first_word = 0;
                continue;
            }
            t->pos = (uint16_t)S_nonword_pos(t->type);
            t->lemma = doc->norm.text.p + t->nstart;
            t->lemma_len = (uint16_t)((t->nend - t->nstart) > 0xFFFF ? 0xFFFF : t->nend - t->nstart);
        }
    }
    return ANNAL_OK;
}
