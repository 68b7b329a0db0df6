/*
 * actors_build.c - the actor dictionaries: reading, checking, emitting;
 * see actors_build.h.  Finding codes (docs/dictionaries.md):
 *
 *   format            not "phrase<TAB>attributes"
 *   phrase            spaces, length, upper case without CASE
 *   attribute         an attribute annal does not know
 *   value             a malformed value (date, code letters)
 *   unknown-country   COUNTRY= or a code's first part is no known country
 *                     or international code
 *   unknown-role      ROLE= or a role part is no CAMEO role code
 *   kind              attributes that do not go together, or none of
 *                     COUNTRY= ROLE= CODE= FORMER GENERIC
 *   dates             FROM not before UNTIL
 *   overlap           two lines of one phrase hold on the same day
 *   duplicate         the same line twice (a warning)
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors_build_impl.h"
#include "../core/calendar.h"
#include "../core/error.h"
#include "../core/hash.h"
#include "../core/le.h"
#include "../core/utf8.h"
#include "../lex/lexicon.h"

void ab_report(annal_actors_build *b, const char *file, uint64_t line, int is_error,
               const char *code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (is_error)
        b->errors++;
    else
        b->warnings++;
    if (b->opts->report)
        b->opts->report(b->opts->report_ctx, file, line, is_error, code, msg);
}

/* ---- the key map ------------------------------------------------------ */

static int S_rehash(annal_actors_build *b)
{
    size_t ns = b->nslots ? b->nslots * 2 : 1u << 14;
    uint32_t *s = calloc(ns, sizeof *s);

    if (!s)
        return -1;
    for (size_t i = 0; i < b->nkeys; i++) {
        size_t h = annal_hash(b->keys[i].key, b->keys[i].len) & (ns - 1);
        while (s[h])
            h = (h + 1) & (ns - 1);
        s[h] = (uint32_t)(i + 1);
    }
    free(b->slots);
    b->slots = s;
    b->nslots = ns;
    return 0;
}

abkey *ab_find(const annal_actors_build *b, const char *key, size_t len)
{
    size_t h;

    if (!b->nslots)
        return NULL;
    for (h = annal_hash(key, len) & (b->nslots - 1); b->slots[h]; h = (h + 1) & (b->nslots - 1)) {
        abkey *k = &b->keys[b->slots[h] - 1];
        if (k->len == len && memcmp(k->key, key, len) == 0)
            return k;
    }
    return NULL;
}

abkey *ab_key(annal_actors_build *b, const char *key, size_t len)
{
    abkey *k = ab_find(b, key, len);
    size_t h;

    if (k)
        return k;
    if ((b->nkeys + 1) * 2 > b->nslots && S_rehash(b))
        return NULL;
    if (b->nkeys == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 4096;
        abkey *p = realloc(b->keys, nc * sizeof *p);
        if (!p)
            return NULL;
        b->keys = p;
        b->cap = nc;
    }
    k = &b->keys[b->nkeys];
    memset(k, 0, sizeof *k);
    if (!(k->key = malloc(len + 1)))
        return NULL;
    memcpy(k->key, key, len);
    k->key[len] = '\0';
    k->len = (uint32_t)len;
    k->words = 1;
    for (size_t i = 0; i < len; i++)
        k->words += key[i] == ' ';
    if (k->words > b->max_words)
        b->max_words = k->words;
    b->nkeys++;
    for (h = annal_hash(key, len) & (b->nslots - 1); b->slots[h]; h = (h + 1) & (b->nslots - 1))
        ;
    b->slots[h] = (uint32_t)b->nkeys;
    return k;
}

int ab_add_value(abkey *k, const abval *v, const char *case_form, const char *origin)
{
    abval *n;

    if (k->nvals == k->cap) {
        uint32_t nc = k->cap ? k->cap * 2 : 2;
        abval *p = realloc(k->vals, nc * sizeof *p);
        if (!p)
            return -1;
        k->vals = p;
        k->cap = nc;
    }
    n = &k->vals[k->nvals];
    *n = *v;
    n->case_form = case_form ? strdup(case_form) : NULL;
    n->origin = strdup(origin);
    if ((case_form && !n->case_form) || !n->origin)
        return -1;
    k->nvals++;
    return 0;
}

int ab_parse_day(const char *s, size_t n, int32_t *day)
{
    annal_ymd d;

    if (annal_ymd_parse(s, n, &d) != 0)
        return -1;
    *day = (int32_t)annal_ymd_to_days(d);
    return 0;
}

