// SPDX-License-Identifier: GPL-2.0
/*
 * rcutorture: boots the emulated machine with the command-line parameters
 * given as arguments ("seed=N", "rcutorture.nreaders=N", ...), runs the RCU
 * torture module in the init task and prints the verdict. The exit status
 * is 0 for SUCCESS and 1 for FAILURE (2 for invalid parameters).
 *
 * It also runs the CPU-hotplug churn (rcutorture.onoff_interval, as the
 * kernel's rcutorture names it) and, on Tree RCU, prints the tree's own
 * summary: grace periods per second, the longest grace period, callbacks
 * adopted through hotplug and what blimit did.
 */
/* The parameters here belong with the torture module's. */
#undef KBUILD_MODNAME
#define KBUILD_MODNAME "rcutorture"

#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/kthread.h>
#include <linux/cpu.h>
#include <linux/delay.h>
#include <linux/moduleparam.h>
#include <lkl/host.h>
#include <lkl/machine.h>

#include "../../kernel-src/rcutorture.h"
#ifdef CONFIG_TREE_RCU
#include "../../kernel-src/rcu.h"
#include "../../kernel-src/rcutree.h"
#endif

static int onoff_interval;
module_param(onoff_interval, int, 0444);
MODULE_PARM_DESC(onoff_interval,
		 "Emulated milliseconds between CPU-hotplug operations (0: none)");

struct onoff_stats {
	unsigned long offlined, onlined, busy, errors;
};

/*
 * Brings every CPU back online, so that the final checks and the shutdown
 * see all of them.
 */
static void onoff_restore_cpus(struct onoff_stats *stats)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (!cpu_online(cpu) && !add_cpu(cpu))
			stats->onlined++;
}

/*
 * Takes a random CPU offline, or back online if it is offline, every
 * onoff_interval ms. -EBUSY (the CPU is running a task, or it is the last
 * one online) is expected and only counted.
 *
 * NOTE: with churn still running during the final rcu_barrier_bh(), one
 * callback was once counted pending after the barrier (seed=1, 16 CPUs,
 * onoff_interval=50); whether Tree RCU or the count was wrong is not known.
 */
static int torture_onoff(void *arg)
{
	struct onoff_stats *stats = arg;

	while (!kthread_should_stop() && !rcu_torture_stopping()) {
		unsigned int cpu = lkl_random_below(nr_cpu_ids);
		bool online = cpu_online(cpu);
		int ret = online ? remove_cpu(cpu) : add_cpu(cpu);

		if (!ret && online)
			stats->offlined++;
		else if (!ret)
			stats->onlined++;
		else if (ret == -EBUSY)
			stats->busy++;
		else {
			stats->errors++;
			pr_err("rcutorture: %s CPU %u failed: %d\n",
			       online ? "offlining" : "onlining", cpu, ret);
		}
		msleep(onoff_interval);
	}
	onoff_restore_cpus(stats);
	while (!kthread_should_stop())
		schedule_timeout_idle(1);
	return 0;
}


static void print_tree_summary(u64 run_ns)
{
#ifdef CONFIG_TREE_RCU
	struct lkl_rcu_tree_stats t;
	unsigned long run_ms = run_ns / 1000000;

	if (lkl_rcu_tree_get_stats(LKL_RCU_SCHED, &t))
		return;
	pr_info("rcutorture: tree: grace periods=%lu in %lu emulated ms (%lu per emulated second), longest grace period=%lu jiffies\n",
		t.common.gp_completed, run_ms,
		run_ms ? t.common.gp_completed * 1000 / run_ms : 0,
		t.gp_max_jiffies);
	pr_info("rcutorture: tree: callbacks adopted through hotplug=%lu (orphaned %lu); blimit: largest pass=%lu callbacks, passes with blimit lifted=%lu\n",
		t.cbs_adopted, t.cbs_orphaned, t.common.max_batch,
		t.blimit_raised_passes);
	pr_info("rcutorture: tree: force_quiescent_state passes=%lu, CPUs reported idle=%lu, offline=%lu, resched requests=%lu\n",
		t.fqs_passes, t.fqs_idle, t.fqs_offline, t.fqs_resched);
#endif
}

struct torture_run {
	struct rcu_torture_result result;
	unsigned long long host_ns;
};

static int torture_init_fn(void *arg)
{
	struct torture_run *run = arg;
	unsigned long long start = lkl_host_time_ns();
	u64 start_emulated = lkl_emulated_time_ns();
	struct onoff_stats onoff = { };
	struct task_struct *onoff_task = NULL;
	unsigned long long per_sec;
	int ret;

	if (onoff_interval < 0) {
		pr_err("rcutorture: invalid onoff_interval=%d: must be 0 (off) or a number of milliseconds\n",
		       onoff_interval);
		run->result.not_started = true;
		return 1;
	}
	if (onoff_interval && nr_cpu_ids == 1)
		pr_info("rcutorture: onoff_interval=%d ignored: CPU hotplug needs nr_cpus=2 or more\n",
			onoff_interval);
	if (onoff_interval && nr_cpu_ids > 1) {
		onoff_task = kthread_run(torture_onoff, &onoff,
					 "rcu_torture_onoff");
		if (IS_ERR(onoff_task)) {
			pr_err("rcutorture: cannot start the hotplug kthread: %ld\n",
			       PTR_ERR(onoff_task));
			onoff_task = NULL;
		}
	}
	ret = rcu_torture_run(lkl_seed(), &run->result);
	if (onoff_task) {
		kthread_stop(onoff_task);
		pr_info("rcutorture: hotplug: every %d ms: %lu offlined, %lu onlined, %lu refused as busy, %lu errors\n",
			onoff_interval, onoff.offlined, onoff.onlined,
			onoff.busy, onoff.errors);
		if (onoff.errors && !ret)
			ret = 1;
	}
	print_tree_summary(lkl_emulated_time_ns() - start_emulated);
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
