// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the emulated kernel itself: preempt_count fields and
 * interrupt state, when softirqs run, emulated time, completions, kthreads,
 * mutexes and timers. Valid for every flavour, on one CPU or many.
 */
#include <kunit/test.h>

#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/timer.h>

#include <lkl/machine.h>

/* Section 1: preempt_count and interrupt state. */

static void preempt_disable_nests(struct kunit *test)
{
	int base = preempt_count();

	KUNIT_ASSERT_EQ(test, base, 0);
	KUNIT_EXPECT_TRUE(test, preemptible());

	preempt_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	preempt_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 2);
	KUNIT_EXPECT_FALSE(test, preemptible());
	KUNIT_EXPECT_TRUE(test, in_atomic());
	KUNIT_EXPECT_FALSE(test, in_interrupt());
	preempt_enable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_TRUE(test, in_task());
}

static void local_bh_disable_sets_softirq_count(struct kunit *test)
{
	local_bh_disable();
	KUNIT_EXPECT_TRUE(test, in_softirq());
	KUNIT_EXPECT_EQ(test, softirq_count(), SOFTIRQ_DISABLE_OFFSET);
	/* Disabled, not serving: in_serving_softirq() stays false. */
	KUNIT_EXPECT_FALSE(test, in_serving_softirq());
	KUNIT_EXPECT_EQ(test, preempt_count() & PREEMPT_MASK, 0);

	local_bh_disable();
	KUNIT_EXPECT_EQ(test, softirq_count(), 2 * SOFTIRQ_DISABLE_OFFSET);
	local_bh_enable();
	local_bh_enable();
	KUNIT_EXPECT_FALSE(test, in_softirq());
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void local_irq_save_restores_state(struct kunit *test)
{
	unsigned long outer, inner;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	local_irq_save(outer);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, irqs_disabled_flags(outer));
	KUNIT_EXPECT_FALSE(test, preemptible());

	local_irq_save(inner);
	KUNIT_EXPECT_TRUE(test, irqs_disabled_flags(inner));
	local_irq_restore(inner);
	/* The inner restore keeps interrupts off: they were off at its save. */
	KUNIT_EXPECT_TRUE(test, irqs_disabled());

	local_irq_restore(outer);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	local_irq_disable();
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_enable();
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void irq_enter_sets_hardirq_count(struct kunit *test)
{
	local_irq_disable();
	irq_enter();
	KUNIT_EXPECT_TRUE(test, in_hardirq());
	KUNIT_EXPECT_TRUE(test, in_interrupt());
	KUNIT_EXPECT_FALSE(test, in_task());
	KUNIT_EXPECT_EQ(test, hardirq_count(), HARDIRQ_OFFSET);
	irq_exit();
	KUNIT_EXPECT_FALSE(test, in_hardirq());
	local_irq_enable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static struct kunit_case preempt_count_cases[] = {
	KUNIT_CASE(preempt_disable_nests),
	KUNIT_CASE(local_bh_disable_sets_softirq_count),
	KUNIT_CASE(local_irq_save_restores_state),
	KUNIT_CASE(irq_enter_sets_hardirq_count),
	{}
};

static struct kunit_suite preempt_count_suite = {
	.name = "machine_preempt_count",
	.test_cases = preempt_count_cases,
};

/* Section 2: softirqs, ticks and timers. */

struct timer_probe {
	struct timer_list timer;
	int fired;
	bool in_softirq;
	bool in_hardirq;
	unsigned long fired_jiffies;
};

static void timer_probe_fn(struct timer_list *timer)
{
	struct timer_probe *probe = from_timer(probe, timer, timer);

	probe->fired++;
	probe->in_softirq = in_serving_softirq();
	probe->in_hardirq = in_hardirq();
	probe->fired_jiffies = jiffies;
}

static struct timer_probe *timer_probe_new(struct kunit *test)
{
	struct timer_probe *probe = kunit_kzalloc(test, sizeof(*probe),
						  GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, probe);
	timer_setup(&probe->timer, timer_probe_fn, 0);
	return probe;
}

/*
 * Deactivates the timer before kunit frees the probe, so that a case whose
 * timer did not fire as expected leaves no pending timer in freed memory.
 */
static void timer_probe_stop(struct timer_probe *probe)
{
	del_timer_sync(&probe->timer);
}

/*
 * A timer that expires during a tick taken with bottom halves disabled
 * stays pending until local_bh_enable() runs TIMER_SOFTIRQ.
 */
static void softirq_runs_at_local_bh_enable(struct kunit *test)
{
	struct timer_probe *probe = timer_probe_new(test);

	local_bh_disable();
	mod_timer(&probe->timer, jiffies);
	lkl_tick(false);
	KUNIT_EXPECT_EQ(test, probe->fired, 0);
	KUNIT_EXPECT_TRUE(test, local_softirq_pending() & BIT(TIMER_SOFTIRQ));
	local_bh_enable();

	KUNIT_EXPECT_EQ(test, probe->fired, 1);
	KUNIT_EXPECT_TRUE(test, probe->in_softirq);
	KUNIT_EXPECT_FALSE(test, probe->in_hardirq);
	timer_probe_stop(probe);
}

/* With bottom halves enabled, the tick's irq_exit() runs the softirq. */
static void softirq_runs_at_irq_exit(struct kunit *test)
{
	struct timer_probe *probe = timer_probe_new(test);

	mod_timer(&probe->timer, jiffies);
	lkl_tick(false);
	KUNIT_EXPECT_EQ(test, probe->fired, 1);
	KUNIT_EXPECT_TRUE(test, probe->in_softirq);
	KUNIT_EXPECT_FALSE(test, timer_pending(&probe->timer));
	timer_probe_stop(probe);
}

static void timer_fires_after_expiry(struct kunit *test)
{
	struct timer_probe *probe = timer_probe_new(test);
	unsigned long expires = jiffies + msecs_to_jiffies(5);

	mod_timer(&probe->timer, expires);
	KUNIT_EXPECT_TRUE(test, timer_pending(&probe->timer));
	KUNIT_EXPECT_EQ(test, probe->fired, 0);
	msleep(20);

	KUNIT_EXPECT_EQ(test, probe->fired, 1);
	KUNIT_EXPECT_TRUE(test, time_after_eq(probe->fired_jiffies, expires));
	KUNIT_EXPECT_FALSE(test, timer_pending(&probe->timer));
	timer_probe_stop(probe);
}

static void del_timer_prevents_firing(struct kunit *test)
{
	struct timer_probe *probe = timer_probe_new(test);

	mod_timer(&probe->timer, jiffies + msecs_to_jiffies(5));
	KUNIT_EXPECT_EQ(test, del_timer(&probe->timer), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&probe->timer));
	msleep(20);
	KUNIT_EXPECT_EQ(test, probe->fired, 0);
	/* Deleting an inactive timer returns 0. */
	KUNIT_EXPECT_EQ(test, del_timer(&probe->timer), 0);
	timer_probe_stop(probe);
}

static void jiffies_advance_during_msleep(struct kunit *test)
{
	unsigned long start = jiffies;

	msleep(10);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(10));
	/* Emulated time, not host time: far below a second of jiffies. */
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)HZ);
}

