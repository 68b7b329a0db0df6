/*
 * text_bench.c - throughput of annal's text stage (bench/run.sh,
 * docs/performance.md).
 *
 *   text_bench [--dict PATH] [--runs N] [--label NAME] [--max-docs N]
 *              [--no-text] [--no-lex] [--no-disk] [--no-read]
 *              (--reuters DIR | PATH...)
 *
 * PATH... are files or directories read with annal_reader (plain text,
 * JSON Lines, .gz/.zst); --reuters DIR reads the reut2-*.xml files of
 * Reuters-21578 with a small extractor below (the text of every <BODY>,
 * entities decoded, the story's <DATE> as publication date).
 *
 * The engine is opened once (--dict, else $ANNAL_DICT, else annal.dict
 * beside the program).  Every document is first read into memory; then
 * four things are measured, each over N timed runs (default 5) after one
 * untimed warm-up run, with one annal_doc reused for every document:
 *
 *   text        annal_doc_process(TOKENS | NUMBERS | DATES) on the texts in
 *               memory: header, normalisation, tokens, sentences, numbers,
 *               dates.  This is "the text stage".
 *   text+lex    the same plus ANNAL_STAGE_LEX (lemmas, POS candidates).
 *   disk+text   end to end: annal_reader over the paths (or, for Reuters,
 *               reading the XML files and extracting the bodies) plus the
 *               text stage.  Files come from the page cache after the
 *               first run, so this measures reading and decoding, not the
 *               disk.
 *   read        the reading of disk+text alone, without annal_doc_process:
 *               what the reader (or the Reuters extractor) costs by itself.
 *
 * Only processing is inside the clock (CLOCK_MONOTONIC); MB are 10^6 bytes
 * of document text as given to annal_doc_process (for JSON Lines the
 * decoded "text", for Reuters the decoded body).  The program is
 * single-threaded, so MB/s is also MB/s per core.  Beside the wall-clock
 * figures it reports the share of wall time the process was on a CPU and
 * MB/s over the median CPU time (CLOCK_PROCESS_CPUTIME_ID), which shows
 * when another job on the machine stole time from a run.  Every run must
 * give the same counts; a difference is reported as an error.
 *
 * --no-text, --no-lex, --no-disk and --no-read leave a mode out.  --max-docs N keeps
 * only the first N documents (and implies --no-disk):
 * a small input for profiling under valgrind (bench/profile.sh).
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "annal.h"

#define BENCH_DEFAULT_RUNS 5
#define BENCH_MAX_RUNS 100
#define BENCH_STAGES (ANNAL_STAGE_TOKENS | ANNAL_STAGE_NUMBERS | ANNAL_STAGE_DATES)

/* ---- small helpers ---------------------------------------------------- */

static void *S_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "text_bench: out of memory\n");
        exit(2);
    }
    return q;
}

