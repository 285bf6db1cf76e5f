/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared part of the misuse programs in tests/misuse/: each boots the
 * machine, makes one API mistake in its init task and must be stopped (or,
 * for a WARN, reported) by the shim. run.sh reads the "expect-" comments of
 * each program: expect-exit (0, nonzero or a number), expect-output (text
 * that must appear, one line each) and reject-output (text that must not).
 */
#ifndef _TESTS_MISUSE_H
#define _TESTS_MISUSE_H

#include <linux/printk.h>

#include <lkl/machine.h>

/*
 * Printed after the misuse; a program the shim should have stopped must
 * never print it (run.sh checks with reject-output).
 */
#define misuse_survived(what) pr_info("misuse: survived %s\n", what)

#define MISUSE_PROGRAM(init_fn)						\
	int main(int argc, char **argv)					\
	{								\
		return lkl_start_kernel(argc, argv, init_fn, NULL);	\
	}

#endif /* _TESTS_MISUSE_H */
