/*
 * actors_emit.c - writes the ACTS, ACTK, ACTH, ACTV, CTRY and CAME
 * sections (layouts in actors/table.h) from a checked builder.  Keys,
 * countries and codes are sorted first, so the same data always gives
 * the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "actors_build_impl.h"
#include "../core/error.h"
#include "../core/hash.h"
#include "../core/le.h"

/* Appends s and a NUL; returns its offset. */
static uint32_t S_str(annal_buf *strs, const char *s, size_t n)
{
    uint32_t off = (uint32_t)strs->len;

    annal_buf_put(strs, s, n);
    annal_buf_put(strs, "", 1);
    return off;
}

static void S_put32(annal_buf *o, uint32_t v)
{
    unsigned char t[4];

    annal_put_le32(t, v);
    annal_buf_put(o, (const char *)t, 4);
}

static int S_cmp_key(const void *x, const void *y)
{
    const abkey *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->key, b->key, n);

    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static int S_cmp_country(const void *x, const void *y)
{
    return memcmp(((const abcountry *)x)->alpha3, ((const abcountry *)y)->alpha3, 3);
}

static int S_cmp_cameo(const void *x, const void *y)
{
    return strcmp(((const abcameo *)x)->code, ((const abcameo *)y)->code);
}

static void S_value(annal_buf *vals, annal_buf *strs, const abval *v)
{
    unsigned char row[ANNAL_AV_SIZE] = {0};
    size_t cn = strlen(v->code), fn = v->case_form ? strlen(v->case_form) : 0;

    annal_put_le32(row, v->kind);
    annal_put_le32(row + 4, S_str(strs, v->code, cn));
    annal_put_le32(row + 8, (uint32_t)cn);
    annal_put_le32(row + 12, (uint32_t)v->from);
    annal_put_le32(row + 16, (uint32_t)v->until);
    annal_put_le32(row + 20, fn ? S_str(strs, v->case_form, fn) : 0);   /* 0: "" */
    annal_put_le32(row + 24, (uint32_t)fn);
    annal_put_le32(row + 28, S_str(strs, v->origin, strlen(v->origin)));
    annal_put_le32(row + 32, (uint32_t)strlen(v->origin));
    annal_buf_put(vals, (const char *)row, sizeof row);
}

/* ACTK and ACTV, then the hash over the sorted keys. */
static int S_keys(annal_actors_build *b, annal_buf *strs, annal_buf *keys,
                  annal_buf *vals, annal_buf *hash)
{
    uint32_t nslots = 1, nv = 0, *slots;

    qsort(b->keys, b->nkeys, sizeof *b->keys, S_cmp_key);
    for (size_t i = 0; i < b->nkeys; i++) {
        const abkey *k = &b->keys[i];
        unsigned char row[ANNAL_AK_SIZE];
        annal_put_le32(row, S_str(strs, k->key, k->len));
        annal_put_le32(row + 4, k->len);
        annal_put_le32(row + 8, nv);
        annal_put_le32(row + 12, k->nvals | (k->prefix ? ANNAL_AK_PREFIX : 0));
        annal_buf_put(keys, (const char *)row, sizeof row);
        for (uint32_t j = 0; j < k->nvals; j++)
            S_value(vals, strs, &k->vals[j]);
        nv += k->nvals;
    }
    while (nslots < 2 * b->nkeys + 2)
        nslots *= 2;
    if (!(slots = calloc(nslots, sizeof *slots)))
        return -1;
    for (size_t i = 0; i < b->nkeys; i++) {
        uint32_t h = (uint32_t)annal_hash(b->keys[i].key, b->keys[i].len) & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = (uint32_t)(i + 1);
    }
    S_put32(hash, nslots);
    S_put32(hash, b->max_words);
    for (uint32_t i = 0; i < nslots; i++)
        S_put32(hash, slots[i]);
    free(slots);
    /* the build-time map indexed the unsorted array: drop it */
    free(b->slots);
    b->slots = NULL;
    b->nslots = 0;
    return 0;
}

static void S_countries(annal_actors_build *b, annal_buf *strs, annal_buf *out)
{
    qsort(b->ctry, b->nctry, sizeof *b->ctry, S_cmp_country);
    for (size_t i = 0; i < b->nctry; i++) {
        const abcountry *c = &b->ctry[i];
        unsigned char row[ANNAL_CTRY_SIZE] = {0};
        memcpy(row, c->alpha3, 3);
        memcpy(row + 4, c->alpha2, strlen(c->alpha2) < 3 ? strlen(c->alpha2) : 2);
        annal_put_le32(row + 8, S_str(strs, c->name, strlen(c->name)));
        annal_put_le32(row + 12, (uint32_t)strlen(c->name));
        annal_put_le32(row + 16, c->historical ? ANNAL_CTRY_HISTORICAL : 0);
        annal_buf_put(out, (const char *)row, sizeof row);
    }
}

static void S_cameo(annal_actors_build *b, annal_buf *strs, annal_buf *out)
{
    qsort(b->cameo, b->ncameo, sizeof *b->cameo, S_cmp_cameo);
    for (size_t i = 0; i < b->ncameo; i++) {
        const abcameo *c = &b->cameo[i];
        const char *f[4] = {c->event, c->mode, c->context, c->name};
        unsigned char row[ANNAL_CAME_SIZE] = {0};
        memcpy(row, c->code, strlen(c->code));
        annal_put_le32(row + 8, (uint32_t)(int32_t)c->goldstein10);
        annal_put_le32(row + 12, (uint32_t)c->quad);
        for (int k = 0; k < 4; k++) {
            annal_put_le32(row + 16 + 8 * k, S_str(strs, f[k], strlen(f[k])));
            annal_put_le32(row + 20 + 8 * k, (uint32_t)strlen(f[k]));
        }
        annal_buf_put(out, (const char *)row, sizeof row);
    }
}

annal_status annal_actors_build_emit(annal_actors_build *b, annal_snapshot_writer *w,
                                     annal_error *err)
{
    annal_buf *strs = annal_snapshot_writer_add(w, ANNAL_SEC_ACTS);
    annal_buf *keys = annal_snapshot_writer_add(w, ANNAL_SEC_ACTK);
    annal_buf *hash = annal_snapshot_writer_add(w, ANNAL_SEC_ACTH);
    annal_buf *vals = annal_snapshot_writer_add(w, ANNAL_SEC_ACTV);
    annal_buf *ctry = annal_snapshot_writer_add(w, ANNAL_SEC_CTRY);
    annal_buf *came = annal_snapshot_writer_add(w, ANNAL_SEC_CAME);

    if (!strs || !keys || !hash || !vals || !ctry || !came)
        return annal_error_set(err, ANNAL_ELIMIT, NULL, 0, ANNAL_NO_OFFSET, "too many sections");
    annal_buf_put(strs, "", 1);   /* offset 0: the empty string */
    if (S_keys(b, strs, keys, vals, hash))
        return annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
    S_countries(b, strs, ctry);
    S_cameo(b, strs, came);
    return ANNAL_OK;
}
