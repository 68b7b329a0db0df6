/*
 * dump.c - readable dumps of every text stage (annal dump ...).
 *
 * Each kind has one row function that produces its fields as strings
 * (S_fields_*); the three formats differ only in how rows are written:
 *   TABLE  a header line, then columns padded to the widest value
 *   SPEC   the fields after "sent" and "span", tab-separated, no header:
 *          the expected-output lines of test/spec/ *.md
 *   JSON   one object per item with typed values (S_json_*)
 * Document text is shown as written, with ill-formed UTF-8 replaced; in
 * TABLE and SPEC line breaks inside a sentence become spaces.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "doc_impl.h"
#include "../core/json.h"

#define DUMP_MAX_FIELDS 8

static const char *const S_kind_names[] = {NULL, "sentences", "tokens", "numbers", "dates", "actors"};

annal_dump_kind annal_dump_kind_parse(const char *name)
{
    for (int k = 1; k <= ANNAL_DUMP_ACTORS; k++)
        if (strcmp(name, S_kind_names[k]) == 0)
            return (annal_dump_kind)k;
    return (annal_dump_kind)0;
}

unsigned annal_dump_stages(annal_dump_kind kind)
{
    switch (kind) {
    case ANNAL_DUMP_TOKENS: return ANNAL_STAGE_TOKENS | ANNAL_STAGE_LEX;
    case ANNAL_DUMP_NUMBERS: return ANNAL_STAGE_TOKENS | ANNAL_STAGE_DATES | ANNAL_STAGE_NUMBERS;
    case ANNAL_DUMP_DATES: return ANNAL_STAGE_TOKENS | ANNAL_STAGE_DATES;
    case ANNAL_DUMP_ACTORS: return ANNAL_STAGE_TOKENS | ANNAL_STAGE_LEX | ANNAL_STAGE_ACTORS;
    default: return ANNAL_STAGE_TOKENS;
    }
}

const char *annal_qualifier_name(annal_qualifier q)
{
    static const char *const n[] = {"exact", "about", "more_than", "at_least",
                                     "less_than", "up_to", "range"};
    return (unsigned)q < sizeof n / sizeof n[0] ? n[q] : "exact";
}

const char *annal_pos_format(unsigned mask, char *buf, size_t cap)
{
    static const char *const n[] = {"NOUN", "VERB", "ADJ", "ADV", "DET", "PRON",
                                    "PREP", "AUX", "CONJ", "SCONJ", "PART", "NUM",
                                    "PUNCT", "PROPN", "INTJ", "SYM"};
    size_t len = 0;

    buf[0] = '\0';
    for (unsigned b = 0; b < 16; b++) {
        int w;
        if (!(mask & (1u << b)))
            continue;
        w = snprintf(buf + len, cap - len, "%s%s", len ? "|" : "", n[b]);
        if (w < 0 || (size_t)w >= cap - len)
            break;
        len += (size_t)w;
    }
    if (!len)
        snprintf(buf, cap, "X");
    return buf;
}

static const char *S_type_name(uint16_t t)
{
    switch (t) {
    case ANNAL_TOK_WORD: return "WORD";
    case ANNAL_TOK_ACRONYM: return "ACRONYM";
    case ANNAL_TOK_ABBREV: return "ABBREV";
    case ANNAL_TOK_INITIAL: return "INITIAL";
    case ANNAL_TOK_CLITIC: return "CLITIC";
    case ANNAL_TOK_ALNUM: return "ALNUM";
    case ANNAL_TOK_NUMBER: return "NUMBER";
    case ANNAL_TOK_ORDINAL: return "ORDINAL";
    case ANNAL_TOK_DECADE: return "DECADE";
    case ANNAL_TOK_ISODATE: return "ISODATE";
    case ANNAL_TOK_TIME: return "TIME";
    case ANNAL_TOK_URL: return "URL";
    case ANNAL_TOK_EMAIL: return "EMAIL";
    case ANNAL_TOK_HANDLE: return "HANDLE";
    case ANNAL_TOK_HASHTAG: return "HASHTAG";
    case ANNAL_TOK_PUNCT: return "PUNCT";
    case ANNAL_TOK_QUOTE: return "QUOTE";
    case ANNAL_TOK_OPEN: return "OPEN";
    case ANNAL_TOK_CLOSE: return "CLOSE";
    case ANNAL_TOK_DASH: return "DASH";
    case ANNAL_TOK_SYMBOL: return "SYMBOL";
    default: return "OTHER";
    }
}

/* ---- rows as fields ------------------------------------------------------ */

