/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/smp.h>: the CPU number and
 * cross-CPU function calls, delivered as emulated IPIs in hardirq context
 * on the target CPU when it next has interrupts enabled.
 */
#ifndef __LINUX_SMP_H
#define __LINUX_SMP_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#include <lkl/machine.h>

typedef void (*smp_call_func_t)(void *info);
typedef bool (*smp_cond_func_t)(int cpu, void *info);

struct __call_single_data {
	struct list_head node;		/* on the target's IPI queue */
	smp_call_func_t func;
	void *info;
	unsigned int flags;		/* CSD_FLAG_LOCK while queued */
};
typedef struct __call_single_data call_single_data_t;

#define CSD_FLAG_LOCK		0x01
#define CSD_INIT(_func, _info) \
	((call_single_data_t){ .func = (_func), .info = (_info), })
#define INIT_CSD(_csd, _func, _info) \
	do { *(_csd) = CSD_INIT((_func), (_info)); } while (0)

#define raw_smp_processor_id()	((int)lkl_this_cpu->id)
#define smp_processor_id()	raw_smp_processor_id()
#define get_cpu()		({ preempt_disable(); smp_processor_id(); })
#define put_cpu()		preempt_enable()

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     int wait);
int smp_call_function_single_async(int cpu, call_single_data_t *csd);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func,
		      void *info, bool wait);
void on_each_cpu_cond(smp_cond_func_t cond_func, smp_call_func_t func,
		      void *info, bool wait);
void smp_send_reschedule(int cpu);
void kick_all_cpus_sync(void);
int smp_call_on_cpu(unsigned int cpu, int (*func)(void *), void *par,
		    bool phys);

#endif /* __LINUX_SMP_H */
