// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for Tree RCU on the running machine: a reader on one CPU
 * holds up a grace period requested on another, idle CPUs hold up none,
 * an offlined CPU's callbacks run exactly once after adoption,
 * rcu_barrier() covers every CPU, a callback flood lifts the batch limit,
 * and grace-period numbers wrap. Cases that need more CPUs than the boot
 * chose (nr_cpus=N) are skipped.
 */
#include <kunit/test.h>

#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_wait.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include <lkl/machine.h>

#include "../../kernel-src/rcutree.h"

/* Returns the n-th online CPU other than the running one, or -1. */
static int other_online_cpu(int n)
{
	int cpu, me = raw_smp_processor_id();

	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		if (n-- == 0)
			return cpu;
	}
	return -1;
}

/* An rcu_head followed by the flag its callback sets. */
struct flag_cb {
	struct rcu_head head;
	bool ran;
};

static void flag_callback(struct rcu_head *head)
{
	WRITE_ONCE(container_of(head, struct flag_cb, head)->ran, true);
}

struct held_reader {
	struct completion entered;
	struct completion done;
	bool release;
};

static int held_reader_fn(void *data)
{
	struct held_reader *r = data;

	rcu_read_lock();
	complete(&r->entered);
	/* A reader must not sleep: spin, letting other CPUs run. */
	while (!READ_ONCE(r->release)) {
		mdelay(1);
		cpu_relax();
	}
	rcu_read_unlock();
	complete(&r->done);
	return 0;
}

/* Starts a reader on @cpu and returns once it is inside its section. */
static struct held_reader *start_reader(struct kunit *test, int cpu)
{
	struct held_reader *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	struct task_struct *task;

	KUNIT_ASSERT_NOT_NULL(test, r);
	init_completion(&r->entered);
	init_completion(&r->done);
	task = kthread_create(held_reader_fn, r, "rcu_tree_reader");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	kthread_bind(task, cpu);
	wake_up_process(task);
	wait_for_completion(&r->entered);
	return r;
}

static void stop_reader(struct held_reader *r)
{
	WRITE_ONCE(r->release, true);
	wait_for_completion(&r->done);
}

/*
 * A callback queued on this CPU does not run while a reader on another
 * CPU stays in its read-side section, although the grace period it
 * needs has started and this CPU keeps passing quiescent states.
 */
static void reader_holds_gp_of_other_cpu(struct kunit *test)
{
	struct flag_cb *cb = kunit_kzalloc(test, sizeof(*cb), GFP_KERNEL);
	int cpu = other_online_cpu(0);
	struct held_reader *r;

	if (cpu < 0)
		kunit_skip(test, "needs 2 online CPUs");
	KUNIT_ASSERT_NOT_NULL(test, cb);
	r = start_reader(test, cpu);

	call_rcu(&cb->head, flag_callback);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(cb->ran));
	KUNIT_EXPECT_TRUE(test, rcu_gp_in_progress(&rcu_sched_state));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(rcu_sched_state.rda[cpu]->mynode->qsmask) &
				rcu_sched_state.rda[cpu]->grpmask);

	stop_reader(r);
	rcu_barrier();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(cb->ran));
}

/*
 * With every other CPU idle, a grace period still ends promptly, because
 * idle CPUs are reported on their behalf. Their dyntick counters are even.
 */
static void idle_cpus_do_not_hold_gp(struct kunit *test)
{
	struct rcu_synchronize rs;
	struct rcu_dynticks *rdtp;
	unsigned long start, left;
	int cpu, idle = 0, tries;

	if (other_online_cpu(0) < 0)
		kunit_skip(test, "needs 2 online CPUs");

	/* Let the other CPUs settle into their idle loops. */
	for (tries = 0; tries < 100; tries++) {
		idle = 0;
		for_each_online_cpu(cpu)
			if (cpu != raw_smp_processor_id() &&
			    READ_ONCE(lkl_cpus[cpu].in_idle))
				idle++;
		if (idle == num_online_cpus() - 1)
			break;
		msleep(1);
	}
	KUNIT_ASSERT_EQ(test, idle, (int)num_online_cpus() - 1);
	cpu = other_online_cpu(0);
	rdtp = rcu_sched_state.rda[cpu]->dynticks;
	KUNIT_EXPECT_EQ(test, atomic_read(&rdtp->dynticks) & 1, 0);

	init_completion(&rs.completion);
	start = jiffies;
	call_rcu(&rs.head, wakeme_after_rcu);
	left = wait_for_completion_timeout(&rs.completion, HZ);
	KUNIT_ASSERT_NE_MSG(test, left, 0UL,
			    "grace period not over after %d jiffies", HZ);
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)HZ / 10);
}

#define ADOPT_CALLBACKS 20

static int adopt_invoked[ADOPT_CALLBACKS];

struct adopt_cb {
	struct rcu_head head;
	int index;
};

