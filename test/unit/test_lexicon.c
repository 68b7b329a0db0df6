/* test_lexicon.c - lemmas and part-of-speech candidates. */
#include "test.h"

static void S_lemma(const char *word, const char *lemma, unsigned pos_has)
{
    char scratch[512];
    annal_lex_info info;

    annal_lex_lookup(test_engine, word, strlen(word), scratch, sizeof scratch, &info);
    if (info.lemma_len != strlen(lemma) || memcmp(info.lemma, lemma, info.lemma_len) != 0) {
        test_failures++;
        fprintf(stderr, "  lemma(%s) = %.*s, expected %s\n", word, (int)info.lemma_len,
                info.lemma ? info.lemma : "", lemma);
    }
    if ((info.pos & pos_has) != pos_has) {
        test_failures++;
        fprintf(stderr, "  pos(%s) = %#x lacks %#x\n", word, info.pos, pos_has);
    }
}

static void irregular_forms(void)
{
    S_lemma("occupied", "occupy", ANNAL_POS_VERB);
    S_lemma("fled", "flee", ANNAL_POS_VERB);
    S_lemma("Fled", "flee", ANNAL_POS_VERB);
    S_lemma("children", "child", ANNAL_POS_NOUN);
    S_lemma("expelled", "expel", ANNAL_POS_VERB);
}

static void regular_rules(void)
{
    S_lemma("killed", "kill", ANNAL_POS_VERB);
    S_lemma("residents", "resident", ANNAL_POS_NOUN);
    S_lemma("forces", "force", ANNAL_POS_NOUN | ANNAL_POS_VERB);
    S_lemma("liberated", "liberate", ANNAL_POS_VERB);
    S_lemma("demanded", "demand", ANNAL_POS_VERB);
    S_lemma("clashes", "clash", ANNAL_POS_NOUN);
}

static void closed_class(void)
{
    S_lemma("was", "be", ANNAL_POS_AUX);
    S_lemma("has", "have", ANNAL_POS_AUX);
    S_lemma("the", "the", ANNAL_POS_DET);
    S_lemma("between", "between", ANNAL_POS_PREP);
    S_lemma("n't", "not", ANNAL_POS_PART);
}

static void unknown_words(void)
{
    char scratch[512];
    annal_lex_info info;
    CHECK_INT(annal_lex_lookup(test_engine, "Kalbajar", 8, scratch, sizeof scratch, &info), 0);
    CHECK_MEM(info.lemma, info.lemma_len, "kalbajar");
}

static void token_stage(void)
{
    annal_doc *d = test_process("Armenian forces occupied Kalbajar.", NULL);
    const annal_token *t = annal_doc_tokens(d);
    CHECK_MEM(t[1].lemma, t[1].lemma_len, "force");
    CHECK_MEM(t[2].lemma, t[2].lemma_len, "occupy");
    CHECK(t[3].pos & ANNAL_POS_PROPN);
    CHECK(t[4].pos & ANNAL_POS_PUNCT);
}

TEST_SUITE(suite_lexicon) = {
    {"irregular_forms", irregular_forms},
    {"regular_rules", regular_rules},
    {"closed_class", closed_class},
    {"unknown_words", unknown_words},
    {"token_stage", token_stage},
    {NULL, NULL},
};
