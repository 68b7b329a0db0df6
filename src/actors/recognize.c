/*
 * recognize.c - the ACTORS stage (see recognize.h; rules in
 * docs/actors.md).
 *
 * One sentence at a time, in three passes over its tokens:
 *
 *   tokens   the  Azerbaijani  Foreign  Ministry  said  Armenian  forces
 *   units         [ADJ AZE]    [ROLE GOV.......]        [ADJ ARM] [MIL ]
 *   groups   [the Azerbaijani Foreign Ministry]         [Armenian forces]
 *   codes    AZEGOV (composed)                          ARMMIL (composed)
 *
 * Units are the longest dictionary phrases (table.h), resolved for the
 * document's day; a person's surname seen earlier in the document and
 * the pronouns "he"/"she" become units too, marked as references.  A
 * group is a run of adjacent units read with the grammar in recognize.h;
 * each group gives zero, one, or (for "Armenian and Azerbaijani troops")
 * several mentions.  References are resolved against the mentions already
 * found, so they only ever point back.
 */
#include <stdio.h>
#include <string.h>

#include "recognize.h"
#include "../core/alloc.h"
#include "../core/calendar.h"
#include "../lex/lexicon.h"

/* Unit kinds private to this file, above the ANNAL_AE_* bits. */
#define S_UK_SURNAME (1u << 28)   /* a remembered person's surname */
#define S_UK_PRONOUN (1u << 29)   /* "he", "she" */

#define S_KEY_CAP (ANNAL_AK_MAX_BYTES * 2 + 8)
#define S_RULE_CAP 320
#define S_SURNAME_MAX 48      /* bytes of a remembered surname */

/* A person remembered for surname references. */
typedef struct S_person {
    char surname[S_SURNAME_MAX];
    size_t len;
    size_t mention;        /* index into out->v */
} S_person;

typedef struct S_ctx {
    const annal_actor_input *in;
    const annal_actor_table *t;
    annal_actorvec *out;
    int has_day;
    int32_t day;
    uint32_t sent;          /* current sentence */
    uint32_t loc_end;       /* token after the last mention dropped as a place */
    S_person people[ANNAL_ACTOR_MAX_SURNAMES];
    size_t npeople;
} S_ctx;

/* A group being read: unit range and what was seen. */
typedef struct S_group {
    size_t u0, u1;                     /* units [u0, u1) */
    uint32_t first, last;              /* token range */
    size_t ctry[ANNAL_ACTOR_MAX_COUNTRIES];  /* country units */
    size_t nctry;
    int ctry_adj;                      /* the countries are adjectives */
    int former;
    size_t role0, role1, nroles;       /* first and last role unit */
    int generic;
    long named;                        /* the named unit, or -1 */
    int title_name;                    /* a title then an unknown name */
    int roles_after;                   /* the role words follow the named
                                          actor ("NATO troops") */
} S_group;

/* ---- tokens ----------------------------------------------------------- */

static const annal_token *S_tok(const S_ctx *c, size_t i) { return &c->in->toks[i]; }

/* The token's text in the normalised text, an abbreviation's period
 * dropped ("Gen." -> "Gen"). */
static const char *S_text(const S_ctx *c, size_t i, size_t *n)
{
    const annal_token *t = S_tok(c, i);
    *n = t->nend - t->nstart - (t->type == ANNAL_TOK_ABBREV);
    return c->in->norm + t->nstart;
}

/* 1 if token i is w (lower case, ASCII) in any case. */
static int S_is(const S_ctx *c, size_t i, uint32_t end, const char *w)
{
    size_t n, wn = strlen(w);
    const char *s;

    if (i >= end)
        return 0;
    s = S_text(c, i, &n);
    if (n != wn)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char ch = s[k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if (ch != w[k])
            return 0;
    }
    return 1;
}

static int S_is_cap(const S_ctx *c, size_t i)
{
    return (S_tok(c, i)->flags & (ANNAL_TF_CAP | ANNAL_TF_UPPER)) != 0;
}

static int S_is_word(const S_ctx *c, size_t i)
{
    unsigned ty = S_tok(c, i)->type;
    return ANNAL_TOK_IS_WORDLIKE(ty) && ty != ANNAL_TOK_CLITIC;
}

/* ---- units ------------------------------------------------------------ */

