// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for RCU and kfree_rcu(), valid for every RCU flavour: the
 * reclaim helper's decoding of kfree_rcu() offsets, which object kfree_rcu()
 * frees, callback order, readers holding off grace periods, rcu_barrier(),
 * pointer publication and RCU lists. Slab effects are measured with
 * lkl_slab_live_objects().
 */
#include <kunit/test.h>

#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include <lkl/debug.h>
#include <lkl/machine.h>

#include "../kernel-src/rcu.h"

static long live_objects(void)
{
	return (long)lkl_slab_live_objects();
}

/* Section 1: the reclaim helper, __rcu_reclaim(), called directly. */

static void rcu_test_dummy_callback(struct rcu_head *head)
{
}

static void kfree_rcu_offset_classification(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, __is_kfree_rcu_offset(0UL));
	KUNIT_EXPECT_TRUE(test, __is_kfree_rcu_offset(8UL));
	KUNIT_EXPECT_TRUE(test, __is_kfree_rcu_offset(4095UL));
	KUNIT_EXPECT_FALSE(test, __is_kfree_rcu_offset(4096UL));
	KUNIT_EXPECT_FALSE(test, __is_kfree_rcu_offset(
		(unsigned long)rcu_test_dummy_callback));
	KUNIT_EXPECT_FALSE(test, __is_kfree_rcu_offset((unsigned long)kfree));
}

/*
 * Offsets for the reclaim test. An rcu_head at offset 4095 would be
 * misaligned, which UBSan stops, so 4088 is the largest offset an aligned
 * head can have. kfree_rcu_offset_classification covers 4095 itself.
 */
static const unsigned long reclaim_offsets[] = { 0, 8, 2048, 4088 };

static void reclaim_offset_desc(const unsigned long *offset, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "offset %lu", *offset);
}

KUNIT_ARRAY_PARAM(reclaim_offset, reclaim_offsets, reclaim_offset_desc);