/* ---- one line ----------------------------------------------------------- */

typedef struct abline {
    annal_actors_build *b;
    const char *path;
    uint64_t no;
} abline;

/* Checks a code's parts: the first a country or international code, then
 * role codes or (after a role part) 3-letter organisation codes. */
static int S_check_code(const abline *l, const char *code, int roles_only)
{
    size_t n = strlen(code);

    if (n == 0 || n % 3 || n > ANNAL_CODE_MAX) {
        ab_report(l->b, l->path, l->no, 1, "value", "\"%s\": a code is 3, 6, 9 ... upper-case "
                  "letters (at most %u)", code, ANNAL_CODE_MAX);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (code[i] < 'A' || code[i] > 'Z') {
            ab_report(l->b, l->path, l->no, 1, "value", "\"%s\": a code is upper-case letters", code);
            return -1;
        }
    if (roles_only) {
        for (size_t i = 0; i < n; i += 3)
            if (!annal_role_code(code + i, NULL)) {
                ab_report(l->b, l->path, l->no, 1, "unknown-role", "\"%.3s\" in %s is not a CAMEO "
                          "role code", code + i, code);
                return -1;
            }
        return 0;
    }
    if (!ab_country_known(l->b, code) && !annal_intl_code(code)) {
        ab_report(l->b, l->path, l->no, 1, "unknown-country", "\"%.3s\" (first part of %s) is no "
                  "ISO 3166 country and no international or region code", code, code);
        return -1;
    }
    return 0;
}

/* The attributes of one line into v; -1 after reporting a problem. */
static int S_attrs(const abline *l, char *p, abval *v)
{
    int has_from = 0, has_until = 0;

    for (char *save = NULL, *a = strtok_r(p, " ", &save); a; a = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(a, '=');
        const char *val = eq ? eq + 1 : NULL;
        if (eq)
            *eq = '\0';
        if (!eq && strcmp(a, "ADJ") == 0)
            v->kind |= ANNAL_AE_ADJ;
        else if (!eq && strcmp(a, "CAPITAL") == 0)
            v->kind |= ANNAL_AE_CAPITAL;
        else if (!eq && strcmp(a, "TITLE") == 0)
            v->kind |= ANNAL_AE_TITLE;
        else if (!eq && strcmp(a, "FORMER") == 0)
            v->kind |= ANNAL_AE_FORMER;
        else if (!eq && strcmp(a, "CASE") == 0)
            v->kind |= ANNAL_AE_CASE;
        else if (!eq && strcmp(a, "GENERIC") == 0)
            v->kind |= ANNAL_AE_GENERIC;
        else if (!eq && strcmp(a, "PEOPLE") == 0)
            v->kind |= ANNAL_AE_PEOPLE;
        else if (eq && (strcmp(a, "COUNTRY") == 0 || strcmp(a, "ROLE") == 0 || strcmp(a, "CODE") == 0)) {
            if (v->kind & (ANNAL_AE_COUNTRY | ANNAL_AE_ROLE | ANNAL_AE_CODE)) {
                ab_report(l->b, l->path, l->no, 1, "kind", "only one of COUNTRY=, ROLE= and CODE= per line");
                return -1;
            }
            v->kind |= a[0] == 'C' && a[1] == 'O' && a[2] == 'U' ? ANNAL_AE_COUNTRY
                       : a[0] == 'R' ? ANNAL_AE_ROLE : ANNAL_AE_CODE;
            if (strlen(val) > ANNAL_CODE_MAX) {
                ab_report(l->b, l->path, l->no, 1, "value", "code longer than %u letters", ANNAL_CODE_MAX);
                return -1;
            }
            snprintf(v->code, sizeof v->code, "%s", val);
        } else if (eq && (strcmp(a, "FROM") == 0 || strcmp(a, "UNTIL") == 0)) {
            int32_t *day = a[0] == 'F' ? &v->from : &v->until;
            if (ab_parse_day(val, strlen(val), day)) {
                ab_report(l->b, l->path, l->no, 1, "value", "%s=%s: expected a date YYYY-MM-DD", a, val);
                return -1;
            }
            *(a[0] == 'F' ? &has_from : &has_until) = 1;
        } else {
            ab_report(l->b, l->path, l->no, 1, "attribute", "unknown attribute \"%s\"", a);
            return -1;
        }
    }
    if (has_from && has_until && v->from >= v->until) {
        ab_report(l->b, l->path, l->no, 1, "dates", "FROM is not before UNTIL");
        return -1;
    }
    return 0;
}

/* Attributes that must come together, and the code's parts. */
static int S_consistent(const abline *l, abval *v)
{
    uint32_t k = v->kind;

    const uint32_t main = ANNAL_AE_COUNTRY | ANNAL_AE_ROLE | ANNAL_AE_CODE;

    if (!(k & (main | ANNAL_AE_FORMER | ANNAL_AE_GENERIC))) {
        ab_report(l->b, l->path, l->no, 1, "kind", "a line needs COUNTRY=, ROLE=, CODE=, FORMER or GENERIC");
        return -1;
    }
    if (((k & (ANNAL_AE_ADJ | ANNAL_AE_CAPITAL | ANNAL_AE_PEOPLE)) && !(k & ANNAL_AE_COUNTRY)) ||
        ((k & ANNAL_AE_PEOPLE) && (k & (ANNAL_AE_ADJ | ANNAL_AE_CAPITAL))) ||
        ((k & ANNAL_AE_TITLE) && !(k & ANNAL_AE_ROLE)) ||
        ((k & (ANNAL_AE_FORMER | ANNAL_AE_GENERIC)) && (k & main)) ||
        ((k & ANNAL_AE_FORMER) && (k & ANNAL_AE_GENERIC))) {
        ab_report(l->b, l->path, l->no, 1, "kind", "ADJ, CAPITAL and PEOPLE (one of them) go with "
                  "COUNTRY=, TITLE with ROLE=, FORMER and GENERIC alone");
        return -1;
    }
    if (k & ANNAL_AE_FORMER) {
        snprintf(v->code, sizeof v->code, "ELI");
        return 0;
    }
    if (k & ANNAL_AE_GENERIC) {
        v->code[0] = '\0';   /* the country the phrase goes with */
        return 0;
    }
    if ((k & ANNAL_AE_COUNTRY) && strlen(v->code) != 3) {
        ab_report(l->b, l->path, l->no, 1, "value", "COUNTRY=%s: a country code has 3 letters", v->code);
        return -1;
    }
    return S_check_code(l, v->code, (k & ANNAL_AE_ROLE) != 0);
}

/* The phrase: lower-cased into key (words joined by one space); -1 after
 * reporting a problem. */
static int S_phrase(const abline *l, const char *p, size_t n, int case_ok, char *key,
                    size_t cap, size_t *kn)
{
    size_t words = 1;

    if (n == 0 || n > ANNAL_AK_MAX_BYTES) {
        ab_report(l->b, l->path, l->no, 1, "phrase", "phrase empty or longer than %u bytes",
                  ANNAL_AK_MAX_BYTES);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] == ' ' && (i == 0 || i + 1 == n || p[i + 1] == ' ')) {
            ab_report(l->b, l->path, l->no, 1, "phrase", "leading, trailing or double space in the phrase");
            return -1;
        }
        words += p[i] == ' ';
    }
    if (words > ANNAL_AK_MAX_WORDS) {
        ab_report(l->b, l->path, l->no, 1, "phrase", "more than %u words", ANNAL_AK_MAX_WORDS);
        return -1;
    }
    *kn = annal_lowercase(p, n, key, cap);
    if (!case_ok && (*kn != n || memcmp(key, p, n) != 0)) {
        ab_report(l->b, l->path, l->no, 1, "phrase", "phrase has capitals: write it in lower case, or "
                  "add CASE to match it only as written");
        return -1;
    }
    return 0;
}