static void jiffies_advance_during_mdelay(struct kunit *test)
{
	unsigned long start = jiffies;

	mdelay(10);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(9));
}

static struct kunit_case time_cases[] = {
	KUNIT_CASE(softirq_runs_at_local_bh_enable),
	KUNIT_CASE(softirq_runs_at_irq_exit),
	KUNIT_CASE(timer_fires_after_expiry),
	KUNIT_CASE(del_timer_prevents_firing),
	KUNIT_CASE(jiffies_advance_during_msleep),
	KUNIT_CASE(jiffies_advance_during_mdelay),
	{}
};

static struct kunit_suite time_suite = {
	.name = "machine_time",
	.test_cases = time_cases,
};

/* Section 3: completions, kthreads and mutexes. */

struct completer {
	struct completion done;
	unsigned int delay_ms;
};

static int completer_fn(void *data)
{
	struct completer *c = data;

	msleep(c->delay_ms);
	complete(&c->done);
	return 0;
}

static void completion_wakes_waiter(struct kunit *test)
{
	struct completer *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct task_struct *task;
	unsigned long start = jiffies;

	KUNIT_ASSERT_NOT_NULL(test, c);
	init_completion(&c->done);
	c->delay_ms = 5;
	KUNIT_EXPECT_FALSE(test, completion_done(&c->done));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c->done));

	task = kthread_run(completer_fn, c, "completer");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	wait_for_completion(&c->done);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(5));
}

