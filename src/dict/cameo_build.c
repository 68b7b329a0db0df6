/*
 * cameo_build.c - the CAMEO event table, data/cameo/events.txt:
 *
 *   code<TAB>goldstein<TAB>quad<TAB>plover_event<TAB>plover_mode<TAB>plover_context<TAB>name
 *
 * Checks: codes of 2 to 4 digits, unique, each longer code's parent
 * present (root for 3 digits, the 3-digit code for 4), Goldstein in
 * [-10, 10] with at most one decimal, QuadClass 1-4 and the one its root
 * implies (01-05 verbal cooperation, 06-08 material cooperation, 09-13
 * verbal conflict, 14-20 material conflict).  `-` is an empty field.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors_build_impl.h"
#include "../core/error.h"

static int S_digits(const char *s)
{
    size_t n = strlen(s);

    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* The QuadClass of a root "01".."20", or 0. */
static int S_root_quad(const char *code)
{
    int r = (code[0] - '0') * 10 + (code[1] - '0');

    return r < 1 || r > 20 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

static abcameo *S_find(annal_actors_build *b, const char *code)
{
    for (size_t i = 0; i < b->ncameo; i++)
        if (strcmp(b->cameo[i].code, code) == 0)
            return &b->cameo[i];
    return NULL;
}

static char *S_field(const char *s)
{
    return strdup(strcmp(s, "-") == 0 ? "" : s);
}

/* One row; problems are reported, not fatal.  -1 only when out of memory. */
static int S_row(annal_actors_build *b, const char *path, uint64_t no, char *line)
{
    char *f[8], *save = NULL, *end;
    int n = 0;
    double g;
    long q;
    abcameo *c;

    for (char *t = strtok_r(line, "\t", &save); t && n < 8; t = strtok_r(NULL, "\t", &save))
        f[n++] = t;
    if (n != 7) {
        ab_report(b, path, no, 1, "cameo-format", "expected 7 TAB-separated fields, found %d", n);
        return 0;
    }
    if (!S_digits(f[0]) || !S_root_quad(f[0])) {
        ab_report(b, path, no, 1, "cameo-code", "\"%s\" is not a CAMEO code (2-4 digits, root 01-20)", f[0]);
        return 0;
    }
    if (S_find(b, f[0])) {
        ab_report(b, path, no, 1, "cameo-duplicate", "code %s appears twice", f[0]);
        return 0;
    }
    g = strtod(f[1], &end);
    if (end == f[1] || *end || !(g >= -10 && g <= 10) || fabs(g * 10 - round(g * 10)) > 1e-6) {
        ab_report(b, path, no, 1, "cameo-goldstein", "Goldstein value \"%s\" is not in -10..10 "
                  "with one decimal", f[1]);
        return 0;
    }
    q = strtol(f[2], &end, 10);
    if (end == f[2] || *end || q != S_root_quad(f[0])) {
        ab_report(b, path, no, 1, "cameo-quad", "QuadClass \"%s\" does not match root %.2s (expected %d)",
                  f[2], f[0], S_root_quad(f[0]));
        return 0;
    }
    if (strlen(f[0]) > 2) {
        char parent[5];
        snprintf(parent, sizeof parent, "%.*s", (int)strlen(f[0]) - 1, f[0]);
        if (!S_find(b, parent))
            ab_report(b, path, no, 1, "cameo-parent", "code %s comes before its parent %s (or the "
                      "parent is missing)", f[0], parent);
    }
    if (b->ncameo == b->cameo_cap) {
        size_t nc = b->cameo_cap ? b->cameo_cap * 2 : 512;
        abcameo *p = realloc(b->cameo, nc * sizeof *p);
        if (!p)
            return -1;
        b->cameo = p;
        b->cameo_cap = nc;
    }
    c = &b->cameo[b->ncameo++];
    memset(c, 0, sizeof *c);
    snprintf(c->code, sizeof c->code, "%s", f[0]);
    c->goldstein10 = (int)lround(g * 10);
    c->quad = (int)q;
    c->event = S_field(f[3]);
    c->mode = S_field(f[4]);
    c->context = S_field(f[5]);
    c->name = S_field(f[6]);
    return c->event && c->mode && c->context && c->name ? 0 : -1;
}

annal_status ab_read_cameo(annal_actors_build *b, annal_error *err)
{
    const char *path = b->opts->cameo_path;
    FILE *f = fopen(path, "r");
    char line[AB_MAX_LINE];
    uint64_t no = 0;

    if (!f)
        return annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET, "cannot open: %s",
                               strerror(errno));
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        no++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (!n || line[0] == '#')
            continue;
        if (S_row(b, path, no, line)) {
            fclose(f);
            return annal_error_set(err, ANNAL_ENOMEM, path, no, ANNAL_NO_OFFSET, "out of memory");
        }
    }
    fclose(f);
    if (b->ncameo == 0)
        ab_report(b, path, 0, 1, "cameo-empty", "no CAMEO codes");
    return ANNAL_OK;
}
