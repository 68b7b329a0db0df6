/*
 * numbers.c - quantities: a figure, optionally qualified or ranged.
 *
 *   [qualifier] core [range-word core] [unit]
 *
 *   qualifier   about, some, nearly, more than, over, at least, up to ...
 *               (lexicon QUAL); "between" and "from" open a range
 *   core        digits with separators and scale words (60,000; 1.5
 *               million; 5.93 mln), number words (sixty thousand, two
 *               hundred and fifty, twenty-seven, a dozen, two dozen, half a
 *               million), or a vague plural (dozens, hundreds, tens of
 *               thousands) valued by the ACLED convention
 *   range       10-20, 10 to 20, two or three, between 10 and 20
 *   trailing    "10 or more" (at least), "10 or so" (about)
 *   unit        %, percent, per cent, pct; a currency sign or word
 *
 * The figure reported (`number`) is the conservative one: the stated
 * value, the low end of a range, the convention value of a vague word.
 * Bounds are set only when the text gives them: "more than 70,000" has a
 * low of 70000 and no high.  Tokens already used by a date are skipped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "extract.h"

#define NUM_MAX_DIGITS 15        /* larger figures are identifiers, not counts */
#define NUM_MAX_WORDS 12         /* number words in one figure */

typedef struct nctx {
    const annal_tview *v;
    size_t a, b;
    const uint8_t *used;
} nctx;

typedef struct qty {
    double v;
    double scale;                /* the scale word applied (1 if none) */
    int vague;
    size_t n;                    /* tokens */
} qty;

static const annal_token *S_tok(const nctx *c, size_t i)
{
    return &c->v->toks[i];
}

static int S_ok(const nctx *c, size_t i)
{
    return i >= c->a && i < c->b && !c->used[i];
}

/* 1 if token i is free and reads w (a string literal). */
#define S_is(c, i, w) (S_ok(c, i) && annal_tview_is_n((c)->v, i, w, sizeof(w) - 1))

static int S_entry(const nctx *c, size_t i, uint32_t flags, annal_lex_entry *e)
{
    return S_ok(c, i) && (annal_tview_flags(c->v, i) & flags) &&
           annal_tview_entry(c->v, i, e);
}

/* The value of a NUMBER token: 60,000 -> 60000; 1.5 -> 1.5. */
static int S_digits(const nctx *c, size_t i, double *out)
{
    const annal_token *t;
    size_t digits = 0;

    if (!S_ok(c, i) || (t = S_tok(c, i))->type != ANNAL_TOK_NUMBER)
        return 0;
    double v = 0, scale = 0;

    /* Digits, thousands commas, one decimal point (the scanner's grammar);
     * integers of up to 15 digits are exact in a double. */
    for (uint32_t k = t->nstart; k < t->nend; k++) {
        char ch = c->v->norm[k];
        if (ch == ',')
            continue;
        if (ch == '.') {
            scale = 1;
            continue;
        }
        digits++;
        v = v * 10 + (ch - '0');
        if (scale)
            scale *= 10;
    }
    if (digits == 0 || digits > NUM_MAX_DIGITS)
        return 0;
    *out = scale ? v / scale : v;
    return 1;
}

/* Scale words after a figure: 1.5 million, 60 thousand, two dozen.
 * Multiplies *v and *scale. */
static size_t S_scales(const nctx *c, size_t i, double *v, double *scale)
{
    annal_lex_entry e;
    size_t k = 0;

    while (k < 2 && S_entry(c, i + k, ANNAL_LF_SCALE | ANNAL_LF_DOZEN, &e)) {
        *v *= e.value;
        *scale *= e.value;
        k++;
    }
    return k;
}

