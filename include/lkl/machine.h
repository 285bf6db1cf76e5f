/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The emulated machine: CPUs, the boot entry point and the knobs of the
 * deterministic scheduler. Kernel-side code of lkl-shim, tests and program
 * mains include this; kernel-src/ never does.
 */
#ifndef _LKL_MACHINE_H
#define _LKL_MACHINE_H

#include <linux/types.h>
#include <linux/list.h>

struct task_struct;
struct lkl_host_fiber;
struct __call_single_data;
struct timer_list;

/* One emulated CPU. Fields are touched only by code running on that CPU. */
struct lkl_cpu {
	unsigned int id;
	int preempt_count;		/* layout as in <linux/preempt.h> */
	bool online;
	bool irqs_disabled;		/* the interrupt-enable flag, inverted */
	bool tick_pending;		/* a timer interrupt waits for irqs on */
	bool in_idle;			/* between rcu_idle_enter() and exit */
	unsigned long softirq_pending;	/* bit n: softirq n raised */
	struct task_struct *curr;
	struct task_struct *idle;
	struct list_head runqueue;	/* runnable tasks other than curr */
	unsigned int nr_running;	/* tasks on runqueue */
	struct list_head ipi_queue;	/* struct __call_single_data */
	unsigned int nr_ipis;		/* entries on ipi_queue */
	bool resched_ipi;
	unsigned long last_switch_jiffies;
	unsigned long nr_switches;
	unsigned long nr_ticks;
	unsigned int slice_ticks;	/* ticks curr has run without a switch */
	bool softlockup_reported;
	bool idle_needs_tick;		/* RCU or a timer wants ticks in idle */
	bool is_candidate;		/* on the list of CPUs that may be busy */
	struct task_struct *prev;	/* the task switched away from */
	struct list_head timers;	/* struct timer_list, by expiry */
	struct timer_list *running_timer;
	/* Guards runqueue, nr_running and ipi_queue against other CPUs. */
	int rq_lock;
	/* Threaded mode: the CPU's host thread context and its wake-up. */
	struct lkl_host_fiber *host_fiber;
	struct lkl_host_event *event;
	u64 next_tick_ns;
	/* Hotplug: remove_cpu() sets going_offline, then waits for parked. */
	bool going_offline;
	bool parked;
};

/* The CPU the calling code runs on; set on every switch between CPUs. */
extern __thread struct lkl_cpu *lkl_this_cpu;
extern struct lkl_cpu *lkl_cpus;

/* The task and CPU for reports; valid before boot as well. */
int lkl_current_cpu_id(void);
int lkl_current_pid(void);
const char *lkl_current_comm(void);

/*
 * Boots the emulated machine and runs it until init_fn returns.
 *
 * argv[1..argc-1] are kernel command-line parameters ("name=value",
 * "module.name=value"). The boot parses them, sets up the CPUs, calls
 * rcu_init() and the initcalls (module_init() too), then runs init_fn(arg)
 * in the init task (pid 1). When it returns, the exitcalls run, RCU
 * callbacks are flushed with rcu_barrier() and leaks are reported.
 *
 * Returns init_fn's return value, or 1 if it returned 0 but a WARN fired
 * or objects leaked. Returns 2 for invalid command-line parameters. Callable
 * again after it returns: every boot starts from a fresh machine.
 */
int lkl_start_kernel(int argc, char **argv, int (*init_fn)(void *), void *arg);

/* Emulated time since boot, in nanoseconds. */
unsigned long long lkl_emulated_time_ns(void);

/* The seed of the running machine's generator and a draw from it. */
u64 lkl_seed(void);
u64 lkl_random(void);
/* A draw in [0, bound), bound > 0. */
u64 lkl_random_below(u64 bound);

/*
 * A point where the machine may deliver a pending interrupt and, on SMP,
 * run another CPU. Called from cpu_relax(), delays, preempt_enable() and
 * friends. Emulated time advances by about lkl.sched_point_ns per call.
 */
void lkl_sched_point(void);

/* Advances emulated time by ns on this CPU, delivering ticks on the way. */
void lkl_consume_time(unsigned long ns);

/*
 * Advances jiffies by one and delivers the timer interrupt on this CPU now,
 * or as soon as interrupts are enabled. user_mode is what the interrupted
 * context is reported as to RCU. Tests and fuzzers use it to force ticks.
 */
void lkl_tick(bool user_mode);

/* Internal to lkl-shim: pending work a CPU must notice. */
void lkl_cpu_kick(struct lkl_cpu *cpu);
bool lkl_machine_running(void);

/* Machine-wide counters, for tests and the torture summary. */
struct lkl_machine_stats {
	unsigned long ticks;
	unsigned long context_switches;
	unsigned long softirqs_run;
	unsigned long cpu_switches;
	unsigned long ipis;
};
void lkl_get_machine_stats(struct lkl_machine_stats *stats);

#endif /* _LKL_MACHINE_H */
