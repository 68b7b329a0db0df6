/*
 * fuzz_snapshot.c - the dictionary snapshot loader on arbitrary bytes.
 *
 * annal_engine_open() maps a snapshot and trusts it once
 * annal_snapshot_parse() and annal_lexicon_load() have checked it, so a
 * snapshot they accept must be safe to use however corrupt it is.  Each
 * input is tried twice:
 *
 *   as it is       annal_snapshot_parse + annal_lexicon_load (the CRCs
 *                  reject almost every mutation here: that is the point of
 *                  them, and the header checks before them are fuzzed)
 *   checksummed    the same bytes with the file size, every in-bounds
 *                  section CRC, the table CRC and the header CRC recomputed,
 *                  so mutations reach the section readers' own checks
 *
 * and whenever a snapshot is accepted, it is used: lexicon lookups and
 * analyses of a word list, then the whole pipeline over a sample text with
 * an engine built on it (private headers: pipeline/engine.h).
 *
 * Seed: a small real snapshot (fuzz/run.sh builds one from a few WordNet
 * lines); the full annal.dict works too but is slow to mutate.
 */
#include <zlib.h>

#include "fuzz_common.h"
#include "../src/core/le.h"
#include "../src/dict/snapshot.h"
#include "../src/lex/lexicon_impl.h"
#include "../src/pipeline/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char S_sample[] =
    "date 2020-04-02 By Reuters\nBy Jane Doe\n\n"
    "Mr. Smith said about 30 people, including two dozen soldiers, were killed "
    "on April 2, 1993 and yesterday; the U.S. army fled.  More than 1,500 "
    "villagers fled 10 to 20 km in the 1990s.  Gen. Lee's forces occupied "
    "the town last week, some twenty-seven mice ran, hundreds were wounded "
    "between 5 and 7 p.m. on Tuesday.\n";

static const char *const S_words[] = {
    "the", "town", "fell", "fled", "killed", "mice", "occupied", "more", "more than",
    "mr", "gen", "april", "jan", "twenty", "dozen", "dozens", "hundreds", "yesterday",
    "last", "week", "about", "ies", "", "a", "\xc3\xa9t\xc3\xa9", "zzzzzzzzzzzzzzzz"};

static void S_use(const annal_snapshot *snap, const annal_lexicon *lx)
{
    char scratch[1024];
    struct annal_engine eng;
    annal_doc *doc;
    annal_doc_meta meta;
    annal_error err;

    for (size_t i = 0; i < sizeof S_words / sizeof S_words[0]; i++) {
        annal_lex_entry e;
        annal_lex_info info;
        size_t n = strlen(S_words[i]);
        if (annal_lexicon_find(lx, S_words[i], n, &e)) {
            for (uint32_t k = 0; k < e.nanal; k++) {
                uint32_t pos;
                const char *l;
                size_t ln;
                volatile char c = 0;
                annal_lex_entry_analysis(lx, &e, k, &pos, &l, &ln);
                for (size_t j = 0; j < ln; j++)
                    c ^= l[j];
                (void)c;
            }
        }
        memset(&info, 0, sizeof info);
        annal_lexicon_analyse(lx, S_words[i], n, scratch, sizeof scratch, &info);
    }

    memset(&eng, 0, sizeof eng);
    eng.limits = annal_limits_default();
    eng.snap = *snap;
    eng.snap.mapped = 0;
    eng.lex = *lx;
    if (!(doc = annal_doc_new(&eng)))
        return;
    memset(&meta, 0, sizeof meta);
    meta.id = "sample";
    meta.plain_text = 1;
    if (annal_doc_process(doc, S_sample, sizeof S_sample - 1, &meta, ANNAL_STAGE_ALL, &err) != ANNAL_OK)
        FUZZ_FAIL("pipeline over an accepted snapshot failed: %s", err.msg);
    fuzz_check_doc(doc, ANNAL_STAGE_ALL);
    annal_doc_free(doc);
}

static void S_try(const unsigned char *p, size_t size)
{
    annal_snapshot snap;
    annal_lexicon *lx;
    annal_error err;

    if (annal_snapshot_parse(p, size, "fuzz.dict", &snap, &err) != ANNAL_OK) {
        if (!err.msg[0] || err.code != ANNAL_EDICT)
            FUZZ_FAIL("snapshot rejected without an EDICT message: %s", err.msg);
        return;
    }
    /* The lexicon is large-ish (rules table); keep it off the stack. */
    lx = calloc(1, sizeof *lx);
    if (!lx)
        return;
    if (annal_lexicon_load(lx, &snap, "fuzz.dict", &err) == ANNAL_OK)
        S_use(&snap, lx);
    else if (!err.msg[0] || err.code != ANNAL_EDICT)
        FUZZ_FAIL("lexicon rejected without an EDICT message: %s", err.msg);
    free(lx);
}

static uint32_t S_crc(const unsigned char *p, uint64_t n)
{
    return (uint32_t)crc32(crc32(0L, Z_NULL, 0), p, (uInt)n);
}

/* Recomputes what the checksums and the size field cover. */
static void S_fix(unsigned char *d, size_t size)
{
    uint32_t n;
    uint64_t at;

    if (size < ANNAL_SNAPSHOT_HEADER)
        return;
    annal_put_le64(d + 16, size);
    n = annal_le32(d + 24);
    at = annal_le64(d + 32);
    if (n <= ANNAL_SNAPSHOT_MAX_SECTIONS && at >= ANNAL_SNAPSHOT_HEADER && at <= size &&
        size - at >= (uint64_t)n * 24) {
        for (uint32_t i = 0; i < n; i++) {
            unsigned char *row = d + at + (uint64_t)i * 24;
            uint64_t off = annal_le64(row + 8), len = annal_le64(row + 16);
            if (off >= ANNAL_SNAPSHOT_HEADER && off <= size && len <= size - off)
                annal_put_le32(row + 4, S_crc(d + off, len));
        }
        /* A section may overlap the table: fix rows, then the table CRC. */
        annal_put_le32(d + 28, S_crc(d + at, (uint64_t)n * 24));
    }
    memset(d + 60, 0, 4);
    annal_put_le32(d + 60, S_crc(d, ANNAL_SNAPSHOT_HEADER));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Exact-size copies: any read past the end is an ASan report. */
    unsigned char *p = malloc(size ? size : 1);

    fuzz_untrusted_dict = 1;
    if (!p)
        return 0;
    if (size)
        memcpy(p, data, size);
    S_try(p, size);
    if (size >= ANNAL_SNAPSHOT_HEADER) {
        S_fix(p, size);
        S_try(p, size);
    }
    free(p);
    return 0;
}
