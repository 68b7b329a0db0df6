/* stream.c - see stream.h. */
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../core/error.h"

/* Refills the input buffer when it is empty; returns bytes available.
 * A read error ends the input and is kept in s->read_errno. */
static size_t S_fill(annal_stream *s)
{
    ssize_t got;

    if (s->in_pos < s->in_len || s->in_eof)
        return s->in_len - s->in_pos;
    do
        got = read(s->fd, s->in, sizeof s->in);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
        s->read_errno = errno;
        got = 0;
    }
    s->in_len = (size_t)got;
    s->in_pos = 0;
    if (got == 0)
        s->in_eof = 1;
    return s->in_len;
}

annal_status annal_stream_open(annal_stream *s, const char *path,
                               annal_error *err)
{
    memset(s, 0, STREAM_STATE_SIZE);
    s->fd = -1;
    s->name = path;
    if (strcmp(path, "-") == 0) {
        s->fd = STDIN_FILENO;
        s->is_stdin = 1;
        s->name = "<stdin>";
    } else if ((s->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        return annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET,
                               "cannot open: %s", strerror(errno));
    }
    S_fill(s);
    if (s->read_errno) {
        annal_error_set(err, ANNAL_EIO, s->name, 0, ANNAL_NO_OFFSET,
                        "cannot read: %s", strerror(s->read_errno));
        annal_stream_close(s);
        return ANNAL_EIO;
    }
    if (s->in_len >= 2 && s->in[0] == 0x1F && s->in[1] == 0x8B) {
        s->kind = STREAM_GZIP;
        if (inflateInit2(&s->gz, 16 + MAX_WBITS) != Z_OK) {
            annal_stream_close(s);
            return annal_error_set(err, ANNAL_ENOMEM, path, 0, ANNAL_NO_OFFSET, "cannot start gzip decoder");
        }
        s->gz_init = 1;
    } else if (s->in_len >= 4 && memcmp(s->in, "\x28\xB5\x2F\xFD", 4) == 0) {
        s->kind = STREAM_ZSTD;
        if (!(s->zs = ZSTD_createDCtx())) {
            annal_stream_close(s);
            return annal_error_set(err, ANNAL_ENOMEM, path, 0, ANNAL_NO_OFFSET, "cannot start zstd decoder");
        }
    }
    return ANNAL_OK;
}

static long S_read_plain(annal_stream *s, unsigned char *buf, size_t n)
{
    size_t got = 0;

    while (got < n && S_fill(s)) {
        size_t k = s->in_len - s->in_pos;
        if (k > n - got)
            k = n - got;
        memcpy(buf + got, s->in + s->in_pos, k);
        s->in_pos += k;
        got += k;
    }
    return (long)got;
}

static long S_read_gzip(annal_stream *s, unsigned char *buf, size_t n,
                        annal_error *err)
{
    s->gz.next_out = buf;
    s->gz.avail_out = (uInt)n;
    while (s->gz.avail_out > 0 && !s->done) {
        int r;
        if (!S_fill(s)) {
            if (s->gz.total_in > 0 && s->gz.avail_out == n) {
                annal_error_set(err, ANNAL_EFORMAT, s->name, 0, ANNAL_NO_OFFSET,
                                "truncated gzip data");
                return -1;
            }
            break;
        }
        s->gz.next_in = s->in + s->in_pos;
        s->gz.avail_in = (uInt)(s->in_len - s->in_pos);
        r = inflate(&s->gz, Z_NO_FLUSH);
        s->in_pos = s->in_len - s->gz.avail_in;
        if (r == Z_STREAM_END) {
            /* another gzip member may follow */
            if (!S_fill(s)) {
                s->done = 1;
                break;
            }
            inflateReset(&s->gz);
        } else if (r != Z_OK && r != Z_BUF_ERROR) {
            annal_error_set(err, ANNAL_EFORMAT, s->name, 0, s->gz.total_in,
                            "corrupt gzip data: %s", s->gz.msg ? s->gz.msg : "inflate failed");
            return -1;
        }
    }
    return (long)(n - s->gz.avail_out);
}

static long S_read_zstd(annal_stream *s, unsigned char *buf, size_t n,
                        annal_error *err)
{
    ZSTD_outBuffer out = {buf, n, 0};

    while (out.pos < out.size) {
        size_t r;
        if (!S_fill(s)) {
            if (!s->zs_frame_done && out.pos == 0) {
                annal_error_set(err, ANNAL_EFORMAT, s->name, 0, ANNAL_NO_OFFSET,
                                "truncated zstd data");
                return -1;
            }
            break;
        }
        s->zin.src = s->in + s->in_pos;
        s->zin.size = s->in_len - s->in_pos;
        s->zin.pos = 0;
        r = ZSTD_decompressStream(s->zs, &out, &s->zin);
        s->in_pos += s->zin.pos;
        if (ZSTD_isError(r)) {
            annal_error_set(err, ANNAL_EFORMAT, s->name, 0, ANNAL_NO_OFFSET,
                            "corrupt zstd data: %s", ZSTD_getErrorName(r));
            return -1;
        }
        s->zs_frame_done = (r == 0);
    }
    return (long)out.pos;
}

long annal_stream_read(annal_stream *s, void *buf, size_t n, annal_error *err)
{
    long r;

    if (s->done || n == 0)
        return 0;
    switch (s->kind) {
    case STREAM_GZIP: r = S_read_gzip(s, buf, n, err); break;
    case STREAM_ZSTD: r = S_read_zstd(s, buf, n, err); break;
    default: r = S_read_plain(s, buf, n); break;
    }
    if (r >= 0 && s->read_errno) {
        annal_error_set(err, ANNAL_EIO, s->name, 0, ANNAL_NO_OFFSET,
                        "read error: %s", strerror(s->read_errno));
        return -1;
    }
    return r;
}

void annal_stream_close(annal_stream *s)
{
    if (s->gz_init)
        inflateEnd(&s->gz);
    if (s->zs)
        ZSTD_freeDCtx(s->zs);
    if (s->fd >= 0 && !s->is_stdin)
        close(s->fd);
    memset(s, 0, STREAM_STATE_SIZE);
    s->fd = -1;
}
