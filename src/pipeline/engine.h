/*
 * engine.h - what an annal_engine holds (private).
 *
 * Everything here is written once by annal_engine_open() and only read
 * afterwards; threads share it without locks.  The snapshot mapping owns
 * every byte the lexicon points to.
 */
#ifndef ANNAL_PIPELINE_ENGINE_H
#define ANNAL_PIPELINE_ENGINE_H

#include "annal.h"
#include "../dict/snapshot.h"
#include "../lex/lexicon_impl.h"
#include "../actors/table.h"

struct annal_engine {
    annal_alloc alloc_store;
    const annal_alloc *alloc;   /* &alloc_store or NULL for libc */
    annal_limits limits;
    annal_snapshot snap;
    annal_lexicon lex;
    annal_actor_table actors;
    char info[512];
};

#endif
