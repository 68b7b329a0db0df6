/*
 * build.c - compiles WordNet and data/en into a snapshot; see build.h.
 *
 * While building, entries live in a plain open-addressing map keyed by the
 * lower-cased phrase (bentry).  Emission sorts them by key so the output
 * does not depend on input order, then writes the STRS, LEXE, LEXH, LEXA,
 * MRPH and INFO sections described in snapshot.h.
 */
#include "build.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/hash.h"
#include "../core/le.h"
#include "../core/utf8.h"
#include "../lex/lexicon_impl.h"
#include "snapshot.h"

#define BUILD_MAX_LINE 4096u
#define BUILD_MAX_FILES 256u

typedef struct banal {
    uint32_t pos;
    char *lemma;
} banal;

typedef struct bentry {
    char *key;
    uint32_t key_len;
    uint32_t pos, flags, aux;
    double value;
    int has_aux, has_value;
    uint32_t nanal;
    banal anal[ANNAL_LEX_MAX_ANAL];
} bentry;

typedef struct brule {
    uint32_t pos;
    char suffix[32], ending[32];
} brule;

typedef struct builder {
    bentry *ents;
    size_t n, cap;
    uint32_t *slots;          /* entry index + 1 */
    size_t nslots;
    brule rules[ANNAL_LEX_MAX_RULES];
    uint32_t nrules;
    uint32_t max_phrase;
    size_t wn_lemmas, wn_exceptions, data_lines;
    annal_error *err;
} builder;

/* ---- the build-time map ---------------------------------------------- */

static int S_rehash(builder *b)
{
    size_t ns = b->nslots ? b->nslots * 2 : 1u << 16;
    uint32_t *s = calloc(ns, sizeof *s);

    if (!s)
        return -1;
    for (size_t i = 0; i < b->n; i++) {
        size_t h = annal_hash(b->ents[i].key, b->ents[i].key_len) & (ns - 1);
        while (s[h])
            h = (h + 1) & (ns - 1);
        s[h] = (uint32_t)(i + 1);
    }
    free(b->slots);
    b->slots = s;
    b->nslots = ns;
    return 0;
}

static bentry *S_find(builder *b, const char *k, size_t n)
{
    size_t h;

    if (!b->nslots)
        return NULL;
    h = annal_hash(k, n) & (b->nslots - 1);
    while (b->slots[h]) {
        bentry *e = &b->ents[b->slots[h] - 1];
        if (e->key_len == n && memcmp(e->key, k, n) == 0)
            return e;
        h = (h + 1) & (b->nslots - 1);
    }
    return NULL;
}

static bentry *S_get(builder *b, const char *k, size_t n)
{
    bentry *e = S_find(b, k, n);

    if (e)
        return e;
    if ((b->n + 1) * 2 > b->nslots && S_rehash(b))
        return NULL;
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 1u << 15;
        bentry *ne = realloc(b->ents, nc * sizeof *ne);
        if (!ne)
            return NULL;
        b->ents = ne;
        b->cap = nc;
    }
    e = &b->ents[b->n];
    memset(e, 0, sizeof *e);
    e->key = malloc(n + 1);
    if (!e->key)
        return NULL;
    memcpy(e->key, k, n);
    e->key[n] = '\0';
    e->key_len = (uint32_t)n;
    b->n++;
    {
        size_t h = annal_hash(k, n) & (b->nslots - 1);
        while (b->slots[h])
            h = (h + 1) & (b->nslots - 1);
        b->slots[h] = (uint32_t)b->n;
    }
    return e;
}

static int S_add_anal(bentry *e, uint32_t pos, const char *lemma)
{
    for (uint32_t i = 0; i < e->nanal; i++)
        if (strcmp(e->anal[i].lemma, lemma) == 0) {
            e->anal[i].pos |= pos;
            return 0;
        }
    if (e->nanal >= ANNAL_LEX_MAX_ANAL)
        return 0;   /* keep the first ones; WordNet never has this many */
    e->anal[e->nanal].lemma = strdup(lemma);
    if (!e->anal[e->nanal].lemma)
        return -1;
    e->anal[e->nanal++].pos = pos;
    return 0;
}

