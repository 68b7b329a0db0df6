/*
 * spec_runner.c - runs the examples in test/spec/ *.md.
 *
 * A spec file is Markdown that documents a stage; its examples are fenced
 * blocks in the style of the CommonMark spec:
 *
 *   ```````````````````````````````` example dates published=2020-04-02
 *   The town fell on April 2, 1993.
 *   .
 *   April 2, 1993	1993-04-02	day	1993-04-02..1993-04-02
 *   ````````````````````````````````
 *
 * The info string names the dump (sentences, tokens, numbers, dates) and
 * options: published=YYYY-MM-DD, plain (parse the plain-text header and
 * byline).  Above the "." line is the input ("→" stands for a tab); below
 * it the expected rows of `annal dump KIND` in spec form: tab-separated,
 * one item per line.  The runner processes each input through the library
 * and compares text exactly.
 *
 * usage: spec [--verbose] FILE.md...     (dictionary from $ANNAL_DICT)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annal.h"

#define FENCE "````````````````````````````````"

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void S_put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->len + n + 1) * 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            fprintf(stderr, "spec: out of memory\n");
            exit(2);
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static int S_write(void *ctx, const char *p, size_t n)
{
    S_put(ctx, p, n);
    return 0;
}

/* Replaces each "→" (E2 86 92) by a tab. */
static void S_tabs(sbuf *b)
{
    size_t o = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (i + 2 < b->len && (unsigned char)b->p[i] == 0xE2 &&
            (unsigned char)b->p[i + 1] == 0x86 && (unsigned char)b->p[i + 2] == 0x92) {
            b->p[o++] = '\t';
            i += 2;
        } else {
            b->p[o++] = b->p[i];
        }
    }
    b->len = o;
    if (b->p)
        b->p[o] = '\0';
}

typedef struct example {
    char kind[32];
    annal_ymd published;
    int plain;
    sbuf input, expected;
    long line;
} example;

static int S_parse_info(const char *info, example *ex, const char *file, long line)
{
    char buf[256], *save = NULL, *w;

    snprintf(buf, sizeof buf, "%.250s", info);
    w = strtok_r(buf, " \t\r\n", &save);
    if (!w || strcmp(w, "example") != 0)
        return 0;
    w = strtok_r(NULL, " \t\r\n", &save);
    if (!w || !annal_dump_kind_parse(w)) {
        fprintf(stderr, "%s:%ld: example needs a dump kind\n", file, line);
        exit(2);
    }
    snprintf(ex->kind, sizeof ex->kind, "%s", w);
    while ((w = strtok_r(NULL, " \t\r\n", &save)) != NULL) {
        if (strncmp(w, "published=", 10) == 0 &&
            annal_ymd_parse(w + 10, strlen(w + 10), &ex->published) == 0)
            continue;
        if (strcmp(w, "plain") == 0) {
            ex->plain = 1;
            continue;
        }
        fprintf(stderr, "%s:%ld: unknown example option %s\n", file, line, w);
        exit(2);
    }
    return 1;
}

static int S_run(annal_doc *doc, example *ex, const char *file, int verbose)
{
    annal_doc_meta meta;
    annal_error err;
    annal_dump_kind kind = annal_dump_kind_parse(ex->kind);
    sbuf got = {0};
    int ok;

    memset(&meta, 0, sizeof meta);
    meta.id = "spec";
    meta.published = ex->published;
    meta.plain_text = ex->plain;
    S_tabs(&ex->input);
    S_tabs(&ex->expected);
    if (annal_doc_process(doc, ex->input.p ? ex->input.p : "", ex->input.len, &meta,
                          annal_dump_stages(kind), &err) != ANNAL_OK) {
        fprintf(stderr, "%s:%ld: %s\n", file, ex->line, err.msg);
        return 0;
    }
    S_put(&got, "", 0);
    annal_dump(doc, kind, ANNAL_DUMP_SPEC, S_write, &got);
    ok = strcmp(got.p, ex->expected.p ? ex->expected.p : "") == 0;
    if (!ok || verbose)
        printf("%s %s:%ld (%s)\n--- input\n%s--- expected\n%s--- got\n%s\n", ok ? "PASS" : "FAIL",
               file, ex->line, ex->kind, ex->input.p ? ex->input.p : "",
               ex->expected.p ? ex->expected.p : "", got.p);
    free(got.p);
    return ok;
}

/* Runs every example of one file; adds to the counters. */
static void S_file(annal_doc *doc, const char *path, int verbose, int *pass, int *fail)
{
    FILE *f = fopen(path, "r");
    char line[65536];
    long no = 0;
    int state = 0;   /* 0 prose, 1 input, 2 expected */
    example ex;

    if (!f) {
        fprintf(stderr, "spec: cannot open %s\n", path);
        exit(2);
    }
    memset(&ex, 0, sizeof ex);
    while (fgets(line, sizeof line, f)) {
        no++;
        if (state == 0 && strncmp(line, FENCE, strlen(FENCE)) == 0) {
            memset(&ex, 0, sizeof ex);
            if (S_parse_info(line + strlen(FENCE), &ex, path, no)) {
                ex.line = no;
                state = 1;
            }
        } else if (state == 1 && strcmp(line, ".\n") == 0) {
            state = 2;
        } else if (state == 1) {
            S_put(&ex.input, line, strlen(line));
        } else if (state == 2 && strncmp(line, FENCE, strlen(FENCE)) == 0) {
            if (S_run(doc, &ex, path, verbose))
                (*pass)++;
            else
                (*fail)++;
            free(ex.input.p);
            free(ex.expected.p);
            state = 0;
        } else if (state == 2) {
            S_put(&ex.expected, line, strlen(line));
        }
    }
    if (state != 0) {
        fprintf(stderr, "%s:%ld: unterminated example\n", path, ex.line);
        (*fail)++;
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    annal_engine *eng = NULL;
    annal_doc *doc;
    annal_error err;
    int pass = 0, fail = 0, verbose = 0;

    if (annal_engine_open(NULL, &eng, &err) != ANNAL_OK) {
        fprintf(stderr, "spec: %s\n", err.msg);
        return 2;
    }
    doc = annal_doc_new(eng);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--verbose") == 0) {
            verbose = 1;
            continue;
        }
        S_file(doc, argv[i], verbose, &pass, &fail);
    }
    printf("spec: %d passed, %d failed\n", pass, fail);
    annal_doc_free(doc);
    annal_engine_free(eng);
    return fail ? 1 : 0;
}
