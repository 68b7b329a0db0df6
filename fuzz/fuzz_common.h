/*
 * fuzz_common.h - checks shared by the libFuzzer targets in fuzz/.
 *
 * Each target feeds arbitrary bytes to one entry point of annal and then
 * checks what annal promises about the result (include/annal.h):
 *
 *   - every span is a half-open byte range inside the document text;
 *   - sentences, numbers and dates point at tokens that exist;
 *   - warnings point inside the text and have a message;
 *   - the normalised text is valid UTF-8;
 *   - every dump kind in every format can be written, and each JSON Lines
 *     row is one valid JSON object with the documented fields.
 *
 * A broken promise calls FUZZ_FAIL, which prints the reason and aborts so
 * libFuzzer saves the input as a crash-* file.  Crashes, hangs, leaks and
 * sanitizer reports are found by libFuzzer and the sanitizers themselves.
 */
#ifndef ANNAL_FUZZ_COMMON_H
#define ANNAL_FUZZ_COMMON_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annal.h"
#include "../src/core/utf8.h"

#define FUZZ_FAIL(...)                                                   \
    do {                                                                 \
        fprintf(stderr, "\nFUZZ CHECK FAILED (%s:%d): ", __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                                    \
        fprintf(stderr, "\n");                                           \
        abort();                                                         \
    } while (0)

/* Set by fuzz_snapshot: the dictionary itself is fuzzed, so values that
 * come straight from it (a qualifier, a month number) are not checked
 * against their enums -- the loader checks offsets, not meanings (see
 * the report) -- while every memory and span promise still is. */
static int fuzz_untrusted_dict;

typedef struct fuzz_sink {
    char *p;
    size_t len, cap;
} fuzz_sink;

static inline int fuzz_sink_write(void *ctx, const char *p, size_t n)
{
    fuzz_sink *s = ctx;

    if (s->len + n + 1 > s->cap) {
        size_t nc = (s->len + n + 1) * 2;
        char *np = realloc(s->p, nc);
        if (!np)
            return -1;
        s->p = np;
        s->cap = nc;
    }
    memcpy(s->p + s->len, p, n);
    s->len += n;
    s->p[s->len] = '\0';
    return 0;
}

/* Each line of a JSON dump: a JSON object with the fields of its kind. */
static inline void fuzz_check_json_lines(const fuzz_sink *s, annal_dump_kind kind,
                                  size_t expect_rows)
{
    static const char *const common[] = {"doc_id", "sentence", "span", "text", NULL};
    static const char *const tokens[] = {"lemma", "pos", NULL};
    static const char *const numbers[] = {"number", "low", "high", "qualifier", NULL};
    static const char *const dates[] = {"date", "precision", NULL};
    const char *const *extra = kind == ANNAL_DUMP_TOKENS ? tokens
                               : kind == ANNAL_DUMP_NUMBERS ? numbers
                               : kind == ANNAL_DUMP_DATES ? dates : NULL;
    size_t at = 0, rows = 0;

    while (at < s->len) {
        const char *nl = memchr(s->p + at, '\n', s->len - at);
        size_t n = nl ? (size_t)(nl - (s->p + at)) : s->len - at;
        const char *stop = NULL;
        const cJSON *span;
        cJSON *o;

        if (!nl)
            FUZZ_FAIL("JSON dump (kind %d) does not end with a newline", (int)kind);
        o = cJSON_ParseWithLengthOpts(s->p + at, n, &stop, 0);
        if (!o || (stop && stop != s->p + at + n))
            FUZZ_FAIL("JSON dump (kind %d) row %zu is not JSON (stopped at byte %td): %.*s",
                      (int)kind, rows, stop ? stop - (s->p + at) : (ptrdiff_t)-1,
                      (int)(n > 300 ? 300 : n), s->p + at);
        if (!cJSON_IsObject(o))
            FUZZ_FAIL("JSON dump row %zu is not an object", rows);
        for (size_t k = 0; common[k]; k++)
            if (!cJSON_GetObjectItemCaseSensitive(o, common[k]))
                FUZZ_FAIL("JSON dump (kind %d) row %zu lacks \"%s\"", (int)kind, rows, common[k]);
        for (size_t k = 0; extra && extra[k]; k++)
            if (!cJSON_GetObjectItemCaseSensitive(o, extra[k]))
                FUZZ_FAIL("JSON dump (kind %d) row %zu lacks \"%s\"", (int)kind, rows, extra[k]);
        span = cJSON_GetObjectItemCaseSensitive(o, "span");
        if (!cJSON_IsArray(span) || cJSON_GetArraySize(span) != 2 ||
            !cJSON_IsNumber(cJSON_GetArrayItem(span, 0)) ||
            !cJSON_IsNumber(cJSON_GetArrayItem(span, 1)) ||
            cJSON_GetArrayItem(span, 0)->valuedouble > cJSON_GetArrayItem(span, 1)->valuedouble)
            FUZZ_FAIL("JSON dump row %zu: bad span", rows);
        if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "text")))
            FUZZ_FAIL("JSON dump row %zu: text is not a string", rows);
        cJSON_Delete(o);
        rows++;
        at += n + 1;
    }
    if (rows != expect_rows)
        FUZZ_FAIL("JSON dump (kind %d) has %zu rows for %zu items", (int)kind, rows, expect_rows);
}

