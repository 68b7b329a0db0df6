/*
 * hash.h - the string hash used by every table in the snapshot.
 *
 * 64-bit FNV-1a over the key bytes.  It is part of the snapshot format
 * (tables are built with it and probed with it), so changing it requires a
 * new format version.  Keys are hashed exactly as stored: lexicon keys are
 * lower-cased UTF-8 before hashing.
 */
#ifndef ANNAL_CORE_HASH_H
#define ANNAL_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t annal_hash(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

#endif
