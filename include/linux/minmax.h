/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/minmax.h>. min()/max() evaluate each
 * argument once and warn (pointer comparison of distinct types) when the
 * two argument types differ; use min_t()/max_t() to force a type.
 * NOTE: unlike 6.1, min()/max() of two constants is not itself a constant
 * expression, so they cannot size a file-scope array.
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler.h>

#define __lkl_cmp_once(x, y, op, ux, uy)				\
	({								\
		typeof(x) ux = (x);					\
		typeof(y) uy = (y);					\
		(void)(&ux == &uy);					\
		ux op uy ? ux : uy;					\
	})

#define __lkl_cmp(x, y, op) \
	__lkl_cmp_once(x, y, op, __UNIQUE_ID(__x), __UNIQUE_ID(__y))


#define min(x, y)	__lkl_cmp(x, y, <)
#define max(x, y)	__lkl_cmp(x, y, >)

#define min3(x, y, z)	min((typeof(x))min(x, y), z)
#define max3(x, y, z)	max((typeof(x))max(x, y), z)

/* min() of two values that cannot be negative. */
#define min_not_zero(x, y) ({						\
	typeof(x) __mnz_x = (x);					\
	typeof(y) __mnz_y = (y);					\
	__mnz_x == 0 ? __mnz_y :					\
		((__mnz_y == 0) ? __mnz_x : min(__mnz_x, __mnz_y)); })

#define clamp(val, lo, hi)	min((typeof(val))max(val, lo), hi)

#define min_t(type, x, y)	__lkl_cmp((type)(x), (type)(y), <)
#define max_t(type, x, y)	__lkl_cmp((type)(x), (type)(y), >)

#define clamp_t(type, val, lo, hi)	min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi)		clamp_t(typeof(val), val, lo, hi)

#define swap(a, b)							\
	do {								\
		typeof(a) __swap_tmp = (a);				\
		(a) = (b);						\
		(b) = __swap_tmp;					\
	} while (0)

#endif /* _LINUX_MINMAX_H */
