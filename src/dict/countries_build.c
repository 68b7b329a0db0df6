/*
 * countries_build.c - the country list from Debian's iso-codes.
 *
 * iso_3166-1.json: every current country; its `name`, `official_name`
 * and `common_name` become COUNTRY entries when they hold no comma ("Korea,
 * Republic of" is not how news writes it; the hand-written countries.txt
 * covers those).  iso_3166-3.json: withdrawn codes (SUN, YUG, CSK, DDR)
 * enter the list as historical, without name entries.  Kosovo's
 * user-assigned XKX is added by hand: ISO has no code for it.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors_build_impl.h"
#include "../core/error.h"
#include "../lex/lexicon.h"

#define AB_MAX_JSON (16u * 1024u * 1024u)

/* The whole file in a malloc'd, NUL-terminated buffer. */
static char *S_slurp(const char *path, annal_error *err)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f) {
        annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET, "cannot open: %s (is Debian's "
                        "iso-codes installed? scripts/setup.sh installs it)", strerror(errno));
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || n > (long)AB_MAX_JSON ||
        fseek(f, 0, SEEK_SET)) {
        fclose(f);
        annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET, "cannot read, or larger than %u bytes",
                        AB_MAX_JSON);
        return NULL;
    }
    if (!(buf = malloc((size_t)n + 1)) || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET, "cannot read");
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static const char *S_str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int S_add_country(annal_actors_build *b, const char *a3, const char *a2,
                         const char *name, int historical)
{
    abcountry *c;

    if (b->nctry == b->ctry_cap) {
        size_t nc = b->ctry_cap ? b->ctry_cap * 2 : 256;
        abcountry *p = realloc(b->ctry, nc * sizeof *p);
        if (!p)
            return -1;
        b->ctry = p;
        b->ctry_cap = nc;
    }
    c = &b->ctry[b->nctry];
    memset(c, 0, sizeof *c);
    snprintf(c->alpha3, sizeof c->alpha3, "%s", a3);
    snprintf(c->alpha2, sizeof c->alpha2, "%s", a2 ? a2 : "");
    c->historical = historical;
    if (!(c->name = strdup(name ? name : a3)))
        return -1;
    b->nctry++;
    return 0;
}

/* A generated COUNTRY entry for one name of a country. */
static int S_name_entry(annal_actors_build *b, const char *name, const char *a3,
                        const char *file)
{
    char key[ANNAL_AK_MAX_BYTES * 2 + 4], origin[128];
    size_t n = strlen(name), kn;
    abval v;
    abkey *k;

    /* "Korea, Republic of" and "Sint Maarten (Dutch part)" are not how
     * news writes the name */
    if (strpbrk(name, ",()") || n == 0 || n > ANNAL_AK_MAX_BYTES)
        return 0;
    kn = annal_lowercase(name, n, key, sizeof key);
    if (!(k = ab_key(b, key, kn)))
        return -1;
    for (uint32_t i = 0; i < k->nvals; i++)
        if (k->vals[i].generated && strcmp(k->vals[i].code, a3) == 0)
            return 0;   /* name and official_name are often the same */
    memset(&v, 0, sizeof v);
    v.kind = ANNAL_AE_COUNTRY;
    snprintf(v.code, sizeof v.code, "%s", a3);
    v.from = ANNAL_DAY_NONE_FROM;
    v.until = ANNAL_DAY_NONE_UNTIL;
    v.generated = 1;
    snprintf(origin, sizeof origin, "%s:%s", file, a3);
    return ab_add_value(k, &v, NULL, origin);
}

static annal_status S_read_json(annal_actors_build *b, const char *file, const char *arr,
                                int historical, annal_error *err)
{
    char path[4096];
    char *text;
    cJSON *root;
    const cJSON *list, *e;

    snprintf(path, sizeof path, "%s/%s", b->opts->iso_dir, file);
    if (!(text = S_slurp(path, err)))
        return err->code;
    root = cJSON_Parse(text);
    free(text);
    list = cJSON_GetObjectItemCaseSensitive(root, arr);
    if (!cJSON_IsArray(list)) {
        cJSON_Delete(root);
        return annal_error_set(err, ANNAL_EDATA, path, 0, ANNAL_NO_OFFSET,
                               "expected an object with an array \"%s\"", arr);
    }
    cJSON_ArrayForEach(e, list) {
        const char *a3 = S_str(e, "alpha_3"), *a2 = S_str(e, "alpha_2");
        if (!a3 || strlen(a3) != 3 || ab_country_known(b, a3))
            continue;
        if (S_add_country(b, a3, a2, S_str(e, "common_name") ? S_str(e, "common_name")
                                                             : S_str(e, "name"), historical))
            goto oom;
        if (historical)
            continue;
        if (S_name_entry(b, S_str(e, "name") ? S_str(e, "name") : "", a3, file) ||
            S_name_entry(b, S_str(e, "official_name") ? S_str(e, "official_name") : "", a3, file) ||
            S_name_entry(b, S_str(e, "common_name") ? S_str(e, "common_name") : "", a3, file))
            goto oom;
    }
    cJSON_Delete(root);
    return ANNAL_OK;
oom:
    cJSON_Delete(root);
    return annal_error_set(err, ANNAL_ENOMEM, path, 0, ANNAL_NO_OFFSET, "out of memory");
}

annal_status ab_read_countries(annal_actors_build *b, annal_error *err)
{
    annal_status st = S_read_json(b, "iso_3166-1.json", "3166-1", 0, err);

    if (st == ANNAL_OK)
        st = S_read_json(b, "iso_3166-3.json", "3166-3", 1, err);
    if (st == ANNAL_OK && !ab_country_known(b, "XKX") &&
        S_add_country(b, "XKX", "XK", "Kosovo", 1))
        return annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
    return st;
}

int ab_country_known(const annal_actors_build *b, const char *alpha3)
{
    for (size_t i = 0; i < b->nctry; i++)
        if (memcmp(b->ctry[i].alpha3, alpha3, 3) == 0)
            return 1;
    return 0;
}
