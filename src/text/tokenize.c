/* tokenize.c - see tokenize.h. */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "../core/alloc.h"
#include "../core/utf8.h"
#include "scan.h"
#include "../core/le.h"
#include "../lex/lexicon_impl.h"

/* Lexical flags that make a word a candidate (see tokenize.h). */
#define CAND_LEX_FLAGS (ANNAL_LF_MONTH | ANNAL_LF_WEEKDAY | ANNAL_LF_DATEREL | \
                        ANNAL_LF_DATEDIR | ANNAL_LF_DATEPART | ANNAL_LF_NUMWORD | \
                        ANNAL_LF_ORDWORD | ANNAL_LF_QUAL | ANNAL_LF_SCALE |      \
                        ANNAL_LF_DOZEN | ANNAL_LF_VAGUE | ANNAL_LF_PHRASE |      \
                        ANNAL_LF_RANGE)

/* The longest word we look up as a possible abbreviation. */
#define TOK_MAX_ABBR 16

static uint16_t S_type(int kind)
{
    switch (kind) {
    case ANNAL_SCAN_WORD: return ANNAL_TOK_WORD;
    case ANNAL_SCAN_ACRONYM: return ANNAL_TOK_ACRONYM;
    case ANNAL_SCAN_NUMBER: return ANNAL_TOK_NUMBER;
    case ANNAL_SCAN_ORDINAL: return ANNAL_TOK_ORDINAL;
    case ANNAL_SCAN_DECADE: return ANNAL_TOK_DECADE;
    case ANNAL_SCAN_ISODATE: return ANNAL_TOK_ISODATE;
    case ANNAL_SCAN_TIME: return ANNAL_TOK_TIME;
    case ANNAL_SCAN_URL: return ANNAL_TOK_URL;
    case ANNAL_SCAN_EMAIL: return ANNAL_TOK_EMAIL;
    case ANNAL_SCAN_HANDLE: return ANNAL_TOK_HANDLE;
    case ANNAL_SCAN_HASHTAG: return ANNAL_TOK_HASHTAG;
    case ANNAL_SCAN_CLITIC: return ANNAL_TOK_CLITIC;
    case ANNAL_SCAN_PUNCT:
    case ANNAL_SCAN_ELLIPSIS: return ANNAL_TOK_PUNCT;
    case ANNAL_SCAN_DASH: return ANNAL_TOK_DASH;
    case ANNAL_SCAN_QUOTE: return ANNAL_TOK_QUOTE;
    case ANNAL_SCAN_OPEN: return ANNAL_TOK_OPEN;
    case ANNAL_SCAN_CLOSE: return ANNAL_TOK_CLOSE;
    case ANNAL_SCAN_SYMBOL: return ANNAL_TOK_SYMBOL;
    default: return ANNAL_TOK_OTHER;
    }
}

static int S_lower_ascii(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* ASCII character classes for S_flags. */
enum { C_UP = 1, C_LOW = 2, C_DIGIT = 4, C_HYPHEN = 8 };
static const unsigned char S_class[128] = {
    ['-'] = C_HYPHEN,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
#define U(c) [c] = C_UP, [c + 32] = C_LOW
    U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'),
    U('J'), U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'),
    U('S'), U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
#undef U
};

/* Case class of a non-ASCII code point: C_UP, C_LOW (any other letter)
 * or 0. */
static unsigned S_class_cp(int32_t cp)
{
    utf8proc_category_t c;

    if (cp == ANNAL_UTF8_BAD)
        return 0;
    c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT)
        return C_UP;
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ? C_LOW : 0;
}

/* 1 if the first letter of s[0..n) is upper case. */
static int S_first_upper(const unsigned char *u, size_t n)
{
    size_t i = 0;

    while (i < n) {
        int32_t cp;
        unsigned k;
        if (u[i] < 0x80) {
            k = S_class[u[i++]];
        } else {
            i += annal_utf8_decode(u + i, n - i, &cp);
            k = S_class_cp(cp);
        }
        if (k & (C_UP | C_LOW))
            return (k & C_UP) != 0;
    }
    return 0;
}

/* Case and character-class flags of s[0..n).  ASCII tokens take one table
 * lookup per byte; a token with other characters is decoded. */
