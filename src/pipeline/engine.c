/* engine.c - opening the immutable engine; see include/annal.h. */
#include "engine.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "../core/error.h"

annal_limits annal_limits_default(void)
{
    annal_limits l;

    l.max_doc_bytes = 10u * 1024u * 1024u;
    l.max_doc_tokens = 2000000u;
    l.max_sentence_bytes = 8192u;
    l.max_sentence_tokens = 400u;
    l.max_dir_depth = 32u;
    l.max_warnings = 100u;
    return l;
}

const char *annal_default_dict_path(char *buf, size_t cap)
{
    const char *env = getenv("ANNAL_DICT");
    char exe[PATH_MAX];
    ssize_t n;
    char *slash;

    if (env && *env) {
        snprintf(buf, cap, "%s", env);
        return buf;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(buf, cap, "annal.dict");
        return buf;
    }
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash)
        slash[1] = '\0';
    snprintf(buf, cap, "%sannal.dict", slash ? exe : "");
    return buf;
}

annal_status annal_engine_open(const annal_engine_opts *opts,
                               annal_engine **out, annal_error *err)
{
    char path[PATH_MAX];
    const char *dict = opts && opts->dict_path ? opts->dict_path
                                                : annal_default_dict_path(path, sizeof path);
    const annal_alloc *a = opts ? opts->alloc : NULL;
    annal_engine *eng;
    annal_status st;
    const annal_section *info;

    annal_error_clear(err);
    *out = NULL;
    eng = annal_malloc(a, sizeof *eng);
    if (!eng)
        return annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
    memset(eng, 0, sizeof *eng);
    if (a) {
        eng->alloc_store = *a;
        eng->alloc = &eng->alloc_store;
    }
    eng->limits = opts && opts->limits ? *opts->limits : annal_limits_default();
    st = annal_snapshot_open(dict, &eng->snap, err);
    if (st == ANNAL_OK)
        st = annal_lexicon_load(&eng->lex, &eng->snap, dict, err);
    if (st == ANNAL_OK)
        st = annal_actor_table_load(&eng->actors, &eng->snap, dict, err);
    if (st != ANNAL_OK) {
        annal_engine_free(eng);
        return st;
    }
    info = annal_snapshot_find(&eng->snap, ANNAL_SEC_INFO);
    if (info)
        snprintf(eng->info, sizeof eng->info, "%.*s",
                 (int)(info->size < 500 ? info->size : 500), (const char *)info->p);
    *out = eng;
    return ANNAL_OK;
}

void annal_engine_free(annal_engine *eng)
{
    annal_alloc a;
    const annal_alloc *ap;

    if (!eng)
        return;
    annal_snapshot_close(&eng->snap);
    a = eng->alloc_store;
    ap = eng->alloc ? &a : NULL;
    annal_free(ap, eng, sizeof *eng);
}

const annal_limits *annal_engine_limits(const annal_engine *eng)
{
    return &eng->limits;
}

const char *annal_engine_dict_info(const annal_engine *eng)
{
    return eng->info;
}

int annal_lex_lookup(const annal_engine *eng, const char *word, size_t len,
                     char *scratch, size_t cap, annal_lex_info *out)
{
    size_t half = cap / 2, ln;

    if (len * 2 + 8 > half) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    ln = annal_lowercase(word, len, scratch, half);
    return annal_lexicon_analyse(&eng->lex, scratch, ln, scratch + half,
                                 cap - half, out);
}
