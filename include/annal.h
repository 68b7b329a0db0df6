/*
 * annal.h - the one public header of annal, a news-to-event-data coder.
 *
 * Three objects, three lifetimes:
 *
 *   annal_engine   immutable after annal_engine_open(): the memory-mapped
 *                  dictionary snapshot (lexicon, and later actors, patterns,
 *                  gazetteer) plus limits.  Shared read-only by any number of
 *                  threads; freed once with annal_engine_free().
 *
 *   annal_doc      one worker's scratch for one document at a time.  It owns
 *                  one arena and a few growable arrays; annal_doc_process()
 *                  resets them and fills them for a new text, so a worker
 *                  reuses one annal_doc for a whole stream.  Every pointer it
 *                  hands out lives until the next annal_doc_process() or
 *                  annal_doc_free() on that doc.  Not thread-safe: one doc
 *                  per thread.
 *
 *   annal_reader   walks inputs (files, directories, stdin, .gz/.zst, plain
 *                  text or JSON Lines) and yields one document at a time,
 *                  reporting and skipping bad input.
 *
 * Offsets.  Every span annal reports is a half-open byte range [start, end)
 * into the document text exactly as read: the file's bytes after
 * decompression (header line included) for plain-text files, or the decoded
 * "text" string for JSON Lines.  Repairs and normalisation never shift them.
 *
 * Errors are values: every fallible call returns an annal_status and, when
 * given one, fills an annal_error with a message and a position.
 * Out-of-memory policy: allocation failures are returned as ANNAL_ENOMEM,
 * never abort (see docs/architecture.md).
 */
#ifndef ANNAL_H
#define ANNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ANNAL_EXPORT __attribute__((visibility("default")))
#else
#define ANNAL_EXPORT
#endif

#define ANNAL_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

typedef enum annal_status {
    ANNAL_OK = 0,
    ANNAL_ENOMEM,    /* an allocation failed */
    ANNAL_EIO,       /* a file could not be opened, read or written */
    ANNAL_EFORMAT,   /* input is not in the expected format (bad JSON line) */
    ANNAL_ELIMIT,    /* a named limit was exceeded (see annal_limits) */
    ANNAL_EDICT,     /* dictionary snapshot missing, corrupt or wrong version */
    ANNAL_EDATA,     /* a dictionary source file has a malformed line */
    ANNAL_EUSAGE,    /* bad argument from the caller */
    ANNAL_EBINARY,   /* input looks like a binary file, not text */
    ANNAL_EEMPTY     /* input has no text */
} annal_status;

/* A filled-in error.  `msg` is complete and printable on its own (it names
 * the file and the reason); `file`, `line` (1-based, 0 = none) and `offset`
 * (byte offset, or UINT64_MAX = none) repeat the position for programs. */
typedef struct annal_error {
    annal_status code;
    uint64_t line;
    uint64_t offset;
    char file[256];
    char msg[512];
} annal_error;

/* Static name of a status code ("ENOMEM", ...).  Never NULL. */
ANNAL_EXPORT const char *annal_status_name(annal_status s);

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

/* Optional allocator injected at the boundary.  `realloc` and `free` get
 * the old size so pool and counting allocators need no headers.  Passing
 * NULL anywhere an allocator is accepted means the C library's. */
typedef struct annal_alloc {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void (*free)(void *ctx, void *ptr, size_t size);
    void *ctx;
} annal_alloc;

/* ------------------------------------------------------------------ */
/* Limits                                                              */
/* ------------------------------------------------------------------ */

/* Named resource limits.  annal_limits_default() gives the documented
 * defaults (docs/limits.md); every limit has a CLI flag of the same name. */
typedef struct annal_limits {
    uint64_t max_doc_bytes;        /* longer documents are truncated, warned */
    uint32_t max_doc_tokens;       /* tokens kept per document, warned */
    uint32_t max_sentence_bytes;   /* longer sentences are split, warned */
    uint32_t max_sentence_tokens;  /* likewise, in tokens */
    uint32_t max_dir_depth;        /* directory recursion depth */
    uint32_t max_warnings;         /* warnings kept per document */
} annal_limits;

