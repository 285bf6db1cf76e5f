// SPDX-License-Identifier: GPL-2.0
/*
 * rcutorture: boots the emulated machine with the command-line parameters
 * given as arguments ("seed=N", "rcutorture.nreaders=N", ...), runs the RCU
 * torture module in the init task and prints the verdict. The exit status
 * is 0 for SUCCESS and 1 for FAILURE (2 for invalid parameters).
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <lkl/host.h>
#include <lkl/machine.h>

#include "../../kernel-src/rcutorture.h"

struct torture_run {
	struct rcu_torture_result result;
	unsigned long long host_ns;
};

static int torture_init_fn(void *arg)
{
	struct torture_run *run = arg;
	unsigned long long start = lkl_host_time_ns();
	unsigned long long per_sec;
	int ret;

	ret = rcu_torture_run(lkl_seed(), &run->result);
	run->host_ns = lkl_host_time_ns() - start;
	per_sec = run->host_ns ?
		  run->result.callbacks_invoked * 1000000000ULL / run->host_ns : 0;
	pr_info("rcutorture: callbacks invoked=%lu in %llu ms of host time: %llu callbacks per second\n",
		run->result.callbacks_invoked, run->host_ns / 1000000, per_sec);
	return ret;
}

int main(int argc, char **argv)
{
	struct torture_run run = { };
	int ret;

	ret = lkl_start_kernel(argc, argv, torture_init_fn, &run);
	if (ret == 2) {
		pr_err("rcutorture: invalid command-line parameters\n");
		return 2;
	}
	if (run.result.not_started)
		pr_info("rcutorture: the test did not start (see the error above)\n");
	else if (run.result.failures)
		pr_info("rcutorture: %lu checks failed (the first reports are above)\n",
			run.result.failures);
	else if (ret)
		pr_info("rcutorture: no check failed, but the machine reported warnings or leaked objects (see above)\n");
	else
		pr_info("rcutorture: no check failed, no warnings, no leaked objects at shutdown\n");
	pr_info("%s\n", ret ? "FAILURE" : "SUCCESS");
	return ret ? 1 : 0;
}
