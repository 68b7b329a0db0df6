/* test_snapshot.c - a corrupt snapshot gives a clean error, never a crash. */
#include <stdlib.h>
#include <zlib.h>

#include "test.h"
#include "../../src/core/le.h"
#include "../../src/dict/snapshot.h"
#include "../../src/lex/lexicon_impl.h"
#include "../../src/actors/table.h"

static unsigned char *S_data;
static size_t S_size;

static void S_release(void)
{
    free(S_data);
}

static void S_load(void)
{
    const char *path = getenv("ANNAL_DICT");
    FILE *f;
    long n;

    if (S_data || !path || !(f = fopen(path, "rb")))
        return;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    S_data = malloc((size_t)n);
    S_size = fread(S_data, 1, (size_t)n, f);
    atexit(S_release);
    fclose(f);
}

/* A private copy to damage. */
static unsigned char *S_copy(void)
{
    unsigned char *c = malloc(S_size);
    memcpy(c, S_data, S_size);
    return c;
}

/* Recomputes the table and header checksums after an edit, so that the
 * deeper checks are the ones exercised. */
static void S_reseal(unsigned char *d)
{
    uint32_t n = annal_le32(d + 24);
    uint64_t at = annal_le64(d + 32);
    unsigned char hdr[64];

    if (at <= S_size && (uint64_t)n * 24u <= S_size - at)   /* a table in bounds */
        annal_put_le32(d + 28, (uint32_t)crc32(0, d + at, n * 24u));
    memcpy(hdr, d, 64);
    memset(hdr + 60, 0, 4);
    annal_put_le32(d + 60, (uint32_t)crc32(0, hdr, 64));
}

static annal_status S_parse(const unsigned char *d, size_t n, annal_error *err)
{
    annal_snapshot s;
    annal_lexicon lx;
    annal_actor_table at;
    annal_status st = annal_snapshot_parse(d, n, "test.dict", &s, err);
    if (st == ANNAL_OK)
        st = annal_lexicon_load(&lx, &s, "test.dict", err);
    if (st == ANNAL_OK)
        st = annal_actor_table_load(&at, &s, "test.dict", err);
    return st;
}

static void S_expect_edict(const unsigned char *d, size_t n, const char *needle)
{
    annal_error err;
    annal_status st = S_parse(d, n, &err);
    CHECK_INT(st, ANNAL_EDICT);
    if (st == ANNAL_EDICT && !strstr(err.msg, needle)) {
        test_failures++;
        fprintf(stderr, "  message \"%s\" lacks \"%s\"\n", err.msg, needle);
    }
    if (st == ANNAL_EDICT)
        CHECK(strstr(err.msg, "test.dict") != NULL);
}

static void intact_loads(void)
{
    annal_error err;
    S_load();
    CHECK(S_data != NULL);
    if (S_data)
        CHECK_INT(S_parse(S_data, S_size, &err), ANNAL_OK);
}

static void truncated(void)
{
    S_load();
    if (!S_data)
        return;
    S_expect_edict(S_data, 10, "truncated");
    S_expect_edict(S_data, S_size - 1, "header says");
    S_expect_edict(S_data, 0, "truncated");
}

static void wrong_magic_version_bom(void)
{
    unsigned char *c;
    S_load();
    if (!S_data)
        return;
    c = S_copy();
    c[0] = 'X';
    S_expect_edict(c, S_size, "magic");
    memcpy(c, S_data, 64);
    annal_put_le32(c + 8, 99);
    S_expect_edict(c, S_size, "version");
    memcpy(c, S_data, 64);
    c[12] ^= 0xFF;
    S_expect_edict(c, S_size, "byte-order");
    memcpy(c, S_data, 64);
    c[40] ^= 1;   /* reserved byte: only the header checksum notices */
    S_expect_edict(c, S_size, "header checksum");
    free(c);
}

static void bad_offsets(void)
{
    unsigned char *c;
    uint64_t at;
    S_load();
    if (!S_data)
        return;
    c = S_copy();
    at = annal_le64(c + 32);
    annal_put_le64(c + at + 8, S_size + 100);   /* first section's offset */
    S_reseal(c);
    S_expect_edict(c, S_size, "out of bounds");
    memcpy(c, S_data, S_size);
    annal_put_le64(c + 32, S_size - 4);         /* table past the end */
    S_reseal(c);
    S_expect_edict(c, S_size, "out of bounds");
    memcpy(c, S_data, S_size);
    annal_put_le32(c + 24, 1000);               /* absurd section count */
    S_reseal(c);
    S_expect_edict(c, S_size, "sections");
    free(c);
}

static void damaged_payload(void)
{
    unsigned char *c;
    S_load();
    if (!S_data)
        return;
    c = S_copy();
    c[S_size / 2] ^= 0x40;
    S_expect_edict(c, S_size, "checksum");
    free(c);
}