static inline size_t fuzz_count(const annal_doc *doc, annal_dump_kind kind)
{
    switch (kind) {
    case ANNAL_DUMP_SENTENCES: return annal_doc_nsentences(doc);
    case ANNAL_DUMP_TOKENS: return annal_doc_ntokens(doc);
    case ANNAL_DUMP_NUMBERS: return annal_doc_nnumbers(doc);
    default: return annal_doc_ndates(doc);
    }
}

/* Everything annal promises about a processed document. */
static inline void fuzz_check_doc(const annal_doc *doc, unsigned stages)
{
    size_t len, nlen, nt = annal_doc_ntokens(doc), ns = annal_doc_nsentences(doc);
    const char *text = annal_doc_text(doc, &len);
    const char *norm = annal_doc_norm_text(doc, &nlen);
    const annal_token *t = annal_doc_tokens(doc);
    const annal_sentence *s = annal_doc_sentences(doc);
    const annal_number *nu = annal_doc_numbers(doc);
    const annal_date_expr *d = annal_doc_dates(doc);
    const annal_warning *w = annal_doc_warnings(doc);
    const annal_doc_meta *m = annal_doc_get_meta(doc);

    (void)text;
    if (!m)
        FUZZ_FAIL("no metadata");
    if (norm[nlen] != '\0')
        FUZZ_FAIL("normalised text is not NUL-terminated");
    if (!annal_utf8_valid((const unsigned char *)norm, nlen))
        FUZZ_FAIL("normalised text is not valid UTF-8");
    for (size_t i = 0; i < nt; i++) {
        if (t[i].start > t[i].end || t[i].end > len)
            FUZZ_FAIL("token %zu span %u-%u outside the text (%zu bytes)", i, t[i].start, t[i].end, len);
        if (t[i].nstart > t[i].nend || t[i].nend > nlen)
            FUZZ_FAIL("token %zu normalised span %u-%u outside %zu", i, t[i].nstart, t[i].nend, nlen);
        if (i > 0 && t[i].start < t[i - 1].start)
            FUZZ_FAIL("token %zu starts before token %zu", i, i - 1);
        if ((stages & ANNAL_STAGE_LEX) && !t[i].lemma)
            FUZZ_FAIL("token %zu has no lemma after the LEX stage", i);
    }
    for (size_t i = 0; i < ns; i++) {
        if (s[i].start > s[i].end || s[i].end > len)
            FUZZ_FAIL("sentence %zu span %u-%u outside the text (%zu)", i, s[i].start, s[i].end, len);
        if (s[i].ntokens == 0 || (uint64_t)s[i].first_token + s[i].ntokens > nt)
            FUZZ_FAIL("sentence %zu tokens %u+%u of %zu", i, s[i].first_token, s[i].ntokens, nt);
        if (i > 0 && s[i].first_token != s[i - 1].first_token + s[i - 1].ntokens)
            FUZZ_FAIL("sentence %zu does not follow sentence %zu", i, i - 1);
    }
    if (ns > 0 && (uint64_t)s[ns - 1].first_token + s[ns - 1].ntokens != nt)
        FUZZ_FAIL("sentences do not cover all %zu tokens", nt);
    for (size_t i = 0; i < annal_doc_nnumbers(doc); i++) {
        if (nu[i].start > nu[i].end || nu[i].end > len)
            FUZZ_FAIL("number %zu span %u-%u outside the text (%zu)", i, nu[i].start, nu[i].end, len);
        if (nu[i].sentence >= ns || (uint64_t)nu[i].first_token + nu[i].ntokens > nt)
            FUZZ_FAIL("number %zu points at sentence %u / tokens %u+%u", i, nu[i].sentence,
                      nu[i].first_token, nu[i].ntokens);
        if (!fuzz_untrusted_dict && nu[i].qualifier > ANNAL_Q_RANGE)
            FUZZ_FAIL("number %zu qualifier %u", i, nu[i].qualifier);
    }
    for (size_t i = 0; i < annal_doc_ndates(doc); i++) {
        if (d[i].start > d[i].end || d[i].end > len)
            FUZZ_FAIL("date %zu span %u-%u outside the text (%zu)", i, d[i].start, d[i].end, len);
        if (d[i].sentence >= ns || (uint64_t)d[i].first_token + d[i].ntokens > nt)
            FUZZ_FAIL("date %zu points at sentence %u / tokens %u+%u", i, d[i].sentence,
                      d[i].first_token, d[i].ntokens);
        if (d[i].precision > ANNAL_PREC_YEAR)
            FUZZ_FAIL("date %zu precision %u", i, d[i].precision);
        if (d[i].precision && !fuzz_untrusted_dict) {
            char buf[16];
            annal_ymd_format(d[i].date, (annal_precision)d[i].precision, buf);
            if (d[i].date.year == 0 || strlen(buf) < 4)
                FUZZ_FAIL("date %zu has precision but no date", i);
        }
    }
    for (size_t i = 0; i < annal_doc_nwarnings(doc); i++)
        if (w[i].offset > len || !w[i].msg || !w[i].msg[0])
            FUZZ_FAIL("warning %zu offset %u (text %zu) or empty message", i, w[i].offset, len);

    /* Every dump kind this document's stages allow, in every format. */
    for (int k = ANNAL_DUMP_SENTENCES; k <= ANNAL_DUMP_DATES; k++) {
        annal_dump_kind kind = (annal_dump_kind)k;
        if ((annal_dump_stages(kind) & stages) != annal_dump_stages(kind))
            continue;
        for (int f = ANNAL_DUMP_TABLE; f <= ANNAL_DUMP_SPEC; f++) {
            fuzz_sink out = {NULL, 0, 0};
            annal_status st = annal_dump(doc, kind, (annal_dump_format)f, fuzz_sink_write, &out);
            if (st != ANNAL_OK)
                FUZZ_FAIL("annal_dump(kind %d, format %d) failed: %s", k, f, annal_status_name(st));
            if (f == ANNAL_DUMP_JSON)
                fuzz_check_json_lines(&out, kind, fuzz_count(doc, kind));
            free(out.p);
        }
    }
}

/* The limits the "small" engines use: every limit within reach of short
 * fuzz inputs. */
static inline annal_limits fuzz_small_limits(void)
{
    annal_limits l = annal_limits_default();

    l.max_doc_bytes = 300;
    l.max_doc_tokens = 40;
    l.max_sentence_bytes = 60;
    l.max_sentence_tokens = 7;
    l.max_dir_depth = 2;
    l.max_warnings = 2;
    return l;
}

static inline annal_engine *fuzz_open_engine(const annal_limits *lim)
{
    annal_engine_opts o = {NULL, NULL, lim};
    annal_engine *eng = NULL;
    annal_error err;

    if (annal_engine_open(&o, &eng, &err) != ANNAL_OK) {
        fprintf(stderr, "fuzz: cannot open the dictionary (set ANNAL_DICT): %s\n", err.msg);
        exit(2);
    }
    return eng;
}

/* Publication dates the first input byte chooses from. */
static inline annal_ymd fuzz_published(unsigned sel)
{
    static const annal_ymd d[4] = {{0, 0, 0}, {2020, 4, 2}, {2000, 2, 29}, {9999, 12, 31}};
    return d[sel & 3];
}

#endif