/* Runs on the adopting CPU while the test reads the counts. */
static void adopt_callback(struct rcu_head *head)
{
	int i = container_of(head, struct adopt_cb, head)->index;

	WRITE_ONCE(adopt_invoked[i], adopt_invoked[i] + 1);
}

struct adopt_work {
	struct adopt_cb *cbs;
	struct completion queued;
};

static int adopt_queue_fn(void *data)
{
	struct adopt_work *w = data;
	int i;

	for (i = 0; i < ADOPT_CALLBACKS; i++)
		call_rcu(&w->cbs[i].head, adopt_callback);
	complete(&w->queued);
	return 0;
}

/*
 * Callbacks queued on a CPU that then goes offline are adopted by a
 * survivor and each runs exactly once. A reader on a third CPU keeps
 * every grace period open, so none has run before the removal.
 */
static void offlined_cpu_callbacks_run_once(struct kunit *test)
{
	int reader_cpu = other_online_cpu(0);
	int victim = other_online_cpu(1);
	struct lkl_rcu_tree_stats before, after;
	struct rcu_data *rdp;
	struct held_reader *r;
	struct adopt_work *w;
	struct task_struct *task;
	int i, ret;

	if (victim < 0)
		kunit_skip(test, "needs 3 online CPUs");
	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w->cbs = kunit_kcalloc(test, ADOPT_CALLBACKS, sizeof(*w->cbs),
			       GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w->cbs);
	for (i = 0; i < ADOPT_CALLBACKS; i++) {
		w->cbs[i].index = i;
		adopt_invoked[i] = 0;
	}
	init_completion(&w->queued);
	rdp = rcu_sched_state.rda[victim];
	KUNIT_ASSERT_EQ(test, lkl_rcu_tree_get_stats(LKL_RCU_SCHED, &before),
			0);

	r = start_reader(test, reader_cpu);
	task = kthread_create(adopt_queue_fn, w, "rcu_tree_adopt");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	kthread_bind(task, victim);
	wake_up_process(task);
	wait_for_completion(&w->queued);

	/* remove_cpu() takes only a CPU that has gone back to idle. */
	for (i = 0; i < 100; i++) {
		ret = remove_cpu(victim);
		if (ret != -EBUSY)
			break;
		msleep(1);
	}
	if (ret)
		stop_reader(r);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_FALSE(test, rdp->online);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(rdp->mynode->qsmaskinit) &
				 rdp->grpmask);
	KUNIT_EXPECT_EQ(test, rdp->qlen, 0L);
	for (i = 0; i < ADOPT_CALLBACKS; i++)
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(adopt_invoked[i]), 0,
				    "callback %d ran during the reader", i);

	stop_reader(r);
	rcu_barrier();
	for (i = 0; i < ADOPT_CALLBACKS; i++)
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(adopt_invoked[i]), 1,
				    "callback %d", i);
	KUNIT_ASSERT_EQ(test, lkl_rcu_tree_get_stats(LKL_RCU_SCHED, &after),
			0);
	KUNIT_EXPECT_GE(test, after.cbs_adopted - before.cbs_adopted,
			(unsigned long)ADOPT_CALLBACKS);

	KUNIT_EXPECT_EQ(test, add_cpu(victim), 0);
	KUNIT_EXPECT_TRUE(test, rdp->online);
}

struct barrier_cpu_cb {
	struct rcu_head head;
	int cpu;
	int ran;
};

static void barrier_cpu_callback(struct rcu_head *head)
{
	container_of(head, struct barrier_cpu_cb, head)->ran++;
}

/* IPI: queues this CPU's callback. */
static void barrier_queue_here(void *info)
{
	struct barrier_cpu_cb *cbs = info;
	int cpu = smp_processor_id();

	cbs[cpu].cpu = cpu;
	call_rcu(&cbs[cpu].head, barrier_cpu_callback);
}

/* rcu_barrier() waits for callbacks queued on every online CPU. */
static void barrier_covers_every_cpu(struct kunit *test)
{
	struct barrier_cpu_cb *cbs;
	int cpu;

	cbs = kunit_kcalloc(test, nr_cpu_ids, sizeof(*cbs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cbs);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		cbs[cpu].cpu = -1;

	on_each_cpu(barrier_queue_here, cbs, 1);
	rcu_barrier();
	/* No test here takes CPUs offline concurrently. */
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ_MSG(test, cbs[cpu].cpu, cpu, "CPU %d", cpu);
		KUNIT_EXPECT_EQ_MSG(test, cbs[cpu].ran, 1, "CPU %d", cpu);
	}
}

static long flood_invoked;

static void flood_callback(struct rcu_head *head)
{
	flood_invoked++;
}

/*
 * More than qhimark callbacks queued at once lift the batch limit: some
 * pass then invokes more than blimit, and the limit comes back after.
 */
