// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt state of the emulated CPUs: the preemption counter, the
 * interrupt-enable flag, hardirq entry and exit, softirqs, the emulated
 * clock and the scheduling-clock tick.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <lkl/debug.h>
#include <lkl/host.h>

#include "internal.h"

bool lkl_nohz = true;
static int nohz_param_set(const char *val, const struct kernel_param *kp)
{
	if (!strcmp(val, "on")) {
		lkl_nohz = true;
		return 0;
	}
	if (!strcmp(val, "off")) {
		lkl_nohz = false;
		return 0;
	}
	pr_err("invalid value '%s' for parameter 'nohz': expected on or off\n",
	       val);
	return -EINVAL;
}

static int nohz_param_get(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%s", lkl_nohz ? "on" : "off");
}

static const struct kernel_param_ops nohz_param_ops = {
	.set = nohz_param_set,
	.get = nohz_param_get,
};
/* As the kernel's nohz=: "on" stops the tick on idle CPUs, "off" keeps it. */
__module_param_call("", nohz, &nohz_param_ops, NULL, 0444, -1, 0);

u64 jiffies_64;
unsigned long lkl_jiffies;

void lkl_set_jiffies(u64 j)
{
	WRITE_ONCE(jiffies_64, j);
	WRITE_ONCE(lkl_jiffies, (unsigned long)j);
}

unsigned long long lkl_emulated_time_ns(void)
{
	if (lkl_machine.threaded && lkl_machine.running)
		return lkl_host_time_ns() - lkl_machine.boot_host_ns;
	return READ_ONCE(lkl_machine.clock_ns);
}

void preempt_count_add(int val)
{
	struct lkl_cpu *cpu = lkl_this_cpu;

	cpu->preempt_count += val;
	/* The kernel warns when the preemption field is about to overflow. */
	WARN_ONCE((cpu->preempt_count & PREEMPT_MASK) >= PREEMPT_MASK - 10,
		  "preempt_count overflow: 0x%08x", cpu->preempt_count);
}

void preempt_count_sub(int val)
{
	struct lkl_cpu *cpu = lkl_this_cpu;

	if (WARN(val > cpu->preempt_count,
		 "preempt_count underflow: subtracting %d from 0x%08x at %pS",
		 val, cpu->preempt_count, __builtin_return_address(0)))
		return;
	if (WARN(val < PREEMPT_MASK && !(cpu->preempt_count & PREEMPT_MASK),
		 "preempt_count 0x%08x: preempt_enable() without preempt_disable() at %pS",
		 cpu->preempt_count, __builtin_return_address(0)))
		return;
	cpu->preempt_count -= val;
}

void lkl_irq_disable(void)
{
	lkl_this_cpu->irqs_disabled = true;
}

void lkl_irq_enable(void)
{
	lkl_this_cpu->irqs_disabled = false;
	lkl_sched_point();
}

unsigned long lkl_irq_save(void)
{
	unsigned long flags = lkl_irq_flags();

	lkl_this_cpu->irqs_disabled = true;
	return flags;
}

void lkl_irq_restore(unsigned long flags)
{
	if (raw_irqs_disabled_flags(flags)) {
		lkl_this_cpu->irqs_disabled = true;
		return;
	}
	lkl_irq_enable();
}

static void (*softirq_vec[NR_SOFTIRQS])(struct softirq_action *);

const char * const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL",
	"TASKLET", "SCHED", "HRTIMER", "RCU",
};

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	if (WARN(nr < 0 || nr >= NR_SOFTIRQS,
		 "open_softirq(%d) out of range", nr))
		return;
	softirq_vec[nr] = action;
}

void __raise_softirq_irqoff(unsigned int nr)
{
	struct lkl_cpu *cpu = lkl_this_cpu;

	if (WARN(nr >= NR_SOFTIRQS, "raise_softirq(%u) out of range", nr))
		return;
	cpu->softirq_pending |= 1UL << nr;
	lkl_cpu_kick(cpu);
}

void raise_softirq_irqoff(unsigned int nr)
{
	lockdep_assert_irqs_disabled();
	__raise_softirq_irqoff(nr);
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	__raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/* At most this many rounds of newly raised softirqs per call, like the kernel. */
#define MAX_SOFTIRQ_RESTART 10

static void __do_softirq(void)
{
	struct lkl_cpu *cpu = lkl_this_cpu;
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	do {
		cpu = lkl_this_cpu;
		pending = cpu->softirq_pending;
		cpu->softirq_pending = 0;
		cpu->irqs_disabled = false;
		while (pending) {
			unsigned int nr = __builtin_ctzl(pending);
			int prev_count = preempt_count();

			pending &= pending - 1;
			lkl_stat_inc(softirqs_run);
			if (softirq_vec[nr])
				softirq_vec[nr](NULL);
			else
				WARN_ONCE(1, "softirq %s raised but never opened",
					  softirq_to_name[nr]);
			if (WARN(preempt_count() != prev_count,
				 "softirq %u %s %pS: exited with preempt_count %08x",
				 nr, softirq_to_name[nr], softirq_vec[nr],
				 preempt_count()))
				lkl_this_cpu->preempt_count = prev_count;
		}
		lkl_this_cpu->irqs_disabled = true;
	} while (lkl_this_cpu->softirq_pending && --restart);
	preempt_count_sub(SOFTIRQ_OFFSET);
}

void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		__do_softirq();
	local_irq_restore(flags);
}

void __local_bh_disable_ip(unsigned long ip, unsigned int cnt)
{
	preempt_count_add(cnt);
}

void _local_bh_enable(void)
{
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
}

