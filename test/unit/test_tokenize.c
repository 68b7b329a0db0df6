/* test_tokenize.c - token boundaries, types and raw offsets. */
#include "test.h"

static const char *S_type(uint16_t t)
{
    switch (t) {
    case ANNAL_TOK_WORD: return "W";
    case ANNAL_TOK_ACRONYM: return "ACR";
    case ANNAL_TOK_ABBREV: return "ABB";
    case ANNAL_TOK_INITIAL: return "INI";
    case ANNAL_TOK_CLITIC: return "CL";
    case ANNAL_TOK_ALNUM: return "AN";
    case ANNAL_TOK_NUMBER: return "N";
    case ANNAL_TOK_ORDINAL: return "ORD";
    case ANNAL_TOK_DECADE: return "DEC";
    case ANNAL_TOK_ISODATE: return "ISO";
    case ANNAL_TOK_TIME: return "TIME";
    case ANNAL_TOK_URL: return "URL";
    case ANNAL_TOK_EMAIL: return "MAIL";
    case ANNAL_TOK_PUNCT: return "P";
    case ANNAL_TOK_QUOTE: return "Q";
    case ANNAL_TOK_OPEN: return "(";
    case ANNAL_TOK_CLOSE: return ")";
    case ANNAL_TOK_DASH: return "D";
    case ANNAL_TOK_SYMBOL: return "S";
    default: return "?";
    }
}

/* "text/TYPE text/TYPE ..." using raw spans, so offsets are checked too. */
static const char *S_toks(const char *text)
{
    static char out[4096];
    annal_doc *d = test_process(text, NULL);
    const annal_token *t = annal_doc_tokens(d);
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < annal_doc_ntokens(d) && o < sizeof out - 64; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s/%s", i ? " " : "",
                              (int)(t[i].end - t[i].start), text + t[i].start, S_type(t[i].type));
    return out;
}

static void words_and_clitics(void)
{
    CHECK_STR(S_toks("Kalbajar's occupation"), "Kalbajar/W 's/CL occupation/W");
    CHECK_STR(S_toks("Kalbajar\xE2\x80\x99s"), "Kalbajar/W \xE2\x80\x99s/CL");
    CHECK_STR(S_toks("they don't"), "they/W do/W n't/CL");
    CHECK_STR(S_toks("O'Brien's plan"), "O'Brien/W 's/CL plan/W");
    CHECK_STR(S_toks("the U.S.'s role"), "the/W U.S./ACR 's/CL role/W");
}

static void hyphens_and_alnum(void)
{
    CHECK_STR(S_toks("Nagorno-Karabakh Mi-24 counter-offensive"),
              "Nagorno-Karabakh/W Mi-24/AN counter-offensive/W");
    CHECK_STR(S_toks("a 24-hour truce"), "a/W 24-hour/AN truce/W");
    CHECK_STR(S_toks("10-20 people"), "10/N -/D 20/N people/W");
    CHECK_STR(S_toks("peace - or war"), "peace/W -/D or/W war/W");
}

static void numbers_and_dates(void)
{
    CHECK_STR(S_toks("60,000 and 1.5 and .5"), "60,000/N and/W 1.5/N and/W .5/N");
    CHECK_STR(S_toks("the 27th day"), "the/W 27th/ORD day/W");
    CHECK_STR(S_toks("the 1990s and '80s"), "the/W 1990s/DEC and/W '80s/DEC");
    CHECK_STR(S_toks("on 2016-04-02 at 10:30"), "on/W 2016-04-02/ISO at/W 10:30/TIME");
    CHECK_STR(S_toks("1,2,3"), "1/N ,/P 2/N ,/P 3/N");
    CHECK_STR(S_toks("end 1993."), "end/W 1993/N ./P");
}

static void abbreviations_and_acronyms(void)
{
    CHECK_STR(S_toks("Gen. Petrov met Mr. Smith"), "Gen./ABB Petrov/W met/W Mr./ABB Smith/W");
    CHECK_STR(S_toks("the U.N. and e.g. this"), "the/W U.N./ACR and/W e.g./ACR this/W");
    CHECK_STR(S_toks("J. Smith"), "J./INI Smith/W");
    CHECK_STR(S_toks("Jan. 5"), "Jan./ABB 5/N");
    CHECK_STR(S_toks("the end."), "the/W end/W ./P");
    CHECK_STR(S_toks("etc..."), "etc/W .../P");
}

