/*
 * actors_build_impl.h - the build-time state shared by actors_build.c,
 * countries_build.c and cameo_build.c (private to dict/).
 *
 * Keys (abkey) live in an open-addressing map by their lower-cased bytes;
 * each holds the values (abval) its lines gave, one per date range.
 * Strings are malloc'd copies owned by the builder.
 */
#ifndef ANNAL_DICT_ACTORS_BUILD_IMPL_H
#define ANNAL_DICT_ACTORS_BUILD_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "actors_build.h"
#include "../actors/table.h"

#define AB_MAX_LINE 4096u
#define AB_MAX_FILES 256u

typedef struct abval {
    uint32_t kind;               /* ANNAL_AE_* */
    char code[ANNAL_CODE_MAX + 1];
    int32_t from, until;         /* days; ANNAL_DAY_NONE_* when open */
    char *case_form;             /* ANNAL_AE_CASE: the phrase as written */
    char *origin;                /* "file:line" */
    int generated;               /* from iso-codes: yields to any data line */
} abval;

typedef struct abkey {
    char *key;
    uint32_t len, words;
    abval *vals;
    uint32_t nvals, cap;
    int prefix;                  /* a longer key starts with it */
} abkey;

typedef struct abcountry {
    char alpha3[4], alpha2[4];
    char *name;
    int historical;
} abcountry;

typedef struct abcameo {
    char code[8];
    int goldstein10, quad;
    char *event, *mode, *context, *name;
} abcameo;

struct annal_actors_build {
    const annal_actors_build_opts *opts;
    abkey *keys;
    size_t nkeys, cap;
    uint32_t *slots;             /* key index + 1 */
    size_t nslots;
    uint32_t max_words;
    abcountry *ctry;
    size_t nctry, ctry_cap;
    abcameo *cameo;
    size_t ncameo, cameo_cap;
    uint64_t lines, errors, warnings;
};

/* A finding at file:line; counted as an error or a warning. */
void ab_report(annal_actors_build *b, const char *file, uint64_t line, int is_error,
               const char *code, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The key for key[0..len) (lower-cased already), created if missing;
 * NULL when out of memory. */
abkey *ab_key(annal_actors_build *b, const char *key, size_t len);
abkey *ab_find(const annal_actors_build *b, const char *key, size_t len);
/* Appends a value to k (copies case_form and origin). */
int ab_add_value(abkey *k, const abval *v, const char *case_form, const char *origin);

/* 1 if alpha3 is a country of the country list (current or historical). */
int ab_country_known(const annal_actors_build *b, const char *alpha3);
/* Reads the iso-codes JSON files into the country list and generates a
 * COUNTRY entry for each comma-free name (countries_build.c). */
annal_status ab_read_countries(annal_actors_build *b, annal_error *err);
/* Reads the CAMEO event table (cameo_build.c). */
annal_status ab_read_cameo(annal_actors_build *b, annal_error *err);

/* "YYYY-MM-DD" -> days since 1970; 0 on success. */
int ab_parse_day(const char *s, size_t n, int32_t *day);

#endif
