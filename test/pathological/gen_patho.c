/*
 * gen_patho.c - writes one pathological input to standard output.
 *
 *   usage: gen_patho CASE [DIV]      gen_patho --list
 *
 * Every case is deterministic (the same bytes on every run and host) so a
 * failure found by test/pathological/run.sh is reproducible with
 *
 *   build/test/gen_patho CASE > x.txt && build/annal dump sentences x.txt
 *
 * DIV (default 1) divides the large sizes (the 50 MB line, the 25 MB JSON
 * line, the million lines...) for quick experiments; run.sh always uses the
 * full sizes unless PATHO_DIV is set.  Sizes that decide which limit is hit
 * are documented at each case; a DIV > 1 may keep a limit from being hit.
 *
 * Exit status: 0 written, 1 write error, 2 usage.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIB (1024u * 1024u)

static unsigned long S_div = 1;
static int S_write_failed;

/* ---- output ------------------------------------------------------------ */

static void S_put(const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, stdout) != n)
        S_write_failed = 1;
}

static void S_puts(const char *s)
{
    S_put(s, strlen(s));
}

static void S_putc(int c)
{
    unsigned char b = (unsigned char)c;
    S_put(&b, 1);
}

/* Writes s over and over until `total` bytes are out (the last copy cut). */
static void S_fill(const char *s, size_t total)
{
    size_t n = strlen(s);
    char chunk[65536];
    size_t have = 0;

    while (have + n <= sizeof chunk) {
        memcpy(chunk + have, s, n);
        have += n;
    }
    while (total > 0) {
        size_t k = total < have ? total : have;
        S_put(chunk, k);
        total -= k;
    }
}

/* s written `count` times. */
static void S_repeat(const char *s, size_t count)
{
    S_fill(s, strlen(s) * count);
}

static size_t S_scaled(size_t n)
{
    size_t v = n / S_div;
    return v ? v : 1;
}

/* xorshift64*: deterministic pseudo-random bytes. */
static uint64_t S_rng = 0x9E3779B97F4A7C15ull;

static uint64_t S_rand(void)
{
    S_rng ^= S_rng >> 12;
    S_rng ^= S_rng << 25;
    S_rng ^= S_rng >> 27;
    return S_rng * 0x2545F4914F6CDD1Dull;
}

/* UTF-8 encoding of code point cp. */
static void S_cp(uint32_t cp)
{
    char b[4];
    size_t n;

    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    S_put(b, n);
}

/* ---- cases ------------------------------------------------------------- */

static const char *const S_words[] = {
    "the", "army", "shelled", "town", "of", "Kalbajar", "and", "soldiers",
    "fired", "on", "protesters", "near", "square", "police", "said", "rebels",
    "killed", "villagers", "in", "northern", "province", "government",
    "forces", "withdrew", "from", "border", "after", "talks"};
#define NWORDS (sizeof S_words / sizeof S_words[0])

/* Words separated by single spaces: no newline, no punctuation; exactly
 * `total` bytes (the last word may be cut). */
static void S_words_fill(size_t total)
{
    char line[512];
    size_t n = 0;

    for (size_t k = 0; k < NWORDS; k++) {
        size_t w = strlen(S_words[k]);
        memcpy(line + n, S_words[k], w);
        line[n + w] = ' ';
        n += w + 1;
    }
    line[n] = '\0';
    S_fill(line, total);
}

/* 50 MiB, one line of words: > max_doc_bytes (10 MiB) even with DIV 4. */
static void C_long_line(void)
{
    S_words_fill(S_scaled(50u * MIB));
}

/* 100,000 "(" then words then 100,000 ")". */
static void C_nested_brackets(void)
{
    size_t n = S_scaled(100000);
    S_repeat("(", n);
    S_puts("the army shelled the town");
    S_repeat(")", n);
    S_puts("\n");
}

/* 100,000 alternating straight and curly quotes, a sentence, 100,000 more. */
static void C_nested_quotes(void)
{
    static const char *const q[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98",
                                    "\xC2\xAB", "\xE2\x80\xB9"};
    static const char *const c[] = {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99",
                                    "\xC2\xBB", "\xE2\x80\xBA"};
    size_t n = S_scaled(100000);

    for (size_t i = 0; i < n; i++)
        S_puts(q[i % 6]);
    S_puts("He said the town fell.");
    for (size_t i = n; i-- > 0;)
        S_puts(c[i % 6]);
    S_puts("\n");
}

/* A NUL after every three bytes of text: 25 % NUL, so binary by the
 * reader's rule (more than 5 % NUL or control bytes). */
