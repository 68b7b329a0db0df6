/*
 * actors_build.h - reading and checking the actor dictionaries, the
 * country list and the CAMEO event table, and writing their snapshot
 * sections (actors/table.h).
 *
 * Inputs:
 *   iso-codes (Debian): iso_3166-1.json gives every country's alpha-3,
 *     alpha-2 and names (an entry for each name without a comma);
 *     iso_3166-3.json the withdrawn codes of historical states;
 *   data/en/actors/ *.txt and data/en/actors/people/ *.txt:
 *     "phrase<TAB>ATTR ..." lines (docs/dictionaries.md);
 *   data/cameo/events.txt: one CAMEO code per line.
 *
 * Problems in the data never stop the reading: each one goes to the
 * report callback with its file, line and a stable code (docs/
 * dictionaries.md lists them), and counts as an error or a warning.  The
 * build refuses to write a snapshot when there are errors; `annal dict
 * check` only reports.
 */
#ifndef ANNAL_DICT_ACTORS_BUILD_H
#define ANNAL_DICT_ACTORS_BUILD_H

#include <stdint.h>

#include "annal.h"
#include "snapshot.h"

typedef struct annal_actors_build annal_actors_build;

/* A finding: `code` is a stable name ("overlap", "unknown-country"). */
typedef void (*annal_dict_report_fn)(void *ctx, const char *file, uint64_t line,
                                     int is_error, const char *code, const char *msg);

typedef struct annal_actors_build_opts {
    const char *actors_dir;     /* data/en/actors */
    const char *iso_dir;        /* /usr/share/iso-codes/json */
    const char *cameo_path;     /* data/cameo/events.txt */
    annal_dict_report_fn report;
    void *report_ctx;
} annal_actors_build_opts;

/* Reads and checks everything; *out is set even when the data has
 * errors (see annal_actors_build_errors).  Fails only for ENOMEM or an
 * unreadable input directory or file. */
annal_status annal_actors_build_read(const annal_actors_build_opts *o,
                                     annal_actors_build **out, annal_error *err);
uint64_t annal_actors_build_errors(const annal_actors_build *b);
uint64_t annal_actors_build_warnings(const annal_actors_build *b);
/* Summary for logs: "5,210 phrases, 316 CAMEO codes, 277 countries". */
void annal_actors_build_summary(const annal_actors_build *b, char *buf, size_t cap);
/* Adds the ACTS, ACTK, ACTH, ACTV, CTRY and CAME sections to w. */
annal_status annal_actors_build_emit(annal_actors_build *b, annal_snapshot_writer *w,
                                     annal_error *err);
void annal_actors_build_free(annal_actors_build *b);

#endif
