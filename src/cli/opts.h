/*
 * opts.h - command-line options as one table (R15 of docs/style).
 *
 * Every option is a row: its name, what kind of value it takes, where the
 * value goes in cli_config, and its help text.  Parsing, --help output and
 * docs/cli.md all come from the same rows.  Subcommands list which rows
 * they accept by naming them.
 */
#ifndef ANNAL_CLI_OPTS_H
#define ANNAL_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "annal.h"

typedef struct cli_config {
    int json;
    int help;
    int list;
    const char *dict;
    const char *input_format;
    const char *out;
    const char *wordnet;
    const char *data;
    const char *cameo;
    const char *iso_codes;
    annal_ymd published;
    annal_ymd date;
    annal_limits limits;
    /* positional arguments */
    char **args;
    int nargs;
} cli_config;

typedef enum { OPT_FLAG, OPT_STRING, OPT_U64, OPT_U32, OPT_DATE } opt_kind;

typedef struct opt_def {
    const char *name;      /* without the leading -- */
    opt_kind kind;
    size_t offset;         /* in cli_config */
    const char *arg;       /* metavariable for help */
    const char *help;
} opt_def;

/* The option rows, ending with a NULL name. */
extern const opt_def cli_options[];

/* Parses argv[0..argc) (argv[0] is the subcommand) accepting only the
 * options named in `allowed` (a NULL-terminated list).  Returns 0, or
 * prints the problem to stderr and returns 2. */
int cli_parse(int argc, char **argv, const char *const *allowed,
              cli_config *cfg);
/* Prints the help lines of the allowed options. */
void cli_print_options(FILE *f, const char *const *allowed);
void cli_config_init(cli_config *cfg);

#endif
