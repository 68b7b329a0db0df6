/*
 * actors_api.c - the public face of the actor dictionary and the CAMEO
 * table (annal.h): lookups for `annal dict lookup`, `annal cameo` and
 * embedding programs.  Everything handed out points into the engine's
 * snapshot and lives as long as the engine.
 */
#include <string.h>

#include "engine.h"
#include "../core/calendar.h"
#include "../lex/lexicon.h"

const char *annal_actor_how_name(unsigned how)
{
    static const char *const n[] = {"", "named", "composed", "role", "title", "coref", "context"};
    return how < sizeof n / sizeof n[0] ? n[how] : "";
}

/* phrase with runs of white space made one space, lower-cased, into key;
 * 0 when it does not fit. */
static size_t S_key(const char *phrase, size_t len, char *key, size_t cap)
{
    char tight[ANNAL_AK_MAX_BYTES + 1];
    size_t n = 0;

    for (size_t i = 0; i < len; i++) {
        int space = phrase[i] == ' ' || phrase[i] == '\t' || phrase[i] == '\n';
        if (space && (n == 0 || tight[n - 1] == ' '))
            continue;
        if (n == ANNAL_AK_MAX_BYTES)
            return 0;
        tight[n++] = space ? ' ' : phrase[i];
    }
    if (n && tight[n - 1] == ' ')
        n--;
    if (!n || cap < 2 * n + 4)
        return 0;
    return annal_lowercase(tight, n, key, cap);
}

static annal_ymd S_ymd(int32_t day, int open)
{
    annal_ymd none = {0, 0, 0};
    return open ? none : annal_days_to_ymd(day);
}

size_t annal_actor_entries(const annal_engine *eng, const char *phrase, size_t len,
                           annal_ymd day, annal_actor_entry *out, size_t cap)
{
    char key[ANNAL_AK_MAX_BYTES * 2 + 8];
    size_t kn = phrase ? S_key(phrase, len, key, sizeof key) : 0;
    int prefix_only = 0, more = 0, has = 0;
    annal_actor_value held;
    uint32_t n;
    int64_t k;

    if (!eng || !kn)
        return 0;
    k = annal_actor_find(&eng->actors, key, kn, &prefix_only, &more);
    if (k < 0 || prefix_only)
        return 0;
    has = annal_actor_resolve(&eng->actors, (uint32_t)k, phrase, len, day.year != 0,
                              day.year ? (int32_t)annal_ymd_to_days(day) : 0, &held);
    n = annal_actor_nvalues(&eng->actors, (uint32_t)k);
    for (uint32_t i = 0; i < n && i < cap; i++) {
        annal_actor_value v;
        annal_actor_value_at(&eng->actors, (uint32_t)k, i, &v);
        out[i].code = v.code;
        out[i].kind = v.kind;
        out[i].from = S_ymd(v.from, v.from == ANNAL_DAY_NONE_FROM);
        out[i].until = S_ymd(v.until, v.until == ANNAL_DAY_NONE_UNTIL);
        out[i].origin = v.origin;
        out[i].holds = has && held.origin == v.origin;
    }
    return n;
}

static void S_cameo(const annal_cameo_row *r, annal_cameo_info *out)
{
    memcpy(out->code, r->code, sizeof out->code);
    out->goldstein = r->goldstein;
    out->quad_class = (int)r->quad;
    out->name = r->name;             /* each string is followed by a NUL */
    out->plover_event = r->event;
    out->plover_mode = r->mode;
    out->plover_context = r->context;
}

int annal_cameo_lookup(const annal_engine *eng, const char *code, annal_cameo_info *out)
{
    annal_cameo_row r;

    if (!eng || !code || !annal_cameo_table_find(&eng->actors, code, &r))
        return 0;
    S_cameo(&r, out);
    return 1;
}

size_t annal_cameo_count(const annal_engine *eng)
{
    return eng ? annal_cameo_table_count(&eng->actors) : 0;
}

void annal_cameo_get(const annal_engine *eng, size_t i, annal_cameo_info *out)
{
    annal_cameo_row r;

    annal_cameo_table_at(&eng->actors, (uint32_t)i, &r);
    S_cameo(&r, out);
}