static double S_now(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int S_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double S_median(const double *v, size_t n)
{
    double tmp[BENCH_MAX_RUNS];
    memcpy(tmp, v, n * sizeof *v);
    qsort(tmp, n, sizeof *tmp, S_cmp_double);
    return n % 2 ? tmp[n / 2] : (tmp[n / 2 - 1] + tmp[n / 2]) / 2;
}

/* Opening the snapshot: annal_engine_open (map the file, check every
 * section and row) and annal_engine_free, BENCH_OPEN_RUNS times; prints
 * the median and the range. */
#define BENCH_OPEN_RUNS 21
static void S_measure_open(const annal_engine_opts *eo)
{
    double t[BENCH_OPEN_RUNS];
    annal_engine *e;
    annal_error err;

    for (size_t i = 0; i < BENCH_OPEN_RUNS; i++) {
        double t0 = S_now(CLOCK_MONOTONIC);
        if (annal_engine_open(eo, &e, &err) != ANNAL_OK)
            return;
        annal_engine_free(e);
        t[i] = S_now(CLOCK_MONOTONIC) - t0;
    }
    qsort(t, BENCH_OPEN_RUNS, sizeof t[0], S_cmp_double);
    printf("  snapshot   open + check + close: median %.2f ms (min %.2f, max %.2f; %d runs)\n",
           t[BENCH_OPEN_RUNS / 2] * 1e3, t[0] * 1e3, t[BENCH_OPEN_RUNS - 1] * 1e3, BENCH_OPEN_RUNS);
}

/* Whole file into a malloc'd buffer (NUL-terminated); NULL on error. */
static char *S_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    size_t n = 0, cap = 0, got;

    if (!f)
        return NULL;
    do {
        if (cap - n < 65536)
            p = S_xrealloc(p, cap = cap ? cap * 2 : 1 << 20);
        got = fread(p + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        fclose(f);
        free(p);
        return NULL;
    }
    fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

/* memmem() is a GNU extension; this does the same for short needles. */
static const char *S_find(const char *h, size_t hn, const char *nd, size_t nn)
{
    const char *end = h + hn, *p = h;

    if (nn == 0 || hn < nn)
        return nn == 0 ? h : NULL;
    while ((p = memchr(p, nd[0], (size_t)(end - p) - nn + 1)) != NULL) {
        if (memcmp(p, nd, nn) == 0)
            return p;
        if (++p > end - nn)
            break;
    }
    return NULL;
}

/* ---- the documents in memory ------------------------------------------ */

typedef struct bdoc {
    char *text;
    size_t len;
    annal_ymd published;
    int plain_text;
} bdoc;

typedef struct corpus {
    bdoc *v;
    size_t n, cap;
    uint64_t bytes;
    uint64_t skipped;    /* reader problems, Reuters stories without body */
    size_t max;          /* keep at most this many documents (0: all) */
} corpus;

static void S_add(corpus *c, const char *text, size_t len, annal_ymd pub,
                  int plain_text)
{
    bdoc *d;

    if (c->max && c->n >= c->max)
        return;
    if (c->n == c->cap)
        c->v = S_xrealloc(c->v, (c->cap = c->cap ? c->cap * 2 : 1024) * sizeof *c->v);
    d = &c->v[c->n++];
    d->text = S_xrealloc(NULL, len + 1);
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    d->published = pub;
    d->plain_text = plain_text;
    c->bytes += len;
}

static void S_corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i].text);
    free(c->v);
}

/* ---- Reuters-21578 (XML version) ---------------------------------------- */

