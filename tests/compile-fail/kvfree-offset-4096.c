// SPDX-License-Identifier: GPL-2.0
/*
 * Must not build: the two-argument kvfree_rcu() encodes the rcu_head offset
 * like kfree_rcu(), so an offset of 4096 is rejected in the same way.
 */
// expect-error: kfree_rcu(): the rcu_head is at an offset of 4096 bytes or more
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct kvfree_offset_4096 {
	char pad[4096];
	struct rcu_head rh;
};

void free_kvfree_offset_4096(struct kvfree_offset_4096 *p)
{
	kvfree_rcu(p, rh);
}