static void urls_and_punctuation(void)
{
    CHECK_STR(S_toks("see https://example.org/a?b=1."), "see/W https://example.org/a?b=1/URL ./P");
    CHECK_STR(S_toks("(www.example.com)"), "(/( www.example.com/URL )/)");
    CHECK_STR(S_toks("mail info@example.org!"), "mail/W info@example.org/MAIL !/P");
    CHECK_STR(S_toks("Why?! \"No\" [x]"), "Why/W ?!/P \"/Q No/W \"/Q [/( x/W ]/)");
    CHECK_STR(S_toks("100% of $5"), "100/N %/S of/W $/S 5/N");
}

static void flags(void)
{
    annal_doc *d = test_process("NATO and Baku\n\nnext", NULL);
    const annal_token *t = annal_doc_tokens(d);
    CHECK_INT(annal_doc_ntokens(d), 4);
    CHECK(t[0].flags & ANNAL_TF_UPPER);
    CHECK(t[0].flags & ANNAL_TF_CAP);
    CHECK(!(t[1].flags & ANNAL_TF_CAP));
    CHECK(t[2].flags & ANNAL_TF_CAP);
    CHECK(t[3].flags & ANNAL_TF_PARA_BEFORE);
    CHECK(t[1].flags & ANNAL_TF_SPACE_BEFORE);
}

/* The tokenizer's fast path (plain words, digit runs, single
 * punctuation) must give what the scanner path gives: flags of mixed-case
 * and long words, NUMBER with DIGIT, and raw spans after a character the
 * normaliser changed. */
static void fast_path_flags_and_spans(void)
{
    /* "\xE2\x80\x9C" is a curly quote: 3 raw bytes, 1 normalised */
    const char *text = "I met McCain, NATOISTANIANS and Internationalization 1993.\n"
                       "\xE2\x80\x9C" "Yes\xE2\x80\x9D said 42";
    annal_doc *d = test_process(text, NULL);
    const annal_token *t = annal_doc_tokens(d);
    CHECK_INT(annal_doc_ntokens(d), 14);
    CHECK(t[0].flags & ANNAL_TF_CAP);            /* I */
    CHECK(!(t[0].flags & ANNAL_TF_UPPER));       /* one letter is not UPPER */
    CHECK(t[2].flags & ANNAL_TF_CAP);            /* McCain */
    CHECK(!(t[2].flags & ANNAL_TF_UPPER));
    CHECK(t[4].flags & ANNAL_TF_UPPER);          /* NATOISTANIANS: 13 letters */
    CHECK(t[6].flags & ANNAL_TF_CAP);            /* Internationalization: 20 */
    CHECK(!(t[6].flags & ANNAL_TF_UPPER));
    CHECK_INT(t[7].type, ANNAL_TOK_NUMBER);      /* 1993 before "." */
    CHECK(t[7].flags & ANNAL_TF_DIGIT);
    CHECK_INT(t[8].type, ANNAL_TOK_PUNCT);
    CHECK_INT(t[9].type, ANNAL_TOK_QUOTE);       /* the curly quote */
    CHECK_INT(t[9].start, 59);
    CHECK_INT(t[9].end, 62);
    CHECK_INT(t[10].start, 62);                  /* Yes: raw bytes 62..65 */
    CHECK_INT(t[10].end, 65);
    CHECK_INT(t[13].start, 74);                  /* 42, after both quotes */
    CHECK_INT(t[13].end, 76);
    CHECK_INT(t[13].type, ANNAL_TOK_NUMBER);
}

static void non_ascii_letters(void)
{
    CHECK_STR(S_toks("K\xC9\x99lb\xC9\x99" "c\xC9\x99r \xC3\x96mer"),
              "K\xC9\x99lb\xC9\x99" "c\xC9\x99r/W \xC3\x96mer/W");
    CHECK_STR(S_toks("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE2\x82\xAC" "5"),
              "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0/W \xE2\x82\xAC/S 5/N");
}

TEST_SUITE(suite_tokenize) = {
    {"words_and_clitics", words_and_clitics},
    {"hyphens_and_alnum", hyphens_and_alnum},
    {"numbers_and_dates", numbers_and_dates},
    {"abbreviations_and_acronyms", abbreviations_and_acronyms},
    {"urls_and_punctuation", urls_and_punctuation},
    {"flags", flags},
    {"fast_path_flags_and_spans", fast_path_flags_and_spans},
    {"non_ascii_letters", non_ascii_letters},
    {NULL, NULL},
};
