/* lexicon.c - lookups in the snapshot's word table; see lexicon.h. */
#include "lexicon_impl.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "../core/error.h"
#include "../core/hash.h"
#include "../core/le.h"
#include "../core/utf8.h"

#define POS_OPEN (ANNAL_POS_NOUN | ANNAL_POS_VERB | ANNAL_POS_ADJ | ANNAL_POS_ADV)

static annal_status S_bad(annal_error *err, const char *name,
                          const char *sec, uint64_t at, const char *what)
{
    return annal_error_set(err, ANNAL_EDICT, name, 0, at,
                           "section %s: %s (corrupt snapshot)", sec, what);
}

static int S_str_ok(const annal_lexicon *lx, uint32_t off, uint32_t len)
{
    return off <= lx->strs_len && len <= lx->strs_len - off;
}

/* The codes an entry's aux may hold for each flag that reads it; a value
 * outside its range would index tables or enums out of bounds later. */
static const struct { uint32_t flag, lo, hi; } S_aux_ranges[] = {
    {ANNAL_LF_MONTH, 1, 12},   {ANNAL_LF_WEEKDAY, 1, 7},
    {ANNAL_LF_QUAL, 1, ANNAL_Q_UP_TO},
    {ANNAL_LF_DATEUNIT, ANNAL_DU_DAY, ANNAL_DU_CENTURY},
    {ANNAL_LF_DATEDIR, ANNAL_DD_LAST, ANNAL_DD_PAST},
    {ANNAL_LF_DATEPART, ANNAL_DP_EARLY, ANNAL_DP_LATE},
    {ANNAL_LF_UNIT, ANNAL_UNIT_PERCENT, ANNAL_UNIT_MONEY},
};

/* Value and code checks of one entry (its bounds are checked apart). */
static const char *S_entry_problem(const unsigned char *e)
{
    uint32_t flags = annal_le32(e + 12), aux = annal_le32(e + 16);
    uint64_t bits = annal_le64(e + 24);
    double v;

    memcpy(&v, &bits, sizeof v);
    if (!(v >= -ANNAL_LEX_MAX_VALUE && v <= ANNAL_LEX_MAX_VALUE))
        return "value out of range";   /* also NaN */
    for (size_t k = 0; k < sizeof S_aux_ranges / sizeof S_aux_ranges[0]; k++)
        if ((flags & S_aux_ranges[k].flag) &&
            (aux < S_aux_ranges[k].lo || aux > S_aux_ranges[k].hi))
            return "code out of range for its flags";
    return NULL;
}

static annal_status S_check_entries(annal_lexicon *lx, const char *name,
                                    annal_error *err)
{
    for (uint32_t i = 0; i < lx->nents; i++) {
        const unsigned char *e = lx->ents + (uint64_t)i * ANNAL_LEX_ENTRY_SIZE;
        uint32_t a = annal_le32(e + 20);
        const char *problem;

        if (!S_str_ok(lx, annal_le32(e), annal_le32(e + 4)))
            return S_bad(err, name, "LEXE", i * 32ull, "key out of bounds");
        if ((problem = S_entry_problem(e)) != NULL)
            return S_bad(err, name, "LEXE", i * 32ull, problem);
        if (a == ANNAL_LEX_NO_ANAL)
            continue;
        if (a > lx->anal_len || lx->anal_len - a < 4 ||
            annal_le32(lx->anal + a) > ANNAL_LEX_MAX_ANAL ||
            (lx->anal_len - a - 4) / 12 < annal_le32(lx->anal + a))
            return S_bad(err, name, "LEXE", i * 32ull, "analyses out of bounds");
        for (uint32_t k = 0; k < annal_le32(lx->anal + a); k++) {
            const unsigned char *r = lx->anal + a + 4 + k * 12;
            if (!S_str_ok(lx, annal_le32(r + 4), annal_le32(r + 8)))
                return S_bad(err, name, "LEXA", a, "lemma out of bounds");
        }
    }
    return ANNAL_OK;
}

