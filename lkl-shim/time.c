// SPDX-License-Identifier: GPL-2.0
/*
 * Timers, delays and sleeping in emulated time.
 *
 * Each CPU keeps its pending timers on a list ordered by expiry, guarded by
 * a per-CPU lock so other CPUs may add and delete them. The tick raises
 * TIMER_SOFTIRQ when the first one is due.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/bug.h>

#include "internal.h"

static DEFINE_PER_CPU(raw_spinlock_t, timer_base_lock);

static raw_spinlock_t *base_lock(struct lkl_cpu *cpu)
{
	return per_cpu_ptr(&timer_base_lock, cpu->id);
}

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->cpu = -1;
}

static void enqueue_timer(struct lkl_cpu *cpu, struct timer_list *timer)
{
	struct timer_list *t;

	timer->cpu = cpu->id;
	list_for_each_entry(t, &cpu->timers, entry) {
		if (time_before(timer->expires, t->expires)) {
			list_add_tail(&timer->entry, &t->entry);
			return;
		}
	}
	list_add_tail(&timer->entry, &cpu->timers);
}

/*
 * Removes a pending timer from its CPU's list. The caller holds that CPU's
 * base lock. Returns whether the timer was pending.
 */
static int detach_timer(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	list_del_init(&timer->entry);
	return 1;
}

/* Locks the base of the CPU the timer is queued on, or this CPU's. */
static struct lkl_cpu *lock_timer_base(struct timer_list *timer,
				       unsigned long *flags)
{
	for (;;) {
		int cpu = READ_ONCE(timer->cpu);
		struct lkl_cpu *c = &lkl_cpus[cpu >= 0 ? cpu : lkl_this_cpu->id];

		raw_spin_lock_irqsave(base_lock(c), *flags);
		if (READ_ONCE(timer->cpu) == cpu || cpu < 0)
			return c;
		raw_spin_unlock_irqrestore(base_lock(c), *flags);
	}
}

static int __mod_timer(struct timer_list *timer, unsigned long expires,
		       int target_cpu)
{
	struct lkl_cpu *base, *target;
	unsigned long flags;
	int was_pending;

	if (WARN(!timer->function, "timer %px armed with no function", timer))
		return 0;
	if (!timer->entry.next)
		INIT_LIST_HEAD(&timer->entry);
	base = lock_timer_base(timer, &flags);
	was_pending = detach_timer(timer);
	timer->expires = expires;
	target = &lkl_cpus[target_cpu >= 0 ? target_cpu : lkl_this_cpu->id];
	if (target != base) {
		raw_spin_unlock(base_lock(base));
		raw_spin_lock(base_lock(target));
	}
	enqueue_timer(target, timer);
	lkl_cpu_kick(target);
	raw_spin_unlock_irqrestore(base_lock(target), flags);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	WARN_ON(timer_pending(timer));
	__mod_timer(timer, timer->expires, -1);
}

void add_timer_on(struct timer_list *timer, int cpu)
{
	WARN_ON(timer_pending(timer));
	__mod_timer(timer, timer->expires, cpu);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, -1);
}

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	if (timer_pending(timer) && !time_before(expires, timer->expires))
		return 1;
	return __mod_timer(timer, expires, -1);
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	struct lkl_cpu *base;
	int ret;

	if (!timer->entry.next || timer->cpu < 0)
		return 0;
	base = lock_timer_base(timer, &flags);
	ret = detach_timer(timer);
	raw_spin_unlock_irqrestore(base_lock(base), flags);
	return ret;
}

int del_timer_sync(struct timer_list *timer)
{
	int ret;

	WARN_ON(in_hardirq());
	/* Waiting for the running callback from inside it never ends. */
	if (WARN(timer->cpu >= 0 &&
		 READ_ONCE(lkl_cpus[timer->cpu].running_timer) == timer &&
		 timer->cpu == raw_smp_processor_id() && in_serving_softirq(),
		 "del_timer_sync() of timer %px from its own callback %ps would deadlock",
		 timer, timer->function))
		return del_timer(timer);
	for (;;) {
		ret = del_timer(timer);
		if (timer->cpu < 0 ||
		    READ_ONCE(lkl_cpus[timer->cpu].running_timer) != timer)
			return ret;
		cpu_relax();
	}
}

static void run_timer_softirq(struct softirq_action *h)
{
	struct lkl_cpu *cpu = lkl_this_cpu;
	raw_spinlock_t *lock = base_lock(cpu);
	struct timer_list *timer;

	raw_spin_lock_irq(lock);
	while (!list_empty(&cpu->timers)) {
		timer = list_first_entry(&cpu->timers, struct timer_list, entry);
		if (time_after(timer->expires, jiffies))
			break;
		list_del_init(&timer->entry);
		WRITE_ONCE(cpu->running_timer, timer);
		raw_spin_unlock_irq(lock);
		timer->function(timer);
		raw_spin_lock_irq(lock);
		WRITE_ONCE(cpu->running_timer, NULL);
	}
	raw_spin_unlock_irq(lock);
}

/* From the tick, in hardirq context. */
void lkl_run_local_timers(struct lkl_cpu *cpu)
{
	struct timer_list *first;

	if (list_empty(&cpu->timers))
		return;
	first = list_first_entry(&cpu->timers, struct timer_list, entry);
	if (!time_after(first->expires, jiffies))
		raise_softirq_irqoff(TIMER_SOFTIRQ);
}

bool lkl_next_timer_expiry(struct lkl_cpu *cpu, unsigned long *expires)
{
	if (list_empty(&cpu->timers))
		return false;
	*expires = list_first_entry(&cpu->timers, struct timer_list,
				    entry)->expires;
	return true;
}

/* Moves the timers of an outgoing CPU; both bases are locked by the caller. */
void lkl_migrate_timers(struct lkl_cpu *from, struct lkl_cpu *to)
{
	struct timer_list *timer, *tmp;

	list_for_each_entry_safe(timer, tmp, &from->timers, entry) {
		list_del_init(&timer->entry);
		enqueue_timer(to, timer);
	}
	lkl_cpu_kick(to);
}

void lkl_timers_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		raw_spin_lock_init(base_lock(&lkl_cpus[cpu]));
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}

unsigned long round_jiffies(unsigned long j)
{
	return roundup(j, HZ);
}

unsigned long round_jiffies_relative(unsigned long j)
{
	return round_jiffies(j + jiffies) - jiffies;
}

unsigned long round_jiffies_up(unsigned long j)
{
	return roundup(j, HZ);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (WARN(timeout < 0, "schedule_timeout: wrong timeout value %lx",
		 timeout)) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = timeout + jiffies;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	if (!current->lkl.blocked_ip)
		WRITE_ONCE(current->lkl.blocked_ip, _RET_IP_);
	__mod_timer(&timer.timer, expire, -1);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	WRITE_ONCE(current->lkl.blocked_ip, _RET_IP_);
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	msleep(msecs);
	return 0;
}

void usleep_range(unsigned long min, unsigned long max)
{
	might_sleep();
	WRITE_ONCE(current->lkl.blocked_ip, _RET_IP_);
	schedule_timeout_uninterruptible(usecs_to_jiffies(min) + 1);
}

void ndelay(unsigned long nsecs)
{
	lkl_consume_time(nsecs);
}

void udelay(unsigned long usecs)
{
	while (usecs--)
		lkl_consume_time(NSEC_PER_USEC);
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(USEC_PER_MSEC);
}
