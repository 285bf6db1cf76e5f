/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/cache.h>: cache-line size and alignment
 * attributes. The x86-64 line is 64 bytes. Section placement attributes such
 * as __read_mostly are empty: the shim has no special data sections.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES
#define L1_CACHE_ALIGN(x)	(((x) + (L1_CACHE_BYTES - 1)) & ~(L1_CACHE_BYTES - 1))
#define SMP_CACHE_ALIGN(x)	L1_CACHE_ALIGN(x)
#define cache_line_size()	L1_CACHE_BYTES

#define ____cacheline_aligned	__attribute__((__aligned__(SMP_CACHE_BYTES)))
#define __cacheline_aligned	____cacheline_aligned
#define ____cacheline_internodealigned_in_smp ____cacheline_aligned
#define __cacheline_aligned_in_smp	____cacheline_aligned
#define ____cacheline_aligned_in_smp	____cacheline_aligned

#define ARCH_DMA_MINALIGN	__alignof__(unsigned long long)

#endif /* _LINUX_CACHE_H */
