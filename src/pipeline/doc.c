/*
 * doc.c - running the text stages over one document.
 *
 *   raw text --header--> body --normalize--> norm + offset map
 *        --tokenize--> tokens --split--> sentences
 *        --lex--> lemmas, POS candidates
 *        --dates--> date expressions (marking their tokens used)
 *        --numbers--> quantities
 *        --actors--> actor mentions and their codes (src/actors)
 *
 * Each stage reads what the previous ones left in the doc and appends its
 * own results; nothing is copied from the raw text except metadata.
 */
#include "doc_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/error.h"
#include "../core/utf8.h"
#include "../read/header.h"

annal_doc *annal_doc_new(const annal_engine *eng)
{
    annal_doc *doc = annal_malloc(eng->alloc, sizeof *doc);

    if (!doc)
        return NULL;
    memset(doc, 0, sizeof *doc);
    doc->eng = eng;
    doc->alloc = eng->alloc;
    annal_arena_init(&doc->arena, eng->alloc);
    annal_norm_init(&doc->norm, eng->alloc);
    doc->toks.alloc = doc->sents.alloc = eng->alloc;
    doc->nums.alloc = doc->dates.alloc = doc->actors.alloc = eng->alloc;
    return doc;
}

void annal_doc_free(annal_doc *doc)
{
    const annal_alloc *a;

    if (!doc)
        return;
    a = doc->alloc;
    annal_arena_free(&doc->arena);
    annal_norm_free(&doc->norm);
    annal_free(a, doc->toks.v, doc->toks.cap * sizeof *doc->toks.v);
    annal_free(a, doc->sents.v, doc->sents.cap * sizeof *doc->sents.v);
    annal_free(a, doc->nums.v, doc->nums.cap * sizeof *doc->nums.v);
    annal_free(a, doc->dates.v, doc->dates.cap * sizeof *doc->dates.v);
    annal_free(a, doc->actors.v, doc->actors.cap * sizeof *doc->actors.v);
    annal_free(a, doc->actors.units, doc->actors.units_cap * sizeof *doc->actors.units);
    annal_free(a, doc->used, doc->used_cap);
    annal_free(a, doc->toks.cache, doc->toks.cache_cap * sizeof *doc->toks.cache);
    annal_free(a, doc->toks.cand, doc->toks.cand_cap * sizeof *doc->toks.cand);
    annal_free(a, doc->toks.bcand, doc->toks.bcand_cap * sizeof *doc->toks.bcand);
    annal_free(a, doc->warns, doc->warns_cap * sizeof *doc->warns);
    annal_free(a, doc, sizeof *doc);
}

/* Appends a warning message, past the limit too (for the summary line). */
static void S_add_warning(annal_doc *doc, uint32_t offset, const char *msg)
{
    void *p = doc->warns;

    if (annal_grow(doc->alloc, &p, &doc->warns_cap, sizeof *doc->warns, doc->nwarns + 1))
        return;   /* a warning lost to OOM; the OOM itself surfaces later */
    doc->warns = p;
    doc->warns[doc->nwarns].offset = offset;
    doc->warns[doc->nwarns].msg = annal_arena_strndup(&doc->arena, msg, strlen(msg));
    if (doc->warns[doc->nwarns].msg)
        doc->nwarns++;
}

