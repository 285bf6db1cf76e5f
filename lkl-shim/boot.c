// SPDX-License-Identifier: GPL-2.0
/*
 * Boot and halt of the emulated machine: command-line parameters, CPUs and
 * their idle tasks, rcu_init(), the init task that runs the caller's code,
 * and the shutdown checks.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <lkl/host.h>
#include <lkl/debug.h>
#include <lkl/oracle.h>

#include "internal.h"

static u64 boot_seed = 1;
/* The seed of every scheduling choice; a run replays from it exactly. */
core_param(seed, boot_seed, ullong, 0444);

static bool threaded_param;
module_param_named(threaded, threaded_param, bool, 0444);
MODULE_PARM_DESC(threaded,
		 "Run each emulated CPU on its own host thread, in host time (not reproducible from the seed)");

unsigned int lkl_nr_cpus_requested(void);

static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void seed_random(u64 seed)
{
	u64 x = seed;
	int i;

	lkl_machine.seed = seed;
	for (i = 0; i < 4; i++)
		lkl_machine.rng[i] = splitmix64(&x);
}

static void init_cpu(struct lkl_cpu *cpu, unsigned int id)
{
	memset(cpu, 0, sizeof(*cpu));
	cpu->id = id;
	cpu->online = true;
	INIT_LIST_HEAD(&cpu->runqueue);
	INIT_LIST_HEAD(&cpu->ipi_queue);
	INIT_LIST_HEAD(&cpu->timers);
	cpu->last_switch_jiffies = jiffies;
}

/*
 * Stops the machine. On one host thread, control goes back to the caller
 * of lkl_start_kernel(). In threaded mode, every CPU's thread leaves at
 * its next scheduling point, and the caller joins them.
 */
static void __noreturn machine_halt(void)
{
	struct task_struct *self = current;
	unsigned int i;

	if (lkl_machine.threaded) {
		WRITE_ONCE(lkl_machine.halting, true);
		for (i = 0; i < nr_cpu_ids; i++)
			lkl_host_event_signal(lkl_cpus[i].event);
		lkl_host_fiber_exit_to(self->lkl.fiber,
				       lkl_this_cpu->host_fiber);
	}
	lkl_machine.running = false;
	lkl_host_fiber_exit_to(self->lkl.fiber, lkl_machine.boot_fiber);
}

void lkl_check_halt(struct lkl_cpu *cpu)
{
	if (likely(!READ_ONCE(lkl_machine.halting)))
		return;
	lkl_host_fiber_exit_to(cpu->curr->lkl.fiber, cpu->host_fiber);
}

/* Counts the kthreads still alive, which a clean shutdown has none of. */
static unsigned int report_stray_tasks(struct task_struct *init)
{
	struct task_struct *t;
	unsigned int n = 0;

	list_for_each_entry(t, &lkl_machine.all_tasks, lkl.all_list) {
		if (t == init || is_idle_task(t) || (t->__state & TASK_DEAD))
			continue;
		if (!n)
			pr_err("lkl: kthreads still alive at shutdown (stop them with kthread_stop()):\n");
		lkl_print_task(t);
		n++;
	}
	return n;
}

static int kernel_init(void *unused)
{
	struct lkl_machine *m = &lkl_machine;
	unsigned long leaks, warnings;
	unsigned int strays;
	int ret;

	if (lkl_do_initcalls())
		pr_err("lkl: an initcall failed\n");
	ret = m->init_fn(m->init_arg);
	/* As kthread_exit() does for every other task. */
	if (WARN(preempt_count() || irqs_disabled() || lkl_held_lock_count(),
		 "lkl: the init function returned with preempt_count 0x%08x, interrupts %s and %d locks held",
		 preempt_count(), irqs_disabled() ? "disabled" : "enabled",
		 lkl_held_lock_count())) {
		lkl_print_held_locks();
		current->lkl.lockdep_depth = 0;
		lkl_this_cpu->preempt_count = 0;
		lkl_this_cpu->irqs_disabled = false;
	}
	lkl_do_exitcalls();
	/* Queued callbacks own memory: run them before counting leaks. */
	rcu_barrier();
	strays = report_stray_tasks(current);
	leaks = lkl_slab_report_leaks();
	warnings = lkl_warn_count;
	if (warnings)
		pr_err("lkl: %lu warning%s during the run\n", warnings,
		       warnings == 1 ? "" : "s");
	if (!ret && (leaks || warnings || strays))
		ret = 1;
	m->exit_status = ret;
	machine_halt();
}

