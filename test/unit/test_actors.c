/*
 * test_actors.c - the actor data checks (one case per finding code, each
 * reported with its file and line), the public dictionary and CAMEO
 * lookups, and the seed article's actors through the whole pipeline.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "../../src/dict/actors_build.h"

#define S_ISO_DIR "/usr/share/iso-codes/json"
#define S_MAX_FINDINGS 16

typedef struct finding {
    char file[256];
    uint64_t line;
    int is_error;
    char code[32];
} finding;

typedef struct findings {
    finding f[S_MAX_FINDINGS];
    size_t n;
} findings;

static void S_collect(void *ctx, const char *file, uint64_t line, int is_error, const char *code,
                      const char *msg)
{
    findings *fs = ctx;
    const char *base = strrchr(file, '/');

    (void)msg;
    if (fs->n == S_MAX_FINDINGS)
        return;
    snprintf(fs->f[fs->n].file, sizeof fs->f[0].file, "%s", base ? base + 1 : file);
    fs->f[fs->n].line = line;
    fs->f[fs->n].is_error = is_error;
    snprintf(fs->f[fs->n].code, sizeof fs->f[0].code, "%s", code);
    fs->n++;
}

static void S_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Reads an actors dir holding one file x.txt with `actors`, and a CAMEO
 * file with `cameo`; returns what was reported. */
static findings S_read(const char *actors, const char *cameo)
{
    char dir[] = "/tmp/annal-actors-XXXXXX", path[192], cpath[192], adir[128];
    annal_actors_build_opts o;
    annal_actors_build *b = NULL;
    annal_error err;
    findings fs;

    memset(&fs, 0, sizeof fs);
    if (!mkdtemp(dir)) {
        CHECK(0);
        return fs;
    }
    snprintf(adir, sizeof adir, "%s/actors", dir);
    mkdir(adir, 0700);
    snprintf(path, sizeof path, "%s/x.txt", adir);
    S_write(path, actors);
    snprintf(cpath, sizeof cpath, "%s/events.txt", dir);
    S_write(cpath, cameo);
    o.actors_dir = adir;
    o.iso_dir = S_ISO_DIR;
    o.cameo_path = cpath;
    o.report = S_collect;
    o.report_ctx = &fs;
    CHECK_INT(annal_actors_build_read(&o, &b, &err), ANNAL_OK);
    annal_actors_build_free(b);
    unlink(path);
    unlink(cpath);
    rmdir(adir);
    rmdir(dir);
    return fs;
}

#define S_CAMEO_OK "01\t0\t1\t-\t-\t-\tMake public statement\n"

/* Exactly one finding, with this code, file and line. */
static void S_expect(const findings *fs, const char *file, uint64_t line, const char *code,
                     int is_error)
{
    CHECK_INT(fs->n, 1);
    if (fs->n < 1)
        return;
    CHECK_STR(fs->f[0].code, code);
    CHECK_STR(fs->f[0].file, file);
    CHECK_INT(fs->f[0].line, line);
    CHECK_INT(fs->f[0].is_error, is_error);
}

static int S_have_iso(void)
{
    return access(S_ISO_DIR "/iso_3166-1.json", R_OK) == 0;
}

static void clean_data_has_no_findings(void)
{
    findings fs;
    if (!S_have_iso())
        return;
    fs = S_read("# a comment\n\narmenia\tCOUNTRY=ARM\narmenian\tCOUNTRY=ARM ADJ\n"
                "troops\tROLE=MIL\npresident\tROLE=GOV TITLE\nside\tGENERIC\n"
                "US\tCOUNTRY=USA CASE\nun\tCODE=IGOUNO\n"
                "jane roe\tCODE=ARMGOV FROM=2001-01-01 UNTIL=2005-01-01\njane roe\tCODE=ARMELI\n",
                S_CAMEO_OK "010\t0\t1\t-\t-\t-\tMake statement\n");
    CHECK_INT(fs.n, 0);
}

