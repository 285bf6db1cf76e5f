/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <kunit/test.h> (Linux 6.1): test cases, suites,
 * expectations and assertions, run by lkl-shim/kunit/ as KTAP version 1.
 *
 * Suites registered with kunit_test_suites() land in the ELF section
 * lkl_kunit_suites, which the runner walks with __start_/__stop_ symbols.
 * Each case runs in its own kthread; a failed KUNIT_ASSERT_*() ends that
 * kthread with kthread_exit(). Not provided: debugfs logs (every log pointer
 * stays NULL, so output goes to printk only) and the test timeout.
 * Additions for the shim (lkl_ prefix): a case may declare the WARNs it
 * expects, and the runner fails any case that leaves WARNs or slab objects
 * behind.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <kunit/assert.h>
#include <kunit/try-catch.h>

#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kconfig.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>

struct kunit;

/* Size of a per-test log buffer, as in the kernel; unused here (no debugfs). */
#define KUNIT_LOG_SIZE	512

/* Size of the description a parameter generator may write. */
#define KUNIT_PARAM_DESC_SIZE 128

/* Size of the reason printed after "# SKIP". */
#define KUNIT_STATUS_COMMENT_SIZE 256

/* KTAP indents a subtest by four spaces and a sub-subtest by eight. */
#define KUNIT_SUBTEST_INDENT		"    "
#define KUNIT_SUBSUBTEST_INDENT		"        "

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

/*
 * One test case: run_case(test) makes expectations about the code under test.
 * Build it with KUNIT_CASE() or KUNIT_CASE_PARAM(); an array of cases ends
 * with an empty entry. generate_params(prev, desc) returns the parameter after
 * prev (the first one when prev is NULL) or NULL when there are no more, and
 * may write a description of at most KUNIT_PARAM_DESC_SIZE bytes into desc.
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);

	/* private: internal use only. */
	enum kunit_status status;
	char *log;
};

static inline char *kunit_status_to_ok_not_ok(enum kunit_status status)
{
	switch (status) {
	case KUNIT_SKIPPED:
	case KUNIT_SUCCESS:
		return "ok";
	case KUNIT_FAILURE:
		return "not ok";
	}
	return "invalid";
}

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

#define KUNIT_CASE_PARAM(test_name, gen_params)				\
	{ .run_case = test_name, .name = #test_name,			\
	  .generate_params = gen_params }

/*
 * A suite: suite_init/suite_exit run once around all its cases, init/exit
 * around each case (exit also after a failed assertion). A non-zero return
 * from suite_init fails the whole suite; from init, the case.
 */
struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;

	/* private: internal use only. */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	char *log;
	int suite_init_err;
};

/*
 * A running test case. priv is the test writer's (typically set by init).
 * The rest is the runner's.
 */
struct kunit {
	void *priv;

	/* private: internal use only. */
	const char *name;
	char *log;
	struct kunit_try_catch try_catch;
	const void *param_value;
	int param_index;
	/* Guards resources; status is written with WRITE_ONCE(). */
	spinlock_t lock;
	enum kunit_status status;
	struct list_head resources;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	/* WARNs the case declared with lkl_kunit_expect_warnings(). */
	unsigned long lkl_expected_warnings;
};

static inline void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

bool kunit_enabled(void);
void kunit_init_test(struct kunit *test, const char *name, char *log);
int kunit_run_tests(struct kunit_suite *suite);
size_t kunit_suite_num_test_cases(struct kunit_suite *suite);
unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case);
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite);

/*
 * Registration. The array is placed in section lkl_kunit_suites, whose name
 * is a C identifier so that the linker defines __start_lkl_kunit_suites and
 * __stop_lkl_kunit_suites around it (and ASan adds no redzones there).
 */
#define __kunit_test_suites(unique_array, ...)				\
	static struct kunit_suite *unique_array[]			\
	__aligned(sizeof(struct kunit_suite *))				\
	__used __section("lkl_kunit_suites") = { __VA_ARGS__ }