static void C_nul_bytes(void)
{
    static const char t[] = "The army shelled the town of Kalbajar. ";
    size_t total = S_scaled(MIB), k = 0;

    for (size_t i = 0; i < total; i++) {
        if (i % 4 == 3)
            S_putc(0);
        else
            S_putc(t[k++ % (sizeof t - 1)]);
    }
}

/* A NUL every 64 bytes (1.6 %): text, with a warning. */
static void C_nul_sparse(void)
{
    static const char t[] = "The army shelled the town of Kalbajar. ";
    size_t k = 0;

    for (size_t i = 0; i < 64 * 1024; i++) {
        if (i % 64 == 63)
            S_putc(0);
        else
            S_putc(t[k++ % (sizeof t - 1)]);
    }
    S_puts("\n");
}

/* 1 MiB of pseudo-random bytes, not starting with FF or FE. */
static void C_binary(void)
{
    size_t total = S_scaled(MIB);

    S_puts("\x01\x02");
    for (size_t i = 2; i < total; i++)
        S_putc((int)(S_rand() >> 56));
}

/* Pseudo-random bytes that happen to start with FF (as JPEG files do). */
static void C_binary_ff(void)
{
    size_t total = S_scaled(MIB);

    S_put("\xFF\x00", 2);
    for (size_t i = 2; i < total; i++)
        S_putc((int)(S_rand() >> 56));
}

