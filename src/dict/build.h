/*
 * build.h - `annal dict build`: compile language data into a snapshot.
 *
 * Inputs (see docs/dictionaries.md for the line formats):
 *   WordNet 3.0 (Debian wordnet-base, /usr/share/wordnet): index.noun,
 *     index.verb, index.adj, index.adv give each single-word lemma's parts
 *     of speech; noun.exc, verb.exc, adj.exc, adv.exc give irregular forms;
 *   data/en/lexicon/ *.txt: closed-class words, abbreviations, number and
 *     date words written for annal, one "phrase<TAB>ATTR ..." per line;
 *   data/en/morphy.txt: WordNet's detachment rules;
 *   the actor dictionaries, the country list and the CAMEO table
 *     (actors_build.h).
 * Output: one snapshot file (dict/snapshot.h), written atomically.  The same
 * inputs always give the same bytes.
 */
#ifndef ANNAL_DICT_BUILD_H
#define ANNAL_DICT_BUILD_H

#include <stdio.h>

#include "annal.h"

#include "actors_build.h"

typedef struct annal_dict_build_opts {
    const char *wordnet_dir;   /* directory with index.* and *.exc */
    const char *data_dir;      /* the data/en directory */
    const char *cameo_path;    /* data/cameo/events.txt */
    const char *iso_dir;       /* iso-codes JSON directory */
    const char *out_path;      /* NULL: check only, write nothing */
    FILE *log;                 /* summary lines, or NULL */
    annal_dict_report_fn report;   /* findings in the actor data */
    void *report_ctx;
} annal_dict_build_opts;

annal_status annal_dict_build(const annal_dict_build_opts *o,
                              annal_error *err);

#endif
