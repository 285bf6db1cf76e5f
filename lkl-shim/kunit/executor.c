// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit runner: walks the suites registered in section lkl_kunit_suites,
 * keeps those that match kunit.filter_glob, runs each case and prints the
 * results as KTAP version 1 in the layout of Linux 6.1 KUnit, which
 * tools/testing/kunit/kunit.py parses. After each case it checks that the
 * case left no WARNs and no slab objects behind.
 */
#include <kunit/test.h>

#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <lkl/debug.h>
#include <lkl/host.h>

#include "kunit-internal.h"

extern struct kunit_suite *__start_lkl_kunit_suites[] __weak;
extern struct kunit_suite *__stop_lkl_kunit_suites[] __weak;

struct kunit_result_stats {
	unsigned long passed;
	unsigned long skipped;
	unsigned long failed;
	unsigned long total;
};

/* Leaf results (parameters count one each) over all suites run so far. */
static struct kunit_result_stats lkl_kunit_totals;
static size_t kunit_suite_counter = 1;
static struct kunit *lkl_kunit_running;

bool kunit_enabled(void)
{
	return true;
}

struct kunit *lkl_kunit_current_test(void)
{
	return lkl_kunit_running;
}

size_t kunit_suite_num_test_cases(struct kunit_suite *suite)
{
	struct kunit_case *test_case;
	size_t count = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		count++;
	return count;
}

unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case)
{
	struct kunit_case *tc;
	unsigned int number = 1;

	kunit_suite_for_each_test_case(suite, tc) {
		if (tc == test_case)
			return number;
		number++;
	}
	return 0;
}

