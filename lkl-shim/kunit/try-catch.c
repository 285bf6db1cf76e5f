// SPDX-License-Identifier: GPL-2.0
/*
 * Runs each KUnit test case in a kthread of its own, so that a failed
 * assertion or kunit_skip() can end the case with
 * kthread_complete_and_exit() while the runner, waiting on that completion,
 * carries on.
 */
#include <kunit/test.h>
#include <kunit/try-catch.h>

#include <linux/completion.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>

static int kunit_try_catch_threadfn(void *data)
{
	struct kunit_try_catch *try_catch = data;

	try_catch->task = current;
	try_catch->try(try_catch->context);
	try_catch->try_result = 0;
	kthread_complete_and_exit(try_catch->try_completion, 0);
}

void kunit_try_catch_throw(struct kunit_try_catch *try_catch)
{
	if (current != try_catch->task) {
		/*
		 * A helper thread of the case cannot end the case; all it can
		 * do is stop itself before it runs on past a failed assertion.
		 */
		kunit_err(try_catch->test,
			  "assertion failed in %s/%d, not the case's kthread: ending that task\n",
			  current->comm, current->pid);
		kthread_exit(-EFAULT);
	}
	try_catch->try_result = -EFAULT;
	kthread_complete_and_exit(try_catch->try_completion, -EFAULT);
}

void kunit_try_catch_run(struct kunit_try_catch *try_catch, void *context)
{
	struct completion done;
	struct task_struct *task;
	int result;

	init_completion(&done);
	try_catch->context = context;
	try_catch->try_completion = &done;
	try_catch->try_result = 0;
	try_catch->task = NULL;

	task = kthread_run(kunit_try_catch_threadfn, try_catch,
			   "kunit_try_catch_thread");
	if (IS_ERR(task)) {
		try_catch->try_result = PTR_ERR(task);
		kunit_err(try_catch->test,
			  "could not start the case's kthread: error %d\n",
			  try_catch->try_result);
		try_catch->catch(context);
		return;
	}

	/*
	 * NOTE: no timeout. A case that blocks forever is reported by the
	 * machine's deadlock and hung-task watchdogs, which stop the run.
	 */
	wait_for_completion(&done);
	try_catch->task = NULL;

	result = try_catch->try_result;
	if (result == 0)
		return;
	/* -EFAULT is a throw: the case was aborted on purpose. */
	if (result == -EFAULT)
		try_catch->try_result = 0;
	try_catch->catch(context);
}
