/*
 * fuzz_pipeline.c - the whole text pipeline on arbitrary bytes.
 *
 * Input: one option byte, then the document text.
 *   bit 0     engine: default limits, or small limits (every limit reachable)
 *   bits 1-2  publication date: none, 2020-04-02, 2000-02-29, 9999-12-31
 *   bit 3     plain text (parse the "date ... By ..." header and byline)
 *   bits 4-6  stages: ANNAL_STAGE_ALL (0-3), TOKENS, TOKENS|LEX,
 *             DATES, NUMBERS
 *   bit 7     a reader note (as for converted UTF-16)
 *
 * One annal_doc per engine is reused across inputs, as a worker reuses it
 * for a stream, so state left over from one document is exercised too.
 *
 *   ANNAL_DICT=build/annal.dict ./fuzz_pipeline corpus/ -dict=fuzz/pipeline.dict
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static annal_engine *S_eng[2];
static annal_doc *S_doc[2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    annal_limits small = fuzz_small_limits();

    (void)argc;
    (void)argv;
    S_eng[0] = fuzz_open_engine(NULL);
    S_eng[1] = fuzz_open_engine(&small);
    for (int i = 0; i < 2; i++)
        if (!(S_doc[i] = annal_doc_new(S_eng[i]))) {
            fprintf(stderr, "fuzz: annal_doc_new failed\n");
            exit(2);
        }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned stage_sel[8] = {
        ANNAL_STAGE_ALL, ANNAL_STAGE_ALL, ANNAL_STAGE_ALL, ANNAL_STAGE_ALL,
        ANNAL_STAGE_TOKENS, ANNAL_STAGE_TOKENS | ANNAL_STAGE_LEX,
        ANNAL_STAGE_TOKENS | ANNAL_STAGE_DATES, ANNAL_STAGE_TOKENS | ANNAL_STAGE_NUMBERS};
    unsigned opt = size ? data[0] : 0;
    annal_doc *doc = S_doc[opt & 1];
    annal_doc_meta meta;
    annal_error err;
    unsigned stages = stage_sel[(opt >> 4) & 7];
    char *text;
    size_t len = size ? size - 1 : 0;
    annal_status st;

    /* An exact-size copy: a read past the end is an ASan report. */
    text = malloc(len ? len : 1);
    if (!text)
        return 0;
    if (len)
        memcpy(text, data + 1, len);
    memset(&meta, 0, sizeof meta);
    meta.id = "fuzz";
    meta.origin = "fuzz-input";
    meta.published = fuzz_published(opt >> 1);
    meta.plain_text = (opt >> 3) & 1;
    meta.note = (opt & 0x80) ? "UTF-16 text converted to UTF-8; spans refer to the UTF-8 text" : NULL;

    st = annal_doc_process(doc, text, len, &meta, stages, &err);
    if (st != ANNAL_OK) {
        /* Only ENOMEM and EUSAGE are errors (annal.h); neither can happen
         * here, and the message must say what happened. */
        FUZZ_FAIL("annal_doc_process returned %s: %s", annal_status_name(st), err.msg);
    }
    /* ALL adds the dependencies of every stage; the checks need to know
     * which were run.  Dates and numbers imply TOKENS. */
    if (stages != ANNAL_STAGE_ALL)
        stages |= ANNAL_STAGE_TOKENS;
    fuzz_check_doc(doc, stages);
    free(text);
    return 0;
}
