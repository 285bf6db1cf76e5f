// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-style code from outside the project, with its own KUnit suite,
 * built only through the pkg-config files: tests/external/run.sh compiles
 * and runs it the way the README shows.
 */
#include <kunit/test.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct example_obj {
	int value;
	struct rcu_head rcu;
};

static struct example_obj __rcu *example_ptr;

static void example_publish_and_retire(struct kunit *test)
{
	struct example_obj *obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	struct example_obj *seen;

	KUNIT_ASSERT_NOT_NULL(test, obj);
	obj->value = 42;
	rcu_assign_pointer(example_ptr, obj);

	rcu_read_lock();
	seen = rcu_dereference(example_ptr);
	KUNIT_EXPECT_EQ(test, seen->value, 42);
	rcu_read_unlock();

	RCU_INIT_POINTER(example_ptr, NULL);
	kfree_rcu(obj, rcu);
	rcu_barrier();
}

static struct kunit_case example_cases[] = {
	KUNIT_CASE(example_publish_and_retire),
	{}
};

static struct kunit_suite example_suite = {
	.name = "external_example",
	.test_cases = example_cases,
};
kunit_test_suite(example_suite);
