/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Definitions shared by this project's RCU flavours (kernel-src/rcutiny.c
 * and kernel-src/rcutree.c) and their tests: callback reclaim with
 * kfree_rcu() offsets, double-call_rcu() detection, the RCU-bh flavour of
 * the Linux 3.0 API and callback statistics. They stay out of the public
 * headers so that Linux 6.1's kernel/rcu/tiny.c builds against those.
 */
#ifndef _KERNEL_SRC_RCU_H
#define _KERNEL_SRC_RCU_H

#include <linux/rcupdate.h>
#include <linux/slab.h>

/* The polled-API cookie that every grace period is after. */
#define RCU_GET_STATE_COMPLETED	0x1

/*
 * The RCU-bh flavour of Linux 3.0: its grace periods end at quiescent
 * states of softirq context only, so they wait for rcu_read_lock_bh()
 * sections but not for rcu_read_lock() ones. Linux 5.0 merged it into
 * call_rcu(), and the 6.1 API has none of these: update.c maps them to the
 * RCU flavour (as weak functions) for a build of 6.1's tiny.c.
 */
void call_rcu_bh(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu_bh(void);
void rcu_barrier_bh(void);

/* Reports a quiescent state for the RCU-bh flavour only. */
void rcu_bh_qs(void);

/*
 * Rejects call_rcu(@head, NULL) at its call site: the reclaim would read
 * NULL as a kfree_rcu() offset of 0 and kfree() the head. The object is
 * left unqueued, so it shows up as a leak at shutdown, and the WARN makes
 * the run's status non-zero. Returns true if @func is NULL.
 */
static inline bool rcu_reject_null_func(struct rcu_head *head,
					rcu_callback_t func, const char *api,
					unsigned long caller)
{
	if (likely(func))
		return false;
	WARN(1, "%s(%px, NULL) from %pS: NULL callback function; use kfree_rcu() to free an object after a grace period\n",
	     api, head, (void *)caller);
	return true;
}

/**
 * __rcu_reclaim() - invoke one callback whose grace period has ended
 * @head: the callback, already removed from its list
 *
 * A ->func value below 4096 is the offset of @head in an object queued by
 * kfree_rcu() or kvfree_rcu(): the object is kvfree()d, as Linux 6.1 does,
 * which is kfree() for kmalloc() memory and also frees a large kvmalloc()
 * object. Anything else is a function; ->func
 * is cleared before the call so that a second invocation of the same
 * callback is caught. The caller disables bottom halves.
 *
 * Returns true for a kfree_rcu() offset and false for a function.
 */
static inline bool __rcu_reclaim(struct rcu_head *head)
{
	unsigned long offset = (unsigned long)head->func;
	rcu_callback_t f;

	rcu_lock_acquire(&rcu_callback_map);
	if (__is_kfree_rcu_offset(offset)) {
		kvfree((void *)head - offset);
		rcu_lock_release(&rcu_callback_map);
		return true;
	}

	f = head->func;
	WRITE_ONCE(head->func, (rcu_callback_t)0L);
	f(head);
	rcu_lock_release(&rcu_callback_map);
	return false;
}

/*
 * Double call_rcu() detection. Every queued rcu_head is kept in a hash set
 * from call_rcu() until its callback is taken off the list.
 *
 * lkl_rcu_head_queue() adds @head and returns 0, or reports the second
 * call_rcu() (naming @caller and the first queuing site) and returns
 * -EBUSY: the caller must then leave the list alone and leak the object,
 * because the head is already linked into it. lkl_rcu_head_unqueue()
 * removes @head before its callback is invoked.
 *
 * When more heads are queued than the set holds, detection turns itself
 * off for the rest of the boot with a message, as the kernel's
 * DEBUG_OBJECTS does when it runs out of tracking objects.
 */
int lkl_rcu_head_queue(struct rcu_head *head, rcu_callback_t func,
		       unsigned long caller);
void lkl_rcu_head_unqueue(struct rcu_head *head);
/* Empties the set and turns detection back on; called by rcu_init(). */
void lkl_rcu_head_set_reset(void);

/* Index of a callback flavour in lkl_rcu_get_stats(). */
enum lkl_rcu_flavour {
	LKL_RCU_SCHED,		/* call_rcu(), kfree_rcu() */
	LKL_RCU_BH,		/* call_rcu_bh(), where the flavour has it */
	LKL_RCU_NR_FLAVOURS,
};

/* Counters of one callback flavour since boot. */
struct lkl_rcu_stats {
	/* Grace periods ended: on one CPU, every quiescent state ends one. */
	unsigned long gp_completed;
	/* Grace periods that ended with callbacks waiting for them. */
	unsigned long gp_with_callbacks;
	unsigned long cbs_queued;	/* accepted by call_rcu() */
	unsigned long cbs_rejected;	/* double call_rcu(), leaked */
	unsigned long cbs_invoked_kfree; /* kfree_rcu() offsets reclaimed */
	unsigned long cbs_invoked_func;	/* functions invoked */
	unsigned long max_batch;	/* most callbacks invoked in one pass */
	unsigned long cbs_pending;	/* queued, not yet invoked */
	unsigned long max_pending;	/* maximum of cbs_pending */
};

/*
 * Copies the counters of @flavour into @stats. Returns 0, -EINVAL for a
 * flavour this RCU does not have, or -EOPNOTSUPP when the RCU keeps no
 * statistics (the default in update.c, for Linux 6.1's tiny.c).
 */
int lkl_rcu_get_stats(enum lkl_rcu_flavour flavour,
		      struct lkl_rcu_stats *stats);

/* Boot-time self-tests of the update side; empty without CONFIG_PROVE_RCU. */
void rcu_early_boot_tests(void);

#endif /* _KERNEL_SRC_RCU_H */