static void S_free(builder *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->ents[i].key);
        for (uint32_t k = 0; k < b->ents[i].nanal; k++)
            free(b->ents[i].anal[k].lemma);
    }
    free(b->ents);
    free(b->slots);
}

/* ---- reading files ---------------------------------------------------- */

typedef struct lines {
    FILE *f;
    const char *path;
    uint64_t no;
    char buf[BUILD_MAX_LINE];
} lines;

static annal_status S_open(lines *l, const char *path, annal_error *err)
{
    l->f = fopen(path, "r");
    l->path = path;
    l->no = 0;
    if (!l->f)
        return annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET,
                               "cannot open: %s", strerror(errno));
    return ANNAL_OK;
}

/* Next line without its newline; 1 = got one, 0 = end, -1 = error. */
static int S_next(lines *l, annal_error *err)
{
    size_t n;

    if (!fgets(l->buf, sizeof l->buf, l->f))
        return 0;
    l->no++;
    n = strlen(l->buf);
    if (n == sizeof l->buf - 1 && l->buf[n - 1] != '\n') {
        annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                        "line longer than %u bytes", BUILD_MAX_LINE - 2);
        return -1;
    }
    while (n && (l->buf[n - 1] == '\n' || l->buf[n - 1] == '\r'))
        l->buf[--n] = '\0';
    if (!annal_utf8_valid((const unsigned char *)l->buf, n)) {
        annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                        "line is not valid UTF-8");
        return -1;
    }
    return 1;
}

static void S_path(char *out, size_t cap, const char *dir, const char *file)
{
    snprintf(out, cap, "%s/%s", dir, file);
}

/* WordNet index lines: "lemma pos synset_cnt ..."; licence lines start
 * with a space. */
static annal_status S_wordnet_index(builder *b, const char *dir,
                                    const char *file, uint32_t pos)
{
    char path[4096];
    lines l;
    annal_status st;
    int r;

    S_path(path, sizeof path, dir, file);
    if ((st = S_open(&l, path, b->err)) != ANNAL_OK)
        return st;
    while ((r = S_next(&l, b->err)) == 1) {
        char *sp = strchr(l.buf, ' ');
        bentry *e;
        if (l.buf[0] == ' ' || !sp)
            continue;
        *sp = '\0';
        if (strchr(l.buf, '_'))
            continue;   /* multi-word collocations: not used yet */
        if (!(e = S_get(b, l.buf, (size_t)(sp - l.buf)))) {
            fclose(l.f);
            return annal_error_set(b->err, ANNAL_ENOMEM, path, l.no, ANNAL_NO_OFFSET, "out of memory");
        }
        e->pos |= pos;
        b->wn_lemmas++;
    }
    fclose(l.f);
    return r < 0 ? ANNAL_EDATA : ANNAL_OK;
}

/* WordNet exception lines: "form base [base ...]". */
static annal_status S_wordnet_exc(builder *b, const char *dir,
                                  const char *file, uint32_t pos)
{
    char path[4096];
    lines l;
    annal_status st;
    int r;

    S_path(path, sizeof path, dir, file);
    if ((st = S_open(&l, path, b->err)) != ANNAL_OK)
        return st;
    while ((r = S_next(&l, b->err)) == 1) {
        char *save = NULL, *form = strtok_r(l.buf, " ", &save), *base;
        bentry *e;
        if (!form || strchr(form, '_'))
            continue;
        if (!(e = S_get(b, form, strlen(form))))
            goto oom;
        while ((base = strtok_r(NULL, " ", &save)) != NULL) {
            if (strchr(base, '_'))
                continue;
            if (S_add_anal(e, pos, base))
                goto oom;
            b->wn_exceptions++;
        }
    }
    fclose(l.f);
    return r < 0 ? ANNAL_EDATA : ANNAL_OK;
oom:
    fclose(l.f);
    return annal_error_set(b->err, ANNAL_ENOMEM, path, l.no, ANNAL_NO_OFFSET, "out of memory");
}