static void flood_lifts_blimit_live(struct kunit *test)
{
	long n = qhimark + 100;
	struct lkl_rcu_tree_stats before, after;
	struct rcu_head *heads;
	long i;
	int cpu;

	heads = kunit_kcalloc(test, n, sizeof(*heads), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, heads);
	KUNIT_ASSERT_EQ(test, lkl_rcu_tree_get_stats(LKL_RCU_SCHED, &before),
			0);
	flood_invoked = 0;

	/* Preemption off keeps the flood on one CPU. */
	preempt_disable();
	cpu = smp_processor_id();
	for (i = 0; i < n; i++)
		call_rcu(&heads[i], flood_callback);
	preempt_enable();
	rcu_barrier();
	/* Let the pass that ran the last callback finish its bookkeeping. */
	msleep(5);

	KUNIT_ASSERT_EQ(test, lkl_rcu_tree_get_stats(LKL_RCU_SCHED, &after),
			0);
	KUNIT_EXPECT_EQ(test, flood_invoked, n);
	KUNIT_EXPECT_GT(test, after.blimit_raised_passes,
			before.blimit_raised_passes);
	KUNIT_EXPECT_GT(test, after.common.max_batch, (unsigned long)blimit);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rcu_sched_state.rda[cpu]->blimit),
			blimit);
}

/*
 * start_poll_synchronize_rcu() starts a grace period with no callback
 * queued. The case runs before gp_numbers_wrap, so ->gpnum is still below
 * zero (top bit set) unless earlier suites ran 300 grace periods.
 */
static void poll_starts_gp_without_callbacks(struct kunit *test)
{
	struct rcu_state *rsp = &rcu_sched_state;
	unsigned long cookie, start;
	bool requested;

	rcu_barrier();
	cookie = start_poll_synchronize_rcu();
	requested = ULONG_CMP_LT(READ_ONCE(rsp->completed),
				 READ_ONCE(rsp->gp_requested));
	KUNIT_EXPECT_TRUE_MSG(test, requested ||
			      poll_state_synchronize_rcu(cookie),
			      "cookie %lu: no grace period requested, gpnum %lu",
			      cookie, READ_ONCE(rsp->gpnum));
	start = jiffies;
	while (!poll_state_synchronize_rcu(cookie) &&
	       time_before(jiffies, start + HZ))
		msleep(1);
	KUNIT_EXPECT_TRUE_MSG(test, poll_state_synchronize_rcu(cookie),
			      "cookie %lu: no grace period ended in %d jiffies",
			      cookie, HZ);
}

/* Grace-period numbers cross zero and grace periods still end after. */
static void gp_numbers_wrap(struct kunit *test)
{
	unsigned long completed;
	int i;

	for (i = 0; i < 400; i++) {
		completed = READ_ONCE(rcu_sched_state.completed);
		if (completed < 1000)
			break;
		wait_rcu_gp(call_rcu);
	}
	KUNIT_ASSERT_LT_MSG(test, READ_ONCE(rcu_sched_state.completed),
			    1000UL, "no wrap after %d grace periods", i);
	completed = READ_ONCE(rcu_sched_state.completed);
	wait_rcu_gp(call_rcu);
	KUNIT_EXPECT_TRUE(test, ULONG_CMP_LT(completed,
					     READ_ONCE(rcu_sched_state.completed)));
}

/* The statistics API reports grace periods and invoked callbacks. */
static void stats_count_gps_and_callbacks(struct kunit *test)
{
	struct lkl_rcu_stats before, after;
	struct flag_cb *cb = kunit_kzalloc(test, sizeof(*cb), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cb);
	KUNIT_ASSERT_EQ(test, lkl_rcu_get_stats(LKL_RCU_SCHED, &before), 0);
	call_rcu(&cb->head, flag_callback);
	rcu_barrier();
	KUNIT_ASSERT_EQ(test, lkl_rcu_get_stats(LKL_RCU_SCHED, &after), 0);
	KUNIT_EXPECT_GT(test, after.gp_completed, before.gp_completed);
	KUNIT_EXPECT_GE(test, after.cbs_invoked_func - before.cbs_invoked_func,
			1UL);
	KUNIT_EXPECT_GE(test, after.cbs_queued - before.cbs_queued, 1UL);
	KUNIT_EXPECT_EQ(test, lkl_rcu_get_stats(LKL_RCU_NR_FLAVOURS, &after),
			-EINVAL);
}

static struct kunit_case rcu_tree_live_cases[] = {
	KUNIT_CASE(reader_holds_gp_of_other_cpu),
	KUNIT_CASE(idle_cpus_do_not_hold_gp),
	KUNIT_CASE(offlined_cpu_callbacks_run_once),
	KUNIT_CASE(barrier_covers_every_cpu),
	KUNIT_CASE(flood_lifts_blimit_live),
	KUNIT_CASE(poll_starts_gp_without_callbacks),
	KUNIT_CASE(gp_numbers_wrap),
	KUNIT_CASE(stats_count_gps_and_callbacks),
	{}
};

static struct kunit_suite rcu_tree_live_suite = {
	.name = "rcu_tree_live",
	.test_cases = rcu_tree_live_cases,
};

kunit_test_suite(rcu_tree_live_suite);
