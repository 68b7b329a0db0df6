/*
 * lexicon.h - the word table inside the snapshot, and lemmatisation.
 *
 * One table answers every per-word question the text stages ask: is this a
 * WordNet lemma and of which parts of speech, is it a closed-class word,
 * an abbreviation, a month, a number word, a quantity qualifier?  Keys are
 * lower-cased word forms or multi-word phrases ("more than"); a phrase's
 * first word carries ANNAL_LF_PHRASE so matchers know to try it.
 *
 * Lemmas come from three sources, in this order:
 *   1. the entry's own analyses: WordNet exception lists (fled -> flee,
 *      mice -> mouse) and closed-class lemmas (was -> be);
 *   2. WordNet's detachment rules (data/en/morphy.txt: -ies -> -y, -ed ->
 *      "" or -e, ...), accepted only when the result is a WordNet lemma of
 *      the rule's part of speech (occupied -> occupy);
 *   3. the word itself.
 *
 * The snapshot sections behind it are described in src/dict/snapshot.h.
 */
#ifndef ANNAL_LEX_LEXICON_H
#define ANNAL_LEX_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "annal.h"

/* Lexical flags (entry.flags). */
enum annal_lex_flag {
    ANNAL_LF_PHRASE = 1u << 0,      /* first word of a multi-word key */
    ANNAL_LF_ABBR = 1u << 1,        /* takes an abbreviation period: Gen. */
    ANNAL_LF_FINAL = 1u << 2,       /* abbreviation that may end a sentence */
    ANNAL_LF_TITLE = 1u << 3,       /* title before a name: Mr. Gen. */
    ANNAL_LF_MONTH = 1u << 4,       /* aux = 1..12 */
    ANNAL_LF_WEEKDAY = 1u << 5,     /* aux = 1 (Monday) .. 7 */
    ANNAL_LF_NUMWORD = 1u << 6,     /* value = its number: seven, twenty */
    ANNAL_LF_SCALE = 1u << 7,       /* multiplies: hundred thousand million */
    ANNAL_LF_DOZEN = 1u << 8,       /* dozen (12 as a multiplier) */
    ANNAL_LF_VAGUE = 1u << 9,       /* dozens hundreds: value = convention */
    ANNAL_LF_QUAL = 1u << 10,       /* quantity qualifier: aux = qualifier */
    ANNAL_LF_ORDWORD = 1u << 11,    /* first second ... : value = ordinal */
    ANNAL_LF_DATEREL = 1u << 12,    /* yesterday today: value = day offset */
    ANNAL_LF_DATEUNIT = 1u << 13,   /* day week month year: aux = unit */
    ANNAL_LF_DATEDIR = 1u << 14,    /* last next this: aux = direction */
    ANNAL_LF_DATEPART = 1u << 15,   /* early mid late: aux = part */
    ANNAL_LF_SENTSTART = 1u << 16,  /* common sentence opener (The, He) */
    ANNAL_LF_UNIT = 1u << 17,       /* percent, per cent: aux = unit */
    ANNAL_LF_RANGE = 1u << 18,      /* to, and, or (between numbers) */
    ANNAL_LF_ANNIV = 1u << 19,      /* anniversary */
    ANNAL_LF_INPHRASE = 1u << 20,   /* second or later word of a phrase key
                                       (set by the builder) */
    ANNAL_LF_STRONG = 1u << 21,     /* abbreviation after which a capitalised
                                       word starts a sentence: a.m. p.m. */
    ANNAL_LF_FRACTION = 1u << 22,   /* half, a quarter of: a part of what
                                       follows */
    ANNAL_LF_IDHEAD = 1u << 23,     /* a number after it names, not counts:
                                       Resolution 822, Flight 1549 */
    ANNAL_LF_COUNTNOUN = 1u << 24,  /* people, troops, homes: what is
                                       counted */
    ANNAL_LF_TIMEPREP = 1u << 25    /* after it a bare month or year names a
                                       time: in, since, until, early */
};

/* Date units and directions (entry.aux for DATEUNIT / DATEDIR / DATEPART). */
enum { ANNAL_DU_DAY = 1, ANNAL_DU_WEEK, ANNAL_DU_WEEKEND, ANNAL_DU_MONTH,
       ANNAL_DU_YEAR, ANNAL_DU_DECADE, ANNAL_DU_CENTURY };
enum { ANNAL_DD_LAST = 1, ANNAL_DD_NEXT, ANNAL_DD_THIS, ANNAL_DD_AGO,
       ANNAL_DD_EARLIER, ANNAL_DD_LATER, ANNAL_DD_PAST };
enum { ANNAL_DP_EARLY = 1, ANNAL_DP_MID, ANNAL_DP_LATE };

/* A read-only view of one entry in the snapshot. */
typedef struct annal_lex_entry {
    const char *key;
    uint32_t key_len;
    uint32_t pos;        /* annal_pos bits: WordNet classes + closed class */
    uint32_t flags;      /* annal_lex_flag bits */
    uint32_t aux;
    double value;
    uint32_t nanal;      /* analyses: (pos bits, lemma) pairs */
    const unsigned char *anal;
} annal_lex_entry;

typedef struct annal_lexicon annal_lexicon;   /* lives in the engine */

/* Finds the entry for key[0..len) (already lower-cased).  Returns 1 and
 * fills *e when found. */
int annal_lexicon_find(const annal_lexicon *lx, const char *key, size_t len,
                       annal_lex_entry *e);

/* The i-th analysis of e. */
void annal_lex_entry_analysis(const annal_lexicon *lx,
                              const annal_lex_entry *e, uint32_t i,
                              uint32_t *pos, const char **lemma,
                              size_t *lemma_len);

/* Entry number + 1 of word[0..len) (any ASCII case) if its entry carries
 * lexical flags (ANNAL_LF_*, any of them), with the flags in *flags; 0
 * (and *flags 0) otherwise.  The flags come from the lookup tables, so
 * the entry itself is not read.  Cheap for the
 * common case of a word with no flags: most are rejected by a filter. */
uint32_t annal_lexicon_flagged(const annal_lexicon *lx, const char *word,
                               size_t len, uint32_t *flags);
/* annal_lexicon_find for keys with flags only, through the same fast
 * tables: 1 and *e when word[0..len) (any ASCII case) has such an entry.
 * For number words, months and the other flagged vocabulary. */
int annal_lexicon_find_flagged(const annal_lexicon *lx, const char *word,
                               size_t len, annal_lex_entry *e);
/* Flags of entry number + 1 `idx` (0 -> 0). */
uint32_t annal_lexicon_entry_flags(const annal_lexicon *lx, uint32_t idx);
/* The entry with number idx (0-based, < nents). */
void annal_lexicon_entry_at(const annal_lexicon *lx, uint32_t idx,
                            annal_lex_entry *e);

/* Longest number of words in a phrase key. */
uint32_t annal_lexicon_max_phrase(const annal_lexicon *lx);

/* Lower-cases word[0..len) into out (cap >= 2*len + 4; some characters
 * grow).  Returns the length written. */
size_t annal_lowercase(const char *word, size_t len, char *out, size_t cap);

/* Full analysis of a lower-cased word: part-of-speech candidates and
 * lemmas (see the file comment).  scratch holds lemmas made by suffix
 * rules.  Returns 1 if the word is known to the lexicon. */
int annal_lexicon_analyse(const annal_lexicon *lx, const char *lw,
                          size_t len, char *scratch, size_t cap,
                          annal_lex_info *out);

#endif
