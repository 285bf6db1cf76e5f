// SPDX-License-Identifier: GPL-2.0
/*
 * A callback still queued when init returns is not lost: shutdown runs it
 * (rcu_barrier()) before checking for leaks, so its kfree_rcu() object is
 * freed and the run passes.
 *
 * expect-exit: 0
 * expect-output: misuse: shutdown ran the queued callback
 * reject-output: leaked
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "misuse.h"

struct object {
	int payload;
	struct rcu_head rh;
};

static void report_callback(struct rcu_head *head)
{
	pr_info("misuse: shutdown ran the queued callback\n");
}

static int misuse_callback_at_shutdown(void *unused)
{
	static struct rcu_head head;
	struct object *obj = kmalloc(sizeof(*obj), GFP_KERNEL);

	call_rcu(&head, report_callback);
	kfree_rcu(obj, rh);
	return 0;
}

MISUSE_PROGRAM(misuse_callback_at_shutdown)