static uint16_t S_flags(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned seen = 0, letters = 0, upper = 0;
    uint16_t f = 0;
    size_t i;

    for (i = 0; i < n && u[i] < 0x80; i++) {
        unsigned k = S_class[u[i]];
        seen |= k;
        upper += (k & C_UP) != 0;
        letters += (k & (C_UP | C_LOW)) != 0;
    }
    while (i < n) {   /* non-ASCII tail */
        unsigned k;
        if (u[i] < 0x80) {
            k = S_class[u[i++]];
        } else {
            int32_t cp;
            i += annal_utf8_decode(u + i, n - i, &cp);
            f |= ANNAL_TF_NONASCII;
            k = S_class_cp(cp);
        }
        seen |= k;
        upper += (k & C_UP) != 0;
        letters += (k & (C_UP | C_LOW)) != 0;
    }
    if (S_first_upper(u, n))
        f |= ANNAL_TF_CAP;
    if (seen & C_DIGIT)
        f |= ANNAL_TF_DIGIT;
    if ((seen & C_HYPHEN) && n > 2 && u[0] != '-' && u[n - 1] != '-')
        f |= ANNAL_TF_HYPHEN;
    if (letters >= 2 && upper == letters)
        f |= ANNAL_TF_UPPER;
    return f;
}

/* Length of the clitic at the end of word s[0..n), or 0. */
static size_t S_clitic(const char *s, size_t n)
{
    static const char *const sfx[] = {"'s", "'re", "'ve", "'ll", "'d", "'m"};

    if (n < 2 || !memchr(s + 1, '\'', n - 1))
        return 0;
    if (n > 3 && S_lower_ascii(s[n - 3]) == 'n' && s[n - 2] == '\'' &&
        S_lower_ascii(s[n - 1]) == 't')
        return 3;
    for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
        size_t m = strlen(sfx[k]), j;
        if (n <= m)
            continue;
        for (j = 0; j < m && S_lower_ascii(s[n - m + j]) == sfx[k][j]; j++)
            ;
        if (j == m)
            return m;
    }
    return 0;
}

/* Lexical flags of word s[0..n) (for its ABBR and IDHEAD bits). */
static uint32_t S_abbr_flags(const annal_lexicon *lx, const char *s, size_t n)
{
    if (n > TOK_MAX_ABBR)
        return 0;
    uint32_t flags;

    annal_lexicon_flagged(lx, s, n, &flags);
    return flags;
}

/* 1 if a digit follows s[at] after spaces. */
static int S_digit_follows(const char *s, size_t at)
{
    while (s[at] == ' ')
        at++;
    return (unsigned)(s[at] - '0') < 10u;
}

/* Trailing characters that end a sentence rather than a URL. */
static size_t S_trim_url(const char *s, size_t start, size_t end)
{
    int opens = 0;

    for (size_t i = start; i < end; i++)
        opens += s[i] == '(';
    while (end > start + 1) {
        char c = s[end - 1];
        if (strchr(".,;:!?'\"", c) || (c == ')' && !opens))
            end--;
        else
            break;
    }
    return end;
}

typedef struct tstate {
    const annal_norm *norm;
    const annal_lexicon *lx;
    annal_tokvec *out;
    size_t max;
    size_t cur_s, cur_e;   /* map cursors (slow path) */
    size_t seg;            /* first offset segment not yet behind us */
    uint32_t seg_start;    /* its nstart, or UINT32_MAX when none is left */
    int64_t delta;         /* raw - normalised offset after the segments
                              behind us */
} tstate;

/* Raw span of the normalised span [s, e) when a segment ahead may touch
 * it: folds the segments now behind into t->delta, then maps by the
 * delta or, inside a segment, by annal_norm_map_start/end. */