static annal_status S_push_unit(S_ctx *c, const annal_actor_unit *u)
{
    annal_actorvec *o = c->out;
    void *p = o->units;

    if (annal_grow(o->alloc, &p, &o->units_cap, sizeof *o->units, o->nunits + 1))
        return ANNAL_ENOMEM;
    o->units = p;
    o->units[o->nunits++] = *u;
    return ANNAL_OK;
}

static void S_set_code(annal_actor_unit *u, const char *code, size_t n)
{
    if (n > ANNAL_CODE_MAX)
        n = ANNAL_CODE_MAX;
    memcpy(u->code, code, n);
    u->code[n] = '\0';
}

/* A dictionary value may stand at tokens [i, j]: names of countries and
 * of people must be written with a capital somewhere ("china" the
 * porcelain, "turkey" the bird, "bush" the plant) unless the entry is
 * CASE.  Named bodies need none: their lower-case entries are nouns
 * ("peacekeepers", "the international community"). */
static int S_value_fits(const S_ctx *c, const annal_actor_value *v, size_t i, size_t j)
{
    if (!(v->kind & (ANNAL_AE_COUNTRY | ANNAL_AE_PERSON)) || (v->kind & ANNAL_AE_CASE))
        return 1;
    for (size_t k = i; k <= j; k++)
        if (S_is_cap(c, k))
            return 1;
    return 0;
}

/* The longest dictionary unit starting at token i (before end): fills u
 * and returns its token count, or 0. */
static size_t S_match(const S_ctx *c, size_t i, size_t end, annal_actor_unit *u)
{
    char key[S_KEY_CAP], surf[S_KEY_CAP];
    size_t kn = 0, sn = 0, best = 0;

    for (size_t j = i; j < end && j - i < c->t->max_words; j++) {
        size_t n;
        const char *s = S_text(c, j, &n);
        int prefix_only = 0, more = 0;
        int64_t k;
        annal_actor_value v;

        if (n == 0 || sn + n + 1 >= ANNAL_AK_MAX_BYTES || kn + 2 * n + 6 > sizeof key)
            break;
        if (j > i && (S_tok(c, j)->flags & ANNAL_TF_SPACE_BEFORE)) {
            key[kn++] = ' ';
            surf[sn++] = ' ';
        }
        kn += annal_lowercase(s, n, key + kn, sizeof key - kn);
        memcpy(surf + sn, s, n);
        sn += n;
        k = annal_actor_find(c->t, key, kn, &prefix_only, &more);
        if (k < 0)
            break;
        if (!prefix_only && annal_actor_resolve(c->t, (uint32_t)k, surf, sn, c->has_day, c->day, &v) &&
            S_value_fits(c, &v, i, j)) {
            best = j - i + 1;
            u->first = (uint32_t)i;
            u->last = (uint32_t)j;
            u->kind = v.kind;
            S_set_code(u, v.code, v.code_len);
            u->origin = v.origin;
            u->origin_len = v.origin_len;
            u->from = v.from;
            u->until = v.until;
        }
        if (!more)
            break;
    }
    return best;
}

/* A remembered surname at token i: the person's mention index, or -1. */
static long S_surname(const S_ctx *c, size_t i)
{
    size_t n;
    const char *s = S_text(c, i, &n);

    if (!S_is_cap(c, i))
        return -1;
    for (size_t k = c->npeople; k-- > 0;)
        if (c->people[k].len == n && memcmp(c->people[k].surname, s, n) == 0)
            return (long)c->people[k].mention;
    return -1;
}

/* Pass 1: the units of tokens [first, end). */
static annal_status S_units(S_ctx *c, size_t first, size_t end)
{
    c->out->nunits = 0;
    for (size_t i = first; i < end;) {
        annal_actor_unit u;
        size_t n = 0;
        long m;

        if (!S_is_word(c, i)) {
            i++;
            continue;
        }
        memset(&u, 0, sizeof u);
        n = S_match(c, i, end, &u);
        if (!n && (m = S_surname(c, i)) >= 0) {
            const annal_actor *a = &c->out->v[m];
            u.first = u.last = (uint32_t)i;
            u.kind = ANNAL_AE_CODE | ANNAL_AE_PERSON | S_UK_SURNAME;
            S_set_code(&u, a->code, strlen(a->code));
            u.from = (int32_t)m;          /* the antecedent, for S_UK_SURNAME */
            n = 1;
        } else if (!n && (S_is(c, i, (uint32_t)end, "he") || S_is(c, i, (uint32_t)end, "she"))) {
            u.first = u.last = (uint32_t)i;
            u.kind = S_UK_PRONOUN;
            n = 1;
        }
        if (n && S_push_unit(c, &u))
            return ANNAL_ENOMEM;
        i += n ? n : 1;
    }
    return ANNAL_OK;
}