/* An offset in ->func makes __rcu_reclaim() kfree() the enclosing object. */
static void rcu_reclaim_frees_container(struct kunit *test)
{
	unsigned long offset = *(const unsigned long *)test->param_value;
	struct rcu_head *head;
	long before;
	char *obj;
	bool was_kfree;

	obj = kmalloc(offset + sizeof(*head), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	head = (struct rcu_head *)(obj + offset);
	head->func = (rcu_callback_t)offset;
	before = live_objects();

	local_bh_disable();
	was_kfree = __rcu_reclaim(head);
	local_bh_enable();

	KUNIT_EXPECT_TRUE(test, was_kfree);
	KUNIT_EXPECT_EQ(test, live_objects(), before - 1);
}

static int reclaim_calls;

static void rcu_test_count_callback(struct rcu_head *head)
{
	reclaim_calls++;
}

/* A real function in ->func is called with the head, and nothing is freed. */
static void rcu_reclaim_calls_function(struct kunit *test)
{
	struct rcu_head *head = kunit_kzalloc(test, sizeof(*head), GFP_KERNEL);
	long before;
	bool was_kfree;

	KUNIT_ASSERT_NOT_NULL(test, head);
	head->func = rcu_test_count_callback;
	reclaim_calls = 0;
	before = live_objects();

	local_bh_disable();
	was_kfree = __rcu_reclaim(head);
	local_bh_enable();

	KUNIT_EXPECT_FALSE(test, was_kfree);
	KUNIT_EXPECT_EQ(test, reclaim_calls, 1);
	KUNIT_EXPECT_EQ(test, live_objects(), before);
	/* Cleared so that a second invocation of the same head is caught. */
	KUNIT_EXPECT_PTR_EQ(test, head->func, (rcu_callback_t)NULL);
}

static struct kunit_case rcu_reclaim_cases[] = {
	KUNIT_CASE(kfree_rcu_offset_classification),
	KUNIT_CASE_PARAM(rcu_reclaim_frees_container,
			 reclaim_offset_gen_params),
	KUNIT_CASE(rcu_reclaim_calls_function),
	{}
};

static struct kunit_suite rcu_reclaim_suite = {
	.name = "rcu_reclaim",
	.test_cases = rcu_reclaim_cases,
};

/* Section 2: kfree_rcu() through the flavour's grace periods. */

struct head_at_0 {
	struct rcu_head rh;
	int payload;
};

struct head_at_8 {
	long payload;
	struct rcu_head rh;
};

struct head_at_1000 {
	char payload[1000];
	struct rcu_head rh;
};

struct head_at_4000 {
	char payload[4000];
	struct rcu_head rh;
};

/*
 * kfree_rcu() frees the enclosing objects, only after a grace period, and
 * only those: an unrelated object stays allocated.
 */
static void kfree_rcu_frees_containing_object(struct kunit *test)
{
	struct head_at_0 *a = kmalloc(sizeof(*a), GFP_KERNEL);
	struct head_at_8 *b = kmalloc(sizeof(*b), GFP_KERNEL);
	struct head_at_1000 *c = kmalloc(sizeof(*c), GFP_KERNEL);
	struct head_at_4000 *d = kmalloc(sizeof(*d), GFP_KERNEL);
	void *bystander = kunit_kmalloc(test, 32, GFP_KERNEL);
	long before;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_ASSERT_NOT_NULL(test, bystander);
	KUNIT_ASSERT_EQ(test, offsetof(struct head_at_8, rh), 8);
	KUNIT_ASSERT_EQ(test, offsetof(struct head_at_1000, rh), 1000);
	KUNIT_ASSERT_EQ(test, offsetof(struct head_at_4000, rh), 4000);
	before = live_objects();

	kfree_rcu(a, rh);
	kfree_rcu(b, rh);
	kfree_rcu(c, rh);
	kfree_rcu(d, rh);
	/* No quiescent state has passed on this CPU, so nothing is freed. */
	KUNIT_EXPECT_EQ(test, live_objects(), before);

	rcu_barrier();
	KUNIT_EXPECT_EQ(test, live_objects(), before - 4);
}

static void kfree_rcu_null_is_noop(struct kunit *test)
{
	struct head_at_8 *none = NULL;
	struct lkl_rcu_stats stats_before, stats_after;
	bool have_stats;
	long before;

	have_stats = lkl_rcu_get_stats(LKL_RCU_SCHED, &stats_before) == 0;
	before = live_objects();

	kfree_rcu(none, rh);
	/* Read before rcu_barrier(), which queues a callback of its own. */
	if (have_stats) {
		KUNIT_ASSERT_EQ(test,
				lkl_rcu_get_stats(LKL_RCU_SCHED, &stats_after), 0);
		KUNIT_EXPECT_EQ(test, stats_after.cbs_queued,
				stats_before.cbs_queued);
	}
	rcu_barrier();
	KUNIT_EXPECT_EQ(test, live_objects(), before);
}

static void slab_accounting_counts_objects(struct kunit *test)
{
	long before = live_objects();
	void *first, *second;

	first = kmalloc(16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_EXPECT_EQ(test, live_objects(), before + 1);
	second = kzalloc(4096, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, second);
	KUNIT_EXPECT_EQ(test, live_objects(), before + 2);

	kfree(first);
	KUNIT_EXPECT_EQ(test, live_objects(), before + 1);
	kfree(second);
	KUNIT_EXPECT_EQ(test, live_objects(), before);
	/* kfree(NULL) frees nothing. */
	kfree(NULL);
	KUNIT_EXPECT_EQ(test, live_objects(), before);
}

static struct kunit_case kfree_rcu_cases[] = {
	KUNIT_CASE(kfree_rcu_frees_containing_object),
	KUNIT_CASE(kfree_rcu_null_is_noop),
	KUNIT_CASE(slab_accounting_counts_objects),
	{}
};

static struct kunit_suite kfree_rcu_suite = {
	.name = "kfree_rcu",
	.test_cases = kfree_rcu_cases,
};

/* Section 3: callbacks and grace periods. */

#define ORDER_CALLBACKS 64

struct order_cb {
	struct rcu_head rh;
	int index;
};

static int order_seen[ORDER_CALLBACKS];
static int order_count;

static void order_callback(struct rcu_head *head)
{
	struct order_cb *cb = container_of(head, struct order_cb, rh);

	if (order_count < ORDER_CALLBACKS)
		order_seen[order_count] = cb->index;
	order_count++;
}

/* Callbacks queued on one CPU are invoked in the order they were queued. */
static void call_rcu_invokes_in_fifo_order(struct kunit *test)
{
	struct order_cb *cbs;
	int i;

	cbs = kunit_kcalloc(test, ORDER_CALLBACKS, sizeof(*cbs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cbs);
	order_count = 0;

	/* Preemption off keeps every call_rcu() on the same CPU. */
	preempt_disable();
	for (i = 0; i < ORDER_CALLBACKS; i++) {
		cbs[i].index = i;
		call_rcu(&cbs[i].rh, order_callback);
	}
	preempt_enable();
	rcu_barrier();

	KUNIT_ASSERT_EQ(test, order_count, ORDER_CALLBACKS);
	for (i = 0; i < ORDER_CALLBACKS; i++)
		KUNIT_EXPECT_EQ_MSG(test, order_seen[i], i,
				    "callback %d ran in position %d", order_seen[i], i);
}

static int barrier_count;

static void barrier_callback(struct rcu_head *head)
{
	barrier_count++;
}

/* rcu_barrier() returns only after every callback queued before it ran. */
static void rcu_barrier_waits_for_all_callbacks(struct kunit *test)
{
	const int count = 200;
	struct rcu_head *heads;
	int i;

	heads = kunit_kcalloc(test, count, sizeof(*heads), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, heads);
	barrier_count = 0;

	for (i = 0; i < count; i++) {
		call_rcu(&heads[i], barrier_callback);
		/* Let grace periods end between batches, not after the last. */
		if (i % 50 == 49 && i != count - 1)
			msleep(1);
	}
	/* No quiescent state since the last batch: it is still queued. */
	KUNIT_EXPECT_LE(test, barrier_count, count - 50);
	rcu_barrier();

	KUNIT_EXPECT_EQ(test, barrier_count, count);
}

static bool reader_callback_ran;

static void reader_callback(struct rcu_head *head)
{
	WRITE_ONCE(reader_callback_ran, true);
}

/*
 * A callback queued inside a read-side critical section does not run while
 * the section lasts, even though ticks and softirqs keep arriving.
 */
static void grace_period_waits_for_reader(struct kunit *test)
{
	struct rcu_head *head = kunit_kzalloc(test, sizeof(*head), GFP_KERNEL);
	struct lkl_machine_stats stats_before, stats_after;
	unsigned long start;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, head);
	WRITE_ONCE(reader_callback_ran, false);
	lkl_get_machine_stats(&stats_before);
	start = jiffies;

	rcu_read_lock();
	call_rcu(head, reader_callback);
	for (i = 0; i < 20; i++) {
		mdelay(1);
		lkl_tick(false);
		/* Runs pending softirqs, RCU_SOFTIRQ included. */
		local_bh_disable();
		local_bh_enable();
	}
	KUNIT_EXPECT_FALSE(test, READ_ONCE(reader_callback_ran));
	rcu_read_unlock();

	lkl_get_machine_stats(&stats_after);
	/* The hold really did span ticks. */
	KUNIT_EXPECT_GE(test, stats_after.ticks - stats_before.ticks, 20UL);
	KUNIT_EXPECT_GT(test, jiffies - start, 0UL);

	synchronize_rcu();
	rcu_barrier();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reader_callback_ran));
}

