/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/typecheck.h>: typecheck(type, x) is 1 and
 * warns at compile time when x is not of type type.
 */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

#define typecheck(type, x)				\
	({						\
		type __typecheck_a;			\
		typeof(x) __typecheck_b;		\
		(void)(&__typecheck_a == &__typecheck_b); \
		1;					\
	})

#define typecheck_fn(type, function)			\
	({						\
		typeof(type) __typecheck_fn = function;	\
		(void)__typecheck_fn;			\
	})

#endif /* _LINUX_TYPECHECK_H */