ANNAL_EXPORT annal_limits annal_limits_default(void);

/* ------------------------------------------------------------------ */
/* Engine                                                              */
/* ------------------------------------------------------------------ */

typedef struct annal_engine annal_engine;

typedef struct annal_engine_opts {
    const char *dict_path;       /* NULL: $ANNAL_DICT, else next to the program */
    const annal_alloc *alloc;    /* NULL: libc */
    const annal_limits *limits;  /* NULL: annal_limits_default() */
} annal_engine_opts;

/* Opens the snapshot at opts->dict_path (memory-mapped, checked on load).
 * On success *out owns the mapping; free it with annal_engine_free().
 * Thread safety: the returned engine is immutable and may be shared. */
ANNAL_EXPORT annal_status annal_engine_open(const annal_engine_opts *opts,
                                            annal_engine **out,
                                            annal_error *err);
ANNAL_EXPORT void annal_engine_free(annal_engine *eng);
ANNAL_EXPORT const annal_limits *annal_engine_limits(const annal_engine *eng);
/* The snapshot's own description (data version, build date); static. */
ANNAL_EXPORT const char *annal_engine_dict_info(const annal_engine *eng);

/* Default snapshot path for this program: $ANNAL_DICT if set, else
 * "annal.dict" beside the running executable.  Writes into buf. */
ANNAL_EXPORT const char *annal_default_dict_path(char *buf, size_t cap);

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

typedef enum annal_precision {
    ANNAL_PREC_NONE = 0,
    ANNAL_PREC_DAY,
    ANNAL_PREC_MONTH,
    ANNAL_PREC_YEAR
} annal_precision;

/* A calendar date; month/day are 0 when the precision does not reach them.
 * year 0 means "no date". */
typedef struct annal_ymd {
    int16_t year;
    uint8_t month;
    uint8_t day;
} annal_ymd;

/* Formats d at precision p as "YYYY-MM-DD", "YYYY-MM" or "YYYY" into buf
 * (at least 11 bytes).  Returns buf, or "" when there is no date. */
ANNAL_EXPORT const char *annal_ymd_format(annal_ymd d, annal_precision p,
                                          char *buf);
ANNAL_EXPORT const char *annal_precision_name(annal_precision p);
/* Parses "YYYY-MM-DD" exactly (a valid calendar day).  0 on success. */
ANNAL_EXPORT int annal_ymd_parse(const char *s, size_t len, annal_ymd *out);

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

typedef struct annal_doc annal_doc;

/* What is known about a document besides its text.  Strings are borrowed
 * and must live as long as the doc's current contents; NULL = unknown. */
typedef struct annal_doc_meta {
    const char *id;
    const char *source;     /* publisher */
    const char *title;
    const char *url;
    const char *author;
    annal_ymd published;    /* year 0: unknown */
    const char *origin;     /* file name for messages */
    uint64_t origin_line;   /* JSON Lines line number, 0 for whole files */
    int plain_text;         /* 1: parse "date ... By ..." header and byline */
    const char *note;       /* a reader's warning about this document, added
                               to its warnings (UTF-16 converted, ...) */
} annal_doc_meta;

enum annal_stage {
    ANNAL_STAGE_TOKENS = 1u << 0,    /* normalise, tokenise, split sentences */
    ANNAL_STAGE_LEX = 1u << 1,       /* lemmas and part-of-speech candidates */
    ANNAL_STAGE_NUMBERS = 1u << 2,
    ANNAL_STAGE_DATES = 1u << 3,
    ANNAL_STAGE_ACTORS = 1u << 4,    /* actor mentions and their codes */
    ANNAL_STAGE_ALL = 0xffffffffu
};

/* A new, empty document bound to eng (which must outlive it). */
ANNAL_EXPORT annal_doc *annal_doc_new(const annal_engine *eng);
ANNAL_EXPORT void annal_doc_free(annal_doc *doc);

