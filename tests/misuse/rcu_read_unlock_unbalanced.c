// SPDX-License-Identifier: GPL-2.0
/*
 * rcu_read_unlock() without rcu_read_lock() must be reported with the call
 * site of the unlock.
 *
 * expect-exit: nonzero
 * expect-output: bad unlock balance
 * expect-output: misuse_rcu_read_unlock_unbalanced
 */
#include <linux/rcupdate.h>

#include "misuse.h"

static int misuse_rcu_read_unlock_unbalanced(void *unused)
{
	rcu_read_unlock();
	return 0;
}

MISUSE_PROGRAM(misuse_rcu_read_unlock_unbalanced)