static annal_status S_load_rules(annal_lexicon *lx, const annal_section *m,
                                 const char *name, annal_error *err)
{
    uint32_t n;

    if (m->size < 4 || (n = annal_le32(m->p)) > ANNAL_LEX_MAX_RULES ||
        (m->size - 4) / 20 < n)
        return S_bad(err, name, "MRPH", 0, "bad rule count");
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *r = m->p + 4 + i * 20;
        annal_lex_rule *lr = &lx->rules[i];
        lr->pos = annal_le32(r);
        lr->suffix_len = annal_le32(r + 8);
        lr->ending_len = annal_le32(r + 16);
        if (!S_str_ok(lx, annal_le32(r + 4), lr->suffix_len) ||
            !S_str_ok(lx, annal_le32(r + 12), lr->ending_len))
            return S_bad(err, name, "MRPH", 4 + i * 20, "rule out of bounds");
        lr->suffix = (const char *)lx->strs + annal_le32(r + 4);
        lr->ending = (const char *)lx->strs + annal_le32(r + 12);
    }
    lx->nrules = n;
    return ANNAL_OK;
}

/* Packs up to 8 bytes of s into a word, little-endian. */
static uint64_t S_pack(const unsigned char *s, size_t n)
{
    uint64_t k = 0;

    for (size_t i = 0; i < n; i++)
        k |= (uint64_t)s[i] << (8 * i);
    return k;
}

/* Builds the short-key table and the long-key filter (lexicon_impl.h). */
static void S_build_filter(annal_lexicon *lx)
{
    uint32_t used = 0, used_mid = 0, used_long = 0;

    for (uint32_t i = 0; i < lx->nents; i++) {
        const unsigned char *e = lx->ents + (uint64_t)i * ANNAL_LEX_ENTRY_SIZE;
        const unsigned char *key = lx->strs + annal_le32(e);
        uint32_t len = annal_le32(e + 4);
        int ascii = 1;
        if (!annal_le32(e + 12) || len == 0)
            continue;
        for (uint32_t k = 0; k < len; k++)
            ascii &= key[k] < 128;
        if (!ascii)
            continue;
        if (len <= 8 && used < ANNAL_LEX_SMALL / 2) {
            uint64_t pk = S_pack(key, len);
            uint32_t slot = annal_lex_small_bit(pk) >> (ANNAL_LEX_BLOOM_BITS - ANNAL_LEX_SMALL_BITS);
            while (lx->small[slot].idx)
                slot = (slot + 1) & (ANNAL_LEX_SMALL - 1);
            lx->small[slot].key = pk;
            lx->small[slot].idx = i + 1;
            lx->small[slot].flags = annal_le32(e + 12);
            slot = annal_lex_small_bit(pk);
            lx->small_bits[slot >> 6] |= UINT64_C(1) << (slot & 63);
            used++;
        } else if (len > 8 && len <= 16 && used_mid < ANNAL_LEX_MID / 2) {
            uint64_t head = S_pack(key, 8), tail = S_pack(key + len - 8, 8);
            uint32_t bit = annal_lex_mid_bit(head, tail, len);
            uint32_t slot = bit >> (ANNAL_LEX_BLOOM_BITS - ANNAL_LEX_MID_BITS);
            lx->mid_bits[bit >> 6] |= UINT64_C(1) << (bit & 63);
            while (lx->mid[slot].idx)
                slot = (slot + 1) & (ANNAL_LEX_MID - 1);
            lx->mid[slot] = (annal_lex_mid){head, tail, len, i + 1, annal_le32(e + 12)};
            used_mid++;
        } else if (len > 16 && used_long < ANNAL_LEX_LONG / 2) {
            uint64_t h = annal_hash((const char *)key, len);
            lx->filter[key[0]] |= 1u << (len < 31 ? len : 31);
            lx->filter_last[key[len - 1]] |= 1u << (len < 31 ? len : 31);
            uint32_t slot = (uint32_t)h & (ANNAL_LEX_LONG - 1);
            while (lx->long_idx[slot])
                slot = (slot + 1) & (ANNAL_LEX_LONG - 1);
            lx->long_hash[slot] = h;
            lx->long_idx[slot] = i + 1;
            used_long++;
        } else {
            lx->small_overflow |= len <= 8;
            lx->mid_overflow |= len > 8 && len <= 16;
            lx->long_overflow |= len > 16;
        }
    }
}

