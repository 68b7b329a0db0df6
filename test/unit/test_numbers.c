/* test_numbers.c - quantities with qualifiers and ranges. */
#include "test.h"

/* The first quantity in text; fails the test if there is none. */
static const annal_number *S_first(const char *text)
{
    annal_doc *d = test_process(text, "2020-04-02");
    if (annal_doc_nnumbers(d) == 0) {
        test_failures++;
        fprintf(stderr, "  no number in \"%s\"\n", text);
        return NULL;
    }
    return annal_doc_numbers(d);
}

static void S_expect(const char *text, double number, int has_low, double low,
                     int has_high, double high, annal_qualifier q)
{
    const annal_number *n = S_first(text);
    if (!n)
        return;
    if (n->number != number || n->has_low != has_low || n->has_high != has_high ||
        (has_low && n->low != low) || (has_high && n->high != high) || n->qualifier != q) {
        test_failures++;
        fprintf(stderr, "  \"%s\": got %g [%s%g, %s%g] %s\n", text, n->number,
                n->has_low ? "" : "no ", n->low, n->has_high ? "" : "no ", n->high,
                annal_qualifier_name((annal_qualifier)n->qualifier));
    }
}

static void issue_examples(void)
{
    S_expect("about 60,000 residents", 60000, 1, 60000, 1, 60000, ANNAL_Q_ABOUT);
    S_expect("more than 70,000 residents", 70000, 1, 70000, 0, 0, ANNAL_Q_MORE_THAN);
    S_expect("511 civilians", 511, 1, 511, 1, 511, ANNAL_Q_EXACT);
    S_expect("between 10 and 20 people", 10, 1, 10, 1, 20, ANNAL_Q_RANGE);
}

static void words(void)
{
    S_expect("sixty thousand people", 60000, 1, 60000, 1, 60000, ANNAL_Q_EXACT);
    S_expect("two dozen houses", 24, 1, 24, 1, 24, ANNAL_Q_EXACT);
    S_expect("a hundred soldiers", 100, 1, 100, 1, 100, ANNAL_Q_EXACT);
    S_expect("one million refugees", 1000000, 1, 1000000, 1, 1000000, ANNAL_Q_EXACT);
    S_expect("two hundred and fifty men", 250, 1, 250, 1, 250, ANNAL_Q_EXACT);
    S_expect("twenty-seven villages", 27, 1, 27, 1, 27, ANNAL_Q_EXACT);
    S_expect("1.5 million people", 1500000, 1, 1500000, 1, 1500000, ANNAL_Q_EXACT);
    S_expect("half a million people", 500000, 1, 500000, 1, 500000, ANNAL_Q_EXACT);
}

static void vague_acled_convention(void)
{
    S_expect("dozens of people", 12, 1, 12, 0, 0, ANNAL_Q_AT_LEAST);
    S_expect("hundreds of families", 100, 1, 100, 0, 0, ANNAL_Q_AT_LEAST);
    S_expect("thousands fled", 1000, 1, 1000, 0, 0, ANNAL_Q_AT_LEAST);
    S_expect("tens of thousands fled", 10000, 1, 10000, 0, 0, ANNAL_Q_AT_LEAST);
}

static void qualifiers(void)
{
    S_expect("some 300 troops", 300, 1, 300, 1, 300, ANNAL_Q_ABOUT);
    S_expect("nearly 40 people", 40, 1, 40, 1, 40, ANNAL_Q_ABOUT);
    S_expect("at least 12 people", 12, 1, 12, 0, 0, ANNAL_Q_AT_LEAST);
    S_expect("up to 20 people", 20, 0, 0, 1, 20, ANNAL_Q_UP_TO);
    S_expect("less than 5 people", 5, 0, 0, 1, 5, ANNAL_Q_LESS_THAN);
    S_expect("over 1,000 people", 1000, 1, 1000, 0, 0, ANNAL_Q_MORE_THAN);
    S_expect("10 or more people", 10, 1, 10, 0, 0, ANNAL_Q_AT_LEAST);
}

static void ranges(void)
{
    S_expect("10 to 20 people", 10, 1, 10, 1, 20, ANNAL_Q_RANGE);
    S_expect("10-20 people", 10, 1, 10, 1, 20, ANNAL_Q_RANGE);
    S_expect("two or three people", 2, 1, 2, 1, 3, ANNAL_Q_RANGE);
}

static void dates_are_not_quantities(void)
{
    annal_doc *d = test_process("On April 2, 1993 and in 2016, 40 died.", "2020-04-02");
    CHECK_INT(annal_doc_nnumbers(d), 1);
    CHECK_INT(annal_doc_numbers(d)[0].number, 40);
}

static void huge_numbers_are_not_counts(void)
{
    annal_doc *d = test_process("id 99999999999999999999 here", NULL);
    CHECK_INT(annal_doc_nnumbers(d), 0);
}

TEST_SUITE(suite_numbers) = {
    {"issue_examples", issue_examples},
    {"words", words},
    {"vague_acled_convention", vague_acled_convention},
    {"qualifiers", qualifiers},
    {"ranges", ranges},
    {"dates_are_not_quantities", dates_are_not_quantities},
    {"huge_numbers_are_not_counts", huge_numbers_are_not_counts},
    {NULL, NULL},
};
