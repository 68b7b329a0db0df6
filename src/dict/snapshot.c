/* snapshot.c - see snapshot.h for the format. */
#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../core/error.h"
#include "../core/le.h"

#define SEC_ROW 24u

static uint32_t S_crc(const unsigned char *p, uint64_t n)
{
    uLong c = crc32(0L, Z_NULL, 0);

    while (n > 0) {
        uInt chunk = n > (1u << 30) ? (1u << 30) : (uInt)n;
        c = crc32(c, p, chunk);
        p += chunk;
        n -= chunk;
    }
    return (uint32_t)c;
}

static void S_id_name(uint32_t id, char out[5])
{
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)(id >> (8 * i));
        out[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    out[4] = '\0';
}

static annal_status S_check_header(const unsigned char *d, uint64_t size,
                                   const char *name, annal_error *err)
{
    unsigned char hdr[ANNAL_SNAPSHOT_HEADER];

    if (size < ANNAL_SNAPSHOT_HEADER)
        return annal_error_set(err, ANNAL_EDICT, name, 0, size,
                               "truncated snapshot: %llu bytes, the header alone needs %u",
                               (unsigned long long)size, ANNAL_SNAPSHOT_HEADER);
    if (memcmp(d, ANNAL_SNAPSHOT_MAGIC, 8) != 0)
        return annal_error_set(err, ANNAL_EDICT, name, 0, 0,
                               "not an annal dictionary snapshot (bad magic number)");
    if (annal_le32(d + 12) != ANNAL_SNAPSHOT_BOM)
        return annal_error_set(err, ANNAL_EDICT, name, 0, 12,
                               "bad byte-order mark in snapshot header");
    if (annal_le32(d + 8) != ANNAL_SNAPSHOT_VERSION)
        return annal_error_set(err, ANNAL_EDICT, name, 0, 8,
                               "snapshot format version %u, this annal reads version %u; rebuild it with `annal dict build`",
                               annal_le32(d + 8), ANNAL_SNAPSHOT_VERSION);
    memcpy(hdr, d, sizeof hdr);
    memset(hdr + 60, 0, 4);
    if (S_crc(hdr, sizeof hdr) != annal_le32(d + 60))
        return annal_error_set(err, ANNAL_EDICT, name, 0, 60,
                               "snapshot header checksum mismatch");
    if (annal_le64(d + 16) != size)
        return annal_error_set(err, ANNAL_EDICT, name, 0, 16,
                               "snapshot is %llu bytes but its header says %llu (truncated or appended to)",
                               (unsigned long long)size,
                               (unsigned long long)annal_le64(d + 16));
    return ANNAL_OK;
}

static annal_status S_read_table(const unsigned char *d, uint64_t size,
                                 const char *name, annal_snapshot *s,
                                 annal_error *err)
{
    uint32_t n = annal_le32(d + 24);
    uint64_t at = annal_le64(d + 32);

    if (n > ANNAL_SNAPSHOT_MAX_SECTIONS)
        return annal_error_set(err, ANNAL_EDICT, name, 0, 24,
                               "snapshot claims %u sections (at most %u)", n,
                               ANNAL_SNAPSHOT_MAX_SECTIONS);
    if (at < ANNAL_SNAPSHOT_HEADER || at > size || size - at < (uint64_t)n * SEC_ROW)
        return annal_error_set(err, ANNAL_EDICT, name, 0, 32,
                               "section table offset %llu out of bounds",
                               (unsigned long long)at);
    if (S_crc(d + at, (uint64_t)n * SEC_ROW) != annal_le32(d + 28))
        return annal_error_set(err, ANNAL_EDICT, name, 0, at,
                               "section table checksum mismatch");
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *row = d + at + (uint64_t)i * SEC_ROW;
        uint64_t off = annal_le64(row + 8), len = annal_le64(row + 16);
        char idn[5];

        S_id_name(annal_le32(row), idn);
        if (off < ANNAL_SNAPSHOT_HEADER || off > size || len > size - off)
            return annal_error_set(err, ANNAL_EDICT, name, 0, at + i * SEC_ROW,
                                   "section %s: offset %llu + size %llu out of bounds",
                                   idn, (unsigned long long)off, (unsigned long long)len);
        if (S_crc(d + off, len) != annal_le32(row + 4))
            return annal_error_set(err, ANNAL_EDICT, name, 0, off,
                                   "section %s: checksum mismatch (corrupt snapshot)", idn);
        for (uint32_t j = 0; j < i; j++)
            if (s->sections[j].id == annal_le32(row))
                return annal_error_set(err, ANNAL_EDICT, name, 0, at + i * SEC_ROW,
                                       "section %s appears twice", idn);
        s->sections[i] = (annal_section){annal_le32(row), d + off, len};
    }
    s->nsections = n;
    return ANNAL_OK;
}

