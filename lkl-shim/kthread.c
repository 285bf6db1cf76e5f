// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads. A new kthread sleeps until woken. Unless it is created
 * on or bound to a CPU, the seeded generator places it on an online CPU.
 */
#include <linux/kernel.h>
#include <linux/stdarg.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <lkl/host.h>

#include "internal.h"

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	long result;
	bool should_stop;
	bool should_park;
	bool parked;
	struct completion exited;
	struct completion parked_done;
};

static struct kthread *to_kthread(struct task_struct *k)
{
	/* k itself may be setting PF_EXITING meanwhile. */
	WARN_ON(!(READ_ONCE(k->flags) & PF_KTHREAD) || !k->kthread);
	return k->kthread;
}

static void kthread_entry(void *arg)
{
	struct task_struct *self = arg;
	struct kthread *kthread = self->kthread;

	lkl_finish_task_switch();
	lkl_this_cpu->irqs_disabled = false;
	/* Stopped before it ever ran: the function is not called. */
	if (READ_ONCE(kthread->should_stop))
		kthread_exit(-EINTR);
	kthread_exit(kthread->threadfn(kthread->data));
}

static unsigned int pick_cpu(void)
{
	unsigned int n = num_online_cpus(), cpu;

	if (n <= 1)
		return cpumask_first(cpu_online_mask);
	n = lkl_random_below(n);
	for_each_online_cpu(cpu)
		if (!n--)
			return cpu;
	return cpumask_first(cpu_online_mask);
}

static struct task_struct *create_kthread(int (*threadfn)(void *data),
					  void *data, int cpu,
					  const char *name)
{
	struct kthread *kthread;
	struct task_struct *t;

	if (WARN(!threadfn, "kthread_create() of %s with a NULL function",
		 name))
		return ERR_PTR(-EINVAL);
	kthread = lkl_host_malloc(sizeof(*kthread), 0);
	if (!kthread)
		return ERR_PTR(-ENOMEM);
	memset(kthread, 0, sizeof(*kthread));
	kthread->threadfn = threadfn;
	kthread->data = data;
	init_completion(&kthread->exited);
	init_completion(&kthread->parked_done);
	t = lkl_task_alloc(name, cpu, kthread_entry);
	if (!t) {
		lkl_host_free(kthread);
		return ERR_PTR(-ENOMEM);
	}
	t->kthread = kthread;
	return t;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return create_kthread(threadfn, data, pick_cpu(), name);
}

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt)
{
	char name[TASK_COMM_LEN];
	struct task_struct *t;

	if (WARN(cpu >= nr_cpu_ids || !cpu_online(cpu),
		 "kthread_create_on_cpu(): CPU %u is not online", cpu))
		return ERR_PTR(-EINVAL);
	snprintf(name, sizeof(name), namefmt, cpu);
	t = create_kthread(threadfn, data, cpu, name);
	if (!IS_ERR(t))
		t->lkl.bound = true;
	return t;
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	if (WARN(k->__state != TASK_NEW,
		 "kthread_bind() of %s after it was woken", k->comm))
		return;
	if (WARN(cpu >= nr_cpu_ids || !cpu_online(cpu),
		 "kthread_bind() of %s to CPU %u, which is not online",
		 k->comm, cpu))
		return;
	k->cpu = cpu;
	k->lkl.bound = true;
}

bool kthread_should_stop(void)
{
	struct task_struct *t = current;

	return t->kthread && READ_ONCE(to_kthread(t)->should_stop);
}

bool kthread_should_park(void)
{
	struct task_struct *t = current;

	return t->kthread && READ_ONCE(to_kthread(t)->should_park);
}

void kthread_parkme(void)
{
	struct kthread *self = to_kthread(current);

	for (;;) {
		set_current_state(TASK_PARKED);
		if (!READ_ONCE(self->should_park))
			break;
		if (!self->parked) {
			self->parked = true;
			complete(&self->parked_done);
		}
		schedule();
	}
	self->parked = false;
	__set_current_state(TASK_RUNNING);
}

int kthread_park(struct task_struct *k)
{
	struct kthread *kthread = to_kthread(k);

	if (WARN_ON(READ_ONCE(k->flags) & PF_EXITING))
		return -ENOSYS;
	if (WARN_ON_ONCE(kthread->should_park))
		return -EBUSY;
	reinit_completion(&kthread->parked_done);
	WRITE_ONCE(kthread->should_park, true);
	if (k != current) {
		wake_up_process(k);
		wait_for_completion(&kthread->parked_done);
	}
	return 0;
}

void kthread_unpark(struct task_struct *k)
{
	struct kthread *kthread = to_kthread(k);

	WRITE_ONCE(kthread->should_park, false);
	wake_up_state(k, TASK_PARKED);
}

void kthread_exit(long result)
{
	struct task_struct *t = current;
	struct kthread *kthread = t->kthread;

	if (WARN(preempt_count() || irqs_disabled(),
		 "kthread %s/%d exited with preempt_count 0x%08x and interrupts %s",
		 t->comm, t->pid, preempt_count(),
		 irqs_disabled() ? "disabled" : "enabled")) {
		lkl_this_cpu->preempt_count = 0;
		lkl_this_cpu->irqs_disabled = false;
	}
	if (lkl_held_lock_count()) {
		WARN(1, "kthread %s/%d exited holding locks", t->comm, t->pid);
		lkl_print_held_locks();
		t->lkl.lockdep_depth = 0;
	}
	WRITE_ONCE(t->flags, t->flags | PF_EXITING);
	if (kthread) {
		kthread->result = result;
		complete_all(&kthread->exited);
	}
	__set_current_state(TASK_DEAD);
	schedule();
	BUG();
}

void kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	kthread_exit(code);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kthread;
	long ret;

	might_sleep();
	if (WARN(k == current, "kthread_stop() of the current task %s",
		 k->comm))
		return -EINVAL;
	get_task_struct(k);
	kthread = to_kthread(k);
	WRITE_ONCE(kthread->should_stop, true);
	kthread_unpark(k);
	wake_up_process(k);
	WRITE_ONCE(current->lkl.blocked_ip, _RET_IP_);
	wait_for_completion(&kthread->exited);
	ret = kthread->result;
	put_task_struct(k);
	return ret;
}

void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}

void lkl_kthread_free(struct task_struct *t)
{
	lkl_host_free(t->kthread);
	t->kthread = NULL;
}
