/*
 * alloc.h - the allocator boundary.
 *
 * Every heap allocation in annal goes through an annal_alloc (include/annal.h)
 * so an embedding program can count, pool or fail allocations.  These helpers
 * fall back to the C library when the allocator pointer is NULL.  They never
 * abort: a NULL return is reported upward as ANNAL_ENOMEM.
 */
#ifndef ANNAL_CORE_ALLOC_H
#define ANNAL_CORE_ALLOC_H

#include "annal.h"

void *annal_malloc(const annal_alloc *a, size_t size);
void *annal_realloc(const annal_alloc *a, void *p, size_t old_size,
                    size_t new_size);
void annal_free(const annal_alloc *a, void *p, size_t size);

/* Grows the array *p (elements of `elem` bytes, capacity *cap) so that it
 * holds at least `need` elements, doubling.  Returns ANNAL_OK or
 * ANNAL_ENOMEM (then *p and *cap are unchanged). */
annal_status annal_grow_to(const annal_alloc *a, void **p, size_t *cap,
                           size_t elem, size_t need);

/* annal_grow_to, with the common case (room already) inline. */
static inline annal_status annal_grow(const annal_alloc *a, void **p, size_t *cap,
                                      size_t elem, size_t need)
{
    return need <= *cap ? ANNAL_OK : annal_grow_to(a, p, cap, elem, need);
}

#endif