typedef struct named {
    const char *name;
    uint32_t value;
} named;

static const named S_pos_names[] = {
    {"NOUN", ANNAL_POS_NOUN}, {"VERB", ANNAL_POS_VERB}, {"ADJ", ANNAL_POS_ADJ},
    {"ADV", ANNAL_POS_ADV},   {"DET", ANNAL_POS_DET},   {"PRON", ANNAL_POS_PRON},
    {"PREP", ANNAL_POS_PREP}, {"AUX", ANNAL_POS_AUX},   {"CONJ", ANNAL_POS_CONJ},
    {"SCONJ", ANNAL_POS_SCONJ}, {"PART", ANNAL_POS_PART}, {"NUM", ANNAL_POS_NUM},
    {"INTJ", ANNAL_POS_INTJ}, {"SYM", ANNAL_POS_SYM},   {NULL, 0}};

static const named S_flag_names[] = {
    {"ABBR", ANNAL_LF_ABBR},   {"FINAL", ANNAL_LF_FINAL},
    {"TITLE", ANNAL_LF_TITLE}, {"SENTSTART", ANNAL_LF_SENTSTART},
    {"RANGE", ANNAL_LF_RANGE}, {"ANNIV", ANNAL_LF_ANNIV},
    {"DOZEN", ANNAL_LF_DOZEN}, {"STRONG", ANNAL_LF_STRONG},
    {"FRACTION", ANNAL_LF_FRACTION}, {"IDHEAD", ANNAL_LF_IDHEAD},
    {"COUNTNOUN", ANNAL_LF_COUNTNOUN}, {"TIMEPREP", ANNAL_LF_TIMEPREP}, {NULL, 0}};

/* Attributes that carry a number in `value`. */
static const named S_value_attrs[] = {
    {"NUM", ANNAL_LF_NUMWORD}, {"ORD", ANNAL_LF_ORDWORD},
    {"SCALE", ANNAL_LF_SCALE}, {"VAGUE", ANNAL_LF_VAGUE},
    {"DATEREL", ANNAL_LF_DATEREL}, {NULL, 0}};

/* Attributes that carry a small code in `aux`. */
static const named S_qual_names[] = {
    {"about", ANNAL_Q_ABOUT},     {"more_than", ANNAL_Q_MORE_THAN},
    {"at_least", ANNAL_Q_AT_LEAST}, {"less_than", ANNAL_Q_LESS_THAN},
    {"up_to", ANNAL_Q_UP_TO},     {NULL, 0}};
static const named S_unit_names[] = {
    {"day", ANNAL_DU_DAY},     {"week", ANNAL_DU_WEEK},
    {"weekend", ANNAL_DU_WEEKEND}, {"month", ANNAL_DU_MONTH},
    {"year", ANNAL_DU_YEAR},   {"decade", ANNAL_DU_DECADE},
    {"century", ANNAL_DU_CENTURY}, {NULL, 0}};
static const named S_dir_names[] = {
    {"last", ANNAL_DD_LAST},   {"next", ANNAL_DD_NEXT}, {"this", ANNAL_DD_THIS},
    {"ago", ANNAL_DD_AGO},     {"earlier", ANNAL_DD_EARLIER},
    {"later", ANNAL_DD_LATER}, {"past", ANNAL_DD_PAST}, {NULL, 0}};
static const named S_part_names[] = {
    {"early", ANNAL_DP_EARLY}, {"mid", ANNAL_DP_MID}, {"late", ANNAL_DP_LATE},
    {NULL, 0}};
static const named S_numunit_names[] = {
    {"percent", ANNAL_UNIT_PERCENT}, {"money", ANNAL_UNIT_MONEY}, {NULL, 0}};

