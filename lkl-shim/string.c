// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-only string helpers of the emulated kernel: strscpy(), the
 * kmalloc()ing copies, kstrto*() with the kernel's -EINVAL/-ERANGE rules,
 * and scnprintf()/kasprintf(), which format through lkl_vformat() so the
 * kernel's %p extensions work in them.
 */

#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/limits.h>
#include <linux/errno.h>
#include <lkl/debug.h>

const char hex_asc[] = "0123456789abcdef";

int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0 || WARN_ON_ONCE(count > INT_MAX))
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}

ssize_t strscpy_pad(char *dest, const char *src, size_t count)
{
	ssize_t written = strscpy(dest, src, count);

	if (written < 0 || (size_t)written == count - 1)
		return written;
	memset(dest + written + 1, 0, count - written - 1);
	return written;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

size_t strlcat(char *dest, const char *src, size_t size)
{
	size_t dlen = strnlen(dest, size);

	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dest + dlen, src, size - dlen);
}

/* kstrdup() and friends allocate at their caller's call site. */
noinline char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = __kmalloc_track_caller(len, gfp, _RET_IP_);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
EXPORT_SYMBOL(kstrdup);

/*
 * The kernel returns string literals in .rodata without copying; every
 * string here is copied, and kfree_const() frees it.
 */
noinline const char *kstrdup_const(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = __kmalloc_track_caller(len, gfp, _RET_IP_);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
EXPORT_SYMBOL(kstrdup_const);

void kfree_const(const void *x)
{
	kfree(x);
}
EXPORT_SYMBOL(kfree_const);

noinline char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = __kmalloc_track_caller(len + 1, gfp, _RET_IP_);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kstrndup);

noinline void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = __kmalloc_track_caller(len, gfp, _RET_IP_);

	if (!ZERO_OR_NULL_PTR(p))
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);

noinline char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *buf;

	if (!s)
		return NULL;
	buf = __kmalloc_track_caller(len + 1, gfp, _RET_IP_);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kmemdup_nul);

void *memchr_inv(const void *start, int c, size_t bytes)
{
	const unsigned char *p = start;
	unsigned char value = c;

	for (; bytes; bytes--, p++)
		if (*p != value)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);

bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}
EXPORT_SYMBOL(sysfs_streq);

/* A NULL entry ends the array early, as in the kernel. */
int match_string(const char * const *array, size_t n, const char *string)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!array[i])
			break;
		if (!strcmp(array[i], string))
			return i;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(match_string);

int __sysfs_match_string(const char * const *array, size_t n, const char *str)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!array[i])
			continue;
		if (sysfs_streq(array[i], str))
			return i;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(__sysfs_match_string);

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

char *skip_spaces(const char *str)
{
	while (is_space(*str))
		str++;
	return (char *)str;
}
EXPORT_SYMBOL(skip_spaces);

char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size - 1;
	while (end >= s && is_space(*end))
		end--;
	end[1] = '\0';
	return skip_spaces(s);
}
EXPORT_SYMBOL(strim);

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n;

	if (!size)
		return 0;
	n = lkl_vformat(buf, size, fmt, args);
	if ((size_t)n < size)
		return n;
	return size - 1;
}
EXPORT_SYMBOL(vscnprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(scnprintf);

noinline char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	va_list copy;
	char *buf;
	int len;

	va_copy(copy, args);
	len = lkl_vformat(NULL, 0, fmt, copy);
	va_end(copy);
	buf = __kmalloc_track_caller(len + 1, gfp, _RET_IP_);
	if (!buf)
		return NULL;
	lkl_vformat(buf, len + 1, fmt, args);
	return buf;
}
EXPORT_SYMBOL(kvasprintf);

noinline char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list args;
	va_list copy;
	char *buf;
	int len;

	va_start(args, fmt);
	va_copy(copy, args);
	len = lkl_vformat(NULL, 0, fmt, copy);
	va_end(copy);
	buf = __kmalloc_track_caller(len + 1, gfp, _RET_IP_);
	if (buf)
		lkl_vformat(buf, len + 1, fmt, args);
	va_end(args);
	return buf;
}
EXPORT_SYMBOL(kasprintf);

/* Picks the base for base 0 and skips a "0x" prefix where allowed. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if ((s[1] | 0x20) == 'x' && hex_to_bin(s[2]) >= 0)
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;
	return s;
}

/*
 * Parses the digits at s; stores the value and returns the number of digits
 * read, or -ERANGE on overflow (still counting digits).
 */
static int parse_digits(const char *s, unsigned int base,
			unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	int n = 0;

	*overflow = false;
	for (;; s++, n++) {
		int d = hex_to_bin(*s);

		if (d < 0 || (unsigned int)d >= base)
			break;
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, (unsigned int)d, &v))
			*overflow = true;
	}
	*res = v;
	return n;
}

/* The whole string must be consumed, apart from one trailing newline. */
static int kstrtoull_noplus(const char *s, unsigned int base,
			    unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	int n;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = parse_base(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return kstrtoull_noplus(s, base, res);
}
EXPORT_SYMBOL(kstrtoull);

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int ret;

	if (s[0] == '-') {
		ret = kstrtoull_noplus(s + 1, base, &v);
		if (ret)
			return ret;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = -(long long)(v - 1) - 1;
		return 0;
	}
	ret = kstrtoull(s, base, &v);
	if (ret)
		return ret;
	if (v > (unsigned long long)LLONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

/* Unsigned kstrto*() of a narrower type: range-check the 64-bit value. */
#define KSTRTO_UNSIGNED(name, type, max)				\
	int name(const char *s, unsigned int base, type *res)		\
	{								\
		unsigned long long v;					\
		int ret = kstrtoull(s, base, &v);			\
									\
		if (ret)						\
			return ret;					\
		if (v > (max))						\
			return -ERANGE;					\
		*res = v;						\
		return 0;						\
	}								\
	EXPORT_SYMBOL(name)

#define KSTRTO_SIGNED(name, type, min, max)				\
	int name(const char *s, unsigned int base, type *res)		\
	{								\
		long long v;						\
		int ret = kstrtoll(s, base, &v);			\
									\
		if (ret)						\
			return ret;					\
		if (v < (min) || v > (max))				\
			return -ERANGE;					\
		*res = v;						\
		return 0;						\
	}								\
	EXPORT_SYMBOL(name)

KSTRTO_UNSIGNED(kstrtoul, unsigned long, ULONG_MAX);
KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX);
KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX);
KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX);
KSTRTO_SIGNED(kstrtol, long, LONG_MIN, LONG_MAX);
KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX);
KSTRTO_SIGNED(kstrtos16, s16, S16_MIN, S16_MAX);
KSTRTO_SIGNED(kstrtos8, s8, S8_MIN, S8_MAX);

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		switch (s[1]) {
		case 'n':
		case 'N':
			*res = true;
			return 0;
		case 'f':
		case 'F':
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long v;
	bool overflow;
	int n;

	cp = parse_base(cp, &base);
	n = parse_digits(cp, base, &v, &overflow);
	if (endp)
		*endp = (char *)cp + n;
	return v;
}
EXPORT_SYMBOL(simple_strtoull);

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoul);

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoll);

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtol);
