// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc() of more than KMALLOC_MAX_SIZE WARNs with the size and returns
 * NULL; the program goes on. The WARN makes the run's status non-zero.
 *
 * expect-exit: 1
 * expect-output: exceeds KMALLOC_MAX_SIZE
 * expect-output: misuse_kmalloc_impossible_size
 * expect-output: misuse: survived kmalloc() of an impossible size, got NULL
 */
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/slab.h>

#include "misuse.h"

static int misuse_kmalloc_impossible_size(void *unused)
{
	/* volatile: the size must not be known at compile time. */
	volatile size_t size = SIZE_MAX / 2;
	void *p = kmalloc(size, GFP_KERNEL);

	if (p) {
		pr_err("misuse: kmalloc(%zu) returned %p\n", size, p);
		kfree(p);
		return 3;
	}
	misuse_survived("kmalloc() of an impossible size, got NULL");
	return 0;
}

MISUSE_PROGRAM(misuse_kmalloc_impossible_size)