typedef struct aux_attr {
    const char *name;
    uint32_t flag;
    const named *values;   /* NULL: a decimal number */
    uint32_t lo, hi;       /* range for decimal numbers */
} aux_attr;

static const aux_attr S_aux_attrs[] = {
    {"MONTH", ANNAL_LF_MONTH, NULL, 1, 12},
    {"WEEKDAY", ANNAL_LF_WEEKDAY, NULL, 1, 7},
    {"QUAL", ANNAL_LF_QUAL, S_qual_names, 0, 0},
    {"UNIT", ANNAL_LF_DATEUNIT, S_unit_names, 0, 0},
    {"DIR", ANNAL_LF_DATEDIR, S_dir_names, 0, 0},
    {"PART", ANNAL_LF_DATEPART, S_part_names, 0, 0},
    {"NUMUNIT", ANNAL_LF_UNIT, S_numunit_names, 0, 0},
    {NULL, 0, NULL, 0, 0}};

static const named *S_named(const named *t, const char *s, size_t n)
{
    for (; t->name; t++)
        if (strlen(t->name) == n && memcmp(t->name, s, n) == 0)
            return t;
    return NULL;
}

static annal_status S_set_aux(bentry *e, uint32_t v, const lines *l,
                              annal_error *err)
{
    if (e->has_aux && e->aux != v)
        return annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                               "\"%s\": conflicting codes %u and %u", e->key, e->aux, v);
    e->aux = v;
    e->has_aux = 1;
    return ANNAL_OK;
}

static annal_status S_set_value(bentry *e, double v, const lines *l,
                                annal_error *err)
{
    if (e->has_value && e->value != v)
        return annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                               "\"%s\": conflicting values %g and %g", e->key, e->value, v);
    e->value = v;
    e->has_value = 1;
    return ANNAL_OK;
}

/* One ATTR or ATTR=VALUE of a lexicon line. */
static annal_status S_attr(bentry *e, const char *a, size_t an, const char *v,
                           size_t vn, uint32_t *pos, const char **lemma,
                           const lines *l, annal_error *err)
{
    const named *nm;
    char num[64];

    if (!v && (nm = S_named(S_pos_names, a, an))) {
        *pos |= nm->value;
        return ANNAL_OK;
    }
    if (!v && (nm = S_named(S_flag_names, a, an))) {
        e->flags |= nm->value;
        if (nm->value == ANNAL_LF_DOZEN) {
            *pos |= ANNAL_POS_NUM;
            return S_set_value(e, 12, l, err);
        }
        return ANNAL_OK;
    }
    if (v && an == 5 && memcmp(a, "lemma", 5) == 0) {
        *lemma = v;
        return ANNAL_OK;
    }
    if (v && (nm = S_named(S_value_attrs, a, an))) {
        char *end;
        double d;
        snprintf(num, sizeof num, "%.*s", (int)vn, v);
        d = strtod(num, &end);
        if (end == num || *end)
            return annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                                   "%.*s=%s: not a number", (int)an, a, num);
        e->flags |= nm->value;
        if (nm->value != ANNAL_LF_DATEREL)
            *pos |= ANNAL_POS_NUM;   /* a number word is a numeral */
        return S_set_value(e, d, l, err);
    }
    for (const aux_attr *x = S_aux_attrs; v && x->name; x++) {
        if (strlen(x->name) != an || memcmp(x->name, a, an))
            continue;
        e->flags |= x->flag;
        if (x->values) {
            if (!(nm = S_named(x->values, v, vn)))
                return annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                                       "%s=%.*s: unknown value", x->name, (int)vn, v);
            return S_set_aux(e, nm->value, l, err);
        }
        snprintf(num, sizeof num, "%.*s", (int)vn, v);
        {
            char *end;
            long d = strtol(num, &end, 10);
            if (end == num || *end || d < (long)x->lo || d > (long)x->hi)
                return annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                                       "%s=%s: expected %u..%u", x->name, num, x->lo, x->hi);
            return S_set_aux(e, (uint32_t)d, l, err);
        }
    }
    return annal_error_set(err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                           "unknown attribute \"%.*s\"", (int)an, a);
}

