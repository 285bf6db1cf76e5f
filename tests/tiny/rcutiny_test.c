// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for uniprocessor Tiny RCU (kernel-src/rcutiny.c): which
 * events are quiescent states on the only CPU, and the callback counters
 * of lkl_rcu_get_stats().
 */
#include <kunit/test.h>

#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include <lkl/machine.h>

#include "../../kernel-src/rcu.h"

static bool tiny_callback_ran;

static void tiny_callback(struct rcu_head *head)
{
	WRITE_ONCE(tiny_callback_ran, true);
}

/* Runs pending softirqs, RCU_SOFTIRQ among them, in this task. */
static void run_pending_softirqs(void)
{
	local_bh_disable();
	local_bh_enable();
}

static struct rcu_head *queue_tiny_callback(struct kunit *test)
{
	struct rcu_head *head = kunit_kzalloc(test, sizeof(*head), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, head);
	WRITE_ONCE(tiny_callback_ran, false);
	call_rcu(head, tiny_callback);
	return head;
}

static void tiny_runs_on_one_cpu(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, num_online_cpus(), 1U);
}

/*
 * A tick that interrupts kernel code is no quiescent state; one that
 * interrupts user mode is, and its irq_exit() runs the callback.
 */
static void tiny_tick_from_user_mode_ends_gp(struct kunit *test)
{
	int i;

	queue_tiny_callback(test);
	for (i = 0; i < 10; i++) {
		lkl_tick(false);
		run_pending_softirqs();
	}
	KUNIT_EXPECT_FALSE(test, READ_ONCE(tiny_callback_ran));

	lkl_tick(true);
	run_pending_softirqs();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(tiny_callback_ran));
}

/* On one CPU, a caller of synchronize_rcu() is itself a quiescent state. */
static void tiny_synchronize_rcu_ends_gp(struct kunit *test)
{
	queue_tiny_callback(test);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(tiny_callback_ran));
	synchronize_rcu();
	run_pending_softirqs();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(tiny_callback_ran));
}

/* A context switch is a quiescent state: sleeping lets the callback run. */
static void tiny_context_switch_ends_gp(struct kunit *test)
{
	queue_tiny_callback(test);
	msleep(2);
	run_pending_softirqs();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(tiny_callback_ran));
}

/* With softirqs disabled, the grace period ends but the callback waits. */
static void tiny_callback_waits_for_bh_enable(struct kunit *test)
{
	queue_tiny_callback(test);
	local_bh_disable();
	lkl_tick(true);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(tiny_callback_ran));
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(tiny_callback_ran));
}

struct tiny_object {
	int payload;
	struct rcu_head rh;
};

static void tiny_stats_count_callbacks(struct kunit *test)
{
	struct lkl_rcu_stats before, after;
	struct tiny_object *obj;

	KUNIT_ASSERT_EQ(test, lkl_rcu_get_stats(LKL_RCU_SCHED, &before), 0);
	obj = kmalloc(sizeof(*obj), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	queue_tiny_callback(test);
	kfree_rcu(obj, rh);

	KUNIT_ASSERT_EQ(test, lkl_rcu_get_stats(LKL_RCU_SCHED, &after), 0);
	KUNIT_EXPECT_EQ(test, after.cbs_queued - before.cbs_queued, 2UL);
	KUNIT_EXPECT_EQ(test, after.cbs_pending, before.cbs_pending + 2);

	/* Not rcu_barrier(): it would count a callback of its own. */
	synchronize_rcu();
	run_pending_softirqs();
	KUNIT_ASSERT_EQ(test, lkl_rcu_get_stats(LKL_RCU_SCHED, &after), 0);
	KUNIT_EXPECT_EQ(test, after.cbs_invoked_func - before.cbs_invoked_func,
			1UL);
	KUNIT_EXPECT_EQ(test,
			after.cbs_invoked_kfree - before.cbs_invoked_kfree, 1UL);
	KUNIT_EXPECT_EQ(test, after.cbs_pending, before.cbs_pending);
	KUNIT_EXPECT_GT(test, after.gp_completed, before.gp_completed);
}

static struct kunit_case rcutiny_cases[] = {
	KUNIT_CASE(tiny_runs_on_one_cpu),
	KUNIT_CASE(tiny_tick_from_user_mode_ends_gp),
	KUNIT_CASE(tiny_synchronize_rcu_ends_gp),
	KUNIT_CASE(tiny_context_switch_ends_gp),
	KUNIT_CASE(tiny_callback_waits_for_bh_enable),
	KUNIT_CASE(tiny_stats_count_callbacks),
	{}
};

static struct kunit_suite rcutiny_suite = {
	.name = "rcutiny",
	.test_cases = rcutiny_cases,
};

kunit_test_suite(rcutiny_suite);
