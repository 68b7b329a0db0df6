/*
 * reader.c - from paths to documents (include/annal.h, annal_reader).
 *
 * annal_reader_open() expands the paths into a list of inputs: files as
 * given, directories walked recursively in byte order of their names
 * (hidden entries skipped, depth limited by max_dir_depth) keeping *.txt
 * and *.jsonl with an optional .gz or .zst, and "-" for standard input.
 * annal_reader_next() then yields documents one at a time:
 *
 *   plain text  the whole file is one document (up to max_doc_bytes + 1
 *               bytes are kept; the document stage warns about the rest);
 *               doc_id is the file name without directory and extensions
 *   JSON Lines  one document per non-blank line; doc_id is "id", else
 *               "<file stem>:<line>"
 *
 * Anything wrong is reported through opts->report with the file, line and
 * reason, counted in annal_reader_skipped(), and skipped; the reader goes
 * on with the next line or file.
 */
#include <dirent.h>
#include <errno.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/buf.h"
#include "../core/error.h"
#include "../core/json.h"
#include "../core/le.h"
#include "../core/utf8.h"
#include "stream.h"

#define READER_BINARY_PROBE 4096u
#define READER_BINARY_SHARE 5u      /* percent of control bytes: binary */
#define READER_MAX_ID 1024u   /* bytes of a doc_id; longer ids are cut */

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

struct annal_reader {
    annal_reader_opts opts;
    annal_limits limits;
    char **files;
    size_t nfiles, cap, next;
    dir_id *seen;             /* directories walked (symbolic link loops) */
    size_t nseen, seen_cap;
    /* the open file */
    annal_stream st;
    int open, jsonl, eof;
    const char *path;
    uint64_t line_no;
    annal_buf buf;            /* text of a file, or pending JSONL bytes */
    size_t buf_pos;           /* JSONL: start of the next line in buf */
    annal_buf line;           /* JSONL: repaired line */
    cJSON *json;              /* JSONL: the parsed line (cJSON owns it) */
    char id[READER_MAX_ID];
    char note[256];
    uint64_t skipped;
};