/*
 * A suite fails if suite_init failed or any case failed; it is skipped when
 * every case was skipped (or it has none), and passes otherwise.
 */
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite)
{
	const struct kunit_case *test_case;
	enum kunit_status status = KUNIT_SKIPPED;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, test_case) {
		if (test_case->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (test_case->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}

static void kunit_update_stats(struct kunit_result_stats *stats,
			       enum kunit_status status)
{
	switch (status) {
	case KUNIT_SUCCESS:
		stats->passed++;
		break;
	case KUNIT_SKIPPED:
		stats->skipped++;
		break;
	case KUNIT_FAILURE:
		stats->failed++;
		break;
	}
	stats->total++;
}

static void kunit_accumulate_stats(struct kunit_result_stats *total,
				   const struct kunit_result_stats *add)
{
	total->passed += add->passed;
	total->skipped += add->skipped;
	total->failed += add->failed;
	total->total += add->total;
}

/* KUnit 6.1 prints pass/fail counts only for a set of more than one test. */
static bool kunit_should_print_stats(const struct kunit_result_stats *stats)
{
	return stats->total > 1;
}

/* Prints "ok N name" or "not ok N name", with "# SKIP reason" if skipped. */
static void kunit_print_result(const char *indent, enum kunit_status status,
			       size_t number, const char *name,
			       const char *skip_reason)
{
	if (status == KUNIT_SKIPPED)
		printk(KERN_INFO "%sok %zu %s # SKIP %s\n", indent, number,
		       name, skip_reason);
	else
		printk(KERN_INFO "%s%s %zu %s\n", indent,
		       kunit_status_to_ok_not_ok(status), number, name);
}

/* Runs in the case's kthread: init, the case, then exit and cleanup. */
struct kunit_case_context {
	struct kunit *test;
	struct kunit_suite *suite;
	struct kunit_case *test_case;
};

/*
 * Runs the RCU callbacks the case queued before exit and kunit_cleanup()
 * free the memory they may use, even if the case failed before waiting for
 * them itself.
 */
static void kunit_case_cleanup(struct kunit *test, struct kunit_suite *suite)
{
	rcu_barrier();
	if (suite->exit)
		suite->exit(test);
	kunit_cleanup(test);
}

static void kunit_try_run_case(void *data)
{
	struct kunit_case_context *ctx = data;
	struct kunit *test = ctx->test;
	struct kunit_suite *suite = ctx->suite;

	if (suite->init) {
		int ret = suite->init(test);

		if (ret) {
			kunit_err(test, "failed to initialize: %d\n", ret);
			kunit_set_failure(test);
			/* As in KUnit, exit still runs after a failed init. */
			kunit_case_cleanup(test, suite);
			return;
		}
	}
	ctx->test_case->run_case(test);
	kunit_case_cleanup(test, suite);
}

/* Runs in the runner after the case's kthread threw or could not start. */
static void kunit_catch_run_case(void *data)
{
	struct kunit_case_context *ctx = data;
	struct kunit *test = ctx->test;
	int result = kunit_try_catch_get_result(&test->try_catch);

	if (result) {
		/* The case never ran, so there is nothing to clean up. */
		kunit_set_failure(test);
		kunit_err(test, "internal error prevented the case from running: %d\n",
			  result);
		return;
	}
	kunit_case_cleanup(test, ctx->suite);
}

/*
 * Fails the case if it changed the number of WARNs by other than what it
 * declared, or the number of live slab objects at all. Callbacks queued by
 * the exit function or by cleanup are run first with rcu_barrier().
 */
static void lkl_kunit_check_case_side_effects(struct kunit *test,
					      unsigned long warns_before,
					      long objects_before)
{
	unsigned long warns;
	long objects;

	rcu_barrier();

	warns = READ_ONCE(lkl_warn_count) - warns_before;
	if (warns != test->lkl_expected_warnings) {
		kunit_err(test, "triggered %lu WARN(s), expected %lu\n",
			  warns, test->lkl_expected_warnings);
		kunit_set_failure(test);
	}

	objects = (long)lkl_slab_live_objects() - objects_before;
	if (objects > 0) {
		kunit_err(test, "leaked %ld slab object(s)\n", objects);
		kunit_set_failure(test);
	} else if (objects < 0) {
		kunit_err(test, "freed %ld slab object(s) allocated before it started\n",
			  -objects);
		kunit_set_failure(test);
	}
}

static void kunit_run_case_catch_errors(struct kunit_suite *suite,
					struct kunit_case *test_case,
					struct kunit *test)
{
	struct kunit_case_context ctx = {
		.test = test,
		.suite = suite,
		.test_case = test_case,
	};
	unsigned long warns_before;
	long objects_before;

	kunit_init_test(test, test_case->name, test_case->log);
	kunit_try_catch_init(&test->try_catch, test, kunit_try_run_case,
			     kunit_catch_run_case);

	warns_before = READ_ONCE(lkl_warn_count);
	objects_before = lkl_slab_live_objects();
	lkl_kunit_running = test;
	kunit_try_catch_run(&test->try_catch, &ctx);
	lkl_kunit_check_case_side_effects(test, warns_before, objects_before);
	lkl_kunit_running = NULL;

	/* A case with parameters fails if any parameter failed. */
	if (test->status == KUNIT_FAILURE)
		test_case->status = KUNIT_FAILURE;
	else if (test_case->status != KUNIT_FAILURE &&
		 test->status == KUNIT_SUCCESS)
		test_case->status = KUNIT_SUCCESS;
}

/*
 * Runs every parameter of a KUNIT_CASE_PARAM() case as a sub-subtest. KUnit
 * 6.1 prints no plan for them because the count is not known in advance.
 */
static void kunit_run_param_case(struct kunit_suite *suite,
				 struct kunit_case *test_case,
				 struct kunit *test,
				 struct kunit_result_stats *param_stats)
{
	char desc[KUNIT_PARAM_DESC_SIZE];

	desc[0] = '\0';
	test->param_value = test_case->generate_params(NULL, desc);
	test->param_index = 0;
	printk(KERN_INFO KUNIT_SUBSUBTEST_INDENT "KTAP version 1\n");
	printk(KERN_INFO KUNIT_SUBSUBTEST_INDENT "# Subtest: %s\n",
	       test_case->name);

	while (test->param_value) {
		kunit_run_case_catch_errors(suite, test_case, test);
		if (desc[0] == '\0')
			snprintf(desc, sizeof(desc), "param-%d",
				 test->param_index);
		kunit_print_result(KUNIT_SUBSUBTEST_INDENT, test->status,
				   test->param_index + 1, desc,
				   test->status_comment);
		kunit_update_stats(param_stats, test->status);

		desc[0] = '\0';
		test->param_value = test_case->generate_params(test->param_value,
							       desc);
		test->param_index++;
	}
}

int kunit_run_tests(struct kunit_suite *suite)
{
	struct kunit_result_stats suite_stats = { 0 };
	struct kunit_result_stats total_stats = { 0 };
	struct kunit_case *test_case;

	suite->status_comment[0] = '\0';
	suite->suite_init_err = 0;
	if (suite->suite_init) {
		suite->suite_init_err = suite->suite_init(suite);
		if (suite->suite_init_err) {
			printk(KERN_ERR KUNIT_SUBTEST_INDENT
			       "# %s: suite_init failed: %d\n",
			       suite->name, suite->suite_init_err);
			/* kunit.py counts a suite without cases as one test. */
			kunit_update_stats(&total_stats, KUNIT_FAILURE);
			goto suite_end;
		}
	}

	printk(KERN_INFO KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	printk(KERN_INFO KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	printk(KERN_INFO KUNIT_SUBTEST_INDENT "1..%zu\n",
	       kunit_suite_num_test_cases(suite));

	kunit_suite_for_each_test_case(suite, test_case) {
		struct kunit test = { .param_value = NULL, .param_index = 0 };
		struct kunit_result_stats param_stats = { 0 };

		test_case->status = KUNIT_SKIPPED;
		if (test_case->generate_params) {
			kunit_run_param_case(suite, test_case, &test,
					     &param_stats);
		} else {
			kunit_run_case_catch_errors(suite, test_case, &test);
			kunit_update_stats(&param_stats, test.status);
		}

		if (kunit_should_print_stats(&param_stats))
			printk(KERN_INFO KUNIT_SUBTEST_INDENT
			       "# %s: pass:%lu fail:%lu skip:%lu total:%lu\n",
			       test_case->name, param_stats.passed,
			       param_stats.failed, param_stats.skipped,
			       param_stats.total);
		kunit_print_result(KUNIT_SUBTEST_INDENT, test_case->status,
				   kunit_test_case_num(suite, test_case),
				   test_case->name, test.status_comment);

		kunit_update_stats(&suite_stats, test_case->status);
		kunit_accumulate_stats(&total_stats, &param_stats);
	}

	if (suite->suite_exit)
		suite->suite_exit(suite);

	if (kunit_should_print_stats(&suite_stats))
		printk(KERN_INFO "# %s: pass:%lu fail:%lu skip:%lu total:%lu\n",
		       suite->name, suite_stats.passed, suite_stats.failed,
		       suite_stats.skipped, suite_stats.total);
	if (kunit_should_print_stats(&total_stats))
		printk(KERN_INFO "# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n",
		       total_stats.passed, total_stats.failed,
		       total_stats.skipped, total_stats.total);
suite_end:
	kunit_print_result("", kunit_suite_has_succeeded(suite),
			   kunit_suite_counter++, suite->name,
			   suite->status_comment);
	kunit_accumulate_stats(&lkl_kunit_totals, &total_stats);
	return 0;
}

/*
 * Filtering, as kunit.filter_glob does in the kernel: "suite_glob" or
 * "suite_glob.case_glob", split at the first '.'.
 */
struct lkl_kunit_filter {
	char suite_glob[256];
	const char *case_glob;
};

static void lkl_kunit_parse_filter(struct lkl_kunit_filter *filter,
				   const char *filter_glob)
{
	const char *dot = strchr(filter_glob, '.');
	size_t suite_len = dot ? (size_t)(dot - filter_glob) :
				 strlen(filter_glob);

	suite_len = min_t(size_t, suite_len, sizeof(filter->suite_glob) - 1);
	memcpy(filter->suite_glob, filter_glob, suite_len);
	filter->suite_glob[suite_len] = '\0';
	filter->case_glob = dot ? dot + 1 : NULL;
}

/*
 * Returns a copy of suite holding only the cases that match case_glob,
 * NULL if none match, or ERR_PTR(-ENOMEM).
 */
static struct kunit_suite *lkl_kunit_filter_cases(const struct kunit_suite *suite,
						  const char *case_glob)
{
	struct kunit_case *test_case, *cases;
	struct kunit_suite *copy;
	size_t count = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		if (!case_glob || lkl_kunit_glob_match(case_glob, test_case->name))
			count++;
	if (count == 0)
		return NULL;

	copy = kmemdup(suite, sizeof(*copy), GFP_KERNEL);
	cases = kcalloc(count + 1, sizeof(*cases), GFP_KERNEL);
	if (!copy || !cases) {
		kfree(copy);
		kfree(cases);
		return ERR_PTR(-ENOMEM);
	}
	count = 0;
	kunit_suite_for_each_test_case(suite, test_case)
		if (!case_glob || lkl_kunit_glob_match(case_glob, test_case->name))
			cases[count++] = *test_case;
	copy->test_cases = cases;
	return copy;
}

static void lkl_kunit_free_suites(struct kunit_suite **suites, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		kfree(suites[i]->test_cases);
		kfree(suites[i]);
	}
	kfree(suites);
}

static void lkl_kunit_list(struct kunit_suite **suites, size_t count)
{
	struct kunit_case *test_case;
	size_t i;

	for (i = 0; i < count; i++)
		kunit_suite_for_each_test_case(suites[i], test_case)
			printk(KERN_INFO "%s.%s\n", suites[i]->name,
			       test_case->name);
}

/*
 * Prints the overall result twice: as KUnit's "# Totals:" line and as
 * "N passed, N failed, N skipped" for log readers that want a plain count.
 * The second goes straight to stdout, so no console timestamp precedes it.
 */
static void lkl_kunit_print_summary(void)
{
	const struct kunit_result_stats *t = &lkl_kunit_totals;
	char line[96];
	int len;

	printk(KERN_INFO "# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n",
	       t->passed, t->failed, t->skipped, t->total);
	len = snprintf(line, sizeof(line), "%lu passed, %lu failed, %lu skipped\n",
		       t->passed, t->failed, t->skipped);
	lkl_host_write(1, line, min_t(size_t, len, sizeof(line) - 1));
}

int lkl_kunit_run_all(const char *filter_glob, bool list_only)
{
	struct kunit_suite **const start = __start_lkl_kunit_suites;
	struct kunit_suite **const stop = __stop_lkl_kunit_suites;
	size_t max = start ? stop - start : 0;
	struct lkl_kunit_filter filter;
	struct kunit_suite **suites;
	size_t count = 0, i;

	if (filter_glob && !*filter_glob)
		filter_glob = NULL;
	if (filter_glob)
		lkl_kunit_parse_filter(&filter, filter_glob);

	suites = kcalloc(max + 1, sizeof(*suites), GFP_KERNEL);
	if (!suites) {
		pr_err("kunit: out of memory for %zu suites\n", max);
		return -ENOMEM;
	}
	for (i = 0; i < max; i++) {
		struct kunit_suite *copy;

		if (filter_glob &&
		    !lkl_kunit_glob_match(filter.suite_glob, start[i]->name))
			continue;
		copy = lkl_kunit_filter_cases(start[i],
					      filter_glob ? filter.case_glob : NULL);
		if (IS_ERR(copy)) {
			pr_err("kunit: out of memory filtering suite %s\n",
			       start[i]->name);
			lkl_kunit_free_suites(suites, count);
			return PTR_ERR(copy);
		}
		if (copy)
			suites[count++] = copy;
	}

	if (list_only) {
		lkl_kunit_list(suites, count);
		lkl_kunit_free_suites(suites, count);
		return 0;
	}

	memset(&lkl_kunit_totals, 0, sizeof(lkl_kunit_totals));
	kunit_suite_counter = 1;
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%zu\n", count);
	for (i = 0; i < count; i++)
		kunit_run_tests(suites[i]);
	lkl_kunit_free_suites(suites, count);
	lkl_kunit_print_summary();

	if (count == 0) {
		pr_err("kunit: no test matches kunit.filter_glob=%s\n",
		       filter_glob ? filter_glob : "");
		return 1;
	}
	return lkl_kunit_totals.failed ? 1 : 0;
}

/* Glob matching for kunit.filter_glob; see lkl_kunit_glob_match(). */
static bool lkl_kunit_match_set(const char **pattern, char c)
{
	const char *p = *pattern + 1;	/* past '[' */
	bool negate = false, matched = false;

	if (*p == '!' || *p == '^') {
		negate = true;
		p++;
	}
	/* A ']' right after the '[' (or "[!") is a member, not the end. */
	do {
		char low = *p, high = low;

		if (!low)
			break;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			high = p[2];
			p += 2;
		}
		if (c >= low && c <= high)
			matched = true;
		p++;
	} while (*p && *p != ']');
	if (*p == ']')
		p++;
	*pattern = p;
	return matched != negate;
}

bool lkl_kunit_glob_match(const char *pattern, const char *str)
{
	/* Where to resume after the last '*' if the text after it mismatches. */
	const char *star_pattern = NULL, *star_str = NULL;

	for (;;) {
		char c = *str;
		const char *p = pattern;

		if (*pattern == '*') {
			star_pattern = ++pattern;
			star_str = str;
			continue;
		}
		if (c && (*pattern == '?' ||
			  (*pattern == '[' && lkl_kunit_match_set(&p, c)) ||
			  (*pattern != '[' && *pattern == c))) {
			pattern = (*pattern == '[') ? p : pattern + 1;
			str++;
			continue;
		}
		if (!c && !*pattern)
			return true;
		/* Mismatch: let the last '*' swallow one more character. */
		if (!star_pattern || !*star_str)
			return false;
		pattern = star_pattern;
		str = ++star_str;
	}
}
