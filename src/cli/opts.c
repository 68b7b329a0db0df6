/* opts.c - see opts.h. */
#include "opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define OFF(f) offsetof(cli_config, f)

const opt_def cli_options[] = {
    {"json", OPT_FLAG, OFF(json), NULL, "print JSON Lines instead of a table"},
    {"dict", OPT_STRING, OFF(dict), "PATH", "dictionary snapshot (default: $ANNAL_DICT, else annal.dict beside the program)"},
    {"published", OPT_DATE, OFF(published), "YYYY-MM-DD", "publication date for documents that give none"},
    {"input-format", OPT_STRING, OFF(input_format), "auto|text|jsonl", "how to read inputs (default: by file name; stdin by its first byte)"},
    {"max-doc-bytes", OPT_U64, OFF(limits.max_doc_bytes), "N", "longer documents are cut, with a warning (default 10485760)"},
    {"max-doc-tokens", OPT_U32, OFF(limits.max_doc_tokens), "N", "tokens kept per document (default 2000000)"},
    {"max-sentence-bytes", OPT_U32, OFF(limits.max_sentence_bytes), "N", "longer sentences are cut, with a warning (default 8192)"},
    {"max-sentence-tokens", OPT_U32, OFF(limits.max_sentence_tokens), "N", "likewise in tokens (default 400)"},
    {"max-dir-depth", OPT_U32, OFF(limits.max_dir_depth), "N", "how deep directories are walked (default 32)"},
    {"max-warnings", OPT_U32, OFF(limits.max_warnings), "N", "warnings kept per document (default 100)"},
    {"output", OPT_STRING, OFF(out), "PATH", "file to write"},
    {"wordnet", OPT_STRING, OFF(wordnet), "DIR", "WordNet 3.0 dictionary files (default /usr/share/wordnet)"},
    {"data", OPT_STRING, OFF(data), "DIR", "annal's language data (default data/en)"},
    {"cameo", OPT_STRING, OFF(cameo), "FILE", "the CAMEO event table (default data/cameo/events.txt)"},
    {"iso-codes", OPT_STRING, OFF(iso_codes), "DIR", "Debian iso-codes JSON files (default /usr/share/iso-codes/json)"},
    {"date", OPT_DATE, OFF(date), "YYYY-MM-DD", "the day a phrase is looked up for (date-restricted entries)"},
    {"list", OPT_FLAG, OFF(list), NULL, "list every entry"},
    {"help", OPT_FLAG, OFF(help), NULL, "show this help"},
    {NULL, OPT_FLAG, 0, NULL, NULL},
};

void cli_config_init(cli_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->limits = annal_limits_default();
}

static const opt_def *S_find(const char *name, size_t n,
                             const char *const *allowed)
{
    for (const opt_def *o = cli_options; o->name; o++) {
        if (strlen(o->name) != n || strncmp(o->name, name, n) != 0)
            continue;
        for (size_t k = 0; allowed[k]; k++)
            if (strcmp(allowed[k], o->name) == 0)
                return o;
        return NULL;
    }
    return NULL;
}

static int S_set(const opt_def *o, const char *v, cli_config *cfg)
{
    char *p = (char *)cfg + o->offset, *end;
    unsigned long long n;

    switch (o->kind) {
    case OPT_FLAG:
        *(int *)p = 1;
        return 0;
    case OPT_STRING:
        *(const char **)p = v;
        return 0;
    case OPT_DATE:
        if (annal_ymd_parse(v, strlen(v), (annal_ymd *)p) != 0) {
            fprintf(stderr, "annal: --%s: \"%s\" is not a date (YYYY-MM-DD)\n", o->name, v);
            return 2;
        }
        return 0;
    case OPT_U64:
    case OPT_U32:
        errno = 0;
        n = strtoull(v, &end, 10);
        if (errno || end == v || *end || v[0] == '-' || n == 0 ||
            (o->kind == OPT_U32 && n > 0xFFFFFFFFull) ||
            (o->kind == OPT_U64 && n > 0xFFFFFFFEull)) {
            fprintf(stderr, "annal: --%s: \"%s\" is not a positive number in range\n", o->name, v);
            return 2;
        }
        if (o->kind == OPT_U64)
            *(uint64_t *)p = n;
        else
            *(uint32_t *)p = (uint32_t)n;
        return 0;
    }
    return 2;
}

int cli_parse(int argc, char **argv, const char *const *allowed,
              cli_config *cfg)
{
    int only_args = 0;

    cfg->args = calloc((size_t)argc + 1, sizeof *cfg->args);
    if (!cfg->args)
        return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *eq, *v = NULL;
        const opt_def *o;
        size_t n;
        if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
            cfg->args[cfg->nargs++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0) {
            cfg->help = 1;
            continue;
        }
        if (a[1] != '-') {
            fprintf(stderr, "annal %s: unknown option %s (see annal %s --help)\n", argv[0], a, argv[0]);
            return 2;
        }
        a += 2;
        eq = strchr(a, '=');
        n = eq ? (size_t)(eq - a) : strlen(a);
        if (!(o = S_find(a, n, allowed))) {
            fprintf(stderr, "annal %s: unknown option --%.*s (see annal %s --help)\n", argv[0], (int)n, a, argv[0]);
            return 2;
        }
        if (o->kind != OPT_FLAG) {
            if (eq)
                v = eq + 1;
            else if (i + 1 < argc)
                v = argv[++i];
            else {
                fprintf(stderr, "annal %s: --%s needs a value (%s)\n", argv[0], o->name, o->arg);
                return 2;
            }
        } else if (eq) {
            fprintf(stderr, "annal %s: --%s takes no value\n", argv[0], o->name);
            return 2;
        }
        if (S_set(o, v, cfg))
            return 2;
    }
    return 0;
}

void cli_print_options(FILE *f, const char *const *allowed)
{
    for (size_t k = 0; allowed[k]; k++)
        for (const opt_def *o = cli_options; o->name; o++)
            if (strcmp(o->name, allowed[k]) == 0) {
                char left[64];
                snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
                fprintf(f, "  %-30s %s\n", left, o->help);
            }
}