/* ---- groups ----------------------------------------------------------- */

static const annal_actor_unit *S_unit(const S_ctx *c, size_t u) { return &c->out->units[u]; }

static int S_is_ctry(const annal_actor_unit *u) { return (u->kind & ANNAL_AE_COUNTRY) != 0; }
static int S_is_role(const annal_actor_unit *u) { return (u->kind & ANNAL_AE_ROLE) != 0; }
static int S_is_named(const annal_actor_unit *u) { return (u->kind & ANNAL_AE_CODE) != 0; }

/* Reads the countries at unit u: "Armenian", "Armenian and Azerbaijani",
 * "Azerbaijan".  Returns the unit after them; g->last is their last
 * token. */
static size_t S_read_countries(const S_ctx *c, S_group *g, size_t u, uint32_t end)
{
    const annal_actor_unit *x = S_unit(c, u);

    g->ctry[g->nctry++] = u;
    g->ctry_adj = (x->kind & ANNAL_AE_ADJ) != 0;
    g->last = x->last;
    if (!g->ctry_adj)
        return u + 1;
    /* adjectives joined by "and", "or" or "," */
    while (u + 1 < c->out->nunits && g->nctry < ANNAL_ACTOR_MAX_COUNTRIES) {
        const annal_actor_unit *y = S_unit(c, u + 1);
        uint32_t gap = S_unit(c, u)->last + 1;
        if (!(y->kind & ANNAL_AE_ADJ) || y->first == gap)
            break;
        if (!(y->first == gap + 1 && (S_is(c, gap, end, "and") || S_is(c, gap, end, "or") ||
                                      S_is(c, gap, end, ","))) &&
            !(y->first == gap + 2 && S_is(c, gap, end, ",") && S_is(c, gap + 1, end, "and")))
            break;
        g->ctry[g->nctry++] = ++u;
        g->last = y->last;
    }
    return u + 1;
}

/* 1 if tokens [from, to) may stand between a country and its role
 * words: at most ANNAL_ACTOR_MAX_MODIFIERS words that can be adjectives
 * or nouns and nothing else that would end the phrase (a verb, a
 * preposition, a determiner ...): "heavy" in "Armenian heavy artillery",
 * "Vice" in "Taiwan's Vice Foreign Minister".  Needs the LEX stage. */
static int S_modifiers(const S_ctx *c, uint32_t from, uint32_t to)
{
    const uint32_t stop = ANNAL_POS_VERB | ANNAL_POS_DET | ANNAL_POS_PRON | ANNAL_POS_PREP |
                          ANNAL_POS_AUX | ANNAL_POS_CONJ | ANNAL_POS_SCONJ | ANNAL_POS_PART |
                          ANNAL_POS_NUM;
    const uint32_t ok = ANNAL_POS_ADJ | ANNAL_POS_NOUN | ANNAL_POS_PROPN;

    if (to <= from || to - from > ANNAL_ACTOR_MAX_MODIFIERS)
        return 0;
    for (uint32_t i = from; i < to; i++) {
        uint32_t pos = S_tok(c, i)->pos;
        if (!S_is_word(c, i) || (pos & stop) || !(pos & ok))
            return 0;
    }
    return 1;
}

/* Tokens after a title that look like a name not in the dictionary:
 * capitalised words (and initials), at most ANNAL_ACTOR_MAX_NAME.
 * Returns the last such token, or `after` - 1 when there is none. */
static uint32_t S_unknown_name(const S_ctx *c, uint32_t after, uint32_t end, size_t next_unit)
{
    uint32_t i = after;
    uint32_t stop = next_unit < c->out->nunits ? S_unit(c, next_unit)->first : end;

    while (i < end && i < stop && i - after < ANNAL_ACTOR_MAX_NAME && S_is_word(c, i) &&
           S_is_cap(c, i) && (i == after || S_tok(c, i)->flags & ANNAL_TF_SPACE_BEFORE))
        i++;
    return i - 1;
}