#define kunit_test_suites(__suites...)					\
	__kunit_test_suites(__UNIQUE_ID(array), ##__suites)

#define kunit_test_suite(suite)	kunit_test_suites(&suite)

/* No __init sections here, so these are the same as kunit_test_suites(). */
#define kunit_test_init_section_suites(__suites...)			\
	__kunit_test_suites(__PASTE(__UNIQUE_ID(array), _probe), ##__suites)

#define kunit_test_init_section_suite(suite)				\
	kunit_test_init_section_suites(&suite)

#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (test_case = (suite)->test_cases; test_case->run_case; test_case++)

/*
 * Test-managed memory: freed when the case ends, whether it returns or a
 * failed assertion aborts it.
 */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);
void kunit_kfree(struct kunit *test, const void *ptr);

static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size,
				  gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/* Frees every resource of the test, newest first. */
void kunit_cleanup(struct kunit *test);

void __printf(2, 3) kunit_log_append(char *log, const char *fmt, ...);

/* Marks the case (or suite) skipped with a reason; the case goes on. */
#define kunit_mark_skipped(test_or_suite, fmt, ...)			\
	do {								\
		WRITE_ONCE((test_or_suite)->status, KUNIT_SKIPPED);	\
		scnprintf((test_or_suite)->status_comment,		\
			  KUNIT_STATUS_COMMENT_SIZE, fmt, ##__VA_ARGS__); \
	} while (0)

/* Marks the case skipped with a reason and ends it. */
#define kunit_skip(test_or_suite, fmt, ...)				\
	do {								\
		kunit_mark_skipped((test_or_suite), fmt, ##__VA_ARGS__); \
		kunit_try_catch_throw(&((test_or_suite)->try_catch));	\
	} while (0)

#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	do {								\
		printk(lvl fmt, ##__VA_ARGS__);				\
		kunit_log_append((test_or_suite)->log, fmt "\n",	\
				 ##__VA_ARGS__);			\
	} while (0)

#define kunit_printk(lvl, test, fmt, ...)				\
	kunit_log(lvl, test, KUNIT_SUBTEST_INDENT "# %s: " fmt,		\
		  (test)->name, ##__VA_ARGS__)

#define kunit_info(test, fmt, ...)					\
	kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)

#define kunit_warn(test, fmt, ...)					\
	kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)

#define kunit_err(test, fmt, ...)					\
	kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/*
 * Declares that the running case is expected to trigger count more WARNs.
 * The runner fails the case when the number of WARNs it triggered differs
 * from the total declared.
 */
void lkl_kunit_expect_warnings(struct kunit *test, unsigned long count);

/* The case running now, or NULL outside the runner. */
struct kunit *lkl_kunit_current_test(void);

/*
 * Reports a failed expectation or assertion at loc; for an assertion it then
 * ends the case. fmt (which may be NULL) adds a line of the user's own.
 */
void __printf(6, 7) kunit_do_failed_assertion(struct kunit *test,
					      const struct kunit_loc *loc,
					      enum kunit_assert_type type,
					      const struct kunit_assert *assert,
					      assert_format_t assert_format,
					      const char *fmt, ...);

#define _KUNIT_FAILED(test, assert_type, assert_class, assert_format,	\
		      INITIALIZER, fmt, ...)				\
	do {								\
		static const struct kunit_loc __kunit_loc =		\
			KUNIT_CURRENT_LOC;				\
		const struct assert_class __kunit_assertion = INITIALIZER; \
		kunit_do_failed_assertion(test, &__kunit_loc,		\
					  assert_type,			\
					  &__kunit_assertion.assert,	\
					  assert_format,		\
					  fmt, ##__VA_ARGS__);		\
	} while (0)

#define KUNIT_FAIL_ASSERTION(test, assert_type, fmt, ...)		\
	_KUNIT_FAILED(test, assert_type, kunit_fail_assert,		\
		      kunit_fail_assert_format, {}, fmt, ##__VA_ARGS__)

/* A no-op: states in the code that reaching this point is a pass. */
#define KUNIT_SUCCEED(test) do {} while (0)

/* Fails the case with the given message and goes on. */
#define KUNIT_FAIL(test, fmt, ...)					\
	KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)

#define KUNIT_UNARY_ASSERTION(test, assert_type, condition_,		\
			      expected_true_, fmt, ...)			\
	do {								\
		if (likely(!!(condition_) == !!(expected_true_)))	\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_unary_assert,	\
			      kunit_unary_assert_format,		\
			      KUNIT_INIT_UNARY_ASSERT_STRUCT(#condition_, \
							     expected_true_), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_TRUE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, true,	\
			      fmt, ##__VA_ARGS__)

#define KUNIT_FALSE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, false,	\
			      fmt, ##__VA_ARGS__)

/*
 * Each operand is evaluated exactly once, into a local of its own type, and
 * compared with op in that type; the report shows both as assert_class
 * stores them.
 */
#define KUNIT_BASE_BINARY_ASSERTION(test, assert_class, format_func,	\
				    assert_type, left, op, right,	\
				    fmt, ...)				\
	do {								\
		const typeof(left) __kunit_left = (left);		\
		const typeof(right) __kunit_right = (right);		\
		static const struct kunit_binary_assert_text		\
			__kunit_text = {				\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
		if (likely(__kunit_left op __kunit_right))		\
			break;						\
		_KUNIT_FAILED(test, assert_type, assert_class, format_func, \
			      KUNIT_INIT_BINARY_ASSERT_STRUCT(&__kunit_text, \
							      __kunit_left, \
							      __kunit_right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_BINARY_INT_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	KUNIT_BASE_BINARY_ASSERTION(test, kunit_binary_assert,		\
				    kunit_binary_assert_format,		\
				    assert_type, left, op, right,	\
				    fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_PTR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	KUNIT_BASE_BINARY_ASSERTION(test, kunit_binary_ptr_assert,	\
				    kunit_binary_ptr_assert_format,	\
				    assert_type, left, op, right,	\
				    fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_STR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	do {								\
		const char *__kunit_left = (left);			\
		const char *__kunit_right = (right);			\
		static const struct kunit_binary_assert_text		\
			__kunit_text = {				\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
		if (likely(strcmp(__kunit_left, __kunit_right) op 0))	\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_binary_str_assert, \
			      kunit_binary_str_assert_format,		\
			      KUNIT_INIT_BINARY_ASSERT_STRUCT(&__kunit_text, \
							      __kunit_left, \
							      __kunit_right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/* A NULL operand fails the comparison instead of reaching memcmp(). */
#define KUNIT_MEM_ASSERTION(test, assert_type, left, op, right, size_,	\
			    fmt, ...)					\
	do {								\
		const void *__kunit_left = (left);			\
		const void *__kunit_right = (right);			\
		const size_t __kunit_size = (size_);			\
		static const struct kunit_binary_assert_text		\
			__kunit_text = {				\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
		if (likely(__kunit_left && __kunit_right &&		\
			   (memcmp(__kunit_left, __kunit_right,		\
				   __kunit_size) op 0)))		\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_mem_assert,	\
			      kunit_mem_assert_format,			\
			      KUNIT_INIT_MEM_ASSERT_STRUCT(&__kunit_text, \
							   __kunit_left, \
							   __kunit_right, \
							   __kunit_size), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, assert_type, ptr,	\
						fmt, ...)		\
	do {								\
		const typeof(ptr) __kunit_ptr = (ptr);			\
		if (!IS_ERR_OR_NULL(__kunit_ptr))			\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_ptr_not_err_assert, \
			      kunit_ptr_not_err_assert_format,		\
			      KUNIT_INIT_PTR_NOT_ERR_STRUCT(#ptr, __kunit_ptr), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/*
 * Expectations: a failure marks the case failed, prints the diagnostic and
 * the case goes on.
 */
#define KUNIT_EXPECT_TRUE(test, condition)				\
	KUNIT_EXPECT_TRUE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_TRUE_MSG(test, condition, fmt, ...)		\
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition,	\
				 fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_FALSE(test, condition)				\
	KUNIT_EXPECT_FALSE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, condition, fmt, ...)		\
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition,	\
				  fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(test, left, right)				\
	KUNIT_EXPECT_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NE(test, left, right)				\
	KUNIT_EXPECT_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_LT(test, left, right)				\
	KUNIT_EXPECT_LT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, <, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_LE(test, left, right)				\
	KUNIT_EXPECT_LE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, <=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_GT(test, left, right)				\
	KUNIT_EXPECT_GT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, >, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_GE(test, left, right)				\
	KUNIT_EXPECT_GE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(test, left, right)				\
	KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_NE(test, left, right)				\
	KUNIT_EXPECT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NULL(test, ptr)					\
	KUNIT_EXPECT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   ptr, ==, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NOT_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   ptr, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, \
						ptr, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(test, left, right)				\
	KUNIT_EXPECT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STREQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STRNEQ(test, left, right)				\
	KUNIT_EXPECT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION,			\
			    left, ==, right, size, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMNEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION,			\
			    left, !=, right, size, fmt, ##__VA_ARGS__)

/*
 * Assertions: as the expectations, but a failure also ends the case (its
 * exit function and test-managed frees still run).
 */
#define KUNIT_ASSERT_FAILURE(test, fmt, ...)				\
	KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE(test, condition)				\
	KUNIT_ASSERT_TRUE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_TRUE_MSG(test, condition, fmt, ...)		\
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition,	\
				 fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_FALSE(test, condition)				\
	KUNIT_ASSERT_FALSE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, condition, fmt, ...)		\
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition,	\
				  fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_EQ(test, left, right)				\
	KUNIT_ASSERT_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_NE(test, left, right)				\
	KUNIT_ASSERT_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_LT(test, left, right)				\
	KUNIT_ASSERT_LT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, <, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_LE(test, left, right)				\
	KUNIT_ASSERT_LE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, <=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_GT(test, left, right)				\
	KUNIT_ASSERT_GT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, >, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_GE(test, left, right)				\
	KUNIT_ASSERT_GE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_PTR_EQ(test, left, right)				\
	KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_PTR_NE(test, left, right)				\
	KUNIT_ASSERT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_NULL(test, ptr)					\
	KUNIT_ASSERT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   ptr, ==, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_NOT_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   ptr, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION,	\
						ptr, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_STREQ(test, left, right)				\
	KUNIT_ASSERT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STREQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_STRNEQ(test, left, right)				\
	KUNIT_ASSERT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_MEMEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION,			\
			    left, ==, right, size, fmt, ##__VA_ARGS__)

/*
 * Defines name##_gen_params(), a generator that yields a pointer to each
 * element of array in turn. get_desc(element, desc), when not NULL, writes
 * each element's description.
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__kunit_next = prev ?		\
			((typeof(__kunit_next))prev) + 1 : (array);	\
		void (*__kunit_get_desc)(typeof(__kunit_next), char *) = \
			get_desc;					\
									\
		if (__kunit_next - (array) >= ARRAY_SIZE((array)))	\
			return NULL;					\
		if (__kunit_get_desc)					\
			__kunit_get_desc(__kunit_next, desc);		\
		return __kunit_next;					\
	}

#include <kunit/resource.h>

#endif /* _KUNIT_TEST_H */
