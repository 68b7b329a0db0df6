/* test_reader.c - inputs: text, JSON Lines, directories, compression, and
 * bad input reported with file and line while the rest is read. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "test.h"

static char S_dir[256];
static char S_reports[8192];

static void S_report(void *ctx, const annal_error *e)
{
    size_t n = strlen(S_reports);
    (void)ctx;
    snprintf(S_reports + n, sizeof S_reports - n, "%s\n", e->msg);
}

static void S_write(const char *name, const void *data, size_t n)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", S_dir, name);
    f = fopen(path, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
}

static void S_write_gz(const char *name, const char *text)
{
    char path[512];
    gzFile g;
    snprintf(path, sizeof path, "%s/%s", S_dir, name);
    g = gzopen(path, "wb");
    gzwrite(g, text, (unsigned)strlen(text));
    gzclose(g);
}

static void S_write_zst(const char *name, const char *text, size_t cut)
{
    size_t cap = ZSTD_compressBound(strlen(text));
    void *buf = malloc(cap);
    size_t n = ZSTD_compress(buf, cap, text, strlen(text), 3);
    S_write(name, buf, n - cut);
    free(buf);
}

static void S_setup(void)
{
    char sub[300];
    snprintf(S_dir, sizeof S_dir, "/tmp/annal-reader-%d", (int)getpid());
    mkdir(S_dir, 0700);
    snprintf(sub, sizeof sub, "%s/sub", S_dir);
    mkdir(sub, 0700);
    S_reports[0] = '\0';
    S_write("a.txt", " date 2020-04-02 By Example Wire\n\nBy Jane Doe\n\nBody one.\n", 52);
    S_write("b.jsonl",
            "{\"id\":\"j1\",\"text\":\"First.\",\"published\":\"2019-05-06\"}\n"
            "not json\n"
            "\n"
            "{\"title\":\"no text\"}\n"
            "{\"text\":\"Bad \xff byte.\"}\n"
            "[1,2]\n", 0);
    {   /* S_write with n = 0 above was a placeholder; write for real */
        const char *j = "{\"id\":\"j1\",\"text\":\"First.\",\"published\":\"2019-05-06\"}\n"
                        "not json\n"
                        "\n"
                        "{\"title\":\"no text\"}\n"
                        "{\"text\":\"Bad \xff byte.\"}\n"
                        "[1,2]\n";
        S_write("b.jsonl", j, strlen(j));
    }
    S_write_gz("sub/c.txt.gz", "Compressed text.\n");
    S_write_zst("sub/d.jsonl.zst", "{\"id\":7,\"text\":\"From zstd.\"}\n", 0);
    S_write_zst("sub/e.txt.zst", "Truncated zstd text that goes on for a while.\n", 5);
    S_write("sub/f.txt", "%PDF-1.4 binary", 15);
    S_write("sub/ignored.csv", "x", 1);
}

static void S_teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", S_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "  cleanup failed\n");
}

static void directory_walk(void)
{
    const char *paths[2];
    annal_reader_opts o;
    annal_reader *r = NULL;
    annal_error err;
    annal_input in;
    char ids[1024] = "";
    char missing[300];

    S_setup();
    snprintf(missing, sizeof missing, "%s/missing.txt", S_dir);
    paths[0] = S_dir;
    paths[1] = missing;
    memset(&o, 0, sizeof o);
    o.report = S_report;
    CHECK_INT(annal_reader_open(paths, 2, &o, &r, &err), ANNAL_OK);
    while (annal_reader_next(r, &in)) {
        size_t n = strlen(ids);
        snprintf(ids + n, sizeof ids - n, "%s%s", n ? " " : "", in.meta.id);
        if (strcmp(in.meta.id, "j1") == 0) {
            CHECK_INT(in.meta.published.year, 2019);
            CHECK_MEM(in.text, in.len, "First.");
        }
        if (strcmp(in.meta.id, "a") == 0)
            CHECK(in.meta.plain_text);
    }
    /* sorted walk: a.txt, b.jsonl lines, then sub/ */
    CHECK_STR(ids, "a j1 b:5 c 7");
    CHECK(strstr(S_reports, "b.jsonl:2: invalid JSON") != NULL);
    CHECK(strstr(S_reports, "b.jsonl:4: no \"text\" field") != NULL);
    CHECK(strstr(S_reports, "b.jsonl:6: expected a JSON object") != NULL);
    CHECK(strstr(S_reports, "e.txt.zst: truncated zstd") != NULL);
    CHECK(strstr(S_reports, "f.txt: looks like a PDF file") != NULL);
    CHECK(strstr(S_reports, "missing.txt: cannot open") != NULL);
    CHECK_INT(annal_reader_skipped(r), 6);
    annal_reader_free(r);
    S_teardown();
}

static void header_and_byline(void)
{
    const char *t = " date 2020-04-02 By Example Wire\n\n\nBy Jane Doe\n\nBody text here.\n";
    annal_doc *d;
    annal_doc_meta m;
    annal_error err;
    memset(&m, 0, sizeof m);
    m.plain_text = 1;
    d = annal_doc_new(test_engine);
    CHECK_INT(annal_doc_process(d, t, strlen(t), &m, ANNAL_STAGE_ALL, &err), ANNAL_OK);
    CHECK_STR(annal_doc_get_meta(d)->source, "Example Wire");
    CHECK_STR(annal_doc_get_meta(d)->author, "Jane Doe");
    CHECK_INT(annal_doc_get_meta(d)->published.day, 2);
    CHECK_INT(annal_doc_nsentences(d), 1);
    CHECK_INT(annal_doc_sentences(d)[0].start, (long long)(strstr(t, "Body") - t));
    annal_doc_free(d);
}

static void byline_is_not_body(void)
{
    const char *t = "By Tuesday the troops had left the city.\n";
    annal_doc *d;
    annal_doc_meta m;
    annal_error err;
    memset(&m, 0, sizeof m);
    m.plain_text = 1;
    d = annal_doc_new(test_engine);
    CHECK_INT(annal_doc_process(d, t, strlen(t), &m, ANNAL_STAGE_ALL, &err), ANNAL_OK);
    CHECK(annal_doc_get_meta(d)->author == NULL);
    CHECK_INT(annal_doc_sentences(d)[0].start, 0);
    annal_doc_free(d);
}

TEST_SUITE(suite_reader) = {
    {"directory_walk", directory_walk},
    {"header_and_byline", header_and_byline},
    {"byline_is_not_body", byline_is_not_body},
    {NULL, NULL},
};
