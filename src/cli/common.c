/* common.c - helpers shared by the subcommands; see cli.h. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cli_write_file(void *ctx, const char *p, size_t n)
{
    return fwrite(p, 1, n, (FILE *)ctx) == n ? 0 : -1;
}

annal_engine *cli_open_engine(const cli_config *cfg)
{
    annal_engine_opts o = {cfg->dict, NULL, &cfg->limits};
    annal_engine *eng = NULL;
    annal_error err;

    if (annal_engine_open(&o, &eng, &err) != ANNAL_OK) {
        fprintf(stderr, "annal: %s\n", err.msg);
        return NULL;
    }
    return eng;
}

static void S_report(void *ctx, const annal_error *err)
{
    (void)ctx;
    fprintf(stderr, "annal: %s\n", err->msg);
}

annal_reader *cli_open_reader(const cli_config *cfg)
{
    static const char *const stdin_only[] = {"-"};
    annal_reader_opts o;
    annal_reader *r = NULL;
    annal_error err;

    memset(&o, 0, sizeof o);
    o.limits = &cfg->limits;
    o.published = cfg->published;
    o.report = S_report;
    if (cfg->input_format) {
        if (strcmp(cfg->input_format, "text") == 0)
            o.format = ANNAL_INPUT_TEXT;
        else if (strcmp(cfg->input_format, "jsonl") == 0)
            o.format = ANNAL_INPUT_JSONL;
        else if (strcmp(cfg->input_format, "auto") != 0) {
            fprintf(stderr, "annal: --input-format must be auto, text or jsonl\n");
            return NULL;
        }
    }
    if (annal_reader_open(cfg->nargs ? (const char *const *)cfg->args : stdin_only,
                          cfg->nargs ? (size_t)cfg->nargs : 1, &o, &r, &err) != ANNAL_OK) {
        fprintf(stderr, "annal: %s\n", err.msg);
        return NULL;
    }
    return r;
}

void cli_print_warnings(const annal_doc *doc)
{
    const annal_doc_meta *m = annal_doc_get_meta(doc);
    const annal_warning *w = annal_doc_warnings(doc);

    for (size_t i = 0; i < annal_doc_nwarnings(doc); i++) {
        if (m->origin && m->origin_line)
            fprintf(stderr, "annal: %s:%llu: warning: %s (document %s)\n", m->origin,
                    (unsigned long long)m->origin_line, w[i].msg, m->id ? m->id : "?");
        else if (m->origin)
            fprintf(stderr, "annal: %s: warning: %s\n", m->origin, w[i].msg);
        else
            fprintf(stderr, "annal: %s: warning: %s\n", m->id ? m->id : "?", w[i].msg);
    }
}
