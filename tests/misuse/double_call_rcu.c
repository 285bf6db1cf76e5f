// SPDX-License-Identifier: GPL-2.0
/*
 * call_rcu() of a head that is still queued must be reported with both
 * call sites. As in Linux with CONFIG_DEBUG_OBJECTS_RCU_HEAD, the queued
 * head's function becomes a no-op, so the callback never runs (its object
 * would leak), and the WARN makes the run's status non-zero.
 *
 * Linux 6.1's Tiny RCU reports it through the debug-objects checker
 * ("ODEBUG: activate active", then "Double-freed CB").
 *
 * expect-exit: nonzero
 * expect-output (tiny, tree): already queued by
 * expect-output (tiny, tree): from misuse_double_call_rcu
 * expect-output (upstream): ODEBUG: activate active
 * expect-output (upstream): Double-freed CB
 * expect-output: misuse: callback ran 0 time(s)
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "misuse.h"

static int callback_runs;

static void count_callback(struct rcu_head *head)
{
	callback_runs++;
}

static int misuse_double_call_rcu(void *unused)
{
	static struct rcu_head head;

	call_rcu(&head, count_callback);
	call_rcu(&head, count_callback);
	rcu_barrier();
	pr_info("misuse: callback ran %d time(s)\n", callback_runs);
	return 0;
}

MISUSE_PROGRAM(misuse_double_call_rcu)
