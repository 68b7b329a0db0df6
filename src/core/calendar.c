/*
 * calendar.c - proleptic Gregorian arithmetic for date resolution.
 * Day numbers count from 1970-01-01 (day 0); the conversion is the
 * well-known civil-from-days algorithm over 400-year eras.
 */
#include <stdio.h>
#include <string.h>

#include "calendar.h"

int annal_days_in_month(int y, int m)
{
    static const int dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap ? 29 : dim[m];
}

int64_t annal_ymd_to_days(annal_ymd d)
{
    int64_t y = d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

annal_ymd annal_days_to_ymd(int64_t z)
{
    annal_ymd r;
    int64_t era, doe, yoe, y, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    r.day = (uint8_t)(doy - (153 * mp + 2) / 5 + 1);
    r.month = (uint8_t)(mp < 10 ? mp + 3 : mp - 9);
    r.year = (int16_t)(y + (r.month <= 2));
    return r;
}

int annal_ymd_weekday(annal_ymd d)
{
    int64_t z = annal_ymd_to_days(d);   /* 1970-01-01 was a Thursday */
    int64_t w = (z + 3) % 7;

    if (w < 0)
        w += 7;
    return (int)w + 1;
}

const char *annal_ymd_format(annal_ymd d, annal_precision p, char *buf)
{
    unsigned y = (unsigned)d.year % 10000u, m = d.month % 100u, day = d.day % 100u;

    buf[0] = '\0';
    if (d.year <= 0)
        return buf;
    switch (p) {
    case ANNAL_PREC_DAY:
        snprintf(buf, 11, "%04u-%02u-%02u", y, m, day);
        break;
    case ANNAL_PREC_MONTH:
        snprintf(buf, 11, "%04u-%02u", y, m);
        break;
    case ANNAL_PREC_YEAR:
        snprintf(buf, 11, "%04u", y);
        break;
    default:
        break;
    }
    return buf;
}

const char *annal_precision_name(annal_precision p)
{
    switch (p) {
    case ANNAL_PREC_DAY: return "day";
    case ANNAL_PREC_MONTH: return "month";
    case ANNAL_PREC_YEAR: return "year";
    default: return "none";
    }
}

int annal_ymd_parse(const char *s, size_t len, annal_ymd *out)
{
    int y = 0, m = 0, d = 0;

    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return -1;
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || d < 1 || d > annal_days_in_month(y, m))
        return -1;
    out->year = (int16_t)y;
    out->month = (uint8_t)m;
    out->day = (uint8_t)d;
    return 0;
}
