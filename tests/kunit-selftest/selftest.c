// SPDX-License-Identifier: GPL-2.0
/*
 * Suites that exercise the KUnit runner itself, with cases that fail, skip
 * or leak on purpose. Linked into the kunit-selftest program, never into
 * kunit-tests; tests/kunit-selftest/run.sh compares its KTAP output with
 * expected.ktap and checks that kunit.py parses the same counts.
 */
#include <kunit/test.h>

#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/slab.h>

static int selftest_exit_calls;

static void selftest_pass(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
	KUNIT_EXPECT_STREQ(test, "abc", "abc");
	KUNIT_EXPECT_MEMEQ(test, "abcd", "abcd", 4);
	KUNIT_SUCCEED(test);
}

/* All three expectations fail: the case must report each and then finish. */
static void selftest_expect_fails(struct kunit *test)
{
	static const u8 bytes[] = { 1, 2, 3, 4, 5, 6 };
	static const u8 other[] = { 1, 2, 3, 4, 5, 7 };
	int two = 2;
	const char *name = "rcu";

	KUNIT_EXPECT_EQ(test, two, 3);
	KUNIT_EXPECT_STREQ_MSG(test, name, "srcu", "flavour %d", two);
	KUNIT_EXPECT_MEMEQ(test, bytes, other, sizeof(bytes));
	kunit_info(test, "still running after three failed expectations\n");
}

/* The assertion must end the case: the line after it never runs. */
static void selftest_assert_aborts(struct kunit *test)
{
	void *ptr = NULL;

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	KUNIT_FAIL(test, "ran past a failed assertion");
}

static void selftest_skip(struct kunit *test)
{
	kunit_skip(test, "not on this machine");
	KUNIT_FAIL(test, "ran past kunit_skip()");
}

static void selftest_mark_skipped(struct kunit *test)
{
	kunit_mark_skipped(test, "marked, but still ran to the end");
}

/* kunit_kmalloc() memory is freed at case end, so this is no leak. */
static void selftest_managed_memory(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, 64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, buf[63], 0);
	buf = kunit_kmalloc_array(test, 4, 16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	kunit_kfree(test, buf);
}

/* The runner must fail this case: one object is never freed. */
static void selftest_leak(struct kunit *test)
{
	void *leaked = kmalloc(24, GFP_KERNEL);

	KUNIT_EXPECT_NOT_NULL(test, leaked);
}

/* A declared WARN passes; the runner must fail the undeclared one. */
static void selftest_expected_warn(struct kunit *test)
{
	lkl_kunit_expect_warnings(test, 1);
	WARN(1, "selftest: this WARN is expected");
}

static void selftest_unexpected_warn(struct kunit *test)
{
	WARN(1, "selftest: this WARN is not declared");
}

static const int selftest_params[] = { 1, 2, 3 };

static void selftest_param_desc(const int *param, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "value %d", *param);
}

KUNIT_ARRAY_PARAM(selftest_values, selftest_params, selftest_param_desc);

/* Fails for the parameter 2 only. */
static void selftest_param(struct kunit *test)
{
	const int *value = test->param_value;

	KUNIT_EXPECT_NE(test, *value, 2);
}

/* kunit_kfree() of memory kunit did not allocate fails the case. */
static void selftest_kunit_kfree_foreign(struct kunit *test)
{
	void *plain = kmalloc(8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, plain);
	kunit_kfree(test, plain);
	kfree(plain);
}

struct selftest_helper {
	struct kunit *test;
	bool ran_past_assert;
};

static int selftest_helper_fn(void *data)
{
	struct selftest_helper *helper = data;

	KUNIT_ASSERT_TRUE(helper->test, false);
	helper->ran_past_assert = true;
	return 0;
}

/*
 * An assertion that fails in a helper kthread fails the case and ends the
 * helper, not the case.
 */
static void selftest_assert_in_helper(struct kunit *test)
{
	struct selftest_helper *helper;
	struct task_struct *task;

	helper = kunit_kzalloc(test, sizeof(*helper), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, helper);
	helper->test = test;
	task = kthread_run(selftest_helper_fn, helper, "selftest_helper");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	msleep(5);
	KUNIT_EXPECT_FALSE(test, helper->ran_past_assert);
}

static void selftest_count_exit(struct kunit *test)
{
	selftest_exit_calls++;
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(selftest_pass),
	KUNIT_CASE(selftest_expect_fails),
	KUNIT_CASE(selftest_assert_aborts),
	KUNIT_CASE(selftest_skip),
	KUNIT_CASE(selftest_mark_skipped),
	KUNIT_CASE(selftest_managed_memory),
	KUNIT_CASE(selftest_leak),
	KUNIT_CASE(selftest_expected_warn),
	KUNIT_CASE(selftest_unexpected_warn),
	KUNIT_CASE_PARAM(selftest_param, selftest_values_gen_params),
	KUNIT_CASE(selftest_kunit_kfree_foreign),
	KUNIT_CASE(selftest_assert_in_helper),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "kunit_selftest",
	.exit = selftest_count_exit,
	.test_cases = selftest_cases,
};

/* The exit function ran once per case (and per parameter), aborts included. */
static void selftest_exit_count(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, selftest_exit_calls, 14);
}

static struct kunit_case selftest_after_cases[] = {
	KUNIT_CASE(selftest_exit_count),
	{}
};

static struct kunit_suite selftest_after_suite = {
	.name = "kunit_selftest_after",
	.test_cases = selftest_after_cases,
};

static int selftest_failing_suite_init(struct kunit_suite *suite)
{
	return -EINVAL;
}

static struct kunit_suite selftest_init_fails_suite = {
	.name = "kunit_selftest_init_fails",
	.suite_init = selftest_failing_suite_init,
	.test_cases = selftest_after_cases,
};

kunit_test_suites(&selftest_suite, &selftest_after_suite,
		  &selftest_init_fails_suite);
