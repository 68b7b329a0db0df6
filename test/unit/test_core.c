/* test_core.c - UTF-8 decoding, the JSON writer, the arena, calendar math. */
#include "test.h"
#include "../../src/core/arena.h"
#include "../../src/core/json.h"
#include "../../src/core/utf8.h"
#include "../../src/extract/extract.h"

/* Decodes s fully; writes "cp cp BAD ..." into out for comparison. */
static void S_decode_all(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    out[0] = '\0';
    while (i < n && o + 16 < cap) {
        int32_t cp;
        i += annal_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? " " : "", "");
        if (cp == ANNAL_UTF8_BAD)
            o += (size_t)snprintf(out + o, cap - o, "BAD");
        else
            o += (size_t)snprintf(out + o, cap - o, "%X", (unsigned)cp);
    }
}

static void utf8_valid_forms(void)
{
    char out[256];
    S_decode_all("A\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80", 10, out, sizeof out);
    CHECK_STR(out, "41 E9 2019 1F600");
}

/* One U+FFFD per maximal subpart (Unicode 3.9, Kuhn's stress test). */
static void utf8_ill_formed_classes(void)
{
    char out[256];
    S_decode_all("\x80", 1, out, sizeof out);            /* lone continuation */
    CHECK_STR(out, "BAD");
    S_decode_all("\xC0\xAF", 2, out, sizeof out);        /* overlong '/' */
    CHECK_STR(out, "BAD BAD");
    S_decode_all("\xE0\x80\xAF", 3, out, sizeof out);    /* overlong 3-byte */
    CHECK_STR(out, "BAD BAD BAD");
    S_decode_all("\xED\xA0\x80", 3, out, sizeof out);    /* surrogate D800 */
    CHECK_STR(out, "BAD BAD BAD");
    S_decode_all("\xF4\x90\x80\x80", 4, out, sizeof out);/* above U+10FFFF */
    CHECK_STR(out, "BAD BAD BAD BAD");
    S_decode_all("\xF5\xFF\xFE", 3, out, sizeof out);    /* never-valid bytes */
    CHECK_STR(out, "BAD BAD BAD");
    S_decode_all("A\xE2\x82Z", 4, out, sizeof out);      /* truncated, resync */
    CHECK_STR(out, "41 BAD 5A");
    S_decode_all("\xF0\x9F\x98", 3, out, sizeof out);    /* truncated at end */
    CHECK_STR(out, "BAD");
    S_decode_all("\xEF\xBF\xBF", 3, out, sizeof out);    /* U+FFFF is a scalar */
    CHECK_STR(out, "FFFF");
}

static void json_escapes_and_repairs(void)
{
    annal_buf b;
    annal_buf_init(&b, NULL);
    annal_json_str(&b, "a\"b\\c\n\x01\xE2\x80\xA8z\xFF", 12);
    CHECK_STR(b.p, "\"a\\\"b\\\\c\\n\\u0001\\u2028z\xEF\xBF\xBD\"");
    annal_buf_clear(&b);
    annal_json_num(&b, 60000);
    annal_buf_putc(&b, ' ');
    annal_json_num(&b, 1.5);
    annal_buf_putc(&b, ' ');
    annal_json_num(&b, 1.0 / 0.0);
    CHECK_STR(b.p, "60000 1.5 null");
    annal_buf_free(&b);
}

static void arena_alignment_and_reset(void)
{
    annal_arena ar;
    char *a, *b;
    annal_arena_init(&ar, NULL);
    a = annal_arena_alloc(&ar, 3);
    b = annal_arena_alloc(&ar, 5);
    CHECK(a && b);
    CHECK(((uintptr_t)a % 16) == 0 && ((uintptr_t)b % 16) == 0);
    CHECK(annal_arena_alloc(&ar, 1u << 20) != NULL);   /* bigger than a block */
    annal_arena_reset(&ar);
    CHECK(annal_arena_strndup(&ar, "xyz", 3) != NULL);
    annal_arena_free(&ar);
}

static void calendar_round_trip(void)
{
    annal_ymd d = {1993, 4, 2}, e;
    int64_t z = annal_ymd_to_days(d);
    e = annal_days_to_ymd(z);
    CHECK_INT(e.year, 1993);
    CHECK_INT(e.month, 4);
    CHECK_INT(e.day, 2);
    CHECK_INT(annal_ymd_weekday(d), 5);          /* 1993-04-02 was a Friday */
    CHECK_INT(annal_days_in_month(2000, 2), 29);
    CHECK_INT(annal_days_in_month(1900, 2), 28);
    CHECK_INT(annal_ymd_to_days((annal_ymd){1970, 1, 1}), 0);
    for (int64_t k = -800000; k < 800000; k += 997) {
        annal_ymd r = annal_days_to_ymd(k);
        CHECK_INT(annal_ymd_to_days(r), k);
    }
}

static void ymd_parse_rejects_impossible(void)
{
    annal_ymd d;
    CHECK_INT(annal_ymd_parse("2020-02-29", 10, &d), 0);
    CHECK(annal_ymd_parse("2019-02-29", 10, &d) != 0);
    CHECK(annal_ymd_parse("2020-13-01", 10, &d) != 0);
    CHECK(annal_ymd_parse("0000-01-01", 10, &d) != 0);
    CHECK(annal_ymd_parse("2020-1-01", 9, &d) != 0);
    CHECK(annal_ymd_parse("20x0-01-01", 10, &d) != 0);
}

TEST_SUITE(suite_core) = {
    {"utf8_valid_forms", utf8_valid_forms},
    {"utf8_ill_formed_classes", utf8_ill_formed_classes},
    {"json_escapes_and_repairs", json_escapes_and_repairs},
    {"arena_alignment_and_reset", arena_alignment_and_reset},
    {"calendar_round_trip", calendar_round_trip},
    {"ymd_parse_rejects_impossible", ymd_parse_rejects_impossible},
    {NULL, NULL},
};
