// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP side of the machine: CPU masks, per-CPU areas, cross-CPU
 * function calls (emulated IPIs) and CPU hotplug.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/mutex.h>
#include <linux/moduleparam.h>
#include <linux/rcupdate.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <lkl/host.h>

#include "internal.h"

unsigned int nr_cpu_ids = 1;
static unsigned int nr_cpus_param = 1;
/* The kernel's nr_cpus=: how many CPUs the machine has, all possible. */
core_param(nr_cpus, nr_cpus_param, uint, 0444);

struct cpumask __cpu_possible_mask;
struct cpumask __cpu_online_mask;
struct cpumask __cpu_present_mask;
struct cpumask __cpu_active_mask;
static struct cpumask *cpu_single_masks;

unsigned long __per_cpu_offset[CONFIG_NR_CPUS];

/* The linker defines these around the lkl_percpu section. */
extern char __start_lkl_percpu[] __weak;
extern char __stop_lkl_percpu[] __weak;

/* Makes sure the section exists even if nothing else defines a variable. */
static DEFINE_PER_CPU(int, percpu_anchor);

static unsigned int percpu_reserve = 16384;
core_param(percpu_reserve, percpu_reserve, uint, 0444);

static char **percpu_areas;
static size_t percpu_static_size;
static size_t percpu_dyn_used;

/* Dynamic per-CPU allocations, by offset into the reserve. */
struct percpu_block {
	size_t offset, size;
	bool used;
};
#define PERCPU_MAX_BLOCKS 256
static struct percpu_block percpu_blocks[PERCPU_MAX_BLOCKS];
static unsigned int percpu_nr_blocks;

unsigned int lkl_nr_cpus_requested(void)
{
	return nr_cpus_param;
}

void lkl_setup_cpu_masks(unsigned int nr)
{
	unsigned int cpu;

	nr_cpu_ids = nr;
	cpumask_clear(&__cpu_possible_mask);
	cpumask_clear(&__cpu_online_mask);
	cpumask_clear(&__cpu_present_mask);
	cpumask_clear(&__cpu_active_mask);
	cpu_single_masks = lkl_host_malloc(sizeof(*cpu_single_masks) * nr, 64);
	BUG_ON(!cpu_single_masks);
	for (cpu = 0; cpu < nr; cpu++) {
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
		cpumask_set_cpu(cpu, &__cpu_present_mask);
		cpumask_set_cpu(cpu, &__cpu_online_mask);
		cpumask_set_cpu(cpu, &__cpu_active_mask);
		cpumask_clear(&cpu_single_masks[cpu]);
		cpumask_set_cpu(cpu, &cpu_single_masks[cpu]);
	}
}

const struct cpumask *cpumask_of(unsigned int cpu)
{
	return &cpu_single_masks[cpu];
}

void set_cpu_online(unsigned int cpu, bool online)
{
	if (online) {
		cpumask_set_cpu(cpu, &__cpu_online_mask);
		cpumask_set_cpu(cpu, &__cpu_active_mask);
	} else {
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
		cpumask_clear_cpu(cpu, &__cpu_active_mask);
	}
	WRITE_ONCE(lkl_cpus[cpu].online, online);
}

void lkl_setup_per_cpu_areas(void)
{
	size_t size = __stop_lkl_percpu - __start_lkl_percpu;
	unsigned int cpu;

	(void)&percpu_anchor;
	percpu_static_size = round_up(size, 64);
	percpu_dyn_used = 0;
	percpu_nr_blocks = 0;
	percpu_areas = lkl_host_malloc(sizeof(char *) * nr_cpu_ids, 0);
	BUG_ON(!percpu_areas);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		char *area = lkl_host_malloc(percpu_static_size +
					     percpu_reserve, 64);

		if (!area)
			panic("per-CPU area of %zu bytes for CPU %u: out of memory",
			      percpu_static_size + percpu_reserve, cpu);
		memcpy(area, __start_lkl_percpu, size);
		memset(area + size, 0, percpu_static_size - size + percpu_reserve);
		percpu_areas[cpu] = area;
		__per_cpu_offset[cpu] = (unsigned long)area -
					(unsigned long)__start_lkl_percpu;
	}
}

