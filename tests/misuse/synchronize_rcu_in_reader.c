// SPDX-License-Identifier: GPL-2.0
/*
 * synchronize_rcu() inside an RCU read-side critical section waits for
 * itself: it must be reported and stop the run. Linux 6.1's Tiny RCU only
 * WARNs ("Illegal synchronize_rcu() in RCU read-side critical section")
 * and returns, because on one CPU its synchronize_rcu() never sleeps; the
 * run goes on and ends with a non-zero status.
 *
 * expect-exit: nonzero
 * expect-output: synchronize_rcu() in RCU read-side critical section
 * expect-output: misuse_synchronize_rcu_in_reader
 * reject-output (tiny, tree): misuse: survived
 * expect-output (upstream): Illegal synchronize_rcu()
 */
#include <linux/rcupdate.h>

#include "misuse.h"

static int misuse_synchronize_rcu_in_reader(void *unused)
{
	rcu_read_lock();
	synchronize_rcu();
	misuse_survived("synchronize_rcu() in an RCU reader");
	rcu_read_unlock();
	return 0;
}

MISUSE_PROGRAM(misuse_synchronize_rcu_in_reader)
