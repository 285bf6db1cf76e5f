// SPDX-License-Identifier: GPL-2.0
/*
 * call_rcu() with a NULL function reads as kfree_rcu() at offset 0, so the
 * reclaim kfree()s the head itself. For a head 8 bytes into a kmalloc()
 * object, that free must stop the run, naming the object and its
 * allocation site.
 *
 * expect-exit: nonzero
 * expect-output: slab: invalid free of
 * expect-output: pointer is 8 bytes inside the 24-byte object
 * expect-output: misuse_call_rcu_null_func
 * reject-output: misuse: survived
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "misuse.h"

struct object {
	long payload;
	struct rcu_head rh;
};

static int misuse_call_rcu_null_func(void *unused)
{
	struct object *obj = kmalloc(sizeof(*obj), GFP_KERNEL);

	call_rcu(&obj->rh, NULL);
	rcu_barrier();
	misuse_survived("call_rcu() with a NULL function");
	return 0;
}

MISUSE_PROGRAM(misuse_call_rcu_null_func)
