/*
 * buf.h - an owned, growable byte buffer (the counterpart of a borrowed
 * span).  The buffer carries its allocator; `p` is always NUL-terminated
 * after a successful append so it can be handed to C string functions.
 * A failed append sets `oom` and turns every later append into a no-op, so
 * writers can append freely and check once at the end.
 */
#ifndef ANNAL_CORE_BUF_H
#define ANNAL_CORE_BUF_H

#include <stdarg.h>

#include "annal.h"

typedef struct annal_buf {
    char *p;
    size_t len, cap;
    const annal_alloc *alloc;
    int oom;
} annal_buf;

void annal_buf_init(annal_buf *b, const annal_alloc *alloc);
void annal_buf_free(annal_buf *b);
void annal_buf_clear(annal_buf *b);
int annal_buf_reserve(annal_buf *b, size_t extra);
void annal_buf_put(annal_buf *b, const char *s, size_t n);
void annal_buf_puts(annal_buf *b, const char *s);
void annal_buf_putc(annal_buf *b, char c);
void annal_buf_printf(annal_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void annal_buf_vprintf(annal_buf *b, const char *fmt, va_list ap);

#endif