/* synchronize_rcu() returns promptly when no reader is running. */
static void synchronize_rcu_returns(struct kunit *test)
{
	unsigned long start = jiffies;

	synchronize_rcu();
	synchronize_rcu();
	/* Two grace periods take far less than a second of emulated time. */
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)HZ);
}

struct preexisting_reader {
	struct completion entered;
	bool sync_started;
	bool reader_done;
};

static int preexisting_reader_fn(void *data)
{
	struct preexisting_reader *r = data;
	int i;

	rcu_read_lock();
	complete(&r->entered);
	/* A reader must not sleep, so it spins. cpu_relax() lets CPUs switch. */
	while (!READ_ONCE(r->sync_started))
		cpu_relax();
	for (i = 0; i < 5; i++)
		mdelay(1);
	WRITE_ONCE(r->reader_done, true);
	rcu_read_unlock();
	return 0;
}

/*
 * synchronize_rcu() waits for a reader that was inside its critical section
 * when synchronize_rcu() began. On one CPU no such reader can exist (a
 * reader cannot block), so the case needs two.
 */
static void synchronize_rcu_waits_for_preexisting_reader(struct kunit *test)
{
	struct preexisting_reader *r;
	struct task_struct *task;
	int other_cpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs, have %u", num_online_cpus());

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	init_completion(&r->entered);

	other_cpu = (lkl_current_cpu_id() + 1) % num_online_cpus();
	task = kthread_create(preexisting_reader_fn, r, "rcu_test_reader");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	kthread_bind(task, other_cpu);
	wake_up_process(task);

	wait_for_completion(&r->entered);
	WRITE_ONCE(r->sync_started, true);
	synchronize_rcu();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(r->reader_done));
}