/* Runs the stages in `stages` (ANNAL_STAGE_* bits; dependencies are added
 * automatically) over text[0..len).  The text is borrowed: it must stay
 * valid and unchanged while the results are in use.  Previous results of
 * this doc are discarded.  Problems in the text (invalid UTF-8, limits)
 * become warnings, not errors; errors are ENOMEM and EUSAGE only. */
ANNAL_EXPORT annal_status annal_doc_process(annal_doc *doc, const char *text,
                                            size_t len,
                                            const annal_doc_meta *meta,
                                            unsigned stages, annal_error *err);

/* The document's metadata after processing: the caller's, completed from
 * the plain-text header and byline when meta->plain_text was set.  The
 * strings live as long as the doc's contents. */
ANNAL_EXPORT const annal_doc_meta *annal_doc_get_meta(const annal_doc *doc);
ANNAL_EXPORT const char *annal_doc_text(const annal_doc *doc, size_t *len);

/* Token types.  Numbered in ranges so a class test is a comparison. */
typedef enum annal_token_type {
    ANNAL_TOK_WORD = 1,     /* letters, hyphenated or with inner apostrophe */
    ANNAL_TOK_ACRONYM,      /* U.S.  U.N.  e.g.  (dotted letters) */
    ANNAL_TOK_ABBREV,       /* Mr.  Gen.  Jan.  St.  (known word + period) */
    ANNAL_TOK_INITIAL,      /* J. in "J. Smith" */
    ANNAL_TOK_CLITIC,       /* 's  n't  're  've  'll  'd  'm */
    ANNAL_TOK_ALNUM,        /* Mi-24  5km  B52  24-hour  (letters and digits) */
    ANNAL_TOK_NUMBER = 16,  /* 511  60,000  1.5 */
    ANNAL_TOK_ORDINAL,      /* 27th  1st */
    ANNAL_TOK_DECADE,       /* 1990s  '90s */
    ANNAL_TOK_ISODATE,      /* 2016-04-02 */
    ANNAL_TOK_TIME,         /* 10:30 */
    ANNAL_TOK_URL = 32,
    ANNAL_TOK_EMAIL,
    ANNAL_TOK_HANDLE,       /* @name */
    ANNAL_TOK_HASHTAG,      /* #name */
    ANNAL_TOK_PUNCT = 48,   /* . , ; : ! ? ... and runs like ?! */
    ANNAL_TOK_QUOTE,        /* " ' (after normalisation) */
    ANNAL_TOK_OPEN,         /* ( [ { */
    ANNAL_TOK_CLOSE,        /* ) ] } */
    ANNAL_TOK_DASH,         /* - -- between words */
    ANNAL_TOK_SYMBOL,       /* % $ & / + = and other symbols */
    ANNAL_TOK_OTHER         /* anything else, one code point */
} annal_token_type;

#define ANNAL_TOK_IS_WORDLIKE(t) ((t) < ANNAL_TOK_NUMBER)
#define ANNAL_TOK_IS_NUMERIC(t) ((t) >= ANNAL_TOK_NUMBER && (t) < ANNAL_TOK_URL)
#define ANNAL_TOK_IS_PUNCT(t) ((t) >= ANNAL_TOK_PUNCT)

/* Token flags. */
enum annal_token_flag {
    ANNAL_TF_SPACE_BEFORE = 1u << 0,  /* whitespace precedes the token */
    ANNAL_TF_NEWLINE_BEFORE = 1u << 1,/* a line break precedes it */
    ANNAL_TF_PARA_BEFORE = 1u << 2,   /* a blank line precedes it */
    ANNAL_TF_CAP = 1u << 3,           /* first letter upper case */
    ANNAL_TF_UPPER = 1u << 4,         /* all letters upper case (2+ letters) */
    ANNAL_TF_HYPHEN = 1u << 5,        /* contains an inner hyphen */
    ANNAL_TF_DIGIT = 1u << 6,         /* contains a digit */
    ANNAL_TF_NONASCII = 1u << 7       /* contains a non-ASCII character */
};

