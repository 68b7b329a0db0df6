/* cmd_dict.c - `annal dict build|lookup`: the dictionary snapshot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../dict/build.h"

static const char *const S_allowed[] = {"output", "wordnet", "data", "dict", "help", NULL};

static void S_usage(FILE *f)
{
    fprintf(f, "usage: annal dict build [--wordnet DIR] [--data DIR] [--output PATH]\n"
               "       annal dict lookup [--dict PATH] WORD...\n\n"
               "build compiles WordNet and annal's data files into one snapshot\n"
               "(default output: annal.dict beside the program).  lookup shows what\n"
               "the lexicon knows of each word.\n\noptions:\n");
    cli_print_options(f, S_allowed);
}

static int S_build(const cli_config *cfg)
{
    char path[4096];
    annal_dict_build_opts o;
    annal_error err;

    o.wordnet_dir = cfg->wordnet ? cfg->wordnet : "/usr/share/wordnet";
    o.data_dir = cfg->data ? cfg->data : "data/en";
    o.out_path = cfg->out ? cfg->out : annal_default_dict_path(path, sizeof path);
    o.log = stderr;
    if (annal_dict_build(&o, &err) != ANNAL_OK) {
        fprintf(stderr, "annal: %s\n", err.msg);
        return 2;
    }
    return 0;
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
    } else if (cfg.nargs >= 1 && strcmp(cfg.args[0], "build") == 0) {
        rc = S_build(&cfg);
    } else if (cfg.nargs >= 2 && strcmp(cfg.args[0], "lookup") == 0) {
        rc = S_lookup(&cfg);
    } else {
        S_usage(stderr);
        rc = 2;
    }
    free(cfg.args);
    return rc;
}