static struct kunit_case rcu_gp_cases[] = {
	KUNIT_CASE(call_rcu_invokes_in_fifo_order),
	KUNIT_CASE(rcu_barrier_waits_for_all_callbacks),
	KUNIT_CASE(grace_period_waits_for_reader),
	KUNIT_CASE(synchronize_rcu_returns),
	KUNIT_CASE(synchronize_rcu_waits_for_preexisting_reader),
	{}
};

static struct kunit_suite rcu_gp_suite = {
	.name = "rcu_grace_period",
	.test_cases = rcu_gp_cases,
};

/* Section 4: publication and RCU lists. */

struct rcu_item {
	int value;
	struct list_head node;
	struct rcu_head rh;
};

static struct rcu_item __rcu *published;

static void rcu_pointer_publish_and_read(struct kunit *test)
{
	struct rcu_item *first = kunit_kzalloc(test, sizeof(*first), GFP_KERNEL);
	struct rcu_item *second = kunit_kzalloc(test, sizeof(*second), GFP_KERNEL);
	struct rcu_item *seen, *old;

	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_ASSERT_NOT_NULL(test, second);
	first->value = 1;
	second->value = 2;

	RCU_INIT_POINTER(published, NULL);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(published));

	rcu_assign_pointer(published, first);
	rcu_read_lock();
	seen = rcu_dereference(published);
	KUNIT_EXPECT_PTR_EQ(test, seen, first);
	KUNIT_EXPECT_EQ(test, seen->value, 1);
	rcu_read_unlock();

	old = rcu_replace_pointer(published, second, true);
	KUNIT_EXPECT_PTR_EQ(test, old, first);
	KUNIT_EXPECT_PTR_EQ(test, rcu_dereference_protected(published, true),
			    second);

	RCU_INIT_POINTER(published, NULL);
	synchronize_rcu();
}

static void rculist_add_traverse_delete(struct kunit *test)
{
	struct rcu_item *items;
	struct rcu_item *pos;
	LIST_HEAD(list);
	long before;
	int i, sum, count;

	before = live_objects();
	for (i = 0; i < 4; i++) {
		struct rcu_item *item = kmalloc(sizeof(*item), GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, item);
		item->value = i;
		/* 0 and 1 at the tail, 2 and 3 at the head: 3 2 0 1. */
		if (i < 2)
			list_add_tail_rcu(&item->node, &list);
		else
			list_add_rcu(&item->node, &list);
	}

	count = 0;
	sum = 0;
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &list, node) {
		static const int expected[] = { 3, 2, 0, 1 };

		if (count < ARRAY_SIZE(expected))
			KUNIT_EXPECT_EQ(test, pos->value, expected[count]);
		sum += pos->value;
		count++;
	}
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, count, 4);
	KUNIT_EXPECT_EQ(test, sum, 6);

	/* Unlink the even values and free them after a grace period. */
	items = NULL;
	list_for_each_entry(pos, &list, node) {
		if (items) {
			list_del_rcu(&items->node);
			kfree_rcu(items, rh);
			items = NULL;
		}
		if (pos->value % 2 == 0)
			items = pos;
	}
	if (items) {
		list_del_rcu(&items->node);
		kfree_rcu(items, rh);
	}

	count = 0;
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &list, node) {
		KUNIT_EXPECT_EQ(test, pos->value % 2, 1);
		count++;
	}
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, count, 2);

	rcu_barrier();
	KUNIT_EXPECT_EQ(test, live_objects(), before + 2);

	while (!list_empty(&list)) {
		pos = list_first_entry(&list, struct rcu_item, node);
		list_del_rcu(&pos->node);
		kfree_rcu(pos, rh);
	}
	rcu_barrier();
	KUNIT_EXPECT_EQ(test, live_objects(), before);
}

static struct kunit_case rcu_pointer_cases[] = {
	KUNIT_CASE(rcu_pointer_publish_and_read),
	KUNIT_CASE(rculist_add_traverse_delete),
	{}
};

static struct kunit_suite rcu_pointer_suite = {
	.name = "rcu_pointer",
	.test_cases = rcu_pointer_cases,
};

kunit_test_suites(&rcu_reclaim_suite, &kfree_rcu_suite, &rcu_gp_suite,
		  &rcu_pointer_suite);