/* "3bn", "5.5mln": digits glued to a scale word (one ALNUM token). */
static int S_glued_scale(const nctx *c, size_t i, double *v, double *scale)
{
    const annal_token *t = S_tok(c, i);
    const char *s = c->v->norm + t->nstart;
    size_t n = t->nend - t->nstart, k = 0, digits = 0;
    double val = 0, frac = 0;
    uint32_t idx, f;

    while (k < n && ((s[k] >= '0' && s[k] <= '9') || (s[k] == '.' && !frac))) {
        if (s[k] == '.')
            frac = 1;
        else {
            val = val * 10 + (s[k] - '0');
            frac *= 10;
            digits++;
        }
        k++;
    }
    if (!digits || digits > NUM_MAX_DIGITS || k == n || k + 8 < n)
        return 0;
    idx = annal_lexicon_flagged(c->v->lx, s + k, n - k, &f);
    if (!(f & ANNAL_LF_SCALE))
        return 0;
    {
        annal_lex_entry e;
        annal_lexicon_entry_at(c->v->lx, idx - 1, &e);
        *scale = e.value;
    }
    *v = (frac ? val / frac : val) * *scale;
    return 1;
}

/* Value of a number word, hyphenated compounds included (twenty-seven). */
static int S_word_value(const nctx *c, size_t i, annal_lex_entry *e,
                        double *val)
{
    char low[TVIEW_MAX_WORD * 2 + 4];
    const char *dash;
    annal_lex_entry t, u;
    size_t n;

    if (S_entry(c, i, ANNAL_LF_NUMWORD | ANNAL_LF_SCALE | ANNAL_LF_DOZEN, e)) {
        *val = e->value;
        return 1;
    }
    if (!S_ok(c, i) || !(S_tok(c, i)->flags & ANNAL_TF_HYPHEN))
        return 0;
    n = annal_tview_lower(c->v, i, low, sizeof low);
    dash = n ? memchr(low, '-', n) : NULL;
    if (!dash || !annal_lexicon_find_flagged(c->v->lx, low, (size_t)(dash - low), &t) ||
        !(t.flags & ANNAL_LF_NUMWORD) || t.value < 20 ||
        !annal_lexicon_find_flagged(c->v->lx, dash + 1, n - (size_t)(dash - low) - 1, &u) ||
        !(u.flags & ANNAL_LF_NUMWORD) || u.value >= 10)
        return 0;
    memset(e, 0, sizeof *e);
    e->flags = ANNAL_LF_NUMWORD;
    *val = t.value + u.value;
    return 1;
}

/* Whether number word `val` may follow the running value `cur`: after a
 * scale anything may ("two hundred fifty"), and a units word may follow a
 * tens word ("twenty five"); "two three" is two figures. */
static int S_word_follows(double cur, int after_scale, double val)
{
    double tens = cur - 100 * (double)(long long)(cur / 100);

    if (cur == 0 || after_scale)
        return 1;
    return tens >= 20 && tens == 10 * (double)(long long)(tens / 10) && val < 10;
}

/* sixty thousand, two hundred and fifty, a hundred thousand, half a
 * million, a quarter of a million.  Words accumulate into `cur`; a scale
 * of 1000 or more moves cur * scale into `total`.  "and" joins only after
 * a scale ("two hundred and fifty", not "ten and twenty"). */
static size_t S_words(const nctx *c, size_t i, qty *q)
{
    double total = 0, cur = 0, val, scale = 1;
    annal_lex_entry e;
    size_t k = 0, last = 0;
    int any = 0, after_scale = 0, fraction = 0;

    {   /* "a dozen", "a hundred", "half a", "no one" open a figure */
        size_t pn = annal_tview_phrase(c->v, i, c->b, ANNAL_LF_NUMWORD, &e);
        if (pn) {
            cur = e.value;
            fraction = (e.flags & ANNAL_LF_FRACTION) != 0;
            k = last = pn;
            any = 1;
        }
    }
    while (k < NUM_MAX_WORDS) {
        if (any && after_scale && S_is(c, i + k, "and") &&
            S_word_value(c, i + k + 1, &e, &val) && (e.flags & ANNAL_LF_NUMWORD) && val < 100) {
            k++;
            after_scale = 1;
            continue;
        }
        if (!S_word_value(c, i + k, &e, &val))
            break;
        if (e.flags & ANNAL_LF_NUMWORD) {
            if (any && !S_word_follows(cur, after_scale, val))
                break;
            cur += val;
            fraction |= (e.flags & ANNAL_LF_FRACTION) != 0;
            after_scale = 0;
        } else if (e.flags & ANNAL_LF_DOZEN) {
            cur = (cur ? cur : 1) * 12;
            after_scale = 1;
        } else if (val < 1000) {
            cur = (cur ? cur : 1) * val;
            scale = val;
            after_scale = 1;
        } else {
            total += (cur ? cur : 1) * val;
            cur = 0;
            scale = val;
            after_scale = 1;
        }
        any = 1;
        last = ++k;
    }
    if (!any || last == 0 || (fraction && total + cur < 1))
        return 0;   /* "half" alone, "half an hour": not a count */
    q->v = total + cur;
    q->scale = scale;
    q->vague = 0;
    q->n = last;
    return last;
}

