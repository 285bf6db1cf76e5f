// SPDX-License-Identifier: GPL-2.0
/*
 * Must not build: the rcu_head is chosen by a run-time index, so its offset
 * is not a compile-time constant and kfree_rcu() cannot check that it is
 * below 4096. The function has external linkage and no caller, so the
 * compiler cannot turn the index into a constant.
 */
// expect-error: kfree_rcu(): the offset of the rcu_head is not a compile-time constant
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct offset_nonconst {
	long key;
	struct rcu_head heads[4];
};

void free_offset_nonconst(struct offset_nonconst *p, int i)
{
	kfree_rcu(p, heads[i]);
}