/* One bad actor line per finding code, after a good line. */
static void actor_finding_codes(void)
{
    static const struct {
        const char *line, *code;
        int is_error;
    } cases[] = {
        {"no tab here", "format", 1},
        {"Armenia\tCOUNTRY=ARM", "phrase", 1},
        {"two  spaces\tCOUNTRY=ARM", "phrase", 1},
        {"x\tCOUNTRY=ARM BOGUS", "attribute", 1},
        {"x\tCOUNTRY=ARM FROM=2020-13-01", "value", 1},
        {"x\tCODE=ARMgov", "value", 1},
        {"x\tCOUNTRY=QQQ", "unknown-country", 1},
        {"x\tCODE=QQQGOV", "unknown-country", 1},
        {"x\tROLE=XYZ", "unknown-role", 1},
        {"x\tADJ", "kind", 1},
        {"x\tCOUNTRY=ARM ROLE=GOV", "kind", 1},
        {"x\tTITLE", "kind", 1},
        {"x\tCOUNTRY=ARM FROM=2020-01-01 UNTIL=2019-01-01", "dates", 1},
        {"troops\tROLE=MIL", "duplicate", 0},
    };
    char text[256];

    if (!S_have_iso())
        return;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        findings fs;
        snprintf(text, sizeof text, "troops\tROLE=MIL\n%s\n", cases[i].line);
        fs = S_read(text, S_CAMEO_OK);
        if (fs.n != 1 || strcmp(fs.f[0].code, cases[i].code) != 0)
            fprintf(stderr, "  case %zu: \"%s\"\n", i, cases[i].line);
        S_expect(&fs, "x.txt", 2, cases[i].code, cases[i].is_error);
    }
}

static void actor_overlap_names_the_later_line(void)
{
    findings fs;
    if (!S_have_iso())
        return;
    fs = S_read("jane roe\tCODE=ARMGOV FROM=2000-01-01 UNTIL=2010-01-01\n"
                "# a gap\n"
                "jane roe\tCODE=ARMMIL FROM=2005-01-01\n", S_CAMEO_OK);
    S_expect(&fs, "x.txt", 3, "overlap", 1);
}

static void cameo_finding_codes(void)
{
    static const struct {
        const char *text, *code;
        uint64_t line;
    } cases[] = {
        {S_CAMEO_OK "010\t0\n", "cameo-format", 2},
        {S_CAMEO_OK "0a1\t0\t1\t-\t-\t-\tx\n", "cameo-code", 2},
        {S_CAMEO_OK S_CAMEO_OK, "cameo-duplicate", 2},
        {S_CAMEO_OK "010\t11\t1\t-\t-\t-\tx\n", "cameo-goldstein", 2},
        {S_CAMEO_OK "010\t0\t4\t-\t-\t-\tx\n", "cameo-quad", 2},
        {S_CAMEO_OK "0111\t0\t1\t-\t-\t-\tx\n", "cameo-parent", 2},
        {"# nothing but a comment\n", "cameo-empty", 0},
    };

    if (!S_have_iso())
        return;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        findings fs = S_read("troops\tROLE=MIL\n", cases[i].text);
        if (fs.n != 1 || strcmp(fs.f[0].code, cases[i].code) != 0)
            fprintf(stderr, "  case %zu: %s\n", i, cases[i].code);
        S_expect(&fs, "events.txt", cases[i].line, cases[i].code, 1);
    }
}

static void missing_inputs_fail_cleanly(void)
{
    annal_actors_build_opts o = {"/nonexistent/actors", S_ISO_DIR, "/nonexistent/events.txt",
                                 NULL, NULL};
    annal_actors_build *b = NULL;
    annal_error err;

    CHECK_INT(annal_actors_build_read(&o, &b, &err), ANNAL_EIO);
    CHECK(strstr(err.msg, "/nonexistent/") != NULL);
    annal_actors_build_free(b);
}

/* ---- the public lookups (the real snapshot) ---------------------------- */

static void cameo_lookup(void)
{
    annal_cameo_info c;

    CHECK(annal_cameo_count(test_engine) > 250);
    CHECK(annal_cameo_lookup(test_engine, "190", &c));
    CHECK_INT(c.quad_class, 4);
    CHECK(c.goldstein == -10.0);
    CHECK(annal_cameo_lookup(test_engine, "042", &c));
    CHECK_STR(c.code, "042");
    CHECK_INT(c.quad_class, 1);
    CHECK(!annal_cameo_lookup(test_engine, "999", &c));
    CHECK(!annal_cameo_lookup(test_engine, "", &c));
    annal_cameo_get(test_engine, 0, &c);
    CHECK_STR(c.code, "01");
}