/* "phrase<TAB>ATTR ATTR=VALUE ..." */
static annal_status S_lex_line(builder *b, lines *l)
{
    char *tab = strchr(l->buf, '\t'), *p;
    char key[512];
    size_t kn = 0, words = 1;
    uint32_t pos = 0;
    const char *lemma = NULL;
    bentry *e;
    annal_status st;

    if (!tab || tab == l->buf)
        return annal_error_set(b->err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                               "expected \"phrase<TAB>attributes\"");
    if ((size_t)(tab - l->buf) * 2 + 4 > sizeof key)
        return annal_error_set(b->err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                               "phrase too long");
    kn = annal_lowercase(l->buf, (size_t)(tab - l->buf), key, sizeof key);
    for (size_t i = 0; i < kn; i++)
        if (key[i] == ' ' && (i == 0 || i + 1 == kn || key[i + 1] == ' '))
            return annal_error_set(b->err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                                   "phrase has leading, trailing or double spaces");
        else if (key[i] == ' ')
            words++;
    if (words > ANNAL_LEX_MAX_PHRASE)
        return annal_error_set(b->err, ANNAL_EDATA, l->path, l->no, ANNAL_NO_OFFSET,
                               "phrase has more than %u words", ANNAL_LEX_MAX_PHRASE);
    if (!(e = S_get(b, key, kn)))
        return annal_error_set(b->err, ANNAL_ENOMEM, l->path, l->no, ANNAL_NO_OFFSET, "out of memory");
    if (words > b->max_phrase)
        b->max_phrase = (uint32_t)words;
    for (p = tab + 1; *p;) {
        char *a = p, *eq, *v = NULL;
        size_t an, vn = 0;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        an = (size_t)(p - a);
        while (*p == ' ' || *p == '\t')
            *p++ = '\0';
        if (!an)
            continue;
        if ((eq = memchr(a, '=', an)) != NULL) {
            v = eq + 1;
            vn = an - (size_t)(v - a);
            an = (size_t)(eq - a);
        }
        if ((st = S_attr(e, a, an, v, vn, &pos, &lemma, l, b->err)) != ANNAL_OK)
            return st;
    }
    e->pos |= pos;
    if (lemma && S_add_anal(e, pos ? pos : e->pos, lemma))
        return annal_error_set(b->err, ANNAL_ENOMEM, l->path, l->no, ANNAL_NO_OFFSET, "out of memory");
    b->data_lines++;
    return ANNAL_OK;
}

static annal_status S_lex_file(builder *b, const char *path)
{
    lines l;
    annal_status st;
    int r;

    if ((st = S_open(&l, path, b->err)) != ANNAL_OK)
        return st;
    while ((r = S_next(&l, b->err)) == 1) {
        char *s = l.buf;
        while (*s == ' ')
            s++;
        if (!*s || *s == '#')
            continue;
        if ((st = S_lex_line(b, &l)) != ANNAL_OK) {
            fclose(l.f);
            return st;
        }
    }
    fclose(l.f);
    return r < 0 ? ANNAL_EDATA : ANNAL_OK;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt in data/en/lexicon, in sorted order. */
static annal_status S_lex_dir(builder *b, const char *data_dir)
{
    char dir[4096], path[8192];
    char *names[BUILD_MAX_FILES];
    size_t n = 0;
    struct dirent *de;
    annal_status st = ANNAL_OK;
    DIR *d;

    snprintf(dir, sizeof dir, "%s/lexicon", data_dir);
    if (!(d = opendir(dir)))
        return annal_error_set(b->err, ANNAL_EIO, dir, 0, ANNAL_NO_OFFSET,
                               "cannot open lexicon directory: %s", strerror(errno));
    while ((de = readdir(d)) != NULL && n < BUILD_MAX_FILES) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0 &&
            (names[n] = strdup(de->d_name)) != NULL)
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], S_cmp_str);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (st == ANNAL_OK)
            st = S_lex_file(b, path);
        free(names[i]);
    }
    return st;
}

