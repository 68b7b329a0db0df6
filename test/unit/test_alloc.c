/* test_alloc.c - every allocation failure becomes ANNAL_ENOMEM: no crash,
 * no leak (LeakSanitizer checks the latter in the sanitizer build). */
#include <stdlib.h>

#include "test.h"

typedef struct failing {
    long left;     /* allocations that succeed before failures start */
    long live;     /* outstanding allocations */
} failing;

static void *S_malloc(void *ctx, size_t n)
{
    failing *f = ctx;
    void *p;
    if (f->left-- <= 0)
        return NULL;
    if ((p = malloc(n)) != NULL)
        f->live++;
    return p;
}

static void *S_realloc(void *ctx, void *p, size_t old, size_t n)
{
    failing *f = ctx;
    void *q;
    (void)old;
    if (f->left-- <= 0)
        return NULL;
    q = realloc(p, n);
    if (q && !p)
        f->live++;
    return q;
}

static void S_free(void *ctx, void *p, size_t n)
{
    failing *f = ctx;
    (void)n;
    if (p)
        f->live--;
    free(p);
}

static void every_failure_point(void)
{
    const char *text = "Armenian forces occupied Kalbajar on April 2, 1993. About 60,000 "
                       "residents were expelled \xE2\x80\x94 511 civilians killed. Why?";
    const char *dict = getenv("ANNAL_DICT");
    int saw_ok = 0, saw_enomem = 0;

    for (long k = 0; k < 400 && !saw_ok; k++) {
        failing f = {k, 0};
        annal_alloc a = {S_malloc, S_realloc, S_free, &f};
        annal_engine_opts o = {dict, &a, NULL};
        annal_engine *eng = NULL;
        annal_doc *doc;
        annal_error err;
        annal_status st = annal_engine_open(&o, &eng, &err);
        if (st != ANNAL_OK) {
            CHECK_INT(st, ANNAL_ENOMEM);
            CHECK_INT(f.live, 0);
            saw_enomem = 1;
            continue;
        }
        doc = annal_doc_new(eng);
        if (doc) {
            st = annal_doc_process(doc, text, strlen(text), NULL, ANNAL_STAGE_ALL, &err);
            CHECK(st == ANNAL_OK || st == ANNAL_ENOMEM);
            if (st == ANNAL_ENOMEM)
                saw_enomem = 1;
            else
                saw_ok = 1;
            annal_doc_free(doc);
        }
        annal_engine_free(eng);
        CHECK_INT(f.live, 0);
    }
    CHECK(saw_ok);
    CHECK(saw_enomem);
}

TEST_SUITE(suite_alloc) = {
    {"every_failure_point", every_failure_point},
    {NULL, NULL},
};
