// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler of the emulated machine: tasks on fibers, per-CPU run
 * queues, schedule() and wake-ups, the idle loop, switching the host thread
 * between emulated CPUs, and the watchdogs that turn a hang into a report.
 *
 * In the default mode one host thread runs every CPU. A CPU that is not
 * executing has its current task suspended at a scheduling point. Every
 * choice of what runs next comes from the seeded generator, so a run
 * replays from its seed. Threaded mode runs each CPU on its own thread.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/moduleparam.h>
#include <linux/rcupdate.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <lkl/host.h>
#include <lkl/debug.h>

#include "internal.h"

struct lkl_machine lkl_machine;

/* The context of the host thread before boot and after halt. */
static struct task_struct lkl_boot_task = {
	.comm = "swapper",
	.flags = PF_KTHREAD | PF_IDLE,
};
static struct lkl_cpu lkl_boot_cpu = {
	.curr = &lkl_boot_task,
	.idle = &lkl_boot_task,
};

__thread struct lkl_cpu *lkl_this_cpu = &lkl_boot_cpu;

struct lkl_cpu *lkl_boot_cpu_ptr(void)
{
	return &lkl_boot_cpu;
}
struct lkl_cpu *lkl_cpus;

unsigned int lkl_sched_point_ns = 500;
module_param_named(sched_point_ns, lkl_sched_point_ns, uint, 0444);
MODULE_PARM_DESC(sched_point_ns,
		 "Mean emulated nanoseconds that pass at each scheduling point");

unsigned int lkl_cpu_switch_percent = 10;
module_param_named(cpu_switch_percent, lkl_cpu_switch_percent, uint, 0444);
MODULE_PARM_DESC(cpu_switch_percent,
		 "Chance in percent that a scheduling point runs another CPU");

unsigned int lkl_sched_slice_ticks = 4;
module_param_named(sched_slice_ticks, lkl_sched_slice_ticks, uint, 0444);
MODULE_PARM_DESC(sched_slice_ticks,
		 "Ticks a task runs before need_resched is set, if others wait");

unsigned int lkl_stack_kb = 256;
module_param_named(stack_kb, lkl_stack_kb, uint, 0444);
MODULE_PARM_DESC(stack_kb, "Stack size of every kernel task, in KiB");

static unsigned int hung_task_timeout_secs = 120;
core_param(hung_task_timeout_secs, hung_task_timeout_secs, uint, 0644);

static unsigned int watchdog_thresh = 10;
core_param(watchdog_thresh, watchdog_thresh, uint, 0644);

/*
 * Both watchdogs stop the run by default, so that a hang ends in a report;
 * softlockup_panic=0 and hung_task_panic=0 make them report and go on.
 */
static bool softlockup_panic = true;
core_param(softlockup_panic, softlockup_panic, bool, 0644);
static bool hung_task_panic = true;
core_param(hung_task_panic, hung_task_panic, bool, 0644);

int lkl_current_cpu_id(void)
{
	return lkl_this_cpu->id;
}

int lkl_current_pid(void)
{
	return lkl_this_cpu->curr->pid;
}

const char *lkl_current_comm(void)
{
	return lkl_this_cpu->curr->comm;
}

bool lkl_machine_running(void)
{
	return lkl_machine.running;
}