static int S_line(annal_actors_build *b, const char *path, uint64_t no, char *line,
                  uint32_t extra_kind)
{
    abline l = {b, path, no};
    char *tab = strchr(line, '\t'), key[ANNAL_AK_MAX_BYTES * 2 + 4], origin[512];
    size_t dl = strlen(b->opts->actors_dir), kn;
    /* the origin names the file relative to the actors directory */
    const char *rel = strncmp(path, b->opts->actors_dir, dl) == 0 && path[dl] == '/' ? path + dl + 1 : path;
    abval v;
    abkey *k;

    if (!tab || tab == line || strchr(tab + 1, '\t')) {
        ab_report(b, path, no, 1, "format", "expected \"phrase<TAB>attributes\" (one TAB)");
        return 0;
    }
    *tab = '\0';
    memset(&v, 0, sizeof v);
    v.from = ANNAL_DAY_NONE_FROM;
    v.until = ANNAL_DAY_NONE_UNTIL;
    v.kind = extra_kind;
    if (S_attrs(&l, tab + 1, &v) || S_consistent(&l, &v) ||
        S_phrase(&l, line, strlen(line), (v.kind & ANNAL_AE_CASE) != 0, key, sizeof key, &kn))
        return 0;
    if (!(k = ab_key(b, key, kn)))
        return -1;
    snprintf(origin, sizeof origin, "%.400s:%llu", rel, (unsigned long long)no);
    b->lines++;
    return ab_add_value(k, &v, (v.kind & ANNAL_AE_CASE) ? line : NULL, origin);
}

