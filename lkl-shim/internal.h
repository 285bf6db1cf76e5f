/* SPDX-License-Identifier: GPL-2.0 */
/*
 * State and helpers shared by the files of the emulated machine. Nothing
 * outside lkl-shim/ includes this.
 */
#ifndef _LKL_SHIM_INTERNAL_H
#define _LKL_SHIM_INTERNAL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <lkl/machine.h>

struct lkl_machine {
	bool running;			/* between boot and halt */
	bool threaded;			/* one host thread per emulated CPU */
	bool smp_ready;			/* the boot CPU has run rcu_init() */
	bool halting;			/* threaded mode: CPUs must stop */
	u64 boot_host_ns;		/* host time at boot, threaded mode */
	int tasks_lock;			/* guards all_tasks and next_pid */
	u64 seed;
	u64 rng[4];			/* xoshiro256** state */
	u64 clock_ns;			/* emulated time since boot */
	u64 next_tick_ns;
	struct lkl_host_fiber *boot_fiber;
	struct list_head all_tasks;
	pid_t next_pid;
	struct lkl_machine_stats stats;
	int (*init_fn)(void *arg);
	void *init_arg;
	int exit_status;
	/* CPUs that may have work, for picking the next CPU to run. */
	unsigned int *candidates;
	unsigned int nr_candidates;
};

extern struct lkl_machine lkl_machine;

/* Boot parameters of the machine, defined in sched.c and boot.c. */
extern unsigned int lkl_sched_point_ns;
extern unsigned int lkl_cpu_switch_percent;
extern unsigned int lkl_sched_slice_ticks;
extern unsigned int lkl_stack_kb;
extern bool lkl_nohz;

/* sched.c */
struct lkl_cpu *lkl_boot_cpu_ptr(void);
struct task_struct *lkl_task_alloc(const char *name, int cpu,
				   void (*entry)(void *));
void lkl_task_free(struct task_struct *t);
void lkl_finish_task_switch(void);
void lkl_enqueue_task(struct task_struct *p);
void lkl_cpu_idle_loop(void) __noreturn;
bool lkl_cpu_is_busy(struct lkl_cpu *cpu);
void lkl_watchdog_tick(struct lkl_cpu *cpu);
void lkl_hung_task_check(void);
void __noreturn lkl_report_deadlock(void);
void lkl_print_task(struct task_struct *t);
void lkl_switch_to_cpu(struct lkl_cpu *target);
struct lkl_cpu *lkl_pick_busy_cpu(struct lkl_cpu *self);

/* irq.c */
void lkl_set_jiffies(u64 j);
void lkl_advance_clock(u64 ns);
bool lkl_deliver_interrupts(struct lkl_cpu *cpu);
void lkl_do_tick_event(void);
void lkl_softirq_init(void);

/* time.c */
void lkl_run_local_timers(struct lkl_cpu *cpu);
bool lkl_next_timer_expiry(struct lkl_cpu *cpu, unsigned long *expires);
void lkl_timers_init(void);
void lkl_migrate_timers(struct lkl_cpu *from, struct lkl_cpu *to);

/* smp.c */
void lkl_setup_per_cpu_areas(void);
void lkl_free_per_cpu_areas(void);
void lkl_setup_cpu_masks(unsigned int nr);
void lkl_run_ipis(struct lkl_cpu *cpu);

/* debugobjects.c */
void lkl_debug_objects_reset(void);

/* kthread.c */
void lkl_kthread_free(struct task_struct *t);

/*
 * Host-level locks for the scheduler's own lists. They never sleep, never
 * reach a scheduling point and are uncontended on one host thread.
 */
static inline void lkl_raw_lock(int *lock)
{
	while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(lock, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static inline void lkl_raw_unlock(int *lock)
{
	__atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

#define lkl_stat_inc(field) \
	__atomic_fetch_add(&lkl_machine.stats.field, 1, __ATOMIC_RELAXED)

/*
 * Whether an idle CPU keeps its tick under nohz=on: RCU asked for it when
 * the CPU went idle, or a timer is queued on it now. The timer list is
 * read live because add_timer_on() and hotplug migration queue timers on
 * a CPU that is already idle.
 */
static inline bool lkl_idle_cpu_needs_tick(struct lkl_cpu *cpu)
{
	return READ_ONCE(cpu->idle_needs_tick) ||
	       !list_empty_careful(&cpu->timers);
}

/* Threaded mode: stop this CPU's host thread if the machine is halting. */
void lkl_check_halt(struct lkl_cpu *cpu);

static inline struct lkl_cpu *lkl_cpu_of(struct task_struct *t)
{
	return &lkl_cpus[t->cpu];
}

#endif /* _LKL_SHIM_INTERNAL_H */