/* dozens, hundreds, tens of thousands, several, a few; and with a scale
 * after them: several hundred, a few thousand, tens of millions. */
static size_t S_vague(const nctx *c, size_t i, qty *q)
{
    annal_lex_entry e, f;
    size_t n = annal_tview_phrase(c->v, i, c->b, ANNAL_LF_VAGUE, &e);

    if (!n && S_entry(c, i, ANNAL_LF_VAGUE, &e))
        n = 1;
    if (!n)
        return 0;
    q->v = e.value;
    q->scale = 1;
    if (S_entry(c, i + n, ANNAL_LF_SCALE, &f)) {
        q->v *= f.value;
        q->scale = f.value;
        n++;
    } else if (S_is(c, i + n, "of") && S_entry(c, i + n + 1, ANNAL_LF_VAGUE, &f) &&
               f.value >= 1000) {
        q->v *= f.value;
        q->scale = f.value;
        n += 2;
    }
    q->vague = 1;
    q->n = n;
    return n;
}

/* One figure at token i. */
static size_t S_core(const nctx *c, size_t i, qty *q)
{
    double v;

    q->scale = 1;
    if (S_digits(c, i, &v)) {
        size_t k = 1 + S_scales(c, i + 1, &v, &q->scale);
        q->v = v;
        q->vague = 0;
        q->n = k;
        return k;
    }
    if (S_ok(c, i) && S_tok(c, i)->type == ANNAL_TOK_ALNUM && S_glued_scale(c, i, &v, &q->scale)) {
        q->v = v;
        q->vague = 0;
        q->n = 1;
        return 1;
    }
    if (S_vague(c, i, q))
        return q->n;
    return S_words(c, i, q);
}

/* A currency sign token at i: $ £ € ¥ ₹. */
static int S_money_sign(const nctx *c, size_t i)
{
    static const char *const money[] = {"$", "\xc2\xa3", "\xe2\x82\xac", "\xc2\xa5",
                                        "\xe2\x82\xb9", NULL};
    const annal_token *t;

    if (!S_ok(c, i) || (t = S_tok(c, i))->type != ANNAL_TOK_SYMBOL)
        return 0;
    for (size_t k = 0; money[k]; k++)
        if (strlen(money[k]) == t->nend - t->nstart &&
            memcmp(money[k], c->v->norm + t->nstart, t->nend - t->nstart) == 0)
            return 1;
    return 0;
}

/* A second figure that closes a range after the first (ending at j):
 * "10-20", "10 to 20", "two or three", "between $300 million and $500
 * million".  A scale written only after the second figure belongs to
 * both: "1.5 to 2 million" is 1,500,000 to 2,000,000. */
static size_t S_range(const nctx *c, size_t j, int between, qty *q1, qty *q2)
{
    size_t k, sign;
    const annal_token *t;

    if (!S_ok(c, j))
        return 0;
    t = S_tok(c, j);
    if (t->type == ANNAL_TOK_DASH) {
        if (t->nend - t->nstart != 1)
            return 0;
    } else if (t->type != ANNAL_TOK_WORD ||
               !(S_is(c, j, "to") || S_is(c, j, "or") || (between && S_is(c, j, "and")))) {
        return 0;
    }
    sign = (size_t)S_money_sign(c, j + 1);
    k = S_core(c, j + 1 + sign, q2);
    if (!k || q1->vague || q2->vague)
        return 0;
    if (q1->scale == 1 && q2->scale > 1 && q1->v * q2->scale < q2->v + 1e-9)
        q1->v *= q2->scale, q1->scale = q2->scale;
    return q2->v > q1->v ? 1 + sign + k : 0;
}

