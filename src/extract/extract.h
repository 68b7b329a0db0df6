/*
 * extract.h - the number and date extractors.
 *
 * Both read one sentence at a time through an annal_tview and append what
 * they find to a growable array.  `used` has one byte per document token;
 * the date extractor marks the tokens it consumes so that the number
 * extractor does not report "1993" in "April 2, 1993" as a quantity.
 * Rules: docs/numbers-and-dates.md.
 */
#ifndef ANNAL_EXTRACT_EXTRACT_H
#define ANNAL_EXTRACT_EXTRACT_H

#include "annal.h"
#include "../core/calendar.h"
#include "../lex/tview.h"

typedef struct annal_numvec {
    annal_number *v;
    size_t n, cap;
    const annal_alloc *alloc;
} annal_numvec;

typedef struct annal_datevec {
    annal_date_expr *v;
    size_t n, cap;
    const annal_alloc *alloc;
} annal_datevec;

/* cand[0..ncand) are the sentence's candidate tokens (text/tokenize.h),
 * increasing: expressions can start only there. */
annal_status annal_find_dates(const annal_tview *v, const annal_sentence *s,
                              uint32_t sent_index, const uint32_t *cand,
                              size_t ncand, annal_ymd published,
                              uint8_t *used, annal_datevec *out);

annal_status annal_find_numbers(const annal_tview *v, const annal_sentence *s,
                                uint32_t sent_index, const uint32_t *cand,
                                size_t ncand, uint8_t *used,
                                annal_numvec *out);

#endif
