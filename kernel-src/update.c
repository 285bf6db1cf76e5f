// SPDX-License-Identifier: GPL-2.0
/*
 * The update-side code that every RCU flavour shares: the lockdep maps of
 * the read-side flavours, the rcu_read_lock*_held() checks, waiting for a
 * grace period with wakeme_after_rcu(), and the hash set that catches a
 * second call_rcu() of a queued rcu_head. Linked into every flavour,
 * including the build of Linux 6.1's kernel/rcu/tiny.c, so it defines
 * nothing that a flavour defines.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/lockdep.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_wait.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <lkl/oracle.h>

#include "rcu.h"

static struct lock_class_key rcu_lock_key;
struct lockdep_map rcu_lock_map =
	STATIC_LOCKDEP_MAP_INIT("rcu_read_lock", &rcu_lock_key);
EXPORT_SYMBOL_GPL(rcu_lock_map);

static struct lock_class_key rcu_bh_lock_key;
struct lockdep_map rcu_bh_lock_map =
	STATIC_LOCKDEP_MAP_INIT("rcu_read_lock_bh", &rcu_bh_lock_key);
EXPORT_SYMBOL_GPL(rcu_bh_lock_map);

static struct lock_class_key rcu_sched_lock_key;
struct lockdep_map rcu_sched_lock_map =
	STATIC_LOCKDEP_MAP_INIT("rcu_read_lock_sched", &rcu_sched_lock_key);
EXPORT_SYMBOL_GPL(rcu_sched_lock_map);

/* Held while a callback runs, so sleeping in one is reported. */
static struct lock_class_key rcu_callback_key;
struct lockdep_map rcu_callback_map =
	STATIC_LOCKDEP_MAP_INIT("rcu_callback", &rcu_callback_key);
EXPORT_SYMBOL_GPL(rcu_callback_map);

/*
 * The RCU lockdep checks follow lockdep: on unless lockdep turned itself
 * off (debug_locks cleared).
 */
int debug_lockdep_rcu_enabled(void)
{
	return READ_ONCE(debug_locks);
}
EXPORT_SYMBOL_GPL(debug_lockdep_rcu_enabled);

/* Returns nonzero inside rcu_read_lock(), as lockdep records it. */
int rcu_read_lock_held(void)
{
	if (!debug_lockdep_rcu_enabled())
		return 1;
	return lock_is_held(&rcu_lock_map);
}
EXPORT_SYMBOL_GPL(rcu_read_lock_held);

/* Any region with softirqs or interrupts disabled is an RCU-bh reader. */
int rcu_read_lock_bh_held(void)
{
	if (!debug_lockdep_rcu_enabled())
		return 1;
	return in_softirq() || irqs_disabled();
}
EXPORT_SYMBOL_GPL(rcu_read_lock_bh_held);

/* Any region with preemption or interrupts disabled is an RCU-sched reader. */
int rcu_read_lock_sched_held(void)
{
	if (!debug_lockdep_rcu_enabled())
		return 1;
	return lock_is_held(&rcu_sched_lock_map) || !preemptible();
}
EXPORT_SYMBOL(rcu_read_lock_sched_held);

int rcu_read_lock_any_held(void)
{
	if (!debug_lockdep_rcu_enabled())
		return 1;
	if (lock_is_held(&rcu_lock_map) ||
	    lock_is_held(&rcu_bh_lock_map) ||
	    lock_is_held(&rcu_sched_lock_map))
		return 1;
	return !preemptible();
}
EXPORT_SYMBOL_GPL(rcu_read_lock_any_held);

unsigned long get_completed_synchronize_rcu(void)
{
	return RCU_GET_STATE_COMPLETED;
}
EXPORT_SYMBOL_GPL(get_completed_synchronize_rcu);

/* The callback of struct rcu_synchronize: wakes the waiter. */
void wakeme_after_rcu(struct rcu_head *head)
{
	struct rcu_synchronize *rs;

	rs = container_of(head, struct rcu_synchronize, head);
	complete(&rs->completion);
}
EXPORT_SYMBOL_GPL(wakeme_after_rcu);

