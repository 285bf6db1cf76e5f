// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit core: per-test state, failure reports, test-managed resources and
 * test-managed memory. The runner that walks the suites and prints KTAP is in
 * executor.c; the per-case kthread is in try-catch.c.
 */
#include <kunit/resource.h>
#include <kunit/test.h>

#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stdarg.h>
#include <linux/string.h>

#include "kunit-internal.h"

void kunit_init_test(struct kunit *test, const char *name, char *log)
{
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
	test->name = name;
	test->log = log;
	if (test->log)
		test->log[0] = '\0';
	test->status = KUNIT_SUCCESS;
	test->status_comment[0] = '\0';
	test->lkl_expected_warnings = 0;
}

void kunit_log_append(char *log, const char *fmt, ...)
{
	size_t used, room;
	va_list args;

	if (!log)
		return;
	used = strlen(log);
	if (used >= KUNIT_LOG_SIZE - 1)
		return;
	room = KUNIT_LOG_SIZE - used;
	va_start(args, fmt);
	vscnprintf(log + used, room, fmt, args);
	va_end(args);
}

void lkl_kunit_expect_warnings(struct kunit *test, unsigned long count)
{
	test->lkl_expected_warnings += count;
}

/*
 * Prints text line by line: the first line after "# <test name>: " as
 * kunit_err() does, the others indented as KTAP diagnostics. Each line is its
 * own printk() so that a console prefix, if any, appears on every line.
 */
void lkl_kunit_print_text(struct kunit *test, const struct lkl_kunit_text *text)
{
	const char *line = text->buf;
	bool first = true;

	while (*line) {
		const char *end = strchr(line, '\n');
		int len = end ? end - line : (int)strlen(line);

		if (first)
			kunit_err(test, "%.*s\n", len, line);
		else
			printk(KERN_ERR KUNIT_SUBTEST_INDENT "%.*s\n", len, line);
		first = false;
		line += len;
		if (*line == '\n')
			line++;
	}
}

void kunit_do_failed_assertion(struct kunit *test,
			       const struct kunit_loc *loc,
			       enum kunit_assert_type type,
			       const struct kunit_assert *assert,
			       assert_format_t assert_format,
			       const char *fmt, ...)
{
	/* On the stack: expectations may fail in atomic context. */
	struct lkl_kunit_text text = { .len = 0, .buf = "" };
	char message[256];
	va_list args;

	kunit_set_failure(test);

	lkl_kunit_text_add(&text, "%s FAILED at %s:%d",
			   type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
			   loc->file, loc->line);
	assert_format(assert, &text);
	if (fmt) {
		va_start(args, fmt);
		vscnprintf(message, sizeof(message), fmt, args);
		va_end(args);
		lkl_kunit_text_add(&text, "%s", message);
	}
	lkl_kunit_print_text(test, &text);

	if (type == KUNIT_ASSERTION)
		kunit_try_catch_throw(&test->try_catch);
}

static void kunit_release_resource(struct kunit_resource *res)
{
	if (res->free)
		res->free(res);
	if (res->should_kfree)
		kfree(res);
}

int kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
		       kunit_resource_free_t free, struct kunit_resource *res,
		       void *context)
{
	int ret = 0;

	if (init) {
		ret = init(res, context);
		if (ret)
			return ret;
	}
	res->free = free;
	spin_lock(&test->lock);
	list_add_tail(&res->node, &test->resources);
	spin_unlock(&test->lock);
	return 0;
}

void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
			   kunit_resource_free_t free, gfp_t internal_gfp,
			   void *context)
{
	struct kunit_resource *res;

	res = kzalloc(sizeof(*res), internal_gfp);
	if (!res)
		return NULL;
	res->should_kfree = true;
	if (kunit_add_resource(test, init, free, res, context)) {
		kfree(res);
		return NULL;
	}
	return res->data;
}

void kunit_remove_resource(struct kunit *test, struct kunit_resource *res)
{
	spin_lock(&test->lock);
	list_del(&res->node);
	spin_unlock(&test->lock);
	kunit_release_resource(res);
}

void kunit_cleanup(struct kunit *test)
{
	struct kunit_resource *res;

	for (;;) {
		spin_lock(&test->lock);
		if (list_empty(&test->resources)) {
			spin_unlock(&test->lock);
			break;
		}
		res = list_last_entry(&test->resources, struct kunit_resource,
				      node);
		list_del(&res->node);
		spin_unlock(&test->lock);
		/* Released unlocked: a free function may sleep. */
		kunit_release_resource(res);
	}
}

struct kunit_kmalloc_array_params {
	size_t n;
	size_t size;
	gfp_t gfp;
};

static int kunit_kmalloc_array_init(struct kunit_resource *res, void *context)
{
	struct kunit_kmalloc_array_params *params = context;

	res->data = kmalloc_array(params->n, params->size, params->gfp);
	return res->data ? 0 : -ENOMEM;
}

static void kunit_kmalloc_array_free(struct kunit_resource *res)
{
	kfree(res->data);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	struct kunit_kmalloc_array_params params = {
		.n = n,
		.size = size,
		.gfp = gfp,
	};

	return kunit_alloc_resource(test, kunit_kmalloc_array_init,
				    kunit_kmalloc_array_free, gfp, &params);
}

/* Fails the test instead of freeing a pointer kunit_kmalloc() did not return. */
void kunit_kfree(struct kunit *test, const void *ptr)
{
	struct kunit_resource *res, *found = NULL;

	if (!ptr)
		return;
	spin_lock(&test->lock);
	list_for_each_entry(res, &test->resources, node) {
		if (res->data == ptr && res->free == kunit_kmalloc_array_free) {
			found = res;
			break;
		}
	}
	spin_unlock(&test->lock);
	if (!found) {
		kunit_err(test,
			  "kunit_kfree(%px) from %pS: not kunit_kmalloc()ed or already freed\n",
			  ptr, __builtin_return_address(0));
		kunit_set_failure(test);
		return;
	}
	kunit_remove_resource(test, found);
}