static void S_report(annal_reader *r, annal_status code, const char *file,
                     uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void S_report(annal_reader *r, annal_status code, const char *file,
                     uint64_t line, const char *fmt, ...)
{
    annal_error e;
    char msg[384];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    annal_error_set(&e, code, file, line, ANNAL_NO_OFFSET, "%s", msg);
    r->skipped++;
    if (r->opts.report)
        r->opts.report(r->opts.report_ctx, &e);
}

static void S_report_err(annal_reader *r, const annal_error *e)
{
    r->skipped++;
    if (r->opts.report)
        r->opts.report(r->opts.report_ctx, e);
}

/* ---- expanding paths --------------------------------------------------- */

static int S_add_file(annal_reader *r, const char *path)
{
    if (r->nfiles == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 64;
        char **nf = realloc(r->files, nc * sizeof *nf);
        if (!nf)
            return -1;
        r->files = nf;
        r->cap = nc;
    }
    if (!(r->files[r->nfiles] = strdup(path)))
        return -1;
    r->nfiles++;
    return 0;
}

static int S_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The name without compression extension ends in .jsonl */
static int S_is_jsonl_name(const char *s)
{
    return S_ends(s, ".jsonl") || S_ends(s, ".jsonl.gz") || S_ends(s, ".jsonl.zst");
}

static int S_wanted(const char *name)
{
    return S_is_jsonl_name(name) || S_ends(name, ".txt") || S_ends(name, ".txt.gz") ||
           S_ends(name, ".txt.zst");
}

/* A directory entry: its name and readdir's d_type (DT_UNKNOWN when the
 * file system does not say). */
typedef struct dir_entry {
    char *name;
    unsigned char type;
} dir_entry;

static int S_cmp(const void *a, const void *b)
{
    return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

static int S_walk(annal_reader *r, const char *dir, uint32_t depth);

/* One directory entry: a file to keep, a directory to enter, or nothing.
 * A regular file or directory that readdir already named is not stat'ed
 * again; links and unknown types are. */
static int S_walk_entry(annal_reader *r, const char *dir, const dir_entry *de,
                        uint32_t depth)
{
    char path[4096];
    struct stat sb;
    int is_dir, is_reg;

    if (de->type == DT_REG && !S_wanted(de->name))
        return 0;
    if (snprintf(path, sizeof path, "%s/%s", dir, de->name) >= (int)sizeof path) {
        S_report(r, ANNAL_ELIMIT, dir, 0, "path too long: %s", de->name);
        return 0;
    }
    if (de->type == DT_REG || de->type == DT_DIR) {
        is_dir = de->type == DT_DIR;
        is_reg = !is_dir;
    } else {
        if (stat(path, &sb) != 0) {
            S_report(r, ANNAL_EIO, path, 0, "cannot read: %s", strerror(errno));
            return 0;
        }
        is_dir = S_ISDIR(sb.st_mode);
        is_reg = S_ISREG(sb.st_mode);
    }
    if (is_dir)
        return S_walk(r, path, depth + 1);
    if (is_reg && S_wanted(de->name))
        return S_add_file(r, path);
    return 0;
}

/* 1 if the directory at path was walked already (through another name,
 * such as a symbolic link back to an ancestor); else remembers it. */
static int S_seen_dir(annal_reader *r, const char *path)
{
    struct stat sb;

    if (stat(path, &sb) != 0)
        return 0;
    for (size_t i = 0; i < r->nseen; i++)
        if (r->seen[i].dev == sb.st_dev && r->seen[i].ino == sb.st_ino)
            return 1;
    if (r->nseen == r->seen_cap) {
        size_t nc = r->seen_cap ? r->seen_cap * 2 : 16;
        dir_id *ns = realloc(r->seen, nc * sizeof *ns);
        if (!ns)
            return 0;
        r->seen = ns;
        r->seen_cap = nc;
    }
    r->seen[r->nseen++] = (dir_id){sb.st_dev, sb.st_ino};
    return 0;
}

static int S_walk(annal_reader *r, const char *dir, uint32_t depth)
{
    dir_entry *ents = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int rc = 0;
    DIR *d;

    if (S_seen_dir(r, dir))
        return 0;   /* walked already: a link loop or a second link */

    if (depth > r->limits.max_dir_depth) {
        S_report(r, ANNAL_ELIMIT, dir, 0, "directory deeper than max_dir_depth (%u); not entered",
                 r->limits.max_dir_depth);
        return 0;
    }
    if (!(d = opendir(dir))) {
        S_report(r, ANNAL_EIO, dir, 0, "cannot open directory: %s", strerror(errno));
        return 0;
    }
    while ((de = readdir(d)) != NULL && rc == 0) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            dir_entry *ne = realloc(ents, (cap = cap ? cap * 2 : 64) * sizeof *ne);
            if (!ne) { rc = -1; break; }
            ents = ne;
        }
        if (!(ents[n].name = strdup(de->d_name))) { rc = -1; break; }
        ents[n++].type = de->d_type;
    }
    closedir(d);
    if (rc == 0)
        qsort(ents, n, sizeof *ents, S_cmp);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = S_walk_entry(r, dir, &ents[i], depth);
        free(ents[i].name);
    }
    free(ents);
    return rc;
}

