/*
 * stream.h - a byte stream over a file or stdin that undoes compression.
 *
 * The format is decided by the first bytes, not the file name: 1F 8B is
 * gzip (zlib, several members allowed), 28 B5 2F FD is zstd (libzstd),
 * anything else is read as it is.  Errors (unreadable file, corrupt or
 * truncated compressed data) are returned as values with the file name.
 */
#ifndef ANNAL_READ_STREAM_H
#define ANNAL_READ_STREAM_H

#include <stddef.h>
#include <stdio.h>
#include <zlib.h>
#include <zstd.h>

#include "annal.h"

#define STREAM_CHUNK (64u * 1024u)

typedef enum { STREAM_PLAIN, STREAM_GZIP, STREAM_ZSTD } annal_stream_kind;

typedef struct annal_stream {
    int fd;                 /* -1 when closed */
    int is_stdin;           /* fd 0: never closed here */
    int read_errno;         /* errno of a failed read, or 0 */
    annal_stream_kind kind;
    const char *name;
    z_stream gz;
    int gz_init;
    ZSTD_DCtx *zs;
    ZSTD_inBuffer zin;
    int zs_frame_done;
    size_t in_len, in_pos;
    int in_eof;
    int done;
    /* Last: open and close clear the fields above, not the 64 KiB of
     * buffer (STREAM_STATE_SIZE), which only in_len and in_pos make
     * meaningful. */
    unsigned char in[STREAM_CHUNK];
} annal_stream;

#define STREAM_STATE_SIZE offsetof(annal_stream, in)

annal_status annal_stream_open(annal_stream *s, const char *path,
                               annal_error *err);
/* Reads up to n bytes; returns the count (0 at the end) or -1 with *err. */
long annal_stream_read(annal_stream *s, void *buf, size_t n,
                       annal_error *err);
void annal_stream_close(annal_stream *s);

#endif
