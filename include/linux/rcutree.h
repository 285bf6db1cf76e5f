/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tree RCU, the hierarchical flavour for many CPUs: the part of the RCU
 * API that depends on it, included by <linux/rcupdate.h> with
 * CONFIG_TREE_RCU. Stands in for the kernel's <linux/rcutree.h> with
 * Linux 6.1 names and signatures, plus the hooks the shim's scheduler,
 * idle loop and interrupt entry call. Not provided: expedited grace
 * periods (synchronize_rcu_expedited() waits for a normal one), stall
 * warnings, preemptible RCU, and the "_full" polled API beyond one word.
 */
#ifndef __LINUX_RCUTREE_H
#define __LINUX_RCUTREE_H

struct task_struct;

struct rcu_gp_oldstate {
	unsigned long rgos_norm;
};

#define NUM_ACTIVE_RCU_POLL_FULL_OLDSTATE 2

static inline bool
same_state_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp1,
				struct rcu_gp_oldstate *rgosp2)
{
	return rgosp1->rgos_norm == rgosp2->rgos_norm;
}

/* Polled grace periods: cookies follow RCU-sched grace-period numbers. */
unsigned long get_state_synchronize_rcu(void);
unsigned long start_poll_synchronize_rcu(void);
bool poll_state_synchronize_rcu(unsigned long oldstate);

static inline void get_state_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	rgosp->rgos_norm = get_state_synchronize_rcu();
}

static inline void
start_poll_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	rgosp->rgos_norm = start_poll_synchronize_rcu();
}

static inline bool
poll_state_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	return poll_state_synchronize_rcu(rgosp->rgos_norm);
}

/* Waits for a grace period unless one has ended since @oldstate. */
static inline void cond_synchronize_rcu(unsigned long oldstate)
{
	might_sleep();
	if (!poll_state_synchronize_rcu(oldstate))
		synchronize_rcu();
}

static inline void cond_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	cond_synchronize_rcu(rgosp->rgos_norm);
}

/* NOTE: there are no expedited grace periods; these use normal ones. */
static inline unsigned long start_poll_synchronize_rcu_expedited(void)
{
	return start_poll_synchronize_rcu();
}

static inline void
start_poll_synchronize_rcu_expedited_full(struct rcu_gp_oldstate *rgosp)
{
	rgosp->rgos_norm = start_poll_synchronize_rcu_expedited();
}

static inline void cond_synchronize_rcu_expedited(unsigned long oldstate)
{
	cond_synchronize_rcu(oldstate);
}

static inline void
cond_synchronize_rcu_expedited_full(struct rcu_gp_oldstate *rgosp)
{
	cond_synchronize_rcu_expedited(rgosp->rgos_norm);
}

static inline void synchronize_rcu_expedited(void)
{
	synchronize_rcu();
}

void rcu_barrier(void);

/* Declared here as in the kernel, which keeps <linux/mm.h> out of RCU. */
extern void kvfree(const void *addr);

/*
 * Queues @head for kvfree() of its object, @func being the offset of
 * @head in it; with @head NULL, @func is the object itself, freed after a
 * synchronous grace period.
 */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func);

/* Number of RCU-sched grace periods completed (starts near wrap). */
unsigned long rcu_batches_completed(void);

/*
 * Quiescent-state hooks. A context switch is a quiescent state of every
 * flavour; rcu_softirq_qs() marks the end of a softirq batch.
 */
void rcu_note_context_switch(bool preempt);
void rcu_softirq_qs(void);
int rcu_needs_cpu(void);

/*
 * Dyntick-idle tracking. The idle task calls rcu_idle_enter() and
 * rcu_idle_exit() around idle at process level. Interrupt entry and exit
 * call rcu_irq_enter() and rcu_irq_exit() (after pending softirqs ran, as
 * the kernel's irq_exit() does). While a CPU is idle outside interrupts,
 * no grace period waits for it.
 */
void rcu_idle_enter(void);
void rcu_idle_exit(void);
void rcu_irq_enter(void);
void rcu_irq_exit(void);
void rcu_irq_enter_irqson(void);
void rcu_irq_exit_irqson(void);
bool rcu_is_watching(void);

static inline void rcu_virt_note_context_switch(int cpu)
{
	rcu_note_context_switch(false);
}

static inline void rcu_cpu_stall_reset(void) { }
static inline void rcu_irq_exit_check_preempt(void) { }
static inline void exit_rcu(void) { }
static inline bool rcu_preempt_need_deferred_qs(struct task_struct *t)
{
	return false;
}
static inline void rcu_preempt_deferred_qs(struct task_struct *t) { }
static inline void rcu_scheduler_starting(void) { }
static inline void rcu_end_inkernel_boot(void) { }
static inline bool rcu_inkernel_boot_has_ended(void) { return true; }
static inline void rcu_momentary_eqs(void) { }
static inline void kfree_rcu_scheduler_running(void) { }
static inline bool rcu_gp_might_be_stalled(void) { return false; }

/* Keeps read-side sections from leaking across this point. */
static inline void rcu_all_qs(void) { barrier(); }

/*
 * CPU hotplug, called by the machine's add_cpu() and remove_cpu():
 * rcutree_prepare_cpu() on another CPU before @cpu starts (rcu_init()
 * prepares the CPUs online at boot itself), rcutree_online_cpu() once it
 * runs, rcutree_offline_cpu() before it stops, rcutree_dying_cpu() on
 * @cpu itself with interrupts disabled as it stops, and
 * rcutree_dead_cpu() on a surviving CPU afterwards, which adopts its
 * callbacks. Each returns 0, or -EINVAL (with a warning) when called out
 * of order.
 */
int rcutree_prepare_cpu(unsigned int cpu);
int rcutree_online_cpu(unsigned int cpu);
int rcutree_offline_cpu(unsigned int cpu);
int rcutree_dying_cpu(unsigned int cpu);
int rcutree_dead_cpu(unsigned int cpu);
static inline void rcu_cpu_starting(unsigned int cpu) { }

#endif /* __LINUX_RCUTREE_H */