/* Pass 2, one group: reads units from u; returns the unit after it.
 * `at` is the token where the next unit must start to belong. */
static size_t S_read_group(const S_ctx *c, S_group *g, size_t u, uint32_t end)
{
    size_t n = c->out->nunits;
    uint32_t at;

    memset(g, 0, sizeof *g);
    g->named = -1;
    g->u0 = u;
    g->first = S_unit(c, u)->first;
    g->last = S_unit(c, u)->last;
    if (S_unit(c, u)->kind & (S_UK_PRONOUN | ANNAL_AE_GENERIC)) {
        g->u1 = u + 1;
        return u + 1;
    }
    at = g->first;
    if (S_unit(c, u)->kind & ANNAL_AE_FORMER) {
        g->former = 1;
        at = g->last + 1;
        if (++u >= n || S_unit(c, u)->first != at) {
            g->u1 = u;
            return u;
        }
    }
    if (S_is_ctry(S_unit(c, u))) {
        /* what follows the countries: at once, after "'s" ("Azerbaijan's
         * Foreign Ministry"), or, for role words, after modifiers
         * ("Armenian heavy artillery", "Taiwan's Vice Foreign Minister") */
        const annal_actor_unit *y;
        u = S_read_countries(c, g, u, end);
        at = g->last + 1;
        if (!g->ctry_adj && S_is(c, at, end, "'s"))
            at++;
        if (u >= n || ((y = S_unit(c, u))->first != at &&
                       !(S_is_role(y) && S_modifiers(c, at, y->first)))) {
            g->u1 = u;
            return u;
        }
        at = y->first;
    }
    /* role words: "Foreign Ministry", "army spokesman" */
    while (u < n && S_unit(c, u)->first == at && S_is_role(S_unit(c, u)) &&
           !S_is_named(S_unit(c, u))) {
        if (!g->nroles)
            g->role0 = u;
        g->role1 = u;
        g->nroles++;
        g->last = S_unit(c, u)->last;
        at = g->last + 1;
        u++;
    }
    if (u < n && S_unit(c, u)->first == at && (S_unit(c, u)->kind & ANNAL_AE_GENERIC)) {
        if (g->nctry) {
            g->generic = 1;
            g->last = S_unit(c, u)->last;
            u++;
        }
    } else if (u < n && S_unit(c, u)->first == at && S_is_named(S_unit(c, u))) {
        g->named = (long)u;
        g->last = S_unit(c, u)->last;
        at = g->last + 1;
        u++;
        /* an organisation's people: "NATO troops", "UN peacekeepers" */
        if (!g->nroles && !(S_unit(c, (size_t)g->named)->kind & ANNAL_AE_PERSON))
            while (u < n && S_unit(c, u)->first == at && S_is_role(S_unit(c, u)) &&
                   !S_is_named(S_unit(c, u))) {
                if (!g->nroles)
                    g->role0 = u;
                g->role1 = u;
                g->nroles++;
                g->roles_after = 1;
                g->last = S_unit(c, u)->last;
                at = g->last + 1;
                u++;
            }
    } else if (g->nroles && (S_unit(c, g->role1)->kind & ANNAL_AE_TITLE)) {
        uint32_t nl = S_unknown_name(c, at, end, u);
        if (nl + 1 > at) {
            g->title_name = 1;
            g->last = nl;
        }
    }
    /* "the President of Azerbaijan", "the armed forces of Armenia",
     * "police in Kenya" */
    if (g->nroles && !g->nctry && g->named < 0 && !g->title_name && u < n &&
        (S_is(c, g->last + 1, end, "of") || S_is(c, g->last + 1, end, "in"))) {
        uint32_t to = g->last + 2 + (uint32_t)S_is(c, g->last + 2, end, "the");
        const annal_actor_unit *y = S_unit(c, u);
        if (y->first == to && S_is_ctry(y) && !(y->kind & ANNAL_AE_ADJ)) {
            g->ctry[g->nctry++] = u;
            g->last = y->last;
            u++;
        }
    }
    g->u1 = u > g->u0 ? u : g->u0 + 1;
    return g->u1;
}

