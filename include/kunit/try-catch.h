/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <kunit/try-catch.h>: runs a test case in its own
 * kernel thread so that a failed assertion can end the case early.
 *
 * The try function runs in a new kthread. kunit_try_catch_throw() completes
 * the runner's wait and ends that kthread with kthread_exit(); the runner then
 * calls the catch function in its own thread. Not provided: a timeout. A case
 * that never finishes is caught by the machine's hung-task watchdog instead.
 */
#ifndef _KUNIT_TRY_CATCH_H
#define _KUNIT_TRY_CATCH_H

#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct completion;
struct kunit;
struct task_struct;

typedef void (*kunit_try_catch_func_t)(void *context);

struct kunit_try_catch {
	/* private: internal use only. */
	struct kunit *test;
	struct completion *try_completion;
	/* The kthread running try(), set by that kthread when it starts. */
	struct task_struct *task;
	/* 0 after a normal return, -EFAULT after a throw. */
	int try_result;
	kunit_try_catch_func_t try;
	kunit_try_catch_func_t catch;
	void *context;
};

static inline void kunit_try_catch_init(struct kunit_try_catch *try_catch,
					struct kunit *test,
					kunit_try_catch_func_t try,
					kunit_try_catch_func_t catch)
{
	try_catch->test = test;
	try_catch->try = try;
	try_catch->catch = catch;
	try_catch->try_completion = NULL;
	try_catch->task = NULL;
	try_catch->try_result = 0;
	try_catch->context = NULL;
}

/*
 * Runs try(context) in a new kthread and waits for it; then runs
 * catch(context) in the calling thread if try threw or could not start.
 */
void kunit_try_catch_run(struct kunit_try_catch *try_catch, void *context);

/*
 * Ends the try kthread. Called from any other thread, it ends that thread
 * instead, after a report, and the case's own kthread goes on.
 */
void __noreturn kunit_try_catch_throw(struct kunit_try_catch *try_catch);

static inline int kunit_try_catch_get_result(struct kunit_try_catch *try_catch)
{
	return try_catch->try_result;
}

#endif /* _KUNIT_TRY_CATCH_H */
