/*
 * snapshot.h - the binary dictionary snapshot: a container of sections.
 *
 * The snapshot is what `annal dict build` writes and what every other
 * command memory-maps.  All integers are little-endian, written byte by
 * byte (core/le.h), so the file is the same on every host.
 *
 *   offset  size  field
 *   0       8     magic "ANNALDCT"
 *   8       4     format version (ANNAL_SNAPSHOT_VERSION)
 *   12      4     byte-order mark 0x0A0B0C0D (reads as 0D 0C 0B 0A)
 *   16      8     file size in bytes
 *   24      4     number of sections
 *   28      4     CRC-32 of the section table
 *   32      8     offset of the section table
 *   40      20    reserved, zero
 *   60      4     CRC-32 of bytes 0..59
 *
 *   section table: one 24-byte row per section
 *     u32 id (four ASCII letters, e.g. 'LEXE'), u32 CRC-32 of the payload,
 *     u64 offset, u64 size
 *
 * Payloads start on 8-byte boundaries.  On load every offset and size is
 * checked against the file size, every CRC is verified, ids must be
 * unique, and each section's own reader checks its internal offsets before
 * use; a failure names the section and the byte offset.
 *
 * Sections of format version 1:
 *   INFO  UTF-8 text: data version and build description
 *   STRS  string pool: keys and lemmas, referenced by (offset, length)
 *   LEXE  lexicon entries, 32 bytes each (see lex/lexicon.c)
 *   LEXH  lexicon hash: u32 nslots (power of 2), u32 max phrase words,
 *         then nslots u32 entry numbers + 1 (0 = empty); FNV-1a, linear
 *         probing
 *   LEXA  lexicon analyses: at an entry's offset, u32 count then count
 *         rows of (u32 pos bits, u32 lemma offset, u32 lemma length)
 *   MRPH  WordNet detachment rules: u32 count, then rows of (u32 pos bit,
 *         u32 suffix off, u32 suffix len, u32 ending off, u32 ending len)
 *
 * Format version 2 adds the actor dictionary, the country list and the
 * CAMEO table: ACTS ACTK ACTH ACTV CTRY CAME (actors/table.h).
 */
#ifndef ANNAL_DICT_SNAPSHOT_H
#define ANNAL_DICT_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "annal.h"
#include "../core/buf.h"

#define ANNAL_SNAPSHOT_MAGIC "ANNALDCT"
#define ANNAL_SNAPSHOT_VERSION 2u
#define ANNAL_SNAPSHOT_BOM 0x0A0B0C0Du
#define ANNAL_SNAPSHOT_HEADER 64u
#define ANNAL_SNAPSHOT_MAX_SECTIONS 64u

#define ANNAL_SEC(a, b, c, d) \
    ((uint32_t)(a) | ((uint32_t)(b) << 8) | ((uint32_t)(c) << 16) | ((uint32_t)(d) << 24))
#define ANNAL_SEC_INFO ANNAL_SEC('I', 'N', 'F', 'O')
#define ANNAL_SEC_STRS ANNAL_SEC('S', 'T', 'R', 'S')
#define ANNAL_SEC_LEXE ANNAL_SEC('L', 'E', 'X', 'E')
#define ANNAL_SEC_LEXH ANNAL_SEC('L', 'E', 'X', 'H')
#define ANNAL_SEC_LEXA ANNAL_SEC('L', 'E', 'X', 'A')
#define ANNAL_SEC_MRPH ANNAL_SEC('M', 'R', 'P', 'H')

/* A section as found in a loaded snapshot. */
typedef struct annal_section {
    uint32_t id;
    const unsigned char *p;
    uint64_t size;
} annal_section;

/* A loaded, verified snapshot.  `base` is the mapping (or a caller buffer
 * for annal_snapshot_parse). */
typedef struct annal_snapshot {
    const unsigned char *base;
    uint64_t size;
    uint32_t nsections;
    annal_section sections[ANNAL_SNAPSHOT_MAX_SECTIONS];
    int mapped;            /* 1: munmap on close */
} annal_snapshot;

/* Verifies data[0..size) as a snapshot and fills *s (no copy: s points
 * into data).  `name` is used in messages. */
annal_status annal_snapshot_parse(const unsigned char *data, uint64_t size,
                                  const char *name, annal_snapshot *s,
                                  annal_error *err);
/* Memory-maps and verifies the file at path. */
annal_status annal_snapshot_open(const char *path, annal_snapshot *s,
                                 annal_error *err);
void annal_snapshot_close(annal_snapshot *s);
/* The section with `id`, or NULL. */
const annal_section *annal_snapshot_find(const annal_snapshot *s,
                                         uint32_t id);

/* Writer: sections are added in order and written by _finish. */
typedef struct annal_snapshot_writer {
    uint32_t nsections;
    uint32_t ids[ANNAL_SNAPSHOT_MAX_SECTIONS];
    annal_buf payload[ANNAL_SNAPSHOT_MAX_SECTIONS];
} annal_snapshot_writer;

void annal_snapshot_writer_init(annal_snapshot_writer *w);
/* Returns the buffer to fill for a new section with `id`, or NULL if the
 * table is full. */
annal_buf *annal_snapshot_writer_add(annal_snapshot_writer *w, uint32_t id);
/* Writes the snapshot to path atomically (temp file + rename). */
annal_status annal_snapshot_writer_finish(annal_snapshot_writer *w,
                                          const char *path,
                                          annal_error *err);
void annal_snapshot_writer_free(annal_snapshot_writer *w);

#endif
