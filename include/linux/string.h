/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/string.h>. The functions the kernel
 * shares with the C library have the C signatures and resolve to libc at
 * link time, so ASan intercepts them. lkl-shim/string.c implements the
 * kernel-only helpers.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/stdarg.h>
#include <linux/array_size.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t n);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);
size_t strlcpy(char *dest, const char *src, size_t size);
size_t strlcat(char *dest, const char *src, size_t size);

/*
 * Copies src into dest of size count, always NUL-terminating when count > 0.
 * Returns the length copied, or -E2BIG if src was truncated (or count is 0).
 */
ssize_t strscpy(char *dest, const char *src, size_t count);

/* strscpy() that fills the rest of dest with NULs. */
ssize_t strscpy_pad(char *dest, const char *src, size_t count);

/* Copies of strings and memory in kmalloc()ed buffers; NULL on failure. */
char *kstrdup(const char *s, gfp_t gfp) __malloc;
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);
char *kstrndup(const char *s, size_t max, gfp_t gfp) __malloc;
void *kmemdup(const void *src, size_t len, gfp_t gfp) __malloc;
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp) __malloc;

/* The first byte in [start, start + bytes) that is not c, or NULL. */
void *memchr_inv(const void *start, int c, size_t bytes);

/* Compares a and b, treating a trailing newline on either as absent. */
bool sysfs_streq(const char *s1, const char *s2);

/* Index of string in the first n entries of array, or -EINVAL. */
int match_string(const char * const *array, size_t n, const char *string);
#define sysfs_match_string(_a, _s) __sysfs_match_string(_a, ARRAY_SIZE(_a), _s)
int __sysfs_match_string(const char * const *array, size_t n, const char *s);

/* Skips leading whitespace. */
char *skip_spaces(const char *str);
/* Removes leading and trailing whitespace in place; returns the start. */
char *strim(char *s);

/* Length of prefix if str starts with it, else 0. */
static __always_inline size_t str_has_prefix(const char *str,
					     const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

static inline const char *str_yes_no(bool v)
{
	return v ? "yes" : "no";
}

static inline const char *str_on_off(bool v)
{
	return v ? "on" : "off";
}

static inline const char *str_true_false(bool v)
{
	return v ? "true" : "false";
}

static inline const char *str_enabled_disabled(bool v)
{
	return v ? "enabled" : "disabled";
}

/* Sets n bytes at s to zero in a way the compiler does not remove. */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier_data(s);
}

#endif /* _LINUX_STRING_H */