/* ---- coding ----------------------------------------------------------- */

/* The role string of the group's role words: the last word's role, but
 * a primary role other than GOV on the first word wins ("army
 * spokesman" MIL, "police chief" COP, "opposition leader" OPP). */
static const char *S_group_role(const S_ctx *c, const S_group *g)
{
    const annal_actor_unit *a = S_unit(c, g->role0), *b = S_unit(c, g->role1);
    int primary = 0;

    if (g->nroles > 1 && annal_role_code(a->code, &primary) && primary &&
        memcmp(a->code, "GOV", 3) != 0)
        return a->code;
    return b->code;
}

/* Splits code into its country part and first role part (annal.h). */
static void S_split(annal_actor *a)
{
    const char *s = a->code;
    size_t n = strlen(s), r = 3;

    a->country[0] = a->role[0] = '\0';
    if (n < 3)
        return;
    if (annal_role_code(s, NULL) && !annal_intl_code(s))
        r = 0;
    else if (!annal_intl_code(s)) {
        memcpy(a->country, s, 3);
        a->country[3] = '\0';
    }
    if (r + 3 <= n && annal_role_code(s + r, NULL)) {
        memcpy(a->role, s + r, 3);
        a->role[3] = '\0';
    }
}

/* Appends "file:line" of unit u to the rule buffer. */
static void S_rule_add(const S_ctx *c, char *buf, size_t *len, size_t u)
{
    const annal_actor_unit *x = S_unit(c, u);
    size_t room = S_RULE_CAP - *len;
    int w;

    if (!x->origin_len)
        return;
    w = snprintf(buf + *len, room, "%s%.*s", buf[*len - 1] == ' ' ? "" : " + ",
                 (int)x->origin_len, x->origin);
    if (w > 0)
        *len += (size_t)w < room ? (size_t)w : room - 1;
}

static annal_status S_emit(S_ctx *c, const S_group *g, const char *code, size_t code_len,
                           unsigned how, int person, long antecedent, const char *rule)
{
    annal_actorvec *o = c->out;
    const annal_token *t0, *t1;
    uint32_t first = g->first;
    annal_actor *a;
    void *p = o->v;

    if (code_len == 0)
        return ANNAL_OK;
    if (annal_grow(o->alloc, &p, &o->cap, sizeof *o->v, o->n + 1))
        return ANNAL_ENOMEM;
    o->v = p;
    /* the span takes a determiner: "the Armenian side" */
    if (first > c->in->sents[c->sent].first_token && S_is(c, first - 1, first, "the"))
        first--;
    t0 = S_tok(c, first);
    t1 = S_tok(c, g->last);
    a = &o->v[o->n];
    memset(a, 0, sizeof *a);
    a->start = t0->start;
    a->end = t1->end;
    a->sentence = c->sent;
    a->first_token = first;
    a->ntokens = g->last - first + 1;
    if (code_len > ANNAL_ACTOR_CODE_MAX)
        code_len = ANNAL_ACTOR_CODE_MAX;
    memcpy(a->code, code, code_len);
    a->code[code_len] = '\0';
    S_split(a);
    a->how = (uint8_t)how;
    a->person = (uint8_t)person;
    a->antecedent = (int32_t)antecedent;
    if (!(a->rule = annal_arena_strndup(c->in->arena, rule, strlen(rule))))
        return ANNAL_ENOMEM;
    o->n++;
    return ANNAL_OK;
}

/* Remembers a person mention's last name word for later references. */
static void S_remember(S_ctx *c, uint32_t last_tok, size_t mention)
{
    size_t n;
    const char *s = S_text(c, last_tok, &n);
    S_person *p;

    if (n == 0 || n >= S_SURNAME_MAX || !S_is_cap(c, last_tok))
        return;
    if (c->npeople == ANNAL_ACTOR_MAX_SURNAMES) {
        memmove(c->people, c->people + 1, (c->npeople - 1) * sizeof c->people[0]);
        c->npeople--;
    }
    p = &c->people[c->npeople++];
    memcpy(p->surname, s, n);
    p->len = n;
    p->mention = mention;
}