/* extra_kind: ANNAL_AE_PERSON for the people files. */
static annal_status S_file(annal_actors_build *b, const char *path, uint32_t extra_kind,
                           annal_error *err)
{
    FILE *f = fopen(path, "r");
    char line[AB_MAX_LINE];
    uint64_t no = 0;

    if (!f)
        return annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET, "cannot open: %s", strerror(errno));
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        char *s = line;
        no++;
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            ab_report(b, path, no, 1, "format", "line longer than %u bytes", AB_MAX_LINE - 2);
            while (fgets(line, sizeof line, f) && !strchr(line, '\n'))
                ;
            continue;
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        while (*s == ' ')
            s++;
        if (!*s || *s == '#')
            continue;
        if (!annal_utf8_valid((const unsigned char *)line, n)) {
            ab_report(b, path, no, 1, "format", "line is not valid UTF-8");
            continue;
        }
        if (S_line(b, path, no, line, extra_kind)) {
            fclose(f);
            return annal_error_set(err, ANNAL_ENOMEM, path, no, ANNAL_NO_OFFSET, "out of memory");
        }
    }
    fclose(f);
    return ANNAL_OK;
}

static int S_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt of dir, in name order; a missing dir is fine when optional. */
static annal_status S_dir(annal_actors_build *b, const char *dir, int optional,
                          uint32_t extra_kind, annal_error *err)
{
    char *names[AB_MAX_FILES], path[8192];
    size_t n = 0;
    struct dirent *de;
    annal_status st = ANNAL_OK;
    DIR *d = opendir(dir);

    if (!d)
        return optional && errno == ENOENT ? ANNAL_OK
               : annal_error_set(err, ANNAL_EIO, dir, 0, ANNAL_NO_OFFSET, "cannot open directory: %s",
                                 strerror(errno));
    while ((de = readdir(d)) != NULL && n < AB_MAX_FILES) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0 &&
            (names[n] = strdup(de->d_name)) != NULL)
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], S_cmp_name);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (st == ANNAL_OK)
            st = S_file(b, path, extra_kind, err);
        free(names[i]);
    }
    return st;
}

/* ---- checks across lines ------------------------------------------------ */

static void S_free_value(abval *v)
{
    free(v->case_form);
    free(v->origin);
}

/* Data lines win over names generated from iso-codes. */
static void S_drop_generated(abkey *k)
{
    uint32_t w = 0, data = 0;

    for (uint32_t i = 0; i < k->nvals; i++)
        data += !k->vals[i].generated;
    if (!data)
        return;
    for (uint32_t i = 0; i < k->nvals; i++) {
        if (k->vals[i].generated)
            S_free_value(&k->vals[i]);
        else
            k->vals[w++] = k->vals[i];
    }
    k->nvals = w;
}

static int S_same_case(const abval *a, const abval *b)
{
    if (!a->case_form || !b->case_form)
        return !a->case_form && !b->case_form;
    return strcmp(a->case_form, b->case_form) == 0;
}

static int S_cmp_value(const void *x, const void *y)
{
    const abval *a = x, *b = y;
    int c = strcmp(a->case_form ? a->case_form : "", b->case_form ? b->case_form : "");

    if (c)
        return c;
    return a->from < b->from ? -1 : a->from > b->from;
}

/* Reports a finding about the value whose origin is "file:line" (a data
 * file under the actors directory: reported with its path and line) or
 * "iso_3166-1.json:ARM" (generated: reported as it is). */
static void S_report_value(annal_actors_build *b, const char *origin, int is_error,
                           const char *code, const char *msg)
{
    const char *colon = strrchr(origin, ':');
    char path[4096];
    char *end = NULL;
    unsigned long long line = colon ? strtoull(colon + 1, &end, 10) : 0;

    if (!colon || !end || *end || line == 0) {
        ab_report(b, origin, 0, is_error, code, "%s", msg);
        return;
    }
    snprintf(path, sizeof path, "%s/%.*s", b->opts->actors_dir, (int)(colon - origin), origin);
    ab_report(b, path, line, is_error, code, "%s", msg);
}