static void S_map_slow(tstate *t, uint32_t s, uint32_t e, uint32_t *rs,
                       uint32_t *re)
{
    const annal_norm *n = t->norm;

    while (t->seg < n->nsegs) {
        const annal_norm_seg *g = &n->segs[t->seg];
        if (g->nstart + g->nlen > s)
            break;
        t->delta = (int64_t)g->rstart + g->rlen - g->nstart - g->nlen;
        t->seg++;
    }
    t->seg_start = t->seg < n->nsegs ? n->segs[t->seg].nstart : UINT32_MAX;
    if (e > t->seg_start) {
        *rs = annal_norm_map_start(n, s, &t->cur_s);
        *re = annal_norm_map_end(n, e, &t->cur_e);
        return;
    }
    *rs = (uint32_t)(s + t->delta);
    *re = (uint32_t)(e + t->delta);
}

/* Raw span of the normalised span [s, e).  Tokens come in order, so the
 * segments passed so far fold into one delta; a token that ends before
 * the next segment maps by adding it. */
static inline void S_map(tstate *t, uint32_t s, uint32_t e, uint32_t *rs,
                         uint32_t *re)
{
    if (e > t->seg_start) {
        S_map_slow(t, s, e, rs, re);
        return;
    }
    *rs = (uint32_t)(s + t->delta);
    *re = (uint32_t)(e + t->delta);
}

/* Appends a token.  `flags` are its case/class flags when the scanner
 * already knows them, or FLAGS_UNKNOWN to compute them from the text;
 * `idx` is its flagged lexicon entry + 1 (LEX_UNKNOWN: look it up). */
#define FLAGS_UNKNOWN 0xFFFFu
#define LEX_UNKNOWN 0xFFFFFFFFu

static int S_grow(annal_tokvec *out)
{
    void *p = out->v, *q = out->cache;

    if (annal_grow(out->alloc, &p, &out->cap, sizeof *out->v, out->n + 1))
        return -1;
    out->v = p;
    if (annal_grow(out->alloc, &q, &out->cache_cap, sizeof *out->cache, out->cap))
        return -1;
    out->cache = q;
    return 0;
}

/* Appends an index to a list, growing it. */
static int S_append(const annal_alloc *a, uint32_t **list, size_t *n, size_t *cap,
                    uint32_t v)
{
    if (*n == *cap) {
        void *p = *list;
        if (annal_grow(a, &p, cap, sizeof **list, *n + 1))
            return -1;
        *list = p;
    }
    (*list)[(*n)++] = v;
    return 0;
}

/* Records the last token in the candidate lists named by `which`. */
static int S_candidates(annal_tokvec *out, unsigned which)
{
    uint32_t i = (uint32_t)(out->n - 1);

    if ((which & ANNAL_CAND_EXTRACT) &&
        S_append(out->alloc, &out->cand, &out->ncand, &out->cand_cap, i))
        return -1;
    if ((which & ANNAL_CAND_BOUNDARY) &&
        S_append(out->alloc, &out->bcand, &out->nbcand, &out->bcand_cap, i))
        return -1;
    return 0;
}

/* Token flags for the ANNAL_WS_* bits. */
static const uint16_t S_ws_flags[8] = {
    0, ANNAL_TF_SPACE_BEFORE, ANNAL_TF_NEWLINE_BEFORE,
    ANNAL_TF_SPACE_BEFORE | ANNAL_TF_NEWLINE_BEFORE, ANNAL_TF_PARA_BEFORE,
    ANNAL_TF_PARA_BEFORE | ANNAL_TF_SPACE_BEFORE,
    ANNAL_TF_PARA_BEFORE | ANNAL_TF_NEWLINE_BEFORE,
    ANNAL_TF_PARA_BEFORE | ANNAL_TF_NEWLINE_BEFORE | ANNAL_TF_SPACE_BEFORE};

