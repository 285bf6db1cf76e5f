/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tiny RCU, the uniprocessor flavour: the part of the RCU API that depends
 * on it. Stands in for the kernel's <linux/rcutiny.h> with Linux 6.1 names
 * and signatures, so both this project's Tiny RCU (kernel-src/rcutiny.c)
 * and Linux 6.1's kernel/rcu/tiny.c build against it. It adds the hooks
 * the shim's scheduler calls. CPU hotplug and stall warnings are absent.
 */
#ifndef __LINUX_RCUTINY_H
#define __LINUX_RCUTINY_H

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

/* Polled grace periods: the flavour counts grace periods in gp_seq. */
unsigned long get_state_synchronize_rcu(void);

static inline void get_state_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	rgosp->rgos_norm = get_state_synchronize_rcu();
}

unsigned long start_poll_synchronize_rcu(void);

static inline void
start_poll_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp)
{
	rgosp->rgos_norm = start_poll_synchronize_rcu();
}

bool poll_state_synchronize_rcu(unsigned long oldstate);

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

extern void rcu_barrier(void);

static inline void synchronize_rcu_expedited(void)
{
	synchronize_rcu();
}

/* Declared here as in the kernel, which keeps <linux/mm.h> out of RCU. */
extern void kvfree(const void *addr);

/*
 * Queues @head for kvfree() of its object, @func being the offset of
 * @head in it; with @head NULL, @func is the object itself, freed after a
 * synchronous grace period.
 */
static inline void __kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	if (head) {
		call_rcu(head, func);
		return;
	}

	might_sleep();
	synchronize_rcu();
	kvfree((void *)func);
}

/*
 * Defined out of line by the flavour. Linux 6.1's tiny.c defines it only
 * with CONFIG_KASAN_GENERIC, so a build of that file needs that option.
 */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func);

/* Reports a quiescent state of the only CPU. */
void rcu_qs(void);

static inline void rcu_softirq_qs(void)
{
	rcu_qs();
}

/* A context switch is a quiescent state. Called by schedule(). */
#define rcu_note_context_switch(preempt)				\
	do {								\
		rcu_qs();						\
		rcu_tasks_qs(current, (preempt));			\
	} while (0)

/*
 * Idle entry and exit, called by the idle task. They are not part of the
 * 6.1 API (which folded them into context tracking), so a build of 6.1's
 * tiny.c must define them itself.
 */
void rcu_idle_enter(void);
void rcu_idle_exit(void);

/* Tiny RCU does not track interrupt nesting. */
static inline void rcu_irq_enter(void) { }
static inline void rcu_irq_exit(void) { }
static inline void rcu_irq_enter_irqson(void) { }
static inline void rcu_irq_exit_irqson(void) { }

static inline int rcu_needs_cpu(void)
{
	return 0;
}

/* There is one CPU, so no state needs to follow a task between CPUs. */
static inline void rcu_virt_note_context_switch(int cpu) { }
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
static inline bool rcu_is_watching(void) { return true; }
static inline void rcu_momentary_eqs(void) { }
static inline void kfree_rcu_scheduler_running(void) { }
static inline bool rcu_gp_might_be_stalled(void) { return false; }

/* Keeps read-side sections from leaking across this point. */
static inline void rcu_all_qs(void) { barrier(); }

/* CPU hotplug callbacks: Tiny RCU has none. */
#define rcutree_prepare_cpu      NULL
#define rcutree_online_cpu       NULL
#define rcutree_offline_cpu      NULL
#define rcutree_dead_cpu         NULL
#define rcutree_dying_cpu        NULL
static inline void rcu_cpu_starting(unsigned int cpu) { }

#endif /* __LINUX_RCUTINY_H */
