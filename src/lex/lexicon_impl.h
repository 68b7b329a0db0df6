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
#define ANNAL_LEX_MAX_VALUE 1e15    /* |value| of an entry, checked on load */
#define ANNAL_LEX_SMALL 4096u        /* slots for short flagged keys */
#define ANNAL_LEX_LONG 2048u         /* slots for longer flagged keys */


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
    /* The keys that carry lexical flags (ANNAL_LF_*), for
     * annal_lexicon_flagged.  Keys of up to 8 ASCII bytes are packed into a
     * uint64_t (lower-case bytes, little-endian) and found in `small` with
     * one multiply and usually one compare; longer keys are found by their
     * FNV-1a hash in `long_hash` (computed while lower-casing, compared
     * whole, then the key verified). */
    uint64_t small_key[ANNAL_LEX_SMALL];
    uint32_t small_idx[ANNAL_LEX_SMALL];   /* entry number + 1, 0 = empty */
    uint32_t small_flags[ANNAL_LEX_SMALL]; /* that entry's flags */
    int small_overflow;                    /* some short keys did not fit */
    uint32_t filter[128], filter_last[128]; /* longer keys: bit min(len, 31)
                                               set for their first / last
                                               byte, checked before hashing */
    uint64_t long_hash[ANNAL_LEX_LONG];     /* FNV-1a of longer keys */
    uint32_t long_idx[ANNAL_LEX_LONG];      /* entry number + 1, 0 = empty */
    int long_overflow;                      /* some did not fit: probe LEXH */
};

/* Probes the short-key table for a packed key (lower-case bytes, byte i
 * at bits 8i): entry number + 1 and its flags, or 0.  Inline: the
 * tokenizer calls it for most words. */
static inline uint32_t annal_lexicon_probe_small(const annal_lexicon *lx,
                                                 uint64_t pk, uint32_t *flags)
{
    uint32_t slot = (uint32_t)((pk * UINT64_C(0x9E3779B97F4A7C15)) >> 52) & (ANNAL_LEX_SMALL - 1);
    uint32_t idx;

    while ((idx = lx->small_idx[slot]) != 0) {
        if (lx->small_key[slot] == pk) {
            *flags = lx->small_flags[slot];
            return idx;
        }
        slot = (slot + 1) & (ANNAL_LEX_SMALL - 1);
    }
    *flags = 0;
    return 0;
}

/* Binds lx to the sections of s and checks every entry, slot, analysis
 * and rule against section bounds. */
annal_status annal_lexicon_load(annal_lexicon *lx, const annal_snapshot *s,
                                const char *name, annal_error *err);

#endif
