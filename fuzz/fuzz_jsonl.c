/*
 * fuzz_jsonl.c - the reader (JSON Lines, plain text, gzip and zstd
 * streams) on arbitrary file contents, and every document it yields
 * through the pipeline.
 *
 * Input: one option byte, then the file's bytes.
 *   bits 0-1  format: JSONL, JSONL, TEXT, AUTO (AUTO reads a name without
 *             .jsonl as text)
 *   bit 2     small limits (max_doc_bytes 300: JSON lines over 64 KiB + 600
 *             bytes are "too long")
 *   bits 3-4  --published: none, 2020-04-02, 2000-02-29, 9999-12-31
 *   bit 5     the file is given twice (state between files)
 *
 * The bytes go to a memfd read through /proc/self/fd/N, so no temp file
 * is left behind.  Besides crashes and sanitizer reports, the target
 * checks the reader's promises: every report names the file, every
 * document's text is as long as it says and no longer than max_doc_bytes
 * + 1 (text) or a JSON line, and every document goes through the pipeline
 * with the checks of fuzz_common.h.
 *
 *   ANNAL_DICT=build/annal.dict ./fuzz_jsonl corpus/ -dict=fuzz/jsonl.dict
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static annal_engine *S_eng[2];
static annal_doc *S_doc[2];
static annal_limits S_lim[2];
static int S_fd = -1;
static char S_path[64];
static unsigned long S_reports;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    S_lim[0] = annal_limits_default();
    S_lim[1] = fuzz_small_limits();
    for (int i = 0; i < 2; i++) {
        S_eng[i] = fuzz_open_engine(&S_lim[i]);
        if (!(S_doc[i] = annal_doc_new(S_eng[i]))) {
            fprintf(stderr, "fuzz: annal_doc_new failed\n");
            exit(2);
        }
    }
    S_fd = memfd_create("annal-fuzz-input", 0);
    if (S_fd < 0) {
        perror("fuzz: memfd_create");
        exit(2);
    }
    snprintf(S_path, sizeof S_path, "/proc/self/fd/%d", S_fd);
    return 0;
}

static void S_report(void *ctx, const annal_error *e)
{
    (void)ctx;
    S_reports++;
    if (!e->msg[0])
        FUZZ_FAIL("reader report with an empty message");
    /* Every problem names the file it was found in. */
    if (!strstr(e->msg, S_path))
        FUZZ_FAIL("reader report does not name the file: \"%s\"", e->msg);
    if (e->code == ANNAL_OK)
        FUZZ_FAIL("reader report with status OK: \"%s\"", e->msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const annal_input_format fmt[4] = {ANNAL_INPUT_JSONL, ANNAL_INPUT_JSONL,
                                              ANNAL_INPUT_TEXT, ANNAL_INPUT_AUTO};
    unsigned opt = size ? data[0] : 0;
    int small = (opt >> 2) & 1;
    const char *paths[2] = {S_path, S_path};
    annal_reader_opts ro;
    annal_reader *r = NULL;
    annal_input in;
    annal_error err;
    size_t body = size ? size - 1 : 0;
    unsigned long docs = 0;

    if (ftruncate(S_fd, 0) != 0 ||
        (body && pwrite(S_fd, data + 1, body, 0) != (ssize_t)body)) {
        perror("fuzz: writing the memfd");
        exit(2);
    }
    memset(&ro, 0, sizeof ro);
    ro.format = fmt[opt & 3];
    ro.limits = &S_lim[small];
    ro.published = fuzz_published(opt >> 3);
    ro.report = S_report;
    S_reports = 0;
    if (annal_reader_open(paths, (opt & 0x20) ? 2 : 1, &ro, &r, &err) != ANNAL_OK)
        FUZZ_FAIL("annal_reader_open failed: %s", err.msg);
    while (annal_reader_next(r, &in)) {
        annal_status st;
        docs++;
        if (!in.text)
            FUZZ_FAIL("document %lu with a NULL text", docs);
        /* Touch every byte: ASan reports a text shorter than in.len. */
        {
            volatile unsigned char sum = 0;
            for (size_t i = 0; i < in.len; i++)
                sum ^= (unsigned char)in.text[i];
            (void)sum;
        }
        if (!in.meta.id || !in.meta.id[0])
            FUZZ_FAIL("document %lu has no id", docs);
        if (!in.meta.origin || strcmp(in.meta.origin, S_path) != 0)
            FUZZ_FAIL("document %lu origin \"%s\" is not the file", docs,
                      in.meta.origin ? in.meta.origin : "(null)");
        st = annal_doc_process(S_doc[small], in.text, in.len, &in.meta, ANNAL_STAGE_ALL, &err);
        if (st != ANNAL_OK)
            FUZZ_FAIL("annal_doc_process returned %s: %s", annal_status_name(st), err.msg);
        fuzz_check_doc(S_doc[small], ANNAL_STAGE_ALL);
    }
    if (annal_reader_skipped(r) != S_reports)
        FUZZ_FAIL("%llu skipped but %lu reports", (unsigned long long)annal_reader_skipped(r),
                  S_reports);
    annal_reader_free(r);
    return 0;
}