/* "POS<TAB>suffix<TAB>ending", "-" for an empty ending. */
static annal_status S_morphy(builder *b, const char *data_dir)
{
    char path[4096];
    lines l;
    annal_status st;
    int r;

    snprintf(path, sizeof path, "%s/morphy.txt", data_dir);
    if ((st = S_open(&l, path, b->err)) != ANNAL_OK)
        return st;
    while ((r = S_next(&l, b->err)) == 1) {
        char *save = NULL, *pos, *suf, *end;
        const named *nm;
        brule *ru;
        if (!l.buf[0] || l.buf[0] == '#')
            continue;
        pos = strtok_r(l.buf, "\t", &save);
        suf = strtok_r(NULL, "\t", &save);
        end = strtok_r(NULL, "\t", &save);
        if (!pos || !suf || !end || !(nm = S_named(S_pos_names, pos, strlen(pos))) ||
            strlen(suf) >= sizeof ru->suffix || strlen(end) >= sizeof ru->ending) {
            fclose(l.f);
            return annal_error_set(b->err, ANNAL_EDATA, path, l.no, ANNAL_NO_OFFSET,
                                   "expected \"NOUN|VERB|ADJ|ADV<TAB>suffix<TAB>ending\"");
        }
        if (b->nrules >= ANNAL_LEX_MAX_RULES) {
            fclose(l.f);
            return annal_error_set(b->err, ANNAL_ELIMIT, path, l.no, ANNAL_NO_OFFSET,
                                   "more than %u rules", ANNAL_LEX_MAX_RULES);
        }
        ru = &b->rules[b->nrules++];
        ru->pos = nm->value;
        snprintf(ru->suffix, sizeof ru->suffix, "%s", suf);
        snprintf(ru->ending, sizeof ru->ending, "%s", strcmp(end, "-") ? end : "");
    }
    fclose(l.f);
    return r < 0 ? ANNAL_EDATA : ANNAL_OK;
}

/* Marks every proper prefix of each multi-word key ("the", "the day",
 * "the day before" for "the day before yesterday") with ANNAL_LF_PHRASE,
 * and every word after the first with ANNAL_LF_INPHRASE, creating entries
 * where needed.  A phrase matcher can then stop at the first word that is
 * not INPHRASE or the first word sequence that starts no key. */