annal_status annal_lexicon_load(annal_lexicon *lx, const annal_snapshot *s,
                                const char *name, annal_error *err)
{
    const annal_section *str = annal_snapshot_find(s, ANNAL_SEC_STRS);
    const annal_section *ent = annal_snapshot_find(s, ANNAL_SEC_LEXE);
    const annal_section *hsh = annal_snapshot_find(s, ANNAL_SEC_LEXH);
    const annal_section *ana = annal_snapshot_find(s, ANNAL_SEC_LEXA);
    const annal_section *mrp = annal_snapshot_find(s, ANNAL_SEC_MRPH);
    annal_status st;

    memset(lx, 0, sizeof *lx);
    if (!str || !ent || !hsh || !ana || !mrp)
        return annal_error_set(err, ANNAL_EDICT, name, 0, ANNAL_NO_OFFSET,
                               "snapshot lacks a lexicon section (STRS, LEXE, LEXH, LEXA, MRPH)");
    lx->strs = str->p;
    lx->strs_len = str->size;
    lx->ents = ent->p;
    lx->anal = ana->p;
    lx->anal_len = ana->size;
    if (ent->size % ANNAL_LEX_ENTRY_SIZE || ent->size / 32 > UINT32_MAX - 1)
        return S_bad(err, name, "LEXE", 0, "size is not a whole number of entries");
    lx->nents = (uint32_t)(ent->size / ANNAL_LEX_ENTRY_SIZE);
    if (hsh->size < 8)
        return S_bad(err, name, "LEXH", 0, "too small");
    lx->nslots = annal_le32(hsh->p);
    lx->max_phrase = annal_le32(hsh->p + 4);
    lx->slots = hsh->p + 8;
    if (lx->nslots == 0 || (lx->nslots & (lx->nslots - 1)) ||
        (hsh->size - 8) / 4 != lx->nslots || lx->nslots <= lx->nents ||
        lx->max_phrase > ANNAL_LEX_MAX_PHRASE)
        return S_bad(err, name, "LEXH", 0, "bad slot count or phrase length");
    for (uint32_t i = 0; i < lx->nslots; i++)
        if (annal_le32(lx->slots + 4ull * i) > lx->nents)
            return S_bad(err, name, "LEXH", 8 + 4ull * i, "slot points past the entries");
    st = S_check_entries(lx, name, err);
    if (st == ANNAL_OK)
        st = S_load_rules(lx, mrp, name, err);
    if (st == ANNAL_OK)
        S_build_filter(lx);
    return st;
}

void annal_lexicon_entry_at(const annal_lexicon *lx, uint32_t i,
                            annal_lex_entry *e)
{
    const unsigned char *p = lx->ents + (uint64_t)i * ANNAL_LEX_ENTRY_SIZE;
    uint64_t bits = annal_le64(p + 24);
    uint32_t a = annal_le32(p + 20);

    e->key = (const char *)lx->strs + annal_le32(p);
    e->key_len = annal_le32(p + 4);
    e->pos = annal_le32(p + 8);
    e->flags = annal_le32(p + 12);
    e->aux = annal_le32(p + 16);
    memcpy(&e->value, &bits, sizeof e->value);
    e->nanal = a == ANNAL_LEX_NO_ANAL ? 0 : annal_le32(lx->anal + a);
    e->anal = a == ANNAL_LEX_NO_ANAL ? NULL : lx->anal + a + 4;
}

