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
#define ANNAL_LEX_MAX_FLAGGED 64u   /* bytes: longer words are never flagged */
#define ANNAL_LEX_MAX_VALUE 1e15    /* |value| of an entry, checked on load */
#define ANNAL_LEX_SMALL_BITS 11u
#define ANNAL_LEX_SMALL (1u << ANNAL_LEX_SMALL_BITS) /* slots for short flagged keys */
#define ANNAL_LEX_BLOOM_BITS 14u   /* one bit per 2^14 hash values: 2 KiB */
#define ANNAL_LEX_MID_BITS 9u
#define ANNAL_LEX_MID (1u << ANNAL_LEX_MID_BITS) /* slots for 9..16-byte keys */
#define ANNAL_LEX_LONG 2048u         /* slots for longer flagged keys */


/* One slot of the short-key table: a packed key (never 0 for a real key),
 * its entry number + 1 (0 = empty) and that entry's flags. */
typedef struct annal_lex_slot {
    uint64_t key;
    uint32_t idx;
    uint32_t flags;
} annal_lex_slot;

/* One slot of the mid-length table: a key of 9..16 bytes as its first and
 * last eight bytes (overlapping; lower-case, little-endian) and its
 * length, with entry number + 1 (0 = empty) and flags. */
typedef struct annal_lex_mid {
    uint64_t head, tail;
    uint32_t len, idx, flags;
} annal_lex_mid;

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
     * one multiply and usually one compare: key, entry and flags share a
     * slot, so a probe touches one cache line (the table is 32 KiB, kept
     * at most half full).  Longer keys are found by their FNV-1a hash in
     * `long_hash` (computed while lower-casing, compared whole, then the
     * key verified). */
    annal_lex_slot small[ANNAL_LEX_SMALL];
    /* Bit h of `small_bits` is set when some short key's hash has top
     * bits h: most words carry no flags, and this 2 KiB filter answers
     * them without touching the 32 KiB table. */
    uint64_t small_bits[(1u << ANNAL_LEX_BLOOM_BITS) / 64];
    int small_overflow;                    /* some short keys did not fit */
    /* Keys of 9..16 ASCII bytes: found by their first and last eight
     * bytes, which cover the whole key, with no string compare. */
    annal_lex_mid mid[ANNAL_LEX_MID];
    uint64_t mid_bits[(1u << ANNAL_LEX_BLOOM_BITS) / 64];   /* as small_bits */
    int mid_overflow;
    uint32_t filter[128], filter_last[128]; /* longer keys: bit min(len, 31)
                                               set for their first / last
                                               byte, checked before hashing */
    uint64_t long_hash[ANNAL_LEX_LONG];     /* FNV-1a of longer keys */
    uint32_t long_idx[ANNAL_LEX_LONG];      /* entry number + 1, 0 = empty */
    int long_overflow;                      /* some did not fit: probe LEXH */
};

/* The filter bit of a packed key (Fibonacci hashing: the top
 * ANNAL_LEX_BLOOM_BITS of the product); its home slot in `small` is the
 * top ANNAL_LEX_SMALL_BITS of those. */
static inline uint32_t annal_lex_small_bit(uint64_t pk)
{
    return (uint32_t)((pk * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - ANNAL_LEX_BLOOM_BITS));
}

/* The filter bit of a mid-length key (ANNAL_LEX_BLOOM_BITS of hash);
 * its home slot is the top ANNAL_LEX_MID_BITS of those. */
static inline uint32_t annal_lex_mid_bit(uint64_t head, uint64_t tail, size_t len)
{
    uint64_t h = (head ^ (tail * UINT64_C(0xC2B2AE3D27D4EB4F)) ^ len) * UINT64_C(0x9E3779B97F4A7C15);
    return (uint32_t)(h >> (64 - ANNAL_LEX_BLOOM_BITS));
}

/* Probes the mid-length table (9..16 bytes): entry number + 1 and its
 * flags, or 0.  head and tail as in annal_lex_mid. */
static inline uint32_t annal_lexicon_probe_mid(const annal_lexicon *lx, uint64_t head,
                                               uint64_t tail, size_t len, uint32_t *flags)
{
    uint32_t bit = annal_lex_mid_bit(head, tail, len), slot;

    if (!(lx->mid_bits[bit >> 6] & (UINT64_C(1) << (bit & 63)))) {
        *flags = 0;
        return 0;
    }
    slot = bit >> (ANNAL_LEX_BLOOM_BITS - ANNAL_LEX_MID_BITS);
    for (;;) {
        const annal_lex_mid *e = &lx->mid[slot];
        if (!e->idx) {
            *flags = 0;
            return 0;
        }
        if (e->head == head && e->tail == tail && e->len == len) {
            *flags = e->flags;
            return e->idx;
        }
        slot = (slot + 1) & (ANNAL_LEX_MID - 1);
    }
}

/* Probes the short-key table for a packed key (lower-case bytes, byte i
 * at bits 8i): entry number + 1 and its flags, or 0.  Inline: the
 * tokenizer calls it for most words. */
static inline uint32_t annal_lexicon_probe_small(const annal_lexicon *lx,
                                                 uint64_t pk, uint32_t *flags)
{
    uint32_t bit = annal_lex_small_bit(pk), slot;

    if (!(lx->small_bits[bit >> 6] & (UINT64_C(1) << (bit & 63)))) {
        *flags = 0;
        return 0;
    }
    slot = bit >> (ANNAL_LEX_BLOOM_BITS - ANNAL_LEX_SMALL_BITS);
    for (;;) {
        const annal_lex_slot *e = &lx->small[slot];
        if (e->key == pk && e->idx) {
            *flags = e->flags;
            return e->idx;
        }
        if (!e->idx) {
            *flags = 0;
            return 0;
        }
        slot = (slot + 1) & (ANNAL_LEX_SMALL - 1);
    }
}

/* Binds lx to the sections of s and checks every entry, slot, analysis
 * and rule against section bounds. */
annal_status annal_lexicon_load(annal_lexicon *lx, const annal_snapshot *s,
                                const char *name, annal_error *err);

#endif