void annal_doc_warn(annal_doc *doc, uint32_t offset, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    if (doc->nwarns >= doc->eng->limits.max_warnings) {
        doc->dropped_warnings++;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    S_add_warning(doc, offset, msg);
}

static void S_reset(annal_doc *doc)
{
    annal_arena_reset(&doc->arena);
    memset(&doc->meta, 0, sizeof doc->meta);
    doc->toks.n = doc->sents.n = doc->nums.n = doc->dates.n = doc->actors.n = 0;
    doc->nwarns = doc->dropped_warnings = 0;
    doc->body_start = 0;
}

static const char *S_dup(annal_doc *doc, const char *s, size_t n)
{
    return annal_arena_strndup(&doc->arena, s, n);
}

/* Copies the caller's metadata and completes it from the header. */
static annal_status S_meta(annal_doc *doc, const annal_doc_meta *m)
{
    annal_header h;

    if (m)
        doc->meta = *m;
    if (doc->meta.note)
        annal_doc_warn(doc, 0, "%s", doc->meta.note);
    if (!doc->meta.plain_text)
        return ANNAL_OK;
    annal_parse_header(doc->raw, doc->raw_len, &h);
    doc->body_start = h.body_start;
    if (h.has_date)
        doc->meta.published = h.published;
    if (h.bad_date)
        annal_doc_warn(doc, 0, "header line has an impossible date; ignored");
    if (h.source_end > h.source_start && !doc->meta.source &&
        !(doc->meta.source = S_dup(doc, doc->raw + h.source_start, h.source_end - h.source_start)))
        return ANNAL_ENOMEM;
    if (h.author_end > h.author_start && !doc->meta.author &&
        !(doc->meta.author = S_dup(doc, doc->raw + h.author_start, h.author_end - h.author_start)))
        return ANNAL_ENOMEM;
    return ANNAL_OK;
}

/* Cuts an over-long document at a UTF-8 character boundary. */
static void S_limit_length(annal_doc *doc)
{
    size_t max = (size_t)doc->eng->limits.max_doc_bytes;
    size_t cut = max;

    if (doc->raw_len <= max)
        return;
    while (cut > 0 && ((unsigned char)doc->raw[cut] & 0xC0) == 0x80)
        cut--;
    annal_doc_warn(doc, (uint32_t)cut,
                   "document is larger than max_doc_bytes (%zu): only the first %zu bytes are read",
                   max, cut);
    doc->raw_len = cut;
}

static annal_status S_text_stage(annal_doc *doc)
{
    const annal_limits *lim = &doc->eng->limits;
    int truncated = 0;
    uint32_t forced = 0;

    if (annal_normalize(&doc->norm, doc->raw, doc->body_start, doc->raw_len))
        return ANNAL_ENOMEM;
    if (doc->norm.bad_utf8)
        annal_doc_warn(doc, doc->norm.first_bad,
                       "invalid UTF-8 at byte %u (%u place%s in all) replaced with U+FFFD",
                       doc->norm.first_bad, doc->norm.bad_utf8, doc->norm.bad_utf8 == 1 ? "" : "s");
    if (doc->norm.controls)
        annal_doc_warn(doc, 0, "%u NUL or control character%s read as spaces",
                       doc->norm.controls, doc->norm.controls == 1 ? "" : "s");
    if (annal_tokenize(&doc->norm, &doc->eng->lex, lim->max_doc_tokens, &doc->toks, &truncated))
        return ANNAL_ENOMEM;
    if (truncated)
        annal_doc_warn(doc, doc->toks.n ? doc->toks.v[doc->toks.n - 1].end : 0,
                       "more than max_doc_tokens (%u) tokens: the rest of the document is not read",
                       lim->max_doc_tokens);
    if (annal_split_sentences(doc->norm.text.p, doc->toks.v, doc->toks.cache, doc->toks.n,
                              doc->toks.bcand, doc->toks.nbcand, lim, &doc->sents, &forced))
        return ANNAL_ENOMEM;
    if (forced)
        annal_doc_warn(doc, 0,
                       "%u sentence%s cut at max_sentence_tokens (%u) or max_sentence_bytes (%u)",
                       forced, forced == 1 ? "" : "s", lim->max_sentence_tokens,
                       lim->max_sentence_bytes);
    return ANNAL_OK;
}

static annal_status S_extract(annal_doc *doc, unsigned stages)
{
    annal_tview v = {doc->norm.text.p, doc->toks.v, doc->toks.n, &doc->eng->lex, NULL};
    void *p = doc->used;

    if (annal_grow(doc->alloc, &p, &doc->used_cap, 1, doc->toks.n + 1))
        return ANNAL_ENOMEM;
    doc->used = p;
    memset(doc->used, 0, doc->toks.n + 1);
    annal_tview_fill_phrases(&v, doc->toks.cache, doc->toks.cand, doc->toks.ncand);
    v.cache = doc->toks.cache;
    /* Sentence by sentence, dates before numbers: dates mark the tokens
     * they take in `used` and numbers skip them.  Neither looks outside
     * its sentence, so this order gives what two whole-document passes
     * would. */
    for (size_t i = 0, k = 0; i < doc->sents.n; i++) {
        const annal_sentence *se = &doc->sents.v[i];
        size_t end = (size_t)se->first_token + se->ntokens, k0;
        annal_status st = ANNAL_OK;
        while (k < doc->toks.ncand && doc->toks.cand[k] < se->first_token)
            k++;
        k0 = k;
        while (k < doc->toks.ncand && doc->toks.cand[k] < end)
            k++;
        if (k == k0)
            continue;   /* no candidate in this sentence (cand may be NULL) */
        if (stages & ANNAL_STAGE_DATES)
            st = annal_find_dates(&v, se, (uint32_t)i, doc->toks.cand + k0, k - k0,
                                  doc->meta.published, doc->used, &doc->dates);
        if (st == ANNAL_OK && (stages & ANNAL_STAGE_NUMBERS))
            st = annal_find_numbers(&v, se, (uint32_t)i, doc->toks.cand + k0, k - k0,
                                    doc->used, &doc->nums);
        if (st != ANNAL_OK)
            return st;
    }
    return ANNAL_OK;
}

/* Actor mentions, with dictionary entries resolved for the publication
 * day (the latest entries when the document has none). */
static annal_status S_actors(annal_doc *doc)
{
    annal_actor_input in = {&doc->eng->actors, doc->toks.v, doc->sents.v, doc->sents.n,
                            doc->norm.text.p, doc->meta.published, &doc->arena};
    return annal_find_actors(&in, &doc->actors);
}

annal_status annal_doc_process(annal_doc *doc, const char *text, size_t len,
                               const annal_doc_meta *meta, unsigned stages,
                               annal_error *err)
{
    annal_status st;

    if (err)
        err->code = ANNAL_OK;   /* the rest is filled only on failure */
    if (!doc || (!text && len))
        return annal_error_set(err, ANNAL_EUSAGE, NULL, 0, ANNAL_NO_OFFSET,
                               "annal_doc_process: NULL document or text");
    if ((uint64_t)len > UINT32_MAX - 1 && doc->eng->limits.max_doc_bytes > UINT32_MAX - 1)
        return annal_error_set(err, ANNAL_ELIMIT, meta ? meta->origin : NULL, 0, ANNAL_NO_OFFSET,
                               "document of %zu bytes: offsets are 32-bit; lower max_doc_bytes", len);
    S_reset(doc);
    doc->raw = text ? text : "";
    doc->raw_len = len;
    S_limit_length(doc);
    st = S_meta(doc, meta);
    if (st == ANNAL_OK)
        st = S_text_stage(doc);
    /* actors read the part-of-speech candidates (recognize.c) */
    if (st == ANNAL_OK && (stages & (ANNAL_STAGE_LEX | ANNAL_STAGE_ACTORS)))
        st = annal_doc_lex(doc);
    if (st == ANNAL_OK && (stages & (ANNAL_STAGE_DATES | ANNAL_STAGE_NUMBERS)))
        st = S_extract(doc, stages);
    if (st == ANNAL_OK && (stages & ANNAL_STAGE_ACTORS))
        st = S_actors(doc);
    if (st == ANNAL_OK && doc->dropped_warnings) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu more warnings not shown (max_warnings)", doc->dropped_warnings);
        S_add_warning(doc, 0, msg);
    }
    if (st != ANNAL_OK)
        return annal_error_set(err, st, meta ? meta->origin : NULL,
                               meta ? meta->origin_line : 0, ANNAL_NO_OFFSET,
                               "out of memory while processing the document");
    return ANNAL_OK;
}

