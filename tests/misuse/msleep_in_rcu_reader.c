// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping inside an RCU read-side critical section must stop the run,
 * reporting the nesting depth and where the section began.
 *
 * expect-exit: nonzero
 * expect-output: BUG: sleeping function called from invalid context
 * expect-output: RCU nest depth: 1, expected: 0
 * expect-output: misuse_msleep_in_rcu_reader
 * reject-output: misuse: survived
 */
#include <linux/delay.h>
#include <linux/rcupdate.h>

#include "misuse.h"

static int misuse_msleep_in_rcu_reader(void *unused)
{
	rcu_read_lock();
	msleep(1);
	misuse_survived("msleep() in an RCU reader");
	rcu_read_unlock();
	return 0;
}

MISUSE_PROGRAM(misuse_msleep_in_rcu_reader)
