/* arena.c - see arena.h. */
#include "arena.h"

#include <string.h>

#include "alloc.h"

#define ARENA_MIN_BLOCK (64u * 1024u)
#define ARENA_ALIGN 16u

struct annal_arena_block {
    annal_arena_block *next;
    size_t size;   /* usable bytes after the header */
    size_t used;
};

/* Header size rounded up so the payload starts aligned. */
#define BLOCK_HDR ((sizeof(annal_arena_block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

void annal_arena_init(annal_arena *ar, const annal_alloc *alloc)
{
    ar->alloc = alloc;
    ar->head = NULL;
    ar->next_size = ARENA_MIN_BLOCK;
}

static annal_arena_block *S_new_block(annal_arena *ar, size_t need)
{
    size_t size = ar->next_size;
    annal_arena_block *b;

    while (size < need)
        size *= 2;
    b = annal_malloc(ar->alloc, BLOCK_HDR + size);
    if (!b)
        return NULL;
    b->size = size;
    b->used = 0;
    b->next = ar->head;
    ar->head = b;
    ar->next_size = size * 2;
    return b;
}

void *annal_arena_alloc(annal_arena *ar, size_t size)
{
    annal_arena_block *b = ar->head;
    size_t at;

    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    if (!b || b->size - b->used < size) {
        b = S_new_block(ar, size);
        if (!b)
            return NULL;
    }
    at = b->used;
    b->used += size;
    return (char *)b + BLOCK_HDR + at;
}

char *annal_arena_strndup(annal_arena *ar, const char *s, size_t len)
{
    char *p = annal_arena_alloc(ar, len + 1);

    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void annal_arena_reset(annal_arena *ar)
{
    annal_arena_block *b, *next, *keep = NULL;

    for (b = ar->head; b; b = b->next)
        if (!keep || b->size > keep->size)
            keep = b;
    for (b = ar->head; b; b = next) {
        next = b->next;
        if (b != keep)
            annal_free(ar->alloc, b, BLOCK_HDR + b->size);
    }
    ar->head = keep;
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
        ar->next_size = keep->size * 2;
    }
}

void annal_arena_free(annal_arena *ar)
{
    annal_arena_block *b, *next;

    for (b = ar->head; b; b = next) {
        next = b->next;
        annal_free(ar->alloc, b, BLOCK_HDR + b->size);
    }
    ar->head = NULL;
    ar->next_size = ARENA_MIN_BLOCK;
}
