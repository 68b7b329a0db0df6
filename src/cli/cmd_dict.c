/*
 * cmd_dict.c - `annal dict build|check|lookup`: the dictionary snapshot.
 *
 *   build   compiles WordNet, data/en and the CAMEO table into a snapshot;
 *           findings in the actor data are printed as they are found and
 *           errors stop the build;
 *   check   the same reading and checks, writing nothing;
 *   lookup  what the snapshot knows of phrases: the actor dictionary
 *           lines (marking the one that holds on --date), how the actor
 *           coder reads the phrase, and the lexicon's entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../dict/build.h"

#define S_MAX_ENTRIES 64   /* dictionary lines shown per phrase */

static const char *const S_allowed[] = {"output", "wordnet", "data", "cameo", "iso-codes",
                                        "dict", "date", "help", NULL};

static void S_usage(FILE *f)
{
    fprintf(f, "usage: annal dict build [--wordnet DIR] [--data DIR] [--cameo FILE]\n"
               "                        [--iso-codes DIR] [--output PATH]\n"
               "       annal dict check [--data DIR] [--cameo FILE] [--iso-codes DIR]\n"
               "       annal dict lookup [--dict PATH] [--date YYYY-MM-DD] PHRASE...\n\n"
               "build compiles WordNet, annal's data files, the CAMEO table and the\n"
               "country list into one snapshot (default output: annal.dict beside the\n"
               "program).  check reads and checks the actor dictionaries and the CAMEO\n"
               "table and prints every finding as FILE:LINE: error CODE: message.\n"
               "lookup shows what the snapshot knows of each phrase.\n\noptions:\n");
    cli_print_options(f, S_allowed);
}

typedef struct S_counts {
    unsigned long errors, warnings;
} S_counts;

static void S_report(void *ctx, const char *file, uint64_t line, int is_error, const char *code,
                     const char *msg)
{
    S_counts *c = ctx;

    if (is_error)
        c->errors++;
    else
        c->warnings++;
    if (line)
        fprintf(stderr, "annal: %s:%llu: %s %s: %s\n", file, (unsigned long long)line,
                is_error ? "error" : "warning", code, msg);
    else
        fprintf(stderr, "annal: %s: %s %s: %s\n", file, is_error ? "error" : "warning", code, msg);
}

static int S_build(const cli_config *cfg, int check_only)
{
    char path[4096];
    annal_dict_build_opts o;
    annal_error err;
    S_counts counts = {0, 0};
    annal_status st;

    o.wordnet_dir = cfg->wordnet ? cfg->wordnet : "/usr/share/wordnet";
    o.data_dir = cfg->data ? cfg->data : "data/en";
    o.cameo_path = cfg->cameo ? cfg->cameo : "data/cameo/events.txt";
    o.iso_dir = cfg->iso_codes ? cfg->iso_codes : "/usr/share/iso-codes/json";
    o.out_path = check_only ? NULL : cfg->out ? cfg->out : annal_default_dict_path(path, sizeof path);
    o.log = stderr;
    o.report = S_report;
    o.report_ctx = &counts;
    st = annal_dict_build(&o, &err);
    if (st == ANNAL_EDATA) {
        fprintf(stderr, "annal: %s\n", err.msg);
        return 1;
    }
    if (st != ANNAL_OK) {
        fprintf(stderr, "annal: %s\n", err.msg);
        return 2;
    }
    return 0;
}

static void S_kinds(unsigned k, char *buf, size_t cap)
{
    static const char *const n[] = {"country", "adj", "capital", "role", "title", "code",
                                    "former", "case", "generic", "person", "people"};
    size_t len = 0;

    buf[0] = '\0';
    for (unsigned b = 0; b < sizeof n / sizeof n[0]; b++)
        if (k & (1u << b)) {
            int w = snprintf(buf + len, cap - len, "%s%s", len ? "," : "", n[b]);
            if (w < 0 || (size_t)w >= cap - len)
                return;
            len += (size_t)w;
        }
}

