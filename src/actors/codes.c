/*
 * codes.c - the CAMEO actor code parts annal knows (actor codebook,
 * chapter 3): role codes, and the international, transnational and region
 * codes that may stand first in a code instead of a country.
 */
#include <string.h>

#include "table.h"

/* Table 3.1: primary, secondary and tertiary role codes, PTY (party), and
 * the international roles that also serve as role parts (NGO, IGO, PKO:
 * peacekeepers). */
static const struct { char code[4]; int primary; } S_roles[] = {
    {"COP", 1}, {"GOV", 1}, {"INS", 1}, {"JUD", 1}, {"MIL", 1}, {"OPP", 1},
    {"REB", 1}, {"SEP", 1}, {"SPY", 1}, {"UAF", 1},
    {"AGR", 0}, {"BUS", 0}, {"CRM", 0}, {"CVL", 0}, {"DEV", 0}, {"EDU", 0},
    {"ELI", 0}, {"ENV", 0}, {"HLH", 0}, {"HRI", 0}, {"LAB", 0}, {"LEG", 0},
    {"MED", 0}, {"REF", 0}, {"MOD", 0}, {"RAD", 0}, {"PTY", 0},
    {"NGO", 0}, {"IGO", 0}, {"PKO", 0},
};

/* Tables 3.2 and 3.3: generic international codes and region codes. */
static const char S_intl[][4] = {
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS",
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF",
    "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM",
    "SAS", "SEA", "SAF", "WAF", "WST",
};

int annal_role_code(const char *s, int *primary)
{
    for (size_t i = 0; i < sizeof S_roles / sizeof S_roles[0]; i++)
        if (memcmp(s, S_roles[i].code, 3) == 0) {
            if (primary)
                *primary = S_roles[i].primary;
            return 1;
        }
    return 0;
}

int annal_intl_code(const char *s)
{
    for (size_t i = 0; i < sizeof S_intl / sizeof S_intl[0]; i++)
        if (memcmp(s, S_intl[i], 3) == 0)
            return 1;
    return 0;
}