/* The latest mention within `window` sentences: with `role`, one with a
 * country in that role, preferring one that names the role in words
 * ("the Azerbaijani Foreign Ministry") over a capital ("Baku"); without,
 * the latest person. */
static long S_look_back(const S_ctx *c, uint32_t window, const char *role)
{
    long any = -1;

    for (size_t m = c->out->n; m-- > 0;) {
        const annal_actor *a = &c->out->v[m];
        if (a->sentence + window < c->sent)
            break;
        if (!role) {
            if (a->person)
                return (long)m;
        } else if (a->country[0] && !a->person && memcmp(a->role, role, 3) == 0) {
            if (a->how != ANNAL_AH_NAME)
                return (long)m;
            if (any < 0)
                any = (long)m;
        }
    }
    return any;
}

/* A pronoun: the latest person within ANNAL_ACTOR_PRONOUN_WINDOW. */
static annal_status S_code_pronoun(S_ctx *c, const S_group *g)
{
    long m = S_look_back(c, ANNAL_ACTOR_PRONOUN_WINDOW, NULL);
    char rule[S_RULE_CAP];
    const annal_actor *a;

    if (m < 0)
        return ANNAL_OK;
    a = &c->out->v[m];
    snprintf(rule, sizeof rule, "coref: pronoun -> mention %ld (%s)", m, a->code);
    return S_emit(c, g, a->code, strlen(a->code), ANNAL_AH_COREF, 1, m, rule);
}

/* 1 if a code has a role part after its first part ("AZEGOV", not
 * "IGOUNO" or "ARM"). */
static int S_has_role(const char *code)
{
    for (size_t i = 3; code[i] && code[i + 1] && code[i + 2]; i += 3)
        if (annal_role_code(code + i, NULL))
            return 1;
    return 0;
}

/* A named unit: its code; "former" makes a country's person ELI. */
static annal_status S_code_named(S_ctx *c, const S_group *g)
{
    const annal_actor_unit *x = S_unit(c, (size_t)g->named);
    char code[ANNAL_CODE_MAX + 1], rule[S_RULE_CAP];
    size_t n = strlen(x->code), len;
    unsigned how = ANNAL_AH_NAME;
    long ante = -1;
    int person = (x->kind & ANNAL_AE_PERSON) != 0;

    memcpy(code, x->code, n + 1);
    if (g->roles_after && !S_has_role(code)) {
        const char *role = S_group_role(c, g);
        size_t rl = strlen(role);
        if (n + rl <= ANNAL_CODE_MAX) {
            memcpy(code + n, role, rl + 1);
            n += rl;
        }
    }
    /* "President Mugabe" in a text with no date (or one the dictionary
     * has him out of office on): the title says he holds the office */
    if (person && g->nroles && !g->roles_after && !g->former && n >= 3 &&
        (n == 3 || memcmp(code + 3, "ELI", 3) == 0) && !annal_intl_code(code)) {
        const char *role = S_group_role(c, g);
        size_t rl = strlen(role);
        if (3 + rl <= ANNAL_CODE_MAX) {
            memcpy(code + 3, role, rl + 1);
            n = 3 + rl;
        }
    }
    if (g->former && n >= 3 && !annal_intl_code(code) && !annal_role_code(code, NULL)) {
        memcpy(code + 3, "ELI", 4);
        n = 6;
    }
    if (x->kind & S_UK_SURNAME) {
        ante = x->from;
        how = ANNAL_AH_COREF;
        len = (size_t)snprintf(rule, sizeof rule, "coref: surname -> mention %ld", ante);
    } else {
        len = (size_t)snprintf(rule, sizeof rule, "%s: ", g->former ? "named+former" : "named");
        for (size_t u = g->u0; u < g->u1; u++)
            S_rule_add(c, rule, &len, u);
    }
    if (S_emit(c, g, code, n, how, person, ante, rule))
        return ANNAL_ENOMEM;
    if (person && c->out->n && x->last > x->first)
        S_remember(c, x->last, c->out->n - 1);
    return ANNAL_OK;
}