/* Part-of-speech candidate bits (from WordNet and the closed-class lists). */
enum annal_pos {
    ANNAL_POS_NOUN = 1u << 0,
    ANNAL_POS_VERB = 1u << 1,
    ANNAL_POS_ADJ = 1u << 2,
    ANNAL_POS_ADV = 1u << 3,
    ANNAL_POS_DET = 1u << 4,
    ANNAL_POS_PRON = 1u << 5,
    ANNAL_POS_PREP = 1u << 6,
    ANNAL_POS_AUX = 1u << 7,     /* be, have, do and modals */
    ANNAL_POS_CONJ = 1u << 8,    /* coordinating */
    ANNAL_POS_SCONJ = 1u << 9,   /* subordinating: that, because, while */
    ANNAL_POS_PART = 1u << 10,   /* to, not, 's */
    ANNAL_POS_NUM = 1u << 11,
    ANNAL_POS_PUNCT = 1u << 12,
    ANNAL_POS_PROPN = 1u << 13,  /* capitalised and not in the lexicon */
    ANNAL_POS_INTJ = 1u << 14,
    ANNAL_POS_SYM = 1u << 15
};

/* Writes the candidate set as "NOUN|VERB" into buf (>= 96 bytes). */
ANNAL_EXPORT const char *annal_pos_format(unsigned mask, char *buf,
                                          size_t cap);

typedef struct annal_token {
    uint32_t start, end;        /* span in the document text (raw bytes) */
    uint32_t nstart, nend;      /* span in the normalised text */
    uint16_t type;              /* annal_token_type */
    uint16_t flags;             /* annal_token_flag bits */
    uint16_t pos;               /* annal_pos candidate bits (LEX stage) */
    uint16_t lemma_len;
    const char *lemma;          /* lower-case lemma (LEX stage), not
                                   NUL-terminated; NULL before LEX */
} annal_token;

typedef struct annal_sentence {
    uint32_t start, end;        /* span in the document text */
    uint32_t first_token;       /* index into the token array */
    uint32_t ntokens;
    uint32_t paragraph;         /* 0-based paragraph number */
    uint32_t flags;             /* ANNAL_SF_* */
} annal_sentence;

enum annal_sentence_flag {
    ANNAL_SF_FORCED_SPLIT = 1u << 0,  /* ended by a limit, not punctuation */
    ANNAL_SF_IN_QUOTE = 1u << 1       /* starts inside an open quotation */
};

typedef enum annal_qualifier {
    ANNAL_Q_EXACT = 0,
    ANNAL_Q_ABOUT,
    ANNAL_Q_MORE_THAN,
    ANNAL_Q_AT_LEAST,
    ANNAL_Q_LESS_THAN,
    ANNAL_Q_UP_TO,
    ANNAL_Q_RANGE
} annal_qualifier;

ANNAL_EXPORT const char *annal_qualifier_name(annal_qualifier q);

/* A quantity found in the text.  `number` is the conservative single
 * figure (the stated value; the low end of a range; the ACLED convention
 * value of a vague word such as "dozens" = 12).  low/high bound it when
 * known; has_low/has_high say whether they are. */
typedef struct annal_number {
    uint32_t start, end;        /* span in the document text */
    uint32_t sentence;
    uint32_t first_token, ntokens;
    double number, low, high;
    uint8_t has_low, has_high;
    uint8_t qualifier;          /* annal_qualifier */
    uint8_t vague;              /* 1: a vague word ("dozens", "hundreds") */
    uint8_t unit;               /* annal_number_unit */
} annal_number;

typedef enum annal_number_unit {
    ANNAL_UNIT_NONE = 0,
    ANNAL_UNIT_PERCENT,
    ANNAL_UNIT_MONEY
} annal_number_unit;

