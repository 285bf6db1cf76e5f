// SPDX-License-Identifier: GPL-2.0
/*
 * Positive control, must build: 4095 is the largest offset kfree_rcu()
 * accepts (a packed structure puts the rcu_head there), and 4088 is the
 * largest one with the rcu_head naturally aligned. If this file fails, the
 * failures of the other files prove nothing. It is only compiled: at run
 * time call_rcu() rejects the misaligned rcu_head at offset 4095.
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct offset_4095 {
	char pad[4095];
	struct rcu_head rh;
} __packed;

struct offset_4088 {
	char pad[4088];
	struct rcu_head rh;
};

_Static_assert(offsetof(struct offset_4095, rh) == 4095, "offset is 4095");
_Static_assert(offsetof(struct offset_4088, rh) == 4088, "offset is 4088");

void free_offset_4095(struct offset_4095 *p)
{
	kfree_rcu(p, rh);
}

void free_offset_4088(struct offset_4088 *p)
{
	kfree_rcu(p, rh);
	kvfree_rcu(p, rh);
}

void free_offset_null(void)
{
	struct offset_4088 *p = NULL;

	kfree_rcu(p, rh);
}
