/*
 * test.h - a minimal unit-test harness.
 *
 * A test is a function registered in main.c's table.  CHECK* macros record
 * a failure with file and line and let the test go on, so one run shows
 * every broken expectation.  The runner prints "N passed, N failed" and
 * exits non-zero when anything failed.
 */
#ifndef ANNAL_TEST_H
#define ANNAL_TEST_H

#include <stdio.h>
#include <string.h>

#include "annal.h"

extern int test_failures;        /* failed checks in the current test */
extern const annal_engine *test_engine;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            test_failures++;                                               \
            fprintf(stderr, "  %s:%d: CHECK(%s)\n", __FILE__, __LINE__, #cond); \
        }                                                                  \
    } while (0)

#define CHECK_INT(a, b)                                                    \
    do {                                                                   \
        long long a_ = (long long)(a), b_ = (long long)(b);                \
        if (a_ != b_) {                                                    \
            test_failures++;                                               \
            fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n",        \
                    __FILE__, __LINE__, #a, a_, b_);                       \
        }                                                                  \
    } while (0)

#define CHECK_STR(a, b)                                                    \
    do {                                                                   \
        const char *a_ = (a), *b_ = (b);                                   \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                           \
            test_failures++;                                               \
            fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n",    \
                    __FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
        }                                                                  \
    } while (0)

#define CHECK_MEM(p, n, s)                                                 \
    do {                                                                   \
        size_t n_ = (n);                                                   \
        const char *s_ = (s);                                              \
        if (n_ != strlen(s_) || memcmp((p), s_, n_) != 0) {                \
            test_failures++;                                               \
            fprintf(stderr, "  %s:%d: %s == \"%.*s\", expected \"%s\"\n",  \
                    __FILE__, __LINE__, #p, (int)n_, (const char *)(p), s_); \
        }                                                                  \
    } while (0)

typedef void (*test_fn)(void);
typedef struct test_case {
    const char *name;
    test_fn fn;
} test_case;

/* Each test file exports a NULL-terminated table. */
#define TEST_SUITE(name) const test_case name[]

/* Runs text through the pipeline with all stages. */
annal_doc *test_process(const char *text, const char *published);

#endif
