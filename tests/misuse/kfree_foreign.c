// SPDX-License-Identifier: GPL-2.0
/*
 * kfree() of memory that kmalloc() did not return (a static buffer) must
 * stop the run with the pointer and the caller.
 *
 * expect-exit: nonzero
 * expect-output: slab: invalid free of
 * expect-output: not allocated by kmalloc() or kmem_cache_alloc()
 * expect-output: misuse_kfree_foreign
 * reject-output: misuse: survived
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#include "misuse.h"

static char not_from_kmalloc[64];

static int misuse_kfree_foreign(void *unused)
{
	kfree(not_from_kmalloc);
	misuse_survived("kfree() of a static buffer");
	return 0;
}

MISUSE_PROGRAM(misuse_kfree_foreign)