void lkl_free_per_cpu_areas(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		lkl_host_free(percpu_areas[cpu]);
		__per_cpu_offset[cpu] = 0;
	}
	lkl_host_free(percpu_areas);
	percpu_areas = NULL;
	lkl_host_free(cpu_single_masks);
	cpu_single_masks = NULL;
}

void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp)
{
	struct percpu_block *block = NULL;
	unsigned int cpu, i;
	size_t offset;

	if (WARN(!size || align > 4096 || (align & (align - 1)),
		 "__alloc_percpu(): invalid size %zu or alignment %zu",
		 size, align))
		return NULL;
	if (!align)
		align = 1;
	for (i = 0; i < percpu_nr_blocks; i++) {
		struct percpu_block *b = &percpu_blocks[i];

		if (!b->used && b->size == size && !(b->offset & (align - 1))) {
			block = b;
			break;
		}
	}
	if (!block) {
		offset = round_up(percpu_dyn_used, align);
		if (offset + size > percpu_reserve ||
		    percpu_nr_blocks == PERCPU_MAX_BLOCKS) {
			if (!(gfp & __GFP_NOWARN))
				pr_warn("percpu: allocation of %zu bytes failed: the %u-byte reserve or its %u blocks are used up (set percpu_reserve=)\n",
					size, percpu_reserve, PERCPU_MAX_BLOCKS);
			return NULL;
		}
		percpu_dyn_used = offset + size;
		block = &percpu_blocks[percpu_nr_blocks++];
		block->offset = offset;
		block->size = size;
	}
	block->used = true;
	offset = percpu_static_size + block->offset;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		memset(percpu_areas[cpu] + offset, 0, size);
	return (void __percpu *)(__start_lkl_percpu + offset);
}

void __percpu *__alloc_percpu(size_t size, size_t align)
{
	return __alloc_percpu_gfp(size, align, GFP_KERNEL);
}

/* A freed block is reused by a later allocation of the same size. */
void free_percpu(void __percpu *ptr)
{
	size_t offset;
	unsigned int i;

	if (!ptr)
		return;
	offset = (char *)ptr - __start_lkl_percpu - percpu_static_size;
	for (i = 0; i < percpu_nr_blocks; i++) {
		if (percpu_blocks[i].offset == offset && percpu_blocks[i].used) {
			percpu_blocks[i].used = false;
			return;
		}
	}
	WARN(1, "free_percpu(%px) at %pS: not an allocated per-CPU pointer",
	     ptr, __builtin_return_address(0));
}

/* Runs the queued cross-CPU calls of cpu, in hardirq context. */
void lkl_run_ipis(struct lkl_cpu *cpu)
{
	for (;;) {
		struct __call_single_data *csd;

		lkl_raw_lock(&cpu->rq_lock);
		if (list_empty(&cpu->ipi_queue)) {
			lkl_raw_unlock(&cpu->rq_lock);
			return;
		}
		csd = list_first_entry(&cpu->ipi_queue,
				       struct __call_single_data, node);
		list_del_init(&csd->node);
		WRITE_ONCE(cpu->nr_ipis, cpu->nr_ipis - 1);
		lkl_raw_unlock(&cpu->rq_lock);
		csd->func(csd->info);
		/* Pairs with the acquire in the waiter's loop. */
		smp_store_release(&csd->flags, csd->flags & ~CSD_FLAG_LOCK);
	}
}

