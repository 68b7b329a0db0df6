/*
 * cli.h - the annal program: subcommands and the helpers they share.
 * Each subcommand is `int cmd_NAME(int argc, char **argv)` returning the
 * process exit status (0 all processed, 1 something reported and skipped,
 * 2 usage or set-up error).
 */
#ifndef ANNAL_CLI_CLI_H
#define ANNAL_CLI_CLI_H

#include "annal.h"
#include "opts.h"

int cmd_dump(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_cameo(int argc, char **argv);

/* Opens the engine named by cfg (--dict and limits); prints the error and
 * returns NULL on failure. */
annal_engine *cli_open_engine(const cli_config *cfg);
/* Reader over cfg->args (or "-" when there are none); NULL on failure. */
annal_reader *cli_open_reader(const cli_config *cfg);
/* Prints a document's warnings to stderr, prefixed with its id. */
void cli_print_warnings(const annal_doc *doc);
/* annal_write_fn over a FILE*. */
int cli_write_file(void *ctx, const char *p, size_t n);

#endif
