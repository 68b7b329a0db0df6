/* test_sentence.c - sentence boundaries. */
#include "test.h"

/* Sentences joined by " | " (raw text, newlines as spaces). */
static const char *S_sents(const char *text)
{
    static char out[4096];
    annal_doc *d = test_process(text, NULL);
    const annal_sentence *s = annal_doc_sentences(d);
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < annal_doc_nsentences(d) && o < sizeof out - 8; i++) {
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", i ? " | " : "",
                              (int)(s[i].end - s[i].start), text + s[i].start);
    }
    for (size_t k = 0; k < o; k++)
        if (out[k] == '\n')
            out[k] = ' ';
    return out;
}

static void basic(void)
{
    CHECK_STR(S_sents("Troops left. Civilians returned! Why? Nobody knows."),
              "Troops left. | Civilians returned! | Why? | Nobody knows.");
}

static void abbreviations(void)
{
    CHECK_STR(S_sents("Gen. Petrov met Mr. Smith on Jan. 5. They talked."),
              "Gen. Petrov met Mr. Smith on Jan. 5. | They talked.");
    CHECK_STR(S_sents("Aid reached St. Petersburg. The convoy returned."),
              "Aid reached St. Petersburg. | The convoy returned.");
    CHECK_STR(S_sents("He works for Acme Inc. The firm denied it."),
              "He works for Acme Inc. | The firm denied it.");
    CHECK_STR(S_sents("The U.S. Army said so. The U.N. agreed."),
              "The U.S. Army said so. | The U.N. agreed.");
    CHECK_STR(S_sents("He flew to the U.S. The next day he left."),
              "He flew to the U.S. | The next day he left.");
    CHECK_STR(S_sents("J. R. Smith spoke. He left."), "J. R. Smith spoke. | He left.");
}

static void numbers_and_ellipses(void)
{
    CHECK_STR(S_sents("Inflation was 1.5 percent. Prices rose."),
              "Inflation was 1.5 percent. | Prices rose.");
    CHECK_STR(S_sents("He waited... and waited. Then he left... The end."),
              "He waited... and waited. | Then he left... | The end.");
}

static void quotes_and_brackets(void)
{
    CHECK_STR(S_sents("\"We will stay.\" The mayor said so."),
              "\"We will stay.\" | The mayor said so.");
    CHECK_STR(S_sents("\"Leave now!\" he shouted."), "\"Leave now!\" he shouted.");
    CHECK_STR(S_sents("It ended (finally.) Then peace."), "It ended (finally.) | Then peace.");
    CHECK_STR(S_sents("\xE2\x80\x9CWe resisted,\xE2\x80\x9D the ministry said. It ended."),
              "\xE2\x80\x9CWe resisted,\xE2\x80\x9D the ministry said. | It ended.");
}

static void paragraphs_and_wrapping(void)
{
    CHECK_STR(S_sents("Headline without stop\n\nBody starts here. It goes on."),
              "Headline without stop | Body starts here. | It goes on.");
    CHECK_STR(S_sents("A wrapped\nline of text. Next one."), "A wrapped line of text. | Next one.");
}

static void paragraph_index_and_quote_flag(void)
{
    annal_doc *d = test_process("One. Two.\n\n\"Three. Four.\"", NULL);
    const annal_sentence *s = annal_doc_sentences(d);
    CHECK_INT(annal_doc_nsentences(d), 4);
    CHECK_INT(s[0].paragraph, 0);
    CHECK_INT(s[2].paragraph, 1);
    CHECK(s[3].flags & ANNAL_SF_IN_QUOTE);
    CHECK(!(s[2].flags & ANNAL_SF_IN_QUOTE));
}

static void forced_split_by_limit(void)
{
    static char text[20000];
    size_t o = 0;
    annal_doc *d;
    while (o + 6 < sizeof text - 1) {
        memcpy(text + o, "word ", 5);
        o += 5;
    }
    text[o] = '\0';
    d = test_process(text, NULL);
    CHECK(annal_doc_nsentences(d) > 1);
    CHECK(annal_doc_sentences(d)[0].flags & ANNAL_SF_FORCED_SPLIT);
    CHECK(annal_doc_sentences(d)[0].ntokens <= annal_engine_limits(test_engine)->max_sentence_tokens);
    CHECK(annal_doc_nwarnings(d) >= 1);
}

TEST_SUITE(suite_sentence) = {
    {"basic", basic},
    {"abbreviations", abbreviations},
    {"numbers_and_ellipses", numbers_and_ellipses},
    {"quotes_and_brackets", quotes_and_brackets},
    {"paragraphs_and_wrapping", paragraphs_and_wrapping},
    {"paragraph_index_and_quote_flag", paragraph_index_and_quote_flag},
    {"forced_split_by_limit", forced_split_by_limit},
    {NULL, NULL},
};