/* xoshiro256**, seeded through splitmix64 in boot.c. */
static inline u64 rotl(const u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

u64 lkl_random(void)
{
	u64 *s = lkl_machine.rng;
	const u64 result = rotl(s[1] * 5, 7) * 9;
	const u64 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

u64 lkl_random_below(u64 bound)
{
	return bound ? lkl_random() % bound : 0;
}

u64 lkl_seed(void)
{
	return lkl_machine.seed;
}

void lkl_get_machine_stats(struct lkl_machine_stats *stats)
{
	struct lkl_machine_stats *m = &lkl_machine.stats;

	stats->ticks = READ_ONCE(m->ticks);
	stats->context_switches = READ_ONCE(m->context_switches);
	stats->softirqs_run = READ_ONCE(m->softirqs_run);
	stats->cpu_switches = READ_ONCE(m->cpu_switches);
	stats->ipis = READ_ONCE(m->ipis);
}

/* Allocates a task whose fiber will run entry(task) when first scheduled. */
struct task_struct *lkl_task_alloc(const char *name, int cpu,
				   void (*entry)(void *))
{
	struct task_struct *t;

	t = lkl_host_malloc(sizeof(*t), 64);
	if (!t)
		return NULL;
	memset(t, 0, sizeof(*t));
	t->lkl.fiber = lkl_host_fiber_create(entry, t,
					     (unsigned long)lkl_stack_kb * 1024);
	if (!t->lkl.fiber) {
		lkl_host_free(t);
		return NULL;
	}
	strscpy(t->comm, name, sizeof(t->comm));
	t->flags = PF_KTHREAD;
	t->cpu = cpu;
	atomic_set(&t->usage, 1);
	t->__state = TASK_NEW;
	INIT_LIST_HEAD(&t->lkl.run_list);
	lkl_raw_lock(&lkl_machine.tasks_lock);
	t->pid = lkl_machine.next_pid++;
	list_add_tail(&t->lkl.all_list, &lkl_machine.all_tasks);
	lkl_raw_unlock(&lkl_machine.tasks_lock);
	return t;
}

void lkl_task_free(struct task_struct *t)
{
	lkl_raw_lock(&lkl_machine.tasks_lock);
	list_del(&t->lkl.all_list);
	lkl_raw_unlock(&lkl_machine.tasks_lock);
	lkl_kthread_free(t);
	lkl_host_fiber_destroy(t->lkl.fiber);
	lkl_host_free(t);
}

void __put_task_struct(struct task_struct *t)
{
	if (WARN_ON(t == current || !(t->__state & TASK_DEAD)))
		return;
	lkl_task_free(t);
}

/* Adds cpu to the CPUs that lkl_pick_busy_cpu() considers. */
void lkl_cpu_kick(struct lkl_cpu *cpu)
{
	if (lkl_machine.threaded) {
		if (cpu != lkl_this_cpu && cpu->event)
			lkl_host_event_signal(cpu->event);
		return;
	}
	if (cpu->is_candidate || !lkl_machine.candidates)
		return;
	cpu->is_candidate = true;
	lkl_machine.candidates[lkl_machine.nr_candidates++] = cpu->id;
}

bool lkl_cpu_is_busy(struct lkl_cpu *cpu)
{
	if (READ_ONCE(cpu->going_offline) && !READ_ONCE(cpu->parked))
		return true;
	if (!READ_ONCE(cpu->online))
		return false;
	/* curr is compared, not its flags: the running task writes those. */
	return READ_ONCE(cpu->curr) != cpu->idle || READ_ONCE(cpu->nr_running) ||
	       cpu->tick_pending || cpu->resched_ipi ||
	       READ_ONCE(cpu->nr_ipis) || cpu->softirq_pending ||
	       test_tsk_need_resched(cpu->curr);
}

/*
 * Picks a random CPU other than self that has work. CPUs found idle are
 * dropped from the candidates, so the cost is amortized constant.
 */
struct lkl_cpu *lkl_pick_busy_cpu(struct lkl_cpu *self)
{
	struct lkl_machine *m = &lkl_machine;

	while (m->nr_candidates) {
		unsigned int i = lkl_random_below(m->nr_candidates);
		struct lkl_cpu *cpu = &lkl_cpus[m->candidates[i]];

		if (cpu != self && lkl_cpu_is_busy(cpu))
			return cpu;
		if (cpu == self && m->nr_candidates == 1)
			return NULL;
		if (cpu == self) {
			/* Keep self listed, but look at another one. */
			unsigned int j = lkl_random_below(m->nr_candidates);
			struct lkl_cpu *other = &lkl_cpus[m->candidates[j]];

			if (other != self && lkl_cpu_is_busy(other))
				return other;
			if (other == self)
				continue;
			i = j;
			cpu = other;
		}
		cpu->is_candidate = false;
		m->candidates[i] = m->candidates[--m->nr_candidates];
	}
	return NULL;
}

/* Moves the host thread to target's current task. */
void lkl_switch_to_cpu(struct lkl_cpu *target)
{
	struct lkl_cpu *self = lkl_this_cpu;

	if (target == self)
		return;
	lkl_stat_inc(cpu_switches);
	lkl_this_cpu = target;
	lkl_host_fiber_switch(self->curr->lkl.fiber, target->curr->lkl.fiber);
}

/*
 * Threaded mode: emulated time is host time since boot, and each CPU takes
 * its tick when its own next tick is due.
 */
static void threaded_sched_point(struct lkl_cpu *cpu)
{
	lkl_check_halt(cpu);
	lkl_advance_clock(0);
	lkl_deliver_interrupts(cpu);
}

/*
 * One step of the deterministic mode: ns of emulated time pass, a pending
 * interrupt is delivered, and the seeded generator may move the host
 * thread to another CPU that has work.
 */
static void deterministic_step(struct lkl_cpu *cpu, u64 ns)
{
	lkl_advance_clock(ns);
	lkl_deliver_interrupts(cpu);
	if (nr_cpu_ids > 1 &&
	    lkl_random_below(100) < lkl_cpu_switch_percent) {
		struct lkl_cpu *next = lkl_pick_busy_cpu(cpu);

		if (next)
			lkl_switch_to_cpu(next);
	}
}

void lkl_sched_point(void)
{
	struct lkl_cpu *cpu = lkl_this_cpu;

	if (unlikely(!lkl_machine.running))
		return;
	if (lkl_machine.threaded) {
		threaded_sched_point(cpu);
		return;
	}
	deterministic_step(cpu,
			   lkl_random_below(2 * (u64)lkl_sched_point_ns + 1));
}

void lkl_consume_time(unsigned long ns)
{
	struct lkl_cpu *cpu = lkl_this_cpu;

	if (unlikely(!lkl_machine.running))
		return;
	if (lkl_machine.threaded) {
		u64 until = lkl_emulated_time_ns() + ns;

		do {
			threaded_sched_point(lkl_this_cpu);
		} while (lkl_emulated_time_ns() < until);
		return;
	}
	deterministic_step(cpu, ns);
}

/* Puts p on its CPU's runqueue; the caller holds that CPU's rq_lock. */
static void __enqueue_task(struct task_struct *p)
{
	struct lkl_cpu *cpu = lkl_cpu_of(p);

	if (p->lkl.on_rq || is_idle_task(p))
		return;
	p->lkl.on_rq = true;
	list_add_tail(&p->lkl.run_list, &cpu->runqueue);
	/* Under rq_lock; the tick and idle_cpu() read it without. */
	WRITE_ONCE(cpu->nr_running, cpu->nr_running + 1);
	if (cpu->curr == cpu->idle)
		set_tsk_need_resched(cpu->curr);
	lkl_cpu_kick(cpu);
}

void lkl_enqueue_task(struct task_struct *p)
{
	struct lkl_cpu *cpu = lkl_cpu_of(p);

	lkl_raw_lock(&cpu->rq_lock);
	__enqueue_task(p);
	lkl_raw_unlock(&cpu->rq_lock);
}

static struct task_struct *pick_next_task(struct lkl_cpu *cpu)
{
	struct task_struct *next;

	if (list_empty(&cpu->runqueue))
		return cpu->idle;
	next = list_first_entry(&cpu->runqueue, struct task_struct,
				lkl.run_list);
	list_del_init(&next->lkl.run_list);
	next->lkl.on_rq = false;
	WRITE_ONCE(cpu->nr_running, cpu->nr_running - 1);
	return next;
}

/* Frees the task switched away from if it died. Runs on the new task. */
void lkl_finish_task_switch(void)
{
	struct lkl_cpu *cpu = lkl_this_cpu;
	struct task_struct *prev = cpu->prev;

	cpu->prev = NULL;
	if (prev && (READ_ONCE(prev->__state) & TASK_DEAD))
		put_task_struct(prev);
}

static void __noreturn schedule_bug(struct task_struct *prev,
				    unsigned long ip)
{
	pr_emerg("BUG: scheduling while atomic: %s/%d/0x%08x at %pS\n",
		 prev->comm, prev->pid, preempt_count(), (void *)ip);
	pr_emerg("irqs_disabled(): %d\n", irqs_disabled() ? 1 : 0);
	lkl_print_held_locks();
	dump_stack();
	panic("scheduling while atomic");
}

static void __schedule(unsigned long ip)
{
	struct lkl_cpu *cpu = lkl_this_cpu;
	struct task_struct *prev = cpu->curr;
	struct task_struct *next;
	unsigned int state;

	if (unlikely(preempt_count() || irqs_disabled()))
		schedule_bug(prev, ip);

	lkl_this_cpu->irqs_disabled = true;
	rcu_note_context_switch(false);
	clear_tsk_need_resched(prev);
	cpu = lkl_this_cpu;

	/*
	 * The state is read and curr changed under rq_lock. A wake-up on
	 * another CPU then finds prev either still current, and leaves the
	 * requeue to this code, or gone, and queues it itself.
	 */
	lkl_raw_lock(&cpu->rq_lock);
	state = READ_ONCE(prev->__state);
	if (state == TASK_RUNNING) {
		__enqueue_task(prev);
	} else if (!(state & TASK_DEAD)) {
		if (!prev->lkl.blocked_ip)
			WRITE_ONCE(prev->lkl.blocked_ip, ip);
		WRITE_ONCE(prev->lkl.blocked_since, jiffies);
		WRITE_ONCE(prev->lkl.hung_reported, false);
	}
	next = pick_next_task(cpu);
	WRITE_ONCE(cpu->curr, next);
	lkl_raw_unlock(&cpu->rq_lock);

	lkl_stat_inc(context_switches);
	cpu->nr_switches++;
	cpu->last_switch_jiffies = jiffies;
	cpu->slice_ticks = 0;
	cpu->softlockup_reported = false;

	if (next != prev) {
		cpu->prev = prev;
		WRITE_ONCE(next->lkl.blocked_ip, 0);
		if (next->__state == TASK_NEW)
			next->__state = TASK_RUNNING;
		if (state & TASK_DEAD)
			lkl_host_fiber_exit_to(prev->lkl.fiber,
					       next->lkl.fiber);
		lkl_host_fiber_switch(prev->lkl.fiber, next->lkl.fiber);
		lkl_finish_task_switch();
	}
	lkl_this_cpu->irqs_disabled = false;
}

void schedule(void)
{
	__schedule(_RET_IP_);
}

void schedule_idle(void)
{
	__schedule(_RET_IP_);
}

void schedule_preempt_disabled(void)
{
	sched_preempt_enable_no_resched();
	__schedule(_RET_IP_);
	preempt_disable();
}

void yield(void)
{
	__set_current_state(TASK_RUNNING);
	__schedule(_RET_IP_);
}

int __cond_resched(void)
{
	lkl_sched_point();
	if (!need_resched() || preempt_count() || irqs_disabled())
		return 0;
	__schedule(_RET_IP_);
	return 1;
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	struct lkl_cpu *cpu;

	/* remove_cpu() may move p to another CPU until its rq_lock is held. */
	for (;;) {
		cpu = &lkl_cpus[READ_ONCE(p->cpu)];
		lkl_raw_lock(&cpu->rq_lock);
		if (cpu == &lkl_cpus[READ_ONCE(p->cpu)])
			break;
		lkl_raw_unlock(&cpu->rq_lock);
	}
	if (!(READ_ONCE(p->__state) & state)) {
		lkl_raw_unlock(&cpu->rq_lock);
		return 0;
	}
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (READ_ONCE(cpu->curr) != p)
		__enqueue_task(p);
	lkl_raw_unlock(&cpu->rq_lock);
	return 1;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL | TASK_NEW);
}

int idle_cpu(int cpu)
{
	struct lkl_cpu *c = &lkl_cpus[cpu];

	return READ_ONCE(c->curr) == c->idle && !READ_ONCE(c->nr_running);
}

struct task_struct *idle_task(int cpu)
{
	return lkl_cpus[cpu].idle;
}

/*
 * Another CPU's curr is used under its rq_lock only: __schedule() changes
 * curr under that lock, and the task it replaces may be freed right after.
 */
void resched_cpu(int cpu)
{
	struct lkl_cpu *c = &lkl_cpus[cpu];

	if (c == lkl_this_cpu) {
		set_tsk_need_resched(c->curr);
		return;
	}
	lkl_raw_lock(&c->rq_lock);
	set_tsk_need_resched(c->curr);
	lkl_raw_unlock(&c->rq_lock);
	smp_send_reschedule(cpu);
}

void set_preempt_need_resched(void)
{
	set_tsk_need_resched(current);
}

void clear_preempt_need_resched(void)
{
	clear_tsk_need_resched(current);
}

bool test_preempt_need_resched(void)
{
	return need_resched();
}

bool should_resched(int preempt_offset)
{
	return preempt_count() == preempt_offset && need_resched();
}

void sched_set_fifo(struct task_struct *p)
{
}

void sched_set_fifo_low(struct task_struct *p)
{
}

void sched_set_normal(struct task_struct *p, int nice)
{
}

/*
 * Waits, as the idle task, for something to happen on this CPU: delivers a
 * pending interrupt, else runs another CPU that has work, else lets time
 * pass up to the next event. With nothing left to wait for, the machine is
 * deadlocked and the run stops with a report.
 */
/*
 * Threaded mode: sleeps on the CPU's event until it is kicked or its next
 * tick is due; with nohz=on a CPU that needs no tick sleeps until kicked.
 */
static void threaded_idle_wait(struct lkl_cpu *cpu)
{
	u64 now, timeout = 10 * NSEC_PER_MSEC;

	lkl_check_halt(cpu);
	if (lkl_deliver_interrupts(cpu))
		return;
	now = lkl_emulated_time_ns();
	if ((!lkl_nohz || lkl_idle_cpu_needs_tick(cpu)) &&
	    cpu->next_tick_ns > now)
		timeout = cpu->next_tick_ns - now;
	lkl_host_event_wait(cpu->event, timeout);
	lkl_advance_clock(0);
}

static void idle_wait(struct lkl_cpu *cpu)
{
	struct lkl_cpu *next;
	unsigned long expires, earliest = 0;
	bool have_event = false, need_tick = false;
	unsigned int i;

	if (lkl_machine.threaded) {
		threaded_idle_wait(cpu);
		return;
	}
	if (lkl_deliver_interrupts(cpu))
		return;
	next = lkl_pick_busy_cpu(cpu);
	if (next) {
		lkl_switch_to_cpu(next);
		return;
	}
	for (i = 0; i < nr_cpu_ids; i++) {
		struct lkl_cpu *c = &lkl_cpus[i];

		if (!c->online)
			continue;
		if (!lkl_nohz || lkl_idle_cpu_needs_tick(c))
			need_tick = true;
		if (lkl_next_timer_expiry(c, &expires) &&
		    (!have_event || time_before(expires, earliest))) {
			earliest = expires;
			have_event = true;
		}
	}
	if (need_tick || (have_event && !time_after(earliest, jiffies + 1))) {
		lkl_advance_clock(lkl_machine.next_tick_ns -
				  lkl_machine.clock_ns);
		return;
	}
	if (!have_event)
		lkl_report_deadlock();
	/* Nothing runs until the timer: skip the ticks in between at once. */
	lkl_machine.clock_ns += (earliest - jiffies - 1) * TICK_NSEC;
	lkl_set_jiffies(jiffies_64 + (earliest - jiffies - 1));
	lkl_machine.next_tick_ns = lkl_machine.clock_ns + TICK_NSEC;
	lkl_hung_task_check();
}

/*
 * An outgoing CPU stops here, in its idle task, until add_cpu() brings it
 * back. remove_cpu() waits for parked before it calls RCU's dead-CPU hook,
 * so the hook never runs while this CPU still does RCU work.
 */
static void park_cpu(struct lkl_cpu *cpu)
{
	smp_store_release(&cpu->parked, true);
	/* The acquire pairs with add_cpu(), which prepared RCU for us. */
	while (smp_load_acquire(&cpu->going_offline)) {
		if (lkl_machine.threaded) {
			lkl_check_halt(cpu);
			lkl_host_event_wait(cpu->event, 10 * NSEC_PER_MSEC);
		} else {
			idle_wait(cpu);
		}
	}
	smp_store_release(&cpu->parked, false);
}

void lkl_cpu_idle_loop(void)
{
	for (;;) {
		struct lkl_cpu *cpu = lkl_this_cpu;

		cpu->irqs_disabled = true;
		WRITE_ONCE(cpu->in_idle, true);
		rcu_idle_enter();
		cpu->irqs_disabled = false;
		while (!need_resched()) {
			cpu = lkl_this_cpu;
			if (READ_ONCE(cpu->going_offline)) {
				park_cpu(cpu);
				continue;
			}
			if (local_softirq_pending()) {
				/* As if an interrupt ran them on its way out. */
				cpu->irqs_disabled = true;
				irq_enter();
				irq_exit();
				lkl_this_cpu->irqs_disabled = false;
				continue;
			}
			cpu->idle_needs_tick = rcu_needs_cpu() ||
					       !list_empty(&cpu->timers);
			idle_wait(cpu);
		}
		cpu = lkl_this_cpu;
		cpu->irqs_disabled = true;
		rcu_idle_exit();
		WRITE_ONCE(cpu->in_idle, false);
		cpu->irqs_disabled = false;
		schedule_idle();
	}
}

void lkl_print_task(struct task_struct *t)
{
	static const char * const states[] = {
		"running", "sleeping (interruptible)",
		"sleeping (uninterruptible)",
	};
	unsigned int s = READ_ONCE(t->__state);
	const char *state = s < ARRAY_SIZE(states) ? states[s] : "other";

	if (s == TASK_IDLE)
		state = "idle wait";
	pr_emerg("  task %-16s pid %-5d cpu %-4d %s, blocked at %pS for %lu jiffies\n",
		 t->comm, t->pid, t->cpu, state, (void *)READ_ONCE(t->lkl.blocked_ip),
		 s == TASK_RUNNING ? 0 : jiffies - READ_ONCE(t->lkl.blocked_since));
}

void lkl_report_deadlock(void)
{
	struct task_struct *t;

	pr_emerg("BUG: deadlock: every CPU is idle and no timer, interrupt or softirq is pending, so these tasks can never wake:\n");
	list_for_each_entry(t, &lkl_machine.all_tasks, lkl.all_list) {
		if (!is_idle_task(t) && t->__state != TASK_RUNNING &&
		    !(t->__state & TASK_DEAD))
			lkl_print_task(t);
	}
	panic("deadlock: all tasks blocked with nothing pending");
}

/* The kernel's khungtaskd, run from the tick once a second. */
void lkl_hung_task_check(void)
{
	unsigned long timeout = (unsigned long)hung_task_timeout_secs * HZ;
	struct task_struct *t;
	bool hung = false;

	if (!timeout)
		return;
	lkl_raw_lock(&lkl_machine.tasks_lock);
	list_for_each_entry(t, &lkl_machine.all_tasks, lkl.all_list) {
		unsigned int state = READ_ONCE(t->__state);

		if (!(state & TASK_UNINTERRUPTIBLE) ||
		    (state & TASK_NOLOAD) || READ_ONCE(t->lkl.hung_reported))
			continue;
		if (time_before(jiffies, READ_ONCE(t->lkl.blocked_since) + timeout))
			continue;
		pr_emerg("INFO: task %s:%d blocked for more than %u seconds, at %pS\n",
			 t->comm, t->pid, hung_task_timeout_secs,
			 (void *)READ_ONCE(t->lkl.blocked_ip));
		WRITE_ONCE(t->lkl.hung_reported, true);
		hung = true;
	}
	lkl_raw_unlock(&lkl_machine.tasks_lock);
	if (!hung)
		return;
	lkl_warn_count++;
	if (hung_task_panic)
		panic("hung_task: blocked tasks");
}

/* The soft-lockup detector, run from every tick on the ticking CPU. */
void lkl_watchdog_tick(struct lkl_cpu *cpu)
{
	unsigned long thresh = 2UL * watchdog_thresh * HZ;
	struct task_struct *t = cpu->curr;

	if (!thresh || is_idle_task(t) || cpu->softlockup_reported)
		return;
	if (time_before(jiffies, cpu->last_switch_jiffies + thresh))
		return;
	cpu->softlockup_reported = true;
	pr_emerg("BUG: soft lockup - CPU#%u stuck for %lus! [%s:%d]\n",
		 cpu->id, (jiffies - cpu->last_switch_jiffies) / HZ,
		 t->comm, t->pid);
	lkl_print_held_locks();
	dump_stack();
	lkl_warn_count++;
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}
