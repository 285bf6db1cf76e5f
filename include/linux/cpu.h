/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/cpu.h>: CPU hotplug of the emulated
 * machine. remove_cpu() moves the outgoing CPU's tasks to an online CPU
 * and calls the RCU hotplug hooks; there is no general cpuhp state machine.
 */
#ifndef _LINUX_CPU_H_
#define _LINUX_CPU_H_

#include <linux/cpumask.h>
#include <linux/smp.h>

int add_cpu(unsigned int cpu);
int remove_cpu(unsigned int cpu);

void cpus_read_lock(void);
void cpus_read_unlock(void);
#define get_online_cpus()	cpus_read_lock()
#define put_online_cpus()	cpus_read_unlock()
#define lockdep_assert_cpus_held()	do { } while (0)

void cpu_startup_entry(int state);

#endif /* _LINUX_CPU_H_ */
