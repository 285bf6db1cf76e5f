// SPDX-License-Identifier: GPL-2.0
/*
 * Must not build: the rcu_head sits 1 MiB into the object, far beyond the
 * 4095-byte limit of the offsets that kfree_rcu() can encode.
 */
// expect-error: kfree_rcu(): the rcu_head is at an offset of 4096 bytes or more
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct offset_large {
	char pad[1 << 20];
	struct rcu_head rh;
};

void free_offset_large(struct offset_large *p)
{
	kfree_rcu(p, rh);
}