/* The slot-probing core of annal_lexicon_find: entry number + 1, or 0. */
static uint32_t S_find_index(const annal_lexicon *lx, const char *key, size_t len)
{
    uint32_t mask = lx->nslots - 1, i = (uint32_t)annal_hash(key, len) & mask;

    for (uint32_t probes = 0; probes < lx->nslots; probes++, i = (i + 1) & mask) {
        uint32_t slot = annal_le32(lx->slots + 4ull * i);
        const unsigned char *p;
        if (slot == 0)
            return 0;
        p = lx->ents + (uint64_t)(slot - 1) * ANNAL_LEX_ENTRY_SIZE;
        if (annal_le32(p + 4) == len && memcmp(lx->strs + annal_le32(p), key, len) == 0)
            return slot;
    }
    return 0;
}

int annal_lexicon_find(const annal_lexicon *lx, const char *key, size_t len,
                       annal_lex_entry *e)
{
    uint32_t idx;

    if (!lx || !lx->nslots || !(idx = S_find_index(lx, key, len)))
        return 0;
    annal_lexicon_entry_at(lx, idx - 1, e);
    return 1;
}

void annal_lex_entry_analysis(const annal_lexicon *lx,
                              const annal_lex_entry *e, uint32_t i,
                              uint32_t *pos, const char **lemma,
                              size_t *lemma_len)
{
    const unsigned char *r = e->anal + 12u * i;

    *pos = annal_le32(r);
    *lemma = (const char *)lx->strs + annal_le32(r + 4);
    *lemma_len = annal_le32(r + 8);
}

/* Loads n (1..8) bytes of p into a word, little-endian, zero-filled,
 * without reading past p[n - 1]. */
static uint64_t S_load(const char *p, size_t n)
{
    uint32_t a;

    if (n >= 4)
        return (uint64_t)annal_le32(p) | ((uint64_t)annal_le32(p + n - 4) << (8 * (n - 4)));
    a = (unsigned char)p[0];
    if (n > 1)
        a |= (uint32_t)(unsigned char)p[1] << 8;
    if (n > 2)
        a |= (uint32_t)(unsigned char)p[2] << 16;
    return a;
}

int annal_lexicon_find_flagged(const annal_lexicon *lx, const char *word,
                               size_t len, annal_lex_entry *e)
{
    uint32_t flags, idx = annal_lexicon_flagged(lx, word, len, &flags);

    if (!idx)
        return 0;
    annal_lexicon_entry_at(lx, idx - 1, e);
    return 1;
}

uint32_t annal_lexicon_entry_flags(const annal_lexicon *lx, uint32_t idx)
{
    return idx ? annal_le32(lx->ents + (uint64_t)(idx - 1) * ANNAL_LEX_ENTRY_SIZE + 12) : 0;
}

/* Lower-cases eight bytes at once (SWAR: a byte gets 0x20 added when it
 * lies in 'A'..'Z'; byte i sits at bits 8i on every host, as in S_pack).
 * *ascii is 0 when some byte is not ASCII: no flagged key has one. */
static uint64_t S_lower8(uint64_t w, int *ascii)
{
    const uint64_t hi = UINT64_C(0x8080808080808080);
    uint64_t ge_a = w + UINT64_C(0x3F3F3F3F3F3F3F3F);   /* high bit: byte >= 'A' */
    uint64_t gt_z = w + UINT64_C(0x2525252525252525);   /* high bit: byte >  'Z' */

    *ascii = !(w & hi);
    return w | (((ge_a & ~gt_z) & hi) >> 2);
}

/* Short words (1..8 bytes): lower-cased in one word, probe `small`. */
static uint32_t S_flagged_short(const annal_lexicon *lx, const char *word,
                                size_t len, uint32_t *flags)
{
    int ascii;
    uint64_t pk = S_lower8(S_load(word, len), &ascii);

    *flags = 0;
    return ascii ? annal_lexicon_probe_small(lx, pk, flags) : 0;
}

/* Words of 9..16 bytes: their first and last eight bytes, lower-cased,
 * probe `mid`. */
static uint32_t S_flagged_mid(const annal_lexicon *lx, const char *word,
                              size_t len, uint32_t *flags)
{
    int a1, a2;
    uint64_t head = S_lower8(annal_le64(word), &a1);
    uint64_t tail = S_lower8(annal_le64(word + len - 8), &a2);

    *flags = 0;
    if (!a1 || !a2)
        return 0;
    return annal_lexicon_probe_mid(lx, head, tail, len, flags);
}

