// SPDX-License-Identifier: GPL-2.0
/*
 * kfree() of a pointer into the middle of a kmalloc() object must stop the
 * run, saying how far inside which object it points.
 *
 * expect-exit: nonzero
 * expect-output: slab: invalid free of
 * expect-output: pointer is 8 bytes inside the 32-byte object
 * expect-output: misuse_kfree_interior
 * reject-output: misuse: survived
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#include "misuse.h"

static int misuse_kfree_interior(void *unused)
{
	char *obj = kmalloc(32, GFP_KERNEL);

	kfree(obj + 8);
	misuse_survived("kfree() of an interior pointer");
	return 0;
}

MISUSE_PROGRAM(misuse_kfree_interior)