/* Roles, with or without countries, and a title before an unknown name. */
static annal_status S_code_roles(S_ctx *c, const S_group *g)
{
    const char *role = S_group_role(c, g);
    char code[ANNAL_CODE_MAX + 8], rule[S_RULE_CAP];
    size_t rl = strlen(role), len;
    unsigned how = g->title_name ? ANNAL_AH_TITLE : g->nctry ? ANNAL_AH_COMPOSED : ANNAL_AH_ROLE;

    if (g->former) {
        role = "ELI";
        rl = 3;
    }
    len = (size_t)snprintf(rule, sizeof rule, "%s: ", annal_actor_how_name(how));
    for (size_t u = g->u0; u < g->u1; u++)
        S_rule_add(c, rule, &len, u);
    if (!g->nctry) {
        /* "the ministry": the country of the latest mention in that role */
        long m = -1;
        if (!g->title_name && g->first > c->in->sents[c->sent].first_token &&
            S_is(c, g->first - 1, g->first, "the"))
            m = S_look_back(c, ANNAL_ACTOR_COREF_WINDOW, role);
        if (m >= 0) {
            memcpy(code, c->out->v[m].country, 3);
            memcpy(code + 3, role, rl);
            snprintf(rule + len, sizeof rule - len, " + coref -> mention %ld", m);
            return S_emit(c, g, code, 3 + rl, ANNAL_AH_COREF, 0, m, rule);
        }
        if (S_emit(c, g, role, rl, how, g->title_name, -1, rule))
            return ANNAL_ENOMEM;
        if (g->title_name && c->out->n)
            S_remember(c, g->last, c->out->n - 1);
        return ANNAL_OK;
    }
    for (size_t k = 0; k < g->nctry; k++) {
        const annal_actor_unit *x = S_unit(c, g->ctry[k]);
        size_t cn = strlen(x->code);
        memcpy(code, x->code, cn);
        memcpy(code + cn, role, rl);
        if (S_emit(c, g, code, cn + rl, how, g->title_name, -1, rule))
            return ANNAL_ENOMEM;
        if (g->title_name && c->out->n)
            S_remember(c, g->last, c->out->n - 1);
    }
    return ANNAL_OK;
}

/* A preposition of place before a bare country or capital: "in Baku",
 * "the territory of Armenia" (a country that owns a role was taken by
 * S_read_group already: "the President of Azerbaijan"); also the second
 * of "in Baku and Yerevan". */
static int S_after_place_word(const S_ctx *c, uint32_t first)
{
    static const char *const words[] = {"in", "at", "near", "inside", "outside", "across",
                                        "throughout", "within", "around", "into", "via", "of"};
    uint32_t s0 = c->in->sents[c->sent].first_token;

    if (first > s0 && S_is(c, first - 1, first, "the"))
        first--;
    if (first <= s0)
        return 0;
    if (first == c->loc_end + 2 && (S_is(c, first - 1, first, "and") || S_is(c, first - 1, first, ",")))
        return 1;   /* "in Baku and Yerevan" */
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (S_is(c, first - 1, first, words[k]))
            return 1;
    return 0;
}

/* Countries on their own: each a mention; a capital stands for the
 * government ("Baku said": AZEGOV) unless it is the place where something
 * happens ("a rally in Baku": AZE, as a country named as a place is).
 * An adjective without a role word stands for its country, as CAMEO
 * codes it ("an Indian proposal", "Armenian attacks": the country acts). */
static annal_status S_code_countries(S_ctx *c, const S_group *g)
{
    char code[ANNAL_CODE_MAX + 4], rule[S_RULE_CAP];
    int place;
    size_t len;

    place = !g->generic && !g->ctry_adj && S_after_place_word(c, g->first);
    if (place)
        c->loc_end = g->last;
    for (size_t k = 0; k < g->nctry; k++) {
        const annal_actor_unit *x = S_unit(c, g->ctry[k]);
        size_t cn = strlen(x->code);
        int capital = (x->kind & ANNAL_AE_CAPITAL) != 0;
        const char *what = g->generic ? "generic" : (x->kind & ANNAL_AE_PEOPLE) ? "people"
                           : g->ctry_adj ? "adjective" : place ? "place" : capital ? "capital"
                           : "country";
        memcpy(code, x->code, cn + 1);
        if (capital && !place && cn == 3) {
            memcpy(code + 3, "GOV", 4);
            cn = 6;
        } else if ((x->kind & ANNAL_AE_PEOPLE) && cn == 3) {
            memcpy(code + 3, "CVL", 4);   /* "Palestinians": its people */
            cn = 6;
        }
        len = (size_t)snprintf(rule, sizeof rule, "%s: ", what);
        for (size_t u = g->u0; u < g->u1; u++)
            S_rule_add(c, rule, &len, u);
        if (S_emit(c, g, code, cn, ANNAL_AH_NAME, 0, -1, rule))
            return ANNAL_ENOMEM;
    }
    return ANNAL_OK;
}