static inline __attribute__((always_inline)) int
S_push(tstate *t, uint32_t s, uint32_t e, uint16_t type, unsigned ws,
       unsigned flags, uint32_t idx, uint32_t lexflags)
{
    const annal_norm *n = t->norm;
    annal_token *tk;
    annal_tcache *c;

    /* invariant: cache_cap >= cap (S_grow keeps it) */
    if (t->out->n == t->out->cap && S_grow(t->out))
        return -1;
    tk = &t->out->v[t->out->n];
    c = &t->out->cache[t->out->n++];
    tk->nstart = s;
    tk->nend = e;
    S_map(t, s, e, &tk->start, &tk->end);
    tk->type = type;
    if (flags == FLAGS_UNKNOWN)
        flags = S_flags(n->text.p + s, e - s);
    tk->flags = (uint16_t)(flags | S_ws_flags[ws & 7]);
    if (type == ANNAL_TOK_WORD && (flags & ANNAL_TF_DIGIT))
        tk->type = ANNAL_TOK_ALNUM;   /* Mi-24, 5km */
    tk->pos = 0;
    tk->lemma_len = 0;
    tk->lemma = NULL;
    if (idx == LEX_UNKNOWN) {
        idx = 0;
        lexflags = 0;
        if (ANNAL_TOK_IS_WORDLIKE(type))
            idx = annal_lexicon_flagged(t->lx, n->text.p + s, e - s - (type == ANNAL_TOK_ABBREV),
                                        &lexflags);
    }
    c->idx = idx;
    c->flags = lexflags;
    c->phr_idx = c->phr_n = 0;
    if ((lexflags & CAND_LEX_FLAGS) || tk->type != ANNAL_TOK_WORD ||
        (tk->flags & (ANNAL_TF_PARA_BEFORE | ANNAL_TF_HYPHEN)))
        return S_candidates(t->out, annal_token_candidacy(n->text.p, tk, lexflags));
    return 0;
}

unsigned annal_token_candidacy(const char *norm, const annal_token *t,
                               uint32_t lexflags)
{
    unsigned c = 0;
    char ch;

    if (t->flags & ANNAL_TF_PARA_BEFORE)
        c |= ANNAL_CAND_BOUNDARY;
    if ((lexflags & CAND_LEX_FLAGS) || (t->flags & ANNAL_TF_HYPHEN))
        c |= ANNAL_CAND_EXTRACT;
    switch (t->type) {
    case ANNAL_TOK_ACRONYM:
    case ANNAL_TOK_ABBREV:
    case ANNAL_TOK_INITIAL:
        return c | ANNAL_CAND_BOUNDARY;
    case ANNAL_TOK_NUMBER:
    case ANNAL_TOK_ORDINAL:
    case ANNAL_TOK_DECADE:
    case ANNAL_TOK_ISODATE:
        return c | ANNAL_CAND_EXTRACT;
    case ANNAL_TOK_ALNUM:
        return c | ((unsigned)(norm[t->nstart] - '0') < 10u ? ANNAL_CAND_EXTRACT : 0);
    case ANNAL_TOK_PUNCT:
        ch = norm[t->nstart];
        return c | (ch == '.' || ch == '!' || ch == '?' ? ANNAL_CAND_BOUNDARY : 0);
    case ANNAL_TOK_QUOTE:
        return c | (norm[t->nstart] == '"' ? ANNAL_CAND_BOUNDARY : 0);
    default:
        return c;
    }
}

/* A word token: split a clitic, or join an abbreviation period.  `flags`
 * as for S_push; scanner-classified words have no apostrophe. */
static int S_word(tstate *t, const annal_lexicon *lx, annal_scan_tok *st,
                  size_t *pos, unsigned flags, uint32_t idx, uint32_t lexflags)
{
    const char *s = t->norm->text.p;
    uint32_t a = st->start, b = st->end;
    size_t cl = flags == FLAGS_UNKNOWN ? S_clitic(s + a, b - a) : 0;
    uint16_t type = ANNAL_TOK_WORD;

    if (cl) {
        if (S_push(t, a, (uint32_t)(b - cl), ANNAL_TOK_WORD, st->ws, FLAGS_UNKNOWN, LEX_UNKNOWN, 0) ||
            S_push(t, (uint32_t)(b - cl), b, ANNAL_TOK_CLITIC, 0, 0, LEX_UNKNOWN, 0))
            return -1;
        return 0;
    }
    /* "Gen." but not "etc..." (an ellipsis follows). */
    if (s[b] == '.' && s[b + 1] != '.') {
        int single_cap = (b - a == 1 && s[a] >= 'A' && s[a] <= 'Z');
        uint32_t f = idx == LEX_UNKNOWN ? S_abbr_flags(lx, s + a, b - a) : lexflags;
        int abbr = (f & ANNAL_LF_ABBR) != 0;
        /* "No." and its kind abbreviate only before a number: "No. 10",
         * but "he said no." */
        if (abbr && (f & ANNAL_LF_IDHEAD) && !S_digit_follows(s, b + 1))
            abbr = 0;
        if (single_cap || abbr) {
            type = single_cap ? ANNAL_TOK_INITIAL : ANNAL_TOK_ABBREV;
            *pos = ++b;
            flags = FLAGS_UNKNOWN;
        }
    }
    if (S_push(t, a, b, type, st->ws, flags, idx, lexflags))
        return -1;
    return 0;
}

