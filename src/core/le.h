/*
 * le.h - explicit little-endian integers for the snapshot format.
 * Byte-by-byte so the code is correct on any host; compilers turn these
 * into single loads and stores on little-endian machines.
 */
#ifndef ANNAL_CORE_LE_H
#define ANNAL_CORE_LE_H

#include <stdint.h>

static inline uint16_t annal_le16(const void *p)
{
    const uint8_t *b = p;
    return (uint16_t)(b[0] | (b[1] << 8));
}

static inline uint32_t annal_le32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
           ((uint32_t)b[3] << 24);
}

static inline uint64_t annal_le64(const void *p)
{
    const uint8_t *b = p;
    return (uint64_t)annal_le32(b) | ((uint64_t)annal_le32(b + 4) << 32);
}

static inline void annal_put_le16(void *p, uint16_t v)
{
    uint8_t *b = p;
    b[0] = (uint8_t)v;
    b[1] = (uint8_t)(v >> 8);
}

static inline void annal_put_le32(void *p, uint32_t v)
{
    uint8_t *b = p;
    b[0] = (uint8_t)v;
    b[1] = (uint8_t)(v >> 8);
    b[2] = (uint8_t)(v >> 16);
    b[3] = (uint8_t)(v >> 24);
}

static inline void annal_put_le64(void *p, uint64_t v)
{
    annal_put_le32(p, (uint32_t)v);
    annal_put_le32((uint8_t *)p + 4, (uint32_t)(v >> 32));
}

#endif