static void S_print_entries(const annal_engine *eng, const char *phrase, annal_ymd day)
{
    annal_actor_entry e[S_MAX_ENTRIES];
    size_t n = annal_actor_entries(eng, phrase, strlen(phrase), day, e, S_MAX_ENTRIES);

    for (size_t i = 0; i < n && i < S_MAX_ENTRIES; i++) {
        char a[16] = "", b[16] = "", kinds[128];
        if (e[i].from.year)
            annal_ymd_format(e[i].from, ANNAL_PREC_DAY, a);
        if (e[i].until.year)
            annal_ymd_format(e[i].until, ANNAL_PREC_DAY, b);
        S_kinds(e[i].kind, kinds, sizeof kinds);
        printf("\tentry\t%s\t%s..%s\t%s\t%s%s\n", e[i].code[0] ? e[i].code : "-", a, b, kinds,
               e[i].origin, e[i].holds ? "\t<- holds" : "");
    }
}

/* Runs the actor coder over the phrase as a one-sentence document. */
static void S_print_coded(const annal_engine *eng, const char *phrase, annal_ymd day)
{
    annal_doc *doc = annal_doc_new(eng);
    annal_doc_meta meta;
    const annal_actor *a;

    if (!doc)
        return;
    memset(&meta, 0, sizeof meta);
    meta.id = "lookup";
    meta.published = day;
    if (annal_doc_process(doc, phrase, strlen(phrase), &meta, ANNAL_STAGE_ACTORS, NULL) == ANNAL_OK) {
        a = annal_doc_actors(doc);
        for (size_t i = 0; i < annal_doc_nactors(doc); i++)
            printf("\tcoded\t%.*s\t%s\t%s\t%s\n", (int)(a[i].end - a[i].start), phrase + a[i].start,
                   a[i].code, annal_actor_how_name(a[i].how), a[i].rule);
    }
    annal_doc_free(doc);
}

static int S_lookup(const cli_config *cfg)
{
    annal_engine *eng = cli_open_engine(cfg);
    char scratch[1024], pos[128];

    if (!eng)
        return 2;
    for (int i = 1; i < cfg->nargs; i++) {
        annal_lex_info info;
        static const char *const cls[4] = {"noun", "verb", "adj", "adv"};
        int known = annal_lex_lookup(eng, cfg->args[i], strlen(cfg->args[i]), scratch,
                                     sizeof scratch, &info);
        printf("%s\t%s\tlemma=%.*s\tpos=%s", cfg->args[i], known ? "known" : "unknown",
               (int)info.lemma_len, info.lemma ? info.lemma : "",
               annal_pos_format(info.pos, pos, sizeof pos));
        for (int k = 0; k < 4; k++)
            if (info.pos_lemma[k])
                printf("\t%s=%.*s", cls[k], (int)info.pos_lemma_len[k], info.pos_lemma[k]);
        printf("\n");
        S_print_entries(eng, cfg->args[i], cfg->date);
        S_print_coded(eng, cfg->args[i], cfg->date);
    }
    annal_engine_free(eng);
    return 0;
}

int cmd_dict(int argc, char **argv)
{
    cli_config cfg;
    int rc;

    cli_config_init(&cfg);
    if ((rc = cli_parse(argc, argv, S_allowed, &cfg)) != 0) {
        free(cfg.args);
        return rc;
    }
    if (cfg.help) {
        S_usage(stdout);
        rc = 0;
    } else if (cfg.nargs == 1 && strcmp(cfg.args[0], "build") == 0) {
        rc = S_build(&cfg, 0);
    } else if (cfg.nargs == 1 && strcmp(cfg.args[0], "check") == 0) {
        rc = S_build(&cfg, 1);
    } else if (cfg.nargs >= 2 && strcmp(cfg.args[0], "lookup") == 0) {
        rc = S_lookup(&cfg);
    } else {
        S_usage(stderr);
        rc = 2;
    }
    free(cfg.args);
    return rc;
}