/* Longer words: hash the lower-cased bytes without copying them, find the
 * hash in `long_hash`, then compare the key itself. */
static uint32_t S_flagged_long(const annal_lexicon *lx, const char *word,
                               size_t len, uint32_t *flags)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    uint32_t slot, idx, bit = 1u << (len < 31 ? len : 31);
    unsigned c0 = (unsigned char)word[0], cl = (unsigned char)word[len - 1];

    *flags = 0;
    c0 |= (unsigned)(c0 - 'A' < 26u) << 5;
    cl |= (unsigned)(cl - 'A' < 26u) << 5;
    if (c0 >= 128 || cl >= 128 || !(lx->filter[c0] & bit) || !(lx->filter_last[cl] & bit))
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)word[i];
        if (c >= 128)
            return 0;   /* flagged keys are ASCII */
        c |= (unsigned)(c - 'A' < 26u) << 5;
        h = (h ^ c) * UINT64_C(0x100000001b3);
    }
    for (slot = (uint32_t)h & (ANNAL_LEX_LONG - 1); (idx = lx->long_idx[slot]) != 0;
         slot = (slot + 1) & (ANNAL_LEX_LONG - 1)) {
        const unsigned char *e = lx->ents + (uint64_t)(idx - 1) * ANNAL_LEX_ENTRY_SIZE;
        if (lx->long_hash[slot] == h && annal_le32(e + 4) == len &&
            strncasecmp((const char *)lx->strs + annal_le32(e), word, len) == 0) {
            *flags = annal_le32(e + 12);
            return idx;
        }
    }
    return 0;
}

/* The general table, for keys the fast tables had no room for. */
static uint32_t S_flagged_general(const annal_lexicon *lx, const char *word,
                                  size_t len, uint32_t *flags)
{
    unsigned char low[ANNAL_LEX_MAX_FLAGGED];
    uint32_t idx;

    *flags = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)word[i];
        if (c >= 128)
            return 0;
        low[i] = (unsigned char)(c | ((unsigned)(c - 'A' < 26u) << 5));
    }
    idx = S_find_index(lx, (const char *)low, len);
    *flags = annal_lexicon_entry_flags(lx, idx);
    return *flags ? idx : 0;
}

uint32_t annal_lexicon_flagged(const annal_lexicon *lx, const char *word,
                               size_t len, uint32_t *flags)
{
    uint32_t idx;

    *flags = 0;
    if (len == 0 || len >= ANNAL_LEX_MAX_FLAGGED || !lx->nslots)
        return 0;
    if (len <= 8) {
        if ((idx = S_flagged_short(lx, word, len, flags)) != 0 || !lx->small_overflow)
            return idx;
    } else if (len <= 16) {
        if ((idx = S_flagged_mid(lx, word, len, flags)) != 0 || !lx->mid_overflow)
            return idx;
    } else if ((idx = S_flagged_long(lx, word, len, flags)) != 0 || !lx->long_overflow) {
        return idx;
    }
    return S_flagged_general(lx, word, len, flags);
}

uint32_t annal_lexicon_max_phrase(const annal_lexicon *lx)
{
    return lx ? lx->max_phrase : 0;
}

size_t annal_lowercase(const char *word, size_t len, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)word;
    size_t i = 0, o = 0;

    while (i < len && o + 4 < cap) {
        int32_t cp;
        if (u[i] < 0x80) {
            out[o++] = (char)((u[i] >= 'A' && u[i] <= 'Z') ? u[i] + 32 : u[i]);
            i++;
            continue;
        }
        i += annal_utf8_decode(u + i, len - i, &cp);
        if (cp == ANNAL_UTF8_BAD)
            cp = 0xFFFD;
        o += annal_utf8_encode(utf8proc_tolower(cp), out + o);
    }
    return o;
}

/* Index 0..3 of an open-class bit. */
static int S_open_index(uint32_t bit)
{
    switch (bit) {
    case ANNAL_POS_NOUN: return 0;
    case ANNAL_POS_VERB: return 1;
    case ANNAL_POS_ADJ: return 2;
    case ANNAL_POS_ADV: return 3;
    default: return -1;
    }
}