annal_status annal_snapshot_parse(const unsigned char *data, uint64_t size,
                                  const char *name, annal_snapshot *s,
                                  annal_error *err)
{
    annal_status st;

    memset(s, 0, sizeof *s);
    st = S_check_header(data, size, name, err);
    if (st == ANNAL_OK)
        st = S_read_table(data, size, name, s, err);
    if (st == ANNAL_OK) {
        s->base = data;
        s->size = size;
    }
    return st;
}

annal_status annal_snapshot_open(const char *path, annal_snapshot *s,
                                 annal_error *err)
{
    struct stat sb;
    void *map;
    annal_status st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    memset(s, 0, sizeof *s);
    if (fd < 0)
        return annal_error_set(err, ANNAL_EDICT, path, 0, ANNAL_NO_OFFSET,
                               "cannot open dictionary snapshot: %s (build it with `annal dict build` or pass --dict)",
                               strerror(errno));
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return annal_error_set(err, ANNAL_EDICT, path, 0, ANNAL_NO_OFFSET,
                               "dictionary snapshot is not a regular file");
    }
    if (sb.st_size < (off_t)ANNAL_SNAPSHOT_HEADER) {
        close(fd);
        return annal_error_set(err, ANNAL_EDICT, path, 0, (uint64_t)sb.st_size,
                               "truncated snapshot: %lld bytes", (long long)sb.st_size);
    }
    map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return annal_error_set(err, ANNAL_EDICT, path, 0, ANNAL_NO_OFFSET,
                               "cannot map dictionary snapshot: %s", strerror(errno));
    st = annal_snapshot_parse(map, (uint64_t)sb.st_size, path, s, err);
    if (st != ANNAL_OK) {
        munmap(map, (size_t)sb.st_size);
        return st;
    }
    s->mapped = 1;
    return ANNAL_OK;
}

void annal_snapshot_close(annal_snapshot *s)
{
    if (s->mapped && s->base)
        munmap((void *)s->base, (size_t)s->size);
    memset(s, 0, sizeof *s);
}

const annal_section *annal_snapshot_find(const annal_snapshot *s, uint32_t id)
{
    for (uint32_t i = 0; i < s->nsections; i++)
        if (s->sections[i].id == id)
            return &s->sections[i];
    return NULL;
}

void annal_snapshot_writer_init(annal_snapshot_writer *w)
{
    memset(w, 0, sizeof *w);
}

annal_buf *annal_snapshot_writer_add(annal_snapshot_writer *w, uint32_t id)
{
    annal_buf *b;

    if (w->nsections >= ANNAL_SNAPSHOT_MAX_SECTIONS)
        return NULL;
    w->ids[w->nsections] = id;
    b = &w->payload[w->nsections++];
    annal_buf_init(b, NULL);
    return b;
}

void annal_snapshot_writer_free(annal_snapshot_writer *w)
{
    for (uint32_t i = 0; i < w->nsections; i++)
        annal_buf_free(&w->payload[i]);
    w->nsections = 0;
}