/* Undated rows are the fallback, so only dated ones can overlap; two
 * undated rows of one phrase are a conflict too. */
static void S_check_key(annal_actors_build *b, abkey *k)
{
    S_drop_generated(k);
    qsort(k->vals, k->nvals, sizeof *k->vals, S_cmp_value);
    for (uint32_t i = 0; i < k->nvals; i++)
        for (uint32_t j = i + 1; j < k->nvals; j++) {
            const abval *a = &k->vals[i], *c = &k->vals[j];
            int a_open = a->from == ANNAL_DAY_NONE_FROM && a->until == ANNAL_DAY_NONE_UNTIL;
            int c_open = c->from == ANNAL_DAY_NONE_FROM && c->until == ANNAL_DAY_NONE_UNTIL;
            if (!S_same_case(a, c) || (a_open != c_open) || (!a_open && c->from >= a->until))
                continue;
            char msg[1024];
            int dup = a->kind == c->kind && strcmp(a->code, c->code) == 0 && a->from == c->from &&
                      a->until == c->until;
            if (dup)
                snprintf(msg, sizeof msg, "\"%s\" repeats %s", k->key, a->origin);
            else
                snprintf(msg, sizeof msg, "\"%s\" (%s) holds on the same days as %s (%s)",
                         k->key, c->code, a->origin, a->code);
            S_report_value(b, c->origin, !dup, dup ? "duplicate" : "overlap", msg);
        }
}

/* Marks every proper word-prefix of each key, creating prefix-only keys. */
static int S_prefixes(annal_actors_build *b)
{
    size_t n = b->nkeys;

    for (size_t i = 0; i < n; i++) {
        for (uint32_t j = 0; j < b->keys[i].len; j++) {
            abkey *p;
            if (b->keys[i].key[j] != ' ')
                continue;
            /* keys may move while ab_key grows the array: index, not pointer */
            if (!(p = ab_key(b, b->keys[i].key, j)))
                return -1;
            p->prefix = 1;
        }
    }
    return 0;
}

annal_status annal_actors_build_read(const annal_actors_build_opts *o,
                                     annal_actors_build **out, annal_error *err)
{
    annal_actors_build *b = calloc(1, sizeof *b);
    char people[4096];
    annal_status st;

    *out = NULL;
    if (!b)
        return annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
    b->opts = o;
    snprintf(people, sizeof people, "%s/people", o->actors_dir);
    st = ab_read_countries(b, err);
    if (st == ANNAL_OK)
        st = S_dir(b, o->actors_dir, 0, 0, err);
    if (st == ANNAL_OK)
        st = S_dir(b, people, 1, ANNAL_AE_PERSON, err);
    if (st == ANNAL_OK)
        st = ab_read_cameo(b, err);
    for (size_t i = 0; st == ANNAL_OK && i < b->nkeys; i++)
        S_check_key(b, &b->keys[i]);
    if (st == ANNAL_OK && S_prefixes(b))
        st = annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
    if (st != ANNAL_OK) {
        annal_actors_build_free(b);
        return st;
    }
    *out = b;
    return ANNAL_OK;
}

uint64_t annal_actors_build_errors(const annal_actors_build *b)
{
    return b->errors;
}

uint64_t annal_actors_build_warnings(const annal_actors_build *b)
{
    return b->warnings;
}

void annal_actors_build_summary(const annal_actors_build *b, char *buf, size_t cap)
{
    size_t phrases = 0;

    for (size_t i = 0; i < b->nkeys; i++)
        phrases += b->keys[i].nvals > 0;
    snprintf(buf, cap, "%zu actor phrases (%llu dictionary lines), %zu countries, %zu CAMEO codes",
             phrases, (unsigned long long)b->lines, b->nctry, b->ncameo);
}

void annal_actors_build_free(annal_actors_build *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->nkeys; i++) {
        for (uint32_t j = 0; j < b->keys[i].nvals; j++)
            S_free_value(&b->keys[i].vals[j]);
        free(b->keys[i].vals);
        free(b->keys[i].key);
    }
    for (size_t i = 0; i < b->nctry; i++)
        free(b->ctry[i].name);
    for (size_t i = 0; i < b->ncameo; i++) {
        free(b->cameo[i].event);
        free(b->cameo[i].mode);
        free(b->cameo[i].context);
        free(b->cameo[i].name);
    }
    free(b->keys);
    free(b->slots);
    free(b->ctry);
    free(b->cameo);
    free(b);
}