static size_t S_put_utf8(char *o, uint32_t u)
{
    if (u < 0x80) {
        o[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        o[0] = (char)(0xC0 | u >> 6);
        o[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u >= 0xD800 && u <= 0xDFFF)
        u = 0xFFFD;
    if (u < 0x10000) {
        o[0] = (char)(0xE0 | u >> 12);
        o[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        o[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    if (u > 0x10FFFF)
        return S_put_utf8(o, 0xFFFD);
    o[0] = (char)(0xF0 | u >> 18);
    o[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    o[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

/* Decodes XML entities of s[0..n) into out (room for n bytes: no entity
 * expands beyond its own length).  Numeric references to control
 * characters (the &#3; end-of-text mark) are dropped. */
static size_t S_unescape(const char *s, size_t n, char *out)
{
    static const struct { const char *name; size_t len; char c; } ent[] = {
        {"&lt;", 4, '<'}, {"&gt;", 4, '>'}, {"&amp;", 5, '&'},
        {"&quot;", 6, '"'}, {"&apos;", 6, '\''}};
    size_t i = 0, o = 0;

    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t run = amp ? (size_t)(amp - (s + i)) : n - i, k;
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (i >= n)
            break;
        for (k = 0; k < sizeof ent / sizeof ent[0]; k++)
            if (n - i >= ent[k].len && memcmp(s + i, ent[k].name, ent[k].len) == 0)
                break;
        if (k < sizeof ent / sizeof ent[0]) {
            out[o++] = ent[k].c;
            i += ent[k].len;
            continue;
        }
        if (i + 3 < n && s[i + 1] == '#') {
            int hex = s[i + 2] == 'x' || s[i + 2] == 'X';
            size_t j = i + 2 + (size_t)hex;
            uint32_t u = 0;
            while (j < n && j - i < 12 &&
                   ((s[j] >= '0' && s[j] <= '9') ||
                    (hex && ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'f')))) {
                int dv = s[j] <= '9' ? s[j] - '0' : (s[j] | 32) - 'a' + 10;
                u = u * (hex ? 16u : 10u) + (uint32_t)dv;
                j++;
            }
            if (j < n && s[j] == ';' && j > i + 2 + (size_t)hex) {
                if (u >= 0x20 || u == '\n' || u == '\t')
                    o += S_put_utf8(out + o, u);
                i = j + 1;
                continue;
            }
        }
        out[o++] = s[i++];   /* a lone '&' */
    }
    return o;
}

/* The text between <tag> and </tag> in [p, end), or NULL. */
static const char *S_element(const char *p, const char *end, const char *tag,
                             size_t *len)
{
    char open[32], close[32];
    const char *a, *b;
    size_t ol, cl;

    ol = (size_t)snprintf(open, sizeof open, "<%s>", tag);
    cl = (size_t)snprintf(close, sizeof close, "</%s>", tag);
    if (!(a = S_find(p, (size_t)(end - p), open, ol)))
        return NULL;
    a += ol;
    if (!(b = S_find(a, (size_t)(end - a), close, cl)))
        return NULL;
    *len = (size_t)(b - a);
    return a;
}

/* "26-FEB-1987 15:01:01.79" -> 1987-02-26 (year 0 if not understood). */
static annal_ymd S_reuters_date(const char *s, size_t n)
{
    static const char months[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    annal_ymd d = {0, 0, 0};
    const char *p = s, *end = s + n;
    int day = 0, year = 0, mon = 0;

    while (p < end && *p == ' ')
        p++;
    while (p < end && *p >= '0' && *p <= '9')
        day = day * 10 + (*p++ - '0');
    if (end - p < 9 || *p != '-' || p[4] != '-')
        return d;
    for (int m = 0; m < 12; m++)
        if (memcmp(p + 1, months + 3 * m, 3) == 0)
            mon = m + 1;
    for (p += 5; p < end && *p >= '0' && *p <= '9'; p++)
        year = year * 10 + (*p - '0');
    if (mon && day >= 1 && day <= 31 && year > 1900 && year < 3000) {
        d.year = (int16_t)year;
        d.month = (uint8_t)mon;
        d.day = (uint8_t)day;
    }
    return d;
}

typedef void (*story_fn)(void *ctx, const char *text, size_t len, annal_ymd pub);

/* Calls fn for the body of every story in the XML text xml[0..n); returns
 * the number of stories without a <BODY>. */
static uint64_t S_reuters_stories(const char *xml, size_t n, char **scratch,
                                  size_t *scap, story_fn fn, void *ctx)
{
    const char *p = xml, *end = xml + n;
    uint64_t nobody = 0;

    for (;;) {
        const char *s = S_find(p, (size_t)(end - p), "<REUTERS", 8), *e, *body, *date;
        size_t blen = 0, dlen = 0;
        annal_ymd pub = {0, 0, 0};
        if (!s)
            break;
        if (!(e = S_find(s, (size_t)(end - s), "</REUTERS>", 10)))
            e = end;
        if ((date = S_element(s, e, "DATE", &dlen)) != NULL)
            pub = S_reuters_date(date, dlen);
        if ((body = S_element(s, e, "BODY", &blen)) != NULL) {
            if (*scap < blen + 1)
                *scratch = S_xrealloc(*scratch, *scap = blen + 1);
            fn(ctx, *scratch, S_unescape(body, blen, *scratch), pub);
        } else {
            nobody++;
        }
        p = e;
    }
    return nobody;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir/reut2-NNN.xml in name order; returns the count (0: none). */
static size_t S_reuters_files(const char *dir, char ***out)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **v = NULL;
    size_t n = 0;

    *out = NULL;
    if (!d)
        return 0;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (strncmp(de->d_name, "reut2-", 6) != 0 || l < 10 ||
            strcmp(de->d_name + l - 4, ".xml") != 0)
            continue;
        v = S_xrealloc(v, (n + 1) * sizeof *v);
        v[n] = S_xrealloc(NULL, strlen(dir) + l + 2);
        sprintf(v[n], "%s/%s", dir, de->d_name);
        n++;
    }
    closedir(d);
    qsort(v, n, sizeof *v, S_cmp_str);
    *out = v;
    return n;
}

/* ---- processing --------------------------------------------------------- */

typedef struct counts {
    uint64_t docs, bytes, sents, toks, nums, dates, warns;
} counts;

typedef struct proc {
    annal_doc *doc;
    unsigned stages;
    counts c;
    const char *label;
} proc;

static void S_process(proc *pr, const char *text, size_t len,
                      const annal_doc_meta *meta)
{
    annal_error err;

    if (pr->stages == 0) {   /* "read": reading only */
        pr->c.docs++;
        pr->c.bytes += len;
        return;
    }
    if (annal_doc_process(pr->doc, text, len, meta, pr->stages, &err) != ANNAL_OK) {
        fprintf(stderr, "text_bench: %s: %s\n", pr->label, err.msg);
        exit(1);
    }
    pr->c.docs++;
    pr->c.bytes += len;
    pr->c.sents += annal_doc_nsentences(pr->doc);
    pr->c.toks += annal_doc_ntokens(pr->doc);
    pr->c.nums += annal_doc_nnumbers(pr->doc);
    pr->c.dates += annal_doc_ndates(pr->doc);
    pr->c.warns += annal_doc_nwarnings(pr->doc);
}

static void S_run_memory(proc *pr, const corpus *c)
{
    annal_doc_meta meta;

    memset(&meta, 0, sizeof meta);
    meta.origin = pr->label;
    for (size_t i = 0; i < c->n; i++) {
        meta.published = c->v[i].published;
        meta.plain_text = c->v[i].plain_text;
        S_process(pr, c->v[i].text, c->v[i].len, &meta);
    }
}

typedef struct reader_ctx {
    uint64_t problems;
    int quiet;
} reader_ctx;

static void S_report(void *ctx, const annal_error *e)
{
    reader_ctx *rc = ctx;
    if (!rc->quiet && rc->problems < 5)
        fprintf(stderr, "text_bench: reader: %s\n", e->msg);
    rc->problems++;
}

/* Reads every document of paths; with pr, processes each (end to end),
 * with c, copies each into memory.  Returns the reader's skipped count. */
static uint64_t S_run_reader(const char *const *paths, size_t npaths,
                             proc *pr, corpus *c, int quiet)
{
    reader_ctx rc = {0, quiet};
    annal_reader_opts ro;
    annal_reader *r;
    annal_input in;
    annal_error err;
    uint64_t skipped;

    memset(&ro, 0, sizeof ro);
    ro.report = S_report;
    ro.report_ctx = &rc;
    if (annal_reader_open(paths, npaths, &ro, &r, &err) != ANNAL_OK) {
        fprintf(stderr, "text_bench: %s\n", err.msg);
        exit(1);
    }
    while (annal_reader_next(r, &in)) {
        if (pr)
            S_process(pr, in.text, in.len, &in.meta);
        if (c)
            S_add(c, in.text, in.len, in.meta.published, in.meta.plain_text);
    }
    skipped = annal_reader_skipped(r);
    annal_reader_free(r);
    return skipped;
}

typedef struct reuters_sink {
    proc *pr;
    corpus *c;
} reuters_sink;

static void S_reuters_story(void *ctx, const char *text, size_t len, annal_ymd pub)
{
    reuters_sink *rs = ctx;
    if (rs->pr) {
        annal_doc_meta meta;
        memset(&meta, 0, sizeof meta);
        meta.origin = rs->pr->label;
        meta.published = pub;
        S_process(rs->pr, text, len, &meta);
    }
    if (rs->c)
        S_add(rs->c, text, len, pub, 0);
}

/* Reads the Reuters files; processes and/or copies every body. */
static uint64_t S_run_reuters(char **files, size_t nfiles, proc *pr, corpus *c)
{
    reuters_sink rs = {pr, c};
    char *scratch = NULL;
    size_t scap = 0;
    uint64_t nobody = 0;

    for (size_t i = 0; i < nfiles; i++) {
        size_t len;
        char *xml = S_slurp(files[i], &len);
        if (!xml) {
            fprintf(stderr, "text_bench: cannot read %s: %s\n", files[i], strerror(errno));
            exit(1);
        }
        nobody += S_reuters_stories(xml, len, &scratch, &scap, S_reuters_story, &rs);
        free(xml);
    }
    free(scratch);
    return nobody;
}

/* ---- measuring ---------------------------------------------------------- */

typedef struct input {
    const char *const *paths;
    size_t npaths;
    char **rfiles;      /* Reuters XML files, or NULL */
    size_t nrfiles;
    const corpus *mem;
} input;

enum { MODE_MEMORY, MODE_DISK };

typedef struct result {
    const char *name;
    size_t runs;
    double secs[BENCH_MAX_RUNS];
    double cpus[BENCH_MAX_RUNS];   /* process CPU seconds of each run */
    double cpu;           /* process CPU seconds over the timed runs */
    double wall;          /* wall seconds over the timed runs */
    counts c;
} result;

static void S_one(proc *pr, const input *in, int mode)
{
    if (mode == MODE_MEMORY)
        S_run_memory(pr, in->mem);
    else if (in->rfiles)
        S_run_reuters(in->rfiles, in->nrfiles, pr, NULL);
    else
        S_run_reader(in->paths, in->npaths, pr, NULL, 1);
}

static void S_measure(const annal_engine *eng, const input *in, int mode,
                      unsigned stages, size_t runs, const char *name,
                      result *res)
{
    proc pr;

    memset(&pr, 0, sizeof pr);
    memset(res, 0, sizeof *res);
    res->name = name;
    res->runs = runs;
    if (!(pr.doc = annal_doc_new(eng))) {
        fprintf(stderr, "text_bench: out of memory\n");
        exit(2);
    }
    pr.stages = stages;
    pr.label = name;
    S_one(&pr, in, mode);   /* warm-up: page cache, doc capacity, counts */
    res->c = pr.c;
    for (size_t r = 0; r < runs; r++) {
        double c0, t0, t1, c1;
        memset(&pr.c, 0, sizeof pr.c);
        c0 = S_now(CLOCK_PROCESS_CPUTIME_ID);
        t0 = S_now(CLOCK_MONOTONIC);
        S_one(&pr, in, mode);
        t1 = S_now(CLOCK_MONOTONIC);
        c1 = S_now(CLOCK_PROCESS_CPUTIME_ID);
        res->secs[r] = t1 - t0;
        res->cpus[r] = c1 - c0;
        res->wall += t1 - t0;
        res->cpu += c1 - c0;
        if (memcmp(&pr.c, &res->c, sizeof pr.c) != 0) {
            fprintf(stderr, "text_bench: %s: run %zu gave different counts\n", name, r + 1);
            exit(1);
        }
    }
    annal_doc_free(pr.doc);
}

static void S_print_counts(const counts *c, const char *what)
{
    printf("  %-10s docs %llu  MB %.2f  sentences %llu  tokens %llu  numbers %llu  "
           "dates %llu  warnings %llu\n",
           what, (unsigned long long)c->docs, (double)c->bytes / 1e6,
           (unsigned long long)c->sents, (unsigned long long)c->toks,
           (unsigned long long)c->nums, (unsigned long long)c->dates,
           (unsigned long long)c->warns);
}

static void S_print_row(const result *r)
{
    double med = S_median(r->secs, r->runs), mn = r->secs[0], mx = r->secs[0];
    double cmed = S_median(r->cpus, r->runs);

    for (size_t i = 1; i < r->runs; i++) {
        mn = r->secs[i] < mn ? r->secs[i] : mn;
        mx = r->secs[i] > mx ? r->secs[i] : mx;
    }
    printf("  %-10s %4zu %9.3f %9.3f %9.3f %9.1f %12.0f %8.0f %7.0f%% %9.1f\n", r->name,
           r->runs, med, mn, mx, (double)r->c.bytes / 1e6 / med, (double)r->c.sents / med,
           (double)r->c.docs / med, r->wall > 0 ? 100.0 * r->cpu / r->wall : 0.0,
           cmed > 0 ? (double)r->c.bytes / 1e6 / cmed : 0.0);
}

static void S_usage(void)
{
    fprintf(stderr,
            "usage: text_bench [--dict PATH] [--runs N] [--label NAME] [--max-docs N]\n"
            "                  [--no-text] [--no-lex] [--no-disk] [--no-read]\n"
            "                  (--reuters DIR | PATH...)\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *dict = NULL, *label = NULL, *reuters = NULL;
    const char **paths = S_xrealloc(NULL, (size_t)argc * sizeof *paths);
    size_t npaths = 0, runs = BENCH_DEFAULT_RUNS, max_docs = 0;
    int text = 1, lex = 1, disk = 1, rd = 1;
    annal_engine_opts eo;
    annal_engine *eng;
    annal_error err;
    corpus mem;
    input in;
    result res[5];
    size_t nres = 0;
    struct rusage ru;
    double t0, load_s;
    uint64_t skipped;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (strcmp(a, "--dict") == 0 && has)
            dict = argv[++i];
        else if (strcmp(a, "--runs") == 0 && has)
            runs = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(a, "--label") == 0 && has)
            label = argv[++i];
        else if (strcmp(a, "--reuters") == 0 && has)
            reuters = argv[++i];
        else if (strcmp(a, "--no-text") == 0)
            text = 0;
        else if (strcmp(a, "--no-lex") == 0)
            lex = 0;
        else if (strcmp(a, "--no-disk") == 0)
            disk = 0;
        else if (strcmp(a, "--no-read") == 0)
            rd = 0;
        else if (strcmp(a, "--max-docs") == 0 && has)
            max_docs = (size_t)strtoul(argv[++i], NULL, 10);
        else if (a[0] == '-' && a[1] == '-')
            S_usage();
        else
            paths[npaths++] = a;
    }
    if (runs < 1 || runs > BENCH_MAX_RUNS || (!reuters) == (npaths == 0))
        S_usage();

    memset(&eo, 0, sizeof eo);
    eo.dict_path = dict;
    if (annal_engine_open(&eo, &eng, &err) != ANNAL_OK) {
        fprintf(stderr, "text_bench: %s\n", err.msg);
        return 2;
    }

    S_measure_open(&eo);

    memset(&mem, 0, sizeof mem);
    memset(&in, 0, sizeof in);
    mem.max = max_docs;
    if (max_docs)
        disk = rd = 0;   /* the disk modes would read everything */
    t0 = S_now(CLOCK_MONOTONIC);
    if (reuters) {
        if (!(in.nrfiles = S_reuters_files(reuters, &in.rfiles))) {
            fprintf(stderr, "text_bench: no reut2-*.xml files in %s\n", reuters);
            return 2;
        }
        skipped = S_run_reuters(in.rfiles, in.nrfiles, NULL, &mem);
    } else {
        in.paths = paths;
        in.npaths = npaths;
        skipped = S_run_reader(paths, npaths, NULL, &mem, 0);
    }
    load_s = S_now(CLOCK_MONOTONIC) - t0;
    in.mem = &mem;
    if (mem.n == 0) {
        fprintf(stderr, "text_bench: no documents in the input\n");
        return 2;
    }

    printf("== %s\n", label ? label : reuters ? reuters : paths[0]);
    printf("  input      %s%s\n", reuters ? reuters : paths[0],
           reuters ? " (reut2-*.xml, <BODY> texts)" : npaths > 1 ? " ..." : "");
    printf("  loaded     %zu documents, %.2f MB into memory in %.2f s; %llu %s\n", mem.n,
           (double)mem.bytes / 1e6, load_s, (unsigned long long)skipped,
           reuters ? "stories without <BODY> skipped" : "inputs skipped by the reader");
    fflush(stdout);

    if (text)
        S_measure(eng, &in, MODE_MEMORY, BENCH_STAGES, runs, "text", &res[nres++]);
    if (lex)
        S_measure(eng, &in, MODE_MEMORY, BENCH_STAGES | ANNAL_STAGE_LEX, runs, "text+lex",
                  &res[nres++]);
    if (lex)
        S_measure(eng, &in, MODE_MEMORY, BENCH_STAGES | ANNAL_STAGE_LEX | ANNAL_STAGE_ACTORS, runs,
                  "+actors", &res[nres++]);
    if (disk)
        S_measure(eng, &in, MODE_DISK, BENCH_STAGES, runs, "disk+text", &res[nres++]);
    if (rd)
        S_measure(eng, &in, MODE_DISK, 0, runs, "read", &res[nres++]);

    if (nres == 0 || (nres == 1 && rd)) {
        fprintf(stderr, "text_bench: nothing to measure\n");
        return 2;
    }
    S_print_counts(&res[0].c, "counts:");
    printf("  %-10s %4s %9s %9s %9s %9s %12s %8s %8s %9s\n", "mode", "runs", "median s",
           "min s", "max s", "MB/s", "sentences/s", "docs/s", "cpu", "cpu MB/s");
    for (size_t i = 0; i < nres; i++)
        S_print_row(&res[i]);
    getrusage(RUSAGE_SELF, &ru);
    printf("  peak RSS   %.1f MB (includes the %.1f MB corpus held in memory)\n",
           (double)ru.ru_maxrss / 1024.0, (double)mem.bytes / 1e6);
    printf("  modes: text = TOKENS|NUMBERS|DATES in memory; text+lex = plus LEX;\n"
           "         +actors = text+lex plus ACTORS (actor mentions and codes);\n"
           "         disk+text = reading the input from disk (page cache) plus text;\n"
           "         read = reading alone (no annal_doc_process)\n"
           "  MB/s and sentences/s use the median wall time; cpu = CPU time / wall time\n"
           "  over the runs; cpu MB/s uses the median CPU time (less sensitive to a busy\n"
           "  machine)\n");

    S_corpus_free(&mem);
    if (in.rfiles) {
        for (size_t i = 0; i < in.nrfiles; i++)
            free(in.rfiles[i]);
        free(in.rfiles);
    }
    free(paths);
    annal_engine_free(eng);
    return 0;
}