/* Flags the scanner's kind already implies, or FLAGS_UNKNOWN. */
static unsigned S_known_flags(int kind)
{
    switch (kind) {
    case ANNAL_SCAN_WORD_LOWER: return 0;
    case ANNAL_SCAN_WORD_CAP: return ANNAL_TF_CAP;
    case ANNAL_SCAN_NUMBER: return ANNAL_TF_DIGIT;
    case ANNAL_SCAN_PUNCT:
    case ANNAL_SCAN_ELLIPSIS:
    case ANNAL_SCAN_DASH:
    case ANNAL_SCAN_QUOTE:
    case ANNAL_SCAN_OPEN:
    case ANNAL_SCAN_CLOSE: return 0;
    default: return FLAGS_UNKNOWN;
    }
}

/* Bytes after which a plain ASCII word certainly ends the same way the
 * scanner would end it.  Not '.', '-', '\'', ':', '@', '/', digits or
 * non-ASCII: those can continue a word, abbreviation, URL or address. */
static const unsigned char S_safe_end[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, [','] = 1, [';'] = 1, ['!'] = 1,
    ['?'] = 1, [')'] = 1, [']'] = 1, ['}'] = 1, ['"'] = 1, ['\0'] = 1,
};

/* Single-byte punctuation the main loop takes itself, by token type.
 * '.', '!' and '?' are left to the scanner when they may start a longer
 * token ("...", ".5", "?!"). */
static const unsigned char S_punct[256] = {
    [','] = ANNAL_TOK_PUNCT, [';'] = ANNAL_TOK_PUNCT, [':'] = ANNAL_TOK_PUNCT,
    ['.'] = ANNAL_TOK_PUNCT, ['!'] = ANNAL_TOK_PUNCT, ['?'] = ANNAL_TOK_PUNCT,
    ['('] = ANNAL_TOK_OPEN, ['['] = ANNAL_TOK_OPEN, ['{'] = ANNAL_TOK_OPEN,
    [')'] = ANNAL_TOK_CLOSE, [']'] = ANNAL_TOK_CLOSE, ['}'] = ANNAL_TOK_CLOSE,
    ['"'] = ANNAL_TOK_QUOTE,
};

/* Whitespace at p: skips it and returns the ANNAL_WS_* bits. */
static inline unsigned S_skip_space(const unsigned char *u, size_t *pos)
{
    size_t p = *pos;
    unsigned ws = 0, newlines = 0;

    if (u[p] == ' ' && u[p + 1] > ' ') {   /* one space: most of the time */
        *pos = p + 1;
        return ANNAL_WS_SPACE;
    }
    for (;; p++) {
        if (u[p] == ' ' || u[p] == '\t')
            ws |= ANNAL_WS_SPACE;
        else if (u[p] == '\n')
            ws |= ANNAL_WS_SPACE | ANNAL_WS_NEWLINE | (++newlines >= 2 ? ANNAL_WS_BLANKLINE : 0);
        else
            break;
    }
    *pos = p;
    return ws;
}

/* Bytes after a word-final '.' or ':' that make it punctuation of its
 * own for certain ("said. ", "said: "), not part of an acronym, URL,
 * address or time. */
static const unsigned char S_stop_after[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\0'] = 1, ['"'] = 1, [')'] = 1,
    [']'] = 1,
};

/* The rest of a word from p on that S_plain_word found to hold an upper
 * case letter after its first ("NATO", "McCain"): letters of either case,
 * eight bytes at a time as there, with 0x20 or'ed in first.  Returns the
 * end. */
