/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/log2.h>: integer base-2 logarithms and
 * power-of-two rounding. ilog2() of a constant is a constant expression;
 * ilog2(0) is undefined, as in the kernel.
 */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/types.h>
#include <linux/bitops.h>

static inline __attribute_const__ int __ilog2_u32(u32 n)
{
	return n ? 31 - __builtin_clz(n) : -1;
}

static inline __attribute_const__ int __ilog2_u64(u64 n)
{
	return n ? 63 - __builtin_clzll(n) : -1;
}

static inline __attribute_const__ bool is_power_of_2(unsigned long n)
{
	return n != 0 && ((n & (n - 1)) == 0);
}

/* Rounds n up to a power of two; n must be at least 1. */
static inline __attribute_const__ unsigned long __roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1UL : 1UL << (64 - __builtin_clzl(n - 1));
}

static inline __attribute_const__ unsigned long __rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (63 - __builtin_clzl(n));
}

/*
 * The constant branch is written so the compiler folds it: clang and GCC
 * both fold __builtin_clzll of a constant.
 */
#define ilog2(n)							\
	(__builtin_constant_p(n) ?					\
		((n) < 2 ? 0 : 63 - __builtin_clzll((u64)(n))) :	\
	 (sizeof(n) <= 4) ? __ilog2_u32(n) : __ilog2_u64(n))

#define roundup_pow_of_two(n)						\
	(__builtin_constant_p(n) ?					\
		(((n) == 1) ? 1 : (1UL << (ilog2((n) - 1) + 1))) :	\
		__roundup_pow_of_two(n))

#define rounddown_pow_of_two(n)						\
	(__builtin_constant_p(n) ? (1UL << ilog2(n)) :			\
		__rounddown_pow_of_two(n))

#define order_base_2(n)							\
	((n) <= 1 ? 0 : ilog2((n) - 1) + 1)

#endif /* _LINUX_LOG2_H */