static uint64_t S_align8(uint64_t x)
{
    return (x + 7u) & ~(uint64_t)7u;
}

/* Lays the whole file out in one buffer. */
static annal_status S_layout(annal_snapshot_writer *w, annal_buf *out)
{
    unsigned char hdr[ANNAL_SNAPSHOT_HEADER] = {0};
    unsigned char row[SEC_ROW];
    uint64_t at = ANNAL_SNAPSHOT_HEADER, table, total;
    uint64_t offs[ANNAL_SNAPSHOT_MAX_SECTIONS];
    size_t table_start;

    for (uint32_t i = 0; i < w->nsections; i++) {
        if (w->payload[i].oom)
            return ANNAL_ENOMEM;
        offs[i] = at;
        at = S_align8(at + w->payload[i].len);
    }
    table = at;
    total = table + (uint64_t)w->nsections * SEC_ROW;
    annal_buf_put(out, (const char *)hdr, sizeof hdr);
    for (uint32_t i = 0; i < w->nsections; i++) {
        while (out->len < offs[i])
            annal_buf_putc(out, '\0');
        annal_buf_put(out, w->payload[i].p ? w->payload[i].p : "", w->payload[i].len);
    }
    while (out->len < table)
        annal_buf_putc(out, '\0');
    table_start = out->len;
    for (uint32_t i = 0; i < w->nsections; i++) {
        const unsigned char *pl = (const unsigned char *)(w->payload[i].p ? w->payload[i].p : "");
        annal_put_le32(row, w->ids[i]);
        annal_put_le32(row + 4, S_crc(pl, w->payload[i].len));
        annal_put_le64(row + 8, offs[i]);
        annal_put_le64(row + 16, w->payload[i].len);
        annal_buf_put(out, (const char *)row, sizeof row);
    }
    if (out->oom)
        return ANNAL_ENOMEM;
    memcpy(hdr, ANNAL_SNAPSHOT_MAGIC, 8);
    annal_put_le32(hdr + 8, ANNAL_SNAPSHOT_VERSION);
    annal_put_le32(hdr + 12, ANNAL_SNAPSHOT_BOM);
    annal_put_le64(hdr + 16, total);
    annal_put_le32(hdr + 24, w->nsections);
    annal_put_le32(hdr + 28, S_crc((const unsigned char *)out->p + table_start,
                                   (uint64_t)w->nsections * SEC_ROW));
    annal_put_le64(hdr + 32, table);
    annal_put_le32(hdr + 60, S_crc(hdr, sizeof hdr));
    memcpy(out->p, hdr, sizeof hdr);
    return ANNAL_OK;
}

annal_status annal_snapshot_writer_finish(annal_snapshot_writer *w,
                                          const char *path, annal_error *err)
{
    annal_buf out;
    char tmp[4096];
    FILE *f;
    annal_status st;
    int ok;

    annal_buf_init(&out, NULL);
    st = S_layout(w, &out);
    if (st != ANNAL_OK) {
        annal_buf_free(&out);
        return annal_error_set(err, st, path, 0, ANNAL_NO_OFFSET,
                               "out of memory while writing snapshot");
    }
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    f = fopen(tmp, "wb");
    if (!f) {
        annal_buf_free(&out);
        return annal_error_set(err, ANNAL_EIO, tmp, 0, ANNAL_NO_OFFSET,
                               "cannot create: %s", strerror(errno));
    }
    ok = fwrite(out.p, 1, out.len, f) == out.len;
    ok = (fclose(f) == 0) && ok;
    annal_buf_free(&out);
    if (!ok || rename(tmp, path) != 0) {
        int e = errno;
        remove(tmp);
        return annal_error_set(err, ANNAL_EIO, path, 0, ANNAL_NO_OFFSET,
                               "cannot write snapshot: %s", strerror(e));
    }
    return ANNAL_OK;
}