static void start_kernel_cpu0(void *arg)
{
	struct task_struct *init;

	lkl_finish_task_switch();
	lkl_this_cpu->irqs_disabled = false;
	/* Our flavours reset it in rcu_init() too; Linux 6.1's does not. */
	lkl_rcu_oracle_reset();
	rcu_init();
	smp_store_release(&lkl_machine.smp_ready, true);
	init = kthread_create(kernel_init, NULL, "init");
	if (IS_ERR(init))
		panic("cannot create the init task: %ld", PTR_ERR(init));
	wake_up_process(init);
	lkl_cpu_idle_loop();
}

/* A secondary CPU waits for the boot CPU to set up RCU, then idles. */
static void secondary_start(void *arg)
{
	lkl_finish_task_switch();
	lkl_this_cpu->irqs_disabled = false;
	while (!smp_load_acquire(&lkl_machine.smp_ready)) {
		if (lkl_machine.threaded) {
			lkl_check_halt(lkl_this_cpu);
			lkl_host_yield();
		} else {
			lkl_switch_to_cpu(&lkl_cpus[0]);
		}
	}
	lkl_cpu_idle_loop();
}

/* Threaded mode: the host thread of one emulated CPU. */
static void cpu_thread(void *arg)
{
	struct lkl_cpu *cpu = arg;

	lkl_this_cpu = cpu;
	cpu->host_fiber = lkl_host_fiber_current_thread();
	lkl_host_fiber_switch(cpu->host_fiber, cpu->idle->lkl.fiber);
	lkl_this_cpu = lkl_boot_cpu_ptr();
	lkl_host_fiber_destroy(cpu->host_fiber);
}

static void run_threaded(unsigned int nr)
{
	struct lkl_host_thread **threads;
	unsigned int i;

	threads = lkl_host_malloc(sizeof(*threads) * nr, 0);
	if (!threads)
		panic("cannot allocate %u host threads", nr);
	for (i = 0; i < nr; i++) {
		lkl_cpus[i].event = lkl_host_event_create();
		if (!lkl_cpus[i].event)
			panic("cannot create the wake-up event of CPU %u", i);
	}
	lkl_machine.boot_host_ns = lkl_host_time_ns();
	lkl_machine.running = true;
	for (i = 0; i < nr; i++) {
		threads[i] = lkl_host_thread_create(cpu_thread, &lkl_cpus[i]);
		if (!threads[i])
			panic("cannot start the host thread of CPU %u", i);
	}
	for (i = 0; i < nr; i++)
		lkl_host_thread_join(threads[i]);
	/* Later messages keep the time at which the machine stopped. */
	lkl_machine.clock_ns = lkl_emulated_time_ns();
	lkl_machine.running = false;
	for (i = 0; i < nr; i++)
		lkl_host_event_destroy(lkl_cpus[i].event);
	lkl_host_free(threads);
}

static int create_idle_tasks(void)
{
	unsigned int i;

	for (i = 0; i < nr_cpu_ids; i++) {
		struct lkl_cpu *cpu = &lkl_cpus[i];
		char name[TASK_COMM_LEN];
		struct task_struct *idle;

		snprintf(name, sizeof(name), "swapper/%u", i);
		idle = lkl_task_alloc(name, i,
				      i ? secondary_start : start_kernel_cpu0);
		if (!idle)
			return -ENOMEM;
		idle->pid = 0;
		idle->flags |= PF_IDLE;
		idle->__state = TASK_RUNNING;
		cpu->idle = idle;
		cpu->curr = idle;
	}
	lkl_machine.next_pid = 1;
	return 0;
}