void __local_bh_enable_ip(unsigned long ip, unsigned int cnt)
{
	WARN_ONCE(in_hardirq() || irqs_disabled(),
		  "local_bh_enable() at %pS in hardirq context or with interrupts disabled",
		  (void *)ip);
	if (WARN(softirq_count() < cnt,
		 "local_bh_enable() at %pS without local_bh_disable()",
		 (void *)ip))
		return;
	/* Keep preemption off while the pending softirqs run. */
	preempt_count_sub(cnt - 1);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq();
	preempt_count_dec();
	if (!preempt_count())
		lkl_sched_point();
}

void irq_enter(void)
{
	rcu_irq_enter();
	preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		__do_softirq();
	rcu_irq_exit();
}

void lkl_softirq_init(void)
{
	unsigned int i;

	for (i = 0; i < NR_SOFTIRQS; i++)
		softirq_vec[i] = NULL;
}

/* One tick of emulated time: jiffies advance and CPUs get their tick. */
void lkl_do_tick_event(void)
{
	struct lkl_machine *m = &lkl_machine;
	unsigned int i;

	lkl_set_jiffies(jiffies_64 + 1);
	m->next_tick_ns += TICK_NSEC;
	lkl_stat_inc(ticks);
	for (i = 0; i < nr_cpu_ids; i++) {
		struct lkl_cpu *cpu = &lkl_cpus[i];

		if (!cpu->online)
			continue;
		if (READ_ONCE(cpu->in_idle) && lkl_nohz &&
		    !lkl_idle_cpu_needs_tick(cpu))
			continue;
		cpu->tick_pending = true;
		lkl_cpu_kick(cpu);
	}
	if (jiffies % HZ == 0)
		lkl_hung_task_check();
}

/*
 * Threaded mode: jiffies follow host time, and the calling CPU gets a
 * pending tick once its own next tick is due, unless it idles with nohz.
 * The CPU that moves jiffies past a whole second runs the hung-task check.
 */
static void threaded_advance_clock(void)
{
	struct lkl_cpu *cpu = lkl_this_cpu;
	u64 now = lkl_emulated_time_ns();
	u64 target = INITIAL_JIFFIES + now / TICK_NSEC;
	u64 old = READ_ONCE(jiffies_64);

	while (old < target) {
		if (__atomic_compare_exchange_n(&jiffies_64, &old, target, false,
						__ATOMIC_RELAXED,
						__ATOMIC_RELAXED)) {
			WRITE_ONCE(lkl_jiffies, (unsigned long)target);
			lkl_stat_inc(ticks);
			if (old / HZ != target / HZ)
				lkl_hung_task_check();
			break;
		}
	}
	if (now < cpu->next_tick_ns)
		return;
	cpu->next_tick_ns = (now / TICK_NSEC + 1) * TICK_NSEC;
	if (READ_ONCE(cpu->in_idle) && lkl_nohz &&
	    !lkl_idle_cpu_needs_tick(cpu))
		return;
	cpu->tick_pending = true;
}

void lkl_advance_clock(u64 ns)
{
	struct lkl_machine *m = &lkl_machine;

	if (m->threaded) {
		threaded_advance_clock();
		return;
	}
	m->clock_ns += ns;
	while (m->clock_ns >= m->next_tick_ns)
		lkl_do_tick_event();
}

/* The scheduling-clock interrupt handler, in hardirq context. */
static void timer_interrupt(struct lkl_cpu *cpu, bool user_mode)
{
	cpu->tick_pending = false;
	cpu->nr_ticks++;
	rcu_sched_clock_irq(user_mode);
	cpu = lkl_this_cpu;
	lkl_run_local_timers(cpu);
	if (!is_idle_task(cpu->curr) && READ_ONCE(cpu->nr_running) &&
	    ++cpu->slice_ticks >= lkl_sched_slice_ticks)
		set_tsk_need_resched(cpu->curr);
	lkl_watchdog_tick(cpu);
}

/*
 * Delivers what is pending on this CPU: the tick, IPIs and a reschedule
 * IPI, each in hardirq context. Needs interrupts enabled and no hardirq in
 * progress. Returns whether anything was delivered.
 */
bool lkl_deliver_interrupts(struct lkl_cpu *cpu)
{
	bool ipi;

	if (cpu->irqs_disabled || in_hardirq())
		return false;
	ipi = READ_ONCE(cpu->nr_ipis) || READ_ONCE(cpu->resched_ipi);
	if (!cpu->tick_pending && !ipi)
		return false;
	cpu->irqs_disabled = true;
	irq_enter();
	if (ipi) {
		lkl_stat_inc(ipis);
		WRITE_ONCE(cpu->resched_ipi, false);
		lkl_run_ipis(cpu);
		cpu = lkl_this_cpu;
	}
	if (cpu->tick_pending)
		timer_interrupt(cpu, false);
	irq_exit();
	lkl_this_cpu->irqs_disabled = false;
	return true;
}

void lkl_tick(bool user_mode)
{
	struct lkl_cpu *cpu = lkl_this_cpu;

	if (!lkl_machine.running)
		return;
	if (!lkl_machine.threaded)
		lkl_advance_clock(lkl_machine.next_tick_ns -
				  lkl_machine.clock_ns);
	cpu = lkl_this_cpu;
	if (cpu->irqs_disabled || in_hardirq()) {
		cpu->tick_pending = true;
		return;
	}
	cpu->irqs_disabled = true;
	irq_enter();
	timer_interrupt(cpu, user_mode);
	irq_exit();
	lkl_this_cpu->irqs_disabled = false;
}
