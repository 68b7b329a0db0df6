/*
 * main.c - the annal command: a table of subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static int S_version(int argc, char **argv);
static int S_help(int argc, char **argv);
static void S_print_help(FILE *f);

static const command S_commands[] = {
    {"dump", cmd_dump, "show one stage: sentences, tokens, numbers, dates or actors"},
    {"dict", cmd_dict, "build or check the dictionary snapshot, or look a phrase up"},
    {"cameo", cmd_cameo, "what a CAMEO event code means (--list: all of them)"},
    {"version", S_version, "print the version"},
    {"help", S_help, "list the commands"},
    {NULL, NULL, NULL},
};

static int S_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("annal %s\n", ANNAL_VERSION_STRING);
    return 0;
}

static void S_print_help(FILE *f)
{
    fprintf(f, "annal %s: news text to event data\n\nusage: annal COMMAND [OPTIONS] [FILE...]\n\ncommands:\n",
            ANNAL_VERSION_STRING);
    for (const command *c = S_commands; c->name; c++)
        fprintf(f, "  %-10s %s\n", c->name, c->summary);
    fprintf(f, "\n`annal COMMAND --help` describes each command.  Inputs are files,\n"
               "directories, or - for standard input (see docs/cli.md).\n");
}

static int S_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    S_print_help(stdout);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {   /* a usage error: help goes to stderr */
        S_print_help(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
        return S_version(0, NULL);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return S_help(0, NULL);
    for (const command *c = S_commands; c->name; c++)
        if (strcmp(argv[1], c->name) == 0)
            return c->run(argc - 1, argv + 1);
    fprintf(stderr, "annal: unknown command \"%s\" (see annal help)\n", argv[1]);
    return 2;
}
