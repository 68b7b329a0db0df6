/*
 * le.h - explicit little-endian integers for the snapshot format and for
 * reading text eight bytes at a time.  On little-endian hosts a read is
 * one unaligned load (memcpy); elsewhere the bytes are assembled one by
 * one, so the result is the same on every host.
 */
#ifndef ANNAL_CORE_LE_H
#define ANNAL_CORE_LE_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ANNAL_HOST_LE 1
#else
#define ANNAL_HOST_LE 0
#endif

static inline uint16_t annal_le16(const void *p)
{
    const uint8_t *b = p;
    return (uint16_t)(b[0] | (b[1] << 8));
}

static inline uint32_t annal_le32(const void *p)
{
    const uint8_t *b = p;
    uint32_t v;

    if (ANNAL_HOST_LE) {
        memcpy(&v, p, 4);
        return v;
    }
    return (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
           ((uint32_t)b[3] << 24);
}

static inline uint64_t annal_le64(const void *p)
{
    const uint8_t *b = p;
    uint64_t v;

    if (ANNAL_HOST_LE) {
        memcpy(&v, p, 8);
        return v;
    }
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
