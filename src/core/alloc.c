/* alloc.c - see alloc.h. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>

void *annal_malloc(const annal_alloc *a, size_t size)
{
    if (size == 0)
        size = 1;
    return a ? a->malloc(a->ctx, size) : malloc(size);
}

void *annal_realloc(const annal_alloc *a, void *p, size_t old_size,
                    size_t new_size)
{
    if (new_size == 0)
        new_size = 1;
    return a ? a->realloc(a->ctx, p, old_size, new_size)
             : realloc(p, new_size);
}

void annal_free(const annal_alloc *a, void *p, size_t size)
{
    if (!p)
        return;
    if (a)
        a->free(a->ctx, p, size);
    else
        free(p);
}

annal_status annal_grow_to(const annal_alloc *a, void **p, size_t *cap,
                           size_t elem, size_t need)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return ANNAL_OK;
    ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return ANNAL_ENOMEM;
        ncap *= 2;
    }
    np = annal_realloc(a, *p, *cap * elem, ncap * elem);
    if (!np)
        return ANNAL_ENOMEM;
    *p = np;
    *cap = ncap;
    return ANNAL_OK;
}
