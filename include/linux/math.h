/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/math.h>: rounding and division helpers
 * and abs(). round_up()/round_down() require a power-of-two alignment, as
 * in the kernel; roundup()/rounddown() take any non-zero divisor.
 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>

#define __round_mask(x, y)	((__typeof__(x))((y) - 1))
#define round_up(x, y)		((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y)	((x) & ~__round_mask(x, y))

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(ll, d) \
	((unsigned long long)DIV_ROUND_UP((unsigned long long)(ll), (d)))
#define DIV_ROUND_DOWN_ULL(ll, d) \
	((unsigned long long)(ll) / (d))

#define roundup(x, y)							\
	({								\
		typeof(y) __roundup_y = (y);				\
		(((x) + (__roundup_y - 1)) / __roundup_y) * __roundup_y; \
	})

#define rounddown(x, y)							\
	({								\
		typeof(x) __rounddown_x = (x);				\
		__rounddown_x - (__rounddown_x % (y));			\
	})

/* Rounds to the nearest integer, halves away from zero for positive d. */
#define DIV_ROUND_CLOSEST(x, divisor)					\
	({								\
		typeof(x) __drc_x = (x);				\
		typeof(divisor) __drc_d = (divisor);			\
		(((typeof(x))-1) > 0 || ((typeof(divisor))-1) > 0 ||	\
		 (((__drc_x) > 0) == ((__drc_d) > 0))) ?		\
			(((__drc_x) + ((__drc_d) / 2)) / (__drc_d)) :	\
			(((__drc_x) - ((__drc_d) / 2)) / (__drc_d));	\
	})

#define DIV_ROUND_CLOSEST_ULL(x, divisor)				\
	({								\
		unsigned long long __drcu_x = (x) + (divisor) / 2;	\
		__drcu_x / (divisor);					\
	})

/*
 * abs() of any signed or unsigned integer type up to long long; the result
 * has the (signed) type of x.
 */
#define abs(x)								\
	({								\
		typeof(x) __abs_x = (x);				\
		(__abs_x < 0) ? -__abs_x : __abs_x;			\
	})

#define abs_diff(a, b)							\
	({								\
		typeof(a) __abs_a = (a);				\
		typeof(b) __abs_b = (b);				\
		(void)(&__abs_a == &__abs_b);				\
		__abs_a > __abs_b ? (__abs_a - __abs_b) : (__abs_b - __abs_a); \
	})

static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64)val * ep_ro) >> 32);
}

#endif /* _LINUX_MATH_H */
