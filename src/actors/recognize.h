/*
 * recognize.h - the ACTORS stage: actor mentions in a document's
 * sentences, coded by the dictionary (table.h).  Rules: docs/actors.md.
 *
 * Per sentence it
 *   1. finds units: the longest dictionary phrase at each word (a country,
 *      its adjective or capital, a role word, a named person or body,
 *      "former"), resolved for the document's date;
 *   2. groups adjacent units into mentions: [former] [countries joined by
 *      "and" or ","] ['s] [role words] [a named actor, or an unknown
 *      name after a title], and codes each: the named actor's code, else
 *      country + the last role word's role, else the country, else the
 *      role alone;
 *   3. resolves references back: "the ministry" takes the country of the
 *      latest mention with the same role within ANNAL_ACTOR_COREF_WINDOW
 *      sentences, "he"/"she" the latest person within
 *      ANNAL_ACTOR_PRONOUN_WINDOW, and a person's surname alone the person.
 */
#ifndef ANNAL_ACTORS_RECOGNIZE_H
#define ANNAL_ACTORS_RECOGNIZE_H

#include "annal.h"
#include "table.h"
#include "../core/arena.h"

#define ANNAL_ACTOR_COREF_WINDOW 12u   /* sentences back for "the ministry" */
#define ANNAL_ACTOR_PRONOUN_WINDOW 2u  /* sentences back for "he", "she" */
#define ANNAL_ACTOR_MAX_SURNAMES 64u   /* people remembered per document */
#define ANNAL_ACTOR_MAX_COUNTRIES 6u   /* "Armenian and Azerbaijani troops" */
#define ANNAL_ACTOR_MAX_NAME 6u        /* words of an unknown name after a title */
#define ANNAL_ACTOR_MAX_MODIFIERS 2u   /* words between a country and its role */

/* A unit: one dictionary phrase found in the text (private to the stage,
 * kept in annal_actorvec for reuse). */
typedef struct annal_actor_unit {
    uint32_t first, last;               /* token range, inclusive */
    uint32_t kind;                      /* ANNAL_AE_* of the value used */
    char code[ANNAL_CODE_MAX + 1];
    const char *origin;                 /* dictionary line, "file:line" */
    uint32_t origin_len;
    int32_t from, until;                /* the value's date range */
} annal_actor_unit;

typedef struct annal_actorvec {
    annal_actor *v;
    size_t n, cap;
    annal_actor_unit *units;            /* scratch for one sentence */
    size_t nunits, units_cap;
    const annal_alloc *alloc;
} annal_actorvec;

typedef struct annal_actor_input {
    const annal_actor_table *table;
    const annal_token *toks;
    const annal_sentence *sents;
    size_t nsents;
    const char *norm;                   /* the normalised text */
    annal_ymd day;                      /* entries resolved for it; year 0:
                                           none (undated or latest rows) */
    annal_arena *arena;                 /* rule strings */
} annal_actor_input;

annal_status annal_find_actors(const annal_actor_input *in, annal_actorvec *out);

#endif