static void completion_counts_completes(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);

	complete(&done);
	complete(&done);
	KUNIT_EXPECT_TRUE(test, completion_done(&done));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&done));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&done));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&done));
}

static void completion_timeout_expires(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(never);
	unsigned long start = jiffies;
	unsigned long left;

	left = wait_for_completion_timeout(&never, msecs_to_jiffies(10));
	KUNIT_EXPECT_EQ(test, left, 0UL);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(10));
}

static int stoppable_fn(void *data)
{
	int *loops = data;

	while (!kthread_should_stop()) {
		(*loops)++;
		msleep(1);
	}
	return 42;
}

static void kthread_stop_returns_result(struct kunit *test)
{
	int *loops = kunit_kzalloc(test, sizeof(*loops), GFP_KERNEL);
	struct task_struct *task;

	KUNIT_ASSERT_NOT_NULL(test, loops);
	task = kthread_run(stoppable_fn, loops, "stoppable");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	msleep(10);
	KUNIT_EXPECT_EQ(test, kthread_stop(task), 42);
	KUNIT_EXPECT_GT(test, *loops, 0);
}

static int never_run_fn(void *data)
{
	bool *ran = data;

	*ran = true;
	return 0;
}

/* A kthread stopped before it first runs never calls its function. */
static void kthread_stop_before_start(struct kunit *test)
{
	bool *ran = kunit_kzalloc(test, sizeof(*ran), GFP_KERNEL);
	struct task_struct *task;

	KUNIT_ASSERT_NOT_NULL(test, ran);
	task = kthread_create(never_run_fn, ran, "never_run");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	KUNIT_EXPECT_EQ(test, kthread_stop(task), -EINTR);
	KUNIT_EXPECT_FALSE(test, *ran);
}

struct mutex_shared {
	struct mutex lock;
	int holders;		/* tasks inside the critical section */
	int max_holders;
	int entries;
};

struct mutex_worker {
	struct mutex_shared *shared;
	struct completion done;
};

static int mutex_worker_fn(void *data)
{
	struct mutex_worker *worker = data;
	struct mutex_shared *s = worker->shared;
	int i;

	for (i = 0; i < 5; i++) {
		mutex_lock(&s->lock);
		s->holders++;
		if (s->holders > s->max_holders)
			s->max_holders = s->holders;
		s->entries++;
		/* Sleep while holding it, so the other worker must wait. */
		msleep(1);
		s->holders--;
		mutex_unlock(&s->lock);
		cond_resched();
	}
	complete(&worker->done);
	return 0;
}

static void mutex_excludes_holders(struct kunit *test)
{
	struct mutex_shared *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	struct mutex_worker *workers;
	struct task_struct *task;
	int i;

	workers = kunit_kcalloc(test, 2, sizeof(*workers), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, workers);
	mutex_init(&s->lock);
	for (i = 0; i < 2; i++) {
		workers[i].shared = s;
		init_completion(&workers[i].done);
		task = kthread_run(mutex_worker_fn, &workers[i],
				   "mutex_worker%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	}
	for (i = 0; i < 2; i++)
		wait_for_completion(&workers[i].done);

	KUNIT_EXPECT_EQ(test, s->entries, 10);
	KUNIT_EXPECT_EQ(test, s->max_holders, 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&s->lock));
}

static void mutex_trylock_fails_while_held(struct kunit *test)
{
	struct mutex *lock = kunit_kzalloc(test, sizeof(*lock), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, lock);
	mutex_init(lock);
	KUNIT_EXPECT_EQ(test, mutex_trylock(lock), 1);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(lock));
	KUNIT_EXPECT_EQ(test, mutex_trylock(lock), 0);
	mutex_unlock(lock);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(lock));
}

static struct kunit_case task_cases[] = {
	KUNIT_CASE(completion_wakes_waiter),
	KUNIT_CASE(completion_counts_completes),
	KUNIT_CASE(completion_timeout_expires),
	KUNIT_CASE(kthread_stop_returns_result),
	KUNIT_CASE(kthread_stop_before_start),
	KUNIT_CASE(mutex_excludes_holders),
	KUNIT_CASE(mutex_trylock_fails_while_held),
	{}
};

static struct kunit_suite task_suite = {
	.name = "machine_tasks",
	.test_cases = task_cases,
};

kunit_test_suites(&preempt_count_suite, &time_suite, &task_suite);