static void S_set_lemma(annal_lex_info *out, uint32_t bits, const char *l,
                        size_t n)
{
    for (uint32_t b = 1; b <= ANNAL_POS_ADV; b <<= 1) {
        int k = S_open_index(b);
        if ((bits & b) && k >= 0 && !out->pos_lemma[k]) {
            out->pos_lemma[k] = l;
            out->pos_lemma_len[k] = n;
        }
    }
}

/* Analyses stored with the entry: exceptions and closed-class lemmas. */
static void S_stored(const annal_lexicon *lx, const annal_lex_entry *e,
                     annal_lex_info *out)
{
    for (uint32_t i = 0; i < e->nanal; i++) {
        uint32_t pos;
        const char *l;
        size_t n;
        annal_lex_entry_analysis(lx, e, i, &pos, &l, &n);
        out->pos |= pos;
        if (pos & POS_OPEN)
            S_set_lemma(out, pos, l, n);
        else if (!out->lemma) {
            out->lemma = l;
            out->lemma_len = n;
        }
    }
}

/* WordNet detachment rules: strip a suffix, add an ending, keep the result
 * if it is a lemma of the rule's part of speech. */
static void S_rules(const annal_lexicon *lx, const char *lw, size_t len,
                    char *scratch, size_t cap, annal_lex_info *out)
{
    size_t used = 0;

    for (uint32_t r = 0; r < lx->nrules; r++) {
        const annal_lex_rule *ru = &lx->rules[r];
        int k = S_open_index(ru->pos);
        size_t blen;
        annal_lex_entry be;

        if (k < 0 || out->pos_lemma[k] || len <= ru->suffix_len ||
            memcmp(lw + len - ru->suffix_len, ru->suffix, ru->suffix_len))
            continue;
        blen = len - ru->suffix_len + ru->ending_len;
        if (used + blen > cap)
            break;
        memcpy(scratch + used, lw, len - ru->suffix_len);
        memcpy(scratch + used + len - ru->suffix_len, ru->ending, ru->ending_len);
        if (!annal_lexicon_find(lx, scratch + used, blen, &be) ||
            !(be.pos & ru->pos & POS_OPEN))
            continue;
        out->pos |= ru->pos;
        S_set_lemma(out, ru->pos, scratch + used, blen);
        used += blen;
    }
}

/* The single lemma to show: a closed-class lemma, else the first open
 * class whose lemma differs from the word (inflected verb before noun
 * before adjective), else the word. */
static void S_best(const char *lw, size_t len, annal_lex_info *out)
{
    static const int order[4] = {1, 0, 2, 3};

    if (out->lemma)
        return;
    for (int i = 0; i < 4; i++) {
        int k = order[i];
        if (out->pos_lemma[k] && (out->pos_lemma_len[k] != len ||
                                  memcmp(out->pos_lemma[k], lw, len))) {
            out->lemma = out->pos_lemma[k];
            out->lemma_len = out->pos_lemma_len[k];
            return;
        }
    }
    out->lemma = lw;
    out->lemma_len = len;
}

int annal_lexicon_analyse(const annal_lexicon *lx, const char *lw,
                          size_t len, char *scratch, size_t cap,
                          annal_lex_info *out)
{
    annal_lex_entry e;
    int known = 0;

    memset(out, 0, sizeof *out);
    if (annal_lexicon_find(lx, lw, len, &e)) {
        known = (e.pos != 0 || e.nanal != 0);
        out->pos = e.pos;
        S_stored(lx, &e, out);
        S_set_lemma(out, e.pos & POS_OPEN, e.key, e.key_len);
    }
    /* Closed-class words are not inflections of open-class ones
     * ("was" is not the plural of "wa"). */
    if (!(out->pos & ~POS_OPEN))
        S_rules(lx, lw, len, scratch, cap, out);
    S_best(lw, len, out);
    return known || out->pos != 0;
}
