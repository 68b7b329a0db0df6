/* test_dates.c - date expressions resolved against a publication date. */
#include "test.h"

/* "text=date/precision; ..." for every date found. */
static const char *S_dates(const char *text, const char *published)
{
    static char out[2048];
    annal_doc *d = test_process(text, published);
    const annal_date_expr *e = annal_doc_dates(d);
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < annal_doc_ndates(d) && o < sizeof out - 64; i++) {
        char buf[16];
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s=%s/%s", i ? "; " : "",
                              (int)(e[i].end - e[i].start), text + e[i].start,
                              e[i].precision ? annal_ymd_format(e[i].date, (annal_precision)e[i].precision, buf) : "null",
                              annal_precision_name((annal_precision)e[i].precision));
    }
    return out;
}

static void issue_examples(void)
{
    CHECK_STR(S_dates("It fell on April 2, 1993.", "2020-04-02"), "April 2, 1993=1993-04-02/day");
    CHECK_STR(S_dates("The statement marks the 27th anniversary of the occupation.", "2020-04-02"),
              "27th anniversary=1993-04-02/day");
    CHECK_STR(S_dates("the April 2, 2016 clashes", "2020-04-02"), "April 2, 2016=2016-04-02/day");
    CHECK_STR(S_dates("It happened in April.", "2020-04-02"), "April=2020-04/month");
}

static void absolute_forms(void)
{
    CHECK_STR(S_dates("on 2 April 1993", "2020-01-01"), "2 April 1993=1993-04-02/day");
    CHECK_STR(S_dates("in April 1993", "2020-01-01"), "April 1993=1993-04/month");
    CHECK_STR(S_dates("in 1993", "2020-01-01"), "1993=1993/year");
    CHECK_STR(S_dates("on 2016-04-02", NULL), "2016-04-02=2016-04-02/day");
    CHECK_STR(S_dates("in the 1990s", NULL), "1990s=1990/year");
    CHECK_STR(S_dates("on Jan. 5, 2001", NULL), "Jan. 5, 2001=2001-01-05/day");
    CHECK_STR(S_dates("on February 30, 2001", NULL), "");
}

static void partial_forms(void)
{
    CHECK_STR(S_dates("on April 2", "2020-04-02"), "April 2=2020-04-02/day");
    CHECK_STR(S_dates("on December 30", "2020-01-03"), "December 30=2019-12-30/day");
    CHECK_STR(S_dates("on April 2", NULL), "April 2=null/none");
}

static void weekdays(void)
{
    /* 2020-04-02 was a Thursday */
    CHECK_STR(S_dates("on Tuesday", "2020-04-02"), "Tuesday=2020-03-31/day");
    CHECK_STR(S_dates("on Thursday", "2020-04-02"), "Thursday=2020-04-02/day");
    CHECK_STR(S_dates("next Tuesday", "2020-04-02"), "next Tuesday=2020-04-07/day");
    CHECK_STR(S_dates("last Thursday", "2020-04-02"), "last Thursday=2020-03-26/day");
}

static void relative(void)
{
    CHECK_STR(S_dates("yesterday", "2020-04-02"), "yesterday=2020-04-01/day");
    CHECK_STR(S_dates("two days ago", "2020-04-02"), "two days ago=2020-03-31/day");
    CHECK_STR(S_dates("earlier this month", "2020-04-02"), "earlier this month=2020-04/month");
    CHECK_STR(S_dates("last month", "2020-04-02"), "last month=2020-03/month");
    CHECK_STR(S_dates("last year", "2020-04-02"), "last year=2019/year");
    CHECK_STR(S_dates("last week", "2020-04-02"), "last week=2020-03/month");
    CHECK_STR(S_dates("27 years ago", "2020-04-02"), "27 years ago=1993/year");
}

static void intervals(void)
{
    annal_doc *d = test_process("during the 1990s", NULL);
    const annal_date_expr *e = annal_doc_dates(d);
    CHECK_INT(annal_doc_ndates(d), 1);
    CHECK_INT(e[0].first.year, 1990);
    CHECK_INT(e[0].last.year, 1999);
    CHECK_INT(e[0].last.month, 12);
    CHECK_INT(e[0].last.day, 31);
    CHECK_STR(S_dates("from 1992-1994", NULL), "1992-1994=1992/year");
    CHECK_STR(S_dates("in early April 1993", NULL), "early April 1993=1993-04/month");
    CHECK_STR(S_dates("in mid-1993", NULL), "mid-1993=1993/year");
}

TEST_SUITE(suite_dates) = {
    {"issue_examples", issue_examples},
    {"absolute_forms", absolute_forms},
    {"partial_forms", partial_forms},
    {"weekdays", weekdays},
    {"relative", relative},
    {"intervals", intervals},
    {NULL, NULL},
};
