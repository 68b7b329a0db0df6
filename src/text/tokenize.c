/* tokenize.c - see tokenize.h. */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "../core/alloc.h"
#include "../core/utf8.h"
#include "scan.h"

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

/* Case and character-class flags of s[0..n). */
static uint16_t S_flags(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned letters = 0, upper = 0, first = 1;
    uint16_t f = 0;
    size_t i = 0;

    while (i < n) {
        int32_t cp;
        int is_up = 0, is_letter = 0;
        if (u[i] < 0x80) {
            cp = u[i++];
            is_up = cp >= 'A' && cp <= 'Z';
            is_letter = is_up || (cp >= 'a' && cp <= 'z');
            if (cp >= '0' && cp <= '9')
                f |= ANNAL_TF_DIGIT;
            else if (cp == '-' && i > 1 && i < n)
                f |= ANNAL_TF_HYPHEN;
        } else {
            utf8proc_category_t c;
            i += annal_utf8_decode(u + i, n - i, &cp);
            f |= ANNAL_TF_NONASCII;
            if (cp == ANNAL_UTF8_BAD)
                continue;
            c = utf8proc_category(cp);
            is_up = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
            is_letter = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
        }
        if (is_letter) {
            if (first && is_up)
                f |= ANNAL_TF_CAP;
            first = 0;
            letters++;
            upper += (unsigned)is_up;
        }
    }
    if (letters >= 2 && upper == letters)
        f |= ANNAL_TF_UPPER;
    return f;
}

/* Length of the clitic at the end of word s[0..n), or 0. */
static size_t S_clitic(const char *s, size_t n)
{
    static const char *const sfx[] = {"'s", "'re", "'ve", "'ll", "'d", "'m"};

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

/* 1 if word s[0..n) takes an abbreviation period. */
static int S_is_abbr(const annal_lexicon *lx, const char *s, size_t n)
{
    char low[TOK_MAX_ABBR * 2 + 4];
    annal_lex_entry e;
    size_t ln;

    if (n > TOK_MAX_ABBR)
        return 0;
    ln = annal_lowercase(s, n, low, sizeof low);
    return annal_lexicon_find(lx, low, ln, &e) && (e.flags & ANNAL_LF_ABBR);
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
    annal_tokvec *out;
    size_t max;
    size_t cur_s, cur_e;   /* map cursors */
} tstate;

static int S_push(tstate *t, uint32_t s, uint32_t e, uint16_t type,
                  unsigned ws)
{
    const char *text = t->norm->text.p;
    annal_token *tk;
    void *p = t->out->v;

    if (annal_grow(t->out->alloc, &p, &t->out->cap, sizeof *tk, t->out->n + 1))
        return -1;
    t->out->v = p;
    tk = &t->out->v[t->out->n++];
    memset(tk, 0, sizeof *tk);
    tk->nstart = s;
    tk->nend = e;
    tk->start = annal_norm_map_start(t->norm, s, &t->cur_s);
    tk->end = annal_norm_map_end(t->norm, e, &t->cur_e);
    tk->type = type;
    tk->flags = S_flags(text + s, e - s);
    if (ws & ANNAL_WS_SPACE)
        tk->flags |= ANNAL_TF_SPACE_BEFORE;
    if (ws & ANNAL_WS_NEWLINE)
        tk->flags |= ANNAL_TF_NEWLINE_BEFORE;
    if (ws & ANNAL_WS_BLANKLINE)
        tk->flags |= ANNAL_TF_PARA_BEFORE;
    return 0;
}

/* Words with a digit are ALNUM (Mi-24, 5km). */
static void S_classify(annal_token *w)
{
    if (w->type == ANNAL_TOK_WORD && (w->flags & ANNAL_TF_DIGIT))
        w->type = ANNAL_TOK_ALNUM;
}

/* A word token: split a clitic, or join an abbreviation period. */
static int S_word(tstate *t, const annal_lexicon *lx, annal_scan_tok *st,
                  size_t *pos)
{
    const char *s = t->norm->text.p;
    uint32_t a = st->start, b = st->end;
    size_t cl = S_clitic(s + a, b - a);
    uint16_t type = ANNAL_TOK_WORD;

    if (cl) {
        if (S_push(t, a, (uint32_t)(b - cl), ANNAL_TOK_WORD, st->ws) ||
            S_push(t, (uint32_t)(b - cl), b, ANNAL_TOK_CLITIC, 0))
            return -1;
        S_classify(&t->out->v[t->out->n - 2]);
        return 0;
    }
    /* "Gen." but not "etc..." (an ellipsis follows). */
    if (s[b] == '.' && s[b + 1] != '.') {
        int single_cap = (b - a == 1 && s[a] >= 'A' && s[a] <= 'Z');
        if (single_cap || S_is_abbr(lx, s + a, b - a)) {
            type = single_cap ? ANNAL_TOK_INITIAL : ANNAL_TOK_ABBREV;
            *pos = ++b;
        }
    }
    if (S_push(t, a, b, type, st->ws))
        return -1;
    S_classify(&t->out->v[t->out->n - 1]);
    return 0;
}

annal_status annal_tokenize(const annal_norm *norm, const annal_lexicon *lx,
                            size_t max_tokens, annal_tokvec *out,
                            int *truncated)
{
    const char *s = norm->text.p;
    size_t len = norm->text.len, pos = 0;
    tstate t = {norm, out, max_tokens, 0, 0};
    annal_scan_tok st;

    out->n = 0;
    *truncated = 0;
    while (annal_scan_next(s, len, &pos, &st) != ANNAL_SCAN_END) {
        int r;
        if (out->n + 2 > max_tokens) {
            *truncated = 1;
            break;
        }
        if (st.kind == ANNAL_SCAN_WORD) {
            r = S_word(&t, lx, &st, &pos);
        } else {
            if (st.kind == ANNAL_SCAN_URL || st.kind == ANNAL_SCAN_EMAIL) {
                st.end = (uint32_t)S_trim_url(s, st.start, st.end);
                pos = st.end;
            }
            r = S_push(&t, st.start, st.end, S_type(st.kind), st.ws);
        }
        if (r)
            return ANNAL_ENOMEM;
    }
    return ANNAL_OK;
}