annal_status annal_reader_open(const char *const *paths, size_t npaths,
                               const annal_reader_opts *opts,
                               annal_reader **out, annal_error *err)
{
    annal_reader *r = calloc(1, sizeof *r);

    *out = NULL;
    if (!r)
        return annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
    if (opts)
        r->opts = *opts;
    r->limits = opts && opts->limits ? *opts->limits : annal_limits_default();
    annal_buf_init(&r->buf, NULL);
    annal_buf_init(&r->line, NULL);
    for (size_t i = 0; i < npaths; i++) {
        struct stat sb;
        int rc = 0;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            rc = S_walk(r, paths[i], 0);
        else
            rc = S_add_file(r, paths[i]);
        if (rc) {
            annal_reader_free(r);
            return annal_error_set(err, ANNAL_ENOMEM, NULL, 0, ANNAL_NO_OFFSET, "out of memory");
        }
    }
    *out = r;
    return ANNAL_OK;
}

uint64_t annal_reader_skipped(const annal_reader *r)
{
    return r->skipped;
}

static void S_close(annal_reader *r)
{
    if (r->open)
        annal_stream_close(&r->st);
    r->open = 0;
    cJSON_Delete(r->json);
    r->json = NULL;
}

void annal_reader_free(annal_reader *r)
{
    if (!r)
        return;
    S_close(r);
    for (size_t i = 0; i < r->nfiles; i++)
        free(r->files[i]);
    free(r->files);
    free(r->seen);
    annal_buf_free(&r->buf);
    annal_buf_free(&r->line);
    free(r);
}

/* ---- documents ------------------------------------------------------- */

/* "dir/000_abc.txt.gz" -> "000_abc" */
static void S_stem(const char *path, char *out, size_t cap)
{
    const char *base = strrchr(path, '/');
    char *dot;

    base = base ? base + 1 : path;
    if (strcmp(path, "-") == 0)
        base = "stdin";
    snprintf(out, cap, "%s", base);
    for (int k = 0; k < 2; k++) {
        if (S_ends(out, ".gz") || S_ends(out, ".zst") || S_ends(out, ".txt") ||
            S_ends(out, ".jsonl")) {
            dot = strrchr(out, '.');
            if (dot && dot != out)
                *dot = '\0';
        }
    }
}

/* Nonzero if some byte of w is below 0x20 (never misses one; a byte just
 * above a borrowing one may be flagged too, so callers count exactly). */
static uint64_t S_has_control(uint64_t w)
{
    return (w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080);
}

/* Binary files announce themselves by magic numbers or by NUL and control
 * bytes (other than tab, line feed, form feed and carriage return) in more
 * than READER_BINARY_SHARE percent of their first READER_BINARY_PROBE
 * bytes; returns a name for the message, or NULL for text.  Random bytes
 * have 11 % of them, text close to none. */
static const char *S_binary_kind(const unsigned char *p, size_t n)
{
    static const struct { const char *magic; size_t len; const char *name; } m[] = {
        {"%PDF", 4, "a PDF file"},        {"PK\x03\x04", 4, "a zip archive"},
        {"\x89PNG", 4, "a PNG image"},    {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},       {"\x7F" "ELF", 4, "an executable"},
        {"SQLite format 3", 15, "an SQLite database"}};
    size_t ctrl = 0, probe = n < READER_BINARY_PROBE ? n : READER_BINARY_PROBE;

    for (size_t k = 0; k < sizeof m / sizeof m[0]; k++)
        if (n >= m[k].len && memcmp(p, m[k].magic, m[k].len) == 0)
            return m[k].name;
    for (size_t i = 0; i < probe; i += 8) {
        size_t w = probe - i < 8 ? probe - i : 8;
        if (w == 8 && !S_has_control(annal_le64(p + i)))
            continue;   /* most text: no byte below 0x20 in these eight */
        for (size_t j = i; j < i + w; j++)
            ctrl += p[j] < 0x20 && p[j] != '\n' && p[j] != '\r' && p[j] != '\t' &&
                    p[j] != '\f';
    }
    return probe >= 64 && ctrl * 100 > probe * READER_BINARY_SHARE
               ? "binary data (many NUL or control bytes)" : NULL;
}

/* FF FE or FE FF: UTF-16 text, whatever the NUL bytes say. */
static int S_has_utf16_bom(const unsigned char *p, size_t n)
{
    return n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}

