/*
 * lexicon_impl.h - the lexicon's view of its snapshot sections (private to
 * lex/ and the engine, which embeds it).  Layout of one LEXE entry:
 *
 *   0  u32 key offset in STRS     16 u32 aux
 *   4  u32 key length             20 u32 analyses offset in LEXA, or NONE
 *   8  u32 pos bits               24 f64 value (IEEE bits, little-endian)
 *   12 u32 flags
 */
#ifndef ANNAL_LEX_LEXICON_IMPL_H
#define ANNAL_LEX_LEXICON_IMPL_H

#include "lexicon.h"
#include "../dict/snapshot.h"

#define ANNAL_LEX_ENTRY_SIZE 32u
#define ANNAL_LEX_NO_ANAL 0xFFFFFFFFu
#define ANNAL_LEX_MAX_RULES 64u
#define ANNAL_LEX_MAX_ANAL 16u      /* analyses per entry, checked on load */
#define ANNAL_LEX_MAX_PHRASE 8u     /* words per phrase key */

typedef struct annal_lex_rule {
    uint32_t pos;
    const char *suffix, *ending;
    uint32_t suffix_len, ending_len;
} annal_lex_rule;

struct annal_lexicon {
    const unsigned char *strs;
    uint64_t strs_len;
    const unsigned char *ents;
    uint32_t nents;
    const unsigned char *slots;
    uint32_t nslots;
    uint32_t max_phrase;
    const unsigned char *anal;
    uint64_t anal_len;
    uint32_t nrules;
    annal_lex_rule rules[ANNAL_LEX_MAX_RULES];
};

/* Binds lx to the sections of s and checks every entry, slot, analysis
 * and rule against section bounds. */
annal_status annal_lexicon_load(annal_lexicon *lx, const annal_snapshot *s,
                                const char *name, annal_error *err);

#endif
