// SPDX-License-Identifier: GPL-2.0
/*
 * kfree_rcu() throughput on the emulated machine, after rcuscale's kfree
 * test: kfree_nthreads kthreads each allocate kfree_alloc_num objects and
 * retire every one with kfree_rcu(), kfree_loops times over. Prints one
 * machine-readable "result:" line; bench/run compares it with the same
 * workload on liburcu.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/moduleparam.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/atomic.h>
#include <linux/string.h>
#include <lkl/host.h>
#include <lkl/machine.h>

#include "../kernel-src/rcu.h"

static int kfree_nthreads = 2;
module_param(kfree_nthreads, int, 0444);
MODULE_PARM_DESC(kfree_nthreads, "Number of kthreads that retire objects");

static int kfree_alloc_num = 8000;
module_param(kfree_alloc_num, int, 0444);
MODULE_PARM_DESC(kfree_alloc_num, "Objects each kthread allocates per loop");

static int kfree_loops = 10;
module_param(kfree_loops, int, 0444);
MODULE_PARM_DESC(kfree_loops, "Loops of kfree_alloc_num objects per kthread");

/* The object of rcuscale's kfree test: 8 bytes of payload and the head. */
struct kfree_obj {
	char payload[8];
	struct rcu_head rh;
};

static atomic_t threads_left;
static DECLARE_COMPLETION(all_done);

static int kfree_bench_thread(void *unused)
{
	int loop, i;

	for (loop = 0; loop < kfree_loops; loop++) {
		for (i = 0; i < kfree_alloc_num; i++) {
			struct kfree_obj *obj = kmalloc(sizeof(*obj),
							GFP_KERNEL);

			if (!obj)
				return -ENOMEM;
			obj->payload[0] = (char)i;
			kfree_rcu(obj, rh);
		}
		cond_resched();
	}
	if (atomic_dec_and_test(&threads_left))
		complete(&all_done);
	while (!kthread_should_stop())
		schedule_timeout_idle(1);
	return 0;
}

static int kfree_bench_run(void *unused)
{
	struct task_struct **tasks;
	struct lkl_rcu_stats stats;
	unsigned long long start_ns, ns;
	u64 start_emulated;
	long objects;
	int i, ret = 0;

	if (kfree_nthreads < 1 || kfree_alloc_num < 1 || kfree_loops < 1) {
		pr_err("kfree_bench: kfree_nthreads=%d, kfree_alloc_num=%d and kfree_loops=%d must all be at least 1\n",
		       kfree_nthreads, kfree_alloc_num, kfree_loops);
		return 2;
	}
	tasks = kcalloc(kfree_nthreads, sizeof(*tasks), GFP_KERNEL);
	if (!tasks)
		return 1;
	atomic_set(&threads_left, kfree_nthreads);
	start_ns = lkl_host_time_ns();
	start_emulated = lkl_emulated_time_ns();
	for (i = 0; i < kfree_nthreads; i++) {
		tasks[i] = kthread_run(kfree_bench_thread, NULL, "kfree_bench/%d",
				       i);
		if (IS_ERR(tasks[i])) {
			pr_err("kfree_bench: kthread_run failed: %ld\n",
			       PTR_ERR(tasks[i]));
			tasks[i] = NULL;
			ret = 1;
			break;
		}
	}
	if (!ret)
		wait_for_completion(&all_done);
	rcu_barrier();
	ns = lkl_host_time_ns() - start_ns;
	for (i = 0; i < kfree_nthreads; i++)
		if (tasks[i])
			kthread_stop(tasks[i]);
	kfree(tasks);

	objects = (long)kfree_nthreads * kfree_alloc_num * kfree_loops;
	if (lkl_rcu_get_stats(LKL_RCU_SCHED, &stats))
		memset(&stats, 0, sizeof(stats));
	pr_info("result: objects=%ld host_ms=%llu emulated_ms=%llu grace_periods=%lu peak_pending=%lu peak_pending_bytes=%lu objects_per_sec=%llu\n",
		objects, ns / 1000000,
		(lkl_emulated_time_ns() - start_emulated) / 1000000,
		stats.gp_completed, stats.max_pending,
		stats.max_pending * sizeof(struct kfree_obj),
		ns ? objects * 1000000000ULL / ns : 0);
	return ret;
}

int main(int argc, char **argv)
{
	return lkl_start_kernel(argc, argv, kfree_bench_run, NULL);
}
