/* cmd_dump.c - `annal dump KIND [--json] FILE...`: one text stage. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const S_allowed[] = {
    "json", "dict", "published", "input-format", "max-doc-bytes", "max-doc-tokens",
    "max-sentence-bytes", "max-sentence-tokens", "max-dir-depth", "max-warnings", "help", NULL};

static void S_usage(FILE *f)
{
    fprintf(f, "usage: annal dump sentences|tokens|numbers|dates [OPTIONS] [FILE...]\n\n"
               "Shows what one text stage made of each document: a table for people,\n"
               "or JSON Lines (one object per item) with --json.  Spans are byte\n"
               "offsets [start, end) into the document as read.\n\noptions:\n");
    cli_print_options(f, S_allowed);
}

/* "# id  published ...  source ...  author ..." before each table. */
static void S_doc_header(const annal_doc *doc)
{
    const annal_doc_meta *m = annal_doc_get_meta(doc);
    char d[16];

    printf("# %s", m->id ? m->id : "");
    if (m->published.year)
        printf("  published %s", annal_ymd_format(m->published, ANNAL_PREC_DAY, d));
    if (m->source)
        printf("  source %s", m->source);
    if (m->author)
        printf("  author %s", m->author);
    printf("\n");
}

static int S_run(const cli_config *cfg, annal_dump_kind kind)
{
    annal_engine *eng = cli_open_engine(cfg);
    annal_reader *rd = eng ? cli_open_reader(cfg) : NULL;
    annal_doc *doc = eng ? annal_doc_new(eng) : NULL;
    annal_input in;
    int rc = 0, first = 1;

    if (!eng || !rd || !doc) {
        rc = 2;
        goto done;
    }
    while (annal_reader_next(rd, &in)) {
        annal_error err;
        if (annal_doc_process(doc, in.text, in.len, &in.meta, annal_dump_stages(kind), &err) != ANNAL_OK) {
            fprintf(stderr, "annal: %s\n", err.msg);
            rc = 1;
            continue;
        }
        cli_print_warnings(doc);
        if (!cfg->json) {
            if (!first)
                printf("\n");
            S_doc_header(doc);
        }
        first = 0;
        if (annal_dump(doc, kind, cfg->json ? ANNAL_DUMP_JSON : ANNAL_DUMP_TABLE,
                       cli_write_file, stdout) != ANNAL_OK) {
            fprintf(stderr, "annal: cannot write output: %s\n", strerror(errno));
            rc = 2;
            break;
        }
    }
    if (rc == 0 && annal_reader_skipped(rd))
        rc = 1;
done:
    if (fflush(stdout) != 0 && rc != 2) {
        fprintf(stderr, "annal: cannot write output: %s\n", strerror(errno));
        rc = 2;
    }
    annal_doc_free(doc);
    annal_reader_free(rd);
    annal_engine_free(eng);
    return rc;
}

int cmd_dump(int argc, char **argv)
{
    cli_config cfg;
    annal_dump_kind kind;
    int rc;

    cli_config_init(&cfg);
    if ((rc = cli_parse(argc, argv, S_allowed, &cfg)) != 0) {
        free(cfg.args);
        return rc;
    }
    if (cfg.help) {
        S_usage(stdout);
        free(cfg.args);
        return 0;
    }
    if (cfg.nargs < 1 || !(kind = annal_dump_kind_parse(cfg.args[0]))) {
        if (cfg.nargs >= 1)
            fprintf(stderr, "annal dump: unknown kind \"%s\" (sentences, tokens, numbers or dates)\n\n",
                    cfg.args[0]);
        S_usage(stderr);
        free(cfg.args);
        return 2;
    }
    cfg.args++;
    cfg.nargs--;
    rc = S_run(&cfg, kind);
    free(cfg.args - 1);
    return rc;
}
