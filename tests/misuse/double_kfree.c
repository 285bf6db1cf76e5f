// SPDX-License-Identifier: GPL-2.0
/*
 * A second kfree() of the same object must stop the run, naming where the
 * object was allocated and first freed.
 *
 * expect-exit: nonzero
 * expect-output: slab: double free of
 * expect-output: misuse_double_kfree
 * reject-output: misuse: survived
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#include "misuse.h"

static int misuse_double_kfree(void *unused)
{
	void *obj = kmalloc(48, GFP_KERNEL);

	kfree(obj);
	kfree(obj);
	misuse_survived("double kfree()");
	return 0;
}

MISUSE_PROGRAM(misuse_double_kfree)