static void queue_ipi(int cpu, call_single_data_t *csd)
{
	struct lkl_cpu *target = &lkl_cpus[cpu];

	csd->flags |= CSD_FLAG_LOCK;
	lkl_raw_lock(&target->rq_lock);
	list_add_tail(&csd->node, &target->ipi_queue);
	WRITE_ONCE(target->nr_ipis, target->nr_ipis + 1);
	lkl_raw_unlock(&target->rq_lock);
	lkl_cpu_kick(target);
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     int wait)
{
	call_single_data_t csd = CSD_INIT(func, info);
	call_single_data_t *async;
	unsigned long flags;

	if (cpu < 0 || cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	WARN_ONCE(wait && irqs_disabled(),
		  "smp_call_function_single() waiting with interrupts disabled would deadlock");
	if (cpu == raw_smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	if (!wait) {
		async = lkl_host_malloc(sizeof(*async), 0);
		if (!async)
			return -ENOMEM;
		*async = csd;
		/* NOTE: a call without wait leaks its host-side record. */
		queue_ipi(cpu, async);
		return 0;
	}
	queue_ipi(cpu, &csd);
	while (smp_load_acquire(&csd.flags) & CSD_FLAG_LOCK)
		cpu_relax();
	return 0;
}

int smp_call_function_single_async(int cpu, call_single_data_t *csd)
{
	if (cpu < 0 || cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	if (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK)
		return -EBUSY;
	if (cpu == raw_smp_processor_id()) {
		unsigned long flags;

		local_irq_save(flags);
		csd->func(csd->info);
		local_irq_restore(flags);
		return 0;
	}
	queue_ipi(cpu, csd);
	return 0;
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		if (cpu != raw_smp_processor_id() && cpu_online(cpu))
			smp_call_function_single(cpu, func, info, wait);
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
}

void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func,
		      void *info, bool wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function_many(mask, func, info, wait);
	if (cpumask_test_cpu(raw_smp_processor_id(), mask)) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	}
	preempt_enable();
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu_mask(cpu_online_mask, func, info, wait);
}

void on_each_cpu_cond(smp_cond_func_t cond_func, smp_call_func_t func,
		      void *info, bool wait)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cond_func(cpu, info))
			smp_call_function_single(cpu, func, info, wait);
}

void smp_send_reschedule(int cpu)
{
	struct lkl_cpu *target = &lkl_cpus[cpu];

	if (!READ_ONCE(target->online))
		return;
	/* Under rq_lock, so that curr cannot exit and be freed meanwhile. */
	lkl_raw_lock(&target->rq_lock);
	set_tsk_need_resched(target->curr);
	lkl_raw_unlock(&target->rq_lock);
	WRITE_ONCE(target->resched_ipi, true);
	lkl_cpu_kick(target);
}

static void do_nothing(void *unused)
{
}

void kick_all_cpus_sync(void)
{
	smp_call_function(do_nothing, NULL, 1);
}

struct smp_call_on_cpu_struct {
	int (*func)(void *);
	void *data;
	int ret;
	struct completion done;
};

static int smp_call_on_cpu_fn(void *arg)
{
	struct smp_call_on_cpu_struct *s = arg;

	s->ret = s->func(s->data);
	complete(&s->done);
	return 0;
}

int smp_call_on_cpu(unsigned int cpu, int (*func)(void *), void *par,
		    bool phys)
{
	struct smp_call_on_cpu_struct s = { .func = func, .data = par };
	struct task_struct *t;

	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	init_completion(&s.done);
	t = kthread_create_on_cpu(smp_call_on_cpu_fn, &s, cpu, "smpcall/%u");
	if (IS_ERR(t))
		return PTR_ERR(t);
	wake_up_process(t);
	wait_for_completion(&s.done);
	return s.ret;
}

static DEFINE_MUTEX(cpu_hotplug_lock);

void cpus_read_lock(void)
{
	mutex_lock(&cpu_hotplug_lock);
}

void cpus_read_unlock(void)
{
	mutex_unlock(&cpu_hotplug_lock);
}

/*
 * Moves the tasks of an outgoing CPU to another online CPU. Every task is
 * retargeted under from's rq_lock, so a concurrent wake_up_state() either
 * queues on from before the runqueue is emptied here, or finds the new CPU
 * when it rechecks ->cpu under the lock.
 */
