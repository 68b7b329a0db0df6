/*
 * gen_corpus.c - a deterministic synthetic English news corpus for the
 * throughput benchmark (bench/run.sh, docs/performance.md).
 *
 *   gen_corpus [-o FILE] [-m MB] [-f jsonl|text] [-s SEED]
 *
 * Writes at least MB x 10^6 bytes (default 50) of invented wire stories to
 * FILE (default stdout):
 *
 *   jsonl  one article per line: {"id": ..., "published": "YYYY-MM-DD",
 *          "title": ..., "text": ...}; paragraphs inside "text" are
 *          separated by a blank line.  This is what the benchmark reads.
 *   text   the same articles as plain text: a title line, a blank line,
 *          the paragraphs separated by blank lines; articles are separated
 *          by two blank lines.
 *
 * Every word list and sentence template below was written for annal; the
 * people, groups and events are invented.  The stories are built to touch
 * what the text stage has to handle in real news: titles and dotted
 * abbreviations (Gen., U.S., Jan.), absolute, partial and relative dates,
 * qualified and vague quantities, money and percentages, ranges, quotations
 * with straight and curly quotes, parentheses, dashes, a few non-ASCII
 * names, and the odd URL, e-mail address or handle.
 *
 * The output depends only on the seed and the size: the PRNG is a private
 * splitmix64, never rand(), so the corpus is the same on every machine.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_DEFAULT_SEED 0x616e6e616cULL   /* "annal" */
#define GEN_DEFAULT_MB 50.0
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- PRNG ------------------------------------------------------------- */

static uint64_t g_state;

