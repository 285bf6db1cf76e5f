/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/gfp.h>: the flag bits and the flag
 * predicates. There is no page allocator: alloc_pages() and friends are not
 * provided.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/gfp_types.h>

/* True if an allocation with these flags may sleep. */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

#endif /* _LINUX_GFP_H */
