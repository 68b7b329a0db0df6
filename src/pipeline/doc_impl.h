/*
 * doc_impl.h - what an annal_doc holds (private).
 *
 * Memory: everything below is owned by the doc.  The arena holds small
 * derived strings (metadata, lemmas of unknown words, warnings); the
 * growable arrays (normalised text, tokens, sentences, numbers, dates,
 * the per-token scratch, actor mentions) keep their capacity between documents, so a
 * worker that reuses one doc stops allocating once it has seen its largest
 * document.  The raw text is borrowed from the caller.
 */
#ifndef ANNAL_PIPELINE_DOC_IMPL_H
#define ANNAL_PIPELINE_DOC_IMPL_H

#include "annal.h"
#include "engine.h"
#include "../actors/recognize.h"
#include "../core/arena.h"
#include "../extract/extract.h"
#include "../lex/tview.h"
#include "../text/normalize.h"
#include "../text/sentence.h"
#include "../text/tokenize.h"

struct annal_doc {
    const annal_engine *eng;
    const annal_alloc *alloc;
    annal_arena arena;
    const char *raw;
    size_t raw_len;
    annal_doc_meta meta;
    size_t body_start;
    annal_norm norm;
    annal_tokvec toks;
    annal_sentvec sents;
    annal_numvec nums;
    annal_datevec dates;
    annal_actorvec actors;
    uint8_t *used;            /* one byte per token (extractors) */
    size_t used_cap;
    annal_warning *warns;
    size_t nwarns, warns_cap;
    size_t dropped_warnings;
};

/* Adds a formatted warning (kept up to the limit; counted beyond). */
void annal_doc_warn(annal_doc *doc, uint32_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Fills lemma and part-of-speech candidates of every token. */
annal_status annal_doc_lex(annal_doc *doc);

#endif
