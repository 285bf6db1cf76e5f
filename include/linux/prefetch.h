/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/prefetch.h>: cache prefetch hints over
 * __builtin_prefetch.
 */
#ifndef _LINUX_PREFETCH_H
#define _LINUX_PREFETCH_H

#define prefetch(x)		__builtin_prefetch(x)
#define prefetchw(x)		__builtin_prefetch(x, 1)
#define spin_lock_prefetch(x)	prefetchw(x)
#define PREFETCH_STRIDE		(4 * 64)

static inline void prefetch_range(void *addr, unsigned long len)
{
	char *cp;
	char *end = (char *)addr + len;

	for (cp = addr; cp < end; cp += PREFETCH_STRIDE)
		prefetch(cp);
}

#endif /* _LINUX_PREFETCH_H */
