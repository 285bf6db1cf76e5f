/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the RCU torture module (kernel-src/rcutorture.c) and
 * the program that boots the emulated machine to run it
 * (lkl-shim/bin/rcutorture-main.c).
 */
#ifndef _KERNEL_SRC_RCUTORTURE_H
#define _KERNEL_SRC_RCUTORTURE_H

#include <linux/types.h>

/* Counts of one run, for the caller's own summary lines. */
struct rcu_torture_result {
	unsigned long callbacks_invoked;	/* all flavours, during the run */
	unsigned long failures;
	bool not_started;	/* invalid parameters or out of memory */
};

/*
 * Runs the torture test configured by the rcutorture.* module parameters,
 * seeding its generators with @seed, and prints its configuration, progress
 * and summary. Must run in a task that may sleep, after module_init().
 * Returns 0 if no check failed, 1 otherwise.
 */
int rcu_torture_run(u64 seed, struct rcu_torture_result *result);

/*
 * True once the run has started to stop its kthreads, before its final
 * rcu_barrier() and checks. Helpers such as CPU-hotplug churn stop then,
 * as the kernel's rcutorture stops them before its own final barrier.
 */
bool rcu_torture_stopping(void);

#endif /* _KERNEL_SRC_RCUTORTURE_H */
