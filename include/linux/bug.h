/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/bug.h>: BUG()/WARN() from <asm/bug.h>
 * plus the data-corruption check. CHECK_DATA_CORRUPTION() behaves as with
 * CONFIG_BUG_ON_DATA_CORRUPTION=n: it WARNs and lets the caller skip the
 * operation.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <asm/bug.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>

#define MAYBE_BUILD_BUG_ON(cond)			\
	do {						\
		if (__builtin_constant_p((cond)))	\
			BUILD_BUG_ON(cond);		\
		else					\
			BUG_ON(cond);			\
	} while (0)

/* Returns true (and WARNs with the message) if condition is true. */
#define CHECK_DATA_CORRUPTION(condition, fmt, ...)		\
	({							\
		bool __corrupted = unlikely(condition);		\
		if (__corrupted)				\
			WARN(1, fmt, ##__VA_ARGS__);		\
		__corrupted;					\
	})

#endif /* _LINUX_BUG_H */
