// SPDX-License-Identifier: GPL-2.0
/*
 * call_rcu() with a NULL function would read as kfree_rcu() at offset 0.
 * Our flavours reject it at the call site with a WARN naming the caller
 * (the object is left unqueued and leaks). Linux 6.1's Tiny RCU has no
 * such check, so its reclaim kfree()s the head itself; for a head 8 bytes
 * into a kmalloc() object that free stops the run, naming the object.
 *
 * expect-exit: nonzero
 * expect-output (tiny, tree): call_rcu(
 * expect-output (tiny, tree): NULL) from misuse_call_rcu_null_func
 * expect-output (tiny, tree): NULL callback function
 * expect-output (upstream): slab: invalid free of
 * expect-output (upstream): pointer is 8 bytes inside the 24-byte object
 * expect-output (upstream): misuse_call_rcu_null_func
 * reject-output (upstream): misuse: survived
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