/* True if the function at @i already appears earlier in @crcu_array. */
static bool crcu_is_duplicate(call_rcu_func_t *crcu_array, int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (crcu_array[j] == crcu_array[i])
			return true;
	return false;
}

void __wait_rcu_gp(bool checktiny, int n, call_rcu_func_t *crcu_array,
		   struct rcu_synchronize *rs_array)
{
	int i;

	for (i = 0; i < n; i++) {
		if (checktiny && crcu_array[i] == call_rcu) {
			might_sleep();
			continue;
		}
		if (crcu_is_duplicate(crcu_array, i))
			continue;
		init_rcu_head_on_stack(&rs_array[i].head);
		init_completion(&rs_array[i].completion);
		crcu_array[i](&rs_array[i].head, wakeme_after_rcu);
	}

	for (i = 0; i < n; i++) {
		if (checktiny && crcu_array[i] == call_rcu)
			continue;
		if (crcu_is_duplicate(crcu_array, i))
			continue;
		wait_for_completion(&rs_array[i].completion);
		destroy_rcu_head_on_stack(&rs_array[i].head);
	}
}
EXPORT_SYMBOL_GPL(__wait_rcu_gp);

/* Linux 6.1 runs boot-time tests here only with CONFIG_PROVE_RCU. */
void rcu_early_boot_tests(void)
{
}

/*
 * The set of queued rcu_heads: open addressing with linear probing in a
 * fixed table, so call_rcu() never allocates. Removal shifts the rest of
 * the probe run back, which keeps lookups correct without tombstones.
 */
#define RCU_HEAD_SET_BITS	16
#define RCU_HEAD_SET_SIZE	(1UL << RCU_HEAD_SET_BITS)
/* Detection stops above this load, before probe runs get long. */
#define RCU_HEAD_SET_MAX	(RCU_HEAD_SET_SIZE / 4 * 3)
/* Reports of double call_rcu() printed per boot. */
#define RCU_DOUBLE_CALL_REPORTS	4

struct rcu_head_slot {
	struct rcu_head *head;
	rcu_callback_t func;		/* as passed to the first call_rcu() */
	unsigned long caller;		/* return address of that call_rcu() */
};

static struct rcu_head_slot rcu_head_set[RCU_HEAD_SET_SIZE];
static unsigned long rcu_head_set_count;
static bool rcu_head_set_disabled;
static unsigned int rcu_double_call_reports;
static DEFINE_RAW_SPINLOCK(rcu_head_set_lock);

static unsigned long rcu_head_hash(const struct rcu_head *head)
{
	/* Fibonacci hashing of the address; heads are 8-byte aligned. */
	return (((unsigned long)head >> 3) * 0x9e3779b97f4a7c15UL) >>
	       (64 - RCU_HEAD_SET_BITS);
}

/* Returns the slot of @head, or the empty slot that ends its probe run. */
static unsigned long rcu_head_set_find(const struct rcu_head *head)
{
	unsigned long i = rcu_head_hash(head);

	while (rcu_head_set[i].head && rcu_head_set[i].head != head)
		i = (i + 1) & (RCU_HEAD_SET_SIZE - 1);
	return i;
}

/* Queued in place of a rejected head's function, so the object leaks. */
static void lkl_rcu_leak_callback(struct rcu_head *head)
{
}

static void rcu_report_double_call(struct rcu_head *head, rcu_callback_t func,
				   unsigned long caller,
				   const struct rcu_head_slot *first)
{
	if (rcu_double_call_reports >= RCU_DOUBLE_CALL_REPORTS)
		return;
	rcu_double_call_reports++;
	WARN(1, "call_rcu() of rcu_head %px (callback %ps) from %pS: already queued by %pS (callback %ps); leaking the object%s\n",
	     head, func, (void *)caller, (void *)first->caller, first->func,
	     rcu_double_call_reports == RCU_DOUBLE_CALL_REPORTS ?
	     " (further reports suppressed)" : "");
}

