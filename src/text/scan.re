/*
 * scan.re - tokenizer grammar, compiled by re2c into scan.c.
 * Regenerate with `make regen` (re2c -W -Werror --utf8).  See scan.h.
 */
#include "scan.h"


int annal_scan_next(const char *s, size_t len, size_t *pos,
                    annal_scan_tok *out)
{
    const unsigned char *base = (const unsigned char *)s;
    const unsigned char *YYCURSOR = base + *pos, *YYMARKER = YYCURSOR;
    const unsigned char *YYCTXMARKER = YYCURSOR;
    const unsigned char *tok;
    unsigned ws = 0, newlines = 0;
    int kind;

loop:
    tok = YYCURSOR;
    /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;

        end      = "\x00";
        /* Non-ASCII code points are letters unless they are in this list of
           punctuation, symbol and space blocks.  This keeps the DFA small
           (the full Unicode letter class makes it 60k lines) and is exact
           for every script annal reads; tokenize.c needs no second check. */
        ustop    = [\u0080-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bf\u00d7\u00f7]
                 | [\u02c2-\u02c5\u02d2-\u02df\u02e5-\u02eb\u02ed\u02ef-\u02ff]
                 | [\u037e\u0387\u055a-\u055f\u0589\u058a\u05be\u05c0\u05c3\u05c6\u05f3\u05f4]
                 | [\u0600-\u060f\u061b-\u061f\u066a-\u066d\u06d4\u06dd\u06de\u06e9]
                 | [\u0964\u0965\u0970\u0e3f\u0e4f\u0e5a\u0e5b\u10fb\u1360-\u1368]
                 | [\u2000-\u206f\u20a0-\u20cf\u2100-\u2101\u2103-\u2106\u2108\u2109\u2116-\u2118\u211e-\u2123\u2125\u2127\u2129\u212e\u213a\u213b\u2140-\u2144\u214a-\u214d\u214f]
                 | [\u2150-\u218f\u2190-\u2bff\u2e00-\u2e7f\u3000-\u3004\u3008-\u3020\u3030\u303d-\u303f\u30fb]
                 | [\ufd3e\ufd3f\ufe10-\ufe19\ufe30-\ufe6f\uff01-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffee\ufff0-\uffff]
                 | [\U0001f000-\U0001faff];
        letter   = [a-zA-Z] | ([\u0080-\U0010ffff] \ ustop);
        digit    = [0-9];
        alnum    = letter | digit;
        seg      = alnum+ ("'" letter+)*;
        lseg     = digit* letter alnum* ("'" letter+)*;
        word     = (digit+ "-")* lseg ("-" seg)*;
        number   = digit{1,3} ("," digit{3})+ ("." digit+)?
                 | digit+ ("." digit+)?
                 | "." digit+;
        ordsuf   = "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH";
        urlchar  = [^ \t\n\x00"<>];
        host     = [a-zA-Z0-9-]+ ("." [a-zA-Z0-9-]+)+;

        end { if ((size_t)(tok - base) >= len) { kind = ANNAL_SCAN_END; goto done; }
              kind = ANNAL_SCAN_OTHER; goto done; }
        [ \t]+ { ws |= 1u; goto loop; }
        "\n"   { ws |= 1u | 2u; if (++newlines >= 2) ws |= 4u; goto loop; }

        ("http" "s"? | "ftp" | "HTTP" "S"?) "://" urlchar+ { kind = ANNAL_SCAN_URL; goto done; }
        "www." host ("/" urlchar*)?                 { kind = ANNAL_SCAN_URL; goto done; }
        [a-zA-Z0-9._%+-]+ "@" host                  { kind = ANNAL_SCAN_EMAIL; goto done; }
        "@" [a-zA-Z0-9_]+                           { kind = ANNAL_SCAN_HANDLE; goto done; }
        "#" alnum+                                  { kind = ANNAL_SCAN_HASHTAG; goto done; }

        digit{4} "-" digit{2} "-" digit{2}         { kind = ANNAL_SCAN_ISODATE; goto done; }
        digit{4} "/" digit{1,2} "/" digit{1,2}     { kind = ANNAL_SCAN_ISODATE; goto done; }
        digit{1,2} ":" digit{2} (":" digit{2})?    { kind = ANNAL_SCAN_TIME; goto done; }
        digit+ ordsuf                               { kind = ANNAL_SCAN_ORDINAL; goto done; }
        digit{3} "0" ("s" | "'s")                   { kind = ANNAL_SCAN_DECADE; goto done; }
        "'" digit "0s"                              { kind = ANNAL_SCAN_DECADE; goto done; }
        number                                      { kind = ANNAL_SCAN_NUMBER; goto done; }

        letter ("." letter)+ "."?                   { kind = ANNAL_SCAN_ACRONYM; goto done; }
        [A-Z][a-z]? "." ([A-Z][a-z]? ".")+          { kind = ANNAL_SCAN_ACRONYM; goto done; }
        /* The common shapes first: at equal length the earlier rule wins,
           so "the" and "Baku" skip the general word's flag computation. */
        [a-z]+                                      { kind = ANNAL_SCAN_WORD_LOWER; goto done; }
        [A-Z][a-z]+                                 { kind = ANNAL_SCAN_WORD_CAP; goto done; }
        word                                        { kind = ANNAL_SCAN_WORD; goto done; }
        "'" [sSdDmM] / [^a-zA-Z0-9]                 { kind = ANNAL_SCAN_CLITIC; goto done; }
        "'" ("re" | "ve" | "ll" | "RE" | "VE" | "LL") / [^a-zA-Z0-9] { kind = ANNAL_SCAN_CLITIC; goto done; }

        "."{3,}                                     { kind = ANNAL_SCAN_ELLIPSIS; goto done; }
        ". . ."                                     { kind = ANNAL_SCAN_ELLIPSIS; goto done; }
        [!?]+                                       { kind = ANNAL_SCAN_PUNCT; goto done; }
        [.,;:]                                      { kind = ANNAL_SCAN_PUNCT; goto done; }
        "-"+                                        { kind = ANNAL_SCAN_DASH; goto done; }
        ["'`]                                       { kind = ANNAL_SCAN_QUOTE; goto done; }
        [([{]                                       { kind = ANNAL_SCAN_OPEN; goto done; }
        [)\]}]                                      { kind = ANNAL_SCAN_CLOSE; goto done; }
        ustop | [%&/*+=<>|~^\\#@$]                       { kind = ANNAL_SCAN_SYMBOL; goto done; }
        *                                           { kind = ANNAL_SCAN_OTHER; goto done; }
    */
done:
    out->start = (uint32_t)(tok - base);
    out->end = (uint32_t)(YYCURSOR - base);
    out->kind = kind;
    out->ws = ws;
    *pos = (size_t)(YYCURSOR - base);
    return kind;
}