/* A JPEG file: FF D8 FF E0, JFIF header, random data. */
static void C_jpeg(void)
{
    size_t total = 64 * 1024;

    S_put("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
    for (size_t i = 20; i < total; i++)
        S_putc((int)(S_rand() >> 56));
}

static void C_empty(void)
{
}

/* Spaces, tabs, line ends, no-break and ideographic spaces. */
static void C_whitespace_only(void)
{
    for (int i = 0; i < 10000; i++) {
        S_puts(" \t\n\r\n  \xC2\xA0\xE2\x80\x83\xE3\x80\x80 \n\n");
    }
}

/* Every class of ill-formed UTF-8, between valid words.  The first bad
 * byte is at offset 23 (after "Valid text comes first "); run.sh checks
 * the warning names that byte and counts 21 replacements:
 *   80           lone continuation        1
 *   BF BF        two lone continuations   2
 *   C0 AF        overlong '/'             2   (C0 is never valid)
 *   E0 80 AF     overlong '/'             3
 *   F0 80 80 AF  overlong '/'             4
 *   ED A0 80     surrogate D800           3
 *   F4 90 80 80  above U+10FFFF           4   (F4 90 fails the range)
 *   FE FF        never valid              2   ... = 21
 *   E2 82 .      truncated inside text    1   = 22
 *   F0 9F 98     truncated at the end     1   = 23
 */
static void C_invalid_utf8(void)
{
    S_puts("Valid text comes first ");
    S_puts("\x80 lone continuation, \xBF\xBF two of them; ");
    S_puts("overlong \xC0\xAF and \xE0\x80\xAF and \xF0\x80\x80\xAF slashes; ");
    S_puts("surrogate \xED\xA0\x80 half; ");
    S_puts("too big \xF4\x90\x80\x80 code point; ");
    S_puts("bytes \xFE\xFF never valid; ");
    S_puts("caf\xC3\xA9 is valid and so is \xE2\x82\xAC, \xF0\x9F\x98\x80. ");
    S_puts("Truncated \xE2\x82. here.\n");
    S_puts("The last word is cut \xF0\x9F\x98");
}

/* "e" followed by 100,000 U+0301 COMBINING ACUTE ACCENT. */
static void C_combining_marks(void)
{
    size_t n = S_scaled(100000);

    S_puts("The caf");
    for (size_t i = 0; i < n + 1; i++)
        S_puts(i == 0 ? "e" : "\xCC\x81");
    S_puts(" was shelled. Then calm.\n");
}

/* 5 MiB of letters: one word. */
static void C_long_word(void)
{
    S_puts("The ");
    S_fill("abcdefghijklmnopqrstuvwxyz", S_scaled(5u * MIB));
    S_puts(" was long.\n");
}

/* A 1,000,000-digit number grouped with commas. */
static void C_long_number(void)
{
    size_t digits = S_scaled(1000000), first = digits % 3 ? digits % 3 : 3;

    S_puts("They counted ");
    S_fill("1", first);
    for (size_t d = first; d < digits; d += 3)
        S_puts(",234");
    S_puts(" people and 12 soldiers on April 2, 1993.\n");
}

/* 1 MiB of ".". */
static void C_many_periods(void)
{
    S_fill(".", S_scaled(MIB));
    S_puts("\n");
}

/* "Mr. " 200,000 times. */
static void C_many_abbrevs(void)
{
    S_repeat("Mr. ", S_scaled(200000));
    S_puts("Smith said so.\n");
}

/* JSON Lines: a line of 100,000 nested arrays, a valid line, a line of
 * 100,000 nested objects, another valid line. */
static void C_deep_json(void)
{
    size_t n = S_scaled(100000);

    S_repeat("[", n);
    S_repeat("]", n);
    S_puts("\n{\"id\":\"ok2\",\"text\":\"The valid second line is still read.\"}\n");
    S_repeat("{\"a\":", n);
    S_puts("1");
    S_repeat("}", n);
    S_puts("\n{\"id\":\"ok4\",\"text\":\"The valid fourth line is read too.\"}\n");
}

/* JSON Lines: one 25 MiB line (longer than the 2 x 10 MiB + 64 KiB a line
 * may take), then a valid line. */
static void C_huge_json_line(void)
{
    S_puts("{\"id\":\"huge\",\"text\":\"");
    S_words_fill(S_scaled(25u * MIB));
    S_puts("\"}\n{\"id\":\"ok2\",\"text\":\"The valid second line is still read.\"}\n");
}

/* JSON Lines: one 15 MiB text (a legal line, a document over
 * max_doc_bytes), then a valid line. */
static void C_big_json_text(void)
{
    S_puts("{\"id\":\"big\",\"text\":\"");
    S_words_fill(S_scaled(15u * MIB));
    S_puts("\"}\n{\"id\":\"ok2\",\"text\":\"The valid second line is still read.\"}\n");
}

/* 1,000,000 short lines, each one sentence: "W0000001." (8 MiB). */
static void C_many_lines(void)
{
    size_t n = S_scaled(1000000);
    char line[32];

    for (size_t i = 0; i < n; i++) {
        int k = snprintf(line, sizeof line, "W%07zu.\n", i);
        S_put(line, (size_t)k);
    }
}

/* 100,000 one-sentence JSON Lines documents. */
static void C_many_docs(void)
{
    size_t n = S_scaled(100000);
    char line[96];

    for (size_t i = 0; i < n; i++) {
        int k = snprintf(line, sizeof line,
                         "{\"id\":\"d%zu\",\"text\":\"About %zu people fled.\"}\n", i, i);
        S_put(line, (size_t)k);
    }
}

/* 10 MiB of "a ": 5 million tokens, more than max_doc_tokens (2,000,000). */
static void C_many_tokens(void)
{
    S_fill("a ", S_scaled(10u * MIB));
}

static void S_utf16(const char *utf8, int be)
{
    const unsigned char *u = (const unsigned char *)utf8;

    S_put(be ? "\xFE\xFF" : "\xFF\xFE", 2);
    while (*u) {
        uint32_t cp;
        unsigned char w[4];
        if (*u < 0x80) {
            cp = *u++;
        } else if (*u < 0xE0) {
            cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
            u += 2;
        } else if (*u < 0xF0) {
            cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
            u += 3;
        } else {
            cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
                 (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
            u += 4;
        }
        if (cp >= 0x10000) {
            uint32_t hi = 0xD800 + ((cp - 0x10000) >> 10), lo = 0xDC00 + ((cp - 0x10000) & 0x3FF);
            w[be ? 0 : 1] = (unsigned char)(hi >> 8);
            w[be ? 1 : 0] = (unsigned char)(hi & 0xFF);
            w[be ? 2 : 3] = (unsigned char)(lo >> 8);
            w[be ? 3 : 2] = (unsigned char)(lo & 0xFF);
            S_put(w, 4);
        } else {
            w[be ? 0 : 1] = (unsigned char)(cp >> 8);
            w[be ? 1 : 0] = (unsigned char)(cp & 0xFF);
            S_put(w, 2);
        }
    }
}

static const char S_utf16_text[] =
    "date 2020-04-02 By Reuters\n"
    "The town fell on April 2, 1993. Caf\xC3\xA9 owners fled \xE2\x80\x94 "
    "about 30 people \xF0\x9F\x98\x80 left yesterday.\n";

static void C_utf16(void)
{
    S_utf16(S_utf16_text, 0);
}

static void C_utf16be(void)
{
    S_utf16(S_utf16_text, 1);
}

/* CRLF line ends, lone CR line ends, a header and a byline. */
static void C_crlf(void)
{
    S_puts("date 2020-04-02 By Reuters\r\nBy Jane Doe\r\n\r\n");
    S_puts("The army shelled the town.\r\nAbout 30 people were killed yesterday.\r");
    S_puts("Police said 12 were wounded\r\non April 1.\r\n\r\n");
    S_puts("A new paragraph\rstarts here.\r");
}

/* C0 and C1 controls, bidi overrides and zero-width characters inside
 * words; under 5 % control bytes so it is still text. */
static void C_controls(void)
{
    S_puts("The army\x01 shelled\x07 the\x1B town\x0B of\x7F Kalbajar. ");
    S_puts("Sol");
    S_cp(0x200D);               /* ZERO WIDTH JOINER */
    S_puts("diers fired on pro");
    S_cp(0x200C);               /* ZERO WIDTH NON-JOINER */
    S_puts("test");
    S_cp(0x200B);               /* ZERO WIDTH SPACE */
    S_puts("ers. ");
    S_cp(0x202E);               /* RIGHT-TO-LEFT OVERRIDE */
    S_puts("Rebels");
    S_cp(0x202C);               /* POP DIRECTIONAL FORMATTING */
    S_puts(" killed ");
    S_cp(0x2067);               /* RIGHT-TO-LEFT ISOLATE */
    S_puts("12");
    S_cp(0x2069);               /* POP DIRECTIONAL ISOLATE */
    S_puts(" villagers");
    S_cp(0x0085);               /* NEXT LINE (C1) */
    S_puts(" on");
    S_cp(0x009B);               /* CSI (C1) */
    S_puts(" April");
    S_cp(0xFEFF);               /* ZERO WIDTH NO-BREAK SPACE */
    S_puts(" 2, 1993.");
    S_cp(0x2028);               /* LINE SEPARATOR */
    S_puts("Police");
    S_cp(0x00AD);               /* SOFT HYPHEN */
    S_puts("men fled. ");
    for (int i = 0; i < 200; i++)
        S_puts("The town was calm that day and the next. ");
    S_puts("\n");
}

/* A UTF-8 byte-order mark before the plain-text header. */
static void C_bom_header(void)
{
    S_puts("\xEF\xBB\xBF" "date 2020-04-02 By Reuters\nBy Jane Doe\n\n");
    S_puts("About 30 people were killed yesterday.\n");
}

/* ---- table ------------------------------------------------------------- */

typedef struct gen_case {
    const char *name;
    void (*fn)(void);
} gen_case;

static const gen_case S_cases[] = {
    {"long-line", C_long_line},
    {"nested-brackets", C_nested_brackets},
    {"nested-quotes", C_nested_quotes},
    {"nul-bytes", C_nul_bytes},
    {"nul-sparse", C_nul_sparse},
    {"binary", C_binary},
    {"binary-ff", C_binary_ff},
    {"jpeg", C_jpeg},
    {"empty", C_empty},
    {"whitespace-only", C_whitespace_only},
    {"invalid-utf8", C_invalid_utf8},
    {"combining-marks", C_combining_marks},
    {"long-word", C_long_word},
    {"long-number", C_long_number},
    {"many-periods", C_many_periods},
    {"many-abbrevs", C_many_abbrevs},
    {"deep-json", C_deep_json},
    {"huge-json-line", C_huge_json_line},
    {"big-json-text", C_big_json_text},
    {"many-lines", C_many_lines},
    {"many-docs", C_many_docs},
    {"many-tokens", C_many_tokens},
    {"utf16", C_utf16},
    {"utf16be", C_utf16be},
    {"crlf", C_crlf},
    {"controls", C_controls},
    {"bom-header", C_bom_header},
    {NULL, NULL},
};

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        for (const gen_case *c = S_cases; c->name; c++)
            printf("%s\n", c->name);
        return 0;
    }
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: gen_patho CASE [DIV]   (gen_patho --list for the cases)\n");
        return 2;
    }
    if (argc == 3) {
        char *end;
        S_div = strtoul(argv[2], &end, 10);
        if (*end || S_div == 0) {
            fprintf(stderr, "gen_patho: DIV must be a positive number\n");
            return 2;
        }
    }
    for (const gen_case *c = S_cases; c->name; c++) {
        if (strcmp(c->name, argv[1]) == 0) {
            c->fn();
            if (fflush(stdout) != 0 || S_write_failed) {
                fprintf(stderr, "gen_patho: write error\n");
                return 1;
            }
            return 0;
        }
    }
    fprintf(stderr, "gen_patho: unknown case \"%s\" (gen_patho --list)\n", argv[1]);
    return 2;
}