static uint64_t S_next(void)
{
    uint64_t z = (g_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned S_rnd(unsigned n)
{
    return (unsigned)(((S_next() >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static int S_range(int lo, int hi)
{
    return lo + (int)S_rnd((unsigned)(hi - lo + 1));
}

/* 1 with probability pct/100. */
static int S_chance(unsigned pct)
{
    return S_rnd(100) < pct;
}

#define PICK(a) ((a)[S_rnd((unsigned)N(a))])

/* ---- a growable string ------------------------------------------------ */

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void S_need(sbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    while (b->len + extra + 1 > b->cap)
        b->cap = b->cap ? b->cap * 2 : 4096;
    if (!(b->p = realloc(b->p, b->cap))) {
        fprintf(stderr, "gen_corpus: out of memory\n");
        exit(2);
    }
}

static void S_puts(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    S_need(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void S_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void S_printf(sbuf *b, const char *fmt, ...)
{
    size_t room = 256;

    for (;;) {
        va_list ap;
        int n;
        S_need(b, room);
        va_start(ap, fmt);
        n = vsnprintf(b->p + b->len, room + 1, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->p[b->len] = '\0';
            return;
        }
        if ((size_t)n <= room) {
            b->len += (size_t)n;
            return;
        }
        room = (size_t)n;
    }
}

/* ---- word lists -------------------------------------------------------- */

static const char *const k_months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};
static const char *const k_month_abbr[] = {
    "Jan.", "Feb.", "March", "April", "May", "June", "July",
    "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
static const char *const k_weekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday"};

static const char *const k_titles[] = {
    "Gen.", "Lt. Gen.", "Maj. Gen.", "Col.", "Lt. Col.", "Capt.", "Sen.",
    "Rep.", "Gov.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "President",
    "Prime Minister", "Foreign Minister", "Interior Minister",
    "Defence Minister", "police chief", "opposition leader", "Mayor",
    "Ambassador", "Judge", "Bishop", "spokeswoman", "spokesman"};
static const char *const k_first[] = {
    "Amara", "Tomas", "Leila", "Rustam", "Ingrid", "Kwame", "Marisol",
    "Dmitri", "Farida", "Oskar", "Nadia", "Henrik", "Yusuf", "Carmen",
    "Pavel", "Ayesha", "Jonas", "Soraya", "Emeka", "Lucia", "Bakhyt",
    "Renata", "Idris", "Helga", "Matteo", "Zainab", "Arjun", "Elena",
    "Kofi", "Miriam", "J.", "A.K.", "Jean-Paul", "Ngozi", "Teodor"};
static const char *const k_last[] = {
    "Varga", "Okonkwo", "Haddad", "Lindqvist", "Morales", "Petrenko",
    "Abdi", "Kowalczyk", "Mensah", "Rahimi", "Santos", "Brennan", "Tanaka",
    "Oyelaran", "Delacroix", "Baranov", "Nwosu", "Castellano", "Ferreira",
    "Halvorsen", "Kariuki", "Sadykov", "Van der Berg", "O'Malley",
    "Ben-Ami", "Moreau", "Achterberg", "Quispe", "Aziz", "Müller",
    "Núñez", "Kovač"};

static const char *const k_countries[] = {
    "Kenya", "Colombia", "Ukraine", "Nigeria", "Pakistan", "Peru",
    "Indonesia", "Sudan", "the Philippines", "Mali", "Georgia", "Bolivia",
    "Yemen", "Myanmar", "Ethiopia", "Lebanon", "Haiti", "Sri Lanka",
    "the Democratic Republic of Congo", "Somalia", "Kyrgyzstan", "Chad",
    "Mozambique", "Venezuela", "Nepal", "Niger", "Iraq", "Libya",
    "Côte d'Ivoire", "the U.S.", "Britain", "France", "China", "Russia",
    "Turkey", "Brazil", "India", "Egypt", "South Africa", "Germany"};
static const char *const k_cities[] = {
    "Nairobi", "Bogotá", "Kyiv", "Lagos", "Karachi", "Lima", "Jakarta",
    "Khartoum", "Manila", "Bamako", "Tbilisi", "La Paz", "Aden", "Yangon",
    "Addis Ababa", "Beirut", "Port-au-Prince", "Colombo", "Kinshasa",
    "Mogadishu", "Bishkek", "N'Djamena", "Maputo", "Caracas", "Kathmandu",
    "Niamey", "Basra", "Benghazi", "Abidjan", "Washington", "London",
    "Paris", "Geneva", "Brussels", "São Paulo", "Zürich", "Kraków",
    "New York", "St. Petersburg", "Mt. Elgon"};
static const char *const k_orgs[] = {
    "the U.N. Security Council", "the U.S. State Department",
    "the European Union", "the African Union", "NATO", "the Red Cross",
    "the World Food Programme", "the U.N. refugee agency", "the IMF",
    "the Northern Unity Front", "the Coastal Defence League",
    "the National Renewal Party", "the Highland Workers' Union",
    "the Ministry of the Interior", "the electoral commission",
    "the Supreme Court", "the central bank", "the army",
    "the Popular Liberation Movement", "the Free Valley Brigades",
    "the Teachers' Federation", "the transport workers' union",
    "Amnesty International", "the OSCE", "the Arab League",
    "the ruling Unity Party", "the Green Coast Alliance"};
static const char *const k_groups[] = {
    "rebels", "gunmen", "protesters", "soldiers", "police officers",
    "militiamen", "insurgents", "striking miners", "students",
    "security forces", "armed men", "villagers", "demonstrators",
    "border guards", "fighters", "riot police"};
static const char *const k_victims[] = {
    "civilians", "people", "refugees", "residents", "children", "soldiers",
    "police officers", "aid workers", "villagers", "passengers",
    "displaced families", "prisoners", "journalists"};
static const char *const k_sources[] = {
    "officials said", "police said", "the army said in a statement",
    "witnesses told reporters", "a hospital official said",
    "the interior ministry said", "state television reported",
    "a U.N. spokesman said", "local media reported",
    "according to a government statement", "aid agencies said",
    "diplomats said", "the company said", "analysts said"};
static const char *const k_places[] = {
    "a police station", "a market", "an army checkpoint",
    "the presidential palace", "a refugee camp", "the parliament building",
    "a border crossing", "a military base", "the main airport",
    "a polling station", "the port", "a mosque", "a church",
    "an oil pipeline", "a convoy of lorries", "the central square",
    "the foreign ministry", "a bus station", "the university campus"};
static const char *const k_vp_actor[] = {
    "accused %s of violating the ceasefire",
    "met %s to discuss the crisis",
    "signed a peace agreement with %s",
    "called for talks with %s",
    "rejected a proposal from %s",
    "threatened to cut diplomatic ties with %s",
    "praised %s for its restraint",
    "demanded an apology from %s",
    "agreed to share intelligence with %s",
    "warned %s against further provocations",
    "expelled two diplomats accused of spying for %s",
    "denied any links with %s",
    "offered to mediate between the government and %s",
    "urged %s to release the hostages",
    "sued %s over the contract",
    "welcomed the decision by %s"};
static const char *const k_vp_place[] = {
    "attacked %s", "set fire to %s", "occupied %s", "shelled %s",
    "raided %s", "blockaded %s", "bombed %s", "surrounded %s",
    "stormed %s", "marched on %s"};
static const char *const k_vp_plain[] = {
    "resigned", "was arrested", "went on hunger strike",
    "declared a state of emergency", "announced a curfew",
    "imposed new sanctions", "lifted the ban on public gatherings",
    "postponed the election", "ordered an investigation",
    "closed the border", "raised interest rates", "cut fuel subsidies",
    "appealed for calm", "withdrew its ambassador", "held a referendum"};
static const char *const k_quotes[] = {
    "We will not accept any attack on our sovereignty",
    "The situation on the ground is getting worse every day",
    "This is a matter for the courts, not for the street",
    "Our forces acted in self-defence",
    "Nobody has been able to reach the villages since the rains began",
    "We need food, water and medicine, and we need them now",
    "The door to negotiations remains open",
    "These figures are far too low; the real toll is much higher",
    "It's too early to say who was behind it",
    "We don't want war, but we're ready to defend ourselves",
    "The agreement isn't perfect, but it's a start",
    "I have never seen anything like this in 20 years",
    "They came at night and took everything",
    "Prices have doubled and people can't afford bread",
    "The government has lost control of the north"};
static const char *const k_commodities[] = {
    "wheat", "cocoa", "coffee", "crude oil", "copper", "sugar", "rice",
    "palm oil", "cotton", "maize", "tin", "natural gas"};
static const char *const k_wires[] = {
    "Wire", "Newsdesk", "Global Desk", "Field Report", "Dispatch"};
static const char *const k_number_words[] = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "fifteen", "twenty", "thirty"};
static const char *const k_qualifiers[] = {
    "about", "more than", "at least", "nearly", "almost", "some",
    "around", "up to", "fewer than", "roughly", "over", "an estimated"};
static const char *const k_vague[] = {
    "dozens of", "hundreds of", "thousands of", "scores of",
    "tens of thousands of", "a handful of", "several"};
static const char *const k_units[] = {"weeks", "days", "months", "years",
                                      "hours"};

/* ---- slot fillers ----------------------------------------------------- */

typedef struct ymd {
    int y, m, d;
} ymd;

static int S_mdays(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d[m - 1] + (m == 2 && leap);
}

/* Day of the week, 0 = Monday (Sakamoto). */
static int S_weekday(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y--;
    return ((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) + 6) % 7;
}

static ymd g_pub;   /* the article's publication date */

static void S_person(sbuf *b)
{
    S_printf(b, "%s %s %s", PICK(k_titles), PICK(k_first), PICK(k_last));
}

/* Someone or something that acts. */
static void S_actor(sbuf *b)
{
    switch (S_rnd(4)) {
    case 0: S_person(b); break;
    case 1: S_puts(b, PICK(k_orgs)); break;
    case 2: S_printf(b, "the government of %s", PICK(k_countries)); break;
    default: S_printf(b, "%s in %s", PICK(k_groups), PICK(k_cities)); break;
    }
}

/* A figure; small != 0 keeps it below a thousand (casualty counts). */
static void S_big_number(sbuf *b, int small)
{
    unsigned k = S_rnd(6);

    if (small && k >= 2 && k <= 4)   /* no thousands or millions */
        k %= 2;
    switch (k) {
    case 0: S_printf(b, "%d", S_range(2, 99)); break;
    case 1: S_printf(b, "%d", S_range(100, 999)); break;
    case 2: S_printf(b, "%d,%03d", S_range(1, 99), S_range(0, 999)); break;
    case 3: S_printf(b, "%d,%03d", S_range(100, 900), S_range(0, 999)); break;
    case 4: S_printf(b, "%d.%d million", S_range(1, 9), S_range(1, 9)); break;
    default: S_puts(b, PICK(k_number_words)); break;
    }
}

/* "about 60,000 civilians", "dozens of people", "between 10 and 15 ..." */
static void S_quantity(sbuf *b, const char *noun, int small)
{
    switch (S_rnd(5)) {
    case 0:
    case 1:
        S_printf(b, "%s ", PICK(k_qualifiers));
        S_big_number(b, small);
        S_printf(b, " %s", noun);
        break;
    case 2: S_printf(b, "%s %s", PICK(k_vague), noun); break;
    case 3: {
        int lo = S_range(3, 40);
        S_printf(b, "between %d and %d %s", lo, lo + S_range(2, 30), noun);
        break;
    }
    default:
        S_big_number(b, small);
        S_printf(b, " %s", noun);
        break;
    }
}

static void S_money(sbuf *b)
{
    switch (S_rnd(4)) {
    case 0: S_printf(b, "$%d.%d million", S_range(1, 950), S_range(1, 9)); break;
    case 1: S_printf(b, "$%d billion", S_range(1, 40)); break;
    case 2: S_printf(b, "%d,%03d dlrs", S_range(1, 9), S_range(0, 999)); break;
    default: S_printf(b, "€%d million", S_range(2, 600)); break;
    }
}

static void S_percent(sbuf *b)
{
    if (S_chance(50))
        S_printf(b, "%d.%d percent", S_range(0, 30), S_range(0, 9));
    else
        S_printf(b, "%d%%", S_range(1, 60));
}

/* A date expression, mostly consistent with the publication date. */
static void S_date(sbuf *b)
{
    int y = g_pub.y - (S_chance(20) ? S_range(1, 12) : 0);
    int m = S_range(1, 12), d;

    if (y == g_pub.y && m > g_pub.m)
        m = g_pub.m;
    d = S_range(1, S_mdays(y, m));
    switch (S_rnd(14)) {
    case 0:
    case 1: S_printf(b, "on %s %d, %d", k_months[m - 1], d, y); break;
    case 2: S_printf(b, "on %d %s %d", d, k_months[m - 1], y); break;
    case 3: S_printf(b, "on %s %d", k_month_abbr[m - 1], d); break;
    case 4: S_printf(b, "on %s", k_weekdays[S_weekday(g_pub.y, g_pub.m, g_pub.d)]); break;
    case 5: S_printf(b, "last %s", PICK(k_weekdays)); break;
    case 6: S_puts(b, S_chance(50) ? "yesterday" : "on Tuesday night"); break;
    case 7: S_printf(b, "in %s %d", k_months[m - 1], y); break;
    case 8: S_printf(b, "in %d", y); break;
    case 9: S_printf(b, "%s %s ago", PICK(k_number_words), PICK(k_units)); break;
    case 10: S_puts(b, S_chance(50) ? "earlier this month" : "last week"); break;
    case 11: S_printf(b, "on %04d-%02d-%02d", y, m, d); break;
    case 12: S_printf(b, "in the %d0s", S_range(195, 200)); break;
    default: S_printf(b, "on the %d%s", d,
                      d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd"
                      : d % 10 == 3 && d != 13 ? "rd" : "th");
        break;
    }
}

/* ---- sentences --------------------------------------------------------- */

/* Appends one sentence (no trailing space). */
static void S_sentence(sbuf *b)
{
    sbuf t = {0};   /* scratch for a filled slot */

    switch (S_rnd(20)) {
    case 0:
    case 1:
        S_actor(b);
        S_puts(b, " ");
        S_actor(&t);
        S_printf(b, PICK(k_vp_actor), t.p);
        S_puts(b, " ");
        S_date(b);
        S_printf(b, ", %s.", PICK(k_sources));
        break;
    case 2:
    case 3:
        S_quantity(b, PICK(k_victims), 1);
        S_printf(b, " were killed and %d wounded when %s ", S_range(2, 300), PICK(k_groups));
        S_printf(b, PICK(k_vp_place), PICK(k_places));
        S_printf(b, " in %s ", PICK(k_cities));
        S_date(b);
        S_printf(b, ", %s.", PICK(k_sources));
        break;
    case 4:
        S_printf(b, "\"%s,\" ", PICK(k_quotes));
        S_person(b);
        S_printf(b, " told reporters in %s.", PICK(k_cities));
        break;
    case 5:
        S_printf(b, "“%s,” said ", PICK(k_quotes));
        S_person(b);
        S_printf(b, ", who arrived in %s %s.", PICK(k_cities),
                 S_chance(50) ? "on Sunday" : "last month");
        break;
    case 6:
        S_printf(b, "%s said ", S_chance(50) ? "The U.N. refugee agency" : "The Red Cross");
        S_quantity(b, PICK(k_victims), 0);
        S_printf(b, " had fled to %s since ", PICK(k_countries));
        S_printf(b, "%s %d, %d.", k_months[S_range(0, 11)], S_range(1, 28), g_pub.y - S_range(0, 2));
        break;
    case 7:
        S_puts(b, "Talks between ");
        S_actor(b);
        S_puts(b, " and ");
        S_actor(b);
        S_puts(b, " resumed ");
        S_date(b);
        S_printf(b, " after a break of %s %s.", PICK(k_number_words), PICK(k_units));
        break;
    case 8:
        S_printf(b, "Prices of %s rose ", PICK(k_commodities));
        S_percent(b);
        S_puts(b, " to ");
        S_money(b);
        S_puts(b, " a tonne ");
        S_date(b);
        S_printf(b, ", the highest level since %s %d.", k_months[S_range(0, 11)],
                 g_pub.y - S_range(1, 9));
        break;
    case 9:
        S_printf(b, "The U.S. embassy in %s (which reopened in %d) was closed for %s days.",
                 PICK(k_cities), g_pub.y - S_range(1, 15), PICK(k_number_words));
        break;
    case 10:
        S_printf(b, "Police in %s detained ", PICK(k_cities));
        S_quantity(b, "protesters", 1);
        S_printf(b, "; %s were later released.", PICK(k_number_words));
        break;
    case 11:
        S_actor(b);
        S_printf(b, " %s ", PICK(k_vp_plain));
        S_date(b);
        S_puts(b, S_chance(30) ? " -- a move that surprised diplomats." : ".");
        break;
    case 12:
        S_puts(b, "The government pledged ");
        S_money(b);
        S_printf(b, " in aid to %s, and ", PICK(k_countries));
        S_actor(b);
        S_puts(b, " promised a further ");
        S_money(b);
        S_puts(b, ".");
        break;
    case 13:
        S_printf(b, "Will the truce hold? Few in %s think so.", PICK(k_cities));
        break;
    case 14:
        S_printf(b, "Inflation reached ");
        S_percent(b);
        S_printf(b, " in %s, up from ", k_months[S_range(0, 11)]);
        S_percent(b);
        S_puts(b, " a year earlier, the central bank said.");
        break;
    case 15:
        S_puts(b, "The attack ");
        S_date(b);
        S_printf(b, " was the worst since %s %d, when %s ", k_months[S_range(0, 11)],
                 g_pub.y - S_range(1, 6), PICK(k_groups));
        S_printf(b, PICK(k_vp_place), PICK(k_places));
        S_printf(b, " and killed %s.", PICK(k_number_words));
        break;
    case 16:
        switch (S_rnd(3)) {
        case 0:
            S_printf(b, "Details were posted at https://example.org/reports/%d/%02d?lang=en.",
                     g_pub.y, g_pub.m);
            break;
        case 1:
            S_puts(b, "Questions may be sent to press-office@example.net, the ministry said.");
            break;
        default:
            S_printf(b, "The group claimed responsibility on @%s_%d and under #%s.",
                     "freevalley", S_range(1, 99), "FreeValley");
            break;
        }
        break;
    case 17:
        S_person(b);
        S_printf(b, ", %d, has led %s since %d.", S_range(38, 81), PICK(k_orgs),
                 g_pub.y - S_range(1, 20));
        break;
    case 18:
        S_printf(b, "Some %d,%03d troops were deployed along the %d-km border with %s "
                    "at 10:30 local time, ",
                 S_range(1, 60), S_range(0, 999), S_range(80, 900), PICK(k_countries));
        S_puts(b, PICK(k_sources));
        S_puts(b, ".");
        break;
    default:
        S_printf(b, "It was the %d%s such incident this year, and Mr. %s's party called it "
                    "\"unacceptable\" in a statement.",
                 S_range(4, 19), "th", PICK(k_last));
        break;
    }
    free(t.p);
}

/* ---- articles ----------------------------------------------------------- */

static void S_title(sbuf *b)
{
    switch (S_rnd(4)) {
    case 0: S_printf(b, "%s says talks with rebels to resume", PICK(k_orgs)); break;
    case 1: S_printf(b, "Dozens killed in attack on %s in %s", PICK(k_places), PICK(k_cities)); break;
    case 2: S_printf(b, "%s prices rise on supply fears", PICK(k_commodities)); break;
    default: S_printf(b, "Curfew declared in %s after protests", PICK(k_cities)); break;
    }
    if (b->len && b->p[0] >= 'a' && b->p[0] <= 'z')
        b->p[0] = (char)(b->p[0] - 32);
}

/* The body: a dateline, then 3..9 paragraphs of 1..5 sentences. */
static void S_body(sbuf *b)
{
    int paras = S_range(3, 9);

    S_printf(b, "%s, %s %d (%s) - ", PICK(k_cities), k_month_abbr[g_pub.m - 1], g_pub.d,
             PICK(k_wires));
    for (int p = 0; p < paras; p++) {
        int sents = S_range(1, 5);
        if (p > 0)
            S_puts(b, "\n\n");
        for (int s = 0; s < sents; s++) {
            size_t at;
            if (s > 0)
                S_puts(b, " ");
            at = b->len;
            S_sentence(b);
            if (b->p[at] >= 'a' && b->p[at] <= 'z')   /* sentence case */
                b->p[at] = (char)(b->p[at] - 32);
        }
    }
}

/* A JSON string literal of s[0..n). */
static void S_json_str(sbuf *out, const char *s, size_t n)
{
    S_need(out, n * 2 + 2);
    out->p[out->len++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            S_need(out, 2);
            out->p[out->len++] = '\\';
            out->p[out->len++] = (char)c;
        } else if (c == '\n') {
            S_need(out, 2);
            out->p[out->len++] = '\\';
            out->p[out->len++] = 'n';
        } else if (c < 0x20) {
            S_need(out, 6);
            out->len += (size_t)snprintf(out->p + out->len, 7, "\\u%04x", c);
        } else {
            S_need(out, 1);
            out->p[out->len++] = (char)c;
        }
    }
    S_need(out, 1);
    out->p[out->len++] = '"';
    out->p[out->len] = '\0';
}

static void S_usage(void)
{
    fprintf(stderr, "usage: gen_corpus [-o FILE] [-m MB] [-f jsonl|text] [-s SEED]\n"
                    "  writes at least MB x 10^6 bytes (default 50) of synthetic news\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    double mb = GEN_DEFAULT_MB;
    int jsonl = 1;
    uint64_t seed = GEN_DEFAULT_SEED, target, written = 0, articles = 0;
    sbuf title = {0}, body = {0}, line = {0};
    FILE *out = stdout;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            S_usage();
        if (strcmp(a, "-o") == 0)
            out_path = argv[++i];
        else if (strcmp(a, "-m") == 0)
            mb = strtod(argv[++i], NULL);
        else if (strcmp(a, "-s") == 0)
            seed = strtoull(argv[++i], NULL, 0);
        else if (strcmp(a, "-f") == 0) {
            const char *f = argv[++i];
            if (strcmp(f, "jsonl") == 0)
                jsonl = 1;
            else if (strcmp(f, "text") == 0)
                jsonl = 0;
            else
                S_usage();
        } else
            S_usage();
    }
    if (!(mb > 0) || mb > 100000)
        S_usage();
    if (out_path && !(out = fopen(out_path, "wb"))) {
        fprintf(stderr, "gen_corpus: cannot write %s: %s\n", out_path, strerror(errno));
        return 2;
    }
    g_state = seed;
    target = (uint64_t)(mb * 1e6);
    while (written < target) {
        char id[32];
        title.len = body.len = line.len = 0;
        g_pub.y = S_range(1988, 2022);
        g_pub.m = S_range(1, 12);
        g_pub.d = S_range(1, S_mdays(g_pub.y, g_pub.m));
        S_title(&title);
        S_body(&body);
        articles++;
        snprintf(id, sizeof id, "gen-%07llu", (unsigned long long)articles);
        if (jsonl) {
            S_printf(&line, "{\"id\":\"%s\",\"published\":\"%04d-%02d-%02d\",\"title\":", id,
                     g_pub.y, g_pub.m, g_pub.d);
            S_json_str(&line, title.p, title.len);
            S_puts(&line, ",\"text\":");
            S_json_str(&line, body.p, body.len);
            S_puts(&line, "}\n");
        } else {
            S_printf(&line, "%s%s\n\n%s\n", articles > 1 ? "\n\n" : "", title.p, body.p);
        }
        if (fwrite(line.p, 1, line.len, out) != line.len) {
            fprintf(stderr, "gen_corpus: write failed: %s\n", strerror(errno));
            return 2;
        }
        written += line.len;
    }
    if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
        fprintf(stderr, "gen_corpus: write failed: %s\n", strerror(errno));
        return 2;
    }
    fprintf(stderr, "gen_corpus: %llu articles, %llu bytes%s%s\n",
            (unsigned long long)articles, (unsigned long long)written,
            out_path ? " -> " : "", out_path ? out_path : "");
    free(title.p);
    free(body.p);
    free(line.p);
    return 0;
}
