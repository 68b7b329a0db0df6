/*
 * cmd_cameo.c - `annal cameo CODE...` and `annal cameo --list`: the CAMEO
 * event codebook as the snapshot holds it (data/cameo/events.txt): name,
 * Goldstein score, QuadClass and the PLOVER mapping.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../core/json.h"

static const char *const S_allowed[] = {"dict", "list", "json", "help", NULL};

static void S_usage(FILE *f)
{
    fprintf(f, "usage: annal cameo [--json] CODE...\n"
               "       annal cameo --list [--json]\n\n"
               "Shows what a CAMEO event code means: its name, Goldstein score\n"
               "(-10 .. +10), QuadClass (1 verbal cooperation, 2 material\n"
               "cooperation, 3 verbal conflict, 4 material conflict) and the PLOVER\n"
               "event, mode and context it maps to.  --list prints every code.\n"
               "Exit status 1 when a code is unknown.\n\noptions:\n");
    cli_print_options(f, S_allowed);
}

static void S_print(const annal_cameo_info *c, int json)
{
    if (json) {
        annal_buf b;
        annal_buf_init(&b, NULL);
        annal_buf_putc(&b, '{');
        annal_json_key(&b, "code", 1);
        annal_json_cstr(&b, c->code);
        annal_json_key(&b, "name", 0);
        annal_json_cstr(&b, c->name);
        annal_json_key(&b, "goldstein", 0);
        annal_json_num(&b, c->goldstein);
        annal_json_key(&b, "quad_class", 0);
        annal_json_int(&b, c->quad_class);
        annal_json_key(&b, "plover_event", 0);
        annal_json_cstr(&b, c->plover_event[0] ? c->plover_event : NULL);
        annal_json_key(&b, "plover_mode", 0);
        annal_json_cstr(&b, c->plover_mode[0] ? c->plover_mode : NULL);
        annal_json_key(&b, "plover_context", 0);
        annal_json_cstr(&b, c->plover_context[0] ? c->plover_context : NULL);
        annal_buf_puts(&b, "}\n");
        if (!b.oom)
            fwrite(b.p, 1, b.len, stdout);
        annal_buf_free(&b);
        return;
    }
    printf("%s\t%+.1f\t%d\t%s\t%s\t%s\t%s\n", c->code, c->goldstein, c->quad_class,
           c->plover_event[0] ? c->plover_event : "-", c->plover_mode[0] ? c->plover_mode : "-",
           c->plover_context[0] ? c->plover_context : "-", c->name);
}

static int S_run(const cli_config *cfg)
{
    annal_engine *eng;
    annal_cameo_info c;
    int rc = 0;

    if (!cfg->list && cfg->nargs == 0) {
        S_usage(stderr);
        return 2;
    }
    if (!(eng = cli_open_engine(cfg)))
        return 2;
    if (!cfg->json)
        printf("code\tgoldstein\tquad\tplover_event\tplover_mode\tplover_context\tname\n");
    if (cfg->list)
        for (size_t i = 0; i < annal_cameo_count(eng); i++) {
            annal_cameo_get(eng, i, &c);
            S_print(&c, cfg->json);
        }
    for (int i = 0; i < cfg->nargs; i++) {
        if (annal_cameo_lookup(eng, cfg->args[i], &c)) {
            S_print(&c, cfg->json);
        } else {
            fprintf(stderr, "annal: \"%s\" is not a CAMEO event code (annal cameo --list shows them)\n",
                    cfg->args[i]);
            rc = 1;
        }
    }
    annal_engine_free(eng);
    return rc;
}

int cmd_cameo(int argc, char **argv)
{
    cli_config cfg;
    int rc;

    cli_config_init(&cfg);
    if ((rc = cli_parse(argc, argv, S_allowed, &cfg)) != 0) {
        free(cfg.args);
        return rc;
    }
    rc = cfg.help ? (S_usage(stdout), 0) : S_run(&cfg);
    free(cfg.args);
    return rc;
}
