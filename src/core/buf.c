/* buf.c - see buf.h. */
#include "buf.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"

void annal_buf_init(annal_buf *b, const annal_alloc *alloc)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->alloc = alloc;
    b->oom = 0;
}

void annal_buf_free(annal_buf *b)
{
    annal_free(b->alloc, b->p, b->cap);
    annal_buf_init(b, b->alloc);
}

void annal_buf_clear(annal_buf *b)
{
    b->len = 0;
    b->oom = 0;
    if (b->p)
        b->p[0] = '\0';
}

int annal_buf_reserve(annal_buf *b, size_t extra)
{
    void *p = b->p;
    size_t cap = b->cap;

    if (b->oom)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    if (annal_grow(b->alloc, &p, &cap, 1, b->len + extra + 1) != ANNAL_OK) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void annal_buf_put(annal_buf *b, const char *s, size_t n)
{
    if (annal_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void annal_buf_puts(annal_buf *b, const char *s)
{
    annal_buf_put(b, s, strlen(s));
}

void annal_buf_putc(annal_buf *b, char c)
{
    if (annal_buf_reserve(b, 1))
        return;
    b->p[b->len++] = c;
    b->p[b->len] = '\0';
}

void annal_buf_vprintf(annal_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || annal_buf_reserve(b, (size_t)n))
        return;
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void annal_buf_printf(annal_buf *b, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    annal_buf_vprintf(b, fmt, ap);
    va_end(ap);
}