static void migrate_tasks(struct lkl_cpu *from, struct lkl_cpu *to)
{
	struct task_struct *t, *tmp;
	LIST_HEAD(moving);

	lkl_raw_lock(&lkl_machine.tasks_lock);
	lkl_raw_lock(&from->rq_lock);
	list_for_each_entry_safe(t, tmp, &from->runqueue, lkl.run_list) {
		list_move_tail(&t->lkl.run_list, &moving);
		t->lkl.on_rq = false;
		WRITE_ONCE(from->nr_running, from->nr_running - 1);
	}
	list_for_each_entry(t, &lkl_machine.all_tasks, lkl.all_list)
		if (READ_ONCE(t->cpu) == from->id &&
		    !(READ_ONCE(t->flags) & PF_IDLE))
			WRITE_ONCE(t->cpu, to->id);
	lkl_raw_unlock(&from->rq_lock);
	lkl_raw_unlock(&lkl_machine.tasks_lock);

	list_for_each_entry_safe(t, tmp, &moving, lkl.run_list) {
		list_del_init(&t->lkl.run_list);
		lkl_enqueue_task(t);
	}
}

/*
 * The RCU flavour's CPU hotplug hooks, called as the kernel's cpuhp
 * states call them. Tiny RCU defines them as NULL, as 6.1 does.
 */
static int call_hotplug_hook(int (*hook)(unsigned int), unsigned int cpu)
{
	return hook ? hook(cpu) : 0;
}

static void offline_on_cpu(void *arg)
{
	call_hotplug_hook(rcutree_dying_cpu, raw_smp_processor_id());
}

/*
 * Takes cpu offline: RCU learns of it first on the CPU itself, its tasks
 * and timers move to another online CPU, and RCU's dead-CPU hook runs on
 * the caller's CPU, as the kernel's hotplug states do.
 */
int remove_cpu(unsigned int cpu)
{
	struct lkl_cpu *dying, *to;
	unsigned int target;
	int ret;

	might_sleep();
	if (cpu >= nr_cpu_ids)
		return -EINVAL;
	cpus_read_lock();
	if (!cpu_online(cpu) || num_online_cpus() == 1) {
		cpus_read_unlock();
		return cpu_online(cpu) ? -EBUSY : 0;
	}
	dying = &lkl_cpus[cpu];
	if (dying == lkl_this_cpu || READ_ONCE(dying->curr) != dying->idle) {
		/* NOTE: only a CPU that is not running a task can go offline. */
		cpus_read_unlock();
		return -EBUSY;
	}
	ret = call_hotplug_hook(rcutree_offline_cpu, cpu);
	if (ret) {
		cpus_read_unlock();
		return ret;
	}
	smp_call_function_single(cpu, offline_on_cpu, NULL, 1);
	WRITE_ONCE(dying->going_offline, true);
	lkl_cpu_kick(dying);
	while (!smp_load_acquire(&dying->parked))
		cpu_relax();
	for_each_online_cpu(target)
		if (target != cpu)
			break;
	to = &lkl_cpus[target];
	set_cpu_online(cpu, false);
	migrate_tasks(dying, to);
	lkl_migrate_timers(dying, to);
	lkl_run_ipis(dying);
	dying->softirq_pending = 0;
	dying->tick_pending = false;
	ret = call_hotplug_hook(rcutree_dead_cpu, cpu);
	cpus_read_unlock();
	return ret;
}

int add_cpu(unsigned int cpu)
{
	int ret;

	might_sleep();
	if (cpu >= nr_cpu_ids)
		return -EINVAL;
	cpus_read_lock();
	if (cpu_online(cpu)) {
		cpus_read_unlock();
		return 0;
	}
	ret = call_hotplug_hook(rcutree_prepare_cpu, cpu);
	if (!ret) {
		set_cpu_online(cpu, true);
		ret = call_hotplug_hook(rcutree_online_cpu, cpu);
		/* Publishes RCU's per-CPU setup to the CPU leaving park_cpu(). */
		smp_store_release(&lkl_cpus[cpu].going_offline, false);
		lkl_cpu_kick(&lkl_cpus[cpu]);
	}
	cpus_read_unlock();
	return ret;
}