int lkl_rcu_head_queue(struct rcu_head *head, rcu_callback_t func,
		       unsigned long caller)
{
	unsigned long flags;
	unsigned long i;
	int ret = 0;

	raw_spin_lock_irqsave(&rcu_head_set_lock, flags);
	if (rcu_head_set_disabled)
		goto out;
	i = rcu_head_set_find(head);
	if (rcu_head_set[i].head) {
		rcu_report_double_call(head, func, caller, &rcu_head_set[i]);
		/*
		 * The first callback will still run: make it do nothing, as
		 * Linux does, unless it is a kfree_rcu() offset.
		 */
		if (!__is_kfree_rcu_offset((unsigned long)READ_ONCE(head->func)))
			WRITE_ONCE(head->func, lkl_rcu_leak_callback);
		ret = -EBUSY;
		goto out;
	}
	if (rcu_head_set_count >= RCU_HEAD_SET_MAX) {
		rcu_head_set_disabled = true;
		pr_warn("rcu: more than %lu callbacks queued: double call_rcu() detection is off until the next boot\n",
			RCU_HEAD_SET_MAX);
		goto out;
	}
	rcu_head_set[i].head = head;
	rcu_head_set[i].func = func;
	rcu_head_set[i].caller = caller;
	rcu_head_set_count++;
out:
	raw_spin_unlock_irqrestore(&rcu_head_set_lock, flags);
	return ret;
}

void lkl_rcu_head_set_reset(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&rcu_head_set_lock, flags);
	memset(rcu_head_set, 0, sizeof(rcu_head_set));
	rcu_head_set_count = 0;
	rcu_head_set_disabled = false;
	rcu_double_call_reports = 0;
	raw_spin_unlock_irqrestore(&rcu_head_set_lock, flags);
	lkl_rcu_oracle_reset();
}

void lkl_rcu_head_unqueue(struct rcu_head *head)
{
	unsigned long mask = RCU_HEAD_SET_SIZE - 1;
	unsigned long flags;
	unsigned long i, j, home;

	raw_spin_lock_irqsave(&rcu_head_set_lock, flags);
	if (rcu_head_set_disabled)
		goto out;
	i = rcu_head_set_find(head);
	if (WARN(!rcu_head_set[i].head,
		 "rcu: invoking callback %px that call_rcu() never queued\n",
		 head))
		goto out;

	/*
	 * Backward-shift deletion: move each later member of the probe run
	 * into the hole unless its home slot lies cyclically in (i, j].
	 */
	rcu_head_set[i].head = NULL;
	rcu_head_set_count--;
	for (j = (i + 1) & mask; rcu_head_set[j].head; j = (j + 1) & mask) {
		home = rcu_head_hash(rcu_head_set[j].head);
		if (((j - home) & mask) < ((j - i) & mask))
			continue;
		rcu_head_set[i] = rcu_head_set[j];
		rcu_head_set[j].head = NULL;
		i = j;
	}
out:
	raw_spin_unlock_irqrestore(&rcu_head_set_lock, flags);
}

/*
 * Flavours without a separate RCU-bh (Linux 6.1's tiny.c) get the 5.0 and
 * later semantics, in which call_rcu() waits for rcu_read_lock_bh() readers
 * too. This project's Tiny and Tree RCU define their own.
 */
void __weak call_rcu_bh(struct rcu_head *head, rcu_callback_t func)
{
	call_rcu(head, func);
}

void __weak synchronize_rcu_bh(void)
{
	synchronize_rcu();
}

void __weak rcu_barrier_bh(void)
{
	rcu_barrier();
}

/* Flavours that keep statistics (this project's Tiny and Tree) override it. */
int __weak lkl_rcu_get_stats(enum lkl_rcu_flavour flavour,
			     struct lkl_rcu_stats *stats)
{
	return -EOPNOTSUPP;
}