/* Writes the 32-bit value v at byte `off` of section `sec` in c, then
 * makes every checksum right again, so that only the loader's own row
 * checks can notice.  0 if the section is missing or too small. */
static int S_damage(unsigned char *c, uint32_t sec, size_t off, uint32_t v)
{
    annal_snapshot s;
    annal_error err;
    const annal_section *e;
    size_t at;

    if (annal_snapshot_parse(c, S_size, "x", &s, &err) != ANNAL_OK ||
        !(e = annal_snapshot_find(&s, sec)) || e->size < off + 4)
        return 0;
    at = (size_t)(e->p - c);
    annal_put_le32(c + at + off, v);
    for (uint32_t i = 0; i < s.nsections; i++) {
        uint64_t t = annal_le64(c + 32) + 24ull * i;
        if (annal_le32(c + t) == sec)
            annal_put_le32(c + t + 4, (uint32_t)crc32(0, e->p, (uInt)e->size));
    }
    S_reseal(c);
    return 1;
}

/* An entry pointing outside the string pool, with checksums made right:
 * the lexicon's own bounds check must catch it. */
static void bad_entry_inside_valid_section(void)
{
    unsigned char *c;
    S_load();
    if (!S_data)
        return;
    c = S_copy();
    CHECK(S_damage(c, ANNAL_SEC_LEXE, 0, 0xFFFFFF00u));   /* key offset */
    S_expect_edict(c, S_size, "LEXE");
    free(c);
}

/* The actor sections: every kind of row is checked once at load. */
static void bad_actor_rows(void)
{
    static const struct {
        uint32_t sec;
        size_t off;
        uint32_t v;
        const char *needle;
    } cases[] = {
        {ANNAL_SEC_ACTK, 0, 0xFFFFFF00u, "ACTK"},              /* key string */
        {ANNAL_SEC_ACTK, 12, 0x7FFFFFFFu, "ACTK"},             /* value count */
        {ANNAL_SEC_ACTV, 4, 0xFFFFFFF0u, "ACTV"},              /* code string */
        {ANNAL_SEC_ACTV, 12, 0x7FFFFFFFu, "ACTV"},             /* from >= until */
        {ANNAL_SEC_ACTH, 0, 3, "ACTH"},                        /* not a power of 2 */
        {ANNAL_SEC_ACTH, 4, 99, "ACTH"},                       /* words in a key */
        {ANNAL_SEC_CTRY, 0, 0x00616161u, "CTRY"},              /* "aaa" */
        {ANNAL_SEC_CAME, 12, 9, "CAME"},                       /* QuadClass 9 */
        {ANNAL_SEC_CAME, 40, 0xFFFFFF00u, "CAME"},             /* name string */
    };
    unsigned char *c;

    S_load();
    if (!S_data)
        return;
    c = S_copy();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memcpy(c, S_data, S_size);
        CHECK(S_damage(c, cases[i].sec, cases[i].off, cases[i].v));
        S_expect_edict(c, S_size, cases[i].needle);
    }
    free(c);
}

/* A slot of the hash table that names a key past the end. */
static void bad_actor_slot(void)
{
    annal_snapshot s;
    annal_error err;
    const annal_section *h;
    unsigned char *c;

    S_load();
    if (!S_data)
        return;
    c = S_copy();
    if (annal_snapshot_parse(c, S_size, "x", &s, &err) != ANNAL_OK ||
        !(h = annal_snapshot_find(&s, ANNAL_SEC_ACTH))) {
        CHECK(0);
        free(c);
        return;
    }
    CHECK(S_damage(c, ANNAL_SEC_ACTH, h->size - 4, 0x00FFFFFFu));
    S_expect_edict(c, S_size, "ACTH");
    free(c);
}

static void engine_names_the_file(void)
{
    annal_engine_opts o = {"/nonexistent/annal.dict", NULL, NULL};
    annal_engine *e = NULL;
    annal_error err;
    CHECK_INT(annal_engine_open(&o, &e, &err), ANNAL_EDICT);
    CHECK(e == NULL);
    CHECK(strstr(err.msg, "/nonexistent/annal.dict") != NULL);
}

TEST_SUITE(suite_snapshot) = {
    {"intact_loads", intact_loads},
    {"truncated", truncated},
    {"wrong_magic_version_bom", wrong_magic_version_bom},
    {"bad_actor_rows", bad_actor_rows},
    {"bad_actor_slot", bad_actor_slot},
    {"bad_offsets", bad_offsets},
    {"damaged_payload", damaged_payload},
    {"bad_entry_inside_valid_section", bad_entry_inside_valid_section},
    {"engine_names_the_file", engine_names_the_file},
    {NULL, NULL},
};
