/* test_normalize.c - replacements and the offset map back to raw bytes. */
#include "test.h"
#include "../../src/text/normalize.h"

static annal_norm S_n;

static const char *S_norm(const char *raw, size_t len)
{
    annal_norm_init(&S_n, NULL);
    CHECK_INT(annal_normalize(&S_n, raw, 0, len), ANNAL_OK);
    return S_n.text.p;
}

static void replaces_typography(void)
{
    const char *raw = "\xE2\x80\x9CKalbajar\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94 a\xC2\xA0" "b\xE2\x80\xA6";
    CHECK_STR(S_norm(raw, strlen(raw)), "\"Kalbajar's\" -- a b...");
    annal_norm_free(&S_n);
}

static void deletes_soft_hyphen_and_zero_width(void)
{
    const char *raw = "occu\xC2\xADpa\xE2\x80\x8Btion\xEF\xBB\xBF";
    CHECK_STR(S_norm(raw, strlen(raw)), "occupation");
    annal_norm_free(&S_n);
}

static void controls_and_line_ends(void)
{
    const char raw[] = "a\0b\r\nc\rd\x07";
    CHECK_STR(S_norm(raw, sizeof raw - 1), "a b \nc\nd ");
    CHECK_INT(S_n.controls, 2);
    annal_norm_free(&S_n);
}

static void digits_and_fullwidth(void)
{
    const char *raw = "\xD9\xA1\xD9\xA2 \xEF\xBC\xA1";   /* Arabic-Indic 12, fullwidth A */
    CHECK_STR(S_norm(raw, strlen(raw)), "12 A");
    annal_norm_free(&S_n);
}

static void nfc_composes_marks(void)
{
    const char *raw = "Ko\xCC\x88ln e\xCC\x81";   /* o + U+0308, e + U+0301 */
    CHECK_STR(S_norm(raw, strlen(raw)), "K\xC3\xB6ln \xC3\xA9");
    annal_norm_free(&S_n);
}

static void invalid_utf8_counted(void)
{
    const char *raw = "a\xFF" "b\xE2\x82";
    CHECK_STR(S_norm(raw, strlen(raw)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK_INT(S_n.bad_utf8, 2);
    CHECK_INT(S_n.first_bad, 1);
    annal_norm_free(&S_n);
}

/* Start and end offsets of "Kalbajar's" pieces map back exactly. */
static void offsets_map_back(void)
{
    /* raw: [0]“ (3) [3]Kalbajar (8) [11]’ (3) [14]s [15] space [16]x */
    const char *raw = "\xE2\x80\x9CKalbajar\xE2\x80\x99s x";
    size_t c1 = 0, c2 = 0;
    S_norm(raw, strlen(raw));
    CHECK_STR(S_n.text.p, "\"Kalbajar's x");
    CHECK_INT(annal_norm_map_start(&S_n, 0, &c1), 0);    /* “ */
    CHECK_INT(annal_norm_map_end(&S_n, 1, &c2), 3);
    CHECK_INT(annal_norm_map_start(&S_n, 1, &c1), 3);    /* Kalbajar */
    CHECK_INT(annal_norm_map_end(&S_n, 9, &c2), 11);
    CHECK_INT(annal_norm_map_start(&S_n, 9, &c1), 11);   /* 's */
    CHECK_INT(annal_norm_map_end(&S_n, 11, &c2), 15);
    CHECK_INT(annal_norm_map_start(&S_n, 12, &c1), 16);  /* x */
    CHECK_INT(annal_norm_map_end(&S_n, 13, &c2), 17);
    /* out of order queries give the same answers */
    c1 = 5;
    CHECK_INT(annal_norm_map_start(&S_n, 1, &c1), 3);
    annal_norm_free(&S_n);
}

static void deleted_characters_attach_to_nothing(void)
{
    /* "ab" ZWSP "cd": tokens "ab" and "cd" would not include the ZWSP */
    const char *raw = "ab \xE2\x80\x8B" "cd";
    size_t c1 = 0, c2 = 0;
    S_norm(raw, strlen(raw));
    CHECK_STR(S_n.text.p, "ab cd");
    CHECK_INT(annal_norm_map_end(&S_n, 2, &c2), 2);
    CHECK_INT(annal_norm_map_start(&S_n, 3, &c1), 6);
    CHECK_INT(annal_norm_map_end(&S_n, 5, &c2), 8);
    annal_norm_free(&S_n);
}

static void body_offset_base(void)
{
    const char *raw = "HEADER\nbody\xE2\x80\x99s";
    size_t c = 0;
    annal_norm_init(&S_n, NULL);
    CHECK_INT(annal_normalize(&S_n, raw, 7, strlen(raw)), ANNAL_OK);
    CHECK_STR(S_n.text.p, "body's");
    CHECK_INT(annal_norm_map_start(&S_n, 0, &c), 7);
    CHECK_INT(annal_norm_map_end(&S_n, 6, &c), (long long)strlen(raw));
    annal_norm_free(&S_n);
}

TEST_SUITE(suite_normalize) = {
    {"replaces_typography", replaces_typography},
    {"deletes_soft_hyphen_and_zero_width", deletes_soft_hyphen_and_zero_width},
    {"controls_and_line_ends", controls_and_line_ends},
    {"digits_and_fullwidth", digits_and_fullwidth},
    {"nfc_composes_marks", nfc_composes_marks},
    {"invalid_utf8_counted", invalid_utf8_counted},
    {"offsets_map_back", offsets_map_back},
    {"deleted_characters_attach_to_nothing", deleted_characters_attach_to_nothing},
    {"body_offset_base", body_offset_base},
    {NULL, NULL},
};