/* A date expression resolved against the text and the publication date. */
typedef struct annal_date_expr {
    uint32_t start, end;        /* span in the document text */
    uint32_t sentence;
    uint32_t first_token, ntokens;
    annal_ymd date;             /* year 0: could not be resolved */
    uint8_t precision;          /* annal_precision */
    uint8_t relative;           /* 1: needed the publication date */
    uint8_t kind;               /* annal_date_kind: which rule resolved it */
    uint8_t pad_;
    annal_ymd first, last;      /* the whole interval the expression names */
} annal_date_expr;

typedef enum annal_date_kind {
    ANNAL_DK_ABSOLUTE = 1,   /* April 2, 1993 / 2 April 1993 / 2016-04-02 */
    ANNAL_DK_MONTH_YEAR,     /* April 1993 */
    ANNAL_DK_YEAR,           /* in 1993 */
    ANNAL_DK_DECADE,         /* the 1990s */
    ANNAL_DK_PARTIAL,        /* on April 2 / in April (year from context) */
    ANNAL_DK_WEEKDAY,        /* on Tuesday / next Tuesday */
    ANNAL_DK_RELATIVE,       /* yesterday, last week, two days ago */
    ANNAL_DK_ANNIVERSARY     /* marks the 27th anniversary of ... */
} annal_date_kind;

ANNAL_EXPORT const char *annal_date_kind_name(unsigned kind);

/* ------------------------------------------------------------------ */
/* Actors                                                              */
/* ------------------------------------------------------------------ */

#define ANNAL_ACTOR_CODE_MAX 24

/* A mention of an actor, coded with the CAMEO actor conventions: a
 * country (ISO 3166-1 alpha-3) or an international code (IGO, NGO, a
 * region), then role codes (GOV, MIL, CVL ...), then an organisation's
 * own code ("ARMMIL", "IGOUNO", "AZEGOV").  A role without a known
 * country is the role alone ("CVL"). */
typedef struct annal_actor {
    uint32_t start, end;        /* span in the document text */
    uint32_t sentence;
    uint32_t first_token, ntokens;
    char code[ANNAL_ACTOR_CODE_MAX + 1];   /* NUL-terminated */
    char country[4];            /* the country part, "" for none or an
                                   international code */
    char role[4];               /* the first role part, "" for none */
    uint8_t how;                /* annal_actor_how: which rule coded it */
    uint8_t person;             /* 1: a person (people files, a title
                                   and a name, or a reference to one) */
    uint8_t pad_[2];
    int32_t antecedent;         /* coreference: the mention it refers to
                                   (an index into annal_doc_actors), or -1 */
    const char *rule;           /* why, for people: which entries and
                                   rules; NUL-terminated, lives with the doc */
} annal_actor;

typedef enum annal_actor_how {
    ANNAL_AH_NAME = 1,      /* a named actor: person, organisation, country */
    ANNAL_AH_COMPOSED,      /* country + role words ("Armenian forces") */
    ANNAL_AH_ROLE,          /* role words alone ("civilians") */
    ANNAL_AH_TITLE,         /* a title before a name not in the dictionary */
    ANNAL_AH_COREF,         /* refers back ("the ministry", "he") */
    ANNAL_AH_CONTEXT        /* role words given the one country their
                               sentence names ("civilians ... in Sudan") */
} annal_actor_how;

ANNAL_EXPORT const char *annal_actor_how_name(unsigned how);

/* What one dictionary line says of a phrase (annal_actor_entries). */
enum annal_actor_entry_kind {
    ANNAL_AE_COUNTRY = 1u << 0,   /* a country or region */
    ANNAL_AE_ADJ = 1u << 1,       /* adjective: combines with a role */
    ANNAL_AE_CAPITAL = 1u << 2,   /* capital: stands for the government */
    ANNAL_AE_ROLE = 1u << 3,      /* a role word ("troops": MIL) */
    ANNAL_AE_TITLE = 1u << 4,     /* a role word that may precede a name */
    ANNAL_AE_CODE = 1u << 5,      /* a named actor's full code */
    ANNAL_AE_FORMER = 1u << 6,    /* "former": makes the actor ELI */
    ANNAL_AE_CASE = 1u << 7,      /* matches only as written */
    ANNAL_AE_GENERIC = 1u << 8,   /* stands for the country itself ("side") */
    ANNAL_AE_PERSON = 1u << 9,    /* a person (from the people files) */
    ANNAL_AE_PEOPLE = 1u << 10    /* a people: "Armenians" (country + CVL) */
};

