/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RCU-guarantee oracle (lkl-shim/oracle.c): it watches read-side
 * critical sections and callbacks and stops the run with a report the
 * moment a flavour breaks the RCU guarantee. It has no kernel counterpart.
 *
 * What it checks:
 *  - a callback runs while a read-side section that was already open when
 *    it was queued is still open, on any CPU;
 *  - a callback runs twice, or runs out of the order its flavour keeps
 *    (queue order per queueing CPU, and per CPU that adopted it after a
 *    hotplug removal);
 *  - a callback queued before rcu_barrier() began has not run when it
 *    returns (lkl_rcu_oracle_barrier_end());
 *  - a grace-period wait returns while a section older than the wait is
 *    still open (lkl_rcu_oracle_check_gp()).
 *
 * Readers are tracked per CPU: non-preemptible readers cannot sleep, so a
 * CPU has at most one outermost section open, and a callback queued at
 * global sequence number q is violated if some CPU's open section started
 * before q. Sections are the ones lockdep sees (rcu_read_lock(), _bh(),
 * _sched()); plain preempt_disable() regions are not tracked.
 *
 * The hooks contain no scheduling point. Their tables are guarded by a
 * host spinlock, because in threaded mode (lkl.threaded=1) CPUs call them
 * from several host threads at once. The oracle is on unless the boot
 * parameter lkl.rcu_oracle=0 turns it off.
 */
#ifndef _LKL_ORACLE_H
#define _LKL_ORACLE_H

#include <linux/types.h>

struct rcu_head;
struct lockdep_map;

/* Callback flavours as the oracle sees them; values of lkl_rcu_flavour. */
#define LKL_RCU_ORACLE_SCHED	0	/* waits for every kind of reader */
#define LKL_RCU_ORACLE_BH	1	/* waits for rcu_read_lock_bh() only */

/* Forgets every reader and callback; rcu_init() calls it at every boot. */
void lkl_rcu_oracle_reset(void);

/* Read side: lock_acquire()/lock_release() of an rcu_read_lock* map. */
void lkl_rcu_oracle_reader_lock(const struct lockdep_map *map,
				unsigned long ip);
void lkl_rcu_oracle_reader_unlock(const struct lockdep_map *map,
				  unsigned long ip);

/*
 * Update side, called by a flavour. @domain is the callback list owner (a
 * flavour's state), @cpu the CPU whose list @head joins, @caller the
 * queueing site. lkl_rcu_oracle_invoke() runs just before the callback,
 * with @cpu the CPU whose list it was taken from.
 */
void lkl_rcu_oracle_queue(struct rcu_head *head, const void *domain,
			  unsigned int flavour, int cpu, unsigned long caller);
void lkl_rcu_oracle_invoke(struct rcu_head *head, int cpu);

/*
 * A ticket: the current global sequence number. Take one before a
 * grace-period wait and pass it to lkl_rcu_oracle_check_gp() after the
 * wait, or take one before rcu_barrier() and pass it to
 * lkl_rcu_oracle_barrier_end(). @what names the wait in reports.
 */
u64 lkl_rcu_oracle_ticket(void);
void lkl_rcu_oracle_check_gp(u64 ticket, unsigned int flavour,
			     const char *what, unsigned long caller);
void lkl_rcu_oracle_barrier_end(u64 ticket, unsigned int flavour,
				unsigned long caller);

/* Fails if any callback of any flavour is still queued. */
void lkl_rcu_oracle_check_all_invoked(const char *what);

/* Callbacks queued and not yet invoked, of all flavours. */
unsigned long lkl_rcu_oracle_pending(void);

/* Callbacks checked since boot, for the fuzz drivers' statistics. */
unsigned long lkl_rcu_oracle_invoked(void);

/*
 * A short description of the input being run ("tiny input 3f2a...,
 * 812 bytes"), printed in every report. The string must outlive the run.
 */
void lkl_rcu_oracle_set_input(const char *desc);

/*
 * Reports that a grace period has not ended after @what, with the
 * grace-period numbers and the open readers, and stops the run.
 */
void __noreturn lkl_rcu_oracle_stall(const char *what);

#endif /* _LKL_ORACLE_H */
