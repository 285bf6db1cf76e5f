// SPDX-License-Identifier: GPL-2.0
/*
 * Must not build: the rcu_head sits at offset 4096. kfree_rcu() stores the
 * offset where call_rcu() expects a function, and only values below 4096
 * can be distinguished from function addresses, so the build has to fail.
 */
// expect-error: kfree_rcu(): the rcu_head is at an offset of 4096 bytes or more
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct offset_4096 {
	char pad[4096];
	struct rcu_head rh;
};

_Static_assert(offsetof(struct offset_4096, rh) == 4096, "offset is 4096");

void free_offset_4096(struct offset_4096 *p)
{
	kfree_rcu(p, rh);
}
