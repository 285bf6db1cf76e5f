// SPDX-License-Identifier: GPL-2.0
/*
 * call_rcu() of a head that is still queued must be reported with both
 * call sites; the head is left alone (its object leaks on purpose), so the
 * callback runs once and the run ends with a failing status.
 *
 * expect-exit: nonzero
 * expect-output: already queued by
 * expect-output: misuse_double_call_rcu
 * expect-output: misuse: callback ran 1 time(s)
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