typedef struct annal_actor_entry {
    const char *code;             /* NUL-terminated; lives with the engine */
    unsigned kind;                /* annal_actor_entry_kind bits */
    annal_ymd from, until;        /* [from, until); year 0: open */
    const char *origin;           /* "file:line" of the dictionary line */
    int holds;                    /* 1: the line that holds on the day asked */
} annal_actor_entry;

/* The dictionary lines of phrase[0..len) (any case; words separated by
 * spaces), at most cap of them; returns how many there are.  `day` (year
 * 0: none) marks the line that holds on it. */
ANNAL_EXPORT size_t annal_actor_entries(const annal_engine *eng, const char *phrase,
                                        size_t len, annal_ymd day,
                                        annal_actor_entry *out, size_t cap);

/* A CAMEO event code and what it means. */
typedef struct annal_cameo_info {
    char code[8];                 /* "192", leading zeros kept: "042" */
    double goldstein;             /* -10 .. +10 */
    int quad_class;               /* 1 verbal coop., 2 material coop.,
                                     3 verbal conflict, 4 material conflict */
    const char *name;             /* NUL-terminated; live with the engine */
    const char *plover_event;     /* "" where CAMEO has no PLOVER mapping */
    const char *plover_mode;
    const char *plover_context;
} annal_cameo_info;

/* 1 and *out when `code` is a CAMEO code; 0 otherwise. */
ANNAL_EXPORT int annal_cameo_lookup(const annal_engine *eng, const char *code,
                                    annal_cameo_info *out);
/* All codes in order: the count, and the i-th. */
ANNAL_EXPORT size_t annal_cameo_count(const annal_engine *eng);
ANNAL_EXPORT void annal_cameo_get(const annal_engine *eng, size_t i, annal_cameo_info *out);

typedef struct annal_warning {
    uint32_t offset;         /* byte offset in the document text */
    const char *msg;         /* NUL-terminated, lives with the doc */
} annal_warning;

ANNAL_EXPORT size_t annal_doc_ntokens(const annal_doc *doc);
ANNAL_EXPORT const annal_token *annal_doc_tokens(const annal_doc *doc);
ANNAL_EXPORT size_t annal_doc_nsentences(const annal_doc *doc);
ANNAL_EXPORT const annal_sentence *annal_doc_sentences(const annal_doc *doc);
ANNAL_EXPORT size_t annal_doc_nnumbers(const annal_doc *doc);
ANNAL_EXPORT const annal_number *annal_doc_numbers(const annal_doc *doc);
ANNAL_EXPORT size_t annal_doc_ndates(const annal_doc *doc);
ANNAL_EXPORT const annal_date_expr *annal_doc_dates(const annal_doc *doc);
ANNAL_EXPORT size_t annal_doc_nactors(const annal_doc *doc);
ANNAL_EXPORT const annal_actor *annal_doc_actors(const annal_doc *doc);
ANNAL_EXPORT size_t annal_doc_nwarnings(const annal_doc *doc);
ANNAL_EXPORT const annal_warning *annal_doc_warnings(const annal_doc *doc);

/* The normalised text (valid UTF-8, NUL-terminated) and a mapping from a
 * normalised offset back to the document text. */
ANNAL_EXPORT const char *annal_doc_norm_text(const annal_doc *doc,
                                             size_t *len);
ANNAL_EXPORT uint32_t annal_doc_raw_offset(const annal_doc *doc,
                                           uint32_t norm_offset);

/* ------------------------------------------------------------------ */
/* Lexicon                                                             */
/* ------------------------------------------------------------------ */