/* UTF-16 with a byte-order mark becomes UTF-8 in r->line. */
static int S_utf16(annal_reader *r, const unsigned char *p, size_t n)
{
    int be;

    if (n < 2 || !((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return 0;
    be = p[0] == 0xFE;
    annal_buf_clear(&r->line);
    for (size_t i = 2; i + 1 < n; i += 2) {
        uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
        char enc[4];
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = be ? (uint32_t)(p[i + 2] << 8 | p[i + 3]) : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            u = 0xFFFD;
        annal_buf_put(&r->line, enc, annal_utf8_encode((int32_t)u, enc));
    }
    if ((n - 2) % 2)   /* a last odd byte is half a character */
        annal_buf_put(&r->line, "\xEF\xBF\xBD", 3);
    snprintf(r->note, sizeof r->note,
             "UTF-16 text converted to UTF-8; spans refer to the UTF-8 text");
    return 1;
}

/* Reads a whole plain-text file into r->buf (at most max_doc_bytes + 1). */
static int S_text_doc(annal_reader *r, annal_input *in)
{
    size_t max = (size_t)r->limits.max_doc_bytes + 1;
    const char *kind;
    annal_error e;
    long got;

    /* r->buf was cleared when the file was opened; for stdin it may
     * already hold the bytes peeked to tell text from JSON Lines. */
    while (r->buf.len < max && !r->eof) {
        size_t want = max - r->buf.len < STREAM_CHUNK ? max - r->buf.len : STREAM_CHUNK;
        if (annal_buf_reserve(&r->buf, want)) {
            S_report(r, ANNAL_ENOMEM, r->path, 0, "out of memory; skipped");
            return 0;
        }
        got = annal_stream_read(&r->st, r->buf.p + r->buf.len, want, &e);
        if (got < 0) {
            S_report_err(r, &e);
            return 0;
        }
        if (got == 0)
            break;
        r->buf.len += (size_t)got;
    }
    if (r->buf.len > max)
        r->buf.len = max;
    if ((kind = S_binary_kind((const unsigned char *)r->buf.p, r->buf.len)) &&
        !S_has_utf16_bom((const unsigned char *)r->buf.p, r->buf.len)) {
        S_report(r, ANNAL_EBINARY, r->path, 0, "looks like %s, not text; skipped", kind);
        return 0;
    }
    r->note[0] = '\0';
    in->text = r->buf.p ? r->buf.p : "";
    in->len = r->buf.len;
    if (S_utf16(r, (const unsigned char *)r->buf.p, r->buf.len)) {
        in->text = r->line.p ? r->line.p : "";
        in->len = r->line.len;
    }
    S_stem(r->path, r->id, sizeof r->id);
    memset(&in->meta, 0, sizeof in->meta);
    in->meta.id = r->id;
    in->meta.published = r->opts.published;
    in->meta.origin = r->path;
    in->meta.plain_text = 1;
    in->meta.note = r->note[0] ? r->note : NULL;
    return 1;
}

/* ---- JSON Lines -------------------------------------------------------- */

/* Bytes a JSON line may take: a document of max_doc_bytes with escapes. */
static size_t S_max_line(const annal_reader *r)
{
    return (size_t)r->limits.max_doc_bytes * 2 + 65536;
}

/* Next line of the open file as [*s, *e) in r->buf; 0 at the end.  An
 * over-long line is reported, skipped to its newline, and *too_long set. */
static int S_next_line(annal_reader *r, size_t *s, size_t *e, int *too_long)
{
    annal_error err;
    *too_long = 0;

    for (;;) {
        char *nl = r->buf.len > r->buf_pos
                       ? memchr(r->buf.p + r->buf_pos, '\n', r->buf.len - r->buf_pos) : NULL;
        long got;
        if (nl || (r->eof && r->buf_pos < r->buf.len)) {
            *s = r->buf_pos;
            *e = nl ? (size_t)(nl - r->buf.p) : r->buf.len;
            r->buf_pos = nl ? *e + 1 : r->buf.len;
            r->line_no++;
            *too_long = *e - *s > S_max_line(r);
            return 1;
        }
        if (r->eof)
            return 0;
        if (r->buf_pos > 0) {   /* compact */
            memmove(r->buf.p, r->buf.p + r->buf_pos, r->buf.len - r->buf_pos);
            r->buf.len -= r->buf_pos;
            r->buf_pos = 0;
        }
        if (r->buf.len > S_max_line(r)) {   /* drop the over-long line */
            *too_long = 1;
            r->buf.len = 0;
            r->line_no++;
            for (;;) {
                char tmp[STREAM_CHUNK];
                got = annal_stream_read(&r->st, tmp, sizeof tmp, &err);
                if (got <= 0) {
                    r->eof = 1;
                    break;
                }
                if ((nl = memchr(tmp, '\n', (size_t)got)) != NULL) {
                    annal_buf_put(&r->buf, nl + 1, (size_t)(tmp + got - nl - 1));
                    break;
                }
            }
            *s = *e = 0;
            return 1;
        }
        if (annal_buf_reserve(&r->buf, STREAM_CHUNK))
            return 0;
        got = annal_stream_read(&r->st, r->buf.p + r->buf.len, STREAM_CHUNK, &err);
        if (got < 0) {
            S_report_err(r, &err);
            r->eof = 1;
            continue;
        }
        if (got == 0)
            r->eof = 1;
        r->buf.len += (size_t)got;
    }
}

/* 1 if needle[0..m) occurs in s[0..n). */
static int S_memmem(const char *s, size_t n, const char *needle, size_t m)
{
    const char *p = s, *end = s + n;

    while (m && (size_t)(end - p) >= m && (p = memchr(p, needle[0], (size_t)(end - p - (ptrdiff_t)m + 1))) != NULL) {
        if (memcmp(p, needle, m) == 0)
            return 1;
        p++;
    }
    return 0;
}

/* 1 if [p, end) holds only JSON whitespace. */
static int S_blank_tail(const char *p, const char *end)
{
    for (; p < end; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            return 0;
    return 1;
}

/* Copies s[0..n) into r->line with ill-formed UTF-8 replaced. */
static int S_repair_utf8(annal_reader *r, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    int bad = 0;

    annal_buf_clear(&r->line);
    while (i < n) {
        size_t run = i + annal_ascii_prefix(u + i, n - i), k;
        int32_t cp;
        annal_buf_put(&r->line, s + i, run - i);
        if ((i = run) >= n)
            break;
        k = annal_utf8_decode(u + i, n - i, &cp);
        if (cp == ANNAL_UTF8_BAD) {
            annal_buf_put(&r->line, "\xEF\xBF\xBD", 3);
            bad = 1;
        } else {
            annal_buf_put(&r->line, s + i, k);
        }
        i += k;
    }
    return bad;
}

static const char *S_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* doc_id from a numeric "id": integers as integers (exactly up to 2^53,
 * where a double stops holding every integer), anything else as %.17g. */
static void S_number_id(char *out, size_t n, double v)
{
    if (floor(v) == v && fabs(v) <= 9007199254740992.0)
        snprintf(out, n, "%lld", (long long)v);
    else
        snprintf(out, n, "%.17g", v);
}

/* Fills in from the parsed object r->json; 0 if it has no usable text. */
static int S_json_doc(annal_reader *r, annal_input *in, int repaired, int nuls)
{
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(r->json, "text");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(r->json, "id");
    const char *pub = S_str(r->json, "published");
    char stem[READER_MAX_ID];

    if (!cJSON_IsObject(r->json)) {
        S_report(r, ANNAL_EFORMAT, r->path, r->line_no, "expected a JSON object; line skipped");
        return 0;
    }
    if (!cJSON_IsString(text)) {
        S_report(r, ANNAL_EFORMAT, r->path, r->line_no,
                 text ? "\"text\" is not a string; line skipped" : "no \"text\" field; line skipped");
        return 0;
    }
    memset(&in->meta, 0, sizeof in->meta);
    in->text = text->valuestring;
    in->len = strlen(text->valuestring);
    if (cJSON_IsString(id)) {
        const char *v = id->valuestring;
        size_t n = strlen(v);
        if (n >= sizeof r->id) {   /* too long: cut at a character boundary */
            n = sizeof r->id - 1;
            while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
                n--;
        }
        memcpy(r->id, v, n);
        r->id[n] = '\0';
    } else if (cJSON_IsNumber(id))
        S_number_id(r->id, sizeof r->id, id->valuedouble);
    else {
        S_stem(r->path, stem, sizeof stem);
        snprintf(r->id, sizeof r->id, "%.200s:%llu", stem, (unsigned long long)r->line_no);
    }
    in->meta.id = r->id;
    in->meta.source = S_str(r->json, "source");
    in->meta.title = S_str(r->json, "title");
    in->meta.url = S_str(r->json, "url");
    in->meta.author = S_str(r->json, "author");
    in->meta.origin = r->path;
    in->meta.origin_line = r->line_no;
    in->meta.published = r->opts.published;
    r->note[0] = '\0';
    if (!pub)
        pub = S_str(r->json, "date");
    if (pub && (strlen(pub) < 10 || annal_ymd_parse(pub, 10, &in->meta.published) != 0)) {
        in->meta.published = r->opts.published;
        snprintf(r->note, sizeof r->note, "publication date \"%.40s\" not understood (expected YYYY-MM-DD)", pub);
    }
    if (nuls)
        snprintf(r->note, sizeof r->note, "\\u0000 (NUL) in the JSON line read as a space");
    if (repaired)
        snprintf(r->note, sizeof r->note, "invalid UTF-8 in the JSON line replaced with U+FFFD");
    in->meta.note = r->note[0] ? r->note : NULL;
    return 1;
}

/* cJSON keeps strings NUL-terminated, so an escaped NUL (\u0000) would
 * silently cut a text short.  Rewrites each one in r->line to \u0020, a
 * space of the same decoded length, so spans stay exact; returns how many.
 * An escape is a backslash preceded by an even run of backslashes. */
static int S_escaped_nuls(annal_reader *r)
{
    char *p = r->line.p, *end = r->line.p + r->line.len, *q;
    int n = 0;

    while ((q = memchr(p, '\\', (size_t)(end - p))) != NULL) {
        size_t run = 0;
        while (q + run < end && q[run] == '\\')
            run++;
        p = q + run;
        if (run % 2 && end - p >= 5 && p[0] == 'u' && p[1] == '0' && p[2] == '0' &&
            p[3] == '0' && p[4] == '0') {
            p[3] = '2';
            n++;
        }
    }
    return n;
}

/* Reports where cJSON stopped: the column (1-based, after any blanks)
 * and the byte there.  cJSON stops at the start of the value or escape
 * it could not read, so this is "near", not exact. */
static void S_json_error(annal_reader *r, const char *line, size_t len, const char *at)
{
    const char *end = line + len;
    char what[40];

    if (!at || at < line || at > end)
        at = line;
    while (at < end && (*at == ' ' || *at == '\t' || *at == '\r'))
        at++;
    if (at == end)
        snprintf(what, sizeof what, "unexpected end of line");
    else if ((unsigned char)*at >= 0x20 && (unsigned char)*at < 0x7F)
        snprintf(what, sizeof what, "at '%c'", *at);
    else
        snprintf(what, sizeof what, "at byte 0x%02X", (unsigned char)*at);
    S_report(r, ANNAL_EFORMAT, r->path, r->line_no,
             "invalid JSON near column %zu (%s); line skipped", (size_t)(at - line) + 1, what);
}

static int S_jsonl_doc(annal_reader *r, annal_input *in)
{
    size_t s, e;
    int too_long;

    while (S_next_line(r, &s, &e, &too_long)) {
        const char *stop = NULL, *line;
        size_t a = s, line_len;
        int repaired, nuls;
        if (too_long) {
            S_report(r, ANNAL_ELIMIT, r->path, r->line_no,
                     "line longer than %zu bytes (2 x max_doc_bytes + 64 KiB); skipped", S_max_line(r));
            continue;
        }
        while (a < e && (r->buf.p[a] == ' ' || r->buf.p[a] == '\t' || r->buf.p[a] == '\r'))
            a++;
        if (a == e)
            continue;   /* blank line */
        /* Parsed where it lies unless it needs repair (invalid UTF-8) or
         * a rewrite (escaped NULs): then from a copy in r->line. */
        line = r->buf.p + s;
        line_len = e - s;
        repaired = nuls = 0;
        if (!annal_utf8_valid((const unsigned char *)line, line_len) ||
            S_memmem(line, line_len, "\\u0000", 6)) {
            repaired = S_repair_utf8(r, line, line_len);
            nuls = S_escaped_nuls(r);
            line = r->line.p;
            line_len = r->line.len;
        }
        cJSON_Delete(r->json);
        /* return_parse_end, not cJSON_GetErrorPtr(): no shared state */
        r->json = cJSON_ParseWithLengthOpts(line, line_len, &stop, 0);
        if (!r->json || (stop && !S_blank_tail(stop, line + line_len))) {
            S_json_error(r, line, line_len, stop);
            continue;
        }
        if (S_json_doc(r, in, repaired, nuls))
            return 1;
    }
    return 0;
}

/* ---- driving ---------------------------------------------------------- */

static int S_is_jsonl(annal_reader *r, const char *path)
{
    if (r->opts.format == ANNAL_INPUT_JSONL)
        return 1;
    if (r->opts.format == ANNAL_INPUT_TEXT)
        return 0;
    if (strcmp(path, "-") != 0)
        return S_is_jsonl_name(path);
    /* stdin: JSON Lines if the first non-blank byte (after decompression)
     * is '{'; peek by reading into the buffer we will parse from. */
    {
        annal_error e;
        long got;
        annal_buf_clear(&r->buf);
        r->buf_pos = 0;
        while (r->buf.len < 64 && !r->eof) {
            if (annal_buf_reserve(&r->buf, STREAM_CHUNK))
                return 0;
            got = annal_stream_read(&r->st, r->buf.p + r->buf.len, STREAM_CHUNK, &e);
            if (got <= 0) {
                r->eof = 1;
                break;
            }
            r->buf.len += (size_t)got;
        }
        for (size_t i = 0; i < r->buf.len; i++)
            if (!strchr(" \t\r\n", r->buf.p[i]))
                return r->buf.p[i] == '{';
        return 0;
    }
}

static int S_open_next(annal_reader *r)
{
    annal_error e;

    while (r->next < r->nfiles) {
        r->path = r->files[r->next++];
        if (annal_stream_open(&r->st, r->path, &e) != ANNAL_OK) {
            S_report_err(r, &e);
            continue;
        }
        r->open = 1;
        r->eof = 0;
        r->line_no = 0;
        r->buf_pos = 0;
        annal_buf_clear(&r->buf);
        r->jsonl = S_is_jsonl(r, r->path);
        return 1;
    }
    return 0;
}

int annal_reader_next(annal_reader *r, annal_input *in)
{
    for (;;) {
        if (!r->open && !S_open_next(r))
            return 0;
        if (r->jsonl) {
            if (S_jsonl_doc(r, in))
                return 1;
            S_close(r);
            continue;
        }
        {
            int ok = S_text_doc(r, in);
            annal_stream_close(&r->st);
            r->open = 0;
            if (ok)
                return 1;
        }
    }
}