static void free_machine(void)
{
	struct task_struct *t, *tmp;

	list_for_each_entry_safe(t, tmp, &lkl_machine.all_tasks, lkl.all_list)
		lkl_task_free(t);
	lkl_free_per_cpu_areas();
	lkl_debug_objects_reset();
	lkl_host_free(lkl_machine.candidates);
	lkl_host_free(lkl_cpus);
	lkl_cpus = NULL;
	lkl_machine.candidates = NULL;
}

static int parse_command_line(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			pr_info("usage: %s [name=value | module.name=value]...\n",
				argv[0]);
			lkl_print_params();
			/* Help is all this run does: nothing boots. */
			lkl_printk_flush();
			lkl_host_exit(0);
		}
		if (lkl_parse_param(argv[i]))
			return -EINVAL;
	}
	return 0;
}

int lkl_start_kernel(int argc, char **argv, int (*init_fn)(void *), void *arg)
{
	struct lkl_machine *m = &lkl_machine;
	unsigned int nr, i;
	int ret;

	if (WARN(m->running, "lkl_start_kernel() while a machine is running"))
		return 2;
	ret = parse_command_line(argc, argv);
	if (ret)
		return ret > 0 ? 0 : 2;
	nr = lkl_nr_cpus_requested();
	if (nr < 1 || nr > CONFIG_NR_CPUS) {
		pr_err("lkl: invalid nr_cpus=%u: this build supports 1 to %d CPUs (CONFIG_NR_CPUS)\n",
		       nr, CONFIG_NR_CPUS);
		return 2;
	}
	if (lkl_stack_kb < 64 || lkl_stack_kb > 65536) {
		pr_err("lkl: invalid lkl.stack_kb=%u: a task stack must be 64 to 65536 KiB\n",
		       lkl_stack_kb);
		return 2;
	}
	if (lkl_cpu_switch_percent > 100) {
		pr_err("lkl: invalid lkl.cpu_switch_percent=%u: a percentage is 0 to 100\n",
		       lkl_cpu_switch_percent);
		return 2;
	}

	memset(m, 0, sizeof(*m));
	m->threaded = threaded_param;
	INIT_LIST_HEAD(&m->all_tasks);
	m->init_fn = init_fn;
	m->init_arg = arg;
	seed_random(boot_seed);
	lkl_warn_count = 0;
	lkl_set_jiffies(INITIAL_JIFFIES);
	m->next_tick_ns = TICK_NSEC;

	lkl_cpus = lkl_host_malloc(sizeof(*lkl_cpus) * nr, 64);
	m->candidates = lkl_host_malloc(sizeof(*m->candidates) * nr, 0);
	if (!lkl_cpus || !m->candidates)
		panic("cannot allocate %u CPUs", nr);
	for (i = 0; i < nr; i++)
		init_cpu(&lkl_cpus[i], i);
	lkl_setup_cpu_masks(nr);
	lkl_setup_per_cpu_areas();
	lkl_softirq_init();
	lkl_timers_init();
	if (create_idle_tasks())
		panic("cannot create the idle tasks of %u CPUs", nr);

	pr_info("lkl: booting %u CPU%s, seed=%llu, HZ=%d, nohz=%s, %s\n", nr,
		nr == 1 ? "" : "s", (unsigned long long)boot_seed, HZ,
		lkl_nohz ? "on" : "off",
		m->threaded ? "threaded (one host thread per CPU)" :
			      "deterministic (one host thread)");
	if (m->threaded) {
		run_threaded(nr);
		free_machine();
		return m->exit_status;
	}
	m->boot_fiber = lkl_host_fiber_current_thread();
	m->running = true;
	lkl_this_cpu = &lkl_cpus[0];
	lkl_host_fiber_switch(m->boot_fiber, lkl_cpus[0].idle->lkl.fiber);

	/* Back on the host thread: the init task has halted the machine. */
	lkl_this_cpu = lkl_boot_cpu_ptr();
	free_machine();
	return m->exit_status;
}