static size_t S_mixed_case_end(const unsigned char *u, size_t p)
{
    const uint64_t hi = UINT64_C(0x8080808080808080);

    for (;; p += 8) {
        uint64_t w = annal_le64(u + p);
        uint64_t x = (w | UINT64_C(0x2020202020202020)) & ~hi;
        uint64_t letter = (x + UINT64_C(0x1F1F1F1F1F1F1F1F)) & ~(x + UINT64_C(0x0505050505050505)) & ~w & hi;
        if (~letter & hi)
            return p + ((size_t)__builtin_ctzll(~letter & hi) >> 3);
    }
}

/* A plain ASCII word at a: letters only ("the", "Baku", "NATO", "I"),
 * ending on a safe byte or on '.' or ':' that S_stop_after makes
 * punctuation.  Returns its end, or 0 when the scanner must decide.
 * *packed gets its first 8 bytes lower-cased (when it is not longer);
 * *caps is set when a letter after the first is upper case (the caller
 * then computes the flags in full).  The word is read eight bytes at a
 * time (the normalised text is padded with zeros, normalize.h): a byte is
 * a lower-case letter when its high bit is clear, adding 0x1F sets it
 * (>= 'a') and adding 0x05 does not (<= 'z'). */
static inline size_t S_plain_word(const unsigned char *u, size_t a,
                                  uint64_t *packed, int *caps)
{
    const uint64_t hi = UINT64_C(0x8080808080808080);
    size_t p;

    if ((unsigned)((u[a] | 0x20) - 'a') >= 26u)
        return 0;
    *caps = 0;
    for (p = a + 1;; p += 8) {
        uint64_t w = annal_le64(u + p), x = w & ~hi;
        uint64_t lower = (x + UINT64_C(0x1F1F1F1F1F1F1F1F)) & ~(x + UINT64_C(0x0505050505050505)) & ~w & hi;
        if (~lower & hi) {
            p += (size_t)__builtin_ctzll(~lower & hi) >> 3;
            break;
        }
    }
    if ((unsigned)(u[p] - 'A') < 26u) {   /* rare: upper case inside */
        *caps = 1;
        p = S_mixed_case_end(u, p);
    }
    if (!S_safe_end[u[p]] &&
        !((u[p] == '.' || u[p] == ':') && S_stop_after[u[p + 1]]))
        return 0;
    if (p - a <= 8) {   /* or'ing 0x20 into a letter lower-cases it */
        uint64_t mask = p - a < 8 ? (UINT64_C(1) << (8 * (p - a))) - 1 : ~UINT64_C(0);
        *packed = (annal_le64(u + a) | UINT64_C(0x2020202020202020)) & mask;
    }
    return p;
}

/* Bytes after a run of digits that end it as a plain NUMBER token for
 * certain: no thousands group, decimal part, time, date, ordinal,
 * decade, compound ("10-year") or address can go on from them. */
static const unsigned char S_num_end[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\0'] = 1, [')'] = 1, [']'] = 1,
    ['}'] = 1, ['"'] = 1, [';'] = 1, ['!'] = 1, ['?'] = 1,
};

/* A plain run of ASCII digits at a ("1993", "511") that S_num_end or a
 * final ',' '.' ':' before a space ends: returns its end, or 0 when the
 * scanner must decide. */
static inline size_t S_plain_number(const unsigned char *u, size_t a)
{
    size_t p = a;

    while ((unsigned)(u[p] - '0') < 10u)
        p++;
    if (p == a)
        return 0;
    if (S_num_end[u[p]] ||
        ((u[p] == ',' || u[p] == '.' || u[p] == ':') && S_stop_after[u[p + 1]]))
        return p;
    return 0;
}

