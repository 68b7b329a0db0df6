/* main.c - the unit-test runner: every suite, every test, one summary. */
#include <stdlib.h>

#include "test.h"

int test_failures;
const annal_engine *test_engine;

extern const test_case suite_core[], suite_normalize[], suite_tokenize[],
    suite_sentence[], suite_lexicon[], suite_numbers[], suite_dates[],
    suite_snapshot[], suite_reader[], suite_alloc[], suite_actors[];

static const struct {
    const char *name;
    const test_case *cases;
} S_suites[] = {
    {"core", suite_core},         {"normalize", suite_normalize},
    {"tokenize", suite_tokenize}, {"sentence", suite_sentence},
    {"lexicon", suite_lexicon},   {"numbers", suite_numbers},
    {"dates", suite_dates},       {"snapshot", suite_snapshot},
    {"reader", suite_reader},     {"alloc", suite_alloc},
    {"actors", suite_actors},
};

static annal_doc *S_doc;

annal_doc *test_process(const char *text, const char *published)
{
    annal_doc_meta m;
    annal_error err;

    memset(&m, 0, sizeof m);
    m.id = "t";
    if (published)
        annal_ymd_parse(published, strlen(published), &m.published);
    if (!S_doc)
        S_doc = annal_doc_new(test_engine);
    if (annal_doc_process(S_doc, text, strlen(text), &m, ANNAL_STAGE_ALL, &err) != ANNAL_OK) {
        fprintf(stderr, "  test_process: %s\n", err.msg);
        test_failures++;
    }
    return S_doc;
}

int main(int argc, char **argv)
{
    annal_engine *eng;
    annal_error err;
    int passed = 0, failed = 0;

    if (annal_engine_open(NULL, &eng, &err) != ANNAL_OK) {
        fprintf(stderr, "unit: %s\n", err.msg);
        return 2;
    }
    test_engine = eng;
    for (size_t s = 0; s < sizeof S_suites / sizeof S_suites[0]; s++) {
        for (const test_case *t = S_suites[s].cases; t->name; t++) {
            if (argc > 1 && !strstr(t->name, argv[1]) && !strstr(S_suites[s].name, argv[1]))
                continue;
            test_failures = 0;
            t->fn();
            if (test_failures) {
                failed++;
                fprintf(stderr, "FAIL %s/%s\n", S_suites[s].name, t->name);
            } else {
                passed++;
            }
        }
    }
    annal_doc_free(S_doc);
    annal_engine_free(eng);
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
