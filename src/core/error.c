/* error.c - see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const S_names[] = {
    [ANNAL_OK] = "OK",           [ANNAL_ENOMEM] = "ENOMEM",
    [ANNAL_EIO] = "EIO",         [ANNAL_EFORMAT] = "EFORMAT",
    [ANNAL_ELIMIT] = "ELIMIT",   [ANNAL_EDICT] = "EDICT",
    [ANNAL_EDATA] = "EDATA",     [ANNAL_EUSAGE] = "EUSAGE",
    [ANNAL_EBINARY] = "EBINARY", [ANNAL_EEMPTY] = "EEMPTY",
};

const char *annal_status_name(annal_status s)
{
    if ((unsigned)s < sizeof S_names / sizeof S_names[0] && S_names[s])
        return S_names[s];
    return "EUNKNOWN";
}

void annal_error_clear(annal_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = ANNAL_NO_OFFSET;
}

annal_status annal_error_set(annal_error *err, annal_status code,
                             const char *file, uint64_t line,
                             uint64_t offset, const char *fmt, ...)
{
    char reason[384];
    va_list ap;
    int n = 0;

    if (!err)
        return code;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    err->code = code;
    err->line = line;
    err->offset = offset;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    if (file && *file) {
        if (line)
            n = snprintf(err->msg, sizeof err->msg, "%s:%llu: ", file,
                         (unsigned long long)line);
        else if (offset != ANNAL_NO_OFFSET)
            n = snprintf(err->msg, sizeof err->msg, "%s: byte %llu: ", file,
                         (unsigned long long)offset);
        else
            n = snprintf(err->msg, sizeof err->msg, "%s: ", file);
    }
    if (n < 0 || (size_t)n >= sizeof err->msg)
        n = 0;
    snprintf(err->msg + n, sizeof err->msg - (size_t)n, "%s", reason);
    return code;
}