/* One token by the generated scanner, from a (whitespace already read). */
static int S_slow_token(tstate *t, const annal_lexicon *lx, size_t a,
                        unsigned ws, size_t *pos)
{
    const char *s = t->norm->text.p;
    annal_scan_tok st;

    *pos = a;
    if (annal_scan_next(s, t->norm->text.len, pos, &st) == ANNAL_SCAN_END)
        return 1;
    st.ws |= ws;
    if (t->out->n + 2 > t->max &&   /* a clitic split adds two */
        t->out->n + 1 + (st.kind == ANNAL_SCAN_WORD &&
                         S_clitic(s + st.start, st.end - st.start)) > t->max)
        return 2;
    if (st.kind == ANNAL_SCAN_WORD_LOWER || st.kind == ANNAL_SCAN_WORD_CAP || st.kind == ANNAL_SCAN_WORD)
        return S_word(t, lx, &st, pos, S_known_flags(st.kind), LEX_UNKNOWN, 0) ? -1 : 0;
    if (st.kind == ANNAL_SCAN_URL || st.kind == ANNAL_SCAN_EMAIL) {
        st.end = (uint32_t)S_trim_url(s, st.start, st.end);
        *pos = st.end;
    }
    return S_push(t, st.start, st.end, S_type(st.kind), st.ws, S_known_flags(st.kind),
                  ANNAL_TOK_IS_WORDLIKE(S_type(st.kind)) ? LEX_UNKNOWN : 0, 0) ? -1 : 0;
}

/* Single punctuation that annal_token_candidacy makes a boundary
 * candidate: sentence-final marks and the double quote. */
static const unsigned char S_punct_boundary[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1,
};

/* Appends a token at v[n] with everything known: type, flags (with the
 * whitespace bits), lexicon entry and flags; the raw span is given. */
static inline __attribute__((always_inline)) void
S_put(annal_token *tk, annal_tcache *c, uint32_t s, uint32_t e, uint32_t rs,
      uint32_t re, uint16_t type, unsigned flags, uint32_t idx, uint32_t lexflags)
{
    tk->start = rs;
    tk->end = re;
    tk->nstart = s;
    tk->nend = e;
    tk->type = type;
    tk->flags = (uint16_t)flags;
    tk->pos = 0;
    tk->lemma_len = 0;
    tk->lemma = NULL;
    c->idx = idx;
    c->flags = lexflags;
    c->phr_idx = c->phr_n = 0;
}

/* Appends token index i to a candidate list with room, else grows it. */
static inline int S_cand_push(const annal_alloc *a, uint32_t **list, size_t *n,
                              size_t *cap, uint32_t i)
{
    if (*n < *cap) {
        (*list)[(*n)++] = i;
        return 0;
    }
    return S_append(a, list, n, cap, i);
}

/* The tokenizer's hot loop: plain ASCII words (S_plain_word), digit runs
 * (S_plain_number) and single punctuation, from pos on, for as long as they come and the token array
 * has room (out->cap, max_tokens).  Everything it needs lives in locals
 * so the compiler keeps it in registers; out->n is written back at the
 * end.  Returns the position where it stopped, before the whitespace of
 * the token it left to the caller (which skips it again). */
