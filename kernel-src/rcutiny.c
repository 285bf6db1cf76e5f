// SPDX-License-Identifier: GPL-2.0
/*
 * Tiny RCU: read-copy update for one CPU, in the design of Linux 3.0's
 * kernel/rcutiny.c. On a uniprocessor any quiescent state ends a grace
 * period, so each flavour (RCU-sched and RCU-bh) is a single callback list
 * whose "done" part grows at every quiescent state and is invoked from
 * RCU_SOFTIRQ. The hooks carry the 6.1 names that the shim calls.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_wait.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <lkl/oracle.h>

#include "rcu.h"

/*
 * One callback flavour. rcucblist is a singly linked list of callbacks in
 * the order call_rcu() queued them. donetail points at the ->next field of
 * the last callback whose grace period has ended (or at rcucblist if there
 * is none), curtail at the ->next field of the last callback. Both change
 * only with interrupts disabled.
 */
struct rcu_ctrlblk {
	struct rcu_head *rcucblist;
	struct rcu_head **donetail;
	struct rcu_head **curtail;
	const char *name;
	struct lkl_rcu_stats stats;
};

static struct rcu_ctrlblk rcu_sched_ctrlblk;
static struct rcu_ctrlblk rcu_bh_ctrlblk;

/*
 * Grace-period counter of the polled API, in steps of 2 so that it never
 * equals RCU_GET_STATE_COMPLETED. It starts near the wrap so that the
 * wrap happens early in every run.
 */
static unsigned long rcu_gp_seq;

/* Set by start_poll_synchronize_rcu() until the next quiescent state. */
static bool rcu_gp_requested;

/* Between rcu_idle_enter() and rcu_idle_exit(). */
static bool rcu_in_idle;

/* Reports of misused call_rcu() printed per boot. */
#define RCU_MISUSE_REPORTS	4
static unsigned int rcu_misuse_reports;

static void rcu_ctrlblk_init(struct rcu_ctrlblk *rcp, const char *name)
{
	rcp->rcucblist = NULL;
	rcp->donetail = &rcp->rcucblist;
	rcp->curtail = &rcp->rcucblist;
	rcp->name = name;
	memset(&rcp->stats, 0, sizeof(rcp->stats));
}

/* True if some callback of @rcp waits for a grace period. */
static bool rcu_ctrlblk_waiting(struct rcu_ctrlblk *rcp)
{
	return READ_ONCE(rcp->donetail) != READ_ONCE(rcp->curtail);
}

/*
 * Ends the current grace period of @rcp: every callback queued so far
 * becomes done. Returns true if callbacks are ready to be invoked. Called
 * with interrupts disabled.
 */
static bool rcu_qsctr_help(struct rcu_ctrlblk *rcp)
{
	WARN_ON_ONCE(!irqs_disabled());
	rcp->stats.gp_completed++;
	if (rcp->donetail != rcp->curtail) {
		rcp->donetail = rcp->curtail;
		rcp->stats.gp_with_callbacks++;
		return true;
	}
	return false;
}

/* A quiescent state for RCU-sched, which is one for RCU-bh as well. */
void rcu_qs(void)
{
	unsigned long flags;
	bool ready;

	local_irq_save(flags);
	ready = rcu_qsctr_help(&rcu_sched_ctrlblk);
	ready |= rcu_qsctr_help(&rcu_bh_ctrlblk);
	WRITE_ONCE(rcu_gp_seq, rcu_gp_seq + 2);
	rcu_gp_requested = false;
	if (ready)
		raise_softirq_irqoff(RCU_SOFTIRQ);
	local_irq_restore(flags);
}
EXPORT_SYMBOL_GPL(rcu_qs);

/* A quiescent state for RCU-bh only: not in a softirq or bh-off region. */
void rcu_bh_qs(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (rcu_qsctr_help(&rcu_bh_ctrlblk))
		raise_softirq_irqoff(RCU_SOFTIRQ);
	local_irq_restore(flags);
}
EXPORT_SYMBOL_GPL(rcu_bh_qs);

/*
 * The scheduling-clock tick, in hardirq context. A tick that interrupted
 * user mode, or the idle task outside softirq and outside nested
 * interrupts, cannot have interrupted a read-side section: that is an
 * RCU-sched quiescent state. Any other tick outside softirq context did
 * not interrupt an RCU-bh reader.
 */
void rcu_sched_clock_irq(int user)
{
	if (user ||
	    (is_idle_task(current) && !in_softirq() &&
	     hardirq_count() <= HARDIRQ_OFFSET)) {
		rcu_qs();
		return;
	}

	if (!in_softirq())
		rcu_bh_qs();

	/*
	 * NOTE: not in Linux 3.0, which waited for the scheduler's time
	 * slice to force a context switch. Asking for one while RCU-sched
	 * callbacks or a polled grace period wait, as Linux 6.1 does, ends
	 * grace periods sooner.
	 */
	if (rcu_ctrlblk_waiting(&rcu_sched_ctrlblk) ||
	    READ_ONCE(rcu_gp_requested)) {
		set_tsk_need_resched(current);
		set_preempt_need_resched();
	}
}