static int S_push(const nctx *c, annal_numvec *out, size_t first, size_t last,
                  uint32_t sent, annal_number *num)
{
    void *p = out->v;

    if (annal_grow(out->alloc, &p, &out->cap, sizeof *num, out->n + 1))
        return -1;
    out->v = p;
    num->start = S_tok(c, first)->start;
    num->end = S_tok(c, last)->end;
    num->sentence = sent;
    num->first_token = (uint32_t)first;
    num->ntokens = (uint32_t)(last - first + 1);
    out->v[out->n++] = *num;
    return 0;
}

/* Bounds from the qualifier (see the file comment). */
static void S_bounds(annal_number *num, double v)
{
    num->number = v;
    switch (num->qualifier) {
    case ANNAL_Q_EXACT:
    case ANNAL_Q_ABOUT:
        num->low = num->high = v;
        num->has_low = num->has_high = 1;
        break;
    case ANNAL_Q_MORE_THAN:
    case ANNAL_Q_AT_LEAST:
        num->low = v;
        num->has_low = 1;
        break;
    case ANNAL_Q_LESS_THAN:
    case ANNAL_Q_UP_TO:
        num->high = v;
        num->has_high = 1;
        break;
    default:
        break;
    }
}

/* The unit after the figure: 5%, 5 percent, 5 pct, 5 dollars. */
static size_t S_unit(const nctx *c, size_t after, annal_number *num)
{
    annal_lex_entry e;
    size_t n;

    if (!(annal_tview_flags(c->v, after) & (ANNAL_LF_UNIT | ANNAL_LF_PHRASE)) &&
        !(S_ok(c, after) && S_tok(c, after)->type == ANNAL_TOK_SYMBOL))
        return 0;
    if (S_is(c, after, "%")) {
        num->unit = ANNAL_UNIT_PERCENT;
        return 1;
    }
    n = annal_tview_phrase(c->v, after, c->b, ANNAL_LF_UNIT, &e);
    if (!n && S_entry(c, after, ANNAL_LF_UNIT, &e))
        n = 1;
    if (n)
        num->unit = (uint8_t)e.aux;
    return n;
}

/* A figure that names rather than counts: "Resolution 822", "No. 10",
 * or a time of day, "7 p.m." */
static int S_not_a_count(const nctx *c, size_t core, size_t after)
{
    const annal_token *t;

    if (core > c->a && (annal_tview_flags(c->v, core - 1) & ANNAL_LF_IDHEAD))
        return 1;
    if (!S_ok(c, after))
        return 0;
    t = S_tok(c, after);
    if (t->type == ANNAL_TOK_ACRONYM || t->type == ANNAL_TOK_ABBREV)
        return S_is(c, after, "a.m.") || S_is(c, after, "p.m.") || S_is(c, after, "a.m") ||
               S_is(c, after, "p.m");
    return t->type == ANNAL_TOK_WORD && S_is(c, after, "o'clock");
}

/* Tries a quantity starting at token i; returns tokens consumed. */
static size_t S_quantity(const nctx *c, size_t i, uint32_t sent,
                         annal_numvec *out, int *err)
{
    annal_number num;
    annal_lex_entry e;
    qty q1, q2;
    size_t start = i, j = i, k, r;
    int between = 0;

    memset(&num, 0, sizeof num);
    k = annal_tview_phrase(c->v, j, c->b, ANNAL_LF_QUAL, &e);
    if (!k && S_entry(c, j, ANNAL_LF_QUAL, &e))
        k = 1;
    if (k) {
        num.qualifier = (uint8_t)e.aux;
        j += k;
    } else if ((annal_tview_flags(c->v, j) & ANNAL_LF_RANGE) &&
               (S_is(c, j, "between") || S_is(c, j, "from"))) {
        between = S_is(c, j, "between");
        j++;
    }
    if (j > i && S_money_sign(c, j)) {   /* "between $300 million and ..." */
        num.unit = ANNAL_UNIT_MONEY;
        j++;
    }
    if (!(k = S_core(c, j, &q1)))
        return 0;
    if (S_not_a_count(c, j, j + k))
        return k + (j - start);
    j += k;
    if (!num.qualifier && (r = S_range(c, j, between, &q1, &q2))) {
        num.qualifier = ANNAL_Q_RANGE;
        num.number = num.low = q1.v;
        num.high = q2.v;
        num.has_low = num.has_high = 1;
        j += r;
    } else {
        if (between || (i < j && !num.qualifier && (annal_tview_flags(c->v, i) & ANNAL_LF_RANGE) &&
                         S_is(c, i, "from")))
            i++;   /* "between"/"from" without a range is not part of it */
        if (!num.qualifier && S_is(c, j, "or")) {
            if (S_is(c, j + 1, "more")) {
                num.qualifier = ANNAL_Q_AT_LEAST;
                j += 2;
            } else if (S_is(c, j + 1, "so")) {
                num.qualifier = ANNAL_Q_ABOUT;
                j += 2;
            }
        }
        if (q1.vague && num.qualifier == ANNAL_Q_EXACT)
            num.qualifier = q1.v < 10 ? ANNAL_Q_ABOUT : ANNAL_Q_AT_LEAST;
        S_bounds(&num, q1.v);
        num.vague = (uint8_t)q1.vague;
    }
    j += S_unit(c, j, &num);
    if (i > c->a && S_money_sign(c, i - 1)) {   /* "$5 million": the sign too */
        num.unit = ANNAL_UNIT_MONEY;
        i--;
    }
    if (S_push(c, out, i, j - 1, sent, &num))
        *err = 1;
    return j - start;
}