static size_t S_fast_run(tstate *t, size_t pos, size_t max_tokens, int *err)
{
    const unsigned char *u = (const unsigned char *)t->norm->text.p;
    const annal_lexicon *lx = t->lx;
    annal_tokvec *out = t->out;
    annal_token *v = out->v;
    annal_tcache *cache = out->cache;
    size_t n = out->n, lim = out->cap < max_tokens ? out->cap : max_tokens;
    uint32_t seg_start = t->seg_start;
    int64_t delta = t->delta;

    while (n < lim) {
        size_t a = pos, e;
        unsigned ws = S_skip_space(u, &a), which = 0, flags;
        uint32_t rs, re, idx = 0, lf = 0;
        uint16_t type;
        uint64_t packed = 0;
        int caps;

        if ((e = S_plain_word(u, a, &packed, &caps)) != 0) {   /* the common case */
            if (e - a > 8 || (!(idx = annal_lexicon_probe_small(lx, packed, &lf)) &&
                              lx->small_overflow))
                idx = annal_lexicon_flagged(lx, (const char *)u + a, e - a, &lf);
            /* "Gen." and "J." join their period: the scanner's path */
            if (u[e] == '.' && ((lf & ANNAL_LF_ABBR) || (e - a == 1 && u[a] < 'a')))
                break;
            type = ANNAL_TOK_WORD;
            flags = caps ? S_flags((const char *)u + a, e - a)
                         : (unsigned)(u[a] - 'A') < 26u ? ANNAL_TF_CAP : 0;
            if (lf & CAND_LEX_FLAGS)
                which = ANNAL_CAND_EXTRACT;
        } else if ((e = S_plain_number(u, a)) != 0) {
            type = ANNAL_TOK_NUMBER;
            flags = ANNAL_TF_DIGIT;
            which = ANNAL_CAND_EXTRACT;
        } else {
            type = S_punct[u[a]];
            if (!type || (u[a] == '.' && (u[a + 1] == '.' || (unsigned)(u[a + 1] - '0') < 10u ||
                                          (u[a + 1] == ' ' && u[a + 2] == '.'))) ||
                ((u[a] == '!' || u[a] == '?') && (u[a + 1] == '!' || u[a + 1] == '?')))
                break;   /* the scanner's: "...", ".5", "?!" and the rest */
            e = a + 1;
            flags = 0;
            /* sentence ends and double quotes (annal_token_candidacy) */
            if (S_punct_boundary[u[a]])
                which = ANNAL_CAND_BOUNDARY;
        }
        if (e > seg_start) {   /* a segment ahead may touch the token */
            S_map_slow(t, (uint32_t)a, (uint32_t)e, &rs, &re);
            seg_start = t->seg_start;
            delta = t->delta;
        } else {
            rs = (uint32_t)(a + delta);
            re = (uint32_t)(e + delta);
        }
        S_put(&v[n], &cache[n], (uint32_t)a, (uint32_t)e, rs, re, type,
              flags | S_ws_flags[ws & 7], idx, lf);
        if (ws & ANNAL_WS_BLANKLINE)
            which |= ANNAL_CAND_BOUNDARY;
        pos = e;
        if (which && (((which & ANNAL_CAND_EXTRACT) &&
                       S_cand_push(out->alloc, &out->cand, &out->ncand, &out->cand_cap, (uint32_t)n)) ||
                      ((which & ANNAL_CAND_BOUNDARY) &&
                       S_cand_push(out->alloc, &out->bcand, &out->nbcand, &out->bcand_cap, (uint32_t)n)))) {
            *err = 1;
            break;
        }
        n++;
    }
    out->n = n;
    return pos;
}

annal_status annal_tokenize(const annal_norm *norm, const annal_lexicon *lx,
                            size_t max_tokens, annal_tokvec *out,
                            int *truncated)
{
    const unsigned char *u = (const unsigned char *)norm->text.p;
    size_t len = norm->text.len, pos = 0;
    tstate t = {norm, lx, out, max_tokens, 0, 0, 0,
                norm->nsegs ? norm->segs[0].nstart : UINT32_MAX, norm->base};

    out->n = 0;
    out->ncand = out->nbcand = 0;
    *truncated = 0;
    {   /* about one token per 5 bytes of text: one allocation up front */
        size_t want = len / 5 + 16 < max_tokens ? len / 5 + 16 : max_tokens;
        void *p = out->v, *q = out->cache;
        if (out->cap < want &&
            annal_grow(out->alloc, &p, &out->cap, sizeof *out->v, want))
            return ANNAL_ENOMEM;
        out->v = p;
        if (out->cache_cap < out->cap &&
            annal_grow(out->alloc, &q, &out->cache_cap, sizeof *out->cache, out->cap))
            return ANNAL_ENOMEM;
        out->cache = q;
    }
    for (;;) {
        size_t a;
        unsigned ws;
        int r, err = 0;

        pos = S_fast_run(&t, pos, max_tokens, &err);
        if (err)
            return ANNAL_ENOMEM;
        a = pos;
        ws = S_skip_space(u, &a);
        if (out->n >= max_tokens) {
            *truncated = u[a] != 0;
            break;
        }
        if (out->n == out->cap) {   /* full: grow, then the fast loop again */
            if (S_grow(out))
                return ANNAL_ENOMEM;
            continue;
        }
        r = S_slow_token(&t, t.lx, a, ws, &pos);
        if (r == 1)
            break;   /* the end of the text */
        if (r == 2) {
            *truncated = 1;
            break;
        }
        if (r < 0)
            return ANNAL_ENOMEM;
    }
    return ANNAL_OK;
}