const annal_doc_meta *annal_doc_get_meta(const annal_doc *doc) { return &doc->meta; }

const char *annal_doc_text(const annal_doc *doc, size_t *len)
{
    *len = doc->raw_len;
    return doc->raw;
}

size_t annal_doc_ntokens(const annal_doc *d) { return d->toks.n; }
const annal_token *annal_doc_tokens(const annal_doc *d) { return d->toks.v; }
size_t annal_doc_nsentences(const annal_doc *d) { return d->sents.n; }
const annal_sentence *annal_doc_sentences(const annal_doc *d) { return d->sents.v; }
size_t annal_doc_nnumbers(const annal_doc *d) { return d->nums.n; }
const annal_number *annal_doc_numbers(const annal_doc *d) { return d->nums.v; }
size_t annal_doc_ndates(const annal_doc *d) { return d->dates.n; }
const annal_date_expr *annal_doc_dates(const annal_doc *d) { return d->dates.v; }
size_t annal_doc_nactors(const annal_doc *d) { return d->actors.n; }
const annal_actor *annal_doc_actors(const annal_doc *d) { return d->actors.v; }
size_t annal_doc_nwarnings(const annal_doc *d) { return d->nwarns; }
const annal_warning *annal_doc_warnings(const annal_doc *d) { return d->warns; }

const char *annal_doc_norm_text(const annal_doc *doc, size_t *len)
{
    *len = doc->norm.text.len;
    return doc->norm.text.p ? doc->norm.text.p : "";
}

uint32_t annal_doc_raw_offset(const annal_doc *doc, uint32_t norm_offset)
{
    size_t cur = 0;
    return annal_norm_map_start(&doc->norm, norm_offset, &cur);
}
