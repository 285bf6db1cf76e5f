/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/overflow.h>: arithmetic that reports
 * overflow, and size calculations that saturate at SIZE_MAX so that an
 * overflowing allocation size makes the allocation fail.
 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/limits.h>

/* Each stores a op b in *d and returns true if the result wrapped. */
#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d)	__builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

#define __must_check_overflow(x)	(x)

static inline size_t __must_check size_mul(size_t a, size_t b)
{
	size_t bytes;

	if (check_mul_overflow(a, b, &bytes))
		return SIZE_MAX;
	return bytes;
}

static inline size_t __must_check size_add(size_t a, size_t b)
{
	size_t bytes;

	if (check_add_overflow(a, b, &bytes))
		return SIZE_MAX;
	return bytes;
}

/* SIZE_MAX minus anything stays SIZE_MAX, so saturation is kept. */
static inline size_t __must_check size_sub(size_t a, size_t b)
{
	size_t bytes;

	if (a == SIZE_MAX || b == SIZE_MAX || check_sub_overflow(a, b, &bytes))
		return SIZE_MAX;
	return bytes;
}

#define array_size(a, b)	size_mul(a, b)
#define array3_size(a, b, c)	size_mul(size_mul(a, b), c)

/* Size of count elements of the flexible array member of *p. */
#define flex_array_size(p, member, count)				\
	size_mul(count, sizeof(*(p)->member) + __must_be_array((p)->member))

/* Size of *p plus count elements of its flexible array member. */
#define struct_size(p, member, count)					\
	size_add(sizeof(*(p)),						\
		 size_mul(count, sizeof(*(p)->member) +			\
			  __must_be_array((p)->member)))

#endif /* _LINUX_OVERFLOW_H */
