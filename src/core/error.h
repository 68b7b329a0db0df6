/*
 * error.h - filling annal_error values.
 *
 * annal_error_set() formats a complete message ("FILE:LINE: reason") into
 * err->msg, so callers can print err->msg as it is.  It accepts err == NULL
 * and returns the code, so a failure path is one line:
 *
 *     return annal_error_set(err, ANNAL_EIO, path, 0, UINT64_MAX,
 *                            "cannot open: %s", strerror(errno));
 */
#ifndef ANNAL_CORE_ERROR_H
#define ANNAL_CORE_ERROR_H

#include "annal.h"

#define ANNAL_NO_OFFSET UINT64_MAX

annal_status annal_error_set(annal_error *err, annal_status code,
                             const char *file, uint64_t line,
                             uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void annal_error_clear(annal_error *err);

#endif
