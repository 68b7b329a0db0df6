/*
 * arena.h - one bump allocator per document.
 *
 * Layout: a singly linked list of blocks, newest first.
 *
 *   arena -> [block 3: used 40 / 64 KiB] -> [block 2: full] -> [block 1]
 *
 * annal_arena_alloc() carves from the newest block and starts a new one
 * (at least twice the previous size, at least the request) when it is full.
 * Nothing is freed individually.  annal_arena_reset() keeps only the
 * largest block, so a worker that processes many documents settles on one
 * block big enough for its typical document and stops calling malloc.
 * annal_arena_free() releases everything.
 */
#ifndef ANNAL_CORE_ARENA_H
#define ANNAL_CORE_ARENA_H

#include "annal.h"

typedef struct annal_arena_block annal_arena_block;

typedef struct annal_arena {
    const annal_alloc *alloc;
    annal_arena_block *head;
    size_t next_size;        /* size of the next block to allocate */
} annal_arena;

void annal_arena_init(annal_arena *ar, const annal_alloc *alloc);
/* Returns size bytes aligned to 16, or NULL when allocation fails. */
void *annal_arena_alloc(annal_arena *ar, size_t size);
/* Copies s[0..len) and appends a NUL. */
char *annal_arena_strndup(annal_arena *ar, const char *s, size_t len);
void annal_arena_reset(annal_arena *ar);
void annal_arena_free(annal_arena *ar);

#endif
