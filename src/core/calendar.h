/*
 * calendar.h - proleptic Gregorian day arithmetic (calendar.c).
 *
 * Day numbers count from 1970-01-01 (day 0).  Used by date resolution, by
 * the date ranges of dictionary entries, and by `annal_ymd_parse` and
 * `annal_ymd_format` of the public header.
 */
#ifndef ANNAL_CORE_CALENDAR_H
#define ANNAL_CORE_CALENDAR_H

#include <stdint.h>

#include "annal.h"

int annal_days_in_month(int year, int month);
/* Days since 1970-01-01 and back. */
int64_t annal_ymd_to_days(annal_ymd d);
annal_ymd annal_days_to_ymd(int64_t days);
/* 1 = Monday .. 7 = Sunday */
int annal_ymd_weekday(annal_ymd d);

#endif
