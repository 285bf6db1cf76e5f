/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/sprintf.h>. snprintf(), vsnprintf(),
 * sprintf(), vsprintf(), sscanf() and vsscanf() are the C library's, which
 * has the kernel's signatures. They do not know the kernel's %p extensions
 * (%pS, %pK...). printk(), scnprintf(), vscnprintf(), kasprintf() and
 * kvasprintf() (lkl-shim/printk.c and string.c) format those.
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stdarg.h>

int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int vsprintf(char *buf, const char *fmt, va_list args) __printf(2, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);
int sscanf(const char *buf, const char *fmt, ...) __scanf(2, 3);
int vsscanf(const char *buf, const char *fmt, va_list args) __scanf(2, 0);

/*
 * Like snprintf(), but return the number of characters written into buf
 * (not counting the NUL), which is less than size, or 0 if size is 0.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);

/* Formats into a new kmalloc()ed string; returns NULL on failure. */
char *kasprintf(gfp_t gfp, const char *fmt, ...) __printf(2, 3) __malloc;
char *kvasprintf(gfp_t gfp, const char *fmt, va_list args) __printf(2, 0) __malloc;

#endif /* _LINUX_SPRINTF_H */