static void entries_mark_the_line_that_holds(void)
{
    annal_actor_entry e[8];
    annal_ymd d2020 = {2020, 4, 2};
    size_t n = annal_actor_entries(test_engine, "Armenian", 8, d2020, e, 8);
    int holds = 0;

    CHECK(n >= 1);
    for (size_t i = 0; i < n && i < 8; i++)
        holds += e[i].holds;
    CHECK_INT(holds, 1);
    if (n >= 1) {
        CHECK_STR(e[0].code, "ARM");
        CHECK(e[0].kind & ANNAL_AE_ADJ);
        CHECK(strstr(e[0].origin, "countries.txt:") != NULL);
    }
    CHECK_INT(annal_actor_entries(test_engine, "no  such   phrase", 17, d2020, e, 8), 0);
    CHECK_INT(annal_actor_entries(test_engine, "", 0, d2020, e, 8), 0);
}

/* ---- the seed article's actors ------------------------------------------ */

static const annal_actor *S_find(const annal_doc *doc, const char *text, size_t nth)
{
    size_t len;
    const char *raw = annal_doc_text(doc, &len);
    const annal_actor *a = annal_doc_actors(doc);

    for (size_t i = 0; i < annal_doc_nactors(doc); i++)
        if (a[i].end - a[i].start == strlen(text) && memcmp(raw + a[i].start, text, strlen(text)) == 0 &&
            nth-- == 0)
            return &a[i];
    fprintf(stderr, "  no actor \"%s\"\n", text);
    test_failures++;
    return NULL;
}

#define CHECK_ACTOR(doc, text, nth, want)                  \
    do {                                                   \
        const annal_actor *act_ = S_find(doc, text, nth);  \
        if (act_)                                          \
            CHECK_STR(act_->code, want);                   \
    } while (0)

static void seed_article_actors(void)
{
    const annal_doc *doc = test_process(
        "Baku rejected the claim.  The Azerbaijani Foreign Ministry said that Armenian forces "
        "shelled the villages.  The UN Security Council and the OSCE Minsk Group met.  "
        "The ministry said the Azerbaijani Armed Forces held the line.", "2020-04-02");
    const annal_actor *m;

    CHECK_ACTOR(doc, "Baku", 0, "AZEGOV");
    CHECK_ACTOR(doc, "The Azerbaijani Foreign Ministry", 0, "AZEGOV");
    CHECK_ACTOR(doc, "Armenian forces", 0, "ARMMIL");
    CHECK_ACTOR(doc, "The UN Security Council", 0, "IGOUNO");
    CHECK_ACTOR(doc, "the OSCE Minsk Group", 0, "IGOSCE");
    CHECK_ACTOR(doc, "the Azerbaijani Armed Forces", 0, "AZEMIL");
    if ((m = S_find(doc, "The ministry", 0)) != NULL) {
        const annal_actor *a = annal_doc_actors(doc);
        CHECK_STR(m->code, "AZEGOV");
        CHECK_INT(m->how, ANNAL_AH_COREF);
        CHECK(m->antecedent >= 0 && strcmp(a[m->antecedent].code, "AZEGOV") == 0);
        CHECK_STR(m->country, "AZE");
        CHECK_STR(m->role, "GOV");
    }
    if ((m = S_find(doc, "Armenian forces", 0)) != NULL) {
        CHECK_INT(m->how, ANNAL_AH_COMPOSED);
        CHECK(strstr(m->rule, "countries.txt:") && strstr(m->rule, "roles.txt:"));
    }
}

TEST_SUITE(suite_actors) = {
    {"clean_data_has_no_findings", clean_data_has_no_findings},
    {"actor_finding_codes", actor_finding_codes},
    {"actor_overlap_names_the_later_line", actor_overlap_names_the_later_line},
    {"cameo_finding_codes", cameo_finding_codes},
    {"missing_inputs_fail_cleanly", missing_inputs_fail_cleanly},
    {"cameo_lookup", cameo_lookup},
    {"entries_mark_the_line_that_holds", entries_mark_the_line_that_holds},
    {"seed_article_actors", seed_article_actors},
    {NULL, NULL},
};