/*
 * Entering idle is a quiescent state: the idle loop is never a reader.
 * Readers in interrupts taken during idle are covered by the tick rule.
 */
void rcu_idle_enter(void)
{
	WARN(lock_is_held(&rcu_lock_map) || lock_is_held(&rcu_bh_lock_map) ||
	     lock_is_held(&rcu_sched_lock_map),
	     "rcu_idle_enter() in RCU read-side critical section\n");
	WARN(rcu_in_idle, "rcu_idle_enter() called twice without rcu_idle_exit()\n");
	rcu_in_idle = true;
	rcu_qs();
}
EXPORT_SYMBOL_GPL(rcu_idle_enter);

void rcu_idle_exit(void)
{
	WARN(!rcu_in_idle, "rcu_idle_exit() without rcu_idle_enter()\n");
	rcu_in_idle = false;
}
EXPORT_SYMBOL_GPL(rcu_idle_exit);

/* Invokes the callbacks of @rcp whose grace period has ended. */
static void __rcu_process_callbacks(struct rcu_ctrlblk *rcp)
{
	struct rcu_head *list, *next;
	unsigned long nr_kfree = 0;
	unsigned long nr_func = 0;
	unsigned long batch;
	unsigned long flags;

	/* Detach the done part and leave the rest as the whole list. */
	local_irq_save(flags);
	if (rcp->donetail == &rcp->rcucblist) {
		local_irq_restore(flags);
		return;
	}
	list = rcp->rcucblist;
	rcp->rcucblist = *rcp->donetail;
	*rcp->donetail = NULL;
	if (rcp->curtail == rcp->donetail)
		rcp->curtail = &rcp->rcucblist;
	rcp->donetail = &rcp->rcucblist;
	local_irq_restore(flags);

	while (list) {
		next = list->next;
		lkl_rcu_head_unqueue(list);
		lkl_rcu_oracle_invoke(list, 0);
		local_bh_disable();
		if (__rcu_reclaim(list))
			nr_kfree++;
		else
			nr_func++;
		local_bh_enable();
		list = next;
	}

	batch = nr_kfree + nr_func;
	local_irq_save(flags);
	rcp->stats.cbs_invoked_kfree += nr_kfree;
	rcp->stats.cbs_invoked_func += nr_func;
	rcp->stats.cbs_pending -= batch;
	if (batch > rcp->stats.max_batch)
		rcp->stats.max_batch = batch;
	local_irq_restore(flags);
}

static void rcu_process_callbacks(struct softirq_action *unused)
{
	__rcu_process_callbacks(&rcu_sched_ctrlblk);
	__rcu_process_callbacks(&rcu_bh_ctrlblk);
}

static bool rcu_report_misuse(void)
{
	if (rcu_misuse_reports >= RCU_MISUSE_REPORTS)
		return false;
	rcu_misuse_reports++;
	return true;
}

/*
 * Appends @head to the callback list of @rcp. @caller is the return
 * address of the API function, for reports. A head that is already queued
 * is reported and left alone: relinking it would corrupt the list, so its
 * object leaks.
 */
static void __call_rcu(struct rcu_head *head, rcu_callback_t func,
		       struct rcu_ctrlblk *rcp, unsigned long caller)
{
	unsigned long flags;

	if ((unsigned long)head & (sizeof(void *) - 1)) {
		if (rcu_report_misuse())
			WARN(1, "%s(): misaligned rcu_head %px from %pS\n",
			     rcp->name, head, (void *)caller);
		return;
	}

	/* call_rcu() rejected a NULL function; here NULL is kfree offset 0. */
	if (lkl_rcu_head_queue(head, func, caller))
		return;

	head->func = func;
	head->next = NULL;
	lkl_rcu_oracle_queue(head, rcp, rcp == &rcu_bh_ctrlblk, 0, caller);

	local_irq_save(flags);
	*rcp->curtail = head;
	rcp->curtail = &head->next;
	rcp->stats.cbs_queued++;
	rcp->stats.cbs_pending++;
	if (rcp->stats.cbs_pending > rcp->stats.max_pending)
		rcp->stats.max_pending = rcp->stats.cbs_pending;
	local_irq_restore(flags);
}