static annal_status S_phrases(builder *b)
{
    size_t n = b->n;

    for (size_t i = 0; i < n; i++) {
        const char *key = b->ents[i].key;   /* keys never move; entries may */
        uint32_t len = b->ents[i].key_len, start = 0;
        for (uint32_t k = 0; k <= len; k++) {
            bentry *e;
            if (k < len && key[k] != ' ')
                continue;
            if (start > 0) {
                if (!(e = S_get(b, key + start, k - start)))
                    goto oom;
                e->flags |= ANNAL_LF_INPHRASE;
            }
            if (k < len) {
                if (!(e = S_get(b, key, k)))
                    goto oom;
                e->flags |= ANNAL_LF_PHRASE;
            }
            start = k + 1;
        }
    }
    return ANNAL_OK;
oom:
    return annal_error_set(b->err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
}

/* ---- emission --------------------------------------------------------- */

static int S_cmp_entry(const void *a, const void *b)
{
    const bentry *x = a, *y = b;
    return strcmp(x->key, y->key);
}

/* Offset of s in the string pool: a key's own bytes when s is a key. */
static uint32_t S_string(builder *b, annal_buf *strs, const uint32_t *key_off,
                         const char *s)
{
    bentry *e = S_find(b, s, strlen(s));
    uint32_t off;

    if (e)
        return key_off[e - b->ents];
    off = (uint32_t)strs->len;
    annal_buf_put(strs, s, strlen(s));
    return off;
}

static void S_put32(annal_buf *o, uint32_t v)
{
    unsigned char t[4];
    annal_put_le32(t, v);
    annal_buf_put(o, (const char *)t, 4);
}

static annal_status S_emit(builder *b, annal_snapshot_writer *w)
{
    annal_buf *strs = annal_snapshot_writer_add(w, ANNAL_SEC_STRS);
    annal_buf *ents = annal_snapshot_writer_add(w, ANNAL_SEC_LEXE);
    annal_buf *hash = annal_snapshot_writer_add(w, ANNAL_SEC_LEXH);
    annal_buf *anal = annal_snapshot_writer_add(w, ANNAL_SEC_LEXA);
    annal_buf *mrph = annal_snapshot_writer_add(w, ANNAL_SEC_MRPH);
    uint32_t *key_off = NULL, nslots = 1;

    qsort(b->ents, b->n, sizeof *b->ents, S_cmp_entry);
    if (S_rehash(b) || !(key_off = calloc(b->n + 1, sizeof *key_off)))
        goto oom;
    for (size_t i = 0; i < b->n; i++) {
        key_off[i] = (uint32_t)strs->len;
        annal_buf_put(strs, b->ents[i].key, b->ents[i].key_len);
    }
    S_put32(anal, 0);   /* offset 0 is never a real list */
    for (size_t i = 0; i < b->n; i++) {
        const bentry *e = &b->ents[i];
        unsigned char row[ANNAL_LEX_ENTRY_SIZE] = {0};
        uint64_t bits;
        annal_put_le32(row, key_off[i]);
        annal_put_le32(row + 4, e->key_len);
        annal_put_le32(row + 8, e->pos);
        annal_put_le32(row + 12, e->flags);
        annal_put_le32(row + 16, e->aux);
        annal_put_le32(row + 20, e->nanal ? (uint32_t)anal->len : ANNAL_LEX_NO_ANAL);
        memcpy(&bits, &e->value, sizeof bits);
        annal_put_le64(row + 24, bits);
        annal_buf_put(ents, (const char *)row, sizeof row);
        if (!e->nanal)
            continue;
        S_put32(anal, e->nanal);
        for (uint32_t k = 0; k < e->nanal; k++) {
            S_put32(anal, e->anal[k].pos);
            S_put32(anal, S_string(b, strs, key_off, e->anal[k].lemma));
            S_put32(anal, (uint32_t)strlen(e->anal[k].lemma));
        }
    }
    while (nslots < 2 * b->n + 2)
        nslots *= 2;
    {
        uint32_t *slots = calloc(nslots, sizeof *slots);
        if (!slots)
            goto oom;
        for (size_t i = 0; i < b->n; i++) {
            uint32_t h = (uint32_t)annal_hash(b->ents[i].key, b->ents[i].key_len) & (nslots - 1);
            while (slots[h])
                h = (h + 1) & (nslots - 1);
            slots[h] = (uint32_t)(i + 1);
        }
        S_put32(hash, nslots);
        S_put32(hash, b->max_phrase);
        for (uint32_t i = 0; i < nslots; i++)
            S_put32(hash, slots[i]);
        free(slots);
    }
    S_put32(mrph, b->nrules);
    for (uint32_t i = 0; i < b->nrules; i++) {
        S_put32(mrph, b->rules[i].pos);
        S_put32(mrph, S_string(b, strs, key_off, b->rules[i].suffix));
        S_put32(mrph, (uint32_t)strlen(b->rules[i].suffix));
        S_put32(mrph, S_string(b, strs, key_off, b->rules[i].ending));
        S_put32(mrph, (uint32_t)strlen(b->rules[i].ending));
    }
    free(key_off);
    return ANNAL_OK;
oom:
    free(key_off);
    return annal_error_set(b->err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
}

static annal_status S_load_all(builder *b, const annal_dict_build_opts *o)
{
    static const struct { const char *idx, *exc; uint32_t pos; } wn[] = {
        {"index.noun", "noun.exc", ANNAL_POS_NOUN},
        {"index.verb", "verb.exc", ANNAL_POS_VERB},
        {"index.adj", "adj.exc", ANNAL_POS_ADJ},
        {"index.adv", "adv.exc", ANNAL_POS_ADV}};
    annal_status st = ANNAL_OK;

    for (size_t i = 0; i < 4 && st == ANNAL_OK; i++)
        st = S_wordnet_index(b, o->wordnet_dir, wn[i].idx, wn[i].pos);
    for (size_t i = 0; i < 4 && st == ANNAL_OK; i++)
        st = S_wordnet_exc(b, o->wordnet_dir, wn[i].exc, wn[i].pos);
    if (st == ANNAL_OK)
        st = S_lex_dir(b, o->data_dir);
    if (st == ANNAL_OK)
        st = S_morphy(b, o->data_dir);
    if (st == ANNAL_OK)
        st = S_phrases(b);
    return st;
}

/* Reads and checks the actor data; fails when it has errors. */
static annal_status S_actors(const annal_dict_build_opts *o, annal_actors_build **ab,
                             annal_error *err)
{
    char actors_dir[4096];
    annal_actors_build_opts ao;
    annal_status st;

    snprintf(actors_dir, sizeof actors_dir, "%s/actors", o->data_dir);
    ao.actors_dir = actors_dir;
    ao.iso_dir = o->iso_dir;
    ao.cameo_path = o->cameo_path;
    ao.report = o->report;
    ao.report_ctx = o->report_ctx;
    if ((st = annal_actors_build_read(&ao, ab, err)) != ANNAL_OK)
        return st;
    if (annal_actors_build_errors(*ab))
        return annal_error_set(err, ANNAL_EDATA, actors_dir, 0, ANNAL_NO_OFFSET,
                               "%llu error%s in the actor dictionaries or the CAMEO table",
                               (unsigned long long)annal_actors_build_errors(*ab),
                               annal_actors_build_errors(*ab) == 1 ? "" : "s");
    return ANNAL_OK;
}

annal_status annal_dict_build(const annal_dict_build_opts *o, annal_error *err)
{
    builder b;
    annal_actors_build *ab = NULL;
    annal_snapshot_writer w;
    annal_buf *info;
    annal_status st;
    char summary[256] = "";

    memset(&b, 0, sizeof b);
    b.err = err;
    annal_snapshot_writer_init(&w);
    /* the actor data first: its findings are what a person editing the
     * dictionaries waits for; a check reads nothing else */
    st = S_actors(o, &ab, err);
    if (st == ANNAL_OK && o->out_path)
        st = S_load_all(&b, o);
    if (ab)
        annal_actors_build_summary(ab, summary, sizeof summary);
    if (st == ANNAL_OK && o->out_path && (info = annal_snapshot_writer_add(&w, ANNAL_SEC_INFO)))
        annal_buf_printf(info, "annal dictionary snapshot, format %u; lexicon: %zu entries "
                         "(%zu WordNet lemma lines, %zu exception forms, %zu annal data lines, %u rules); %s",
                         ANNAL_SNAPSHOT_VERSION, b.n, b.wn_lemmas, b.wn_exceptions,
                         b.data_lines, b.nrules, summary);
    if (st == ANNAL_OK && o->out_path)
        st = S_emit(&b, &w);
    if (st == ANNAL_OK && o->out_path)
        st = annal_actors_build_emit(ab, &w, err);
    if (st == ANNAL_OK && o->out_path)
        st = annal_snapshot_writer_finish(&w, o->out_path, err);
    if (st == ANNAL_OK && o->log && o->out_path)
        fprintf(o->log, "annal: wrote %s: %zu lexicon entries, %u suffix rules, %s\n",
                o->out_path, b.n, b.nrules, summary);
    else if (st == ANNAL_OK && o->log)
        fprintf(o->log, "annal: checked %s/actors and %s: %s\n", o->data_dir, o->cameo_path, summary);
    annal_snapshot_writer_free(&w);
    annal_actors_build_free(ab);
    S_free(&b);
    return st;
}