/* Everything the lexicon knows of one word form. */
typedef struct annal_lex_info {
    unsigned pos;                 /* candidate annal_pos bits */
    const char *lemma;            /* best single lemma; lives with engine
                                     or with `scratch` */
    size_t lemma_len;
    const char *pos_lemma[4];     /* per open class: NOUN VERB ADJ ADV */
    size_t pos_lemma_len[4];
} annal_lex_info;

/* Looks up word[0..len) (any case).  scratch (>= 2*len+16 bytes) receives
 * lemmas built by suffix rules.  Returns 1 if the word is known. */
ANNAL_EXPORT int annal_lex_lookup(const annal_engine *eng, const char *word,
                                  size_t len, char *scratch, size_t cap,
                                  annal_lex_info *out);

/* ------------------------------------------------------------------ */
/* Dumps                                                               */
/* ------------------------------------------------------------------ */

typedef enum annal_dump_kind {
    ANNAL_DUMP_SENTENCES = 1,
    ANNAL_DUMP_TOKENS,
    ANNAL_DUMP_NUMBERS,
    ANNAL_DUMP_DATES,
    ANNAL_DUMP_ACTORS
} annal_dump_kind;

typedef enum annal_dump_format {
    ANNAL_DUMP_TABLE = 1,   /* aligned columns with a header, for people */
    ANNAL_DUMP_JSON,        /* JSON Lines, one object per item */
    ANNAL_DUMP_SPEC         /* tab-separated rows, no header (spec tests) */
} annal_dump_format;

/* Sink for text output; returns 0 on success. */
typedef int (*annal_write_fn)(void *ctx, const char *p, size_t n);

/* Writes every item of `kind` in doc.  Returns ANNAL_EIO if out failed. */
ANNAL_EXPORT annal_status annal_dump(const annal_doc *doc,
                                     annal_dump_kind kind,
                                     annal_dump_format fmt, annal_write_fn out,
                                     void *ctx);
/* "sentences" -> ANNAL_DUMP_SENTENCES; 0 if unknown. */
ANNAL_EXPORT annal_dump_kind annal_dump_kind_parse(const char *name);
/* The ANNAL_STAGE_* bits a dump kind needs. */
ANNAL_EXPORT unsigned annal_dump_stages(annal_dump_kind kind);

/* ------------------------------------------------------------------ */
/* Reader                                                              */
/* ------------------------------------------------------------------ */

typedef struct annal_reader annal_reader;

typedef enum annal_input_format {
    ANNAL_INPUT_AUTO = 0,   /* by extension; stdin by first byte */
    ANNAL_INPUT_TEXT,
    ANNAL_INPUT_JSONL
} annal_input_format;

/* Called for every problem the reader skips or repairs.  `err` names the
 * file, line and reason.  The reader goes on afterwards. */
typedef void (*annal_report_fn)(void *ctx, const annal_error *err);

typedef struct annal_reader_opts {
    annal_input_format format;
    const annal_limits *limits;   /* NULL: defaults */
    annal_ymd published;          /* --published, used when a doc has none */
    annal_report_fn report;       /* NULL: problems are only counted */
    void *report_ctx;
} annal_reader_opts;

/* One document from the reader.  All fields live until the next
 * annal_reader_next() or annal_reader_free(). */
typedef struct annal_input {
    const char *text;
    size_t len;
    annal_doc_meta meta;
} annal_input;

/* paths: files, directories (walked recursively in sorted order; *.txt,
 * *.jsonl and the same with .gz or .zst) or "-" for standard input. */
ANNAL_EXPORT annal_status annal_reader_open(const char *const *paths,
                                            size_t npaths,
                                            const annal_reader_opts *opts,
                                            annal_reader **out,
                                            annal_error *err);
/* Returns 1 and fills *in with the next document, 0 at the end. */
ANNAL_EXPORT int annal_reader_next(annal_reader *r, annal_input *in);
/* Number of files, lines or documents reported and skipped so far. */
ANNAL_EXPORT uint64_t annal_reader_skipped(const annal_reader *r);
ANNAL_EXPORT void annal_reader_free(annal_reader *r);

#ifdef __cplusplus
}
#endif
#endif /* ANNAL_H */
