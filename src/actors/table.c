/* table.c - the actor, country and CAMEO sections of the snapshot; see
 * table.h. */
#include "table.h"

#include <string.h>

#include "../core/error.h"
#include "../core/hash.h"
#include "../core/le.h"

static annal_status S_bad(annal_error *err, const char *name, const char *sec,
                          uint64_t at, const char *what)
{
    return annal_error_set(err, ANNAL_EDICT, name, 0, at,
                           "section %s: %s (corrupt snapshot)", sec, what);
}

/* A string of the pool: inside it, and followed by its NUL. */
static int S_str_ok(const annal_actor_table *t, uint32_t off, uint32_t len)
{
    return off < t->strs_len && len < t->strs_len - off && t->strs[off + len] == '\0';
}

/* A code: 3-letter upper-case parts, at most ANNAL_CODE_MAX bytes. */
static int S_code_ok(const unsigned char *s, uint32_t n)
{
    if (n == 0 || n % 3 || n > ANNAL_CODE_MAX)
        return 0;
    for (uint32_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static annal_status S_check_values(const annal_actor_table *t, const char *name,
                                   annal_error *err)
{
    for (uint32_t i = 0; i < t->nvals; i++) {
        const unsigned char *v = t->vals + (uint64_t)i * ANNAL_AV_SIZE;
        uint32_t co = annal_le32(v + 4), cl = annal_le32(v + 8);
        int32_t from = (int32_t)annal_le32(v + 12), until = (int32_t)annal_le32(v + 16);
        if (!S_str_ok(t, co, cl) ||
            (!(annal_le32(v) & ANNAL_AE_GENERIC) && !S_code_ok(t->strs + co, cl)) ||
            !S_str_ok(t, annal_le32(v + 20), annal_le32(v + 24)) ||
            !S_str_ok(t, annal_le32(v + 28), annal_le32(v + 32)) || from >= until)
            return S_bad(err, name, "ACTV", (uint64_t)i * ANNAL_AV_SIZE, "bad value row");
    }
    return ANNAL_OK;
}

static annal_status S_check_keys(const annal_actor_table *t, const char *name,
                                 annal_error *err)
{
    for (uint32_t i = 0; i < t->nkeys; i++) {
        const unsigned char *k = t->keys + (uint64_t)i * ANNAL_AK_SIZE;
        uint32_t first = annal_le32(k + 8), n = annal_le32(k + 12) & ~ANNAL_AK_PREFIX;
        if (!S_str_ok(t, annal_le32(k), annal_le32(k + 4)) ||
            annal_le32(k + 4) > ANNAL_AK_MAX_BYTES || n > ANNAL_AK_MAX_VALUES ||
            first > t->nvals || n > t->nvals - first)
            return S_bad(err, name, "ACTK", (uint64_t)i * ANNAL_AK_SIZE, "bad key row");
    }
    for (uint32_t i = 0; i < t->nslots; i++)
        if (annal_le32(t->slots + 4 * (uint64_t)i) > t->nkeys)
            return S_bad(err, name, "ACTH", 8 + 4 * (uint64_t)i, "slot out of range");
    return ANNAL_OK;
}

static annal_status S_check_tables(const annal_actor_table *t, const char *name,
                                   annal_error *err)
{
    for (uint32_t i = 0; i < t->nctry; i++) {
        const unsigned char *c = t->ctry + (uint64_t)i * ANNAL_CTRY_SIZE;
        if (!S_code_ok(c, 3) || c[3] || c[6] || c[7] ||
            !S_str_ok(t, annal_le32(c + 8), annal_le32(c + 12)) ||
            (i && memcmp(c - ANNAL_CTRY_SIZE, c, 3) >= 0))
            return S_bad(err, name, "CTRY", (uint64_t)i * ANNAL_CTRY_SIZE, "bad country row");
    }
    for (uint32_t i = 0; i < t->ncame; i++) {
        const unsigned char *c = t->came + (uint64_t)i * ANNAL_CAME_SIZE;
        int32_t g = (int32_t)annal_le32(c + 8);
        if (c[7] || !c[0] || memchr(c, '\0', 8) == c || g < -100 || g > 100 ||
            annal_le32(c + 12) < 1 || annal_le32(c + 12) > 4 ||
            (i && strncmp((const char *)c - ANNAL_CAME_SIZE, (const char *)c, 8) >= 0))
            return S_bad(err, name, "CAME", (uint64_t)i * ANNAL_CAME_SIZE, "bad code row");
        for (int f = 16; f <= 40; f += 8)
            if (!S_str_ok(t, annal_le32(c + f), annal_le32(c + f + 4)))
                return S_bad(err, name, "CAME", (uint64_t)i * ANNAL_CAME_SIZE + (uint64_t)f,
                             "string out of range");
    }
    return ANNAL_OK;
}

annal_status annal_actor_table_load(annal_actor_table *t, const annal_snapshot *s,
                                    const char *name, annal_error *err)
{
    const annal_section *str = annal_snapshot_find(s, ANNAL_SEC_ACTS);
    const annal_section *key = annal_snapshot_find(s, ANNAL_SEC_ACTK);
    const annal_section *hsh = annal_snapshot_find(s, ANNAL_SEC_ACTH);
    const annal_section *val = annal_snapshot_find(s, ANNAL_SEC_ACTV);
    const annal_section *cty = annal_snapshot_find(s, ANNAL_SEC_CTRY);
    const annal_section *cam = annal_snapshot_find(s, ANNAL_SEC_CAME);
    annal_status st;

    memset(t, 0, sizeof *t);
    if (!str || !key || !hsh || !val || !cty || !cam)
        return annal_error_set(err, ANNAL_EDICT, name, 0, ANNAL_NO_OFFSET,
                               "snapshot lacks the actor sections; rebuild it with `annal dict build`");
    if (key->size % ANNAL_AK_SIZE || val->size % ANNAL_AV_SIZE ||
        cty->size % ANNAL_CTRY_SIZE || cam->size % ANNAL_CAME_SIZE || hsh->size < 8)
        return S_bad(err, name, "ACTK/ACTV/CTRY/CAME/ACTH", 0, "size is not a whole number of rows");
    t->strs = str->p;
    t->strs_len = str->size;
    t->keys = key->p;
    t->nkeys = (uint32_t)(key->size / ANNAL_AK_SIZE);
    t->vals = val->p;
    t->nvals = (uint32_t)(val->size / ANNAL_AV_SIZE);
    t->ctry = cty->p;
    t->nctry = (uint32_t)(cty->size / ANNAL_CTRY_SIZE);
    t->came = cam->p;
    t->ncame = (uint32_t)(cam->size / ANNAL_CAME_SIZE);
    t->nslots = annal_le32(hsh->p);
    t->max_words = annal_le32(hsh->p + 4);
    t->slots = hsh->p + 8;
    if (t->nslots == 0 || (t->nslots & (t->nslots - 1)) || t->nslots <= t->nkeys ||
        (uint64_t)t->nslots * 4 != hsh->size - 8 || t->max_words > ANNAL_AK_MAX_WORDS)
        return S_bad(err, name, "ACTH", 0, "bad table size");
    if ((st = S_check_values(t, name, err)) != ANNAL_OK ||
        (st = S_check_keys(t, name, err)) != ANNAL_OK ||
        (st = S_check_tables(t, name, err)) != ANNAL_OK)
        return st;
    return ANNAL_OK;
}

int64_t annal_actor_find(const annal_actor_table *t, const char *key, size_t len,
                         int *prefix_only, int *more)
{
    uint32_t h = (uint32_t)annal_hash(key, len) & (t->nslots - 1), idx;

    /* the table is never full (nslots > nkeys), so the probe ends */
    while ((idx = annal_le32(t->slots + 4 * (uint64_t)h)) != 0) {
        const unsigned char *k = t->keys + (uint64_t)(idx - 1) * ANNAL_AK_SIZE;
        if (annal_le32(k + 4) == len && memcmp(t->strs + annal_le32(k), key, len) == 0) {
            uint32_t n = annal_le32(k + 12);
            *prefix_only = (n & ~ANNAL_AK_PREFIX) == 0;
            *more = (n & ANNAL_AK_PREFIX) != 0;
            return idx - 1;
        }
        h = (h + 1) & (t->nslots - 1);
    }
    return -1;
}

uint32_t annal_actor_nvalues(const annal_actor_table *t, uint32_t k)
{
    return annal_le32(t->keys + (uint64_t)k * ANNAL_AK_SIZE + 12) & ~ANNAL_AK_PREFIX;
}

void annal_actor_value_at(const annal_actor_table *t, uint32_t k, uint32_t i,
                          annal_actor_value *out)
{
    uint32_t first = annal_le32(t->keys + (uint64_t)k * ANNAL_AK_SIZE + 8);
    const unsigned char *v = t->vals + (uint64_t)(first + i) * ANNAL_AV_SIZE;

    out->kind = annal_le32(v);
    out->code = (const char *)t->strs + annal_le32(v + 4);
    out->code_len = annal_le32(v + 8);
    out->from = (int32_t)annal_le32(v + 12);
    out->until = (int32_t)annal_le32(v + 16);
    out->case_form = (const char *)t->strs + annal_le32(v + 20);
    out->case_len = annal_le32(v + 24);
    out->origin = (const char *)t->strs + annal_le32(v + 28);
    out->origin_len = annal_le32(v + 32);
}

/* 1 if a CASE row's form is exactly the surface text. */
static int S_case_ok(const annal_actor_value *v, const char *surface, size_t n)
{
    return !(v->kind & ANNAL_AE_CASE) ||
           (v->case_len == n && memcmp(v->case_form, surface, n) == 0);
}

int annal_actor_resolve(const annal_actor_table *t, uint32_t k, const char *surface,
                        size_t surface_len, int has_day, int32_t day,
                        annal_actor_value *out)
{
    uint32_t n = annal_actor_nvalues(t, k);
    int found = 0, found_undated = 0;
    annal_actor_value v, undated;

    for (uint32_t i = 0; i < n; i++) {
        int dated;
        annal_actor_value_at(t, k, i, &v);
        if (!S_case_ok(&v, surface, surface_len))
            continue;
        dated = v.from != ANNAL_DAY_NONE_FROM || v.until != ANNAL_DAY_NONE_UNTIL;
        if (!dated) {
            undated = v;
            found_undated = 1;
        } else if (has_day && day >= v.from && day < v.until) {
            *out = v;
            return 1;
        } else if (!has_day && (!found || v.from > out->from)) {
            *out = v;
            found = 1;
        }
    }
    if (found_undated) {
        *out = undated;
        return 1;
    }
    return found;
}

int annal_country_find(const annal_actor_table *t, const char *alpha3,
                       const char **name, uint32_t *name_len, char alpha2[3])
{
    uint32_t lo = 0, hi = t->nctry;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const unsigned char *c = t->ctry + (uint64_t)mid * ANNAL_CTRY_SIZE;
        int r = memcmp(c, alpha3, 3);
        if (r == 0) {
            if (name) {
                *name = (const char *)t->strs + annal_le32(c + 8);
                *name_len = annal_le32(c + 12);
            }
            if (alpha2) {
                memcpy(alpha2, c + 4, 2);
                alpha2[2] = '\0';
            }
            return 1;
        }
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

uint32_t annal_cameo_table_count(const annal_actor_table *t)
{
    return t->ncame;
}

void annal_cameo_table_at(const annal_actor_table *t, uint32_t i, annal_cameo_row *out)
{
    const unsigned char *c = t->came + (uint64_t)i * ANNAL_CAME_SIZE;
    const char *s = (const char *)t->strs;

    memcpy(out->code, c, 8);
    out->goldstein = (int32_t)annal_le32(c + 8) / 10.0;
    out->quad = annal_le32(c + 12);
    out->event = s + annal_le32(c + 16);
    out->event_len = annal_le32(c + 20);
    out->mode = s + annal_le32(c + 24);
    out->mode_len = annal_le32(c + 28);
    out->context = s + annal_le32(c + 32);
    out->context_len = annal_le32(c + 36);
    out->name = s + annal_le32(c + 40);
    out->name_len = annal_le32(c + 44);
}

int annal_cameo_table_find(const annal_actor_table *t, const char *code, annal_cameo_row *out)
{
    uint32_t lo = 0, hi = t->ncame;
    char key[8] = {0};

    if (strlen(code) >= sizeof key)
        return 0;
    memcpy(key, code, strlen(code));
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int r = strncmp((const char *)t->came + (uint64_t)mid * ANNAL_CAME_SIZE, key, 8);
        if (r == 0) {
            annal_cameo_table_at(t, mid, out);
            return 1;
        }
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
