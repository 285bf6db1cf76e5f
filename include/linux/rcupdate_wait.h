/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Waiting for RCU grace periods through callbacks: struct rcu_synchronize,
 * wakeme_after_rcu() and wait_rcu_gp(). Stands in for the kernel's
 * <linux/rcupdate_wait.h> with Linux 6.1 names; kernel-src/update.c
 * implements it for every flavour.
 */
#ifndef _LINUX_SCHED_RCUPDATE_WAIT_H
#define _LINUX_SCHED_RCUPDATE_WAIT_H

#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/completion.h>

/* An rcu_head whose callback completes @completion. */
struct rcu_synchronize {
	struct rcu_head head;
	struct completion completion;
};

void wakeme_after_rcu(struct rcu_head *head);

/*
 * Queues one wakeme_after_rcu() callback with each distinct function of
 * @crcu_array and waits for all of them. With @checktiny, call_rcu() is
 * skipped: on Tiny RCU a caller that may sleep is already past a grace
 * period.
 */
void __wait_rcu_gp(bool checktiny, int n, call_rcu_func_t *crcu_array,
		   struct rcu_synchronize *rs_array);

#define _wait_rcu_gp(checktiny, ...)					\
do {									\
	call_rcu_func_t __crcu_array[] = { __VA_ARGS__ };		\
	struct rcu_synchronize __rs_array[ARRAY_SIZE(__crcu_array)];	\
	__wait_rcu_gp(checktiny, ARRAY_SIZE(__crcu_array),		\
		      __crcu_array, __rs_array);			\
} while (0)

/* Waits until every callback queued so far with each function has run. */
#define wait_rcu_gp(...) _wait_rcu_gp(false, __VA_ARGS__)

/* Waits for one grace period of each of the listed call_rcu() flavours. */
#define synchronize_rcu_mult(...) \
	_wait_rcu_gp(IS_ENABLED(CONFIG_TINY_RCU), __VA_ARGS__)

#endif /* _LINUX_SCHED_RCUPDATE_WAIT_H */