typedef struct row {
    annal_buf b;
    size_t off[DUMP_MAX_FIELDS];
    size_t n;
} row;

static void S_begin(row *r)
{
    annal_buf_clear(&r->b);
    r->n = 0;
}

static void S_field_end(row *r)
{
    annal_buf_putc(&r->b, '\0');
}

static void S_field(row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_field(row *r, const char *fmt, ...)
{
    va_list ap;

    r->off[r->n++] = r->b.len;
    va_start(ap, fmt);
    annal_buf_vprintf(&r->b, fmt, ap);
    va_end(ap);
    S_field_end(r);
}

/* The document text [s, e) for people: repaired, one line. */
static void S_field_text(row *r, const annal_doc *doc, uint32_t s, uint32_t e)
{
    size_t at = r->b.len;

    r->off[r->n++] = at;
    annal_text_repair(&r->b, doc->raw + s, e - s);
    for (size_t k = at; k < r->b.len; k++)
        if (r->b.p[k] == '\n' || r->b.p[k] == '\t')
            r->b.p[k] = ' ';
    S_field_end(r);
}

static void S_num_field(row *r, int has, double v)
{
    if (!has) {
        S_field(r, "-");
        return;
    }
    {
        annal_buf t;
        annal_buf_init(&t, NULL);
        annal_json_num(&t, v);
        S_field(r, "%s", t.p ? t.p : "");
        annal_buf_free(&t);
    }
}

static void S_fields(const annal_doc *doc, annal_dump_kind kind, size_t i,
                     size_t sent, row *r)
{
    char buf[128];

    S_begin(r);
    switch (kind) {
    case ANNAL_DUMP_SENTENCES: {
        const annal_sentence *s = &doc->sents.v[i];
        S_field(r, "%zu", i);
        S_field(r, "%u-%u", s->start, s->end);
        S_field_text(r, doc, s->start, s->end);
        break;
    }
    case ANNAL_DUMP_TOKENS: {
        const annal_token *t = &doc->toks.v[i];
        S_field(r, "%zu", sent);
        S_field(r, "%u-%u", t->start, t->end);
        S_field_text(r, doc, t->start, t->end);
        S_field(r, "%s", S_type_name(t->type));
        S_field(r, "%.*s", (int)t->lemma_len, t->lemma ? t->lemma : "");
        S_field(r, "%s", annal_pos_format(t->pos, buf, sizeof buf));
        break;
    }
    case ANNAL_DUMP_NUMBERS: {
        const annal_number *n = &doc->nums.v[i];
        S_field(r, "%u", n->sentence);
        S_field(r, "%u-%u", n->start, n->end);
        S_field_text(r, doc, n->start, n->end);
        S_num_field(r, 1, n->number);
        S_num_field(r, n->has_low, n->low);
        S_num_field(r, n->has_high, n->high);
        S_field(r, "%s", annal_qualifier_name((annal_qualifier)n->qualifier));
        break;
    }
    case ANNAL_DUMP_DATES: {
        const annal_date_expr *d = &doc->dates.v[i];
        char a[16], b[16];
        S_field(r, "%u", d->sentence);
        S_field(r, "%u-%u", d->start, d->end);
        S_field_text(r, doc, d->start, d->end);
        S_field(r, "%s", d->precision ? annal_ymd_format(d->date, (annal_precision)d->precision, buf) : "-");
        S_field(r, "%s", annal_precision_name((annal_precision)d->precision));
        S_field(r, "%s", annal_date_kind_name(d->kind));
        if (d->first.year)
            S_field(r, "%s..%s", annal_ymd_format(d->first, ANNAL_PREC_DAY, a),
                    annal_ymd_format(d->last, ANNAL_PREC_DAY, b));
        else
            S_field(r, "-");
        break;
    }
    case ANNAL_DUMP_ACTORS: {
        const annal_actor *a = &doc->actors.v[i];
        S_field(r, "%u", a->sentence);
        S_field(r, "%u-%u", a->start, a->end);
        S_field_text(r, doc, a->start, a->end);
        S_field(r, "%s", a->code);
        S_field(r, "%s", annal_actor_how_name(a->how));
        S_field(r, "%s", a->rule ? a->rule : "");
        break;
    }
    }
}

static const char *const S_header_sentences[] = {"sent", "span", "text", NULL};
static const char *const S_header_tokens[] = {"sent", "span", "text", "type", "lemma", "pos", NULL};
static const char *const S_header_numbers[] = {"sent", "span", "text", "number", "low", "high", "qualifier", NULL};
static const char *const S_header_dates[] = {"sent", "span", "text", "date", "precision", "kind", "range", NULL};
static const char *const S_header_actors[] = {"sent", "span", "text", "code", "how", "rule", NULL};

static const char *const *S_headers(annal_dump_kind k)
{
    switch (k) {
    case ANNAL_DUMP_SENTENCES: return S_header_sentences;
    case ANNAL_DUMP_TOKENS: return S_header_tokens;
    case ANNAL_DUMP_NUMBERS: return S_header_numbers;
    case ANNAL_DUMP_ACTORS: return S_header_actors;
    default: return S_header_dates;
    }
}

static size_t S_count(const annal_doc *doc, annal_dump_kind k)
{
    switch (k) {
    case ANNAL_DUMP_SENTENCES: return doc->sents.n;
    case ANNAL_DUMP_TOKENS: return doc->toks.n;
    case ANNAL_DUMP_NUMBERS: return doc->nums.n;
    case ANNAL_DUMP_ACTORS: return doc->actors.n;
    default: return doc->dates.n;
    }
}

/* Sentence index of token i; *cursor walks forward with i. */
static size_t S_sentence_of(const annal_doc *doc, size_t i, size_t *cursor)
{
    while (*cursor + 1 < doc->sents.n &&
           doc->sents.v[*cursor].first_token + doc->sents.v[*cursor].ntokens <= i)
        (*cursor)++;
    return *cursor;
}

typedef struct sink {
    annal_write_fn fn;
    void *ctx;
    int failed;
} sink;

static void S_out(sink *s, const char *p, size_t n)
{
    if (!s->failed && n && s->fn(s->ctx, p, n))
        s->failed = 1;
}

/* Display width of a UTF-8 string: its code points (no East Asian wide
 * or combining-mark accounting; enough to keep tables straight). */
static size_t S_width(const char *s)
{
    size_t w = 0;

    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* Fills row i. */
static void S_row(const annal_doc *doc, annal_dump_kind kind, size_t i,
                  size_t *cursor, row *r)
{
    size_t sent = kind == ANNAL_DUMP_TOKENS ? S_sentence_of(doc, i, cursor) : 0;
    S_fields(doc, kind, i, sent, r);
}

/* The fields a spec file shows, by kind (indices into the row). */
static int S_spec_field(annal_dump_kind kind, size_t k)
{
    switch (kind) {
    case ANNAL_DUMP_SENTENCES: return k == 2;
    case ANNAL_DUMP_DATES: return k == 2 || k == 3 || k == 4 || k == 6;
    case ANNAL_DUMP_ACTORS: return k == 2 || k == 3;
    default: return k >= 2;
    }
}

static void S_dump_lines(const annal_doc *doc, annal_dump_kind kind,
                         annal_dump_format fmt, sink *out)
{
    const char *const *hdr = S_headers(kind);
    size_t n = S_count(doc, kind), width[DUMP_MAX_FIELDS] = {0}, nf = 0, cursor;
    row r;

    annal_buf_init(&r.b, NULL);
    while (hdr[nf])
        nf++;
    if (fmt == ANNAL_DUMP_TABLE) {
        for (size_t k = 0; k < nf; k++)
            width[k] = strlen(hdr[k]);
        cursor = 0;
        for (size_t i = 0; i < n; i++) {
            S_row(doc, kind, i, &cursor, &r);
            for (size_t k = 0; k + 1 < r.n; k++)
                if (S_width(r.b.p + r.off[k]) > width[k])
                    width[k] = S_width(r.b.p + r.off[k]);
        }
        /* text goes last-but-padded: keep it readable by capping width */
        for (size_t k = 0; k < nf; k++) {
            char pad[256];
            size_t w = width[k] > 60 ? 60 : width[k];
            int len = k + 1 < nf ? snprintf(pad, sizeof pad, "%-*s  ", (int)w, hdr[k])
                                 : snprintf(pad, sizeof pad, "%s\n", hdr[k]);
            S_out(out, pad, (size_t)len);
        }
    }
    cursor = 0;
    for (size_t i = 0; i < n; i++) {
        S_row(doc, kind, i, &cursor, &r);
        if (fmt == ANNAL_DUMP_SPEC) {
            const char *sep = "";
            for (size_t k = 0; k < r.n; k++) {
                if (!S_spec_field(kind, k))
                    continue;
                S_out(out, sep, strlen(sep));
                S_out(out, r.b.p + r.off[k], strlen(r.b.p + r.off[k]));
                sep = "\t";
            }
            S_out(out, "\n", 1);
            continue;
        }
        for (size_t k = 0; k < r.n; k++) {
            const char *f = r.b.p + r.off[k];
            size_t len = S_width(f);
            S_out(out, f, strlen(f));
            if (k + 1 == r.n) {
                S_out(out, "\n", 1);
            } else {
                size_t w = width[k] > 60 ? 60 : width[k];
                for (size_t p = len; p < w + 2; p++)
                    S_out(out, " ", 1);
                if (len > w)
                    S_out(out, "  ", 2);
            }
        }
    }
    annal_buf_free(&r.b);
}

/* ---- JSON ------------------------------------------------------------- */

static void S_json_head(annal_buf *b, const annal_doc *doc, uint32_t sent,
                        uint32_t s, uint32_t e)
{
    annal_buf_putc(b, '{');
    annal_json_key(b, "doc_id", 1);
    annal_json_cstr(b, doc->meta.id ? doc->meta.id : "");
    annal_json_key(b, "sentence", 0);
    annal_json_int(b, sent);
    annal_json_key(b, "span", 0);
    annal_buf_printf(b, "[%u,%u]", s, e);
    annal_json_key(b, "text", 0);
    annal_json_str(b, doc->raw + s, e - s);
}

static void S_json_item(const annal_doc *doc, annal_dump_kind kind, size_t i,
                        size_t *cursor, annal_buf *b)
{
    char buf[128];

    switch (kind) {
    case ANNAL_DUMP_SENTENCES: {
        const annal_sentence *s = &doc->sents.v[i];
        S_json_head(b, doc, (uint32_t)i, s->start, s->end);
        break;
    }
    case ANNAL_DUMP_TOKENS: {
        const annal_token *t = &doc->toks.v[i];
        S_json_head(b, doc, (uint32_t)S_sentence_of(doc, i, cursor), t->start, t->end);
        annal_json_key(b, "lemma", 0);
        annal_json_str(b, t->lemma ? t->lemma : "", t->lemma ? t->lemma_len : 0);
        annal_json_key(b, "pos", 0);
        annal_json_cstr(b, annal_pos_format(t->pos, buf, sizeof buf));
        annal_json_key(b, "type", 0);
        annal_json_cstr(b, S_type_name(t->type));
        break;
    }
    case ANNAL_DUMP_NUMBERS: {
        const annal_number *n = &doc->nums.v[i];
        S_json_head(b, doc, n->sentence, n->start, n->end);
        annal_json_key(b, "number", 0);
        annal_json_num(b, n->number);
        annal_json_key(b, "low", 0);
        if (n->has_low) annal_json_num(b, n->low); else annal_buf_puts(b, "null");
        annal_json_key(b, "high", 0);
        if (n->has_high) annal_json_num(b, n->high); else annal_buf_puts(b, "null");
        annal_json_key(b, "qualifier", 0);
        annal_json_cstr(b, annal_qualifier_name((annal_qualifier)n->qualifier));
        if (n->vague) {
            annal_json_key(b, "vague", 0);
            annal_buf_puts(b, "true");
        }
        if (n->unit) {
            annal_json_key(b, "unit", 0);
            annal_json_cstr(b, n->unit == ANNAL_UNIT_PERCENT ? "percent" : "money");
        }
        break;
    }
    case ANNAL_DUMP_DATES: {
        const annal_date_expr *d = &doc->dates.v[i];
        char a[16], c[16];
        S_json_head(b, doc, d->sentence, d->start, d->end);
        annal_json_key(b, "date", 0);
        annal_json_cstr(b, d->precision ? annal_ymd_format(d->date, (annal_precision)d->precision, buf) : NULL);
        annal_json_key(b, "precision", 0);
        annal_json_cstr(b, d->precision ? annal_precision_name((annal_precision)d->precision) : NULL);
        annal_json_key(b, "kind", 0);
        annal_json_cstr(b, annal_date_kind_name(d->kind));
        annal_json_key(b, "range", 0);
        if (d->first.year)
            annal_buf_printf(b, "[\"%s\",\"%s\"]", annal_ymd_format(d->first, ANNAL_PREC_DAY, a),
                             annal_ymd_format(d->last, ANNAL_PREC_DAY, c));
        else
            annal_buf_puts(b, "null");
        annal_json_key(b, "date_basis", 0);
        annal_json_cstr(b, d->relative ? "published" : "text");
        break;
    }
    case ANNAL_DUMP_ACTORS: {
        const annal_actor *a = &doc->actors.v[i];
        S_json_head(b, doc, a->sentence, a->start, a->end);
        annal_json_key(b, "code", 0);
        annal_json_cstr(b, a->code);
        annal_json_key(b, "country", 0);
        annal_json_cstr(b, a->country[0] ? a->country : NULL);
        annal_json_key(b, "role", 0);
        annal_json_cstr(b, a->role[0] ? a->role : NULL);
        annal_json_key(b, "how", 0);
        annal_json_cstr(b, annal_actor_how_name(a->how));
        annal_json_key(b, "person", 0);
        annal_buf_puts(b, a->person ? "true" : "false");
        annal_json_key(b, "antecedent", 0);
        if (a->antecedent >= 0) annal_json_int(b, a->antecedent); else annal_buf_puts(b, "null");
        annal_json_key(b, "rule", 0);
        annal_json_cstr(b, a->rule ? a->rule : "");
        break;
    }
    }
    annal_buf_puts(b, "}\n");
}

annal_status annal_dump(const annal_doc *doc, annal_dump_kind kind,
                        annal_dump_format fmt, annal_write_fn fn, void *ctx)
{
    sink out = {fn, ctx, 0};

    if (kind < ANNAL_DUMP_SENTENCES || kind > ANNAL_DUMP_ACTORS)
        return ANNAL_EUSAGE;
    if (fmt == ANNAL_DUMP_JSON) {
        annal_buf b;
        size_t cursor = 0, n = S_count(doc, kind);
        annal_buf_init(&b, NULL);
        for (size_t i = 0; i < n && !out.failed; i++) {
            annal_buf_clear(&b);
            S_json_item(doc, kind, i, &cursor, &b);
            if (b.oom) {
                annal_buf_free(&b);
                return ANNAL_ENOMEM;
            }
            S_out(&out, b.p, b.len);
        }
        annal_buf_free(&b);
    } else {
        S_dump_lines(doc, kind, fmt, &out);
    }
    return out.failed ? ANNAL_EIO : ANNAL_OK;
}
