/*
 * table.h - the actor dictionary, the country list and the CAMEO event
 * table as they lie in the snapshot (read-only, shared by threads).
 *
 * Sections (all integers little-endian; strings are (offset, length) into
 * ACTS, and each is followed there by a NUL byte, so the public API can
 * hand them out as C strings):
 *
 *   ACTS  string pool of the sections below
 *   ACTK  phrase keys, 16 bytes each, sorted by key bytes:
 *           0 u32 key offset   4 u32 key length (lower-cased UTF-8,
 *                                words joined by one space)
 *           8 u32 first value  12 u32 value count | ANNAL_AK_PREFIX
 *         ANNAL_AK_PREFIX: some longer key starts with this one and a
 *         space, so a longest-match walk goes on.  Keys that only exist as
 *         prefixes have no values.
 *   ACTH  u32 nslots (a power of 2), u32 most words in a key, then nslots
 *         u32 key numbers + 1 (0 = empty); FNV-1a (core/hash.h), linear
 *         probing
 *   ACTV  values, ANNAL_AV_SIZE bytes each: what a key means, one row per
 *         date range (annal_actor_value)
 *   CTRY  countries: ANNAL_CTRY_SIZE bytes each, sorted by alpha-3
 *           0 char[4] alpha-3 (NUL-padded)  4 char[4] alpha-2
 *           8 u32 name offset  12 u32 name length  16 u32 flags
 *           (ANNAL_CTRY_HISTORICAL)  20 u32 reserved
 *   CAME  CAMEO event codes: ANNAL_CAME_SIZE bytes each, sorted by code
 *           0 char[8] code (NUL-padded)  8 i32 Goldstein x 10
 *           12 u32 QuadClass  16/20 PLOVER event  24/28 mode
 *           32/36 context  40/44 name  (offset/length pairs)
 *
 * annal_actor_table_load() checks every offset, length, date range, code
 * and hash slot once, so the lookups below need no checks.
 */
#ifndef ANNAL_ACTORS_TABLE_H
#define ANNAL_ACTORS_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "annal.h"
#include "../dict/snapshot.h"

#define ANNAL_SEC_ACTS ANNAL_SEC('A', 'C', 'T', 'S')
#define ANNAL_SEC_ACTK ANNAL_SEC('A', 'C', 'T', 'K')
#define ANNAL_SEC_ACTH ANNAL_SEC('A', 'C', 'T', 'H')
#define ANNAL_SEC_ACTV ANNAL_SEC('A', 'C', 'T', 'V')
#define ANNAL_SEC_CTRY ANNAL_SEC('C', 'T', 'R', 'Y')
#define ANNAL_SEC_CAME ANNAL_SEC('C', 'A', 'M', 'E')

#define ANNAL_AK_SIZE 16u
#define ANNAL_AV_SIZE 40u
#define ANNAL_CTRY_SIZE 24u
#define ANNAL_CAME_SIZE 48u
#define ANNAL_AK_PREFIX 0x80000000u
#define ANNAL_AK_MAX_VALUES 64u       /* date ranges of one phrase */
#define ANNAL_AK_MAX_WORDS 12u        /* words in one phrase */
#define ANNAL_AK_MAX_BYTES 256u       /* bytes in one phrase */
#define ANNAL_CODE_MAX 24u            /* bytes of a code, 3-letter parts */
#define ANNAL_CTRY_HISTORICAL 1u      /* ISO 3166-3 or user-assigned */
#define ANNAL_DAY_NONE_FROM INT32_MIN
#define ANNAL_DAY_NONE_UNTIL INT32_MAX

/* One row of ACTV, decoded. */
typedef struct annal_actor_value {
    uint32_t kind;                /* ANNAL_AE_* (annal.h) */
    const char *code;             /* not NUL-terminated */
    uint32_t code_len;
    int32_t from, until;          /* days since 1970-01-01: [from, until) */
    const char *case_form;        /* with ANNAL_AE_CASE: the phrase as written */
    uint32_t case_len;
    const char *origin;           /* "file:line" of the dictionary entry */
    uint32_t origin_len;
} annal_actor_value;

/* One row of CAME, decoded. */
typedef struct annal_cameo_row {
    char code[8];                 /* NUL-terminated */
    double goldstein;
    unsigned quad;
    const char *event, *mode, *context, *name;   /* not NUL-terminated */
    uint32_t event_len, mode_len, context_len, name_len;
} annal_cameo_row;

typedef struct annal_actor_table {
    const unsigned char *strs;
    uint64_t strs_len;
    const unsigned char *keys;
    uint32_t nkeys;
    const unsigned char *slots;
    uint32_t nslots, max_words;
    const unsigned char *vals;
    uint32_t nvals;
    const unsigned char *ctry;
    uint32_t nctry;
    const unsigned char *came;
    uint32_t ncame;
} annal_actor_table;

/* Binds t to the sections of s and checks them; `name` for messages. */
annal_status annal_actor_table_load(annal_actor_table *t, const annal_snapshot *s,
                                    const char *name, annal_error *err);

/* The key number of key[0..len) (lower-cased, words joined by one
 * space), or -1.  *prefix_only is set when the key exists only as the
 * start of longer keys; *more when longer keys start with it. */
int64_t annal_actor_find(const annal_actor_table *t, const char *key, size_t len,
                         int *prefix_only, int *more);
/* The value of key k that holds on `day` (days since 1970) when has_day,
 * preferring a dated row that covers it, then the undated row; without a
 * day, the undated row, else the latest-starting one.  `surface` is the
 * text as written, checked against ANNAL_AE_CASE rows.  0 if none. */
int annal_actor_resolve(const annal_actor_table *t, uint32_t k, const char *surface,
                        size_t surface_len, int has_day, int32_t day,
                        annal_actor_value *out);
uint32_t annal_actor_nvalues(const annal_actor_table *t, uint32_t k);
void annal_actor_value_at(const annal_actor_table *t, uint32_t k, uint32_t i,
                          annal_actor_value *out);

/* The country row of an alpha-3 code: 1 and its name, or 0. */
int annal_country_find(const annal_actor_table *t, const char *alpha3,
                       const char **name, uint32_t *name_len,
                       char alpha2[3]);
/* CAMEO rows: by code (1 if found), and by index for listings. */
int annal_cameo_table_find(const annal_actor_table *t, const char *code, annal_cameo_row *out);
uint32_t annal_cameo_table_count(const annal_actor_table *t);
void annal_cameo_table_at(const annal_actor_table *t, uint32_t i, annal_cameo_row *out);

/* ---- codes (codes.c) -------------------------------------------------- */

/* 1 if the three letters at s are a CAMEO role code; *primary tells
 * whether it is a primary one (GOV, MIL, ...). */
int annal_role_code(const char *s, int *primary);
/* 1 if the three letters at s are an international, transnational or
 * region code that may open a code (IGO, NGO, MEA, WST, ...). */
int annal_intl_code(const char *s);

#endif