/*
 * Queues @func(@head) to run after every RCU read-side section that has
 * begun (with rcu_read_lock(), _bh() or _sched(), or with preemption,
 * softirqs or interrupts disabled) has ended.
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	if (rcu_reject_null_func(head, func, "call_rcu", _RET_IP_))
		return;
	__call_rcu(head, func, &rcu_sched_ctrlblk, _RET_IP_);
}
EXPORT_SYMBOL_GPL(call_rcu);

/* Queues @func(@head) to run after every RCU-bh read-side section ends. */
void call_rcu_bh(struct rcu_head *head, rcu_callback_t func)
{
	if (rcu_reject_null_func(head, func, "call_rcu_bh", _RET_IP_))
		return;
	__call_rcu(head, func, &rcu_bh_ctrlblk, _RET_IP_);
}
EXPORT_SYMBOL_GPL(call_rcu_bh);

/*
 * kvfree_rcu(): the head-less form (@head NULL, @func the object) waits
 * for a grace period and frees the object at once.
 */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	if (head) {
		__call_rcu(head, func, &rcu_sched_ctrlblk, _RET_IP_);
		return;
	}

	might_sleep();
	synchronize_rcu();
	kvfree((void *)func);
}
EXPORT_SYMBOL_GPL(kvfree_call_rcu);

/* Warns if the caller is inside a read-side section of any kind. */
static void rcu_check_not_reader(const char *api)
{
	WARN(lock_is_held(&rcu_lock_map) || lock_is_held(&rcu_bh_lock_map) ||
	     lock_is_held(&rcu_sched_lock_map),
	     "%s in RCU read-side critical section\n", api);
}

/*
 * Waits for a grace period. On one CPU, a caller that may sleep is outside
 * every reader, so every earlier section has ended: this is a quiescent state.
 * The reschedule point lets other tasks run as a real wait would.
 */
void synchronize_rcu(void)
{
	rcu_check_not_reader("synchronize_rcu()");
	might_sleep();
	cond_resched();
	rcu_qs();
}
EXPORT_SYMBOL_GPL(synchronize_rcu);

void synchronize_rcu_bh(void)
{
	rcu_check_not_reader("synchronize_rcu_bh()");
	might_sleep();
	cond_resched();
	rcu_qs();
}
EXPORT_SYMBOL_GPL(synchronize_rcu_bh);

/*
 * Waits until every callback queued so far has been invoked: the list is
 * FIFO, so a callback queued now runs after all of them.
 */
void rcu_barrier(void)
{
	rcu_check_not_reader("rcu_barrier()");
	wait_rcu_gp(call_rcu);
}
EXPORT_SYMBOL_GPL(rcu_barrier);

void rcu_barrier_bh(void)
{
	rcu_check_not_reader("rcu_barrier_bh()");
	wait_rcu_gp(call_rcu_bh);
}
EXPORT_SYMBOL_GPL(rcu_barrier_bh);

unsigned long get_state_synchronize_rcu(void)
{
	return READ_ONCE(rcu_gp_seq);
}
EXPORT_SYMBOL_GPL(get_state_synchronize_rcu);

/* As get_state_synchronize_rcu(), and makes the tick push for a switch. */
unsigned long start_poll_synchronize_rcu(void)
{
	unsigned long gp_seq = get_state_synchronize_rcu();

	WRITE_ONCE(rcu_gp_requested, true);
	return gp_seq;
}
EXPORT_SYMBOL_GPL(start_poll_synchronize_rcu);

bool poll_state_synchronize_rcu(unsigned long oldstate)
{
	return oldstate == RCU_GET_STATE_COMPLETED ||
	       READ_ONCE(rcu_gp_seq) != oldstate;
}
EXPORT_SYMBOL_GPL(poll_state_synchronize_rcu);

void get_completed_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	rgosp->rgos_norm = RCU_GET_STATE_COMPLETED;
}
EXPORT_SYMBOL_GPL(get_completed_synchronize_rcu_full);

int lkl_rcu_get_stats(enum lkl_rcu_flavour flavour,
		      struct lkl_rcu_stats *stats)
{
	struct rcu_ctrlblk *rcp;
	unsigned long flags;

	switch (flavour) {
	case LKL_RCU_SCHED:
		rcp = &rcu_sched_ctrlblk;
		break;
	case LKL_RCU_BH:
		rcp = &rcu_bh_ctrlblk;
		break;
	default:
		return -EINVAL;
	}
	local_irq_save(flags);
	*stats = rcp->stats;
	local_irq_restore(flags);
	return 0;
}

/* Called once per boot, before any task runs. */
void __init rcu_init(void)
{
	rcu_ctrlblk_init(&rcu_sched_ctrlblk, "call_rcu");
	rcu_ctrlblk_init(&rcu_bh_ctrlblk, "call_rcu_bh");
	rcu_gp_seq = 0UL - 300UL;
	rcu_gp_requested = false;
	rcu_in_idle = false;
	rcu_misuse_reports = 0;
	lkl_rcu_head_set_reset();
	open_softirq(RCU_SOFTIRQ, rcu_process_callbacks);
	rcu_early_boot_tests();
}