static annal_status S_code_group(S_ctx *c, const S_group *g)
{
    if (S_unit(c, g->u0)->kind & S_UK_PRONOUN)
        return S_code_pronoun(c, g);
    if (g->named >= 0)
        return S_code_named(c, g);
    if (g->nroles)
        return S_code_roles(c, g);
    if (g->nctry)
        return S_code_countries(c, g);
    return ANNAL_OK;   /* "former", "side" on their own */
}

/* The one country the sentence names (as a name, adjective, capital or
 * a named actor's first part), or NULL when it names none or several. */
static const char *S_sentence_country(const S_ctx *c)
{
    const char *one = NULL;

    for (size_t u = 0; u < c->out->nunits; u++) {
        const annal_actor_unit *x = S_unit(c, u);
        if (!(x->kind & (ANNAL_AE_COUNTRY | ANNAL_AE_CODE)) || (x->kind & S_UK_SURNAME) ||
            strlen(x->code) < 3 || annal_intl_code(x->code) || annal_role_code(x->code, NULL))
            continue;
        if (one && memcmp(one, x->code, 3) != 0)
            return NULL;
        one = x->code;
    }
    return one;
}

/* Pass 3: role words that found no country of their own ("civilians",
 * "President Omar Placeholder") in a sentence that names exactly one
 * country take that country. */
static annal_status S_context(S_ctx *c, size_t first_mention)
{
    const char *ctry = S_sentence_country(c);

    if (!ctry)
        return ANNAL_OK;
    for (size_t m = first_mention; m < c->out->n; m++) {
        annal_actor *a = &c->out->v[m];
        size_t n = strlen(a->code), rl = strlen(a->rule);
        char *rule;
        if (a->country[0] || !a->role[0] || (a->how != ANNAL_AH_ROLE && a->how != ANNAL_AH_TITLE) ||
            n + 3 > ANNAL_ACTOR_CODE_MAX)
            continue;
        if (!(rule = annal_arena_alloc(c->in->arena, rl + 24)))
            return ANNAL_ENOMEM;
        snprintf(rule, rl + 24, "%s + context %.3s", a->rule, ctry);
        a->rule = rule;
        memmove(a->code + 3, a->code, n + 1);
        memcpy(a->code, ctry, 3);
        S_split(a);
        a->how = ANNAL_AH_CONTEXT;
    }
    return ANNAL_OK;
}

static int32_t S_day(annal_ymd d)
{
    return (int32_t)annal_ymd_to_days(d);
}

annal_status annal_find_actors(const annal_actor_input *in, annal_actorvec *out)
{
    S_ctx *c;
    annal_status st = ANNAL_OK;

    out->n = 0;
    if (!in->table || !in->table->nkeys)
        return ANNAL_OK;
    /* the context is large (remembered people): keep it off the stack */
    if (!(c = annal_arena_alloc(in->arena, sizeof *c)))
        return ANNAL_ENOMEM;
    memset(c, 0, sizeof *c);
    c->in = in;
    c->t = in->table;
    c->out = out;
    c->has_day = in->day.year != 0;
    c->day = c->has_day ? S_day(in->day) : 0;
    c->loc_end = UINT32_MAX - 1;
    for (size_t s = 0; s < in->nsents && st == ANNAL_OK; s++) {
        const annal_sentence *se = &in->sents[s];
        uint32_t end = se->first_token + se->ntokens;
        size_t first_mention = out->n;
        c->sent = (uint32_t)s;
        if ((st = S_units(c, se->first_token, end)) != ANNAL_OK)
            break;
        for (size_t u = 0; u < out->nunits && st == ANNAL_OK;) {
            S_group g;
            size_t next = S_read_group(c, &g, u, end);
            st = S_code_group(c, &g);
            u = next > u ? next : u + 1;
        }
        if (st == ANNAL_OK)
            st = S_context(c, first_mention);
    }
    return st;
}