/* Flags of words that open quantities on their own. */
#define NUM_START_FLAGS (ANNAL_LF_QUAL | ANNAL_LF_NUMWORD | ANNAL_LF_SCALE | \
                         ANNAL_LF_DOZEN | ANNAL_LF_VAGUE)

/* A cheap test before the parsers: can a quantity start at token i?
 * Phrase-only words ("more", "a") qualify when a number phrase starts
 * there; range words only as "between" or "from" before a figure. */
static int S_may_start(const nctx *c, size_t i)
{
    const annal_token *t = S_tok(c, i);
    annal_lex_entry e;
    uint32_t f;

    if (t->type == ANNAL_TOK_NUMBER)
        return 1;
    if (t->type == ANNAL_TOK_ALNUM)   /* 3bn */
        return (unsigned)(c->v->norm[t->nstart] - '0') < 10u;
    if (!ANNAL_TOK_IS_WORDLIKE(t->type))
        return 0;
    if (t->flags & ANNAL_TF_HYPHEN)
        return 1;   /* twenty-seven */
    f = annal_tview_flags(c->v, i);
    if (f & NUM_START_FLAGS)
        return 1;
    if ((f & ANNAL_LF_PHRASE) &&
        annal_tview_phrase(c->v, i, c->b, ANNAL_LF_QUAL | ANNAL_LF_NUMWORD | ANNAL_LF_VAGUE, &e))
        return 1;
    if (!(f & ANNAL_LF_RANGE) || !(S_is(c, i, "between") || S_is(c, i, "from")))
        return 0;
    i += (size_t)S_money_sign(c, i + 1);
    return i + 1 < c->b && (S_tok(c, i + 1)->type == ANNAL_TOK_NUMBER ||
                            (annal_tview_flags(c->v, i + 1) & NUM_START_FLAGS));
}

annal_status annal_find_numbers(const annal_tview *v, const annal_sentence *s,
                                uint32_t sent_index, const uint32_t *cand,
                                size_t ncand, uint8_t *used,
                                annal_numvec *out)
{
    nctx c = {v, s->first_token, (size_t)s->first_token + s->ntokens, used};
    size_t next = c.a;   /* tokens before it belong to a quantity */
    int err = 0;

    for (size_t k = 0; k < ncand; k++) {
        size_t i = cand[k], n;
        if (i < next || used[i])
            continue;
        /* a word with no number flags */
        if (v->cache && !(v->cache[i].flags & (NUM_START_FLAGS | ANNAL_LF_RANGE)) &&
            !v->cache[i].phr_idx && v->toks[i].type != ANNAL_TOK_NUMBER &&
            v->toks[i].type != ANNAL_TOK_ALNUM && !(v->toks[i].flags & ANNAL_TF_HYPHEN))
            continue;
        n = S_may_start(&c, i) ? S_quantity(&c, i, sent_index, out, &err) : 0;
        if (err)
            return ANNAL_ENOMEM;
        if (n)
            next = i + n;
    }
    return ANNAL_OK;
}
